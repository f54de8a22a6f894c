/*
 * Entry requirements over several verified credentials (docs/policy.md): a
 * policy file, a session that collects verification results without keeping
 * the learner's data, each requirement's running total, and the record an
 * office may keep. No I/O, no clock: callers pass the bytes and the times.
 */
#ifndef MCK_POLICY_H
#define MCK_POLICY_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mck/reason.h"
#include "mck/verify.h"

#define MCK_POLICY_FILE_MAX  65536 /* bytes of a policy file */
#define MCK_POLICY_REQ_MAX   16    /* requirements in a policy */
#define MCK_POLICY_TERMS_MAX 32    /* strings in one filter list */
#define MCK_POLICY_TERM_MAX  128   /* bytes in one of those strings */
#define MCK_SESSION_MAX      32    /* credentials in one session */
#define MCK_POLICY_REF_LEN   10    /* "XXXX-XXXX" and its NUL */
#define MCK_POLICY_LANGS     7     /* languages a titleAny / outcomeAny may be given in */
#define MCK_RECORD_QR_MAX    512   /* mck_record_qr_text's longest text and its NUL */
#define MCK_TERM_NONE        0xFF  /* no term of a filter list matched */

enum mck_need {
	MCK_NEED_COUNT = 0, /* how many credentials */
	MCK_NEED_ECTS,      /* the sum of their ECTS credits */
	MCK_NEED_HOURS,     /* the sum of their workload hours */
};

/*
 * A requirement's filters, in the order an explanation names them (the first
 * that fails is the lowest). MCK_CRIT_AMOUNT is not a filter: the credential
 * passes them all but states no ECTS (or hours) for an ECTS (hours) sum.
 */
enum mck_crit {
	MCK_CRIT_TITLE = 0, /* titleAny */
	MCK_CRIT_OUTCOMES,  /* outcomeAny */
	MCK_CRIT_EQF,       /* minEqfLevel */
	MCK_CRIT_AGE,       /* maxAgeDays: the date of issue */
	MCK_CRIT_ISSUER,    /* issuerAny */
	MCK_CRIT_COUNTRY,   /* issuerCountryAny */
	MCK_CRIT_AMOUNT,    /* no creditsAvailable / workloadHours for this sum */
	MCK_CRIT_COUNT
};
#define MCK_CRIT_BIT(c) (1u << (unsigned)(c))

/** The policy file's name of a filter ("titleAny"), "amount" for MCK_CRIT_AMOUNT. */
const char *mck_crit_name(enum mck_crit c);

struct mck_policy; /* heap object */

/**
 * Parse a policy file, strictly: unknown members, wrong types, values out of
 * range, duplicate requirement ids and non-warning codes in acceptWarnings are
 * refused with one line in @p msg (a typo must never widen what counts).
 * Returns MCK_OK, MCK_ERR_JSON or MCK_ERR_NOMEM.
 */
int mck_policy_parse(const uint8_t *buf, size_t len, struct mck_policy **out, char *msg,
		     size_t msgcap);
void mck_policy_free(struct mck_policy *p); /* accepts NULL */

const char *mck_policy_name(const struct mck_policy *p);
/** An amount as people write it, to two decimals at most: "5", "2.5", "0.25"; "" when @p cap is too small. */
void mck_policy_amount_text(double v, char *out, size_t cap);
/** SHA-256 of the policy file's bytes, lower-case hex (64 characters). */
const char *mck_policy_digest(const struct mck_policy *p);
size_t mck_policy_count(const struct mck_policy *p);
const char *mck_policy_req_id(const struct mck_policy *p, size_t i);
/** The label in @p lang ("pl"), else English, else the first given, else the id. */
const char *mck_policy_req_label(const struct mck_policy *p, size_t i, const char *lang);
enum mck_need mck_policy_req_need(const struct mck_policy *p, size_t i, double *amount);
/** Whether a warning with exactly @p reasons may count (every reason accepted). */
bool mck_policy_accepts(const struct mck_policy *p, enum mck_verdict verdict, mck_reasons reasons);

/*
 * One credential as a session keeps it: what the requirements and the record
 * need. No learner name or identifier, no outcomes (their matches are kept).
 */
struct mck_session_item {
	enum mck_verdict verdict;
	mck_reasons reasons;
	int64_t verified_at; /* the time the checks used */
	bool has_credential; /* the signature verified: the fields below are set */
	bool eligible;       /* valid, or a warning with every reason accepted */
	int duplicate_of;    /* the index of the same credential shown before, or -1 */
	char id_hash[65];    /* SHA-256 (hex) of iss and jti, or of the payload */
	uint32_t matches;    /* bit i: passes requirement i's filters */
	bool counts;         /* eligible and added something to at least one requirement */
	bool other_learner;  /* names another learner than the first credential that names one */
	uint8_t failed[MCK_POLICY_REQ_MAX];      /* MCK_CRIT_BIT()s requirement i did not pass */
	uint8_t title_hit[MCK_POLICY_REQ_MAX];   /* the titleAny term found, or MCK_TERM_NONE */
	uint8_t outcome_hit[MCK_POLICY_REQ_MAX]; /* the outcomeAny term found, or MCK_TERM_NONE */
	char issuer_id[256];
	char issuer_name[128]; /* the trust list's name and country for it, not the claim */
	char country[8];
	char title[192];
	int eqf_level; /* 0: absent */
	double ects;   /* 0 when absent */
	double hours;  /* 0 when absent */
};

/* Caller-owned storage; holds no pointer into verification results. */
struct mck_session {
	const struct mck_policy *policy;
	size_t count;
	bool learners_differ; /* two credentials name different learners */
	bool has_learner;
	uint8_t learner[32]; /* SHA-256 of the first learner name seen, folded */
	struct mck_session_item item[MCK_SESSION_MAX];
};

struct mck_req_status {
	bool met;
	enum mck_need kind;
	double have;
	double need;
	uint32_t counted; /* bit k: item k counts towards it */
};

void mck_session_init(struct mck_session *s, const struct mck_policy *p);
/**
 * Add a verification result (not kept: copied and reduced). Returns the new
 * item's index, or -1 when the session is full (MCK_SESSION_MAX).
 */
int mck_session_add(struct mck_session *s, const struct mck_result *res);
/** Each requirement's state into @p out (mck_policy_count entries); true when all are met. */
bool mck_session_evaluate(const struct mck_session *s, struct mck_req_status *out);
/**
 * The verification record (docs/policy.md): policy, decision, each
 * credential's id hash, issuer, title, verdict, time; and its reference code
 * "XXXX-XXXX" into @p reference (computed over the record, so a kept record
 * can be matched with what the screen showed). @p decided_at: Unix seconds.
 * Returns a new object (caller frees with cJSON_Delete), or NULL (no memory).
 */
cJSON *mck_session_record(const struct mck_session *s, int64_t decided_at,
			  char reference[MCK_POLICY_REF_LEN]);
/*
 * Why a credential adds nothing at all, whatever the filters say (docs/policy.md,
 * "What counts"). The first that applies, in this order.
 */
enum mck_skip {
	MCK_SKIP_NONE = 0,
	MCK_SKIP_NO_CREDENTIAL, /* nothing verified (unreadable, forged, ...): no fields to match */
	MCK_SKIP_VERDICT,       /* invalid, or a warning with a reason not in acceptWarnings */
	MCK_SKIP_DUPLICATE,     /* the same credential as one shown before (duplicate_of) */
};

/* One credential against one requirement. */
struct mck_explain_req {
	enum mck_need kind;
	bool matched;        /* passes every filter (it may still add nothing: skip, amount) */
	bool added;          /* it added `add` to the requirement's total */
	double add;          /* 1 (count), its ECTS or its hours; 0 when nothing was added */
	double total;        /* the requirement's total over this credential and those before */
	double need;         /* what the requirement needs */
	uint32_t failed;     /* MCK_CRIT_BIT()s of what it did not pass (with MCK_CRIT_AMOUNT) */
	enum mck_crit first; /* the lowest of failed; MCK_CRIT_COUNT when none failed */
	/* The policy's terms it matched (borrowed from the policy; NULL when none) and the
	 * language they were given for ("pl"; "" for a plain list). */
	const char *title_term;
	const char *title_lang;
	const char *outcome_term;
	const char *outcome_lang;
};

/* What one credential of a session did for each requirement, or why it did nothing. */
struct mck_explain {
	enum mck_skip skip;
	mck_reasons unaccepted; /* MCK_SKIP_VERDICT: the reasons the policy does not accept */
	int duplicate_of;       /* MCK_SKIP_DUPLICATE: the earlier item's index, else -1 */
	bool counts;            /* added something to at least one requirement */
	size_t n;               /* mck_policy_count() entries in req */
	struct mck_explain_req req[MCK_POLICY_REQ_MAX];
};

/**
 * Explain item @p item of @p s into @p out (no allocation; the term pointers
 * borrow the session's policy). Totals are running totals: what the items up
 * to and including this one add up to. MCK_OK, or MCK_ERR_INVAL when there is
 * no such item.
 */
int mck_session_explain(const struct mck_session *s, size_t item, struct mck_explain *out);

/**
 * The text a QR code hands a case worker of a decision (docs/policy.md, "The
 * record as a QR code"): format MCKREC1, made from @p record as
 * mck_session_record builds it, of the policy's digest, the decision, the
 * reference, the time and each requirement's total, nothing of any
 * credential or learner. Only characters of the QR alphanumeric mode
 * (0-9 A-Z space $ % * + - . / :). Returns its length, MCK_ERR_INVAL when
 * @p record lacks a member, MCK_ERR_TOOBIG when @p cap is too small
 * (MCK_RECORD_QR_MAX always suffices).
 */
int mck_record_qr_text(const cJSON *record, char *out, size_t cap);

/** Forget every credential (overwritten, not just counted out). */
void mck_session_clear(struct mck_session *s);

/**
 * Whether @p needle occurs in @p haystack ignoring case for Latin and Greek
 * letters (the kiosk's seven languages). Both valid UTF-8.
 */
bool mck_contains_folded(const char *haystack, const char *needle);

#endif
