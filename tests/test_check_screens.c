/*
 * The screens of an entry-requirements check (docs/policy.md), as a stranger
 * and a case worker meet them: the decision's reference as a QR code that a
 * PC's scanner reads off the panel (MCKREC1, the reference shown, nothing of
 * the learner), a credential naming another person flagged in the list at
 * once, each listed credential's lines, and "still there?" before a check is
 * wiped. Rendered by the real mckiosk (--screenshot) and read back, or drawn
 * in-process with the software renderer where the kiosk's timers set the view.
 */
#define _GNU_SOURCE /* strcasestr */

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <png.h>
#include <qrencode.h>
#include <zbar.h>

#include "mck/ui.h"
#include "support/imgcodec.h"
#include "support/runproc.h"

#ifndef MCK_FONT_DIR
#define MCK_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif

/* A literal as the char * an argv holds (mck_test_run does not write to it). */
#define S(x)          ((char *)(uintptr_t)(x))
#define CASE_IMAGE(c) MCK_FIXTURES "/cases/" c "/input0.png"
#define POLICY        MCK_FIXTURES "/../../docs/examples/policy-cloud-exam.json"

/* valid, revoked, incomplete (accepted), the first again: 4 of 5 ECTS, not met */
static const char *const shown[] = {CASE_IMAGE("valid-es256-compact"),
				    CASE_IMAGE("invalid-revoked"), CASE_IMAGE("warn-incomplete"),
				    CASE_IMAGE("valid-es256-compact"), NULL};
/* three different valid credentials of 2 ECTS each: 6 of 5, met */
static const char *const met[] = {CASE_IMAGE("valid-es256-compact"),
				  CASE_IMAGE("valid-ps256-compact"),
				  CASE_IMAGE("valid-rs256-plain"), NULL};
/* Anna Kowalska's, then Γεώργιος Παπαδόπουλος-Żółć's */
static const char *const two_people[] = {CASE_IMAGE("valid-es256-compact"),
					 CASE_IMAGE("valid-unicode"), NULL};
static const char *const one_person[] = {CASE_IMAGE("valid-es256-compact"),
					 CASE_IMAGE("valid-ps256-compact"), NULL};

static const char *const sizes[] = {"800x480", "480x800"};

/* Behind a listed credential that names another person (session.c) */
static const uint8_t other_tint[3] = {253, 226, 229};
/* The "still there?" banner (still.c) */
static const uint8_t still_yellow[3] = {255, 214, 10};

/* "image:A,B,C" */
static void image_list(const char *const *files, char *out, size_t cap)
{
	size_t n = (size_t)snprintf(out, cap, "image:");

	for (size_t i = 0; files[i] != NULL && n < cap; i++) {
		n += (size_t)snprintf(out + n, cap - n, "%s%s", i > 0 ? "," : "", files[i]);
	}
}

/* mckiosk --show @p show of a check with @p files; 0 when it rendered with no overflow. */
static int render(const char *const *files, const char *show, const char *size, const char *lang,
		  const char *out)
{
	char bin[512];
	char source[4096];
	char *text = NULL;
	unsigned overflow = 1;
	int rc;
	char *const argv[] = {bin,
			      S("--anchors"),
			      S(MCK_FIXTURES "/anchors"),
			      S("--trust"),
			      S(MCK_FIXTURES "/trust/trustlist.jws"),
			      S("--status"),
			      S(MCK_FIXTURES "/status"),
			      S("--now"),
			      S("1795000000"),
			      S("--size"),
			      S(size),
			      S("--lang"),
			      S(lang),
			      S("--policy"),
			      S(POLICY),
			      S("--show"),
			      S(show),
			      S("--source"),
			      source,
			      S("--screenshot"),
			      S(out),
			      NULL};

	snprintf(bin, sizeof(bin), "%s/mckiosk", MCK_BIN_DIR);
	image_list(files, source, sizeof(source));
	rc = mck_test_run(argv, NULL, &text);
	if (rc != 0 || text == NULL || sscanf(text, "overflow %u", &overflow) != 1) {
		fprintf(stderr, "mckiosk %s %s %s: rc %d\n", show, size, lang, rc);
	} else if (overflow != 0) {
		fprintf(stderr, "%s: %u text boxes overflow\n", out, overflow);
	}
	free(text);
	return rc == 0 && overflow == 0 ? 0 : -1;
}

/*
 * The decision's reference as mcverify decides the same credentials under the
 * same policy at the same time: what the kiosk's screen says in words.
 */
static void expected_reference(const char *const *files, char ref[16], bool *is_met)
{
	char bin[512];
	char batch[] = "/tmp/mck-check-screens-XXXXXX";
	char *text = NULL;
	const char *p;
	FILE *f;
	int fd = mkstemp(batch);
	char *const argv[] = {bin,
			      S("--anchors"),
			      S(MCK_FIXTURES "/anchors"),
			      S("--trust"),
			      S(MCK_FIXTURES "/trust/trustlist.jws"),
			      S("--status"),
			      S(MCK_FIXTURES "/status"),
			      S("--now"),
			      S("1795000000"),
			      S("--batch"),
			      batch,
			      S("--policy"),
			      S(POLICY),
			      NULL};

	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	for (size_t i = 0; files[i] != NULL; i++) {
		fprintf(f, "%s\n", files[i]);
	}
	fclose(f);
	snprintf(bin, sizeof(bin), "%s/mcverify", MCK_BIN_DIR);
	mck_test_run(argv, NULL, &text);
	unlink(batch);
	assert_non_null(text);
	p = strstr(text, "\"reference\":");
	assert_non_null(p);
	p += strcspn(p + 12, "\"") + 13; /* past the member's name and the value's quote */
	assert_int_equal(p[9], '"');
	memcpy(ref, p, 9);
	ref[9] = '\0';
	p = strstr(text, "\"decision\":");
	assert_non_null(p);
	*is_met = strncmp(p + strcspn(p + 11, "\"") + 12, "met\"", 4) == 0;
	free(text);
}

/* A QR code ZBar reads off a grey picture: its text and the box its corners span. */
struct read_code {
	char text[1024];
	int x0, y0, x1, y1;
};

/* The first QR code whose text starts with @p prefix; false when none is read. */
static bool read_qr(const uint8_t *grey, int w, int h, const char *prefix, struct read_code *out)
{
	zbar_image_scanner_t *zs = zbar_image_scanner_create();
	zbar_image_t *zi = zbar_image_create();
	bool found = false;

	zbar_image_scanner_set_config(zs, 0, ZBAR_CFG_ENABLE, 0);
	zbar_image_scanner_set_config(zs, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
	zbar_image_set_format(zi, zbar_fourcc('Y', '8', '0', '0'));
	zbar_image_set_size(zi, (unsigned)w, (unsigned)h);
	zbar_image_set_data(zi, grey, (unsigned long)w * (unsigned long)h, NULL);
	if (zbar_scan_image(zs, zi) > 0) {
		for (const zbar_symbol_t *s = zbar_image_first_symbol(zi); s != NULL && !found;
		     s = zbar_symbol_next(s)) {
			const char *t = zbar_symbol_get_data(s);

			if (strncmp(t, prefix, strlen(prefix)) != 0) {
				continue;
			}
			found = true;
			snprintf(out->text, sizeof(out->text), "%s", t);
			out->x0 = out->y0 = 1 << 30;
			out->x1 = out->y1 = -1;
			for (unsigned i = 0; i < zbar_symbol_get_loc_size(s); i++) {
				int x = zbar_symbol_get_loc_x(s, i);
				int y = zbar_symbol_get_loc_y(s, i);

				out->x0 = x < out->x0 ? x : out->x0;
				out->y0 = y < out->y0 ? y : out->y0;
				out->x1 = x > out->x1 ? x : out->x1;
				out->y1 = y > out->y1 ? y : out->y1;
			}
		}
	}
	zbar_image_destroy(zi);
	zbar_image_scanner_destroy(zs);
	return found;
}

/* The symbol's side in modules as the kiosk encodes @p text (error correction M). */
static int symbol_modules(const char *text)
{
	QRcode *code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	int n = code != NULL ? code->width : 0;

	QRcode_free(code);
	return n;
}

/*
 * The decision screen's QR code: a PC reads it (ZBar), it holds the record's
 * MCKREC1 text with the reference the screen shows and the decision, no name
 * or title, at 4 px a module or more, black on white in a quiet zone of four
 * modules that nothing else is drawn on.
 */
static void test_decision_qr(void **state)
{
	static const char *const *const sets[] = {shown, met};
	static const char *const langs[] = {"en", "pl", "el"};

	(void)state;
	for (size_t k = 0; k < 2; k++) {
		char ref[16];
		char want[64];
		bool is_met = false;

		expected_reference(sets[k], ref, &is_met);
		assert_int_equal(is_met, k == 1);
		for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			for (size_t l = 0; l < sizeof(langs) / sizeof(langs[0]); l++) {
				char out[512];
				struct read_code code;
				uint8_t *grey;
				int w = 0;
				int h = 0;
				int modules;
				int module;
				int quiet;

				snprintf(out, sizeof(out),
					 "%s/check-screens-decision-%zu-%s-%s.png", MCK_BIN_DIR, k,
					 sizes[s], langs[l]);
				assert_int_equal(
					render(sets[k], "decision", sizes[s], langs[l], out), 0);
				grey = mck_test_png_decode(out, PNG_FORMAT_GRAY, &w, &h);
				assert_non_null(grey);
				if (!read_qr(grey, w, h, "MCKREC1", &code)) {
					fprintf(stderr, "%s: no MCKREC1 QR code read\n", out);
					fail();
				}
				snprintf(want, sizeof(want), "MCKREC1 REF:%s DECISION:%s ", ref,
					 is_met ? "MET" : "NOT-MET");
				assert_memory_equal(code.text, want, strlen(want));
				assert_null(strcasestr(code.text, "kowalska"));
				assert_null(strcasestr(code.text, "anna"));
				assert_null(strcasestr(code.text, "cloud"));
				assert_null(strcasestr(code.text, "security"));
				/* at least 4 px a module: the corners span all modules but one */
				modules = symbol_modules(code.text);
				assert_true(modules >= 21);
				module = (code.x1 - code.x0 + 1 + modules / 2) / modules;
				if (module < 4) {
					fprintf(stderr, "%s: %d px a module\n", out, module);
				}
				assert_true(module >= 4);
				/* the quiet zone: four modules of white all round */
				quiet = 4 * module;
				assert_true(code.x0 - quiet >= 0 && code.y0 - quiet >= 0);
				assert_true(code.x1 + quiet < w && code.y1 + quiet < h);
				for (int y = code.y0 - quiet; y <= code.y1 + quiet; y++) {
					for (int x = code.x0 - quiet; x <= code.x1 + quiet; x++) {
						bool ring = x < code.x0 - 1 ||
							    x > code.x1 + module ||
							    y < code.y0 - 1 || y > code.y1 + module;

						if (ring &&
						    grey[(size_t)y * (size_t)w + (size_t)x] !=
							    255) {
							fprintf(stderr,
								"%s: (%d,%d) in the quiet zone\n",
								out, x, y);
							fail();
						}
					}
				}
				free(grey);
			}
		}
	}
}

static size_t count_colour(const uint8_t *rgb, int w, int h, const uint8_t c[3])
{
	size_t n = 0;

	for (size_t i = 0; i < (size_t)w * (size_t)h; i++) {
		n += rgb[3 * i] == c[0] && rgb[3 * i + 1] == c[1] && rgb[3 * i + 2] == c[2];
	}
	return n;
}

/*
 * A credential naming another person than the first is flagged in the list as
 * soon as it is shown: its row on a tint of its own (with a mark and words).
 * Credentials of one person: no tint anywhere.
 */
static void test_other_person_flagged(void **state)
{
	(void)state;
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		char out[512];
		uint8_t *rgb;
		int w = 0;
		int h = 0;

		snprintf(out, sizeof(out), "%s/check-screens-two-%s.png", MCK_BIN_DIR, sizes[s]);
		assert_int_equal(render(two_people, "check", sizes[s], "en", out), 0);
		rgb = mck_test_png_decode(out, PNG_FORMAT_RGB, &w, &h);
		assert_non_null(rgb);
		/* a row's worth: wider than a third of the screen, several lines high */
		if (count_colour(rgb, w, h, other_tint) < (size_t)(w / 3) * 60) {
			fprintf(stderr, "%s: the other person's row is not flagged\n", out);
			fail();
		}
		free(rgb);

		snprintf(out, sizeof(out), "%s/check-screens-one-%s.png", MCK_BIN_DIR, sizes[s]);
		assert_int_equal(render(one_person, "check", sizes[s], "en", out), 0);
		rgb = mck_test_png_decode(out, PNG_FORMAT_RGB, &w, &h);
		assert_non_null(rgb);
		assert_int_equal(count_colour(rgb, w, h, other_tint), 0);
		free(rgb);
	}
}

/* The drawn lines of text in the list's panel (paper), left of its scroll bar. */
static int panel_lines(const uint8_t *rgb, int w, int h)
{
	static const uint8_t paper[3] = {244, 246, 248};
	int x0 = w;
	int x1 = -1;
	int y0 = h;
	int y1 = -1;
	int lines = 0;
	bool in_line = false;

	for (int y = 0; y < h; y++) {
		for (int x = 0; x < w; x++) {
			const uint8_t *p = rgb + 3 * ((size_t)y * (size_t)w + (size_t)x);

			if (p[0] == paper[0] && p[1] == paper[1] && p[2] == paper[2]) {
				x0 = x < x0 ? x : x0;
				x1 = x > x1 ? x : x1;
				y0 = y < y0 ? y : y0;
				y1 = y > y1 ? y : y1;
			}
		}
	}
	/* text starts right of the markers, ends left of the scroll bar */
	x0 += (x1 - x0) / 20;
	x1 -= (x1 - x0) / 10;
	for (int y = y0; y <= y1; y++) {
		bool ink = false;

		for (int x = x0; x <= x1 && !ink; x++) {
			const uint8_t *p = rgb + 3 * ((size_t)y * (size_t)w + (size_t)x);

			ink = p[0] < 160 && p[1] < 160 && p[2] < 160;
		}
		lines += ink && !in_line;
		in_line = ink;
	}
	return lines;
}

/*
 * Each listed credential draws its lines (title, name, what it added or why
 * not; test_check holds their words): the list's panel is not blank, and the
 * newest credential alone fills more lines than title and name would.
 */
static void test_list_lines(void **state)
{
	static const char *const one[] = {CASE_IMAGE("valid-es256-compact"), NULL};

	(void)state;
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		char out[512];
		uint8_t *rgb;
		int w = 0;
		int h = 0;
		int lines;

		snprintf(out, sizeof(out), "%s/check-screens-one-cred-%s.png", MCK_BIN_DIR,
			 sizes[s]);
		assert_int_equal(render(one, "check", sizes[s], "en", out), 0);
		rgb = mck_test_png_decode(out, PNG_FORMAT_RGB, &w, &h);
		assert_non_null(rgb);
		lines = panel_lines(rgb, w, h);
		/* caption, title, name, verdict and what it added, "counts" */
		if (lines < 5) {
			fprintf(stderr, "%s: %d lines in the list\n", out, lines);
		}
		assert_true(lines >= 5);
		free(rgb);
	}
}

struct screen {
	SDL_Surface *surface;
	SDL_Renderer *r;
	struct mck_ui *ui;
};

static void open_screen(struct screen *s, int w, int h)
{
	char msg[256];

	s->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_RGB888);
	assert_non_null(s->surface);
	s->r = SDL_CreateSoftwareRenderer(s->surface);
	assert_non_null(s->r);
	s->ui = mck_ui_create(MCK_FONT_DIR, w, h, msg, sizeof(msg));
	assert_non_null(s->ui);
}

static void close_screen(struct screen *s)
{
	mck_ui_destroy(s->ui);
	SDL_DestroyRenderer(s->r);
	SDL_FreeSurface(s->surface);
}

/* Pixels of @p c in the rows [y0, y1) of the drawn screen. */
static size_t drawn_colour(struct screen *s, const uint8_t c[3], int y0, int y1)
{
	const uint8_t *px = s->surface->pixels;
	size_t n = 0;

	for (int y = y0 < 0 ? 0 : y0; y < y1 && y < s->surface->h; y++) {
		const uint32_t *row =
			(const uint32_t *)(px + (size_t)y * (size_t)s->surface->pitch);

		for (int x = 0; x < s->surface->w; x++) {
			uint8_t r;
			uint8_t g;
			uint8_t b;

			SDL_GetRGB(row[x], s->surface->format, &r, &g, &b);
			n += r == c[0] && g == c[1] && b == c[2];
		}
	}
	return n;
}

/* Dark pixels (text) in @p box of the drawn screen. */
static size_t drawn_ink(struct screen *s, SDL_Rect box)
{
	const uint8_t *px = s->surface->pixels;
	size_t n = 0;

	for (int y = box.y < 0 ? 0 : box.y; y < box.y + box.h && y < s->surface->h; y++) {
		const uint32_t *row =
			(const uint32_t *)(px + (size_t)y * (size_t)s->surface->pitch);

		for (int x = box.x < 0 ? 0 : box.x; x < box.x + box.w && x < s->surface->w; x++) {
			uint8_t r;
			uint8_t g;
			uint8_t b;

			SDL_GetRGB(row[x], s->surface->format, &r, &g, &b);
			n += r < 160 && g < 160 && b < 160;
		}
	}
	return n;
}

/* A check in the view as the kiosk fills it: two credentials, totals, a decision. */
static void check_view(struct mck_view *v, enum mck_screen screen)
{
	memset(v, 0, sizeof(*v));
	v->status.have_trustlist = true;
	v->status.clock_ok = true;
	v->status.camera_ok = true;
	v->screen = screen;
	v->verdict = MCK_VERDICT_VALID;
	v->session.available = true;
	snprintf(v->session.policy, sizeof(v->session.policy), "Admission");
	v->session.requirements = 1;
	snprintf(v->session.req[0].label, sizeof(v->session.req[0].label), "5 ECTS in IT");
	v->session.req[0].kind = MCK_VIEW_NEED_ECTS;
	v->session.req[0].have = 4;
	v->session.req[0].need = 5;
	v->session.creds = 2;
	for (int i = 0; i < 2; i++) {
		struct mck_view_session_cred *c = &v->session.cred[i];

		snprintf(c->title, sizeof(c->title), "Cloud Security Fundamentals");
		snprintf(c->learner, sizeof(c->learner), "Anna Kowalska");
		snprintf(c->explain, sizeof(c->explain), "+2 ECTS, now %d ECTS in 5 ECTS in IT",
			 2 * (i + 1));
		c->verdict = MCK_VERDICT_VALID;
		c->counts = true;
	}
	v->session.latest = true;
	v->session.latest_listed = true;
	snprintf(v->session.reference, sizeof(v->session.reference), "KKG1-DNQD");
	snprintf(v->session.record_qr, sizeof(v->session.record_qr),
		 "MCKREC1 REF:KKG1-DNQD DECISION:NOT-MET AT:2026-11-18T08:53:20Z "
		 "POLICY:4E1B5C0D2A6F39A1B7C2D3E4F5061728394A5B6C7D8E9F00112233445566778 "
		 "LEARNER:SAME REQ:4/5-");
}

/*
 * "Still there? Touch the screen to continue (12 s).": when the kiosk is about
 * to wipe a check it asks on a banner of its own, on the check's screen and on
 * the decision's; not otherwise. The decision says "Clears in N s" above Done.
 */
static void test_still_there(void **state)
{
	static const int dims[][2] = {{800, 480}, {480, 800}, {1280, 720}};
	static const enum mck_screen screens[] = {MCK_SCREEN_SESSION, MCK_SCREEN_DECISION};

	(void)state;
	for (size_t d = 0; d < sizeof(dims) / sizeof(dims[0]); d++) {
		for (size_t k = 0; k < 2; k++) {
			struct screen s;
			struct mck_view v;
			SDL_Rect band;
			SDL_Rect done;
			SDL_Rect above;
			size_t yellow;
			size_t ink = 0;

			open_screen(&s, dims[d][0], dims[d][1]);
			check_view(&v, screens[k]);
			mck_ui_draw(s.ui, s.r, &v);
			assert_int_equal(drawn_colour(&s, still_yellow, 0, dims[d][1]), 0);
			assert_int_equal(mck_ui_overflows(s.ui), 0);
			if (screens[k] == MCK_SCREEN_DECISION) {
				/* the countdown's place, right above Done: what is there without it */
				done = mck_ui_hit_rect(s.ui, MCK_UI_HIT_DONE, 0);
				assert_true(done.w > 0);
				above = (SDL_Rect){done.x, done.y - done.h / 2 - 4, done.w,
						   done.h / 2};
				ink = drawn_ink(&s, above);
			}

			v.still_there = true;
			v.countdown_s = 12;
			mck_ui_draw(s.ui, s.r, &v);
			band = mck_ui_band_rect(s.ui);
			yellow = drawn_colour(&s, still_yellow, band.y + band.h, dims[d][1]);
			/* right under the band, at least a line's height across half the screen */
			if (yellow < (size_t)dims[d][0] / 2 * 30) {
				fprintf(stderr, "%dx%d screen %d: %zu yellow pixels\n", dims[d][0],
					dims[d][1], (int)screens[k], yellow);
				fail();
			}
			assert_true(drawn_colour(&s, still_yellow, band.y + band.h,
						 band.y + band.h + 4) > 0);
			if (mck_ui_overflows(s.ui) != 0) {
				fprintf(stderr, "%dx%d screen %d: overflow\n", dims[d][0],
					dims[d][1], (int)screens[k]);
			}
			assert_int_equal(mck_ui_overflows(s.ui), 0);
			if (screens[k] == MCK_SCREEN_DECISION) {
				/* the countdown right above Done (which stays where it was) */
				SDL_Rect now = mck_ui_hit_rect(s.ui, MCK_UI_HIT_DONE, 0);

				assert_memory_equal(&now, &done, sizeof(now));
				if (drawn_ink(&s, above) < ink + 20) {
					fprintf(stderr, "%dx%d: no countdown above Done\n",
						dims[d][0], dims[d][1]);
					fail();
				}
			}
			close_screen(&s);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decision_qr),
		cmocka_unit_test(test_other_person_flagged),
		cmocka_unit_test(test_list_lines),
		cmocka_unit_test(test_still_there),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
