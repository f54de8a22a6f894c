/*
 * mcissue: the issuer's side of MC1 — keys, signed credentials as QR texts and
 * PNG images, trust lists and status lists. A thin program over the core's
 * public API (crypto.h is its only way to keys); never installed on a kiosk.
 * Subcommands are a table, as in wireguard-tools' wg.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "issue_common.h"
#include "issue_publish.h"
#include "issue_qr.h"
#include "mck/err.h"
#include "mck/io.h"
#include "mck/json.h"
#include "mck/jwk.h"
#include "mck/jws_sign.h"
#include "mck/qrtext.h"

/* Largest payload a verifier inflates (credential-format.md §2). */
#define PAYLOAD_VERIFIER_MAX 65536
/* mcissue qr reads its text from standard input up to this much. */
#define QR_STDIN_MAX         ((size_t)MCK_CHUNKS_MAX * (MCK_QRTEXT_MAX + 2))

/* ---- keygen ---- */

static void keygen_usage(FILE *f)
{
	fputs("usage: mcissue keygen --type p256|p384|rsa2048 --out PREFIX\n"
	      "Writes PREFIX.key.pem (private, mode 0600, never overwritten) and\n"
	      "PREFIX.jwk.json (public JWK with its RFC 7638 kid); prints the kid.\n",
	      f);
}

static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			return -errno;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Create @p path (it must not exist) with @p mode and write @p len bytes, durably. */
static int create_file(const char *path, mode_t mode, const char *buf, size_t len)
{
	int fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOCTTY, mode);
	int rc;

	if (fd < 0) {
		return -errno;
	}
	rc = write_all(fd, buf, len);
	if (rc == 0 && fsync(fd) != 0) {
		rc = -errno;
	}
	if (close(fd) != 0 && rc == 0) {
		rc = -errno;
	}
	if (rc != 0) {
		unlink(path);
	}
	return rc;
}

static char *public_jwk_text(const struct mck_privkey *key, char kid[MCK_KID_LEN + 1])
{
	struct mck_key_raw raw;
	cJSON *jwk = cJSON_CreateObject();
	char *text = NULL;
	char *line = NULL;

	if (jwk != NULL && mck_privkey_export_public(key, &raw) == MCK_OK) {
		mck_issue_kid(&raw, kid);
		if (cJSON_AddStringToObject(jwk, "kid", kid) != NULL &&
		    mck_issue_jwk_members(jwk, &raw)) {
			text = cJSON_Print(jwk);
		}
	}
	cJSON_Delete(jwk);
	/* A text file ends with a newline. */
	if (text != NULL) {
		line = realloc(text, strlen(text) + 2);
		if (line == NULL) {
			free(text);
			return NULL;
		}
		strcat(line, "\n");
	}
	return line;
}

static int keygen_main(int argc, char **argv)
{
	static const struct {
		const char *name;
		enum mck_key_type type;
	} types[] = {
		{"p256", MCK_KEY_EC_P256},
		{"p384", MCK_KEY_EC_P384},
		{"rsa2048", MCK_KEY_RSA},
	};
	const char *type_name = NULL;
	const char *prefix = NULL;
	enum mck_key_type type = 0;
	struct mck_privkey *key = NULL;
	char key_path[PATH_MAX];
	char jwk_path[PATH_MAX];
	char pem[MCK_ISSUE_PEM_MAX];
	char kid[MCK_KID_LEN + 1];
	char *jwk = NULL;
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			keygen_usage(stdout);
			return MCK_ISSUE_OK;
		} else if (strcmp(argv[i], "--type") == 0 && i + 1 < argc) {
			type_name = argv[++i];
		} else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
			prefix = argv[++i];
		} else {
			keygen_usage(stderr);
			return mck_issue_fail(MCK_ISSUE_USAGE, "keygen: unexpected \"%.40s\"",
					      argv[i]);
		}
	}
	for (size_t i = 0; type_name != NULL && i < sizeof(types) / sizeof(types[0]); i++) {
		if (strcmp(type_name, types[i].name) == 0) {
			type = types[i].type;
		}
	}
	if (type == 0 || prefix == NULL || prefix[0] == '\0') {
		keygen_usage(stderr);
		return mck_issue_fail(MCK_ISSUE_USAGE, "keygen: needs --type p256|p384|rsa2048 "
						       "and --out PREFIX");
	}
	if (snprintf(key_path, sizeof(key_path), "%s.key.pem", prefix) >= (int)sizeof(key_path) ||
	    snprintf(jwk_path, sizeof(jwk_path), "%s.jwk.json", prefix) >= (int)sizeof(jwk_path)) {
		return mck_issue_fail(MCK_ISSUE_USAGE, "keygen: --out prefix too long");
	}
	/* Cheap early refusal; O_EXCL below is what really guards the files. */
	if (access(key_path, F_OK) == 0 || access(jwk_path, F_OK) == 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "%s: exists; refusing to overwrite a key",
				      access(key_path, F_OK) == 0 ? key_path : jwk_path);
	}
	rc = mck_privkey_generate(&key, type);
	if (rc != MCK_OK) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "keygen: %s", mck_strerror(rc));
	}
	rc = mck_privkey_to_pem(key, pem, sizeof(pem));
	jwk = rc == MCK_OK ? public_jwk_text(key, kid) : NULL;
	if (jwk == NULL) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "keygen: cannot encode the key");
		goto out;
	}
	rc = create_file(key_path, 0600, pem, strlen(pem));
	if (rc != 0) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "%s: %s%s", key_path, strerror(-rc),
				    rc == -EEXIST ? "; refusing to overwrite a key" : "");
		goto out;
	}
	rc = create_file(jwk_path, 0644, jwk, strlen(jwk));
	if (rc != 0) {
		unlink(key_path); /* ours: O_EXCL made it */
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "%s: %s", jwk_path, strerror(-rc));
		goto out;
	}
	printf("%s\n", kid);
	rc = MCK_ISSUE_OK;
out:
	mck_zeroize(pem, sizeof(pem));
	free(jwk);
	mck_privkey_destroy(key);
	return rc;
}

/* ---- sign ---- */

static void sign_usage(FILE *f)
{
	fputs("usage: mcissue sign --key KEY.pem [--alg ES256|ES384|RS256|PS256]\n"
	      "                    [--form compact|plain|chunked:N] [--no-zip]\n"
	      "                    [--kid-header|--jwk-header] CREDENTIAL.json|-\n"
	      "Signs a credential (its \"nbf\" is set to now when absent, unless a bare VC 2.0\n"
	      "credential has \"validFrom\") and prints its QR\n"
	      "text(s), one per line. Default: the key's alg, compact form, DEFLATE.\n",
	      f);
}

enum form { FORM_COMPACT, FORM_PLAIN, FORM_CHUNKED };

/* The QR texts of one JWS. texts[] gets @p n new strings (caller frees). */
static int make_texts(const char *jws, size_t len, enum form form, unsigned n, char **texts)
{
	int rc = MCK_OK;

	if (form == FORM_PLAIN) {
		texts[0] = strdup(jws);
		return texts[0] != NULL ? MCK_OK : MCK_ERR_NOMEM;
	}
	for (unsigned i = 0; i < n && rc == MCK_OK; i++) {
		rc = mck_qrtext_encode(jws, len, form == FORM_CHUNKED ? i + 1 : 0,
				       form == FORM_CHUNKED ? n : 0, &texts[i]);
	}
	return rc;
}

static void free_texts(char **texts, unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		free(texts[i]);
		texts[i] = NULL;
	}
}

/* Whether a text can be one QR code that a verifier accepts. */
static bool text_fits(const char *text)
{
	size_t len = strlen(text);

	return len <= MCK_QRTEXT_MAX && mck_issue_qr_fits(text, len, QR_ECLEVEL_L);
}

/* The fewest chunks (2..9) whose every code fits, or 0 when none does. */
static unsigned chunks_needed(const char *jws, size_t len)
{
	char *texts[MCK_CHUNKS_MAX] = {NULL};

	for (unsigned n = 2; n <= MCK_CHUNKS_MAX; n++) {
		bool fits = make_texts(jws, len, FORM_CHUNKED, n, texts) == MCK_OK;

		for (unsigned i = 0; fits && i < n; i++) {
			fits = text_fits(texts[i]);
		}
		free_texts(texts, n);
		if (fits) {
			return n;
		}
	}
	return 0;
}

static int parse_form(const char *s, enum form *form, unsigned *n)
{
	int64_t v;

	*n = 1;
	if (strcmp(s, "compact") == 0) {
		*form = FORM_COMPACT;
	} else if (strcmp(s, "plain") == 0) {
		*form = FORM_PLAIN;
	} else if (strncmp(s, "chunked:", 8) == 0 &&
		   mck_issue_parse_int(s + 8, 1, MCK_CHUNKS_MAX, &v)) {
		*form = FORM_CHUNKED;
		*n = (unsigned)v;
	} else {
		return -1;
	}
	return 0;
}

/*
 * The payload: the credential as given, unformatted, with "nbf" when absent, unless
 * it is a bare VC 2.0 credential that dates itself with "validFrom" (the
 * verifier reads a top-level nbf first, so adding one would replace that date).
 */
static char *credential_payload(cJSON *cred, const char *path)
{
	int64_t nbf;
	int rc = mck_json_time(cred, "nbf", &nbf);
	const char *valid_from;

	if (rc == 0 && cJSON_GetObjectItemCaseSensitive(cred, "vc") == NULL &&
	    mck_json_string(cred, "validFrom", &valid_from) == 1) {
		return cJSON_PrintUnformatted(cred);
	}

	if (rc < 0) {
		mck_issue_fail(MCK_ISSUE_INPUT, "%s: nbf is not a NumericDate (integer seconds)",
			       path);
		return NULL;
	}
	if (rc == 0 && cJSON_AddNumberToObject(cred, "nbf", (double)mck_issue_now()) == NULL) {
		mck_issue_fail(MCK_ISSUE_INPUT, "%s: out of memory", path);
		return NULL;
	}
	return cJSON_PrintUnformatted(cred);
}

static int check_texts(const char *path, const char *jws, size_t jwslen, enum form form, unsigned n,
		       char **texts)
{
	unsigned need;

	for (unsigned i = 0; i < n; i++) {
		if (text_fits(texts[i])) {
			continue;
		}
		need = chunks_needed(jws, jwslen);
		if (need == 0 || (form == FORM_CHUNKED && need <= n)) {
			return mck_issue_fail(
				MCK_ISSUE_INPUT,
				"%s: the JWS is %zu characters, too large even for %d "
				"chunks; shorten the credential or keep DEFLATE on",
				path, jwslen, MCK_CHUNKS_MAX);
		}
		if (form == FORM_CHUNKED) {
			return mck_issue_fail(
				MCK_ISSUE_INPUT,
				"%s: chunk %u of %u (%zu characters) does not fit one "
				"QR code; use --form chunked:%u",
				path, i + 1, n, strlen(texts[i]), need);
		}
		return mck_issue_fail(MCK_ISSUE_INPUT,
				      "%s: the %s text (%zu characters) does not fit one QR code "
				      "(at most %s at ECC L); use --form chunked:%u",
				      path, form == FORM_PLAIN ? "plain" : "compact",
				      strlen(texts[i]),
				      form == FORM_PLAIN ? "2953 bytes" : "7075 digits", need);
	}
	return MCK_ISSUE_OK;
}

static int sign_main(int argc, char **argv)
{
	struct mck_issue_jws_opts o = {.zip = true};
	const char *key_path = NULL;
	const char *alg_name = NULL;
	const char *path = NULL;
	enum form form = FORM_COMPACT;
	unsigned n = 1;
	struct mck_privkey *key = NULL;
	cJSON *cred = NULL;
	char *payload = NULL;
	char *jws = NULL;
	size_t jwslen = 0;
	char *texts[MCK_CHUNKS_MAX] = {NULL};
	int header_flags = 0;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			sign_usage(stdout);
			return MCK_ISSUE_OK;
		} else if (strcmp(a, "--no-zip") == 0) {
			o.zip = false;
		} else if (strcmp(a, "--kid-header") == 0 || strcmp(a, "--jwk-header") == 0) {
			o.jwk_header = a[2] == 'j';
			header_flags++;
		} else if (strcmp(a, "--key") == 0 && v != NULL) {
			key_path = argv[++i];
		} else if (strcmp(a, "--alg") == 0 && v != NULL) {
			alg_name = argv[++i];
		} else if (strcmp(a, "--form") == 0 && v != NULL) {
			if (parse_form(argv[++i], &form, &n) != 0) {
				return mck_issue_fail(
					MCK_ISSUE_USAGE,
					"sign: --form \"%.20s\" is not compact, plain "
					"or chunked:1..9",
					v);
			}
		} else if ((a[0] != '-' || strcmp(a, "-") == 0) && path == NULL) {
			path = a;
		} else {
			sign_usage(stderr);
			return mck_issue_fail(MCK_ISSUE_USAGE, "sign: unexpected \"%.40s\"", a);
		}
	}
	if (key_path == NULL || path == NULL || header_flags > 1) {
		sign_usage(stderr);
		return mck_issue_fail(MCK_ISSUE_USAGE,
				      header_flags > 1
					      ? "sign: give one of --kid-header and --jwk-header"
					      : "sign: needs --key KEY.pem and a CREDENTIAL.json");
	}
	rc = mck_issue_load_key(key_path, &key);
	if (rc == MCK_ISSUE_OK) {
		rc = mck_issue_pick_alg(key, key_path, alg_name, &o.alg);
	}
	if (rc == MCK_ISSUE_OK) {
		rc = mck_issue_read_json(path, MCK_ISSUE_JSON_FILE_MAX, &cred);
	}
	if (rc != MCK_ISSUE_OK) {
		goto out;
	}
	if (strcmp(path, "-") == 0) {
		path = "standard input"; /* for messages */
	}
	if (!cJSON_IsObject(cred)) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "%s: a credential is a JSON object", path);
		goto out;
	}
	payload = credential_payload(cred, path);
	if (payload == NULL) {
		rc = MCK_ISSUE_INPUT;
		goto out;
	}
	if (strlen(payload) > PAYLOAD_VERIFIER_MAX) {
		mck_issue_warn("%s: payload is %zu bytes; verifiers refuse more than %d "
			       "(payload_too_large)",
			       path, strlen(payload), PAYLOAD_VERIFIER_MAX);
	}
	rc = mck_issue_sign_json(key, &o, payload, path, &jws, &jwslen);
	if (rc != MCK_ISSUE_OK) {
		goto out;
	}
	if (make_texts(jws, jwslen, form, n, texts) != MCK_OK) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "%s: cannot encode the QR text", path);
		goto out;
	}
	rc = check_texts(path, jws, jwslen, form, n, texts);
	for (unsigned i = 0; rc == MCK_ISSUE_OK && i < n; i++) {
		puts(texts[i]);
	}
	if (rc == MCK_ISSUE_OK && fflush(stdout) != 0) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "standard output: %s", strerror(errno));
	}
out:
	free_texts(texts, n);
	free(jws);
	free(payload);
	cJSON_Delete(cred);
	mck_privkey_destroy(key);
	return rc;
}

/* ---- qr ---- */

static void qr_usage(FILE *f)
{
	fputs("usage: mcissue qr [--ecc L|M|Q|H] [--scale N] --out FILE.png (TEXT... | -)\n"
	      "Renders QR texts (\"-\": each line of standard input) as one PNG, the codes\n"
	      "side by side (all chunks of a credential in one picture): 8-bit grey,\n"
	      "4-module quiet zones, N pixels per module (default 4), ECC M.\n",
	      f);
}

static int parse_ecc(const char *s, QRecLevel *level)
{
	static const char names[] = "LMQH";
	static const QRecLevel levels[] = {QR_ECLEVEL_L, QR_ECLEVEL_M, QR_ECLEVEL_Q, QR_ECLEVEL_H};
	const char *at = strchr(names, s[0]);

	if (s[0] == '\0' || s[1] != '\0' || at == NULL) {
		return -1;
	}
	*level = levels[at - names];
	return 0;
}

/* Split standard input into its non-empty lines (at most MCK_CHUNKS_MAX). */
static int qr_stdin(char **buf, const char **texts, size_t *lens, size_t *count)
{
	size_t n;
	int rc = mck_io_read_stream(STDIN_FILENO, QR_STDIN_MAX, buf, &n);

	if (rc != 0) {
		return mck_issue_fail(MCK_ISSUE_INPUT, "standard input: %s",
				      rc == -EFBIG ? "too long for QR texts" : strerror(-rc));
	}
	char *cursor = *buf;

	for (char *line; (line = mck_io_next_line(&cursor, &n)) != NULL;) {
		if (*count >= MCK_CHUNKS_MAX) {
			return mck_issue_fail(MCK_ISSUE_INPUT, "qr: more than %d texts",
					      MCK_CHUNKS_MAX);
		}
		texts[*count] = line;
		lens[(*count)++] = n;
	}
	return MCK_ISSUE_OK;
}

/* One code for one text, or a one-line reason. */
static QRcode *qr_encode_one(const char *text, size_t len, QRecLevel level, int *rc)
{
	QRcode *code;

	if (len == 0 || len > MCK_QRTEXT_MAX) {
		*rc = mck_issue_fail(MCK_ISSUE_INPUT, "qr: the text is %zu characters (1..%d)", len,
				     MCK_QRTEXT_MAX);
		return NULL;
	}
	code = mck_issue_qr_encode(text, len, level);
	if (code != NULL) {
		return code;
	}
	if (errno != ERANGE) {
		*rc = mck_issue_fail(MCK_ISSUE_INPUT, "qr: cannot encode the text: %s",
				     strerror(errno));
	} else if (level != QR_ECLEVEL_L) {
		*rc = mck_issue_fail(MCK_ISSUE_INPUT,
				     "qr: %zu characters do not fit one QR code at ECC %c; "
				     "try a lower --ecc",
				     len, "LMQH"[level]);
	} else {
		*rc = mck_issue_fail(MCK_ISSUE_INPUT,
				     "qr: %zu characters do not fit one QR code; sign with "
				     "--form chunked:N",
				     len);
	}
	return NULL;
}

static int qr_main(int argc, char **argv)
{
	QRecLevel level = QR_ECLEVEL_M;
	int64_t scale = MCK_ISSUE_QR_SCALE;
	const char *out = NULL;
	const char *texts[MCK_CHUNKS_MAX];
	size_t lens[MCK_CHUNKS_MAX];
	QRcode *codes[MCK_CHUNKS_MAX] = {NULL};
	size_t count = 0;
	bool from_stdin = false;
	char *buf = NULL;
	char msg[256];
	int rc = MCK_ISSUE_OK;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			qr_usage(stdout);
			return MCK_ISSUE_OK;
		} else if (strcmp(a, "--ecc") == 0 && v != NULL) {
			if (parse_ecc(argv[++i], &level) != 0) {
				return mck_issue_fail(MCK_ISSUE_USAGE, "qr: --ecc is L, M, Q or H");
			}
		} else if (strcmp(a, "--scale") == 0 && v != NULL) {
			if (!mck_issue_parse_int(argv[++i], 1, MCK_ISSUE_QR_SCALE_MAX, &scale)) {
				return mck_issue_fail(MCK_ISSUE_USAGE, "qr: --scale is 1..%d",
						      MCK_ISSUE_QR_SCALE_MAX);
			}
		} else if (strcmp(a, "--out") == 0 && v != NULL) {
			out = argv[++i];
		} else if (strcmp(a, "-") == 0 && count == 0 && !from_stdin) {
			from_stdin = true;
		} else if (a[0] != '-' && !from_stdin && count < MCK_CHUNKS_MAX) {
			texts[count] = a;
			lens[count++] = strlen(a);
		} else {
			qr_usage(stderr);
			return mck_issue_fail(MCK_ISSUE_USAGE, "qr: unexpected \"%.40s\"", a);
		}
	}
	if (out == NULL || (count == 0 && !from_stdin)) {
		qr_usage(stderr);
		return mck_issue_fail(MCK_ISSUE_USAGE, "qr: needs --out FILE.png and a TEXT");
	}
	if (from_stdin) {
		rc = qr_stdin(&buf, texts, lens, &count);
		if (rc == MCK_ISSUE_OK && count == 0) {
			rc = mck_issue_fail(MCK_ISSUE_INPUT, "qr: standard input holds no text");
		}
	}
	for (size_t i = 0; rc == MCK_ISSUE_OK && i < count; i++) {
		codes[i] = qr_encode_one(texts[i], lens[i], level, &rc);
	}
	if (rc == MCK_ISSUE_OK &&
	    mck_issue_qr_write_png((const QRcode *const *)codes, count, (unsigned)scale, out, msg,
				   sizeof(msg)) != 0) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "%s: %s", out, msg);
	}
	for (size_t i = 0; i < count; i++) {
		QRcode_free(codes[i]);
	}
	free(buf);
	return rc;
}

/* ---- anchor ---- */

static void anchor_usage(FILE *f)
{
	fputs("usage: mcissue anchor --key ANCHOR.key.pem\n"
	      "Prints the public key (PEM SubjectPublicKeyInfo) for a kiosk's anchors\n"
	      "directory. Trust anchors are EC P-256 or P-384 keys.\n",
	      f);
}

static int anchor_main(int argc, char **argv)
{
	const char *key_path = NULL;
	struct mck_privkey *key = NULL;
	char pem[MCK_ISSUE_PEM_MAX];
	int rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			anchor_usage(stdout);
			return MCK_ISSUE_OK;
		} else if (strcmp(argv[i], "--key") == 0 && i + 1 < argc) {
			key_path = argv[++i];
		} else {
			anchor_usage(stderr);
			return mck_issue_fail(MCK_ISSUE_USAGE, "anchor: unexpected \"%.40s\"",
					      argv[i]);
		}
	}
	if (key_path == NULL) {
		anchor_usage(stderr);
		return mck_issue_fail(MCK_ISSUE_USAGE, "anchor: needs --key ANCHOR.key.pem");
	}
	rc = mck_issue_load_key(key_path, &key);
	if (rc != MCK_ISSUE_OK) {
		return rc;
	}
	if (mck_privkey_type(key) == MCK_KEY_RSA) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT,
				    "%s: an RSA key; trust anchors are EC P-256 or P-384 keys",
				    key_path);
	} else if (mck_privkey_public_pem(key, pem, sizeof(pem)) != MCK_OK) {
		rc = mck_issue_fail(MCK_ISSUE_INPUT, "%s: cannot encode the public key", key_path);
	} else {
		fputs(pem, stdout);
		rc = MCK_ISSUE_OK;
	}
	mck_privkey_destroy(key);
	return rc;
}

/* ---- the table ---- */

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *description;
} subcommands[] = {
	{"keygen", keygen_main, "Generates a signing key pair (PEM private key, public JWK)"},
	{"sign", sign_main, "Signs a credential and prints its QR text(s)"},
	{"qr", qr_main, "Renders a QR text as a PNG image"},
	{"trustlist", mck_issue_trustlist_main, "Signs a trust list of awarding bodies"},
	{"statuslist", mck_issue_statuslist_main, "Signs a revocation status list"},
	{"anchor", anchor_main, "Prints the public PEM of a trust-list operator's key"},
	{"publish", mck_issue_publish_main, "Writes an update bundle as a static mirror tree"},
};

static void usage(FILE *f)
{
	fputs("usage: mcissue <subcommand> [<args>]\n\nSubcommands:\n", f);
	for (size_t i = 0; i < sizeof(subcommands) / sizeof(subcommands[0]); i++) {
		fprintf(f, "  %-11s %s\n", subcommands[i].name, subcommands[i].description);
	}
	fputs("\n`mcissue <subcommand> --help' shows its options.\n"
	      "Exit: 0 done, 1 usage error, 2 bad input or failed output.\n",
	      f);
}

int main(int argc, char **argv)
{
	if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
			  strcmp(argv[1], "help") == 0)) {
		usage(stdout);
		return MCK_ISSUE_OK;
	}
	if (argc < 2) {
		usage(stderr);
		return MCK_ISSUE_USAGE;
	}
	for (size_t i = 0; i < sizeof(subcommands) / sizeof(subcommands[0]); i++) {
		if (strcmp(argv[1], subcommands[i].name) == 0) {
			return subcommands[i].run(argc - 1, argv + 1);
		}
	}
	usage(stderr);
	return mck_issue_fail(MCK_ISSUE_USAGE, "unknown subcommand \"%.40s\"", argv[1]);
}
