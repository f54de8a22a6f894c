/*
 * The kiosk's screens, one family a file, each drawn with the toolkit alone
 * (toolkit.h). Only the dispatcher (ui.c) calls them, through its table of
 * enum mck_screen; no screen calls another.
 */
#ifndef MCK_UI_SCREENS_H
#define MCK_UI_SCREENS_H

#include "toolkit.h"

/* result.c: the verdict band, further reasons, the credential's details, Done. */
void mck__ui_screen_result(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			   const struct mck_ui_frame *f);

/* idle.c: what to do, a pictogram, the camera's picture (in f->content); part N of M. */
void mck__ui_screen_idle(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			 const struct mck_ui_frame *f);
void mck__ui_screen_progress(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			     const struct mck_ui_frame *f);

/* start.c: idle with a policy: the start button, at the right of @p area. */
int mck__ui_start_height(const struct mck_ui *ui);
void mck__ui_start_button(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			  SDL_Rect area);

/* error.c: v->error (or, on idle, the fault) under an "unusable" band. */
void mck__ui_screen_error(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			  const struct mck_ui_frame *f);

/* operator.c: device facts and counters. */
void mck__ui_screen_operator(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			     const struct mck_ui_frame *f);

/* session.c: a check in progress. */
void mck__ui_screen_session(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			    const struct mck_ui_frame *f);

/* decision.c: the check's decision and its reference. */
void mck__ui_screen_decision(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			     const struct mck_ui_frame *f);

/* policies.c: the operator picks which check to start. */
void mck__ui_screen_policies(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			     const struct mck_ui_frame *f);

/* status.c: the status bar (its text decides its height) and the language picker. */
void mck__ui_status_text(const struct mck_view *v, char *text, size_t cap);
/** The bar's height for @p text: as many lines as its phrases take. */
int mck__ui_status_height(const struct mck_ui *ui, const struct mck_view *v, const char *text);
void mck__ui_status_bar(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v,
			const char *text, SDL_Rect bar);
void mck__ui_picker(struct mck_ui *ui, SDL_Renderer *r, const struct mck_view *v, SDL_Rect area);

#endif
