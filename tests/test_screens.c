/*
 * Screens, rendered headless by the real mckiosk (--screenshot) and read back:
 * the verdict band has the right colour in the right place for every verdict,
 * at every layout and in several languages; no text box overflows; a credential
 * that calls itself "VALID ✔" changes nothing in the band.
 *
 * Usage: test_screens [--sample] [TEST...]: the tests named (all when none);
 * --sample draws a part of each matrix of sizes x languages (sampled()).
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <png.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/imgcodec.h"
#include "support/runproc.h"

struct rgb {
	int r, g, b;
};

static const struct rgb green = {27, 127, 59};
static const struct rgb amber = {242, 169, 0};
static const struct rgb red = {192, 28, 40};
static const struct rgb grey = {96, 96, 96};

static const char *const sizes[] = {"800x480", "1024x600", "1280x720", "1920x1080", "480x800"};
static const char *const langs[] = {"en", "pl", "el", "de"};

/*
 * --sample (the sanitizer build, where a render costs several times more): of
 * a screen's sizes x languages, each size in one language, the languages in
 * turn (@p turn shifts them from one screen to the next), so every size and
 * every language is still drawn and checked there. The native build draws
 * every pair and asserts on each.
 */
static bool sample;

static bool sampled(size_t size, size_t lang, size_t nlangs, size_t turn)
{
	return !sample || lang == (size + turn) % nlangs;
}

/*
 * The last screenshot read, kept for the next look at it (a band is checked at
 * four places): a 1920x1080 PNG is decoded once, not four times.
 */
static struct {
	char path[512];
	uint8_t *px;
	int w, h;
} shot;

static void screenshot_forget(void)
{
	free(shot.px);
	shot.px = NULL;
	shot.path[0] = '\0';
}

/* @p path's pixels, RGB, owned by the cache (until the next call or render); NULL: unreadable. */
static const uint8_t *screenshot(const char *path, int *w, int *h)
{
	if (shot.px == NULL || strcmp(shot.path, path) != 0) {
		screenshot_forget();
		if (strlen(path) >= sizeof(shot.path)) {
			return NULL;
		}
		shot.px = mck_test_png_decode(path, PNG_FORMAT_RGB, &shot.w, &shot.h);
		if (shot.px == NULL) {
			return NULL;
		}
		strcpy(shot.path, path);
	}
	*w = shot.w;
	*h = shot.h;
	return shot.px;
}

static struct rgb pixel_at(const char *path, double fx, double fy, int *w, int *h)
{
	int pw = 0;
	int ph = 0;
	const uint8_t *px = screenshot(path, &pw, &ph);
	struct rgb c = {-1, -1, -1};

	if (px != NULL) {
		size_t x = (size_t)(fx * pw);
		size_t y = (size_t)(fy * ph);
		const uint8_t *p = px + (y * (size_t)pw + x) * 3;

		c = (struct rgb){p[0], p[1], p[2]};
		*w = pw;
		*h = ph;
	}
	return c;
}

/* Render one screen; returns the overflow count mckiosk reports (-1: failed). */
static char spoof_dir[] = "/tmp/mck-screens-XXXXXX";
static const char *anchors_override;
static const char *trust_override;

/*
 * Render with @p extra options (NULL-terminated, may be NULL); the printed
 * report (overflow, touch targets) goes to @p report when not NULL.
 */
static int render_with(const char *source, const char *size, const char *lang, const char *out,
		       const char *const *extra, char **report)
{
	char bin[512];
	char anchors[512];
	char trust[512];
	char status[512];
	char *argv[40];
	char *text = NULL;
	int argc = 0;
	int rc;
	unsigned overflow = 0;
	const char *now = "1795000000";

	for (size_t i = 0; extra != NULL && extra[i] != NULL; i++) {
		if (strcmp(extra[i], "--now") == 0 && extra[i + 1] != NULL) {
			now = extra[i + 1]; /* given once, not twice */
		}
	}
	snprintf(bin, sizeof(bin), "%s/mckiosk", MCK_BIN_DIR);
	snprintf(anchors, sizeof(anchors), "%s/anchors", MCK_FIXTURES);
	snprintf(trust, sizeof(trust), "%s/trust/trustlist.jws", MCK_FIXTURES);
	snprintf(status, sizeof(status), "%s/status", MCK_FIXTURES);
#define ARG(s) (argv[argc++] = (char *)(uintptr_t)(s))
	ARG(bin);
	ARG("--anchors");
	ARG(anchors_override != NULL ? anchors_override : anchors);
	ARG("--trust");
	ARG(trust_override != NULL ? trust_override : trust);
	ARG("--status");
	ARG(status);
	ARG("--now");
	ARG(now);
	ARG("--size");
	ARG(size);
	ARG("--lang");
	ARG(lang);
	ARG("--screenshot");
	ARG(out);
	if (source != NULL) {
		ARG("--source");
		ARG(source);
	}
	for (size_t i = 0; extra != NULL && extra[i] != NULL && argc < 38; i++) {
		if (strcmp(extra[i], "--now") == 0) {
			i++;
			continue;
		}
		ARG(extra[i]);
	}
	argv[argc] = NULL;
#undef ARG
	screenshot_forget(); /* @p out is written anew */
	rc = mck_test_run(argv, NULL, &text);
	if (rc != 0 || text == NULL || sscanf(text, "overflow %u", &overflow) != 1) {
		free(text);
		return -1;
	}
	if (report != NULL) {
		*report = text;
	} else {
		free(text);
	}
	return (int)overflow;
}

static int render(const char *source, const char *size, const char *lang, const char *out)
{
	return render_with(source, size, lang, out, NULL, NULL);
}

/*
 * The band's height on a screenshot: the run of the top right pixel's colour
 * down the right edge. A band is at least a fifth of the short side and grows
 * with its words (mck_ui_band_rect).
 */
static int band_height(const char *png)
{
	int w = 0;
	int h = 0;
	const uint8_t *px = screenshot(png, &w, &h);
	int y = 0;

	assert_non_null(px);
	for (const uint8_t *top = px + ((size_t)w - 2) * 3; y < h; y++) {
		const uint8_t *p = px + ((size_t)y * w + (size_t)w - 2) * 3;

		if (memcmp(p, top, 3) != 0) {
			break;
		}
	}
	return y;
}

static void expect_band(const char *path, struct rgb want)
{
	int w = 0;
	int h = 0;
	struct rgb a = pixel_at(path, 0.97, 0.02, &w, &h);
	int band = band_height(path);
	int short_side = w < h ? w : h;
	struct rgb b = pixel_at(path, 0.99, (double)(band - 2) / h, &w, &h);
	struct rgb below = pixel_at(path, 0.99, (double)(band + 2) / h, &w, &h);

	if (a.r != want.r || a.g != want.g || a.b != want.b || b.r != want.r || b.g != want.g ||
	    b.b != want.b) {
		fprintf(stderr, "%s: band %d,%d,%d / %d,%d,%d, want %d,%d,%d\n", path, a.r, a.g,
			a.b, b.r, b.g, b.b, want.r, want.g, want.b);
	}
	assert_int_equal(a.r, want.r);
	assert_int_equal(a.g, want.g);
	assert_int_equal(a.b, want.b);
	assert_int_equal(b.r, want.r);
	assert_int_equal(b.g, want.g);
	assert_int_equal(b.b, want.b);
	/* a band, not the whole screen: at least a fifth of the short side, at most half */
	assert_true(band >= short_side * 20 / 100);
	assert_true(band <= h / 2);
	/* and it ends there: nothing below imitates it */
	assert_false(below.r == want.r && below.g == want.g && below.b == want.b);
}

struct screen_case {
	const char *name;
	const char *image; /* fixture case (NULL: idle) */
	struct rgb band;
};

static void test_verdict_bands(void **state)
{
	static const struct screen_case cases[] = {
		{"valid", "valid-es256-compact", {27, 127, 59}},
		{"warning", "warn-incomplete", {242, 169, 0}},
		{"invalid", "invalid-revoked", {192, 28, 40}},
		{"forged", "invalid-tampered", {192, 28, 40}},
		{"unreadable", "unreadable-no-code", {96, 96, 96}},
		{"unicode", "valid-unicode", {27, 127, 59}},
	};
	char source[1024];
	char out[512];

	(void)state;
	(void)green;
	(void)amber;
	(void)red;
	(void)grey;
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
				int overflow;

				if (!sampled(s, l, sizeof(langs) / sizeof(langs[0]), c)) {
					continue;
				}
				snprintf(source, sizeof(source), "image:%s/cases/%s/input0.png",
					 MCK_FIXTURES, cases[c].image);
				snprintf(out, sizeof(out), "%s/screen-%s-%s-%s.png", MCK_BIN_DIR,
					 cases[c].name, sizes[s], langs[l]);
				overflow = render(source, sizes[s], langs[l], out);
				assert_true(overflow >= 0);
				if (overflow != 0) {
					fprintf(stderr, "%s: %d text boxes overflow\n", out,
						overflow);
				}
				assert_int_equal(overflow, 0);
				expect_band(out, cases[c].band);
			}
		}
	}
}

static void test_idle_has_no_band(void **state)
{
	char out[512];
	int w = 0;
	int h = 0;

	(void)state;
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		snprintf(out, sizeof(out), "%s/screen-idle-%s.png", MCK_BIN_DIR, sizes[s]);
		assert_int_equal(render(NULL, sizes[s], "en", out), 0);
		struct rgb c = pixel_at(out, 0.97, 0.02, &w, &h);
		/* white background, no verdict colour anywhere near the top */
		assert_int_equal(c.r + c.g + c.b, 3 * 255);
	}
}

static int run_tool(const char *tool, const char *a1, const char *a2, const char *a3,
		    const char *a4, const char *a5, const char *a6, const char *out_path)
{
	char bin[512];
	char *argv[8];
	char *text = NULL;
	int argc = 0;
	int rc;

	snprintf(bin, sizeof(bin), "%s/%s", MCK_BIN_DIR, tool);
	argv[argc++] = bin;
	for (const char *const *a = (const char *const[]){a1, a2, a3, a4, a5, a6}; argc < 7; a++) {
		if (*a == NULL) {
			break;
		}
		argv[argc++] = (char *)(uintptr_t)*a;
	}
	argv[argc] = NULL;
	rc = mck_test_run(argv, NULL, &text);
	if (rc == 0 && out_path != NULL) {
		FILE *f = fopen(out_path, "w");
		if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0) {
			rc = -1;
		}
	}
	free(text);
	return rc;
}

static char *path_in(const char *name);

/* The anchors directory: the operator key's public half. */
static int mkdir_anchors(void)
{
	char pem_path[600];

	if (mkdir(path_in("anchors"), 0700) != 0) {
		return -1;
	}
	snprintf(pem_path, sizeof(pem_path), "%s/op.pem", path_in("anchors"));
	return run_tool("mcissue", "anchor", "--key", path_in("op.key.pem"), NULL, NULL, NULL,
			pem_path);
}

static char *path_in(const char *name)
{
	static char buf[8][512];
	static int next;
	char *p = buf[next++ % 8];

	snprintf(p, 512, "%s/%s", spoof_dir, name);
	return p;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* The operator's and one awarding body's keys, and the anchors: made once. */
static void make_keys(void)
{
	static bool made;

	if (made) {
		return;
	}
	assert_non_null(mkdtemp(spoof_dir));
	assert_int_equal(
		run_tool("mcissue", "keygen", "--type", "p256", "--out", path_in("op"), NULL, NULL),
		0);
	assert_int_equal(run_tool("mcissue", "keygen", "--type", "p256", "--out", path_in("issuer"),
				  NULL, NULL),
			 0);
	assert_int_equal(mkdir_anchors(), 0);
	made = true;
}

/* A trust list of one active issuer (@p members: its id, name...; the issuer's key) in @p name. */
static void make_trustlist(const char *name, const char *members)
{
	char desc[1280];

	snprintf(desc, sizeof(desc),
		 "{\"sequence\":1,\"iat\":1790000000,\"nextUpdate\":1800000000,\"issuers\":[{%s,"
		 "\"status\":\"active\",\"keys\":[{\"jwk\":\"%s\"}]}]}",
		 members, path_in("issuer.jwk.json"));
	write_text(path_in("desc.json"), desc);
	assert_int_equal(run_tool("mcissue", "trustlist", "--key", path_in("op.key.pem"),
				  path_in("desc.json"), NULL, NULL, path_in(name)),
			 0);
}

/* @p json signed with the issuer's key, as a QR code in NAME.png. */
static void make_qr(const char *name, const char *json)
{
	char json_path[600];
	char txt_path[600];
	char png_path[600];
	char text[16384];
	FILE *f;
	size_t n;

	snprintf(json_path, sizeof(json_path), "%s/%s.json", spoof_dir, name);
	snprintf(txt_path, sizeof(txt_path), "%s/%s.txt", spoof_dir, name);
	snprintf(png_path, sizeof(png_path), "%s/%s.png", spoof_dir, name);
	write_text(json_path, json);
	assert_int_equal(run_tool("mcissue", "sign", "--key", path_in("issuer.key.pem"), json_path,
				  NULL, NULL, txt_path),
			 0);
	f = fopen(txt_path, "r");
	assert_non_null(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	text[strcspn(text, "\n")] = '\0';
	assert_int_equal(run_tool("mcissue", "qr", "--out", png_path, text, NULL, NULL, NULL), 0);
}

/* After a test with a trust list of its own, also a failed one: the fixtures' again. */
static int own_trust_list_off(void **state)
{
	(void)state;
	anchors_override = NULL;
	trust_override = NULL;
	return 0;
}

/* A credential that impersonates the verdict: it must not move the band. */
static void test_spoofing_credential(void **state)
{
	(void)state;
	make_keys();
	make_trustlist("trustlist.jws",
		       "\"id\":\"https://spoof.example\",\"name\":\"VALID \u2714\"");
	/* Expired, so NOT VALID; everything it says claims otherwise. */
	make_qr("cred", "{\"iss\":\"https://spoof.example\",\"nbf\":1780000000,\"exp\":1790000001,"
			"\"vc\":{\"type\":[\"VerifiableCredential\"],\"issuer\":{\"id\":"
			"\"https://spoof.example\",\"name\":\"\u2714 VALID \u2714 VALID\"},"
			"\"credentialSubject\":{\"identifier\":[{\"identityType\":\"name\","
			"\"hashed\":false,\"identityHash\":\"\u2714 VALID\u202e DILAV\"}],"
			"\"achievement\":{\"name\":\"\u2714 VALID - genuine credential\"}}}}");
	anchors_override = path_in("anchors");
	trust_override = path_in("trustlist.jws");
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		char source[600];
		char out[600];

		snprintf(source, sizeof(source), "image:%s", path_in("cred.png"));
		snprintf(out, sizeof(out), "%s/screen-spoof-%s.png", MCK_BIN_DIR, sizes[s]);
		int overflow = render(source, sizes[s], "en", out);

		if (overflow != 0) {
			fprintf(stderr, "%s: %d text boxes overflow\n", out, overflow);
		}
		assert_int_equal(overflow, 0);
		expect_band(out, red);
		/* Below the band: the credential's words on the neutral details paper. */
		{
			int w = 0;
			int h = 0;
			struct rgb c = pixel_at(out, 0.995, 0.5, &w, &h);

			assert_int_equal(c.r, 244);
			assert_int_equal(c.g, 246);
			assert_int_equal(c.b, 248);
		}
	}
	anchors_override = NULL;
	trust_override = NULL;
}

static const struct rgb unusable = {120, 24, 24};
static const struct rgb slate = {33, 41, 51};

static void expect_no_overflow(int overflow, const char *out)
{
	assert_true(overflow >= 0);
	if (overflow != 0) {
		fprintf(stderr, "%s: %d text boxes overflow\n", out, overflow);
	}
	assert_int_equal(overflow, 0);
}

/*
 * Rows @p ya.. of @p a and @p yb.. of @p b alike, left of the details' scroll
 * bar (its thumb shows how long the whole record is: one row more moves it).
 */
static bool same_rows(const uint8_t *a, int ya, const uint8_t *b, int yb, int n, int w)
{
	size_t cols = (size_t)w * 85 / 100;

	for (int i = 0; i < n; i++) {
		if (memcmp(a + ((size_t)(ya + i) * w) * 3, b + ((size_t)(yb + i) * w) * 3,
			   cols * 3) != 0) {
			return false;
		}
	}
	return true;
}

/*
 * From @p first on, @p a differs from @p b only in one row and then blank
 * paper down to the same "Done" row: the claim was the page's last row.
 */
static bool last_row(const uint8_t *a, const uint8_t *b, int first, int w, int h)
{
	static const uint8_t paper[3] = {244, 246, 248};
	int y = first;
	int blank = 0;

	/* the claim's row, then paper (at the text's left edge) */
	while (y < h && blank < h / 40) {
		bool row_blank = true;

		for (int x = w / 20; x < w * 85 / 100 && row_blank; x++) {
			row_blank = memcmp(a + ((size_t)y * w + (size_t)x) * 3, paper, 3) == 0;
		}
		blank = row_blank ? blank + 1 : 0;
		y++;
	}
	/* and below the page both screens are the same */
	while (y < h && !same_rows(a, y, b, y, 1, w)) {
		y++;
	}
	return y < h && same_rows(a, y, b, y, h - y, w);
}

/*
 * The awarding body on screen is the trust list's entry for iss, not the
 * credential's own wording (credential-format.md, revision 2). A credential of
 * the body registered as "Example Vocational Training Centre" (PL) that calls
 * itself "Politechnika Warszawska" (DE) must look exactly like the same
 * credential worded as registered, with one strip inserted below the awarding
 * body: the credential's wording in a row of its own, in the caption's colour
 * (the frame's), never in the band.
 */
static void test_claimed_awarding_body(void **state)
{
	static const char fmt[] =
		"{\"iss\":\"https://cert.example-vet.pl\",\"nbf\":1780000000,\"exp\":1900000000,"
		"\"jti\":\"urn:uuid:claim-1\",\"vc\":{\"type\":[\"VerifiableCredential\"],"
		"\"issuer\":{\"id\":\"https://cert.example-vet.pl\",\"name\":\"%s\",\"address\":"
		"{\"addressCountryCode\":\"%s\"}},\"credentialSubject\":{\"identifier\":[{"
		"\"identityType\":\"name\",\"hashed\":false,\"identityHash\":\"Anna Kowalska\"}],"
		"\"achievement\":{\"name\":\"Cloud Security Fundamentals\",\"learningOutcomes\":["
		"\"Configure IAM\"],\"creditsAvailable\":2,\"eqfLevel\":5,\"assessmentType\":"
		"\"Exam\",\"participationForm\":\"online\",\"qualityAssurance\":\"Accredited\"}}}}";
	static const struct rgb frame = {91, 107, 127};
	char json[2048];

	(void)state;
	make_keys();
	make_trustlist("trust-claim.jws",
		       "\"id\":\"https://cert.example-vet.pl\",\"name\":"
		       "\"Example Vocational Training Centre\",\"country\":\"PL\"");
	snprintf(json, sizeof(json), fmt, "Politechnika Warszawska", "DE");
	make_qr("claimed", json);
	snprintf(json, sizeof(json), fmt, "Example Vocational Training Centre", "PL");
	make_qr("registered", json);
	anchors_override = path_in("anchors");
	trust_override = path_in("trust-claim.jws");
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		/*
		 * On the 7-inch 800x480 panel (either way up) the learner's name at
		 * 6 mm fills the first page: the claim's row is below it, reached by
		 * scrolling (test_legible: test_everything_reachable).
		 */
		if (strcmp(sizes[s], "800x480") == 0 || strcmp(sizes[s], "480x800") == 0) {
			continue;
		}
		for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
			char source[2][600];
			char out[2][600];
			uint8_t *px[2];
			int w = 0;
			int h = 0;
			int band;
			int first = -1;
			int strip = -1;
			int win;
			bool marked = false;

			/* three sizes here: two languages each, to draw all four */
			if (!sampled(s, l, sizeof(langs) / sizeof(langs[0]), 0) &&
			    !sampled(s, l, sizeof(langs) / sizeof(langs[0]), 2)) {
				continue;
			}
			for (int k = 0; k < 2; k++) {
				const char *name = k == 0 ? "claimed" : "registered";

				snprintf(source[k], sizeof(source[k]), "image:%s/%s.png", spoof_dir,
					 name);
				snprintf(out[k], sizeof(out[k]), "%s/screen-%s-%s-%s.png",
					 MCK_BIN_DIR, name, sizes[s], langs[l]);
				expect_no_overflow(render(source[k], sizes[s], langs[l], out[k]),
						   out[k]);
				expect_band(out[k], green);
				px[k] = mck_test_png_decode(out[k], PNG_FORMAT_RGB, &w, &h);
				assert_non_null(px[k]);
			}
			band = band_height(out[0]);
			/* The band is the same, pixel for pixel: no claim reaches it. */
			assert_true(same_rows(px[0], 0, px[1], 0, band, w));
			for (int y = band; y < h && first < 0; y++) {
				if (!same_rows(px[0], y, px[1], y, 1, w)) {
					first = y;
				}
			}
			if (first < 0) {
				fprintf(stderr, "%s: the credential's wording is not shown\n",
					out[0]);
			}
			assert_true(first >= band);
			/*
			 * What follows is the registered screen moved down by one strip
			 * (the claim's row); on a screen that showed the claim as the
			 * awarding body no strip lines them up again. When the claim is
			 * the page's last row, nothing follows it: the strip is the rest
			 * of the page, the registered screen's next row is not on it.
			 */
			win = h / 24; /* a line: the page ends at whole rows */
			for (int d = 1; d < h / 4 && strip < 0; d++) {
				if (first + d + win < h &&
				    same_rows(px[0], first + d, px[1], first, win, w)) {
					strip = d;
				}
			}
			if (strip < 0 && last_row(px[0], px[1], first, w, h)) {
				strip = h / 8;
			}
			if (strip < 0) {
				fprintf(stderr, "%s: not %s with one row inserted\n", out[0],
					out[1]);
			}
			assert_true(strip > 0);
			for (int y = first; y < first + strip && !marked; y++) {
				/* right of the frame's bar, left of the scroll mark */
				for (int x = w / 20; x < w * 85 / 100 && !marked; x++) {
					const uint8_t *p = px[0] + ((size_t)y * w + x) * 3;

					marked = p[0] == frame.r && p[1] == frame.g &&
						 p[2] == frame.b;
				}
			}
			assert_true(marked);
			free(px[0]);
			free(px[1]);
		}
	}
	anchors_override = NULL;
	trust_override = NULL;
}

/* Faults that stop checking get the "cannot verify" band and their own sentence. */
static void test_fault_screens(void **state)
{
	char missing[512];
	static const char *const flangs[] = {"en", "el"};
	char out[512];

	(void)state;
	snprintf(missing, sizeof(missing), "%s/no-such-trustlist.jws", MCK_FIXTURES);
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		for (size_t l = 0; l < 2; l++) {
			if (!sampled(s, l, 2, 0)) {
				continue;
			}
			/* no trust list */
			trust_override = missing;
			snprintf(out, sizeof(out), "%s/screen-notrust-%s-%s.png", MCK_BIN_DIR,
				 sizes[s], flangs[l]);
			expect_no_overflow(render(NULL, sizes[s], flangs[l], out), out);
			expect_band(out, unusable);
			trust_override = NULL;
			/* no camera: the device does not open */
			snprintf(out, sizeof(out), "%s/screen-nocamera-%s-%s.png", MCK_BIN_DIR,
				 sizes[s], flangs[l]);
			expect_no_overflow(
				render("v4l2:/dev/mck-no-such-video", sizes[s], flangs[l], out),
				out);
			expect_band(out, unusable);
			/* the trust list long out of date */
			snprintf(out, sizeof(out), "%s/screen-expired-%s-%s.png", MCK_BIN_DIR,
				 sizes[s], flangs[l]);
			expect_no_overflow(
				render_with(NULL, sizes[s], flangs[l], out,
					    (const char *const[]){"--now", "1900000000", NULL},
					    NULL),
				out);
			expect_band(out, unusable);
		}
		/* Clock before the list was signed: scanning works, a notice, no band. */
		snprintf(out, sizeof(out), "%s/screen-clock-%s.png", MCK_BIN_DIR, sizes[s]);
		expect_no_overflow(render_with(NULL, sizes[s], "en", out,
					       (const char *const[]){"--now", "1000", NULL}, NULL),
				   out);
		int w = 0;
		int h = 0;
		struct rgb c = pixel_at(out, 0.97, 0.02, &w, &h);
		assert_int_equal(c.r + c.g + c.b, 3 * 255);
	}
}

/* A spool of update records (issue #17): the stick's success, then a network fetch that failed. */
static void write_records(char *dir)
{
	char path[600];
	FILE *f;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/fetch.json", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("{\"lastAttempt\":1794990000,\"lastSuccess\":1794000000,\"lastFailure\":1794990000,"
	      "\"cause\":\"mirror_unreadable: connect to updates.example-kiosk-mirror.eu:443 "
	      "failed: Connection timed out after 30001 milliseconds\",\"sequence\":5,"
	      "\"etag\":null,\"lastModified\":null}",
	      f);
	assert_int_equal(fclose(f), 0);
	snprintf(path, sizeof(path), "%s/last-update.json", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("{\"time\":1794500000,\"exit\":0,\"message\":\"installed sequence 5\","
	      "\"sequence\":5}\n",
	      f);
	assert_int_equal(fclose(f), 0);
}

static void remove_records(const char *dir)
{
	char path[600];

	snprintf(path, sizeof(path), "%s/fetch.json", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/last-update.json", dir);
	unlink(path);
	rmdir(dir);
}

/*
 * The operator screen: ours (slate header, no verdict colour), every fact fits,
 * with a failed update recorded (its cause, the ages, and the status bar's
 * warning: every language on the smallest panel).
 */
static void test_operator_screen(void **state)
{
	static const char *const all_langs[] = {"en", "pl", "de", "fr", "el", "it", "es"};
	char spool[] = "/tmp/mck-screens-spool-XXXXXX";
	char out[512];

	(void)state;
	write_records(spool);
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
			int w = 0;
			int h = 0;

			if (!sampled(s, l, sizeof(langs) / sizeof(langs[0]), 1)) {
				continue;
			}
			/* (without records, "never": every other screen here runs so) */
			snprintf(out, sizeof(out), "%s/screen-operator-%s-%s.png", MCK_BIN_DIR,
				 sizes[s], langs[l]);
			expect_no_overflow(
				render_with(NULL, sizes[s], langs[l], out,
					    (const char *const[]){"--show", "operator", "--spool",
								  spool, NULL},
					    NULL),
				out);
			struct rgb c = pixel_at(out, 0.97, 0.02, &w, &h);
			assert_int_equal(c.r, slate.r);
			assert_int_equal(c.g, slate.g);
			assert_int_equal(c.b, slate.b);
		}
	}
	/* 800x480 in every language: the operator screen, and idle with the warning */
	for (size_t l = 0; l < sizeof(all_langs) / sizeof(all_langs[0]); l++) {
		if (sample && l % 2 != 0) {
			continue;
		}
		bool drawn = false; /* the operator screen above, in this language */

		for (size_t k = 0; k < sizeof(langs) / sizeof(langs[0]); k++) {
			drawn = drawn || (strcmp(langs[k], all_langs[l]) == 0 && !sample);
		}
		snprintf(out, sizeof(out), "%s/screen-operator-800x480-%s.png", MCK_BIN_DIR,
			 all_langs[l]);
		if (!drawn) {
			expect_no_overflow(
				render_with(NULL, "800x480", all_langs[l], out,
					    (const char *const[]){"--show", "operator", "--spool",
								  spool, NULL},
					    NULL),
				out);
		}
		snprintf(out, sizeof(out), "%s/screen-idle-800x480-%s-records.png", MCK_BIN_DIR,
			 all_langs[l]);
		expect_no_overflow(render_with(NULL, "800x480", all_langs[l], out,
					       (const char *const[]){"--spool", spool, NULL}, NULL),
				   out);
	}
	remove_records(spool);
}

struct target {
	int x, y, w, h;
};

/* The touch target @p name from mckiosk's report; false when absent. */
static bool find_target(const char *report, const char *name, struct target *t)
{
	char key[64];
	const char *p;

	snprintf(key, sizeof(key), "target %s ", name);
	p = strstr(report, key);
	return p != NULL && sscanf(p + strlen(key), "%d %d %d %d", &t->x, &t->y, &t->w, &t->h) == 4;
}

/*
 * The language picker, over idle and over a result: seven targets large enough
 * for a finger, the current language marked, none of them on the verdict band.
 */
static void test_language_picker(void **state)
{
	static const char *const codes[] = {"en", "pl", "de", "fr", "el", "it", "es"};
	char source[600];
	char out[512];

	(void)state;
	snprintf(source, sizeof(source), "image:%s/cases/valid-es256-compact/input0.png",
		 MCK_FIXTURES);
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		for (int on_result = 0; on_result < 2; on_result++) {
			char *report = NULL;
			struct target t;
			int w = 0;
			int h = 0;

			snprintf(out, sizeof(out), "%s/screen-languages-%s-%d.png", MCK_BIN_DIR,
				 sizes[s], on_result);
			expect_no_overflow(
				render_with(on_result ? source : NULL, sizes[s], "de", out,
					    (const char *const[]){"--show", "languages", NULL},
					    &report),
				out);
			pixel_at(out, 0, 0, &w, &h);
			int short_side = w < h ? w : h;
			int band = on_result ? band_height(out) : 0;
			for (size_t i = 0; i < 7; i++) {
				char name[16];

				snprintf(name, sizeof(name), "pick-%s", codes[i]);
				assert_true(find_target(report, name, &t));
				assert_true(t.h >= short_side / 12); /* a fingertip */
				assert_true(t.w >= short_side / 4);
				if (on_result) {
					assert_true(t.y >= band); /* never on the band */
				}
				struct rgb c = pixel_at(out, (t.x + 4.0) / w, (t.y + t.h / 2.0) / h,
							&w, &h);
				bool marked = c.r == 30 && c.g == 80 && c.b == 160;
				assert_int_equal(marked, strcmp(codes[i], "de") == 0);
			}
			assert_true(find_target(report, "language", &t));
			assert_true(t.y > band && t.h >= short_side / 12);
			if (on_result) {
				expect_band(out, green); /* the picker left the band alone */
			}
			free(report);
		}
	}
}

/* A panel mounted turned: the picture is turned with it, the band on the panel's edge. */
static void test_rotation(void **state)
{
	static const struct {
		const char *deg;
		double fx, fy; /* a point inside the band on the panel */
		double gx, gy; /* a point outside it */
	} turns[] = {
		{"90", 0.97, 0.5, 0.5, 0.5},
		{"180", 0.5, 0.97, 0.5, 0.03},
		{"270", 0.03, 0.5, 0.5, 0.5},
	};
	char source[600];
	char out[512];

	(void)state;
	snprintf(source, sizeof(source), "image:%s/cases/valid-es256-compact/input0.png",
		 MCK_FIXTURES);
	for (size_t i = 0; i < sizeof(turns) / sizeof(turns[0]); i++) {
		int w = 0;
		int h = 0;

		snprintf(out, sizeof(out), "%s/screen-rotate-%s.png", MCK_BIN_DIR, turns[i].deg);
		expect_no_overflow(
			render_with(source, "800x480", "en", out,
				    (const char *const[]){"--rotate", turns[i].deg, NULL}, NULL),
			out);
		struct rgb in = pixel_at(out, turns[i].fx, turns[i].fy, &w, &h);
		struct rgb off = pixel_at(out, turns[i].gx, turns[i].gy, &w, &h);
		assert_int_equal(w, 800); /* the panel's size, whatever the turn */
		assert_int_equal(h, 480);
		assert_int_equal(in.r, green.r);
		assert_int_equal(in.g, green.g);
		assert_int_equal(in.b, green.b);
		assert_false(off.r == green.r && off.g == green.g && off.b == green.b);
	}
}

/* Part 1 of 3 read: a blue band (not a verdict colour) with the progress, at every layout. */
static void test_progress_screen(void **state)
{
	char dir[] = "/tmp/mck-progress-XXXXXX";
	char key[600];
	char json[600];
	char texts[600];
	char png[600];
	char line[8192];
	char out[512];
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(key, sizeof(key), "%s/k", dir);
	assert_int_equal(run_tool("mcissue", "keygen", "--type", "p256", "--out", key, NULL, NULL),
			 0);
	snprintf(json, sizeof(json), "%s/cred.json", dir);
	f = fopen(json, "w");
	assert_non_null(f);
	fputs("{\"iss\":\"https://x.example\",\"nbf\":1780000000,\"vc\":{\"type\":["
	      "\"VerifiableCredential\"],\"credentialSubject\":{\"achievement\":{\"name\":"
	      "\"Three parts\",\"description\":\"",
	      f);
	fputs("One credential, three codes.", f);
	fputs("\"}}}}", f);
	fclose(f);
	snprintf(key, sizeof(key), "%s/k.key.pem", dir);
	snprintf(texts, sizeof(texts), "%s/parts.txt", dir);
	assert_int_equal(
		run_tool("mcissue", "sign", "--key", key, "--form", "chunked:3", json, texts), 0);
	f = fopen(texts, "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof(line), f));
	fclose(f);
	line[strcspn(line, "\n")] = '\0';
	snprintf(png, sizeof(png), "%s/part1.png", dir);
	assert_int_equal(run_tool("mcissue", "qr", "--out", png, line, NULL, NULL, NULL), 0);
	snprintf(png, sizeof(png), "image:%s/part1.png", dir);
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
			int w = 0;
			int h = 0;

			if (!sampled(s, l, sizeof(langs) / sizeof(langs[0]), 2)) {
				continue;
			}
			snprintf(out, sizeof(out), "%s/screen-progress-%s-%s.png", MCK_BIN_DIR,
				 sizes[s], langs[l]);
			expect_no_overflow(render(png, sizes[s], langs[l], out), out);
			struct rgb c = pixel_at(out, 0.97, 0.02, &w, &h);
			assert_int_equal(c.r, 30);
			assert_int_equal(c.g, 80);
			assert_int_equal(c.b, 160);
		}
	}
}

/* A touch target that a finger can hit and that stays off the band. */
static void expect_button(const char *report, const char *name, int band)
{
	struct target t;

	if (!find_target(report, name, &t)) {
		fprintf(stderr, "no target %s in:\n%s", name, report);
	}
	assert_true(find_target(report, name, &t));
	assert_true(t.h >= 40 && t.w >= 60);
	assert_true(t.y >= band);
}

/*
 * One screen of a check with the example policy: @p show "check", "decision"
 * or NULL (idle), @p source the credentials shown. Returns the overflow count;
 * the touch targets in *report (caller frees).
 */
static int check_screen(const char *name, const char *source, const char *show, size_t s, size_t l,
			char *out, size_t cap, char **report)
{
	static const char policy[] = MCK_FIXTURES "/../../docs/examples/policy-cloud-exam.json";

	snprintf(out, cap, "%s/screen-%s-%s-%s.png", MCK_BIN_DIR, name, sizes[s], langs[l]);
	return render_with(source, sizes[s], langs[l], out,
			   show != NULL
				   ? (const char *const[]){"--policy", policy, "--show", show, NULL}
				   : (const char *const[]){"--policy", policy, NULL},
			   report);
}

#define CASE_IMAGE(c) MCK_FIXTURES "/cases/" c "/input0.png"

/*
 * Entry-requirements checks (docs/policy.md): idle offers to start; the check
 * screen's band is the latest credential's verdict; the decision's band is
 * green when met and red when not; buttons reachable and off the band.
 */
static void test_check_screens(void **state)
{
	/* valid, revoked, incomplete (accepted), the first again: 4 of 5 ECTS */
	static const char shown[] = "image:" CASE_IMAGE("valid-es256-compact") "," CASE_IMAGE(
		"invalid-revoked") "," CASE_IMAGE("warn-incomplete") "," CASE_IMAGE("valid-es256-"
										    "compact");
	/* three different valid credentials of 2 ECTS each: 6 of 5 */
	static const char met[] = "image:" CASE_IMAGE("valid-es256-compact") "," CASE_IMAGE(
		"valid-ps256-compact") "," CASE_IMAGE("valid-rs256-plain");
	static const char policy[] = MCK_FIXTURES "/../../docs/examples/policy-cloud-exam.json";
	static const char policy2[] =
		MCK_FIXTURES "/../../docs/examples/policy-digital-skills.json";
	char out[512];

	(void)state;
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
			char *report = NULL;
			int band;

			if (!sampled(s, l, sizeof(langs) / sizeof(langs[0]), 3)) {
				continue;
			}
			expect_no_overflow(
				check_screen("start", NULL, NULL, s, l, out, sizeof(out), &report),
				out);
			expect_button(report, "start", 0);
			free(report);

			/* the captions of long awarding bodies' names may be cut short here */
			assert_true(check_screen("check", shown, "check", s, l, out, sizeof(out),
						 &report) >= 0);
			expect_band(out, green); /* the last one shown was valid */
			band = band_height(out);
			expect_button(report, "finish", band);
			expect_button(report, "cancel", band);
			assert_null(strstr(report, "target start"));
			free(report);

			expect_no_overflow(check_screen("decision", shown, "decision", s, l, out,
							sizeof(out), &report),
					   out);
			expect_band(out, red); /* 4 of 5 ECTS: not met */
			expect_button(report, "done", band);
			free(report);

			expect_no_overflow(check_screen("decision-met", met, "decision", s, l, out,
							sizeof(out), NULL),
					   out);
			expect_band(out, green);

			/* two policies: the operator picks, on a screen of ours (slate, no band) */
			snprintf(out, sizeof(out), "%s/screen-policies-%s-%s.png", MCK_BIN_DIR,
				 sizes[s], langs[l]);
			expect_no_overflow(render_with(NULL, sizes[s], langs[l], out,
						       (const char *const[]){
							       "--policy", policy, "--policy",
							       policy2, "--show", "policies", NULL},
						       &report),
					   out);
			expect_button(report, "policy-0", 0);
			expect_button(report, "policy-1", 0);
			expect_button(report, "cancel", 0);
			assert_null(strstr(report, "target policy-2"));
			free(report);
			{
				int w = 0;
				int h = 0;
				struct rgb c = pixel_at(out, 0.97, 0.02, &w, &h);

				assert_int_equal(c.r, slate.r);
				assert_int_equal(c.g, slate.g);
				assert_int_equal(c.b, slate.b);
			}
		}
	}
}

int main(int argc, char **argv)
{
	static const struct CMUnitTest all[] = {
		cmocka_unit_test(test_verdict_bands),
		cmocka_unit_test(test_idle_has_no_band),
		cmocka_unit_test_teardown(test_spoofing_credential, own_trust_list_off),
		cmocka_unit_test_teardown(test_claimed_awarding_body, own_trust_list_off),
		cmocka_unit_test(test_fault_screens),
		cmocka_unit_test(test_operator_screen),
		cmocka_unit_test(test_language_picker),
		cmocka_unit_test(test_rotation),
		cmocka_unit_test(test_progress_screen),
		cmocka_unit_test(test_check_screens),
	};
	struct CMUnitTest tests[sizeof(all) / sizeof(all[0])];
	size_t n = 0;
	int first = 1;

	if (argc > 1 && strcmp(argv[1], "--sample") == 0) {
		sample = true;
		first = 2;
	}
	/* the tests named, in the order above; CTest runs groups of them side by side */
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		bool named = first == argc;

		for (int a = first; a < argc && !named; a++) {
			named = strcmp(argv[a], all[i].name) == 0;
		}
		if (named) {
			tests[n++] = all[i];
		}
	}
	for (int a = first; a < argc; a++) {
		bool known = false;

		for (size_t i = 0; i < sizeof(all) / sizeof(all[0]) && !known; i++) {
			known = strcmp(argv[a], all[i].name) == 0;
		}
		if (!known) {
			fprintf(stderr, "test_screens: no test %s\n", argv[a]);
			return 2;
		}
	}
	return _cmocka_run_group_tests(sample ? "test_screens (sampled)" : "test_screens", tests, n,
				       NULL, NULL);
}
