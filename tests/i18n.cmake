mck_add_test(test_i18n LABEL unit SOURCES test_i18n.c LIBS mck_i18n)
