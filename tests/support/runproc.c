#define _POSIX_C_SOURCE 200809L

#include "runproc.h"

#include <errno.h>
#include <signal.h>
#include <spawn.h>
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
 * Fill @p all with argv, behind MCK_TEST_EMULATOR's words (separated by
 * spaces) when it is set: a cross build's tests under qemu-user, where the
 * emulator runs the cross-built program since without binfmt the kernel
 * cannot. @p copy keeps the words; the caller frees it.
 */
static int emulated_argv(char *const argv[], char *all[], size_t cap, char **copy)
{
	const char *emu = getenv("MCK_TEST_EMULATOR");
	size_t k = 0;

	*copy = NULL;
	if (emu != NULL && *emu != '\0') {
		*copy = strdup(emu);
		if (*copy == NULL) {
			return -1;
		}
		for (char *w = strtok(*copy, " "); w != NULL && k < cap / 2;
		     w = strtok(NULL, " ")) {
			all[k++] = w;
		}
	}
	for (size_t i = 0; argv[i] != NULL; i++) {
		if (k + 1 >= cap) {
			return -1;
		}
		all[k++] = argv[i];
	}
	all[k] = NULL;
	return 0;
}

/*
 * posix_spawn: the child goes straight to exec, whatever the parent holds
 * (no code of ours runs between fork and exec).
 */
static int spawn(char *const argv[], const int inp[2], const int outp[2], pid_t *pid)
{
	extern char **environ;
	posix_spawn_file_actions_t fa;
	char *all[64];
	char *copy;
	int rc;

	if (emulated_argv(argv, all, sizeof all / sizeof all[0], &copy) != 0) {
		free(copy);
		return -1;
	}
	if (posix_spawn_file_actions_init(&fa) != 0) {
		free(copy);
		return -1;
	}
	rc = posix_spawn_file_actions_adddup2(&fa, outp[1], STDOUT_FILENO);
	rc = rc != 0 ? rc : posix_spawn_file_actions_adddup2(&fa, inp[0], STDIN_FILENO);
	for (int i = 0; i < 2 && rc == 0; i++) {
		rc = posix_spawn_file_actions_addclose(&fa, outp[i]);
		rc = rc != 0 ? rc : posix_spawn_file_actions_addclose(&fa, inp[i]);
	}
	if (rc == 0) {
		/* the emulator from PATH; a program's own path is absolute */
		rc = posix_spawnp(pid, all[0], &fa, NULL, all, environ);
	}
	posix_spawn_file_actions_destroy(&fa);
	free(copy);
	return rc == 0 ? 0 : -1;
}

int mck_test_run(char *const argv[], const char *input, char **out)
{
	int outp[2];
	int inp[2];
	pid_t pid;
	int status;

	*out = NULL;
	if (pipe(outp) != 0) {
		return -1;
	}
	if (pipe(inp) != 0) {
		close(outp[0]);
		close(outp[1]);
		return -1;
	}
	if (spawn(argv, inp, outp, &pid) != 0) {
		close(outp[0]);
		close(outp[1]);
		close(inp[0]);
		close(inp[1]);
		return -1;
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
