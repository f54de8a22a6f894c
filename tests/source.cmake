mck_add_test(test_source LABEL unit SOURCES test_source.c LIBS mck_source mck_test_support)
# The GStreamer source on real pipelines (videotestsrc, fdsrc, multifilesrc):
# needs gst-launch-1.0 (gstreamer1.0-tools) and the base and good plugins.
mck_add_test(test_source_gst LABEL unit SOURCES test_source_gst.c LIBS mck_source)
