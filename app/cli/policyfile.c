#include "policyfile.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/err.h"
#include "mck/io.h"

int mck_cli_load_policy(const char *path, struct mck_policy **out, char *err, size_t cap)
{
	char msg[256];
	char *buf = NULL;
	size_t len = 0;
	int rc = mck_io_read_file(path, MCK_POLICY_FILE_MAX, &buf, &len);

	*out = NULL;
	if (rc != 0) {
		snprintf(err, cap, "%s: %s", path, strerror(-rc));
		return -1;
	}
	rc = mck_policy_parse((const uint8_t *)buf, len, out, msg, sizeof(msg));
	free(buf);
	if (rc != MCK_OK) {
		snprintf(err, cap, "%s: %s", path, rc == MCK_ERR_NOMEM ? "out of memory" : msg);
		return -1;
	}
	return 0;
}
