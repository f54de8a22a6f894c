/*
 * MC1 QR texts: compact digits, chunked digits, plain JWS; chunk assembly;
 * what a text that is neither form holds ("shown").
 */
#include "mck/qrtext.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "mck/crypto.h"

static const char prefix[] = "MC1:/";
#define PREFIX_LEN (sizeof(prefix) - 1)

void mck_qrtext_init(struct mck_qrtext *q)
{
	memset(q, 0, sizeof(*q));
}

void mck_qrtext_free(struct mck_qrtext *q)
{
	if (q != NULL) {
		mck_zeroize(q, sizeof(*q));
	}
}

static bool all_digits(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return false;
		}
	}
	return true;
}

/* The character set of a JWS compact serialization with exactly two dots. */
static bool plain_jws(const char *s, size_t len)
{
	unsigned dots = 0;

	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (c == '.') {
			dots++;
		} else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			     (c >= '0' && c <= '9') || c == '-' || c == '_')) {
			return false;
		}
	}
	return dots == 2 && len > 2 && s[0] != '.';
}

/* A sign of a second credential; the first one seen is the one described. */
static void conflict(struct mck_qrtext *q, enum mck_qrtext_conflict how, unsigned other_n)
{
	if (q->conflict == MCK_QRTEXT_ONE) {
		q->conflict = (int)how;
		q->other_n = other_n;
	}
}

static enum mck_qrtext_kind add_whole(struct mck_qrtext *q, const char *text, size_t len,
				      int compact)
{
	if (q->n != 0) {
		conflict(q, MCK_QRTEXT_WHOLE_AND_CHUNK, 0);
	}
	if (q->has_whole) {
		if (q->whole_len != len || memcmp(q->whole, text, len) != 0) {
			conflict(q, MCK_QRTEXT_TWO_WHOLE, 0);
		}
	} else {
		memcpy(q->whole, text, len);
		q->whole[len] = '\0';
		q->whole_len = len;
		q->whole_compact = compact;
		q->has_whole = 1;
	}
	return compact ? MCK_QRTEXT_COMPACT : MCK_QRTEXT_PLAIN;
}

static enum mck_qrtext_kind add_chunk(struct mck_qrtext *q, unsigned i, unsigned n, const char *d,
				      size_t len)
{
	if (q->has_whole) {
		conflict(q, MCK_QRTEXT_WHOLE_AND_CHUNK, 0);
	}
	if (q->n != 0 && q->n != n) {
		conflict(q, MCK_QRTEXT_CHUNK_COUNTS, n);
		return MCK_QRTEXT_CHUNK;
	}
	q->n = n;
	if (q->have & (1u << (i - 1))) {
		/* The same chunk seen twice (a camera does that) must agree; QR codes
		 * correct their own errors, so another text is another credential's. */
		if (q->len[i - 1] != len || memcmp(q->digits + q->off[i - 1], d, len) != 0) {
			conflict(q, MCK_QRTEXT_CHUNK_TWICE, i);
		}
		return MCK_QRTEXT_CHUNK;
	}
	if (sizeof(q->digits) - q->used < len) {
		q->malformed = 1;
		return MCK_QRTEXT_MALFORMED;
	}
	memcpy(q->digits + q->used, d, len);
	q->off[i - 1] = q->used;
	q->len[i - 1] = len;
	q->used += len;
	q->have |= 1u << (i - 1);
	return MCK_QRTEXT_CHUNK;
}

enum mck_qrtext_kind mck_qrtext_add(struct mck_qrtext *q, const char *text, size_t len)
{
	const char *body;
	size_t blen;

	/* No QR code holds more: whatever it looks like, it was not read from one. */
	if (len > MCK_QRTEXT_MAX) {
		q->malformed = 1;
		return MCK_QRTEXT_MALFORMED;
	}
	if (len < PREFIX_LEN || memcmp(text, prefix, PREFIX_LEN) != 0) {
		if (plain_jws(text, len)) {
			return add_whole(q, text, len, 0);
		}
		/* Only the first is described (with no credential, it is what was shown). */
		if (q->shown == MCK_SHOWN_NONE) {
			q->shown = mck_qrtext_classify(text, len, q->host);
		}
		return MCK_QRTEXT_OTHER;
	}
	body = text + PREFIX_LEN;
	blen = len - PREFIX_LEN;
	if (blen >= 4 && body[1] == '/' && body[3] == '/') {
		unsigned i = (unsigned)(body[0] - '0');
		unsigned n = (unsigned)(body[2] - '0');

		if (body[0] < '1' || body[0] > '9' || body[2] < '1' || body[2] > '9' || i > n ||
		    !all_digits(body + 4, blen - 4)) {
			q->malformed = 1;
			return MCK_QRTEXT_MALFORMED;
		}
		return add_chunk(q, i, n, body + 4, blen - 4);
	}
	if (!all_digits(body, blen)) {
		q->malformed = 1;
		return MCK_QRTEXT_MALFORMED;
	}
	return add_whole(q, body, blen, 1);
}

unsigned mck_qrtext_have(const struct mck_qrtext *q)
{
	unsigned count = 0;

	for (unsigned i = 0; i < MCK_CHUNKS_MAX; i++) {
		count += (q->have >> i) & 1u;
	}
	return count;
}

/* Decode digit pairs into characters; continues a pair split across chunks. */
static bool decode_digits(const char *d, size_t len, char *out, size_t cap, size_t *o, int *half)
{
	for (size_t i = 0; i < len; i++) {
		unsigned v = (unsigned)(d[i] - '0');

		if (*half < 0) {
			*half = (int)v;
			continue;
		}
		v += (unsigned)*half * 10u;
		*half = -1;
		if (v > 77u || *o >= cap) {
			return false;
		}
		out[(*o)++] = (char)(v + 45u);
	}
	return true;
}

int mck_qrtext_assemble(const struct mck_qrtext *q, char *out, size_t cap, size_t *outlen,
			enum mck_reason *reason)
{
	size_t o = 0;
	int half = -1;

	*outlen = 0;
	if (cap == 0) {
		*reason = MCK_REASON_MALFORMED;
		return -1;
	}
	out[0] = '\0';
	/* Before malformed: two good credentials and a broken code still need
	 * showing one at a time, and then the broken one is named alone. */
	if (q->conflict != MCK_QRTEXT_ONE) {
		*reason = MCK_REASON_SEVERAL_CREDENTIALS;
		return -1;
	}
	if (q->malformed) {
		*reason = MCK_REASON_MALFORMED;
		return -1;
	}
	if (!q->has_whole && q->n == 0) {
		*reason = MCK_REASON_NOT_A_CREDENTIAL;
		return -1;
	}
	if (q->has_whole && !q->whole_compact) {
		if (q->whole_len >= cap) {
			*reason = MCK_REASON_MALFORMED;
			return -1;
		}
		memcpy(out, q->whole, q->whole_len);
		out[q->whole_len] = '\0';
		*outlen = q->whole_len;
		return 0;
	}
	if (q->has_whole) {
		if (!decode_digits(q->whole, q->whole_len, out, cap - 1, &o, &half)) {
			*reason = MCK_REASON_MALFORMED;
			return -1;
		}
	} else {
		if (q->have != (1u << q->n) - 1u) {
			*reason = MCK_REASON_CHUNKS_INCOMPLETE;
			return -1;
		}
		for (unsigned i = 0; i < q->n; i++) {
			if (!decode_digits(q->digits + q->off[i], q->len[i], out, cap - 1, &o,
					   &half)) {
				*reason = MCK_REASON_MALFORMED;
				return -1;
			}
		}
	}
	if (half >= 0 || o == 0) {
		*reason = MCK_REASON_MALFORMED;
		return -1;
	}
	out[o] = '\0';
	*outlen = o;
	return 0;
}

size_t mck_qrtext_detail(const struct mck_qrtext *q, char *buf, size_t cap)
{
	int n = 0;

	if (cap == 0) {
		return 0;
	}
	switch ((enum mck_qrtext_conflict)q->conflict) {
	case MCK_QRTEXT_TWO_WHOLE:
		n = snprintf(buf, cap,
			     "two different credentials in one input: show them one at a "
			     "time");
		break;
	case MCK_QRTEXT_WHOLE_AND_CHUNK:
		n = snprintf(buf, cap,
			     "a credential and part of another in one input: show them one at a "
			     "time");
		break;
	case MCK_QRTEXT_CHUNK_COUNTS:
		n = snprintf(buf, cap,
			     "parts of credentials of %u and %u parts in one input: show them one "
			     "at a time",
			     q->n < q->other_n ? q->n : q->other_n,
			     q->n < q->other_n ? q->other_n : q->n);
		break;
	case MCK_QRTEXT_CHUNK_TWICE:
		n = snprintf(
			buf, cap,
			"two different texts for part %u of %u: parts of two credentials; show "
			"them one at a time",
			q->other_n, q->n);
		break;
	case MCK_QRTEXT_ONE:
	default:
		buf[0] = '\0';
		break;
	}
	return n < 0 ? 0 : (size_t)n < cap ? (size_t)n : cap - 1;
}

/* ---- What a text that is no credential holds ---- */

static const char *const shown_names[MCK_SHOWN_COUNT] = {
	[MCK_SHOWN_URL] = "url",       [MCK_SHOWN_WIFI] = "wifi",
	[MCK_SHOWN_EU_DCC] = "eu_dcc", [MCK_SHOWN_SMART_HEALTH_CARD] = "smart_health_card",
	[MCK_SHOWN_VCARD] = "vcard",   [MCK_SHOWN_TEXT] = "text",
};

const char *mck_shown_name(enum mck_shown shown)
{
	return (unsigned)shown < MCK_SHOWN_COUNT ? shown_names[shown] : NULL;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_hex(char c)
{
	return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'f');
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* @p s starts with @p p (lower case, ASCII) in any case. */
static bool starts_nocase(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);

	if (len < n) {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if (lower(s[i]) != p[i]) {
			return false;
		}
	}
	return true;
}

static bool starts_exact(const char *s, size_t len, const char *p)
{
	size_t n = strlen(p);

	return len >= n && memcmp(s, p, n) == 0;
}

/* "0x" and hex digits: a number to a browser's IPv4 parser. */
static bool hex_number(const char *s, size_t len)
{
	if (len < 2 || s[0] != '0' || lower(s[1]) != 'x') {
		return false;
	}
	for (size_t i = 2; i < len; i++) {
		if (!is_hex(s[i])) {
			return false;
		}
	}
	return true;
}

/*
 * Decimal digits of a number 0..@p max; with !@p leading_zero none (in an IPv4
 * part, browsers read one as octal).
 */
static bool decimal_upto(const char *s, size_t len, unsigned max, bool leading_zero)
{
	unsigned v = 0;

	if (len == 0 || (!leading_zero && len > 1 && s[0] == '0')) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		if (!is_digit(s[i])) {
			return false;
		}
		v = v * 10u + (unsigned)(s[i] - '0');
		if (v > max) {
			return false;
		}
	}
	return true;
}

/* Four dotted decimal parts of 0..255, as written (no other IPv4 forms). */
static bool ipv4_ok(const char *s, size_t len)
{
	unsigned parts = 0;
	size_t start = 0;

	for (size_t i = 0; i <= len; i++) {
		if (i == len || s[i] == '.') {
			if (++parts > 4 || !decimal_upto(s + start, i - start, 255, false)) {
				return false;
			}
			start = i + 1;
		}
	}
	return parts == 4;
}

/* RFC 4291 §2.2 text: groups of 1..4 hex digits, one "::" at most, an IPv4 tail. */
static bool ipv6_ok(const char *s, size_t len)
{
	unsigned groups = 0;
	bool gap = false;
	size_t i = 0;

	if (len < 2 || len > 45) {
		return false;
	}
	if (s[0] == ':') {
		if (s[1] != ':') {
			return false;
		}
		gap = true;
		i = 2;
	}
	while (i < len) {
		size_t start = i;

		while (i < len && is_hex(s[i])) {
			i++;
		}
		if (i < len && s[i] == '.') {
			if (!ipv4_ok(s + start, len - start)) {
				return false;
			}
			groups += 2;
			break;
		}
		if (i == start || i - start > 4) {
			return false;
		}
		groups++;
		if (i == len) {
			break;
		}
		if (s[i] != ':' || ++i == len) {
			return false;
		}
		if (s[i] == ':') {
			if (gap) {
				return false;
			}
			gap = true;
			i++;
		}
	}
	return gap ? groups < 8 : groups == 8;
}

/*
 * A host name: labels of 1..63 letters, digits and inner hyphens, at most
 * MCK_HOST_MAX in all once one root dot is dropped (*@p out_len). A last label
 * that is a number makes it an IPv4 address to browsers (WHATWG URL "ends in a
 * number"): then it must be one as written.
 */
static bool host_name_ok(const char *s, size_t len, size_t *out_len)
{
	size_t label = 0;
	size_t last = 0;

	if (len > 0 && s[len - 1] == '.') {
		len--;
	}
	if (len == 0 || len > MCK_HOST_MAX) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		char c = lower(s[i]);

		if (c == '.') {
			if (label == 0 || s[i - 1] == '-') {
				return false;
			}
			label = 0;
			last = i + 1;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || is_digit(c) || (c == '-' && label > 0)) ||
		    ++label > 63) {
			return false;
		}
	}
	if (label == 0 || s[len - 1] == '-') {
		return false;
	}
	*out_len = len;
	if (all_digits(s + last, len - last) || hex_number(s + last, len - last)) {
		return ipv4_ok(s, len);
	}
	return true;
}

/* The port after a host: 0..65535, or empty (browsers take "host:/" as no port). */
static bool port_ok(const char *s, size_t len)
{
	return len == 0 || decimal_upto(s, len, 65535, true);
}

/*
 * The host of an authority (host[:port], no userinfo) into @p host, lower-cased,
 * if it is plausible; else @p host is left as it is. Returns whether it was.
 */
static bool take_host(const char *s, size_t len, char *host)
{
	const char *h = s;
	size_t hlen;
	size_t n;
	const char *end;

	if (len > 0 && s[0] == '[') {
		end = memchr(s, ']', len);
		if (end == NULL || !ipv6_ok(s + 1, (size_t)(end - s) - 1)) {
			return false;
		}
		hlen = (size_t)(end - s) + 1;
		n = hlen; /* the brackets are shown */
	} else {
		end = memchr(s, ':', len);
		hlen = end != NULL ? (size_t)(end - s) : len;
		if (!host_name_ok(s, hlen, &n)) {
			return false;
		}
	}
	if (hlen < len && (s[hlen] != ':' || !port_ok(s + hlen + 1, len - hlen - 1))) {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		host[i] = lower(h[i]);
	}
	host[n] = '\0';
	return true;
}

/* Where a web address's authority ends (WHATWG URL, special schemes: '\\' is '/'). */
static size_t authority_len(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && s[i] != '/' && s[i] != '\\' && s[i] != '?' && s[i] != '#') {
		i++;
	}
	return i;
}

/* The host of what follows "http:" or "https:", as a browser reads it. */
static void web_host(const char *s, size_t len, char *host)
{
	size_t n;

	/* Browsers skip any slashes and backslashes before a web address's host. */
	while (len > 0 && (s[0] == '/' || s[0] == '\\')) {
		s++;
		len--;
	}
	n = authority_len(s, len);
	/* The userinfo ends at the last '@' of the authority. */
	for (size_t i = n; i > 0; i--) {
		if (s[i - 1] == '@') {
			s += i;
			n -= i;
			break;
		}
	}
	(void)take_host(s, n, host);
}

/*
 * A bare "www." address as phones open it: all of the text is an address (no
 * white space, nothing but ASCII printables), with a plausible host beyond
 * "www." itself. Sets @p host when it is.
 */
static bool www_address(const char *s, size_t len, char *host)
{
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f) {
			return false;
		}
	}
	if (!take_host(s, authority_len(s, len), host)) {
		return false;
	}
	if (strlen(host) <= 4) { /* "www." alone is no address, with or without its dot */
		host[0] = '\0';
		return false;
	}
	return true;
}

enum mck_shown mck_qrtext_classify(const char *text, size_t len, char *host)
{
	host[0] = '\0';
	/* Machine formats: their specifications fix the first bytes. */
	if (starts_exact(text, len, "HC1:")) {
		return MCK_SHOWN_EU_DCC;
	}
	if (starts_exact(text, len, "shc:/")) {
		return MCK_SHOWN_SMART_HEALTH_CARD;
	}
	/* Texts people type into generators: a BOM and white space around them. */
	if (starts_exact(text, len, "\xef\xbb\xbf")) {
		text += 3;
		len -= 3;
	}
	while (len > 0 && is_space(text[0])) {
		text++;
		len--;
	}
	while (len > 0 && is_space(text[len - 1])) {
		len--;
	}
	if (starts_nocase(text, len, "wifi:")) {
		return MCK_SHOWN_WIFI;
	}
	if ((starts_nocase(text, len, "begin:vcard") && (len == 11 || is_space(text[11]))) ||
	    starts_nocase(text, len, "mecard:")) {
		return MCK_SHOWN_VCARD;
	}
	if (starts_nocase(text, len, "http:") || starts_nocase(text, len, "https:")) {
		size_t scheme = lower(text[4]) == 's' ? 6 : 5;

		web_host(text + scheme, len - scheme, host);
		return MCK_SHOWN_URL;
	}
	if (starts_nocase(text, len, "www.") && www_address(text, len, host)) {
		return MCK_SHOWN_URL;
	}
	return MCK_SHOWN_TEXT;
}
