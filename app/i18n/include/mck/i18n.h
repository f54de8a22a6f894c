/* The kiosk's words in every language it speaks. */
#ifndef MCK_I18N_H
#define MCK_I18N_H

#include "mck/reason.h"

enum mck_lang {
	MCK_LANG_EN = 0,
	MCK_LANG_PL,
	MCK_LANG_DE,
	MCK_LANG_FR,
	MCK_LANG_EL,
	MCK_LANG_IT,
	MCK_LANG_ES,
	MCK_LANG_COUNT
};

/*
 * UI strings: X(KEY, "English"). Every language has every key (a test checks).
 * Placeholders are printf-style and identical across languages.
 */
#define MCK_TEXT_MAP(X)                                                                            \
	X(VERDICT_VALID, "VALID")                                                                  \
	X(VERDICT_WARNING, "CHECK")                                                                \
	X(VERDICT_INVALID, "NOT VALID")                                                            \
	X(VERDICT_UNREADABLE, "UNREADABLE")                                                        \
	X(VERDICT_UNUSABLE, "CANNOT VERIFY")                                                       \
	X(ACTION_VALID, "The credential is genuine.")                                              \
	X(ACTION_WARNING, "Genuine, but read the notes below before accepting it.")                \
	X(ACTION_INVALID, "Do not accept this credential.")                                        \
	X(ACTION_UNREADABLE, "Hold the code still, about 20 cm from the camera, and try again.")   \
	X(ACTION_UNUSABLE, "Please ask staff: this kiosk cannot check credentials now.")           \
	X(IDLE_TITLE, "Show your micro-credential QR code")                                        \
	X(IDLE_HINT, "Hold your phone or paper in front of the camera")                            \
	X(CHUNK_PROGRESS, "Part %u of %u read – show the next code")                               \
	X(LABEL_LEARNER, "Learner")                                                                \
	X(LABEL_TITLE, "Title")                                                                    \
	X(LABEL_AWARDING_BODY, "Awarding body")                                                    \
	X(LABEL_CLAIMED_BODY, "Name on the credential")                                            \
	X(LABEL_COUNTRY, "Country")                                                                \
	X(LABEL_ISSUED, "Date of issue")                                                           \
	X(LABEL_EXPIRES, "Valid until")                                                            \
	X(LABEL_EQF, "EQF level")                                                                  \
	X(LABEL_WORKLOAD, "Workload")                                                              \
	X(LABEL_ECTS, "ECTS")                                                                      \
	X(LABEL_HOURS, "hours")                                                                    \
	X(LABEL_OUTCOMES, "Learning outcomes")                                                     \
	X(LABEL_ASSESSMENT, "Assessment")                                                          \
	X(LABEL_PARTICIPATION, "Form of participation")                                            \
	X(LABEL_QUALITY, "Quality assurance")                                                      \
	X(LABEL_PREREQUISITES, "Prerequisites")                                                    \
	X(LABEL_SUPERVISION, "Supervision and identity check")                                     \
	X(LABEL_GRADE, "Grade")                                                                    \
	X(LABEL_STACKABILITY, "Counts towards")                                                    \
	X(LABEL_MISSING, "Missing")                                                                \
	X(LABEL_FROM_CREDENTIAL, "As stated in the credential")                                    \
	X(STATUS_TRUSTLIST, "Trust list #%lld, updated %s")                                        \
	X(STATUS_ISSUERS, "Awarding bodies: %zu")                                                  \
	X(STATUS_CLOCK_OK, "Clock set")                                                            \
	X(STATUS_CLOCK_UNSET, "Clock not set")                                                     \
	X(STATUS_CAMERA_OK, "Camera ready")                                                        \
	X(STATUS_CAMERA_MISSING, "No camera")                                                      \
	X(ERROR_NO_CAMERA, "No camera or scanner is connected.")                                   \
	X(ERROR_TRUSTLIST_MISSING, "No trust list is installed. Insert an update stick.")          \
	X(ERROR_TRUSTLIST_EXPIRED, "The trust list is out of date. Insert an update stick.")       \
	X(ERROR_CLOCK_UNSET, "The clock is not set; dates are checked against the trust list.")    \
	X(TOUCH_TO_DISMISS, "Touch the screen or scan the next code")                              \
	X(LANGUAGE_NAME, "English")                                                                \
	X(OPERATOR_TITLE, "Operator status")                                                       \
	X(OPERATOR_TRUSTLIST, "Trust list")                                                        \
	X(OPERATOR_ISSUED, "Issued")                                                               \
	X(OPERATOR_NEXT_UPDATE, "Next update due")                                                 \
	X(OPERATOR_ISSUERS, "Awarding bodies")                                                     \
	X(OPERATOR_TIME, "Time")                                                                   \
	X(OPERATOR_SOURCE, "Scan source")                                                          \
	X(OPERATOR_SCANS, "Scans since start")                                                     \
	X(OPERATOR_UPTIME, "Running for")                                                          \
	X(OPERATOR_DISPLAY, "Display")                                                             \
	X(OPERATOR_SOFTWARE, "Software")                                                           \
	X(OPERATOR_RETURN, "Touch the screen to return")                                           \
	X(SESSION_CHOOSE, "Choose the check")                                                      \
	X(SESSION_START, "Start check")                                                            \
	X(SESSION_PROMPT, "Show your credentials one after another")                               \
	X(SESSION_COUNTS, "Counts towards this check")                                             \
	X(SESSION_NOT_COUNTED, "Does not count for this check")                                    \
	X(SESSION_DUPLICATE, "Shown before: counted once")                                         \
	X(SESSION_FINISH, "Finish")                                                                \
	X(SESSION_CANCEL, "Cancel")                                                                \
	X(SESSION_DONE, "Done")                                                                    \
	X(SESSION_REQUIREMENTS, "Requirements")                                                    \
	X(SESSION_CREDENTIALS, "Credentials shown")                                                \
	X(SESSION_NONE, "None yet")                                                                \
	X(SESSION_HAVE_COUNT, "%s of %s credentials")                                              \
	X(SESSION_HAVE_ECTS, "%s of %s ECTS")                                                      \
	X(SESSION_HAVE_HOURS, "%s of %s hours")                                                    \
	X(SESSION_MISSING, "%s missing")                                                           \
	X(SESSION_MET, "met")                                                                      \
	X(SESSION_FULL, "This check is full: finish it")                                           \
	X(DECISION_MET, "MEETS THE REQUIREMENTS")                                                  \
	X(DECISION_NOT_MET, "DOES NOT MEET THE REQUIREMENTS")                                      \
	X(DECISION_NOTE_MET, "Every requirement is met.")                                          \
	X(DECISION_NOTE_NOT_MET, "Not every requirement is met: what is missing is listed below.") \
	X(DECISION_REFERENCE, "Reference")                                                         \
	X(DECISION_LEARNERS_DIFFER,                                                                \
	  "The credentials name different people: check the candidate's identity.")                \
	X(VERDICT_CANNOT_CHECK, "CANNOT CHECK HERE")                                               \
	X(ACTION_CANNOT_CHECK,                                                                     \
	  "Please ask staff. This is a problem of this kiosk, not of your credential.")            \
	X(VERDICT_NOT_CREDENTIAL, "NOT A CREDENTIAL")                                              \
	X(SHOWN_URL, "This is a web link to %s, not a micro-credential QR code.")                  \
	X(SHOWN_URL_NO_HOST, "This is a web link, not a micro-credential QR code.")                \
	X(SHOWN_WIFI, "This is a Wi-Fi network code, not a micro-credential QR code.")             \
	X(SHOWN_EU_DCC, "This is an EU Digital COVID Certificate, not a micro-credential.")        \
	X(SHOWN_SMART_HEALTH_CARD, "This is a SMART Health Card, not a micro-credential.")         \
	X(SHOWN_VCARD, "This is a contact card, not a micro-credential QR code.")                  \
	X(SHOWN_TEXT, "This QR code holds text, not a micro-credential.")                          \
	X(SHOWN_ACTION, "Open the credential in your wallet app and show its QR code.")            \
	X(NEXT_PERSON, "Done – next person")                                                       \
	X(CLEARS_IN, "Clears in %d s – touch to keep")                                             \
	X(STILL_THERE, "Still there? Touch the screen to continue (%d s).")                        \
	X(COMPARE_ID, "Compare the name with an ID document.")                                     \
	X(SESSION_OTHER_PERSON, "Another person's name: check identity")                           \
	X(SESSION_ADDED, "+%s, now %s in %s")                                                      \
	X(SESSION_NO_MATCH, "Does not match: %s")                                                  \
	X(CRIT_TITLE, "title")                                                                     \
	X(CRIT_OUTCOMES, "learning outcomes")                                                      \
	X(CRIT_EQF, "EQF level")                                                                   \
	X(CRIT_AGE, "date of issue")                                                               \
	X(CRIT_ISSUER, "awarding body")                                                            \
	X(CRIT_COUNTRY, "country")                                                                 \
	X(CRIT_VERDICT, "not accepted for this check")                                             \
	X(UNIT_CREDENTIALS, "credentials")                                                         \
	X(STATUS_DUE_SOON, "Trust list update due in %d days")                                     \
	X(STATUS_OVERDUE, "Trust list update overdue: update now")                                 \
	X(STATUS_STATUS_LISTS, "Revocation lists: %s")                                             \
	X(ERROR_TRUSTLIST_DAMAGED, "The installed trust data is damaged. Insert an update stick.") \
	X(PARTICIPATION_ONLINE, "online")                                                          \
	X(PARTICIPATION_ONSITE, "on site")                                                         \
	X(PARTICIPATION_BLENDED, "blended (online and on site)")                                   \
	X(SUPERVISION_NONE, "not supervised")                                                      \
	X(SUPERVISION_ONLINE, "supervised online")                                                 \
	X(SUPERVISION_ONSITE, "supervised on site")                                                \
	X(LABEL_ISSUED_RANGE, "Date of issue (valid from)")                                        \
	X(SCANNER_HINT, "Scan the code with the scanner")                                          \
	X(IDLE_HINT_SCANNER, "Hold your phone or paper under the scanner")                         \
	X(ACTION_WARNING_ACCEPT, "Genuine. You may accept it; see the note below.")                \
	X(ACTION_WARNING_ASK, "Genuine, but ask staff before accepting it.")                       \
	X(CHUNK_NEXT, "%u of %u parts read – now show part %u")                                    \
	X(OPERATOR_STATUS_LISTS, "Revocation lists")                                               \
	X(OPERATOR_LAST_UPDATE, "Last update")                                                     \
	X(OPERATOR_LAST_ATTEMPT, "Last update attempt")                                            \
	X(FRESH_NEVER, "never")                                                                    \
	X(FRESH_UNKNOWN, "unknown")                                                                \
	X(FRESH_NO_LISTS, "none")                                                                  \
	X(FRESH_OLDEST, "oldest: %s")                                                              \
	X(FRESH_FAILED, "failed")                                                                  \
	X(FRESH_SUCCEEDED, "succeeded")                                                            \
	X(FRESH_NETWORK, "network")                                                                \
	X(FRESH_STICK, "update stick")                                                             \
	X(AGE_MINUTES, "%lld min ago")                                                             \
	X(AGE_HOURS, "%lld hours ago")                                                             \
	X(AGE_DAYS, "%lld days ago")                                                               \
	X(STATUS_LISTS_DUE, "Revocation lists expire on %s")                                       \
	X(STATUS_LISTS_STALE, "Revocation lists out of date")                                      \
	X(STATUS_UPDATE_FAILED, "Last update failed")                                              \
	X(IDLE_ACCESS,                                                                             \
	  "Speech: hold the screen 2 s or press * on the keypad  \xc2\xb7  Larger text: +")

enum mck_text {
#define MCK__TEXT_ENUM(key, en) MCK_TEXT_##key,
	MCK_TEXT_MAP(MCK__TEXT_ENUM)
#undef MCK__TEXT_ENUM
		MCK_TEXT_COUNT
};

/** The string for @p key in @p lang (UTF-8, never NULL; English if out of range). */
const char *mck_i18n_text(enum mck_lang lang, enum mck_text key);

/** A sentence for people explaining @p reason in @p lang (never NULL). */
const char *mck_i18n_reason(enum mck_lang lang, enum mck_reason reason);

/**
 * The words for a spec value of achievement.participationForm ("online", "onsite", "blended")
 * or achievement.assessmentSupervision ("none", "supervised-online", "supervised-onsite") in
 * @p lang; NULL for any other value (compared exactly), so that a caller shows nothing it
 * could not translate.
 */
const char *mck_i18n_participation(enum mck_lang lang, const char *code);
const char *mck_i18n_supervision(enum mck_lang lang, const char *code);

/** ISO 639-1 code ("en", "pl", …) and back (-1 when unknown). */
const char *mck_i18n_code(enum mck_lang lang);
int mck_i18n_from_code(const char *code);

#endif
