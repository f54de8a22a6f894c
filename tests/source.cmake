mck_add_test(test_source LABEL unit SOURCES test_source.c LIBS mck_source mck_test_support)
