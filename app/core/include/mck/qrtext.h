/* The three QR text forms of MC1 (credential-format.md §1) and chunk assembly. */
#ifndef MCK_QRTEXT_H
#define MCK_QRTEXT_H

#include <stddef.h>

#include "mck/reason.h"

#define MCK_QRTEXT_MAX   8192 /* one QR code holds at most 7089 digits */
#define MCK_CHUNKS_MAX   9
/* The JWS of the largest credential: nine full codes of digits. */
#define MCK_JWS_TEXT_MAX (MCK_CHUNKS_MAX * MCK_QRTEXT_MAX / 2)

/*
 * What a text that is neither MC1 form holds: the answer's "shown" beside
 * not_a_credential (verifier-contract.md). Names: mck_shown_name.
 */
enum mck_shown {
	MCK_SHOWN_NONE = 0,          /* not classified: the answer is not not_a_credential */
	MCK_SHOWN_URL,               /* "url": a web address (http:, https:, www.) */
	MCK_SHOWN_WIFI,              /* "wifi": WIFI: network settings */
	MCK_SHOWN_EU_DCC,            /* "eu_dcc": EU Digital COVID Certificate, HC1: */
	MCK_SHOWN_SMART_HEALTH_CARD, /* "smart_health_card": shc:/ */
	MCK_SHOWN_VCARD,             /* "vcard": a contact card (vCard, MECARD) */
	MCK_SHOWN_TEXT,              /* "text": anything else */
	MCK_SHOWN_COUNT
};

#define MCK_HOST_MAX 253 /* the longest host name (RFC 1035), without the root's dot */

/* How the texts collected show more than one credential (several_credentials). */
enum mck_qrtext_conflict {
	MCK_QRTEXT_ONE = 0,         /* no sign of a second credential */
	MCK_QRTEXT_TWO_WHOLE,       /* two different whole (non-chunked) texts */
	MCK_QRTEXT_WHOLE_AND_CHUNK, /* a whole text and a chunk */
	MCK_QRTEXT_CHUNK_COUNTS,    /* chunks of n and of other_n chunks */
	MCK_QRTEXT_CHUNK_TWICE,     /* two different texts for chunk other_n of n */
};

/*
 * Collects the texts of one credential (one text, or the chunks of a chunked
 * one, in any order). Caller-owned storage: mck_qrtext_init / mck_qrtext_free.
 * Holds at most MCK_JWS_TEXT_MAX decoded characters: constant memory per scan.
 */
struct mck_qrtext {
	unsigned n;                 /* chunk count, 0 until a chunk was seen */
	unsigned have;              /* bit i: chunk i+1 present */
	size_t off[MCK_CHUNKS_MAX]; /* digits of chunk i in digits[] */
	size_t len[MCK_CHUNKS_MAX];
	size_t used; /* bytes of digits[] in use */
	char digits[MCK_CHUNKS_MAX * MCK_QRTEXT_MAX];
	char whole[MCK_QRTEXT_MAX + 1]; /* a non-chunked text */
	size_t whole_len;
	int whole_compact; /* 1: MC1:/digits, 0: plain JWS */
	int conflict;      /* enum mck_qrtext_conflict, the first seen; nonzero: several */
	unsigned other_n;  /* the second chunk count, or the chunk seen twice */
	int has_whole;     /* whole[] holds a text */
	int malformed;     /* a text was over MCK_QRTEXT_MAX, or MC1:/ and broken */
	/* The first text that is no credential: what it is, for url its host
	 * (mck_qrtext_classify). Nothing else of it is kept. */
	enum mck_shown shown;
	char host[MCK_HOST_MAX + 1];
};

void mck_qrtext_init(struct mck_qrtext *q);
void mck_qrtext_free(struct mck_qrtext *q); /* wipes; accepts NULL */

enum mck_qrtext_kind {
	MCK_QRTEXT_OTHER = 0, /* not a credential */
	MCK_QRTEXT_COMPACT,
	MCK_QRTEXT_CHUNK,
	MCK_QRTEXT_PLAIN,
	MCK_QRTEXT_MALFORMED, /* MC1:/ prefix but broken */
};

/**
 * Add one scanned text (copied; texts over MCK_QRTEXT_MAX are malformed).
 * Returns the kind it was taken as. Chunk i of n sets the chunk progress (for
 * "part 2 of 3" displays: mck_qrtext_have / n).
 */
enum mck_qrtext_kind mck_qrtext_add(struct mck_qrtext *q, const char *text, size_t len);

/** Number of distinct chunks collected so far. */
unsigned mck_qrtext_have(const struct mck_qrtext *q);

/**
 * Produce the JWS compact serialization into @p out (capacity @p cap, which must
 * be at least MCK_JWS_TEXT_MAX + 1; NUL-terminated). Returns 0 and sets *outlen,
 * or a reason: NOT_A_CREDENTIAL, CHUNKS_INCOMPLETE, SEVERAL_CREDENTIALS (the
 * texts belong to more than one credential, however well formed), MALFORMED.
 */
int mck_qrtext_assemble(const struct mck_qrtext *q, char *out, size_t cap, size_t *outlen,
			enum mck_reason *reason);

/**
 * One line for people on how the texts hold more than one credential, into
 * @p buf (capacity @p cap, NUL-terminated; "" when they do not). Returns its
 * length. For the answer's "detail" beside several_credentials.
 */
size_t mck_qrtext_detail(const struct mck_qrtext *q, char *buf, size_t cap);

/**
 * What a QR text that is no credential holds (@p len bytes, any bytes, NUL
 * included; nothing past @p len is read; no allocation). Returns a value
 * other than MCK_SHOWN_NONE. For MCK_SHOWN_URL, @p host (capacity
 * MCK_HOST_MAX + 1) receives the host name alone, lower-cased: no scheme,
 * user, password, port, path, query or fragment; "" when the address has no
 * plausible host. For every other kind @p host is "".
 *
 * - eu_dcc: "HC1:" and smart_health_card: "shc:/", exactly, at the first byte
 *   (the prefixes those specifications fix; "shc:" alone is not one).
 * - After a UTF-8 BOM and white space (generators pad), case-insensitively:
 *   wifi: "WIFI:"; vcard: "BEGIN:VCARD" ending its line, or "MECARD:" (the
 *   other contact format phones read); url: "http:" or "https:" (slashes
 *   after it read as browsers do: "https:example.org" goes there too), or
 *   "www." when the whole text is such an address and its host is plausible.
 * - Other URI schemes (mailto:, tel:, sms:, geo:, ftp:, ...) are text: they
 *   are no web link to tell a host of, and a mailto's "host" would be half of
 *   a person's e-mail address.
 *
 * The host is the one a browser would go to: the userinfo ends at the last
 * '@', and '\' ends the authority as '/' does. It is plausible when it is a
 * host name of labels of 1..63 letters, digits and inner hyphens (punycode
 * "xn--" labels are such; a host in raw UTF-8 is not shown, as the core has no
 * UTS 46 mapping and such a host may mimic another), 253 characters at most
 * after dropping one root dot; a dotted-quad IPv4 address; or an IPv6 literal,
 * shown in brackets ("[2001:db8::1]"), without a zone. A port must be
 * 0..65535. Percent-encoding or anything else in the host: no host.
 */
enum mck_shown mck_qrtext_classify(const char *text, size_t len, char *host);

/**
 * The contract's name of @p shown ("url", "wifi", "eu_dcc",
 * "smart_health_card", "vcard", "text"); NULL for MCK_SHOWN_NONE and values
 * out of range. Static storage.
 */
const char *mck_shown_name(enum mck_shown shown);

#endif
