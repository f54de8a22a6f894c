# Indicators: patterns through the trace backend; the GPIO backend where libgpiod is.
mck_add_test(test_indicator LABEL unit SOURCES test_indicator.c LIBS mck_indicator)
