/*
 * mcverify --policy FILE --explain: a policy preview for the operator
 * (docs/policy.md). For each sample credential of a session, which
 * requirements it counts towards and what it adds, or why it adds nothing;
 * then each requirement's total, the decision and the record's QR text.
 */
#ifndef MCK_CLI_EXPLAIN_H
#define MCK_CLI_EXPLAIN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "mck/policy.h"

/**
 * Print the preview of @p s to @p f: lines for people, or (@p json) one JSON
 * object. @p decided_at (Unix seconds) is the decision's time, as for the
 * record. Nothing of the learner is printed: the session holds none. Returns
 * 1 when every requirement is met, 0 when not, -1 out of memory (said on
 * stderr).
 */
int mck_cli_explain(FILE *f, const struct mck_session *s, int64_t decided_at, bool json);

#endif
