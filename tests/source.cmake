mck_add_test(test_source LABEL unit SOURCES test_source.c LIBS mck_source mck_test_support)
# The GStreamer source on real pipelines (videotestsrc, fdsrc, identity): the
# base plugins. Not under a cross build's emulator: GStreamer's plugins there
# would be the arm64 ones, which Debian's multiarch cannot install beside the
# amd64 ones; the arm64 build compiles and links the same driver.
if(NOT CMAKE_CROSSCOMPILING)
        mck_add_test(test_source_gst LABEL unit SOURCES test_source_gst.c LIBS mck_source)
endif()
