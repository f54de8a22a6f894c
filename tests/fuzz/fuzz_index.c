/*
 * Fuzz target: the compiled trust-list index as read back from disk. The input
 * is a list of (offset, byte) patches applied to a valid index of the fixture
 * list; its page digests are then recomputed (mck_trustlist_index_seal), so
 * every structural check behind them is exercised, not only the digests.
 * Whatever attaches must be safe to use, and a lie found on use makes the list
 * answer from its parsed JWS.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/trustlist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct mck_anchors *anchors;
static char *jws;
static size_t jws_len;
static uint8_t *valid;
static size_t valid_len;
static uint8_t *work;

static char *slurp(const char *name, size_t *len)
{
	char path[1024];
	FILE *f;
	char *buf;
	long n;

	snprintf(path, sizeof(path), "%s/%s", MCK_FIXTURES, name);
	f = fopen(path, "rb");
	if (f == NULL) {
		abort();
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		abort();
	}
	fclose(f);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r')) {
		n--;
	}
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

static void init(void)
{
	struct mck_trustlist *tl = NULL;
	size_t len;
	char *pem = slurp("anchors/operator.pem", &len);

	anchors = mck_anchors_create();
	if (mck_anchors_add_pem(anchors, pem, len) != 0) {
		abort();
	}
	free(pem);
	jws = slurp("trust/trustlist.jws", &jws_len);
	if (mck_trustlist_load(&tl, anchors, jws, jws_len, NULL, 0) != 0 ||
	    mck_trustlist_index_build(tl, jws, jws_len, &valid, &valid_len) != 0) {
		abort();
	}
	mck_trustlist_destroy(tl);
	work = aligned_alloc(8, (valid_len + 7) / 8 * 8);
	if (work == NULL) {
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mck_trustlist *tl = NULL;
	size_t len;

	if (valid == NULL) {
		init();
	}
	memcpy(work, valid, valid_len);
	len = valid_len;
	/* The first byte may shorten the index; then 5-byte patches. */
	if (size > 0 && data[0] < 8) {
		len -= (size_t)data[0] * 8;
	}
	for (size_t i = 1; i + 5 <= size; i += 5) {
		uint32_t off;

		memcpy(&off, data + i, sizeof(off));
		work[off % len] = data[i + 4];
	}
	(void)mck_trustlist_index_seal(work, len);
	if (mck_trustlist_load_indexed(&tl, anchors, jws, jws_len, work, len, NULL, 0) == 0) {
		/* Use everything the index claims. */
		for (uint32_t i = 0; i < mck_trustlist_issuer_count(tl); i++) {
			const struct mck_tl_issuer *is = mck_trustlist_issuer_at(tl, i);
			const struct mck_tl_issuer *found;

			if (is == NULL) {
				continue; /* a lie found, and the parsed list disagrees: no answers */
			}
			/* A patched table may point elsewhere; it must never point outside. */
			found = mck_trustlist_find_issuer(tl, is->id);
			if (found != NULL && found->id == NULL) {
				abort();
			}
			(void)(is->name != NULL ? strlen(is->name) : 0);
		}
		(void)mck_trustlist_index_check_all(tl);
		(void)(mck_trustlist_operator(tl) != NULL ? strlen(mck_trustlist_operator(tl)) : 0);
		mck_trustlist_destroy(tl);
	}
	return 0;
}
