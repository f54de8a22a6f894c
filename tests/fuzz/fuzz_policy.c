/*
 * Fuzz target: a policy file (docs/policy.md) through the strict parser; when
 * it parses, a session of credentials whose title is the input itself (when
 * UTF-8) through every filter, the totals and the record.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mck/json.h"
#include "mck/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fake(struct mck_result *r, cJSON *root, const char *title, const char *jti,
		 enum mck_verdict verdict)
{
	memset(r, 0, sizeof(*r));
	r->verdict = verdict;
	r->reasons = verdict == MCK_VERDICT_WARNING ? MCK_REASON_BIT(MCK_REASON_INCOMPLETE) : 0;
	r->now = 1795000000;
	r->has_credential = true;
	r->cred.root = root;
	r->cred.outcomes = cJSON_GetObjectItem(root, "o");
	r->cred.iss = "https://cert.example-vet.pl";
	r->cred.issuer_name = title;
	r->cred.country = "PL";
	r->cred.title = title;
	r->cred.jti = jti;
	r->cred.learner = title;
	r->cred.eqf_level = 5;
	r->cred.has_ects = true;
	r->cred.ects = 2.5;
	r->cred.has_hours = true;
	r->cred.hours = 40;
	r->cred.nbf = r->now - 86400;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const jtis[] = {"a", "b", NULL, "a"};
	struct mck_req_status st[MCK_POLICY_REQ_MAX];
	struct mck_policy *p = NULL;
	struct mck_session *s;
	char reference[MCK_POLICY_REF_LEN];
	char msg[256];
	uint8_t *buf;
	const char *title;
	cJSON *root;
	cJSON *rec;

	if (size > MCK_POLICY_FILE_MAX) {
		return 0;
	}
	buf = malloc(size + 1);
	if (buf == NULL) {
		return 0;
	}
	memcpy(buf, data, size);
	buf[size] = 0;
	if (mck_policy_parse(buf, size, &p, msg, sizeof(msg)) != 0) {
		if (p != NULL || msg[0] == '\0') {
			abort(); /* a refusal always says why and leaves nothing */
		}
		free(buf);
		return 0;
	}
	title = mck_utf8_valid(buf, size) && memchr(buf, 0, size) == NULL ? (const char *)buf
									  : "Cloud";
	root = cJSON_CreateObject();
	cJSON_AddItemToArray(cJSON_AddArrayToObject(root, "o"), cJSON_CreateString(title));
	s = malloc(sizeof(*s));
	if (s != NULL && root != NULL) {
		mck_session_init(s, p);
		for (size_t i = 0; i < sizeof(jtis) / sizeof(jtis[0]); i++) {
			struct mck_result r;

			fake(&r, root, title, jtis[i],
			     i == 1 ? MCK_VERDICT_WARNING : MCK_VERDICT_VALID);
			mck_session_add(s, &r);
		}
		mck_session_evaluate(s, st);
		for (size_t i = 0; i < mck_policy_count(p); i++) {
			for (size_t k = 0; k < s->count; k++) {
				if ((st[i].counted & (1u << k)) && !s->item[k].eligible) {
					abort(); /* only eligible credentials count */
				}
			}
		}
		if (s->item[3].duplicate_of != 0) {
			abort(); /* the same iss and jti is the same credential */
		}
		rec = mck_session_record(s, 1795000000, reference);
		if (rec == NULL || strlen(reference) != 9) {
			abort();
		}
		cJSON_Delete(rec);
		mck_session_clear(s);
	}
	free(s);
	cJSON_Delete(root);
	mck_policy_free(p);
	free(buf);
	return 0;
}
