/*
 * The keypad's focus: which of the drawn screen's touch targets Enter acts
 * on, how the arrows move it (in reading order), and what it is called when
 * speech says it. Keys act on the screen drawn last, as a touch does.
 */
#ifndef MCK_KIOSK_FOCUS_H
#define MCK_KIOSK_FOCUS_H

#include <stddef.h>

#include "kiosk.h"

struct mck_focus_target {
	enum mck_ui_hit hit;
	int index; /* the language for PICK, the policy for POLICY, else 0 */
};

/* Targets a screen can offer at most: each language, each policy, and the buttons. */
#define MCK_FOCUS_MAX (MCK_LANG_COUNT + MCK_VIEW_POLICIES + MCK_UI_HIT_COUNT)

/**
 * The targets the screen drawn last offers the keypad, in reading order (top
 * to bottom, then left to right). The status bar's operator screen is left
 * out: staff reach it by its own key.
 */
size_t mck_focus_targets(const struct mck_ui *ui, struct mck_focus_target *out, size_t cap);

/** Where the focus goes when a screen comes: its main action (Done, Finish, ...). */
struct mck_focus_target mck_focus_default(const struct mck_ui *ui, const struct mck_view *v);

/** Focus @p hit (@p index) on the screen now, drawn or about to be. */
void mck_focus_set(struct mck_kiosk *k, enum mck_ui_hit hit, int index);

/**
 * After a draw: on a new screen, or where the screen no longer offers it, the
 * focus goes to the screen's main action. Returns whether it moved.
 */
bool mck_focus_sync(struct mck_kiosk *k);

/** Move the focus @p step targets on (negative: back), round; shown, and said when speech is on. */
void mck_focus_move(struct mck_kiosk *k, int step);

/**
 * The words of a target as its button shows them (the language's own name
 * for a language in the picker) into @p out; returns the language to say
 * them in.
 */
enum mck_lang mck_focus_label(const struct mck_view *v, struct mck_focus_target t, char *out,
			      size_t cap);

#endif
