/* SPOOL/fetch.json: when the kiosk last tried a mirror, last succeeded, and why it last failed. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "mck/io.h"
#include "mck/mirror.h"

/* A text of the record: printable ASCII kept, anything else a '?', bounded. */
static void text_of(const cJSON *j, char *out, size_t cap)
{
	size_t k = 0;

	out[0] = '\0';
	if (!cJSON_IsString(j)) {
		return;
	}
	for (const char *p = j->valuestring; *p != '\0' && k + 1 < cap; p++) {
		out[k++] = *p >= 0x20 && *p <= 0x7e ? *p : '?';
	}
	out[k] = '\0';
}

static int64_t time_of(const cJSON *j)
{
	return cJSON_IsNumber(j) && j->valuedouble >= 0 && j->valuedouble < 1e15
		       ? (int64_t)j->valuedouble
		       : 0;
}

int mck_mirror_record_read(int spool_fd, struct mck_mirror_record *r)
{
	char *data = NULL;
	size_t len;
	cJSON *root;
	int rc;

	memset(r, 0, sizeof(*r));
	rc = mck_io_read_at(spool_fd, MCK_MIRROR_RECORD, MCK_MIRROR_RECORD_MAX, &data, &len);
	if (rc == -ENOENT) {
		return 0;
	}
	if (rc != 0) {
		return rc;
	}
	root = cJSON_ParseWithLength(data, len);
	free(data);
	if (!cJSON_IsObject(root)) {
		cJSON_Delete(root);
		return -EBADMSG;
	}
	r->last_attempt = time_of(cJSON_GetObjectItemCaseSensitive(root, "lastAttempt"));
	r->last_success = time_of(cJSON_GetObjectItemCaseSensitive(root, "lastSuccess"));
	r->last_failure = time_of(cJSON_GetObjectItemCaseSensitive(root, "lastFailure"));
	r->sequence = time_of(cJSON_GetObjectItemCaseSensitive(root, "sequence"));
	text_of(cJSON_GetObjectItemCaseSensitive(root, "cause"), r->cause, sizeof(r->cause));
	text_of(cJSON_GetObjectItemCaseSensitive(root, "etag"), r->etag, sizeof(r->etag));
	text_of(cJSON_GetObjectItemCaseSensitive(root, "lastModified"), r->last_modified,
		sizeof(r->last_modified));
	text_of(cJSON_GetObjectItemCaseSensitive(root, "url"), r->url, sizeof(r->url));
	cJSON_Delete(root);
	return 0;
}

/* A time, or null for never. */
static bool add_time(cJSON *o, const char *name, int64_t t)
{
	return (t > 0 ? cJSON_AddNumberToObject(o, name, (double)t)
		      : cJSON_AddNullToObject(o, name)) != NULL;
}

static bool add_text(cJSON *o, const char *name, const char *s)
{
	return (s[0] != '\0' ? cJSON_AddStringToObject(o, name, s)
			     : cJSON_AddNullToObject(o, name)) != NULL;
}

int mck_mirror_record_write(int spool_fd, const struct mck_mirror_record *r)
{
	char tmp[64];
	cJSON *o = cJSON_CreateObject();
	char *text = NULL;
	bool ok = o != NULL;
	int rc;

	ok = ok && add_time(o, "lastAttempt", r->last_attempt) &&
	     add_time(o, "lastSuccess", r->last_success) &&
	     add_time(o, "lastFailure", r->last_failure) && add_text(o, "cause", r->cause) &&
	     add_time(o, "sequence", r->sequence) && add_text(o, "etag", r->etag) &&
	     add_text(o, "lastModified", r->last_modified) && add_text(o, "url", r->url);
	text = ok ? cJSON_PrintUnformatted(o) : NULL;
	cJSON_Delete(o);
	if (text == NULL) {
		return -ENOMEM;
	}
	snprintf(tmp, sizeof(tmp), ".%s.%ld", MCK_MIRROR_RECORD, (long)getpid());
	(void)mck_io_unlink_at(spool_fd, tmp, 0); /* a crashed writer's, of this pid */
	rc = mck_io_write_at(spool_fd, tmp, text, strlen(text));
	if (rc == 0) {
		rc = mck_io_rename_at(spool_fd, tmp, MCK_MIRROR_RECORD);
	}
	if (rc == 0) {
		rc = mck_io_fsync(spool_fd);
	} else {
		(void)mck_io_unlink_at(spool_fd, tmp, 0);
	}
	free(text);
	return rc;
}
