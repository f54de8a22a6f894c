/* Verdicts and the reason codes of the verifier contract, in check order. */
#ifndef MCK_REASON_H
#define MCK_REASON_H

#include <stdint.h>

enum mck_verdict {
	MCK_VERDICT_VALID = 0,
	MCK_VERDICT_WARNING,
	MCK_VERDICT_INVALID,
	MCK_VERDICT_UNREADABLE,
	MCK_VERDICT_UNUSABLE, /* no usable trust configuration: exit 4, never "valid" */
};

/*
 * X(NAME, "code", verdict it gives, English sentence for people). The order is the order of checks in
 * credential-format.md §4, so a bit set listed in enum order reads in check
 * order. Names are part of the contract; append new ones in their check slot
 * only before anything persists the numbers (nothing does: answers carry names).
 */
#define MCK_REASON_MAP(X)                                                                          \
	X(TRUSTLIST_MISSING, "trustlist_missing", UNUSABLE, "No trust list is installed.")         \
	X(TRUSTLIST_INVALID, "trustlist_invalid", UNUSABLE,                                        \
	  "The trust list is not valid or not signed by a trust anchor.")                          \
	X(ANCHOR_MISSING, "anchor_missing", UNUSABLE, "No trust anchor is installed.")             \
	X(NO_CODE, "no_code", UNREADABLE, "No QR code was found.")                                 \
	X(NOT_A_CREDENTIAL, "not_a_credential", UNREADABLE,                                        \
	  "This QR code is not a micro-credential.")                                               \
	X(CHUNKS_INCOMPLETE, "chunks_incomplete", UNREADABLE,                                      \
	  "Some parts of this multi-part credential are missing.")                                 \
	X(SEVERAL_CREDENTIALS, "several_credentials", UNREADABLE,                                  \
	  "More than one credential was shown: show them one at a time.")                          \
	X(MALFORMED, "malformed", INVALID, "The credential is damaged or badly encoded.")          \
	X(ALG_NOT_ALLOWED, "alg_not_allowed", INVALID,                                             \
	  "The credential uses a signature method that is not allowed.")                           \
	X(KEY_UNKNOWN, "key_unknown", INVALID,                                                     \
	  "The credential was signed with a key that is not on the trust list.")                   \
	X(SIGNATURE_INVALID, "signature_invalid", INVALID,                                         \
	  "The signature does not match: the credential was altered or forged.")                   \
	X(PAYLOAD_TOO_LARGE, "payload_too_large", INVALID,                                         \
	  "The credential is larger than allowed.")                                                \
	X(ISSUER_UNKNOWN, "issuer_unknown", INVALID,                                               \
	  "The awarding body is not on the trust list.")                                           \
	X(KEY_ISSUER_MISMATCH, "key_issuer_mismatch", INVALID,                                     \
	  "The credential was signed with another awarding body's key.")                           \
	X(KEY_NOT_VALID_AT_ISSUANCE, "key_not_valid_at_issuance", INVALID,                         \
	  "The signing key was not valid on the date of issue.")                                   \
	X(ISSUER_SUSPENDED, "issuer_suspended", INVALID,                                           \
	  "Issued after the awarding body was suspended.")                                         \
	X(ISSUER_WITHDRAWN, "issuer_withdrawn", INVALID,                                           \
	  "Issued after the awarding body was withdrawn.")                                         \
	X(ISSUER_STATUS_CHANGED, "issuer_status_changed", WARNING,                                 \
	  "Issued in good standing, but the awarding body has since been suspended or withdrawn.") \
	X(TRUSTLIST_EXPIRED, "trustlist_expired", INVALID,                                         \
	  "The trust list is out of date: this kiosk cannot vouch for any credential.")            \
	X(TRUSTLIST_STALE, "trustlist_stale", WARNING, "The trust list is due for an update.")     \
	X(CLOCK_UNSET, "clock_unset", WARNING,                                                     \
	  "The clock of this device is not set; the trust list date was used.")                    \
	X(NOT_YET_VALID, "not_yet_valid", INVALID, "The credential is not valid yet.")             \
	X(EXPIRED, "expired", INVALID, "The credential has expired.")                              \
	X(REVOKED, "revoked", INVALID, "The awarding body has revoked this credential.")           \
	X(STATUS_UNKNOWN, "status_unknown", WARNING,                                               \
	  "Revocation could not be checked: no status list for it is cached.")                     \
	X(REVOCATION_LIST_STALE, "revocation_list_stale", WARNING,                                 \
	  "The cached revocation list is out of date.")                                            \
	X(INCOMPLETE, "incomplete", WARNING,                                                       \
	  "Some mandatory elements of a micro-credential are missing.")

enum mck_reason {
#define MCK__REASON_ENUM(name, code, verdict, text) MCK_REASON_##name,
	MCK_REASON_MAP(MCK__REASON_ENUM)
#undef MCK__REASON_ENUM
		MCK_REASON_COUNT
};

typedef uint32_t mck_reasons; /* bit (1u << reason) per reason */

#define MCK_REASON_BIT(r) ((mck_reasons)1u << (unsigned)(r))

/** The contract's code ("key_unknown"), or NULL for an out-of-range value. */
const char *mck_reason_code(enum mck_reason reason);
/** One English sentence for people (kiosk screens translate by code). */
const char *mck_reason_text(enum mck_reason reason);
/** The verdict one reason gives on its own. */
enum mck_verdict mck_reason_verdict(enum mck_reason reason);
/** The verdict of a set of reasons: the most severe; valid when empty. */
enum mck_verdict mck_verdict_of(mck_reasons reasons);
/** "valid", "warning", "invalid", "unreadable", or NULL for unusable. */
const char *mck_verdict_name(enum mck_verdict verdict);
/** Exit status of the verifier contract: 0 valid … 3 unreadable, 4 unusable. */
int mck_verdict_exit_code(enum mck_verdict verdict);

#endif
