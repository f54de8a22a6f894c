/* Reading a policy file (docs/policy.md), for mcverify --policy and the kiosk. */
#ifndef MCK_CLI_POLICYFILE_H
#define MCK_CLI_POLICYFILE_H

#include <stddef.h>

#include "mck/policy.h"

/**
 * Read @p path (a regular file of at most MCK_POLICY_FILE_MAX bytes) and parse
 * it. 0 with *out (mck_policy_free), or -1 with "PATH: reason" in @p err.
 */
int mck_cli_load_policy(const char *path, struct mck_policy **out, char *err, size_t cap);

#endif
