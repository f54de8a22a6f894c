/*
 * Fuzz target: a payload that passed its signature check, through the strict
 * JSON reader, the credential parser and the JSON answer. Covers what the QR
 * target cannot reach without a valid signature.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mck/answer.h"
#include "mck/credential.h"
#include "mck/verify.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mck_result res;
	uint8_t *buf;

	if (size > MCK_PAYLOAD_MAX) {
		return 0;
	}
	buf = malloc(size + 1);
	if (buf == NULL) {
		return 0;
	}
	memcpy(buf, data, size);
	buf[size] = 0;
	memset(&res, 0, sizeof(res));
	if (mck_credential_parse(&res.cred, buf, size, res.detail, sizeof(res.detail)) == 0) {
		struct mck_status_ref ref;
		cJSON *answer;

		res.has_credential = true;
		for (size_t i = 0; mck_credential_status(&res.cred, i, &ref) == 1; i++) {
			if (ref.list_id == NULL) {
				abort();
			}
		}
		answer = mck_answer_json(&res, NULL);
		if (answer == NULL) {
			abort();
		}
		char *printed = cJSON_PrintUnformatted(answer);
		free(printed);
		cJSON_Delete(answer);
	}
	mck_result_free(&res);
	free(buf);
	return 0;
}
