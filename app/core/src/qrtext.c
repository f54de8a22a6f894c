/* MC1 QR texts: compact digits, chunked digits, plain JWS; chunk assembly. */
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
