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
 * X(NAME, "code", verdict it gives, English sentence for people). Each sentence says what
 * happened and what to do: accept, do not accept, or ask staff; a fault of the kiosk never
 * blames the credential. The order is the order of checks in credential-format.md §4, so a
 * bit set listed in enum order reads in check order. Names are part of the contract; append
 * new ones in their check slot only before anything persists the numbers (nothing does:
 * answers carry names).
 */
#define MCK_REASON_MAP(X)                                                                          \
	X(TRUSTLIST_MISSING, "trustlist_missing", UNUSABLE,                                        \
	  "This kiosk has no trust list installed, so it cannot check credentials. "               \
	  "Please ask staff.")                                                                     \
	X(TRUSTLIST_INVALID, "trustlist_invalid", UNUSABLE,                                        \
	  "This kiosk's trust list is not valid, so it cannot check credentials. "                 \
	  "Please ask staff.")                                                                     \
	X(ANCHOR_MISSING, "anchor_missing", UNUSABLE,                                              \
	  "This kiosk is not fully set up (no trust anchor), so it cannot check credentials. "     \
	  "Please ask staff.")                                                                     \
	X(NO_CODE, "no_code", UNREADABLE,                                                          \
	  "No QR code was found. Please show the code again and hold it still.")                   \
	X(NOT_A_CREDENTIAL, "not_a_credential", UNREADABLE,                                        \
	  "This QR code is not a micro-credential. Please show the credential's own QR code.")     \
	X(CHUNKS_INCOMPLETE, "chunks_incomplete", UNREADABLE,                                      \
	  "Some parts of this multi-part credential are missing. Please show all of its codes.")   \
	X(SEVERAL_CREDENTIALS, "several_credentials", UNREADABLE,                                  \
	  "More than one credential was shown. Please show them one at a time.")                   \
	X(MALFORMED, "malformed", INVALID,                                                         \
	  "The code is not in the agreed micro-credential format. "                                \
	  "Do not accept it; ask the issuer for a new one.")                                       \
	X(ALG_NOT_ALLOWED, "alg_not_allowed", INVALID,                                             \
	  "The credential is signed with a method that is not allowed. Do not accept it.")         \
	X(KEY_UNKNOWN, "key_unknown", INVALID,                                                     \
	  "The credential was signed with a key that is not on the trust list. Do not accept it.") \
	X(SIGNATURE_INVALID, "signature_invalid", INVALID,                                         \
	  "The signature does not match: the credential was altered or forged. Do not accept it.") \
	X(PAYLOAD_TOO_LARGE, "payload_too_large", INVALID,                                         \
	  "The credential is larger than allowed. Do not accept it.")                              \
	X(ISSUER_UNKNOWN, "issuer_unknown", INVALID,                                               \
	  "The awarding body is not on the trust list. Do not accept the credential.")             \
	X(KEY_ISSUER_MISMATCH, "key_issuer_mismatch", INVALID,                                     \
	  "The credential was signed with another awarding body's key. Do not accept it.")         \
	X(KEY_NOT_VALID_AT_ISSUANCE, "key_not_valid_at_issuance", INVALID,                         \
	  "The signing key was not valid on the date of issue. Do not accept the credential.")     \
	X(ISSUER_SUSPENDED, "issuer_suspended", INVALID,                                           \
	  "Issued after the awarding body was suspended. Do not accept it.")                       \
	X(ISSUER_WITHDRAWN, "issuer_withdrawn", INVALID,                                           \
	  "Issued after the awarding body was withdrawn. Do not accept it.")                       \
	X(ISSUER_STATUS_CHANGED, "issuer_status_changed", WARNING,                                 \
	  "Genuine, issued before the awarding body was suspended or withdrawn. "                  \
	  "You may accept it.")                                                                    \
	X(TRUSTLIST_EXPIRED, "trustlist_expired", INVALID,                                         \
	  "This kiosk's trust list is out of date, so it cannot check any credential. "            \
	  "Please ask staff.")                                                                     \
	X(TRUSTLIST_STALE, "trustlist_stale", WARNING,                                             \
	  "This kiosk's trust list is due for an update. "                                         \
	  "Ask staff before accepting the credential.")                                            \
	X(CLOCK_UNSET, "clock_unset", WARNING,                                                     \
	  "This kiosk's clock is not set. Ask staff before accepting the credential.")             \
	X(NOT_YET_VALID, "not_yet_valid", INVALID,                                                 \
	  "The credential is not valid yet. Do not accept it yet.")                                \
	X(EXPIRED, "expired", INVALID, "The credential has expired. Do not accept it.")            \
	X(REVOKED, "revoked", INVALID,                                                             \
	  "The awarding body has revoked this credential. Do not accept it.")                      \
	X(STATUS_UNKNOWN, "status_unknown", WARNING,                                               \
	  "This kiosk could not check whether the credential was revoked. "                        \
	  "Ask staff before accepting it.")                                                        \
	X(REVOCATION_LIST_STALE, "revocation_list_stale", WARNING,                                 \
	  "This kiosk's list of revoked credentials is out of date. "                              \
	  "Ask staff before accepting it.")                                                        \
	X(INCOMPLETE, "incomplete", WARNING,                                                       \
	  "Genuine, but some required details are missing. "                                       \
	  "Accept it only if they do not matter to you.")

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
