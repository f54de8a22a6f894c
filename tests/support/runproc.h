/* Run a program and capture its standard output (tests only). */
#ifndef MCK_TEST_RUNPROC_H
#define MCK_TEST_RUNPROC_H

#include <stddef.h>

/**
 * Run argv[0] (a path) with @p argv (NULL-terminated), optional @p input on its
 * stdin, capturing stdout into a new NUL-terminated buffer (caller frees).
 * Returns the exit status, or -1 when the program could not run or died.
 */
int mck_test_run(char *const argv[], const char *input, char **out);

#endif
