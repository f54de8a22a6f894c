/*
 * One GET from a mirror, over libcurl (the OpenSSL flavour: Debian's
 * default libcurl4, with CURLOPT_PINNEDPUBLICKEY). What a kiosk asks of it:
 * http and https only, redirects too; bounded connect and whole times and a
 * floor on speed (a server that trickles bytes is left); no more bytes than
 * the caller's cap, counted as they stream; the system's CA store or the
 * configuration's; an optional pin of the server's public key; proxies from
 * the environment (libcurl's own: http_proxy, https_proxy, no_proxy); no
 * content decoding (nothing unauthenticated is inflated).
 */
#define _POSIX_C_SOURCE 200809L

#include "fetch.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <curl/curl.h>

#ifndef MCK_VERSION
#define MCK_VERSION "0"
#endif

int mck__fetch_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void mck__fetch_cleanup(void)
{
	curl_global_cleanup();
}

struct sink {
	struct fetch_req *r;
	bool over;     /* more than the cap came */
	int write_err; /* errno of a failed write */
};

static size_t body(char *data, size_t size, size_t n, void *ctx)
{
	struct sink *s = ctx;
	struct fetch_req *r = s->r;
	size_t len = size * n; /* libcurl: size is 1 */

	if (len > r->cap - r->got) {
		s->over = true;
		return 0; /* ends the transfer: CURLE_WRITE_ERROR */
	}
	if (r->fd >= 0) {
		for (size_t done = 0; done < len;) {
			ssize_t w = write(r->fd, data + done, len - done);

			if (w < 0 && errno == EINTR) {
				continue;
			}
			if (w <= 0) {
				s->write_err = w < 0 ? errno : EIO;
				return 0;
			}
			done += (size_t)w;
		}
	} else {
		memcpy(r->mem + r->got, data, len);
		r->mem[r->got + len] = '\0';
	}
	if (r->hash != NULL) {
		mck_sha256_add(r->hash, data, len);
	}
	r->got += len;
	return len;
}

/* A response header's value kept (ETag, Last-Modified): printable, bounded. */
static void keep_header(const char *line, size_t len, const char *name, char *out, size_t cap)
{
	size_t nl = strlen(name);
	size_t i;
	size_t k = 0;

	if (len <= nl + 1 || strncasecmp(line, name, nl) != 0 || line[nl] != ':') {
		return;
	}
	for (i = nl + 1; i < len && (line[i] == ' ' || line[i] == '\t'); i++) {
	}
	while (len > i &&
	       (line[len - 1] == '\r' || line[len - 1] == '\n' || line[len - 1] == ' ')) {
		len--;
	}
	if (len - i >= cap) {
		out[0] = '\0'; /* too long to send back: not kept */
		return;
	}
	for (; i < len; i++) {
		if (line[i] < 0x20 || line[i] > 0x7e) {
			out[0] = '\0';
			return;
		}
		out[k++] = line[i];
	}
	out[k] = '\0';
}

static size_t header(char *data, size_t size, size_t n, void *ctx)
{
	struct fetch_req *r = ctx;
	size_t len = size * n;

	/* a new response (after a redirect): its own headers only */
	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		r->etag_out[0] = '\0';
		r->last_modified_out[0] = '\0';
	}
	keep_header(data, len, "ETag", r->etag_out, sizeof(r->etag_out));
	keep_header(data, len, "Last-Modified", r->last_modified_out, sizeof(r->last_modified_out));
	return len;
}

/* Only printable ASCII goes into a request header. */
static bool header_safe(const char *v)
{
	for (; *v != '\0'; v++) {
		if (*v < 0x20 || *v > 0x7e) {
			return false;
		}
	}
	return true;
}

static void say(char *msg, size_t cap, const struct fetch_req *r, CURLcode c, const char *detail)
{
	const char *name = strrchr(r->url, '/') != NULL ? strrchr(r->url, '/') + 1 : r->url;

	snprintf(msg, cap, "%s: %s%s%s", name, curl_easy_strerror(c), detail[0] ? ": " : "",
		 detail);
}

int mck__fetch_get(const struct mck_mirror_opts *o, struct fetch_req *r, char *msg, size_t cap)
{
	char err[CURL_ERROR_SIZE] = "";
	char cond[2][MCK_MIRROR_TAG_MAX + 32];
	struct curl_slist *headers = NULL;
	struct sink s = {r, false, 0};
	CURL *c = curl_easy_init();
	CURLcode rc;
	int out = -1;

	r->status = 0;
	r->got = 0;
	r->over = false;
	r->etag_out[0] = '\0';
	r->last_modified_out[0] = '\0';
	if (c == NULL) {
		snprintf(msg, cap, "out of memory");
		return -1;
	}
	if (r->etag != NULL && r->etag[0] != '\0' && header_safe(r->etag)) {
		snprintf(cond[0], sizeof(cond[0]), "If-None-Match: %s", r->etag);
		headers = curl_slist_append(headers, cond[0]);
	}
	if (r->last_modified != NULL && r->last_modified[0] != '\0' &&
	    header_safe(r->last_modified)) {
		snprintf(cond[1], sizeof(cond[1]), "If-Modified-Since: %s", r->last_modified);
		struct curl_slist *more = curl_slist_append(headers, cond[1]);

		headers = more != NULL ? more : headers;
	}
	curl_easy_setopt(c, CURLOPT_URL, r->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)MCK_MIRROR_REDIRECTS);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, o->connect_timeout_s);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, o->timeout_s);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, o->low_speed_bytes);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, o->low_speed_seconds);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)r->cap);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "mcupdate/" MCK_VERSION);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (o->ca_file != NULL) {
		curl_easy_setopt(c, CURLOPT_CAINFO, o->ca_file);
	}
	if (o->pin != NULL) {
		curl_easy_setopt(c, CURLOPT_PINNEDPUBLICKEY, o->pin);
	}
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	r->over = s.over || rc == CURLE_FILESIZE_EXCEEDED;
	if (r->over) {
		snprintf(msg, cap, "%s: more than the %llu bytes it may have", r->url,
			 (unsigned long long)r->cap);
	} else if (s.write_err != 0) {
		snprintf(msg, cap, "%s: cannot write to the spool: %s", r->url,
			 strerror(s.write_err));
	} else if (rc != CURLE_OK) {
		say(msg, cap, r, rc, err);
	} else if (r->status == 304 || r->status == 200) {
		out = (int)r->status;
	} else {
		snprintf(msg, cap, "%s: HTTP status %ld", r->url, r->status);
	}
	curl_slist_free_all(headers);
	curl_easy_cleanup(c);
	return out;
}
