mck_add_test(test_source LABEL unit SOURCES test_source.c LIBS mck_source mck_test_support)
# The GStreamer source on real pipelines (videotestsrc, fdsrc, identity): the
# base plugins. Not under a cross build's emulator: GStreamer's plugins there
# would be the arm64 ones, which Debian's multiarch cannot install beside the
# amd64 ones; the arm64 build compiles and links the same driver.
if(NOT CMAKE_CROSSCOMPILING)
        pkg_check_modules(GSTBASE REQUIRED IMPORTED_TARGET gstreamer-base-1.0)
        mck_add_test(test_source_gst LABEL unit SOURCES test_source_gst.c
                     LIBS mck_source PkgConfig::GSTBASE)
        # under ASan: GLib's and GStreamer's once-per-process memory is not ours
        set(mck_gst_lsan "LSAN_OPTIONS=suppressions=${CMAKE_CURRENT_SOURCE_DIR}/lsan-gstreamer.supp:print_suppressions=0")
        set_tests_properties(test_source_gst PROPERTIES ENVIRONMENT "${mck_gst_lsan}")
        # the gst source in the running kiosk
        add_test(NAME e2e_kiosk_gst
                 COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/kiosk_gst.sh $<TARGET_FILE:mckiosk>
                         ${MCK_FIXTURES})
        set_tests_properties(e2e_kiosk_gst PROPERTIES LABELS e2e TIMEOUT 120
                             ENVIRONMENT "${mck_gst_lsan}")
endif()
include(clips/clips.cmake)
