/* The payload of an MC1 token: claims and the EU standard elements. */
#ifndef MCK_CREDENTIAL_H
#define MCK_CREDENTIAL_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MCK_PAYLOAD_MAX  65536
#define MCK_OUTCOMES_MAX 50

/* The mandatory elements of Annex I, by the path the verifier reports when one is missing. */
#define MCK_ELEMENT_MAP(X)                                                                         \
	X(LEARNER, "identifier")                                                                   \
	X(TITLE, "achievement.name")                                                               \
	X(COUNTRY, "vc.issuer.address.addressCountryCode")                                         \
	X(AWARDING_BODY, "vc.issuer.name")                                                         \
	X(OUTCOMES, "achievement.learningOutcomes")                                                \
	X(WORKLOAD, "achievement.creditsAvailable")                                                \
	X(EQF_LEVEL, "achievement.eqfLevel")                                                       \
	X(ASSESSMENT, "achievement.assessmentType")                                                \
	X(PARTICIPATION, "achievement.participationForm")                                          \
	X(QUALITY_ASSURANCE, "achievement.qualityAssurance")

enum mck_element {
#define MCK__ELEMENT_ENUM(name, path) MCK_ELEMENT_##name,
	MCK_ELEMENT_MAP(MCK__ELEMENT_ENUM)
#undef MCK__ELEMENT_ENUM
		MCK_ELEMENT_COUNT
};

/** The path of a mandatory element ("achievement.eqfLevel"). */
const char *mck_element_path(enum mck_element e);

/*
 * A credential read from a verified payload. Strings borrow the parsed tree in
 * @c root; everything is released by mck_credential_free (caller-owned storage).
 */
struct mck_credential {
	cJSON *root;
	const cJSON *vc; /* the credential object (either shape) */
	const char *iss;
	int64_t nbf;
	bool has_exp;
	int64_t exp;
	const char *jti; /* NULL when absent */
	/*
	 * The awarding body as the trust list registers it (its entry for iss):
	 * what is shown and matched (credential-format.md §3), never the wording
	 * below. Set by the verifier once the signature and the issuer are
	 * established, borrowed from its trust list; NULL after parsing alone and
	 * when the entry lacks them.
	 */
	const char *issuer_name;
	const char *country;
	/* The credential's own wording of them (vc.issuer.name, addressCountryCode), or NULL. */
	const char *claimed_name;
	const char *claimed_country;
	const char *learner;      /* the unhashed name identifier */
	const cJSON *identifiers; /* credentialSubject.identifier, or NULL */
	const char *title;
	const cJSON *outcomes; /* array of 1..50 strings, or NULL */
	bool has_ects;
	double ects;
	bool has_hours;
	double hours;
	int eqf_level; /* 0 when absent */
	const char *assessment_type;
	const char *participation_form;
	const char *quality_assurance;
	const char *entry_requirements;
	const char *assessment_supervision;
	const char *identity_verification;
	const char *grade;
	const char *stackability;
	const char *description;
	uint32_t missing;    /* bit (1u << enum mck_element) per missing element */
	const cJSON *status; /* credentialStatus entries (object or array), or NULL */
};

/**
 * Parse and check a verified payload (@p buf[len] must be NUL). Takes
 * credential-format.md §3 literally: wrong types and invalid values of present
 * elements are MCK_ERR_JSON; absent mandatory elements only set @c missing.
 * Returns MCK_OK, MCK_ERR_JSON (with @p msg), MCK_ERR_NOMEM.
 */
int mck_credential_parse(struct mck_credential *cred, const uint8_t *buf, size_t len, char *msg,
			 size_t msgcap);

void mck_credential_free(struct mck_credential *cred); /* accepts NULL */

/**
 * Whether the credential words its awarding body otherwise than the trust list
 * registers it: a name or a country it states that is not, byte for byte, the
 * registered one. Wording it leaves out differs from nothing.
 */
bool mck_credential_claim_differs(const struct mck_credential *cred);

/* One status entry: the list it points to and the index in it. */
struct mck_status_ref {
	const char *list_id;
	uint64_t index;
};

/**
 * The @p i-th credentialStatus entry. Returns 1 and fills @p ref, 0 when there is
 * no such entry. Entries were checked by mck_credential_parse.
 */
int mck_credential_status(const struct mck_credential *cred, size_t i, struct mck_status_ref *ref);

#endif
