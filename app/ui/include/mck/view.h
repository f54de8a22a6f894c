/*
 * What the kiosk screen shows, as plain data: the app fills it from a
 * verification result (sanitised text only), the UI draws it. The UI never
 * sees cJSON, Mbed TLS or a credential; the verdict band is drawn from
 * `verdict` and `reasons` alone, never from credential text.
 */
#ifndef MCK_VIEW_H
#define MCK_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/i18n.h"
#include "mck/reason.h"

#define MCK_VIEW_TEXT      256
#define MCK_VIEW_OUTCOMES  50
#define MCK_VIEW_MISSING   10
#define MCK_VIEW_PREVIEW_W 320
#define MCK_VIEW_PREVIEW_H 240
#define MCK_VIEW_REQ       16 /* requirements of a policy (MCK_POLICY_REQ_MAX) */
#define MCK_VIEW_CREDS     32 /* credentials in a session (MCK_SESSION_MAX) */
#define MCK_VIEW_POLICIES  6  /* policies the operator picks from */
#define MCK_VIEW_DUE_DAYS  7  /* warn staff this many days before the trust list is due */

/* The record's QR text and its NUL (MCK_RECORD_QR_MAX) */
#define MCK_VIEW_RECORD_QR 512

enum mck_screen {
	MCK_SCREEN_IDLE = 0,
	MCK_SCREEN_PROGRESS, /* some chunks of a chunked credential read */
	MCK_SCREEN_RESULT,
	MCK_SCREEN_ERROR,    /* the error in `error`; faults in `status` show by themselves */
	MCK_SCREEN_OPERATOR, /* device facts and counters for the operator */
	MCK_SCREEN_SESSION,  /* an entry-requirements check: credentials and running totals */
	MCK_SCREEN_DECISION, /* the check's decision and its reference code */
	MCK_SCREEN_POLICIES, /* the operator picks which check to start */
};

/* What a code that is no credential held (the verifier's mck_shown, mapped by name). */
enum mck_view_shown {
	MCK_VIEW_SHOWN_NONE = 0,
	MCK_VIEW_SHOWN_URL,
	MCK_VIEW_SHOWN_WIFI,
	MCK_VIEW_SHOWN_EU_DCC,
	MCK_VIEW_SHOWN_SMART_HEALTH_CARD,
	MCK_VIEW_SHOWN_VCARD,
	MCK_VIEW_SHOWN_TEXT,
};

/* Whether an update-history fact is known: no record says "never", a damaged one "unknown". */
enum mck_view_known {
	MCK_VIEW_NEVER = 0,
	MCK_VIEW_UNKNOWN,
	MCK_VIEW_KNOWN,
};

/* Where an update came from. */
enum mck_view_via {
	MCK_VIEW_VIA_NETWORK = 0, /* mcupdate's fetch.json */
	MCK_VIEW_VIA_STICK,       /* the update stick's last-update.json */
};

/* A moment of the trust data's history: when (UTC) and how long before the clock. */
struct mck_view_when {
	enum mck_view_known known;
	char at[24];     /* "YYYY-MM-DD HH:MM UTC" */
	long long age_s; /* before the status's clock; -1: after it or no clock (say no age) */
};

/*
 * How fresh the trust data is: the lists' own dates and the update records
 * (device facts, sanitised; the operator screen and the status bar only).
 */
struct mck_view_fresh {
	struct mck_view_when trustlist; /* its iat */
	size_t status_lists;            /* 0: "none" */
	struct mck_view_when status;    /* the oldest status list's iat */
	/* Status lists whose exp is within MCK_VIEW_DUE_DAYS or past: the soonest's date. */
	unsigned status_due;
	bool status_stale;            /* one of them is past its exp */
	char status_exp[24];          /* YYYY-MM-DD */
	struct mck_view_when success; /* the last successful update */
	enum mck_view_via success_via;
	struct mck_view_when attempt; /* the last attempt */
	enum mck_view_via attempt_via;
	bool attempt_failed;
	bool failed;     /* an update failed after the last success: the status bar says so */
	char cause[160]; /* why the last attempt failed: one line from a file, sanitised; "" none */
};

struct mck_view_status {
	bool have_trustlist;
	long long sequence;
	char updated[24];     /* YYYY-MM-DD */
	char next_update[24]; /* YYYY-MM-DD */
	size_t issuers;
	bool trustlist_expired; /* past nextUpdate and the grace period */
	bool clock_ok;
	bool camera_ok;
	char camera_why[160]; /* why not, as the source said it (a pipeline's error), or "" */
	bool scanner;         /* the scan source is a barcode scanner, not a camera */
	/*
	 * Staff are warned before the list goes stale: whole days until its
	 * nextUpdate (negative: past it); due_soon within MCK_VIEW_DUE_DAYS or past.
	 */
	int due_in_days;
	bool due_soon;
	struct mck_view_fresh fresh;
};

/*
 * Scans by verdict, indexed by enum mck_verdict's value: room for every
 * verdict up to the last (the UI checks that each one it names fits).
 */
#define MCK_VIEW_VERDICTS (MCK_VERDICT_UNUSABLE + 1)

/* The operator screen: facts about the device and counters, nothing personal. */
struct mck_view_operator {
	char now[32];      /* "YYYY-MM-DD HH:MM UTC" */
	char source[96];   /* the scan source, e.g. "v4l2:/dev/video0" */
	char software[48]; /* "mckiosk 0.1.0" */
	long long uptime_s;
	unsigned scans;
	unsigned verdicts[MCK_VIEW_VERDICTS]; /* scans by enum mck_verdict */
};

/* What a requirement adds up; the kiosk maps the policy's enum mck_need to it by name. */
enum mck_view_need {
	MCK_VIEW_NEED_COUNT = 0, /* credentials */
	MCK_VIEW_NEED_ECTS,
	MCK_VIEW_NEED_HOURS,
};

/* One requirement of the policy in a session: the policy's words, its total. */
struct mck_view_requirement {
	char label[128]; /* from the policy file (the operator's), sanitised */
	enum mck_view_need kind;
	double have;
	double need;
	bool met;
};

/* One credential shown in a session: what the list needs, nothing about the learner. */
struct mck_view_session_cred {
	char title[96]; /* sanitised credential text */
	char issuer[96];
	enum mck_verdict verdict;
	bool counts; /* added something to at least one requirement */
	bool duplicate;
	/* What it added ("+2 ECTS → 5 ECTS in IT"; several joined by "; ") or why not
	 * ("Does not match: title, EQF level"), in the kiosk's language, sanitised. */
	char explain[160];
	char learner[96];  /* the learner's name on it, sanitised (identity check) */
	bool other_person; /* it names another person than the first listed credential */
};

/*
 * An entry-requirements check (docs/policy.md). The band shows the latest
 * credential's verdict (drawn from `verdict` and `reasons` alone) or the
 * decision; credential text only ever appears in the list below it.
 */
struct mck_view_session {
	bool available;   /* a policy is configured: idle offers to start */
	char policy[128]; /* its name (the operator's), sanitised */
	size_t policies;  /* several: the operator picks one */
	char names[MCK_VIEW_POLICIES][96];
	size_t requirements;
	struct mck_view_requirement req[MCK_VIEW_REQ];
	size_t creds;
	struct mck_view_session_cred cred[MCK_VIEW_CREDS];
	bool latest;          /* a credential was shown: the band says how it went */
	bool latest_listed;   /* ...and it joined the list (an unreadable scan does not) */
	bool full;            /* MCK_VIEW_CREDS reached: finish */
	bool met;             /* the decision */
	bool learners_differ; /* the credentials name different people */
	char reference[16];   /* "XXXX-XXXX" */
	/* The record as a case worker's PC reads it (mck_record_qr_text: MCKREC1, no learner
	 * data), drawn as a QR code beside the reference; "" when there is none. */
	char record_qr[MCK_VIEW_RECORD_QR];
};

struct mck_view {
	enum mck_screen screen;
	enum mck_lang lang;
	/* result */
	enum mck_verdict verdict;
	mck_reasons reasons;
	bool has_credential;
	char learner[MCK_VIEW_TEXT];
	char title[MCK_VIEW_TEXT];
	char body[MCK_VIEW_TEXT]; /* the awarding body: the trust list's entry for iss */
	char country[8];
	/* The credential's own wording of them, where it differs: shown only marked as that. */
	bool claimed;
	char claimed_body[MCK_VIEW_TEXT];
	char claimed_country[8];
	char issued[24];
	char expires[24];
	int eqf_level; /* 0: absent */
	char workload[64];
	char assessment[MCK_VIEW_TEXT];
	char participation[32]; /* the spec's value ("online"); the UI says it in its language */
	char supervision[32];   /* the spec's value ("supervised-onsite"), "" when absent */
	char identity_check[MCK_VIEW_TEXT]; /* how the learner's identity was verified */
	char quality[MCK_VIEW_TEXT];
	char prerequisites[MCK_VIEW_TEXT];
	char grade[64];
	size_t outcomes;
	char outcome[MCK_VIEW_OUTCOMES][MCK_VIEW_TEXT];
	size_t missing;
	enum mck_text missing_label[MCK_VIEW_MISSING]; /* mandatory elements absent */
	unsigned scroll;                               /* detail rows scrolled away */
	/* progress */
	unsigned chunk_have;
	unsigned chunk_total;
	unsigned chunk_next; /* the first part not read yet (1-based): the one to show next */
	/* error screens */
	enum mck_text error;
	struct mck_view_status status;
	struct mck_view_operator op;
	bool picker; /* the language picker is open */
	struct mck_view_session session;
	/* Idle: the camera's live picture, 8-bit grey, borrowed for one draw (NULL: none). */
	const uint8_t *preview;
	int preview_w; /* at most MCK_VIEW_PREVIEW_W x MCK_VIEW_PREVIEW_H */
	int preview_h;
	/*
	 * The keypad's focus (EN 301 549 5.1.3, 5.5): the touch target Enter acts
	 * on, by enum mck_ui_hit and index (the language for PICK, the policy for
	 * POLICY). Drawn as a ring only once a key has moved it (shown); a touch
	 * hides it. How the screen looks, not what it is about.
	 */
	struct mck_view_focus {
		int hit;
		int index;
		int screen; /* the enum mck_screen it was set on: a new screen, its own focus */
		bool shown;
	} focus;
	/*
	 * Next person: seconds until the result or check clears by itself (a
	 * countdown beside the Done target), 0 when nothing counts down.
	 */
	unsigned countdown_s;
	bool still_there; /* a check is about to be wiped for want of a touch: ask */
	/*
	 * The result is the kiosk's own failure, not the credential's: no usable
	 * or an out-of-date trust list. "Cannot check here – ask staff": never the
	 * forgery's red band, no credential details.
	 */
	bool cannot_check;
	/* not_a_credential: what the code was instead, and for a web link its host alone */
	enum mck_view_shown shown;
	char shown_host[64]; /* "" when none or too long to show */
};

/*
 * A fault that stops the kiosk from checking credentials (no trust list, no
 * camera, trust list out of date): true and its text. The idle screen shows it.
 */
bool mck_view_fault(const struct mck_view *v, enum mck_text *text);

/**
 * Whether the screen @p v shows holds a learner's data (a result, a check in
 * progress or its decision): what is wiped, and forgotten, when it goes.
 */
bool mck_view_personal(const struct mck_view *v);

/**
 * The sentence that says what a code that is no credential held (the
 * screen's line and the spoken one): a web link with or without its host,
 * Wi-Fi, an EU DCC, a SMART Health Card, a vCard, or text.
 */
enum mck_text mck_view_shown_text(enum mck_view_shown shown, bool host);

/**
 * A requirement's total in words, as the check's screens show it and speech
 * says it: "4 of 5 ECTS: 1 missing", "2 of 2 credentials: met".
 */
void mck_view_requirement_text(enum mck_lang lang, const struct mck_view_requirement *q, char *out,
			       size_t cap);

/** Wipe every credential string (privacy: nothing outlives the screen); back to idle. */
void mck_view_clear_result(struct mck_view *v);

#endif
