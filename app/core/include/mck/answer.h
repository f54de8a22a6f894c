/* The JSON answer of the verifier contract (verifier-contract.md). */
#ifndef MCK_ANSWER_H
#define MCK_ANSWER_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdint.h>

#include "mck/trustlist.h"
#include "mck/verify.h"

/**
 * Build the answer for @p res; @p tl (may be NULL) fills "trustList".
 * Returns a new object the caller frees with cJSON_Delete, or NULL when out of
 * memory. A credential is included only when res->has_credential.
 */
cJSON *mck_answer_json(const struct mck_result *res, const struct mck_trustlist *tl);

/* Members in the answer's form, for other documents built from results. */
/** @p name: @p t as "YYYY-MM-DDTHH:MM:SSZ". false when out of memory. */
bool mck_answer_add_time(cJSON *obj, const char *name, int64_t t);
/** "reasons": the codes of @p reasons in check order. NULL when out of memory. */
cJSON *mck_answer_add_reasons(cJSON *obj, mck_reasons reasons);

#endif
