/* A mirror's manifest.json, parsed and checked before anything is downloaded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "mck/mirror.h"

#define FAIL(...) (snprintf(msg, cap, __VA_ARGS__), -1)

/* JSON numbers are doubles: integers are exact up to 2^53. */
#define EXACT_MAX 9007199254740992.0

bool mck_manifest_path_ok(const char *path)
{
	static const char dir[] = "status/";
	static const char ext[] = ".jws";
	size_t len;
	size_t name;

	if (strcmp(path, "trustlist.jws") == 0) {
		return true;
	}
	if (strncmp(path, dir, sizeof(dir) - 1) != 0) {
		return false;
	}
	len = strlen(path);
	if (len < sizeof(dir) - 1 + sizeof(ext) - 1 ||
	    strcmp(path + len - (sizeof(ext) - 1), ext) != 0) {
		return false;
	}
	/* NAME of status/NAME.jws: 1-64 of A-Z a-z 0-9 . _ - (trust-list.md §6) */
	name = len - (sizeof(dir) - 1) - (sizeof(ext) - 1);
	if (name < 1 || name > 64) {
		return false;
	}
	for (size_t i = sizeof(dir) - 1; i < sizeof(dir) - 1 + name; i++) {
		char c = path[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-')) {
			return false;
		}
	}
	return true; /* NAME.jws: never "." or ".." */
}

static int hex_digit(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

static bool hex_digest(const char *s, uint8_t out[MCK_SHA256_LEN])
{
	if (strlen(s) != 2 * MCK_SHA256_LEN) {
		return false;
	}
	for (size_t i = 0; i < MCK_SHA256_LEN; i++) {
		int hi = hex_digit(s[2 * i]);
		int lo = hex_digit(s[2 * i + 1]);

		if (hi < 0 || lo < 0) {
			return false;
		}
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}

/* A whole number in [lo, hi] from JSON, or false. */
static bool whole(const cJSON *n, double lo, double hi, double *v)
{
	if (!cJSON_IsNumber(n)) {
		return false;
	}
	*v = n->valuedouble;
	return *v >= lo && *v <= hi && *v == (double)(int64_t)*v;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct mck_manifest_file *)a)->path,
		      ((const struct mck_manifest_file *)b)->path);
}

static int check_file(const cJSON *e, size_t i, struct mck_manifest_file *f, char *msg, size_t cap)
{
	const cJSON *path = cJSON_GetObjectItemCaseSensitive(e, "path");
	const cJSON *size = cJSON_GetObjectItemCaseSensitive(e, "size");
	const cJSON *digest = cJSON_GetObjectItemCaseSensitive(e, "sha256");
	double v;
	double max;

	if (!cJSON_IsObject(e) || !cJSON_IsString(path) || !cJSON_IsString(digest)) {
		return FAIL("manifest: files[%zu] needs path, size and sha256", i);
	}
	if (strlen(path->valuestring) >= sizeof(f->path) ||
	    !mck_manifest_path_ok(path->valuestring)) {
		return FAIL("manifest: files[%zu]: a path other than trustlist.jws or "
			    "status/NAME.jws",
			    i);
	}
	strcpy(f->path, path->valuestring);
	max = strcmp(f->path, "trustlist.jws") == 0 ? (double)MCK_TRUSTLIST_FILE_MAX
						    : (double)MCK_STATUS_JWS_MAX;
	if (!cJSON_IsNumber(size) || !whole(size, 1, EXACT_MAX, &v)) {
		return FAIL("manifest: %s: size is not a whole number of bytes", f->path);
	}
	if (v > max) {
		return FAIL("manifest: %s: %.0f bytes, over the cap of %.0f", f->path, v, max);
	}
	f->size = (uint64_t)v;
	if (!hex_digest(digest->valuestring, f->sha256)) {
		return FAIL("manifest: %s: sha256 is not 64 hex digits", f->path);
	}
	return 0;
}

int mck_manifest_parse(const char *json, size_t len, struct mck_manifest *m, char *msg, size_t cap)
{
	cJSON *root;
	const cJSON *files;
	const cJSON *e;
	double v;
	uint64_t status_bytes = 0;
	int trust = 0;
	int rc = 0;
	size_t n;

	memset(m, 0, sizeof(*m));
	if (len > MCK_MANIFEST_MAX) {
		return FAIL("manifest: %zu bytes, over the cap of %d", len, MCK_MANIFEST_MAX);
	}
	root = cJSON_ParseWithLength(json, len);
	if (root == NULL || !cJSON_IsObject(root)) {
		cJSON_Delete(root);
		return FAIL("manifest: not a JSON object");
	}
	if (!whole(cJSON_GetObjectItemCaseSensitive(root, "sequence"), 1, EXACT_MAX, &v)) {
		rc = FAIL("manifest: sequence is not a whole number from 1");
		goto out;
	}
	m->sequence = (int64_t)v;
	files = cJSON_GetObjectItemCaseSensitive(root, "files");
	n = (size_t)cJSON_GetArraySize(files);
	if (!cJSON_IsArray(files) || n == 0 || n > MCK_MANIFEST_FILES) {
		rc = FAIL("manifest: files is not a list of 1..%d", MCK_MANIFEST_FILES);
		goto out;
	}
	cJSON_ArrayForEach(e, files) {
		struct mck_manifest_file *f = &m->file[m->count];

		rc = check_file(e, m->count, f, msg, cap);
		if (rc != 0) {
			goto out;
		}
		if (strcmp(f->path, "trustlist.jws") == 0) {
			trust++;
		} else {
			status_bytes += f->size;
		}
		m->count++;
	}
	if (trust != 1) {
		rc = FAIL("manifest: %d trust lists, not one", trust);
		goto out;
	}
	if (status_bytes > MCK_STORE_STATUS_BYTES_MAX) {
		rc = FAIL("manifest: the status lists are over %zu MiB together",
			  MCK_STORE_STATUS_BYTES_MAX >> 20);
		goto out;
	}
	/* no path twice (n log n), the trust list first after */
	qsort(m->file, m->count, sizeof(m->file[0]), by_path);
	for (size_t i = 1; i < m->count; i++) {
		if (strcmp(m->file[i - 1].path, m->file[i].path) == 0) {
			rc = FAIL("manifest: %s is listed twice", m->file[i].path);
			goto out;
		}
	}
	for (size_t i = 0; i < m->count; i++) {
		if (strcmp(m->file[i].path, "trustlist.jws") == 0 && i > 0) {
			struct mck_manifest_file t = m->file[i];

			memmove(&m->file[1], &m->file[0], i * sizeof(m->file[0]));
			m->file[0] = t;
			break;
		}
	}
out:
	cJSON_Delete(root);
	if (rc != 0) {
		m->count = 0;
	}
	return rc;
}
