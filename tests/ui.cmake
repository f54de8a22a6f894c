# The UI: touch targets and faults, drawn with the software renderer (no display).
mck_add_test(test_ui LABEL unit SOURCES test_ui.c LIBS mck_ui)
