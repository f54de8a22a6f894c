#define _POSIX_C_SOURCE 200809L

#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int mck_cli_read_stream(int fd, size_t max, char **out, size_t *len)
{
	size_t cap = 4096;
	size_t used = 0;
	char *buf = malloc(cap + 1);

	*out = NULL;
	*len = 0;
	if (buf == NULL) {
		return -ENOMEM;
	}
	for (;;) {
		ssize_t n;

		if (used == cap) {
			if (cap > max) {
				free(buf);
				return -EFBIG;
			}
			char *grown = realloc(buf, cap * 2 + 1);
			if (grown == NULL) {
				free(buf);
				return -ENOMEM;
			}
			buf = grown;
			cap *= 2;
		}
		n = read(fd, buf + used, cap - used);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			int err = errno;
			free(buf);
			return -err;
		}
		if (n == 0) {
			break;
		}
		used += (size_t)n;
	}
	if (used > max) {
		free(buf);
		return -EFBIG;
	}
	buf[used] = '\0';
	*out = buf;
	*len = used;
	return 0;
}

int mck_cli_read_file(const char *path, size_t max, char **out, size_t *len)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	int rc;

	*out = NULL;
	*len = 0;
	if (fd < 0) {
		return -errno;
	}
	if (fstat(fd, &st) != 0) {
		rc = -errno;
	} else if (!S_ISREG(st.st_mode)) {
		rc = -EINVAL;
	} else if ((unsigned long long)st.st_size > max) {
		rc = -EFBIG;
	} else {
		rc = mck_cli_read_stream(fd, max, out, len);
	}
	close(fd);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int mck_cli_list_dir(const char *dir, const char *suffix, char ***names)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **list = NULL;
	int count = 0;
	size_t slen = strlen(suffix);

	*names = NULL;
	if (d == NULL) {
		return -errno;
	}
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char **grown;

		if (e->d_name[0] == '.' || n < slen || strcmp(e->d_name + n - slen, suffix) != 0) {
			continue;
		}
		if (count >= 4096) {
			break;
		}
		grown = realloc(list, (size_t)(count + 1) * sizeof(*list));
		if (grown == NULL || (grown[count] = malloc(n + 1)) == NULL) {
			list = grown != NULL ? grown : list;
			mck_cli_free_names(list, count);
			closedir(d);
			return -ENOMEM;
		}
		list = grown;
		memcpy(list[count++], e->d_name, n + 1);
	}
	closedir(d);
	if (count > 0) {
		qsort(list, (size_t)count, sizeof(*list), by_name);
	}
	*names = list;
	return count;
}

void mck_cli_free_names(char **names, int count)
{
	for (int i = 0; i < count; i++) {
		free(names[i]);
	}
	free(names);
}

int mck_cli_path(char *buf, size_t cap, const char *dir, const char *name)
{
	int n = snprintf(buf, cap, "%s/%s", dir, name);

	return (n < 0 || (size_t)n >= cap) ? -ENAMETOOLONG : 0;
}

void mck_cli_chomp(char *buf, size_t *len)
{
	while (*len > 0 && (buf[*len - 1] == '\n' || buf[*len - 1] == '\r')) {
		buf[--*len] = '\0';
	}
}

char *mck_cli_next_line(char **cursor, size_t *len)
{
	while (*cursor != NULL && **cursor != '\0') {
		char *line = *cursor;
		char *nl = strchr(line, '\n');

		*cursor = NULL;
		if (nl != NULL) {
			*nl = '\0';
			*cursor = nl + 1;
		}
		*len = strlen(line);
		mck_cli_chomp(line, len);
		if (*len > 0) {
			return line;
		}
	}
	return NULL;
}
