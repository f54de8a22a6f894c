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
		execv(argv[0], argv);
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
