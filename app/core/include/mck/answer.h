/* The JSON answer of the verifier contract (verifier-contract.md). */
#ifndef MCK_ANSWER_H
#define MCK_ANSWER_H

#include <cjson/cJSON.h>

#include "mck/trustlist.h"
#include "mck/verify.h"

/**
 * Build the answer for @p res; @p tl (may be NULL) fills "trustList".
 * Returns a new object the caller frees with cJSON_Delete, or NULL when out of
 * memory. A credential is included only when res->has_credential.
 */
cJSON *mck_answer_json(const struct mck_result *res, const struct mck_trustlist *tl);

#endif
