/* Shared pieces of mcissue: exit codes, messages, keys, JWKs, signing. */
#ifndef MCK_CLI_ISSUE_COMMON_H
#define MCK_CLI_ISSUE_COMMON_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/crypto_sign.h"
#include "mck/jwk.h"

/* Exit codes of every subcommand. */
#define MCK_ISSUE_OK    0
#define MCK_ISSUE_USAGE 1 /* bad command line */
#define MCK_ISSUE_INPUT 2 /* bad input (key, JSON, size) or an output that could not be made */

#define MCK_ISSUE_KEY_FILE_MAX  ((size_t)64 * 1024)
#define MCK_ISSUE_JSON_FILE_MAX ((size_t)64 * 1024 * 1024)
#define MCK_ISSUE_PEM_MAX       16384

/** Print "mcissue: <message>" as one line on stderr and return @p code. */
int mck_issue_fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/** Print "mcissue: warning: <message>" on stderr. */
void mck_issue_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** The current time as a NumericDate. */
int64_t mck_issue_now(void);

/** Parse a decimal integer in [min, max]; false when @p s is not one. */
bool mck_issue_parse_int(const char *s, int64_t min, int64_t max, int64_t *out);

/**
 * Read a private key PEM file (bounded, buffer wiped). Returns MCK_ISSUE_OK with
 * *key (caller destroys with mck_privkey_destroy), or MCK_ISSUE_INPUT after
 * printing why.
 */
int mck_issue_load_key(const char *path, struct mck_privkey **key);

/**
 * Read a JSON file strictly (mck_json_parse); @p path "-" is standard input.
 * Returns MCK_ISSUE_OK with *out (caller frees with cJSON_Delete), or
 * MCK_ISSUE_INPUT after printing why.
 */
int mck_issue_read_json(const char *path, size_t max, cJSON **out);

/**
 * Add the public members of @p raw to @p obj: kty, crv, x, y (EC) or kty, n, e
 * (RSA). Returns false when out of memory.
 */
bool mck_issue_jwk_members(cJSON *obj, const struct mck_key_raw *raw);

/** The RFC 7638 kid of @p raw. */
void mck_issue_kid(const struct mck_key_raw *raw, char kid[MCK_KID_LEN + 1]);

/** The JWS alg to use for a key when none is asked for. */
enum mck_alg mck_issue_default_alg(enum mck_key_type type);

/**
 * The alg for @p key (read from @p path): @p name parsed ("ES256", ...), or the default for the key
 * type when @p name is NULL. Returns MCK_ISSUE_OK with *alg, or after printing
 * why MCK_ISSUE_USAGE (not an MC1 alg) or MCK_ISSUE_INPUT (does not fit the key).
 */
int mck_issue_pick_alg(const struct mck_privkey *key, const char *path, const char *name,
		       enum mck_alg *alg);

struct mck_issue_jws_opts {
	enum mck_alg alg;
	bool zip;        /* "zip":"DEF" and a raw DEFLATE payload */
	bool jwk_header; /* the public JWK in the header instead of "kid" */
};

/**
 * Sign @p payload (unformatted JSON text) as a JWS compact serialization with
 * the header {"alg","kid"|"jwk","typ":"JWT"[,"zip":"DEF"]}. *out is a new
 * string (caller frees). Returns MCK_ISSUE_OK, or MCK_ISSUE_INPUT after
 * printing why (naming @p what).
 */
int mck_issue_sign_json(const struct mck_privkey *key, const struct mck_issue_jws_opts *o,
			const char *payload, const char *what, char **out, size_t *outlen);

/** The subcommands living outside mcissue.c. */
int mck_issue_trustlist_main(int argc, char **argv);
int mck_issue_statuslist_main(int argc, char **argv);

#endif
