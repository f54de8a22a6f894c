/* Turning a verification result into what the screen shows (sanitised text only). */
#ifndef MCK_KIOSK_PRESENT_H
#define MCK_KIOSK_PRESENT_H

#include "mck/trustlist.h"
#include "mck/verify.h"
#include "mck/view.h"

/**
 * Fill @p v's result fields from @p res; every credential string is sanitised.
 * When the kiosk itself could not check (mck_present_cannot_check) the view
 * says so and holds nothing of the credential.
 */
void mck_present_result(struct mck_view *v, const struct mck_result *res);

/**
 * Whether a result is the kiosk's own failure rather than the credential's: no
 * usable trust configuration, or a trust list past its grace period (the
 * reason, or @p list_expired from the status facts) for anything that was a
 * credential. Unreadable codes stay what they are.
 */
bool mck_present_cannot_check(enum mck_verdict verdict, mck_reasons reasons, bool list_expired);

/**
 * Fill the status facts from the verifier's configuration (NULL without a
 * trust list), the clock reading @p now and the scan source's state. Whether
 * the clock is set and the list out of date follow mck_verifier_time, the
 * same rule every verdict follows.
 */
void mck_present_status(struct mck_view *v, const struct mck_verifier_cfg *cfg, int64_t now,
			bool camera_ok);

/**
 * The live picture: a @p w x @p h grey frame shrunk by a whole factor (nearest
 * pixel) into @p out (MCK_VIEW_PREVIEW_W x _H bytes); its size in @p ow, @p oh.
 */
void mck_present_preview(const uint8_t *grey, uint32_t w, uint32_t h, uint8_t *out, int *ow,
			 int *oh);

/** The operator screen's clock and uptime. */
void mck_present_time(struct mck_view *v, int64_t now, long long uptime_s);

#endif
