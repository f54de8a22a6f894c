/* Turning a verification result into what the screen shows (sanitised text only). */
#ifndef MCK_KIOSK_PRESENT_H
#define MCK_KIOSK_PRESENT_H

#include "mck/trustlist.h"
#include "mck/verify.h"
#include "mck/view.h"

/** Fill @p v's result fields from @p res; every credential string is sanitised. */
void mck_present_result(struct mck_view *v, const struct mck_result *res);

/** Fill the status bar from the trust list (may be NULL) and device state. */
void mck_present_status(struct mck_view *v, const struct mck_trustlist *tl, bool clock_ok,
			bool camera_ok);

#endif
