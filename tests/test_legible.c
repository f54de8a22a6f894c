/*
 * Legible from a metre, laid out without collisions (#14 items 7 and 10):
 * every screen, drawn on the panels the kiosk ships with (7-inch 800x480,
 * 7-inch 1024x600, the 800x480 panel turned to 480x800) in every language,
 * is read back from the UI's record of what it drew (mck_ui_text_boxes):
 *  - no text with capitals under 3 mm on the panel, details at least 4 mm,
 *    the learner's name at least 6 mm and the largest line of the details;
 *  - no two boxes overlap (the start button and the clock notice over the
 *    camera's picture did), the verdict's mark keeps clear of the reason;
 *  - every result and decision band has its mark (✔ ! ✗ ?) in every language;
 *  - nothing ellipsized; what is out of view has a scroll bar;
 *  - the status bar breaks between phrases, never inside one;
 *  - a date range labels both dates; operator facts and awarding bodies whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "mck/ui.h"
#include "ui_views.h"

#ifndef MCK_FONT_DIR
#define MCK_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif

#define SEP "  \xc2\xb7  "

struct panel {
	const char *name;
	int w, h;
	double w_mm, h_mm;
	bool large; /* large text (mck_ui_set_large_text) */
};

/* 7" 800x480 at 133 px/inch; the Pi 5's 7" 1024x600; the first turned a quarter. */
static const struct panel panels[] = {
	{"800x480 7in", 800, 480, 800 * 25.4 / 133, 480 * 25.4 / 133, false},
	{"1024x600 7in", 1024, 600, 153.4, 89.9, false},
	{"480x800 7in turned", 480, 800, 480 * 25.4 / 133, 800 * 25.4 / 133, false},
	/* large text (#18): the 7" panel both ways */
	{"800x480 7in large", 800, 480, 800 * 25.4 / 133, 480 * 25.4 / 133, true},
	{"480x800 7in turned large", 480, 800, 480 * 25.4 / 133, 800 * 25.4 / 133, true},
};

struct screen {
	SDL_Surface *surface;
	SDL_Renderer *r;
	struct mck_ui *ui;
	const struct panel *p;
	double ppmm; /* from the panel's size: not the UI's own figure */
};

static void open_panel(struct screen *s, const struct panel *p)
{
	char msg[256];

	s->p = p;
	s->surface = SDL_CreateRGBSurfaceWithFormat(0, p->w, p->h, 32, SDL_PIXELFORMAT_RGB888);
	assert_non_null(s->surface);
	s->r = SDL_CreateSoftwareRenderer(s->surface);
	assert_non_null(s->r);
	s->ui = mck_ui_create_physical(MCK_FONT_DIR, p->w, p->h, p->w_mm, p->h_mm, msg,
				       sizeof(msg));
	if (s->ui == NULL) {
		fprintf(stderr, "%s\n", msg);
	}
	assert_non_null(s->ui);
	assert_int_equal(mck_ui_set_large_text(s->ui, p->large, msg, sizeof(msg)), 0);
	mck_ui_trace_text(s->ui, true);
	s->ppmm = (p->w / p->w_mm + p->h / p->h_mm) / 2;
}

static void close_panel(struct screen *s)
{
	mck_ui_destroy(s->ui);
	SDL_DestroyRenderer(s->r);
	SDL_FreeSurface(s->surface);
}

static bool ancestor(const struct mck_ui_box *b, int a, int i)
{
	for (int p = b[i].parent; p >= 0; p = b[p].parent) {
		if (p == a) {
			return true;
		}
	}
	return false;
}

static bool intersect(SDL_Rect a, SDL_Rect b)
{
	return a.w > 0 && a.h > 0 && b.w > 0 && b.h > 0 && SDL_HasIntersection(&a, &b);
}

static bool is_mark(const char *t)
{
	return t != NULL && (strcmp(t, "\xe2\x9c\x94") == 0 || strcmp(t, "\xe2\x9c\x97") == 0 ||
			     strcmp(t, "!") == 0 || strcmp(t, "?") == 0);
}

struct where {
	const struct panel *p;
	const char *screen;
	const char *lang;
};

#define FAIL(w, ...)                                                                               \
	do {                                                                                       \
		fprintf(stderr, "%s, %s, %s: ", (w)->p->name, (w)->screen, (w)->lang);             \
		fprintf(stderr, __VA_ARGS__);                                                      \
		fputc('\n', stderr);                                                               \
		failures++;                                                                        \
	} while (0)

static unsigned failures;

/* The phrases the status bar may show: each must stay whole on a line. */
static bool status_line_ok(const struct mck_view *v, const char *line)
{
	char phrases[16][200];
	size_t n = 0;
	const char *p = line;

	snprintf(phrases[n++], sizeof(phrases[0]),
		 mck_i18n_text(v->lang, MCK_TEXT_STATUS_TRUSTLIST), v->status.sequence,
		 v->status.updated);
	snprintf(phrases[n++], sizeof(phrases[0]), mck_i18n_text(v->lang, MCK_TEXT_STATUS_ISSUERS),
		 v->status.issuers);
	snprintf(phrases[n++], sizeof(phrases[0]), "%s",
		 mck_i18n_text(v->lang, MCK_TEXT_STATUS_CLOCK_UNSET));
	snprintf(phrases[n++], sizeof(phrases[0]), "%s",
		 mck_i18n_text(v->lang, MCK_TEXT_STATUS_CAMERA_MISSING));
	snprintf(phrases[n++], sizeof(phrases[0]), "%s",
		 mck_i18n_text(v->lang, MCK_TEXT_ERROR_TRUSTLIST_MISSING));
	snprintf(phrases[n++], sizeof(phrases[0]), mck_i18n_text(v->lang, MCK_TEXT_STATUS_DUE_SOON),
		 v->status.due_in_days);
	snprintf(phrases[n++], sizeof(phrases[0]), "%s",
		 mck_i18n_text(v->lang, MCK_TEXT_STATUS_OVERDUE));
	/* a phrase wider than a line may break between its clauses: "Trust list #5," "updated..." */
	for (size_t i = 0, m = n; i < m && n + 2 <= 16; i++) {
		char whole[200];
		char *comma;

		memcpy(whole, phrases[i], sizeof(whole));
		comma = strstr(whole, ", ");
		if (comma != NULL) {
			snprintf(phrases[n++], sizeof(phrases[0]), "%.*s", (int)(comma - whole + 1),
				 whole);
			snprintf(phrases[n++], sizeof(phrases[0]), "%s", comma + 2);
		}
	}
	while (*p != '\0') {
		bool found = false;

		for (size_t i = 0; i < n && !found; i++) {
			size_t len = strlen(phrases[i]);

			if (strncmp(p, phrases[i], len) == 0 &&
			    (p[len] == '\0' || strncmp(p + len, SEP, strlen(SEP)) == 0)) {
				p += len;
				p += *p != '\0' ? strlen(SEP) : 0;
				found = true;
			}
		}
		if (!found) {
			return false;
		}
	}
	return true;
}

/*
 * A phrase wider than the bar itself must break somewhere: @p i joined with
 * the status line before or after it is whole, and the two are wider than
 * the bar.
 */
static bool too_wide(const struct mck_view *v, const struct mck_ui_box *b, size_t n, size_t i,
		     SDL_Rect status)
{
	char joined[512];

	for (int d = -1; d <= 1; d += 2) {
		size_t j = (size_t)((int)i + d);
		size_t a = d < 0 ? j : i;
		size_t c = d < 0 ? i : j;

		if ((int)i + d < 0 || j >= n || b[j].text == NULL ||
		    !intersect(b[j].rect, status) || b[j].role != MCK_UI_ROLE_LABEL) {
			continue;
		}
		snprintf(joined, sizeof(joined), "%s %s", b[a].text, b[c].text);
		if (status_line_ok(v, joined) && b[a].rect.w + b[c].rect.w > status.w * 9 / 10) {
			return true;
		}
	}
	return false;
}

static void check_draw(struct screen *s, const struct mck_view *v, const struct where *w)
{
	const struct mck_ui_box *b;
	unsigned before = mck_ui_overflows(s->ui);
	size_t n;
	int details = -1;
	int name_cap = 0;
	int band = -1;
	bool mark = false;
	bool indicator = false;
	SDL_Rect status = {0, 0, 0, 0};

	mck_ui_draw(s->ui, s->r, v);
	n = mck_ui_text_boxes(s->ui, &b);
	assert_true(n > 0);
	assert_true(n < 640); /* the record did not run out */
	status = mck_ui_hit_rect(s->ui, MCK_UI_HIT_STATUS, 0);
	if (mck_ui_overflows(s->ui) != before) {
		FAIL(w, "%u text boxes cut short", mck_ui_overflows(s->ui) - before);
	}
	for (size_t i = 0; i < n; i++) {
		double mm = b[i].cap_height_px / s->ppmm;
		SDL_Rect screen = {0, 0, s->p->w, s->p->h};
		SDL_Rect in;

		if (b[i].kind == MCK_UI_BOX_INDICATOR) {
			indicator = true;
		}
		if (b[i].kind == MCK_UI_BOX_BAND && band < 0) {
			band = (int)i;
		}
		if (b[i].kind == MCK_UI_BOX_PANEL && details < 0 && v->has_credential &&
		    v->screen == MCK_SCREEN_RESULT && b[i].layer == 0) {
			details = (int)i;
		}
		if (b[i].rect.w > 0 && b[i].rect.h > 0 &&
		    (!SDL_IntersectRect(&b[i].rect, &screen, &in) || in.w != b[i].rect.w ||
		     in.h != b[i].rect.h)) {
			FAIL(w, "box %zu (%s) leaves the screen", i,
			     b[i].text != NULL ? b[i].text : "-");
		}
		if (b[i].kind != MCK_UI_BOX_TEXT) {
			continue;
		}
		if (b[i].ellipsized) {
			FAIL(w, "\"%s\" ellipsized", b[i].text);
		}
		if (mm < MCK_UI_MIN_MM - 1e-9) {
			FAIL(w, "\"%s\" capitals %.2f mm", b[i].text, mm);
		}
		/* large text: 0.7 degrees at the stated viewing distance (EN 301 549 5.1.4) */
		if (s->p->large && mm < MCK_UI_LARGE_MIN_MM - 1e-9) {
			FAIL(w, "large text \"%s\" capitals %.2f mm", b[i].text, mm);
		}
		if (b[i].role == MCK_UI_ROLE_BODY && mm < MCK_UI_DETAIL_MM - 1e-9) {
			FAIL(w, "detail \"%s\" capitals %.2f mm", b[i].text, mm);
		}
		if (b[i].role == MCK_UI_ROLE_NAME) {
			name_cap = b[i].cap_height_px;
			if (mm < MCK_UI_NAME_MM - 1e-9) {
				FAIL(w, "name capitals %.2f mm", mm);
			}
		}
		if (band >= 0 && b[i].parent == band && is_mark(b[i].text)) {
			/* the mark keeps half a millimetre clear of everything else in the band */
			SDL_Rect m = b[i].rect;
			int gap = (int)(0.5 * s->ppmm + 0.5);

			mark = true;
			m.x -= gap;
			m.y -= gap;
			m.w += 2 * gap;
			m.h += 2 * gap;
			for (size_t j = 0; j < n; j++) {
				if (j != i && b[j].parent == band && b[j].kind == MCK_UI_BOX_TEXT &&
				    intersect(m, b[j].rect)) {
					FAIL(w, "the mark touches \"%s\"", b[j].text);
				}
			}
		}
		if (intersect(b[i].rect, status) && b[i].role == MCK_UI_ROLE_LABEL &&
		    b[i].parent < 0 && !status_line_ok(v, b[i].text) &&
		    !too_wide(v, b, n, i, status)) {
			FAIL(w, "status line \"%s\" breaks a phrase", b[i].text);
		}
	}
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n; j++) {
			if (b[i].layer != b[j].layer || ancestor(b, (int)i, (int)j) ||
			    ancestor(b, (int)j, (int)i) || b[i].kind == MCK_UI_BOX_BAND ||
			    b[j].kind == MCK_UI_BOX_BAND) {
				continue;
			}
			if (intersect(b[i].rect, b[j].rect)) {
				FAIL(w,
				     "box %zu (%d \"%s\" %d,%d %dx%d) overlaps box %zu (%d \"%s\" "
				     "%d,%d %dx%d)",
				     i, b[i].kind, b[i].text != NULL ? b[i].text : "", b[i].rect.x,
				     b[i].rect.y, b[i].rect.w, b[i].rect.h, j, b[j].kind,
				     b[j].text != NULL ? b[j].text : "", b[j].rect.x, b[j].rect.y,
				     b[j].rect.w, b[j].rect.h);
			}
		}
	}
	if ((v->screen == MCK_SCREEN_RESULT || v->screen == MCK_SCREEN_DECISION) && !mark) {
		FAIL(w, "no mark in the band");
	}
	if (mck_ui_scrolled_out(s->ui) > 0 && !indicator) {
		FAIL(w, "%u lines out of view without an indicator", mck_ui_scrolled_out(s->ui));
	}
	/* large text: the name may take a scroll when the missing elements' note comes first */
	if (details >= 0 && v->scroll == 0 && (name_cap > 0 || !w->p->large)) {
		if (name_cap == 0) {
			FAIL(w, "no learner's name in the details");
		}
		for (size_t i = 0; i < n; i++) {
			if (b[i].kind == MCK_UI_BOX_TEXT && ancestor(b, details, (int)i) &&
			    b[i].cap_height_px > name_cap) {
				FAIL(w, "\"%s\" is larger than the name", b[i].text);
			}
		}
	}
}

static const char *const codes[] = {"en", "pl", "de", "fr", "el", "it", "es"};

/* --sample (sanitizer builds): each screen in one language, every language drawn. */
static bool sample;

static void test_every_screen(void **state)
{
	static struct mck_view v;

	(void)state;
	failures = 0;
	for (size_t p = 0; p < sizeof(panels) / sizeof(panels[0]); p++) {
		struct screen s;

		open_panel(&s, &panels[p]);
		for (size_t sc = 0; sc < mck_test_view_count; sc++) {
			for (int l = 0; l < MCK_LANG_COUNT; l++) {
				struct where w = {&panels[p], mck_test_view_screens[sc], codes[l]};

				if (sample && (size_t)l != sc % MCK_LANG_COUNT) {
					continue;
				}
				mck_test_view_make(&v, mck_test_view_screens[sc], (enum mck_lang)l);
				check_draw(&s, &v, &w);
				/* and scrolled: every page of a long record */
				for (unsigned k = 1; k < 40 && mck_ui_scrolled_out(s.ui) > 0; k++) {
					v.scroll = k;
					check_draw(&s, &v, &w);
				}
			}
		}
		close_panel(&s);
	}
	assert_int_equal(failures, 0);
}

/*
 * Everything of a record can be read, whole, by scrolling: each label and value appears.
 * A view's pages (scroll 0..59), each one's texts joined, are drawn once and kept for
 * all the values looked for (a dozen on the valid screen): a page is drawn when a
 * value was not found on the pages before it, as when each search drew its own.
 */
#define PAGES 60

static struct pages {
	unsigned drawn;
	char joined[PAGES][8192];
} pages;

/* The next view drawn is another: its pages are drawn anew. */
static void pages_forget(void)
{
	pages.drawn = 0;
}

static bool drawn_somewhere(struct screen *s, struct mck_view *v, const char *want)
{
	for (unsigned k = 0; k < PAGES; k++) {
		char *joined = pages.joined[k];

		if (k == pages.drawn) {
			const struct mck_ui_box *b;
			size_t n;

			v->scroll = k;
			mck_ui_draw(s->ui, s->r, v);
			n = mck_ui_text_boxes(s->ui, &b);
			joined[0] = '\0';
			for (size_t i = 0; i < n; i++) {
				if (b[i].kind == MCK_UI_BOX_TEXT && b[i].text != NULL) {
					/* lines of one value join with a space */
					strncat(joined, b[i].text,
						sizeof(pages.joined[k]) - strlen(joined) - 2);
					strncat(joined, " ",
						sizeof(pages.joined[k]) - strlen(joined) - 1);
				}
			}
			pages.drawn++;
		}
		if (strstr(joined, want) != NULL) {
			return true;
		}
	}
	fprintf(stderr, "%s, lang %d: \"%s\" never drawn whole\n", s->p->name, v->lang, want);
	return false;
}

static void test_everything_reachable(void **state)
{
	static struct mck_view v;

	(void)state;
	for (size_t p = 0; p < sizeof(panels) / sizeof(panels[0]); p++) {
		struct screen s;

		if (panels[p].large) {
			continue; /* a value taller than a page is read line by line, scrolling */
		}
		open_panel(&s, &panels[p]);
		for (int l = 0; l < MCK_LANG_COUNT; l++) {
			char body[300];

			mck_test_view_make(&v, "valid", (enum mck_lang)l);
			pages_forget();
			/* a range: both dates labelled */
			assert_true(drawn_somewhere(
				&s, &v,
				mck_i18n_text((enum mck_lang)l, MCK_TEXT_LABEL_ISSUED_RANGE)));
			assert_true(drawn_somewhere(
				&s, &v, mck_i18n_text((enum mck_lang)l, MCK_TEXT_LABEL_EXPIRES)));
			assert_true(drawn_somewhere(&s, &v, "2029-08-14"));
			/* the awarding body whole, with its country */
			snprintf(body, sizeof(body), "%s (%s)", v.body, v.country);
			assert_true(drawn_somewhere(&s, &v, body));
			assert_true(drawn_somewhere(&s, &v, "Pass with distinction"));
			/* spec values in the kiosk's language, not as the spec spells them */
			assert_true(drawn_somewhere(
				&s, &v, mck_i18n_participation((enum mck_lang)l, "blended")));
			assert_true(drawn_somewhere(
				&s, &v,
				mck_i18n_supervision((enum mck_lang)l, "supervised-onsite")));
			assert_true(drawn_somewhere(&s, &v, "Passport checked by the exam centre"));
			/* the credential's own wording of its awarding body, labelled as that */
			assert_true(drawn_somewhere(
				&s, &v,
				mck_i18n_text((enum mck_lang)l, MCK_TEXT_LABEL_CLAIMED_BODY)));
			assert_true(drawn_somewhere(&s, &v, "Politechnika Warszawska (DE)"));
			assert_true(drawn_somewhere(
				&s, &v, mck_i18n_text((enum mck_lang)l, MCK_TEXT_COMPARE_ID)));
			/* which part to show next, not "Part 1 of 3 read" after part 2 */
			mck_test_view_make(&v, "progress", (enum mck_lang)l);
			pages_forget();
			snprintf(body, sizeof(body),
				 mck_i18n_text((enum mck_lang)l, MCK_TEXT_CHUNK_NEXT), 1u, 3u, 1u);
			assert_true(drawn_somewhere(&s, &v, body));
			/* the operator's facts, each whole */
			mck_test_view_make(&v, "operator", (enum mck_lang)l);
			pages_forget();
			assert_true(drawn_somewhere(&s, &v, "mckiosk 0.1.0"));
			assert_true(drawn_somewhere(&s, &v, "v4l2:/dev/video0"));
			assert_true(drawn_somewhere(&s, &v, "2026-11-18 11:06 UTC"));
		}
		close_panel(&s);
	}
}

/* The physical size decides: the same pixels on a larger panel get smaller type. */
static void test_sizes_follow_millimetres(void **state)
{
	static const struct panel small = {"5in", 800, 480, 108.0, 65.0, false};
	static const struct panel large = {"10in", 800, 480, 217.0, 136.0, false};
	struct screen a;
	struct screen b;
	static struct mck_view v;
	const struct mck_ui_box *boxes;
	size_t n;
	int cap_small = 0;
	int cap_large = 0;

	(void)state;
	open_panel(&a, &small);
	open_panel(&b, &large);
	mck_test_view_make(&v, "valid", MCK_LANG_EN);
	mck_ui_draw(a.ui, a.r, &v);
	n = mck_ui_text_boxes(a.ui, &boxes);
	for (size_t i = 0; i < n; i++) {
		cap_small = boxes[i].role == MCK_UI_ROLE_BODY ? boxes[i].cap_height_px : cap_small;
	}
	mck_ui_draw(b.ui, b.r, &v);
	n = mck_ui_text_boxes(b.ui, &boxes);
	for (size_t i = 0; i < n; i++) {
		cap_large = boxes[i].role == MCK_UI_ROLE_BODY ? boxes[i].cap_height_px : cap_large;
	}
	assert_true(cap_small / a.ppmm >= MCK_UI_DETAIL_MM);
	assert_true(cap_large / b.ppmm >= MCK_UI_DETAIL_MM);
	assert_true(cap_small > cap_large);
	close_panel(&a);
	close_panel(&b);
}

/* A name wider than the line breaks between its words or after a hyphen, never inside a word. */
static void test_name_breaks_whole(void **state)
{
	static const char name[] =
		"\xce\x93\xce\xb5\xcf\x8e\xcf\x81\xce\xb3\xce\xb9\xce\xbf\xcf\x82 "
		"\xce\xa0\xce\xb1\xcf\x80\xce\xb1\xce\xb4\xcf\x8c\xcf\x80\xce\xbf\xcf\x85"
		"\xce\xbb\xce\xbf\xcf\x82-\xc5\xbb\xc3\xb3\xc5\x82\xc4\x87";
	static struct mck_view v;
	struct screen s;
	const struct mck_ui_box *b;
	size_t n;
	char joined[256] = "";
	int lines = 0;

	(void)state;
	open_panel(&s, &panels[2]);
	mck_test_view_make(&v, "valid", MCK_LANG_EL);
	snprintf(v.learner, sizeof(v.learner), "%s", name);
	mck_ui_draw(s.ui, s.r, &v);
	n = mck_ui_text_boxes(s.ui, &b);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(joined);

		if (b[i].kind != MCK_UI_BOX_TEXT || b[i].role != MCK_UI_ROLE_NAME) {
			continue;
		}
		/* lines join with a space, or with nothing after a hyphen */
		snprintf(joined + len, sizeof(joined) - len, "%s%s",
			 len > 0 && joined[len - 1] != '-' ? " " : "", b[i].text);
		lines++;
	}
	assert_true(lines > 1);
	assert_string_equal(joined, name);
	close_panel(&s);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_screen),
		cmocka_unit_test(test_everything_reachable),
		cmocka_unit_test(test_sizes_follow_millimetres),
		cmocka_unit_test(test_name_breaks_whole),
	};

	sample = argc > 1 && strcmp(argv[1], "--sample") == 0;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
