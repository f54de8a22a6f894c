/*
 * MC1 QR text forms and chunk assembly (credential-format.md §1), and what a
 * text that is neither form holds (verifier-contract.md: "shown", "host").
 */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mck/qrtext.h"

static struct mck_qrtext *q;
static char out[MCK_JWS_TEXT_MAX + 1];

static int setup(void **state)
{
	(void)state;
	q = malloc(sizeof(*q));
	mck_qrtext_init(q);
	return q == NULL;
}

static int teardown(void **state)
{
	(void)state;
	mck_qrtext_free(q);
	free(q);
	return 0;
}

/* The compact digits of a JWS text: two digits per character, ord(c) - 45. */
static void digits_of(const char *jws, char *buf)
{
	for (; *jws != '\0'; jws++) {
		buf += sprintf(buf, "%02d", *jws - 45);
	}
}

static int assemble(enum mck_reason *reason)
{
	size_t len;

	return mck_qrtext_assemble(q, out, sizeof(out), &len, reason);
}

static void test_compact_table(void **state)
{
	enum mck_reason r;
	char text[64];

	(void)state;
	/* The examples of §1: '-'→00, '.'→01, '0'→03, 'A'→20, '_'→50, 'z'→77 */
	strcpy(text, "MC1:/000103205077");
	assert_int_equal(mck_qrtext_add(q, text, strlen(text)), MCK_QRTEXT_COMPACT);
	assert_int_equal(assemble(&r), 0);
	assert_string_equal(out, "-.0A_z");
}

static void test_compact_rejects(void **state)
{
	static const char *const bad[] = {"MC1:/78", "MC1:/0", "MC1:/0a", "MC1:/01 02", "MC1:/"};
	enum mck_reason r;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		mck_qrtext_init(q);
		(void)mck_qrtext_add(q, bad[i], strlen(bad[i]));
		assert_int_equal(assemble(&r), -1);
		assert_int_equal(r, MCK_REASON_MALFORMED);
	}
}

static void test_not_a_credential(void **state)
{
	static const char *const other[] = {"https://example.org/hello",
					    "mc1:/0102",
					    "MC1/0102",
					    "abc.def",
					    "a.b.c.d",
					    "WIFI:S:net;;"};
	enum mck_reason r;

	(void)state;
	for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
		mck_qrtext_init(q);
		assert_int_equal(mck_qrtext_add(q, other[i], strlen(other[i])), MCK_QRTEXT_OTHER);
		assert_int_equal(assemble(&r), -1);
		assert_int_equal(r, MCK_REASON_NOT_A_CREDENTIAL);
	}
}

static void test_plain(void **state)
{
	enum mck_reason r;

	(void)state;
	assert_int_equal(mck_qrtext_add(q, "eyJh.eyJi.c2ln", 14), MCK_QRTEXT_PLAIN);
	assert_int_equal(assemble(&r), 0);
	assert_string_equal(out, "eyJh.eyJi.c2ln");
}

static void test_chunks_any_order(void **state)
{
	const char *jws = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl";
	char digits[256];
	char chunk[3][128];
	size_t total;
	size_t part;
	enum mck_reason r;

	(void)state;
	digits_of(jws, digits);
	total = strlen(digits);
	part = total / 3 + 1; /* odd split points: a digit pair may span chunks */
	for (int i = 0; i < 3; i++) {
		size_t off = (size_t)i * part;
		size_t n = off + part > total ? total - off : part;
		snprintf(chunk[i], sizeof(chunk[i]), "MC1:/%d/3/%.*s", i + 1, (int)n, digits + off);
	}
	assert_int_equal(mck_qrtext_add(q, chunk[2], strlen(chunk[2])), MCK_QRTEXT_CHUNK);
	assert_int_equal(mck_qrtext_have(q), 1);
	assert_int_equal(assemble(&r), -1);
	assert_int_equal(r, MCK_REASON_CHUNKS_INCOMPLETE);
	assert_int_equal(mck_qrtext_add(q, chunk[0], strlen(chunk[0])), MCK_QRTEXT_CHUNK);
	/* The same chunk scanned twice is harmless. */
	assert_int_equal(mck_qrtext_add(q, chunk[0], strlen(chunk[0])), MCK_QRTEXT_CHUNK);
	assert_int_equal(mck_qrtext_have(q), 2);
	assert_int_equal(mck_qrtext_add(q, chunk[1], strlen(chunk[1])), MCK_QRTEXT_CHUNK);
	assert_int_equal(assemble(&r), 0);
	assert_string_equal(out, jws);
}

static void test_chunk_conflicts(void **state)
{
	enum mck_reason r;

	(void)state;
	/* i > n, i = 0 */
	assert_int_equal(mck_qrtext_add(q, "MC1:/3/2/0001", 13), MCK_QRTEXT_MALFORMED);
	assert_int_equal(assemble(&r), -1);
	assert_int_equal(r, MCK_REASON_MALFORMED);
	mck_qrtext_init(q);
	assert_int_equal(mck_qrtext_add(q, "MC1:/0/2/0001", 13), MCK_QRTEXT_MALFORMED);
	/* a broken text beside a good one: the broken one is what is wrong */
	mck_qrtext_init(q);
	(void)mck_qrtext_add(q, "MC1:/1/2/0001", 13);
	(void)mck_qrtext_add(q, "MC1:/2/2/0x", 11);
	assert_int_equal(assemble(&r), -1);
	assert_int_equal(r, MCK_REASON_MALFORMED);
}

/* The reason code assemble gives (by name: the test compiles before the code exists). */
static const char *assemble_reason(void)
{
	enum mck_reason r = MCK_REASON_COUNT;

	assert_int_equal(assemble(&r), -1);
	return mck_reason_code(r);
}

/* @p a then @p b in one input: more than one credential, and a line saying so. */
static void expect_several(const char *a, const char *b, const char *detail_part)
{
	char detail[160];

	mck_qrtext_init(q);
	(void)mck_qrtext_add(q, a, strlen(a));
	(void)mck_qrtext_add(q, b, strlen(b));
	assert_string_equal(assemble_reason(), "several_credentials");
	assert_true(mck_qrtext_detail(q, detail, sizeof(detail)) > 0);
	print_message("%s + %s: %s\n", a, b, detail);
	assert_non_null(strstr(detail, detail_part));
	assert_non_null(strstr(detail, "one at a time"));
}

static void test_several_credentials(void **state)
{
	char detail[160];

	(void)state;
	/* two different whole credentials, in either form */
	expect_several("MC1:/0001", "MC1:/0002", "two different credentials");
	expect_several("MC1:/0001", "eyJh.eyJi.c2ln", "two different credentials");
	/* a whole credential beside a chunk of another, either way round */
	expect_several("MC1:/0001", "MC1:/1/2/0001", "part of another");
	expect_several("MC1:/1/2/0001", "MC1:/0001", "part of another");
	/* chunks of credentials with different chunk counts */
	expect_several("MC1:/1/2/0001", "MC1:/2/3/0001", "2 and 3 parts");
	/* two different texts for the same chunk: two credentials of as many parts */
	expect_several("MC1:/1/2/0001", "MC1:/1/2/0002", "part 1 of 2");
	/* a third text does not undo it */
	(void)mck_qrtext_add(q, "MC1:/2/2/0003", 13);
	assert_string_equal(assemble_reason(), "several_credentials");
	/* the same code twice (a camera, a photo of two copies) is one credential */
	mck_qrtext_init(q);
	(void)mck_qrtext_add(q, "MC1:/000103", 11);
	(void)mck_qrtext_add(q, "MC1:/000103", 11);
	assert_int_equal(mck_qrtext_detail(q, detail, sizeof(detail)), 0);
	assert_string_equal(detail, "");
	assert_int_equal(assemble(&(enum mck_reason){0}), 0);
	assert_string_equal(out, "-.0");
}

static void test_other_codes_beside_a_credential(void **state)
{
	enum mck_reason r;

	(void)state;
	/* A photo may show a poster's URL code beside the credential. */
	(void)mck_qrtext_add(q, "https://example.org", 19);
	(void)mck_qrtext_add(q, "MC1:/000103", 11);
	assert_int_equal(assemble(&r), 0);
	assert_string_equal(out, "-.0");
}

static void test_oversize(void **state)
{
	char *big = malloc(MCK_QRTEXT_MAX + 16);
	enum mck_reason r;

	(void)state;
	memcpy(big, "MC1:/", 5);
	memset(big + 5, '0', MCK_QRTEXT_MAX + 5);
	big[MCK_QRTEXT_MAX + 10] = '\0';
	assert_int_equal(mck_qrtext_add(q, big, strlen(big)), MCK_QRTEXT_MALFORMED);
	assert_int_equal(assemble(&r), -1);
	assert_int_equal(r, MCK_REASON_MALFORMED);
	/* More than one QR code holds is malformed whatever it looks like: no code
	 * read it (verifier-contract.md, a long line on standard input). */
	static const char *const looks[] = {"eyJh", "https://example.org/", "xxxx"};
	for (size_t i = 0; i < sizeof(looks) / sizeof(looks[0]); i++) {
		mck_qrtext_init(q);
		memset(big, 'a', MCK_QRTEXT_MAX + 10);
		memcpy(big, looks[i], strlen(looks[i]));
		big[MCK_QRTEXT_MAX / 2] = '.';
		big[MCK_QRTEXT_MAX / 2 + 10] = '.';
		assert_int_equal(mck_qrtext_add(q, big, MCK_QRTEXT_MAX + 1), MCK_QRTEXT_MALFORMED);
		assert_int_equal(assemble(&r), -1);
		assert_string_equal(mck_reason_code(r), "malformed");
	}
	/* one character less is a plain JWS as any other */
	mck_qrtext_init(q);
	assert_int_equal(mck_qrtext_add(q, big, MCK_QRTEXT_MAX), MCK_QRTEXT_PLAIN);
	free(big);
}

/* ---- What a code that is no credential holds (verifier-contract.md: "shown") ---- */

struct shown_case {
	const char *text;
	size_t len; /* 0: strlen(text) */
	enum mck_shown shown;
	const char *host; /* for url; "" when no plausible host */
};

#define S(t, k, h)                                                                                 \
	{                                                                                          \
		t, 0, MCK_SHOWN_##k, h                                                             \
	}
#define SN(t, n, k, h)                                                                             \
	{                                                                                          \
		t, n, MCK_SHOWN_##k, h                                                             \
	}

static const struct shown_case shown_cases[] = {
	/* web links: the host alone, lower-cased */
	S("https://example.org", URL, "example.org"),
	S("http://example.org/path/to?q=1#frag", URL, "example.org"),
	S("HTTPS://EUROPASS.EUROPA.EU/ABC", URL, "europass.europa.eu"),
	S("HtTp://Example.Org", URL, "example.org"),
	S("https://example.org?q", URL, "example.org"),
	S("https://example.org#f", URL, "example.org"),
	/* userinfo is dropped; the last '@' ends it, as browsers read it */
	S("https://user:pass@example.org/", URL, "example.org"),
	S("https://user@example.org", URL, "example.org"),
	S("https://a@b@evil.example/", URL, "evil.example"),
	S("https://good.example\\@evil.example/", URL, "good.example"),
	S("https://good.example/@evil.example", URL, "good.example"),
	/* ports: dropped; one a browser refuses makes the host unknown */
	S("https://example.org:8443/x", URL, "example.org"),
	S("https://example.org:/x", URL, "example.org"),
	S("https://example.org:65535", URL, "example.org"),
	S("https://example.org:65536/", URL, ""),
	S("https://example.org:99999999999999999999/", URL, ""),
	S("https://example.org:80a/", URL, ""),
	S("https://example.org:-1/", URL, ""),
	/* IPv6 literals: shown in brackets, lower-cased; zones and junk are not */
	S("https://[2001:db8::1]/", URL, "[2001:db8::1]"),
	S("https://[2001:DB8::1]:443", URL, "[2001:db8::1]"),
	S("https://[::1]", URL, "[::1]"),
	S("https://[1:2:3:4:5:6:7:8]/", URL, "[1:2:3:4:5:6:7:8]"),
	S("https://[::ffff:192.0.2.1]/", URL, "[::ffff:192.0.2.1]"),
	S("https://[1:2:3:4:5:6:7:8:9]/", URL, ""),
	S("https://[1::2::3]/", URL, ""),
	S("https://[12345::]/", URL, ""),
	S("https://[fe80::1%25eth0]/", URL, ""),
	S("https://[2001:db8::1/", URL, ""),
	S("https://[::1]x/", URL, ""),
	S("https://[]/", URL, ""),
	S("https://[g::1]/", URL, ""),
	/* IPv4 as written: four decimal parts of at most 255 */
	S("http://192.0.2.1:8080/", URL, "192.0.2.1"),
	S("http://256.0.2.1/", URL, ""),
	S("http://1.2.3/", URL, ""),
	S("http://example.123/", URL, ""),
	/* IDN: punycode as is; raw UTF-8 is not shown (no UTS 46 in the core) */
	S("https://xn--bcher-kva.example/", URL, "xn--bcher-kva.example"),
	S("https://XN--BCHER-KVA.example/", URL, "xn--bcher-kva.example"),
	S("https://b\xc3\xbc"
	  "cher.example/",
	  URL, ""),
	/* trailing dot: one is the root, dropped; more are not a host */
	S("https://example.org./", URL, "example.org"),
	S("https://example.org../", URL, ""),
	S("https://.example.org/", URL, ""),
	S("https://./", URL, ""),
	/* labels: letters, digits, inner hyphens, 1..63 */
	S("https://a-b.example/", URL, "a-b.example"),
	S("https://-a.example/", URL, ""),
	S("https://a-.example/", URL, ""),
	S("https://a_b.example/", URL, ""),
	S("https://ex%61mple.org/", URL, ""),
	S("https://exa mple.org/", URL, ""),
	S("https://localhost:8080/", URL, "localhost"),
	/* what browsers do with slashes after a web scheme */
	S("https:example.org/x", URL, "example.org"),
	S("https:///example.org", URL, "example.org"),
	S("https:\\\\example.org\\path", URL, "example.org"),
	/* no host at all: still a web link */
	S("https://", URL, ""),
	S("https:", URL, ""),
	S("https://user:pw@/", URL, ""),
	S("https://:443/", URL, ""),
	/* NUL bytes: not in a host; after it, the path does not matter */
	SN("https://exam\0ple.org", 20, URL, ""),
	SN("https://example.org/\0x", 22, URL, "example.org"),
	SN("\0https://example.org", 20, TEXT, ""),
	/* white space around the text (generators pad); a BOM too */
	S("  https://example.org/  ", URL, "example.org"),
	S("\r\nhttps://example.org\r\n", URL, "example.org"),
	S("\xef\xbb\xbfhttps://example.org", URL, "example.org"),
	/* a bare www. address, as phones open it: only when it is all address */
	S("www.example.org", URL, "www.example.org"),
	S("WWW.Example.ORG/path?x", URL, "www.example.org"),
	S("www.example.org:8080", URL, "www.example.org"),
	S("www.example.org.", URL, "www.example.org"),
	S("www.example.org is our site", TEXT, ""),
	S("www.", TEXT, ""),
	S("www", TEXT, ""),
	S("www.-x.org", TEXT, ""),
	S("www.user@example.org", TEXT, ""),
	S("www.example.org:port", TEXT, ""),
	/* not web links: other schemes are text (see mck_qrtext_classify) */
	S("http", TEXT, ""),
	S("https//example.org", TEXT, ""),
	S("httpx://example.org", TEXT, ""),
	S("ftp://example.org/file", TEXT, ""),
	S("mailto:anna@example.org", TEXT, ""),
	S("MAILTO:anna@example.org?subject=x", TEXT, ""),
	S("tel:+48123456789", TEXT, ""),
	S("sms:+48123456789", TEXT, ""),
	S("geo:52.2297,21.0122", TEXT, ""),
	S("javascript:alert(1)", TEXT, ""),
	/* Wi-Fi network settings */
	S("WIFI:S:HomeNet;T:WPA;P:secret;;", WIFI, ""),
	S("wifi:T:WPA;S:HomeNet;P:secret;;", WIFI, ""),
	S("WiFi:S:x;;", WIFI, ""),
	S("WIFI:", WIFI, ""),
	S(" WIFI:S:x;;", WIFI, ""),
	S("WIFI", TEXT, ""),
	S("WIFI;S:x;;", TEXT, ""),
	S("WI-FI:S:x;;", TEXT, ""),
	/* EU Digital COVID Certificate: the exact prefix HC1: at the first byte */
	S("HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH", EU_DCC, ""),
	S("HC1:", EU_DCC, ""),
	S("hc1:NCFOXN", TEXT, ""),
	S("HC1NCFOXN", TEXT, ""),
	S("HC2:NCFOXN", TEXT, ""),
	S(" HC1:NCFOXN", TEXT, ""),
	/* SMART Health Card: shc:/ exactly (shc: alone is not one) */
	S("shc:/56762909524320603460292437404460", SMART_HEALTH_CARD, ""),
	S("shc:/1/2/5676290952", SMART_HEALTH_CARD, ""),
	S("shc:/", SMART_HEALTH_CARD, ""),
	S("shc:5676290952", TEXT, ""),
	S("SHC:/5676290952", TEXT, ""),
	S("shc/5676290952", TEXT, ""),
	/* contact cards */
	S("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Kowalska\r\nEND:VCARD\r\n", VCARD, ""),
	S("begin:vcard\nVERSION:4.0\nEND:VCARD", VCARD, ""),
	S(" \r\n\tBEGIN:VCARD\r\n", VCARD, ""),
	S("\xef\xbb\xbf"
	  "BEGIN:VCARD\r\n",
	  VCARD, ""),
	S("BEGIN:VCARD", VCARD, ""),
	S("MECARD:N:Kowalska,Anna;TEL:123;;", VCARD, ""),
	S("BEGIN:VCARDS", TEXT, ""),
	S("BEGIN:VCALENDAR\r\n", TEXT, ""),
	S("BEGIN: VCARD", TEXT, ""),
	/* anything else */
	SN("", 0, TEXT, ""),
	S("hello", TEXT, ""),
	S("mc1:/0102", TEXT, ""),
	S("abc.def", TEXT, ""),
	SN("\0\0\0", 3, TEXT, ""),
	S("\xff\xfe\x80", TEXT, ""),
	S("   ", TEXT, ""),
};

#undef S
#undef SN

static size_t case_len(const struct shown_case *c)
{
	return c->len != 0 || c->text[0] == '\0' ? c->len : strlen(c->text);
}

/* Classify @p len bytes from a heap copy of exactly that size (ASan sees any overread). */
static enum mck_shown classify_exact(const char *text, size_t len, char *host)
{
	char *copy = malloc(len != 0 ? len : 1);
	enum mck_shown k;

	assert_non_null(copy);
	memcpy(copy, text, len);
	k = mck_qrtext_classify(copy, len, host);
	free(copy);
	return k;
}

/* A host as the contract gives it: a plausible host name, lower case, bounded. */
static void assert_plausible_host(const char *host)
{
	size_t n = strlen(host);

	assert_true(n <= MCK_HOST_MAX);
	for (size_t i = 0; i < n; i++) {
		char c = host[i];

		assert_true((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
			    c == '.' || c == '[' || c == ']' || c == ':');
	}
}

static void test_classify(void **state)
{
	char host[MCK_HOST_MAX + 1];

	(void)state;
	for (size_t i = 0; i < sizeof(shown_cases) / sizeof(shown_cases[0]); i++) {
		const struct shown_case *c = &shown_cases[i];
		size_t len = case_len(c);
		enum mck_shown k;

		memset(host, 'X', sizeof(host));
		k = classify_exact(c->text, len, host);
		if (k != c->shown || strcmp(host, c->host) != 0) {
			print_error("case %zu \"%.*s\": %s \"%s\", want %s \"%s\"\n", i, (int)len,
				    c->text, mck_shown_name(k), host, mck_shown_name(c->shown),
				    c->host);
		}
		assert_int_equal(k, c->shown);
		assert_string_equal(host, c->host);
		assert_plausible_host(host);
		/* Every prefix too: a text cut anywhere is read within its length. */
		for (size_t n = 0; n < len; n++) {
			k = classify_exact(c->text, n, host);
			assert_true(k > MCK_SHOWN_NONE && k < MCK_SHOWN_COUNT);
			assert_true(k == MCK_SHOWN_URL || host[0] == '\0');
			assert_plausible_host(host);
		}
	}
}

static void test_classify_host_length(void **state)
{
	char text[600];
	char want[300];
	char host[MCK_HOST_MAX + 1];
	size_t n;

	(void)state;
	/* 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253: the longest host name */
	n = (size_t)sprintf(want, "%s.%s.%s.%.61s",
			    "a23456789012345678901234567890123456789012345678901234567890123",
			    "b23456789012345678901234567890123456789012345678901234567890123",
			    "c23456789012345678901234567890123456789012345678901234567890123",
			    "d23456789012345678901234567890123456789012345678901234567890123");
	assert_int_equal(n, 253);
	sprintf(text, "https://%s/x", want);
	assert_int_equal(classify_exact(text, strlen(text), host), MCK_SHOWN_URL);
	assert_string_equal(host, want);
	/* with the root's dot: still 253 */
	sprintf(text, "https://%s./x", want);
	assert_int_equal(classify_exact(text, strlen(text), host), MCK_SHOWN_URL);
	assert_string_equal(host, want);
	/* one more character: no host */
	sprintf(text, "https://%se/x", want);
	assert_int_equal(classify_exact(text, strlen(text), host), MCK_SHOWN_URL);
	assert_string_equal(host, "");
	/* a label of 64 */
	sprintf(text, "https://%s4.example/",
		"a23456789012345678901234567890123456789012345678901234567890123");
	assert_int_equal(classify_exact(text, strlen(text), host), MCK_SHOWN_URL);
	assert_string_equal(host, "");
}

/* The longest text a code holds: a host too long is none, a www. address too long is text. */
static void test_classify_long(void **state)
{
	char *big = malloc(MCK_QRTEXT_MAX);
	char host[MCK_HOST_MAX + 1];

	(void)state;
	assert_non_null(big);
	memset(big, 'a', MCK_QRTEXT_MAX);
	memcpy(big, "https://", 8);
	assert_int_equal(classify_exact(big, MCK_QRTEXT_MAX, host), MCK_SHOWN_URL);
	assert_string_equal(host, "");
	memset(big, 'a', MCK_QRTEXT_MAX);
	memcpy(big, "www.", 4);
	assert_int_equal(classify_exact(big, MCK_QRTEXT_MAX, host), MCK_SHOWN_TEXT);
	memset(big, 'a', MCK_QRTEXT_MAX);
	memcpy(big, "WIFI:S:", 7);
	assert_int_equal(classify_exact(big, MCK_QRTEXT_MAX, host), MCK_SHOWN_WIFI);
	/* a short host before a long path is found */
	memcpy(big, "https://example.org/", 20);
	assert_int_equal(classify_exact(big, MCK_QRTEXT_MAX, host), MCK_SHOWN_URL);
	assert_string_equal(host, "example.org");
	free(big);
}

/* Random bytes after the prefixes that matter: a host is always plausible. */
static void test_classify_random(void **state)
{
	static const char *const heads[] = {
		"https://",     "HTTP:", "www.",  "https://[",  "http://a@",
		"https://x.y:", "",      "WIFI:", "BEGIN:VCARD"};
	static const char alphabet[] = "aZ09-.:/\\@[]%?# \r\n\t\0\x80\xc3\xff";
	char text[96];
	char host[MCK_HOST_MAX + 1];
	uint32_t seed = 12345;

	(void)state;
	for (int round = 0; round < 20000; round++) {
		const char *head = heads[(unsigned)round % (sizeof(heads) / sizeof(heads[0]))];
		size_t n = strlen(head);
		size_t len;

		memcpy(text, head, n);
		seed = seed * 1103515245u + 12345u;
		len = n + (seed >> 16) % (sizeof(text) - n);
		for (size_t i = n; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		(void)classify_exact(text, len, host);
		assert_plausible_host(host);
	}
}

static void test_shown_names(void **state)
{
	(void)state;
	assert_string_equal(mck_shown_name(MCK_SHOWN_URL), "url");
	assert_string_equal(mck_shown_name(MCK_SHOWN_WIFI), "wifi");
	assert_string_equal(mck_shown_name(MCK_SHOWN_EU_DCC), "eu_dcc");
	assert_string_equal(mck_shown_name(MCK_SHOWN_SMART_HEALTH_CARD), "smart_health_card");
	assert_string_equal(mck_shown_name(MCK_SHOWN_VCARD), "vcard");
	assert_string_equal(mck_shown_name(MCK_SHOWN_TEXT), "text");
	assert_null(mck_shown_name(MCK_SHOWN_NONE));
	assert_null(mck_shown_name(MCK_SHOWN_COUNT));
	assert_null(mck_shown_name((enum mck_shown) - 1));
}

/* The collector keeps what the first non-credential code was, nothing of its text. */
static void test_collector_keeps_first_shown(void **state)
{
	static const char url[] = "https://first.example/private?name=Anna";
	char big[MCK_QRTEXT_MAX + 2];

	(void)state;
	assert_int_equal(q->shown, MCK_SHOWN_NONE);
	assert_int_equal(mck_qrtext_add(q, url, strlen(url)), MCK_QRTEXT_OTHER);
	assert_int_equal(mck_qrtext_add(q, "WIFI:S:x;;", 10), MCK_QRTEXT_OTHER);
	assert_int_equal(q->shown, MCK_SHOWN_URL);
	assert_string_equal(q->host, "first.example");
	assert_null(memmem(q, sizeof(*q), "private", 7));
	/* a credential's texts do not change it, nor is it needed then */
	(void)mck_qrtext_add(q, "MC1:/000103", 11);
	assert_int_equal(q->shown, MCK_SHOWN_URL);
	/* wiped with the rest */
	mck_qrtext_free(q);
	assert_int_equal(q->shown, MCK_SHOWN_NONE);
	assert_string_equal(q->host, "");
	/* a text longer than a code holds is malformed, not described */
	mck_qrtext_init(q);
	memset(big, 'a', sizeof(big));
	memcpy(big, "https://x.example/", 18);
	assert_int_equal(mck_qrtext_add(q, big, MCK_QRTEXT_MAX + 1), MCK_QRTEXT_MALFORMED);
	assert_int_equal(q->shown, MCK_SHOWN_NONE);
	/* the first text is the one described, whatever the second is */
	mck_qrtext_init(q);
	(void)mck_qrtext_add(q, "hello", 5);
	(void)mck_qrtext_add(q, url, strlen(url));
	assert_int_equal(q->shown, MCK_SHOWN_TEXT);
	assert_string_equal(q->host, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_compact_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compact_rejects, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_credential, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plain, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chunks_any_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chunk_conflicts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_several_credentials, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_codes_beside_a_credential, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_oversize, setup, teardown),
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_classify_host_length),
		cmocka_unit_test(test_classify_long),
		cmocka_unit_test(test_classify_random),
		cmocka_unit_test(test_shown_names),
		cmocka_unit_test_setup_teardown(test_collector_keeps_first_shown, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
