/*
 * Views of every screen the kiosk draws, for the UI's tests (ui_views.c).
 */
#ifndef MCK_TEST_UI_VIEWS_H
#define MCK_TEST_UI_VIEWS_H

#include <stddef.h>
#include <stdint.h>

#include "mck/view.h"

/* The screens by name: "idle", "idle-preview", ..., "languages". */
extern const char *const mck_test_view_screens[];
extern const size_t mck_test_view_count;
/* The camera's picture the preview screens borrow (mid grey; tests may paint it). */
extern uint8_t mck_test_view_picture[MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H];

/** Paint mck_test_view_picture differently for each @p seed, everywhere: a gradient and noise. */
void mck_test_view_paint_picture(unsigned seed);
/** Idle in @p lang with a trust list, a set clock, a camera, operator facts. */
void mck_test_view_base(struct mck_view *v, enum mck_lang lang);
/** A valid credential's result with every element, some of them long. */
void mck_test_view_credential(struct mck_view *v);
/** A check (@p screen: SESSION or DECISION) with two requirements and four credentials. */
void mck_test_view_check(struct mck_view *v, enum mck_screen screen);
/** The screen called @p name (mck_test_view_screens) in @p lang. */
void mck_test_view_make(struct mck_view *v, const char *name, enum mck_lang lang);

#endif
