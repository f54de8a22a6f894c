/* mcissue trustlist and statuslist: the signed lists a kiosk caches (trust-list.md). */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "issue_common.h"
#include "mck/b64url.h"
#include "mck/err.h"
#include "mck/json.h"
#include "mck/jwk.h"
#include "mck/jws_sign.h"
#include "mck/statuslist.h"
#include "mck/trustlist.h"

#define TRUSTLIST_TYPE      "MicroCredentialTrustList"
#define TRUSTLIST_VERSION   1
#define TRUSTLIST_PERIOD    (30 * 86400) /* nextUpdate when not given */
#define STATUS_BITS_DEFAULT (MCK_STATUS_MIN_BYTES * 8u)
#define STATUS_REVOKE_ARGS  64

/* ---- trustlist ---- */

static void trustlist_usage(FILE *f)
{
	fputs("usage: mcissue trustlist --key ANCHOR.key.pem [--alg ES256|ES384] [--no-zip]\n"
	      "                         DESCRIPTION.json\n"
	      "Signs a trust list (trust-list.md §2). Each key of an issuer is\n"
	      "{\"jwk\": \"file.jwk.json\", \"notBefore\": T, \"notAfter\": T} (paths relative to\n"
	      "the description) or an inline public JWK; kids are computed, never copied.\n"
	      "Defaults: type, version 1, iat now, nextUpdate iat + 30 days, DEFLATE.\n",
	      f);
}

/* The directory of @p path, for the JWK files it names. */
static void dir_of(const char *path, char *dir, size_t cap)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		snprintf(dir, cap, ".");
	} else if (slash == path) {
		snprintf(dir, cap, "/");
	} else {
		snprintf(dir, cap, "%.*s", (int)(slash - path), path);
	}
}

/* Where a key's public members come from: a file, a "jwk" object, or the entry itself. */
static int key_source(const cJSON *entry, const char *dir, const char *where, cJSON **file,
		      const cJSON **src)
{
	const cJSON *jwk = cJSON_GetObjectItemCaseSensitive(entry, "jwk");
	char path[PATH_MAX];

	*file = NULL;
	*src = entry;
	if (jwk == NULL) {
		return MCK_ISSUE_OK;
	}
	if (cJSON_IsObject(jwk)) {
		*src = jwk;
		return MCK_ISSUE_OK;
	}
	if (!cJSON_IsString(jwk) || jwk->valuestring[0] == '\0') {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: \"jwk\" is not a file name or a JWK",
				      where);
	}
	if (jwk->valuestring[0] == '/') {
		snprintf(path, sizeof(path), "%s", jwk->valuestring);
	} else if (snprintf(path, sizeof(path), "%s/%s", dir, jwk->valuestring) >=
		   (int)sizeof(path)) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: jwk path too long", where);
	}
	if (mck_issue_read_json(path, MCK_ISSUE_KEY_FILE_MAX, file) != MCK_ISSUE_OK) {
		return MCK_ISSUE_INPUT;
	}
	*src = *file;
	return MCK_ISSUE_OK;
}

/* One key of the signed list: kid (computed), public members, notBefore/notAfter. */
static int resolve_key(const cJSON *entry, const char *dir, const char *where, cJSON **out)
{
	struct mck_key_raw raw;
	char kid[MCK_KID_LEN + 1];
	const char *given;
	const cJSON *src;
	cJSON *file = NULL;
	cJSON *key = NULL;
	int64_t t[2];
	int has[2];
	int rc;

	*out = NULL;
	if (!cJSON_IsObject(entry)) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: not an object", where);
	}
	rc = key_source(entry, dir, where, &file, &src);
	if (rc != MCK_ISSUE_OK) {
		return rc;
	}
	if (mck_jwk_read(src, &raw) != MCK_OK) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT,
				    "%s: not a usable public JWK (EC P-256/P-384 or RSA "
				    "2048-4096; private members are refused)",
				    where);
		goto out;
	}
	mck_issue_kid(&raw, kid);
	if ((mck_json_string(entry, "kid", &given) == 1 && strcmp(given, kid) != 0) ||
	    (src != entry && mck_json_string(src, "kid", &given) == 1 && strcmp(given, kid) != 0)) {
		mck_issue_warn("%s: kid \"%.43s\" is not the key's thumbprint; using %s", where,
			       given, kid);
	}
	has[0] = mck_json_time(entry, "notBefore", &t[0]);
	has[1] = mck_json_time(entry, "notAfter", &t[1]);
	if (has[0] < 0 || has[1] < 0 || (has[0] == 1 && has[1] == 1 && t[1] < t[0])) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT,
				    "%s: notBefore/notAfter must be NumericDates, in order", where);
		goto out;
	}
	key = cJSON_CreateObject();
	rc = MCK_ISSUE_INPUT;
	if (key == NULL || cJSON_AddStringToObject(key, "kid", kid) == NULL ||
	    !mck_issue_jwk_members(key, &raw) ||
	    (has[0] == 1 && cJSON_AddNumberToObject(key, "notBefore", (double)t[0]) == NULL) ||
	    (has[1] == 1 && cJSON_AddNumberToObject(key, "notAfter", (double)t[1]) == NULL)) {
		mck_issue_fail(MCK_ISSUE_INPUT, "%s: out of memory", where);
		goto out;
	}
	*out = key;
	key = NULL;
	rc = MCK_ISSUE_OK;
out:
	cJSON_Delete(key);
	cJSON_Delete(file);
	return rc;
}

static int resolve_issuers(cJSON *root, const char *path)
{
	char dir[PATH_MAX];
	char where[PATH_MAX + 160];
	const cJSON *issuers;
	cJSON *is;
	size_t i = 0;

	dir_of(path, dir, sizeof(dir));
	if (mck_json_array(root, "issuers", &issuers) != 1) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: issuers missing or not an array", path);
	}
	cJSON_ArrayForEach(is, issuers) {
		const cJSON *typed;
		cJSON *keys;
		const char *id = "?";
		cJSON *entry;
		cJSON *next;
		size_t k = 0;

		i++;
		if (!cJSON_IsObject(is) || mck_json_string(is, "id", &id) != 1 ||
		    mck_json_array(is, "keys", &typed) != 1) {
			return mck_issue_fail(MCK_ISSUE_INPUT,
					      "%s: issuer #%zu needs an id string and a keys array",
					      path, i);
		}
		keys = cJSON_GetObjectItemCaseSensitive(is, "keys");
		/* cJSON_ArrayForEach would follow the replaced item: walk by hand. */
		for (entry = keys->child; entry != NULL; entry = next) {
			cJSON *key;
			int rc;

			next = entry->next;
			k++;
			snprintf(where, sizeof(where), "%s: issuer \"%.80s\" key #%zu", path, id,
				 k);
			rc = resolve_key(entry, dir, where, &key);
			if (rc != MCK_ISSUE_OK) {
				return rc;
			}
			cJSON_ReplaceItemViaPointer(keys, entry, key);
		}
	}
	return MCK_ISSUE_OK;
}

/* type, version, sequence, iat, nextUpdate: defaults and the loader's rules. */
static int fill_header_members(cJSON *root, const char *path)
{
	const char *type;
	int64_t v;
	int64_t iat;
	int64_t next;
	int rc;

	rc = mck_json_string(root, "type", &type);
	if (rc < 0 || (rc == 1 && strcmp(type, TRUSTLIST_TYPE) != 0)) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: type must be \"%s\"", path,
				      TRUSTLIST_TYPE);
	}
	if (rc == 0 && cJSON_AddStringToObject(root, "type", TRUSTLIST_TYPE) == NULL) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: out of memory", path);
	}
	rc = mck_json_int(root, "version", TRUSTLIST_VERSION, TRUSTLIST_VERSION, &v);
	if (rc < 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: version must be %d", path,
				      TRUSTLIST_VERSION);
	}
	if (rc == 0 && cJSON_AddNumberToObject(root, "version", TRUSTLIST_VERSION) == NULL) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: out of memory", path);
	}
	if (mck_json_int(root, "sequence", 1, MCK_TIME_MAX, &v) != 1) {
		return mck_issue_fail(
			MCK_ISSUE_INPUT,
			"%s: sequence must be an integer >= 1, raised with every list", path);
	}
	rc = mck_json_time(root, "iat", &iat);
	if (rc == 0) {
		iat = mck_issue_now();
		if (cJSON_AddNumberToObject(root, "iat", (double)iat) == NULL) {
			return mck_issue_fail(MCK_ISSUE_INPUT, "%s: out of memory", path);
		}
	}
	if (rc < 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: iat is not a NumericDate", path);
	}
	rc = mck_json_time(root, "nextUpdate", &next);
	if (rc == 0) {
		next = iat + TRUSTLIST_PERIOD;
		if (cJSON_AddNumberToObject(root, "nextUpdate", (double)next) == NULL) {
			return mck_issue_fail(MCK_ISSUE_INPUT, "%s: out of memory", path);
		}
	}
	if (rc < 0 || next <= iat) {
		return mck_issue_fail(MCK_ISSUE_INPUT,
				      "%s: nextUpdate must be a NumericDate after iat", path);
	}
	return MCK_ISSUE_OK;
}

/* Load the signed list as a kiosk would, with the signer as its only anchor. */
static int self_check(const struct mck_privkey *key, const char *jws, size_t len, const char *path)
{
	struct mck_anchors *anchors = mck_anchors_create();
	struct mck_trustlist *tl = NULL;
	char pem[MCK_ISSUE_PEM_MAX];
	char msg[256];
	int rc = MCK_ISSUE_INPUT;

	if (anchors == NULL || mck_privkey_public_pem(key, pem, sizeof(pem)) != MCK_OK ||
	    mck_anchors_add_pem(anchors, pem, strlen(pem)) != MCK_OK) {
		mck_issue_fail(MCK_ISSUE_INPUT, "%s: cannot check the signed list", path);
	} else if (mck_trustlist_load(&tl, anchors, jws, len, msg, sizeof(msg)) != MCK_OK) {
		mck_issue_fail(MCK_ISSUE_INPUT, "%s: a kiosk would reject this list: %s", path,
			       msg);
	} else {
		rc = MCK_ISSUE_OK;
	}
	mck_trustlist_destroy(tl);
	mck_anchors_destroy(anchors);
	return rc;
}

int mck_issue_trustlist_main(int argc, char **argv)
{
	struct mck_issue_jws_opts o = {.zip = true};
	const char *key_path = NULL;
	const char *alg_name = NULL;
	const char *path = NULL;
	struct mck_privkey *key = NULL;
	cJSON *root = NULL;
	char *payload = NULL;
	char *jws = NULL;
	size_t jwslen = 0;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			trustlist_usage(stdout);
			return MCK_ISSUE_OK;
		} else if (strcmp(a, "--no-zip") == 0) {
			o.zip = false;
		} else if (strcmp(a, "--key") == 0 && i + 1 < argc) {
			key_path = argv[++i];
		} else if (strcmp(a, "--alg") == 0 && i + 1 < argc) {
			alg_name = argv[++i];
		} else if ((a[0] != '-' || strcmp(a, "-") == 0) && path == NULL) {
			path = a;
		} else {
			trustlist_usage(stderr);
			return mck_issue_fail(MCK_ISSUE_USAGE, "trustlist: unexpected \"%.40s\"",
					      a);
		}
	}
	if (key_path == NULL || path == NULL) {
		trustlist_usage(stderr);
		return mck_issue_fail(MCK_ISSUE_USAGE,
				      "trustlist: needs --key ANCHOR.key.pem and DESCRIPTION.json");
	}
	rc = mck_issue_load_key(key_path, &key);
	if (rc == MCK_ISSUE_OK && mck_privkey_type(key) == MCK_KEY_RSA) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT,
				    "%s: an RSA key; trust lists are signed with EC P-256 or P-384 "
				    "anchor keys",
				    key_path);
	}
	if (rc == MCK_ISSUE_OK) {
		rc = mck_issue_pick_alg(key, key_path, alg_name, &o.alg);
	}
	if (rc == MCK_ISSUE_OK) {
		rc = mck_issue_read_json(path, MCK_ISSUE_JSON_FILE_MAX, &root);
	}
	if (rc != MCK_ISSUE_OK) {
		goto out;
	}
	if (!cJSON_IsObject(root)) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "%s: a trust list is a JSON object", path);
		goto out;
	}
	rc = fill_header_members(root, path);
	if (rc == MCK_ISSUE_OK) {
		rc = resolve_issuers(root, path);
	}
	if (rc != MCK_ISSUE_OK) {
		goto out;
	}
	payload = cJSON_PrintUnformatted(root);
	if (payload == NULL) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "%s: out of memory", path);
		goto out;
	}
	rc = mck_issue_sign_json(key, &o, payload, path, &jws, &jwslen);
	if (rc == MCK_ISSUE_OK) {
		rc = self_check(key, jws, jwslen, path);
	}
	if (rc == MCK_ISSUE_OK && (puts(jws) < 0 || fflush(stdout) != 0)) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "standard output: %s", strerror(errno));
	}
out:
	free(jws);
	free(payload);
	cJSON_Delete(root);
	mck_privkey_destroy(key);
	return rc;
}

/* ---- statuslist ---- */

static void statuslist_usage(FILE *f)
{
	fputs("usage: mcissue statuslist --key ISSUER.key.pem --iss ID --id LIST_ID\n"
	      "                          [--size BITS] [--revoke IDX[,IDX...]]... [--exp UNIX]\n"
	      "                          [--iat UNIX] [--alg ES256|ES384|RS256|PS256]\n"
	      "Signs a W3C Bitstring Status List (trust-list.md §4): BITS entries (default\n"
	      "131072, a multiple of 8), the --revoke indices set, GZIP, iat now\n"
	      "unless --iat says otherwise (a kiosk refuses one after its trust list's\n"
	      "nextUpdate).\n",
	      f);
}

/* Set the bits one --revoke value names ("7" or "7,12,4711"). */
static int set_bits(uint8_t *bits, uint64_t size, const char *list)
{
	char buf[32];

	for (const char *p = list;;) {
		size_t n = strcspn(p, ",");
		int64_t idx;

		if (n == 0 || n >= sizeof(buf)) {
			return mck_issue_fail(MCK_ISSUE_USAGE,
					      "statuslist: --revoke \"%.40s\" is "
					      "not a list of indices",
					      list);
		}
		memcpy(buf, p, n);
		buf[n] = '\0';
		if (!mck_issue_parse_int(buf, 0, (int64_t)size - 1, &idx)) {
			return mck_issue_fail(MCK_ISSUE_USAGE,
					      "statuslist: --revoke index \"%s\" is not 0..%llu",
					      buf, (unsigned long long)size - 1);
		}
		/* Index 0 is the most significant bit of the first byte. */
		bits[idx / 8] |= (uint8_t)(0x80u >> (idx % 8));
		p += n;
		if (*p == '\0') {
			return MCK_ISSUE_OK;
		}
		p++;
	}
}

/* "u" + base64url(gzip(bits)): the multibase encodedList. */
static char *encode_list(const uint8_t *bits, size_t nbytes)
{
	uint8_t *z = NULL;
	size_t zlen = 0;
	size_t cap;
	char *text = NULL;

	if (mck_deflate(MCK_INFLATE_GZIP, bits, nbytes, &z, &zlen) != MCK_OK) {
		return NULL;
	}
	cap = mck_b64url_encoded_len(zlen) + 2;
	text = malloc(cap);
	if (text != NULL) {
		text[0] = 'u';
		if (mck_b64url_encode(z, zlen, text + 1, cap - 1) != MCK_OK) {
			free(text);
			text = NULL;
		}
	}
	free(z);
	return text;
}

static char *status_payload(const char *iss, const char *id, int64_t iat, int64_t exp, bool has_exp,
			    const char *encoded)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *vc;
	cJSON *subject;
	cJSON *type;
	char *text = NULL;
	bool ok;

	ok = root != NULL && cJSON_AddStringToObject(root, "iss", iss) != NULL &&
	     cJSON_AddNumberToObject(root, "iat", (double)iat) != NULL &&
	     (!has_exp || cJSON_AddNumberToObject(root, "exp", (double)exp) != NULL) &&
	     (vc = cJSON_AddObjectToObject(root, "vc")) != NULL &&
	     cJSON_AddStringToObject(vc, "id", id) != NULL &&
	     (type = cJSON_AddArrayToObject(vc, "type")) != NULL &&
	     cJSON_AddItemToArray(type, cJSON_CreateString("VerifiableCredential")) &&
	     cJSON_AddItemToArray(type, cJSON_CreateString("BitstringStatusListCredential")) &&
	     (subject = cJSON_AddObjectToObject(vc, "credentialSubject")) != NULL &&
	     cJSON_AddStringToObject(subject, "type", "BitstringStatusList") != NULL &&
	     cJSON_AddStringToObject(subject, "statusPurpose", "revocation") != NULL &&
	     cJSON_AddStringToObject(subject, "encodedList", encoded) != NULL;
	if (ok) {
		text = cJSON_PrintUnformatted(root);
	}
	cJSON_Delete(root);
	return text;
}

int mck_issue_statuslist_main(int argc, char **argv)
{
	struct mck_issue_jws_opts o = {.zip = false};
	const char *key_path = NULL;
	const char *alg_name = NULL;
	const char *iss = NULL;
	const char *id = NULL;
	const char *revoke[STATUS_REVOKE_ARGS];
	size_t nrevoke = 0;
	int64_t size = STATUS_BITS_DEFAULT;
	int64_t exp = 0;
	int64_t iat = mck_issue_now();
	bool has_exp = false;
	struct mck_privkey *key = NULL;
	uint8_t *bits = NULL;
	char *encoded = NULL;
	char *payload = NULL;
	char *jws = NULL;
	size_t jwslen = 0;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			statuslist_usage(stdout);
			return MCK_ISSUE_OK;
		} else if (v == NULL) {
			statuslist_usage(stderr);
			return mck_issue_fail(MCK_ISSUE_USAGE,
					      "statuslist: %.40s needs a value (or is unknown)", a);
		} else if (strcmp(a, "--key") == 0) {
			key_path = v;
		} else if (strcmp(a, "--alg") == 0) {
			alg_name = v;
		} else if (strcmp(a, "--iss") == 0) {
			iss = v;
		} else if (strcmp(a, "--id") == 0) {
			id = v;
		} else if (strcmp(a, "--size") == 0) {
			if (!mck_issue_parse_int(v, STATUS_BITS_DEFAULT,
						 (int64_t)MCK_STATUS_MAX_BYTES * 8, &size) ||
			    size % 8 != 0) {
				return mck_issue_fail(MCK_ISSUE_USAGE,
						      "statuslist: --size is a multiple of 8 from "
						      "%u to %llu",
						      STATUS_BITS_DEFAULT,
						      (unsigned long long)MCK_STATUS_MAX_BYTES * 8);
			}
		} else if (strcmp(a, "--revoke") == 0) {
			if (nrevoke >= STATUS_REVOKE_ARGS) {
				return mck_issue_fail(MCK_ISSUE_USAGE,
						      "statuslist: more than %d --revoke options; "
						      "use comma-separated lists",
						      STATUS_REVOKE_ARGS);
			}
			revoke[nrevoke++] = v;
		} else if (strcmp(a, "--iat") == 0) {
			if (!mck_issue_parse_int(v, 0, MCK_TIME_MAX, &iat)) {
				return mck_issue_fail(MCK_ISSUE_USAGE,
						      "statuslist: --iat is Unix seconds");
			}
		} else if (strcmp(a, "--exp") == 0) {
			if (!mck_issue_parse_int(v, 0, MCK_TIME_MAX, &exp)) {
				return mck_issue_fail(MCK_ISSUE_USAGE,
						      "statuslist: --exp is Unix seconds");
			}
			has_exp = true;
		} else {
			statuslist_usage(stderr);
			return mck_issue_fail(MCK_ISSUE_USAGE, "statuslist: unexpected \"%.40s\"",
					      a);
		}
		i++;
	}
	if (key_path == NULL || iss == NULL || id == NULL || iss[0] == '\0' || id[0] == '\0') {
		statuslist_usage(stderr);
		return mck_issue_fail(MCK_ISSUE_USAGE,
				      "statuslist: needs --key ISSUER.key.pem, --iss ID and --id "
				      "LIST_ID");
	}
	bits = calloc((size_t)size / 8, 1);
	if (bits == NULL) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "statuslist: out of memory");
	}
	rc = MCK_ISSUE_OK;
	for (size_t i = 0; rc == MCK_ISSUE_OK && i < nrevoke; i++) {
		rc = set_bits(bits, (uint64_t)size, revoke[i]);
	}
	if (rc == MCK_ISSUE_OK) {
		rc = mck_issue_load_key(key_path, &key);
	}
	if (rc == MCK_ISSUE_OK) {
		rc = mck_issue_pick_alg(key, key_path, alg_name, &o.alg);
	}
	if (rc != MCK_ISSUE_OK) {
		goto out;
	}
	if (has_exp && exp <= mck_issue_now()) {
		mck_issue_warn("--exp is in the past: kiosks will report revocation_list_stale");
	}
	encoded = encode_list(bits, (size_t)size / 8);
	payload = encoded != NULL ? status_payload(iss, id, iat, exp, has_exp, encoded) : NULL;
	if (payload == NULL) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "statuslist: out of memory");
		goto out;
	}
	rc = mck_issue_sign_json(key, &o, payload, "statuslist", &jws, &jwslen);
	if (rc == MCK_ISSUE_OK && (puts(jws) < 0 || fflush(stdout) != 0)) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "standard output: %s", strerror(errno));
	}
out:
	free(jws);
	free(payload);
	free(encoded);
	free(bits);
	mck_privkey_destroy(key);
	return rc;
}
