/* QR codes for mcissue: MC1-aware segments (libqrencode) and PNG output (libpng). */
#ifndef MCK_CLI_ISSUE_QR_H
#define MCK_CLI_ISSUE_QR_H

#include <qrencode.h>
#include <stdbool.h>
#include <stddef.h>

#define MCK_ISSUE_QR_QUIET     4 /* modules of white border, as ISO/IEC 18004 asks */
#define MCK_ISSUE_QR_SCALE     4 /* default pixels per module */
#define MCK_ISSUE_QR_SCALE_MAX 32

/**
 * Encode @p text as one QR code at @p level, the smallest version that holds it.
 * An MC1 text ("MC1:/..." ending in digits) goes in an alphanumeric segment for
 * its prefix and a numeric one for its digits; anything else in 8-bit mode.
 * Returns a new code (caller frees with QRcode_free), or NULL with errno ERANGE
 * when no QR code holds it, ENOMEM, or EINVAL.
 */
QRcode *mck_issue_qr_encode(const char *text, size_t len, QRecLevel level);

/** Whether @p text fits one QR code at @p level. */
bool mck_issue_qr_fits(const char *text, size_t len, QRecLevel level);

/**
 * Write @p count codes side by side as one 8-bit grey PNG, @p scale pixels per
 * module, each with a quiet zone of MCK_ISSUE_QR_QUIET modules. Returns 0, or -1
 * with a one-line reason in @p msg.
 */
int mck_issue_qr_write_png(const QRcode *const *codes, size_t count, unsigned scale,
			   const char *path, char *msg, size_t cap);

#endif
