/* One HTTP(S) GET from a mirror, over libcurl: the only file that includes it. */
#ifndef MCK_MIRROR_FETCH_H
#define MCK_MIRROR_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/mirror.h"

struct fetch_req {
	const char *url;
	uint64_t cap;            /* more bytes than this: abort while they stream */
	int fd;                  /* the body goes here, or (-1) into mem */
	char *mem;               /* cap + 1 bytes (NUL-terminated) */
	struct mck_sha256 *hash; /* NULL: not hashed */
	const char *etag;        /* conditional request: NULL or "" for none */
	const char *last_modified;
	/* out */
	long status;
	uint64_t got;
	bool over; /* more bytes came, or were announced, than the cap */
	char etag_out[MCK_MIRROR_TAG_MAX];
	char last_modified_out[MCK_MIRROR_TAG_MAX];
};

/* Process-wide set-up and tear-down of libcurl: 0 or -1. */
int mck__fetch_init(void);
void mck__fetch_cleanup(void);

/**
 * GET @p r->url within the limits of @p o. Returns 200 (the body written),
 * 304 (not modified; nothing written), or -1 with why in @p msg: the
 * network, TLS or a pin, a timeout, a transfer too slow, a redirect off
 * http(s) or too many, any other HTTP status, more bytes than the cap.
 */
int mck__fetch_get(const struct mck_mirror_opts *o, struct fetch_req *r, char *msg, size_t cap);

#endif
