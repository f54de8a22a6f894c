/* Strict JSON reading on top of cJSON: the rules every signed payload obeys. */
#ifndef MCK_JSON_H
#define MCK_JSON_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MCK_JSON_MAX_DEPTH   16
#define MCK_TIME_MAX         INT64_C(253402300799) /* 9999-12-31T23:59:59Z */
#define MCK_JSON_MAX_MEMBERS 1024                  /* per object */

/**
 * Parse @p len bytes of UTF-8 JSON: an object, whose "{" is the first byte.
 * @p buf[len] must be a readable NUL byte (callers allocate one extra). Rejects:
 * anything before the "{" (a byte-order mark, whitespace), invalid UTF-8, NUL bytes, "\u0000",
 * nesting deeper than @p max_depth, trailing bytes, duplicate member names,
 * objects with more than MCK_JSON_MAX_MEMBERS members.
 * Returns MCK_OK and *out (caller frees with cJSON_Delete), MCK_ERR_JSON,
 * MCK_ERR_NOMEM.
 */
int mck_json_parse(const uint8_t *buf, size_t len, int max_depth, cJSON **out);

/**
 * Called by mck_json_parse_each with element @p index of the streamed array;
 * @p element is freed when it returns. MCK_OK to go on, else an error code that
 * ends the parse and is its result.
 */
typedef int (*mck_json_each_fn)(void *ctx, const cJSON *element, size_t index);

/**
 * mck_json_parse for an object too large to hold as one tree (a trust list of
 * 200,000 issuers): the elements of its member @p name, when that is an array,
 * are parsed one at a time, checked by the same rules and handed to @p each;
 * only one element's tree exists at a time. *out is the object with an empty
 * array in place of that member. The text is refused on the same grounds as by
 * mck_json_parse, but @p each may have seen elements before a fault further on.
 * Returns MCK_OK and *out (caller frees with cJSON_Delete), MCK_ERR_JSON,
 * MCK_ERR_NOMEM, or what @p each returned.
 */
int mck_json_parse_each(const uint8_t *buf, size_t len, int max_depth, const char *name,
			mck_json_each_fn each, void *ctx, cJSON **out);

/** Whether @p len bytes are well-formed UTF-8 (no overlongs, no surrogates). */
bool mck_utf8_valid(const uint8_t *s, size_t len);

/* Field access, case-sensitive. Each returns:
 * 1 present and well-typed (*out set), 0 absent (or JSON null where noted),
 * -1 present with the wrong type or value. */

/** A string member. */
int mck_json_string(const cJSON *obj, const char *name, const char **out);
/** A NumericDate: an integral number 0..MCK_TIME_MAX. */
int mck_json_time(const cJSON *obj, const char *name, int64_t *out);
/** An integral number in [min, max]. */
int mck_json_int(const cJSON *obj, const char *name, int64_t min, int64_t max, int64_t *out);
/** A finite number >= 0. */
int mck_json_nonneg(const cJSON *obj, const char *name, double *out);
/** An object member. */
int mck_json_object(const cJSON *obj, const char *name, const cJSON **out);
/** An array member. */
int mck_json_array(const cJSON *obj, const char *name, const cJSON **out);
/** Whether "type" (a string or an array of strings) contains @p type; -1 if mistyped. */
int mck_json_has_type(const cJSON *obj, const char *type);

/**
 * Parse an RFC 3339 date-time ("2026-06-01T08:00:00Z", offsets and fractions
 * allowed; fractions are truncated). Returns MCK_OK or MCK_ERR_ENCODING.
 */
int mck_time_parse_rfc3339(const char *s, int64_t *out);

/** Format @p t as "YYYY-MM-DDTHH:MM:SSZ" (buf of at least 21 bytes). */
void mck_time_format(int64_t t, char buf[21]);

#endif
