#define _POSIX_C_SOURCE 200809L

#include "runproc.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int read_all(int fd, char **out)
{
	size_t cap = 65536;
	size_t used = 0;
	char *buf = malloc(cap);

	if (buf == NULL) {
		return -1;
	}
	for (;;) {
		ssize_t n;

		if (cap - used < 4096) {
			char *grown = realloc(buf, cap * 2);
			if (grown == NULL) {
				free(buf);
				return -1;
			}
			buf = grown;
			cap *= 2;
		}
		n = read(fd, buf + used, cap - used - 1);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			break;
		}
		used += (size_t)n;
	}
	buf[used] = '\0';
	*out = buf;
	return 0;
}

/*
 * execv(argv), through MCK_TEST_EMULATOR when it is set: words separated by
 * spaces (a cross build's tests under qemu-user: the emulator runs the
 * cross-built program, since without binfmt the kernel cannot). Returns only
 * on failure.
 */
static void exec_emulated(char *const argv[])
{
	const char *emu = getenv("MCK_TEST_EMULATOR");
	char *words[16];
	char *all[64];
	size_t n = 0;
	char *copy;

	if (emu == NULL || *emu == '\0') {
		execv(argv[0], argv);
		return;
	}
	copy = strdup(emu);
	if (copy == NULL) {
		return;
	}
	for (char *w = strtok(copy, " "); w != NULL && n < 16; w = strtok(NULL, " ")) {
		words[n++] = w;
	}
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		all[k++] = words[i];
	}
	for (size_t i = 0; argv[i] != NULL && k < 63; i++) {
		all[k++] = argv[i];
	}
	all[k] = NULL;
	if (n > 0) {
		execvp(all[0], all); /* the emulator from PATH */
	}
}

int mck_test_run(char *const argv[], const char *input, char **out)
{
	int outp[2];
	int inp[2];
	pid_t pid;
	int status;

	*out = NULL;
	if (pipe(outp) != 0 || pipe(inp) != 0) {
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		return -1;
	}
	if (pid == 0) {
		dup2(outp[1], STDOUT_FILENO);
		dup2(inp[0], STDIN_FILENO);
		close(outp[0]);
		close(outp[1]);
		close(inp[0]);
		close(inp[1]);
		exec_emulated(argv);
		_exit(127);
	}
	close(outp[1]);
	close(inp[0]);
	signal(SIGPIPE, SIG_IGN);
	if (input != NULL) {
		size_t len = strlen(input);
		size_t done = 0;
		while (done < len) {
			ssize_t n = write(inp[1], input + done, len - done);
			if (n <= 0) {
				break;
			}
			done += (size_t)n;
		}
	}
	close(inp[1]);
	if (read_all(outp[0], out) != 0) {
		close(outp[0]);
		waitpid(pid, &status, 0);
		return -1;
	}
	close(outp[0]);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
		return -1;
	}
	return WEXITSTATUS(status);
}
