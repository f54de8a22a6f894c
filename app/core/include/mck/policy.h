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

enum mck_need {
	MCK_NEED_COUNT = 0, /* how many credentials */
	MCK_NEED_ECTS,      /* the sum of their ECTS credits */
	MCK_NEED_HOURS,     /* the sum of their workload hours */
};

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
/** Forget every credential (overwritten, not just counted out). */
void mck_session_clear(struct mck_session *s);

/**
 * Whether @p needle occurs in @p haystack ignoring case for Latin and Greek
 * letters (the kiosk's seven languages). Both valid UTF-8.
 */
bool mck_contains_folded(const char *haystack, const char *needle);

#endif
