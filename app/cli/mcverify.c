/*
 * mcverify: verify micro-credential QR codes without a screen
 * (verifier-contract.md). Thin over the core: read inputs, print the answer.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "explain.h"
#include "mck/answer.h"
#include "mck/image.h"
#include "mck/io.h"
#include "mck/json.h"
#include "mck/policy.h"
#include "mck/qrscan.h"
#include "mck/store.h"
#include "mck/text.h"
#include "mck/verify.h"
#include "policyfile.h"

#ifndef MCK_DEFAULT_ANCHORS_DIR
#define MCK_DEFAULT_ANCHORS_DIR "/usr/share/mckiosk/anchors"
#endif

#define MAX_INPUTS     64
#define BATCH_FILE_MAX ((size_t)64 * 1024 * 1024)
#define STDIN_MAX      BATCH_FILE_MAX /* all of `-`, whatever its lines */
#define EXIT_UNUSABLE  4
#define EXIT_NOT_MET   5 /* --policy: a requirement is not met */

enum input_kind { INPUT_TEXT, INPUT_IMAGE, INPUT_STDIN };

struct input {
	enum input_kind kind;
	const char *value;
};

struct options {
	struct mck_store_opts src;
	const char *batch;
	const char *policy;
	bool has_now;
	int64_t now;
	int64_t grace_days;
	bool json;
	bool explain; /* --policy: the preview (explain.c), not the decision */
	size_t ninputs;
	struct input inputs[MAX_INPUTS];
};

/* Everything one verification needs, allocated once. */
struct session {
	const struct options *opt;
	struct mck_store_trust cfg;
	struct mck_verifier *verifier;
	struct mck_qrscan *scanner;
	struct mck_qrscan_result *codes;
	struct mck_qrtext *texts;
	struct decision *decision; /* --policy, else NULL */
	bool color;
};

/* What --policy collects over a batch: the answers and a session (no learner data kept). */
struct decision {
	struct mck_policy *policy;
	cJSON *answers;
	struct mck_session session;
};

static void usage(FILE *f)
{
	fputs("usage: mcverify [--anchors DIR] (--trust FILE | --state DIR) [--status DIR]\n"
	      "                [--now UNIX_SECONDS] [--grace-days N] [--json]\n"
	      "                (--text STRING | --image FILE | -)... | --batch FILE [--policy "
	      "FILE]\n"
	      "                [--policy FILE --explain]\n"
	      "\n"
	      "Verifies a micro-credential QR code (MC1) offline against a signed trust list.\n"
	      "Several inputs are the chunks of one credential; --batch FILE verifies each\n"
	      "line (a QR text or an image path) separately and prints JSON Lines.\n"
	      "--policy FILE decides entry requirements over the batch (docs/policy.md) and\n"
	      "prints one JSON object: the answers, each requirement, the record to keep.\n"
	      "Exit: 0 valid, 1 warning, 2 invalid, 3 unreadable, 4 could not verify;\n"
	      "with --policy: 0 every requirement met, 5 not met, 4 could not verify.\n"
	      "--explain previews a policy: what each credential adds to which requirement,\n"
	      "or why not (for people; --json: one JSON object); the inputs are one credential.\n",
	      f);
}

static bool parse_int(const char *s, int64_t min, int64_t max, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max) {
		return false;
	}
	*out = v;
	return true;
}

static int parse_args(int argc, char **argv, struct options *o)
{
	memset(o, 0, sizeof(*o));
	o->src.anchors = MCK_DEFAULT_ANCHORS_DIR;
	o->grace_days = MCK_GRACE_DEFAULT_DAYS;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		bool takes = true;

		if (strcmp(a, "--json") == 0) {
			o->json = true;
			takes = false;
		} else if (strcmp(a, "--explain") == 0) {
			o->explain = true;
			takes = false;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			exit(0);
		} else if (strcmp(a, "-") == 0) {
			takes = false;
			if (o->ninputs >= MAX_INPUTS) {
				fprintf(stderr, "mcverify: too many inputs (max %d)\n", MAX_INPUTS);
				return -1;
			}
			o->inputs[o->ninputs++] = (struct input){INPUT_STDIN, NULL};
		} else if (v == NULL) {
			fprintf(stderr, "mcverify: %s needs a value (or is unknown)\n", a);
			return -1;
		} else if (mck_store_opts_take(&o->src, a, v)) {
			/* taken */
		} else if (strcmp(a, "--batch") == 0) {
			o->batch = v;
		} else if (strcmp(a, "--policy") == 0) {
			o->policy = v;
		} else if (strcmp(a, "--now") == 0) {
			if (!parse_int(v, 0, MCK_TIME_MAX, &o->now)) {
				fprintf(stderr, "mcverify: --now \"%.32s\" is not Unix seconds\n",
					v);
				return -1;
			}
			o->has_now = true;
		} else if (strcmp(a, "--grace-days") == 0) {
			if (!parse_int(v, 0, 3650, &o->grace_days)) {
				fprintf(stderr, "mcverify: --grace-days must be 0..3650\n");
				return -1;
			}
		} else if (strcmp(a, "--text") == 0 || strcmp(a, "--image") == 0) {
			if (o->ninputs >= MAX_INPUTS) {
				fprintf(stderr, "mcverify: too many inputs (max %d)\n", MAX_INPUTS);
				return -1;
			}
			o->inputs[o->ninputs++] =
				(struct input){a[2] == 't' ? INPUT_TEXT : INPUT_IMAGE, v};
		} else {
			fprintf(stderr, "mcverify: unknown option %.40s\n", a);
			return -1;
		}
		if (takes) {
			i++;
		}
	}
	if ((o->src.trust == NULL) == (o->src.state == NULL)) {
		fprintf(stderr, "mcverify: give exactly one of --trust FILE and --state DIR\n");
		return -1;
	}
	if (o->src.state != NULL && o->src.status != NULL) {
		fprintf(stderr, "mcverify: --status goes with --trust; --state has its own\n");
		return -1;
	}
	if ((o->batch != NULL) == (o->ninputs > 0)) {
		fprintf(stderr,
			"mcverify: give inputs (--text, --image, -) or --batch, not both\n");
		return -1;
	}
	if (o->explain && o->policy == NULL) {
		fprintf(stderr, "mcverify: --explain previews a --policy FILE\n");
		return -1;
	}
	if (o->policy != NULL && o->batch == NULL && !o->explain) {
		fprintf(stderr, "mcverify: --policy decides over a --batch of credentials\n");
		return -1;
	}
	return 0;
}

/* Decode every QR code of an image into the collector. -1: the file cannot be used. */
static int add_image(struct session *s, const char *path, char *why, size_t cap)
{
	struct mck_image img = {0};
	int rc = mck_image_load(&img, path);

	if (rc == -ENOENT || rc == -EACCES || rc == -EISDIR || rc == -ELOOP) {
		snprintf(why, cap, "image %s: %s", path, mck_io_strerror(rc));
		return -1;
	}
	if (rc != 0) {
		snprintf(why, cap, "image %s could not be decoded: %s", path, strerror(-rc));
		return 0;
	}
	rc = mck_qrscan_frame(s->scanner, img.pixels, img.width, img.height, s->codes);
	mck_image_free(&img);
	for (int i = 0; i < rc; i++) {
		(void)mck_qrtext_add(s->texts, s->codes->text[i], s->codes->len[i]);
	}
	mck_zeroize(s->codes, sizeof(*s->codes));
	return rc > 0 ? rc : 0;
}

/* One line of standard input (@p n bytes, @p cut: more were dropped) into the collector. */
static void add_line(struct session *s, char *line, size_t n, bool cut)
{
	while (!cut && n > 0 && line[n - 1] == '\r') {
		n--;
	}
	if (n > 0) {
		(void)mck_qrtext_add(s->texts, line, n);
	}
}

/*
 * Each line of standard input is one text (several lines: the chunks). Of a
 * line longer than one QR code holds, one byte more than that is kept, which
 * makes its text malformed (verifier-contract.md), and the rest is skipped:
 * reading goes on with the next line, in constant memory. All of the input
 * is bounded too (STDIN_MAX, exit 4 beyond), so an endless stream ends.
 */
static int add_stdin(struct session *s, char *why, size_t cap)
{
	char *line = malloc(MCK_QRTEXT_MAX + 1);
	char block[4096];
	size_t got;
	size_t n = 0;
	size_t total = 0;
	bool cut = false;
	int rc = 1;

	if (line == NULL) {
		snprintf(why, cap, "standard input: %s", strerror(ENOMEM));
		return -1;
	}
	while (rc > 0 && (got = fread(block, 1, sizeof(block), stdin)) > 0) {
		total += got;
		if (total > STDIN_MAX) {
			snprintf(why, cap, "standard input: more than %zu MiB", STDIN_MAX >> 20);
			rc = -1;
		}
		for (size_t i = 0; rc > 0 && i < got; i++) {
			if (block[i] == '\n') {
				add_line(s, line, n, cut);
				n = 0;
				cut = false;
			} else if (n <= MCK_QRTEXT_MAX) {
				line[n++] = block[i];
			} else {
				cut = true;
			}
		}
	}
	if (rc > 0 && ferror(stdin)) {
		snprintf(why, cap, "standard input: %s", strerror(errno));
		rc = -1;
	}
	if (rc > 0) {
		add_line(s, line, n, cut); /* the last line may have no newline */
	}
	mck_zeroize(block, sizeof(block));
	mck_zeroize(line, MCK_QRTEXT_MAX + 1);
	free(line);
	return rc;
}

static int64_t clock_now(void)
{
	time_t t = time(NULL);

	return t < 0 ? 0 : (int64_t)t;
}

/* The time a verdict is made at: --now, else the clock. */
static int64_t verdict_time(const struct session *s)
{
	return s->opt->has_now ? s->opt->now : clock_now();
}

/*
 * A verdict without a verification (no code in an image, an input that
 * cannot be read): it is made at a time too, given as for any unreadable
 * input (verifier-contract.md: every answer's time).
 */
static void set_unverified(const struct session *s, struct mck_result *res, enum mck_reason reason,
			   const char *why)
{
	mck_result_set(res, reason, why);
	res->now = verdict_time(s);
	res->time_source = MCK_TIME_GIVEN;
}

/*
 * Verify the inputs as one credential into @p res. Returns -1 when an input
 * cannot be read at all (bad arguments: exit 4), with @p why.
 */
static int verify_inputs(struct session *s, const struct input *in, size_t n,
			 struct mck_result *res, char *why, size_t cap)
{
	bool images_only = true;
	int codes = 0;

	mck_qrtext_init(s->texts);
	why[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		int rc = 0;

		switch (in[i].kind) {
		case INPUT_TEXT:
			images_only = false;
			(void)mck_qrtext_add(s->texts, in[i].value, strlen(in[i].value));
			rc = 1;
			break;
		case INPUT_STDIN:
			images_only = false;
			rc = add_stdin(s, why, cap);
			break;
		case INPUT_IMAGE:
			rc = add_image(s, in[i].value, why, cap);
			break;
		}
		if (rc < 0) {
			mck_qrtext_free(s->texts);
			return -1;
		}
		codes += rc;
	}
	if (images_only && codes == 0) {
		set_unverified(s, res, MCK_REASON_NO_CODE, why[0] != '\0' ? why : NULL);
	} else {
		mck_verify_qr(s->verifier, s->texts, verdict_time(s), res);
		/* several_credentials: say which kinds of code met (the core gives the reason) */
		if (res->detail[0] == '\0') {
			(void)mck_qrtext_detail(s->texts, res->detail, sizeof(res->detail));
		}
	}
	mck_qrtext_free(s->texts);
	return 0;
}

/* ---- Output ---- */

static void put_safe(const char *label, const char *value)
{
	char buf[1024];

	if (value == NULL) {
		return;
	}
	mck_text_sanitize(value, buf, sizeof(buf));
	printf("  %-22s %s\n", label, buf);
}

/* What a code that is no credential held, in words; for a link its host alone. */
static void print_shown(const struct mck_result *res)
{
	static const char *const what[MCK_SHOWN_COUNT] = {
		[MCK_SHOWN_URL] = "a web link",
		[MCK_SHOWN_WIFI] = "Wi-Fi network settings",
		[MCK_SHOWN_EU_DCC] = "an EU Digital COVID Certificate (HC1:)",
		[MCK_SHOWN_SMART_HEALTH_CARD] = "a SMART Health Card (shc:/)",
		[MCK_SHOWN_VCARD] = "a contact card (vCard)",
		[MCK_SHOWN_TEXT] = "plain text",
	};
	char host[MCK_HOST_MAX + 1];

	if (res->shown <= MCK_SHOWN_NONE || res->shown >= MCK_SHOWN_COUNT) {
		return;
	}
	if (res->shown == MCK_SHOWN_URL && res->host[0] != '\0') {
		mck_text_sanitize(res->host, host, sizeof(host));
		printf("  not a credential: a web link to %s\n", host);
	} else {
		printf("  not a credential: %s\n", what[res->shown]);
	}
}

static const char *paint(const struct session *s, const char *code)
{
	return s->color ? code : "";
}

static void print_human(const struct session *s, const struct mck_result *res)
{
	static const char *const words[] = {"VALID", "CHECK (warning)", "NOT VALID", "UNREADABLE",
					    "CANNOT VERIFY"};
	static const char *const marks[] = {"\xe2\x9c\x94", "!", "\xe2\x9c\x97", "?",
					    "\xe2\x9c\x97"};
	static const char *const colors[] = {"\x1b[1;97;42m", "\x1b[1;30;43m", "\x1b[1;97;41m",
					     "\x1b[1;97;100m", "\x1b[1;97;41m"};
	const struct mck_credential *c = &res->cred;
	unsigned v = (unsigned)res->verdict <= 4 ? (unsigned)res->verdict : 4;
	char when[21];
	char line[256];

	printf("%s %s %s %s\n", paint(s, colors[v]), marks[v], words[v], paint(s, "\x1b[0m"));
	for (unsigned r = 0; r < MCK_REASON_COUNT; r++) {
		if (res->reasons & MCK_REASON_BIT(r)) {
			printf("  - %s (%s)\n", mck_reason_text((enum mck_reason)r),
			       mck_reason_code((enum mck_reason)r));
		}
	}
	print_shown(res);
	if (res->detail[0] != '\0' && !res->has_credential) {
		put_safe("detail:", res->detail);
	}
	if (!res->has_credential) {
		return;
	}
	printf("\n");
	put_safe("Learner:", c->learner);
	put_safe("Title:", c->title);
	put_safe("Awarding body:", c->issuer_name);
	put_safe("Country:", c->country);
	put_safe("Issuer id:", c->iss);
	mck_time_format(c->nbf, when);
	put_safe("Date of issue:", when);
	if (c->has_exp) {
		mck_time_format(c->exp, when);
		put_safe("Expires:", when);
	}
	if (c->eqf_level > 0) {
		snprintf(line, sizeof(line), "%d", c->eqf_level);
		put_safe("EQF level:", line);
	}
	if (c->has_ects && c->has_hours) {
		snprintf(line, sizeof(line), "%.4g ECTS, %.4g hours", c->ects, c->hours);
	} else if (c->has_ects || c->has_hours) {
		snprintf(line, sizeof(line), "%.4g %s", c->has_ects ? c->ects : c->hours,
			 c->has_ects ? "ECTS" : "hours");
	}
	if (c->has_ects || c->has_hours) {
		put_safe("Workload:", line);
	}
	if (c->outcomes != NULL) {
		const cJSON *o;
		printf("  Learning outcomes:\n");
		cJSON_ArrayForEach(o, c->outcomes) {
			char out[1024];

			mck_text_sanitize(o->valuestring, out, sizeof(out));
			printf("    \xe2\x80\xa2 %s\n", out);
		}
	}
	put_safe("Assessment:", c->assessment_type);
	put_safe("Supervision:", c->assessment_supervision);
	put_safe("Identity check:", c->identity_verification);
	put_safe("Participation:", c->participation_form);
	put_safe("Quality assurance:", c->quality_assurance);
	put_safe("Grade:", c->grade);
	put_safe("Prerequisites:", c->entry_requirements);
	put_safe("Stackability:", c->stackability);
	put_safe("Description:", c->description);
	for (unsigned e = 0; e < MCK_ELEMENT_COUNT; e++) {
		if (c->missing & (1u << e)) {
			put_safe("Missing:", mck_element_path((enum mck_element)e));
		}
	}
	printf("\n  Trust list #%lld, next update ",
	       (long long)mck_trustlist_sequence(s->cfg.trust));
	mck_time_format(mck_trustlist_next_update(s->cfg.trust), when);
	printf("%s\n", when);
}

static cJSON *answer_of(const struct session *s, const struct mck_result *res)
{
	cJSON *answer = mck_answer_json(res, s->cfg.trust);

	/* The core says "clock" for a time it was given; here we know it was --now. */
	if (answer != NULL && s->opt->has_now && res->time_source == MCK_TIME_GIVEN) {
		cJSON *time = cJSON_GetObjectItemCaseSensitive(answer, "time");
		if (time != NULL) {
			cJSON_ReplaceItemInObjectCaseSensitive(time, "source",
							       cJSON_CreateString("argument"));
		}
	}
	return answer;
}

static int print_json(const struct session *s, const struct mck_result *res, bool lines)
{
	cJSON *answer = answer_of(s, res);
	char *text;

	if (answer == NULL) {
		return -1;
	}
	text = lines ? cJSON_PrintUnformatted(answer) : cJSON_Print(answer);
	cJSON_Delete(answer);
	if (text == NULL) {
		return -1;
	}
	puts(text);
	free(text);
	return 0;
}

static int report(const struct session *s, const struct mck_result *res, bool lines)
{
	if (s->opt->json || lines) {
		if (print_json(s, res, lines) != 0) {
			fprintf(stderr, "mcverify: out of memory\n");
			return EXIT_UNUSABLE;
		}
	} else {
		print_human(s, res);
	}
	return mck_verdict_exit_code(res->verdict);
}

/* An unusable configuration still answers in the contract's shape. */
static int report_config_error(const struct session *s, enum mck_reason reason, char *msg)
{
	struct mck_result res;

	memset(&res, 0, sizeof(res));
	mck_io_oneline(msg); /* names from outside: no forged log lines */
	mck_result_set(&res, reason, msg);
	fprintf(stderr, "mcverify: %s\n", msg);
	(void)report(s, &res, s->opt->batch != NULL);
	mck_result_free(&res);
	return EXIT_UNUSABLE;
}

/* --policy: keep the answer for the output and the result's gist in the session. */
static int collect(struct session *s, const struct mck_result *res)
{
	struct decision *d = s->decision;
	cJSON *answer;

	if (mck_session_add(&d->session, res) < 0) {
		fprintf(stderr, "mcverify: --policy decides over at most %d credentials\n",
			MCK_SESSION_MAX);
		return EXIT_UNUSABLE;
	}
	answer = answer_of(s, res);
	if (answer == NULL || !cJSON_AddItemToArray(d->answers, answer)) {
		cJSON_Delete(answer);
		fprintf(stderr, "mcverify: out of memory\n");
		return EXIT_UNUSABLE;
	}
	return 0;
}

/*
 * --policy: one JSON object (docs/policy.md): the decision, the policy, each
 * requirement with its label, every answer, and the record an office keeps.
 */
static int decide(struct session *s)
{
	struct decision *d = s->decision;
	int64_t now = verdict_time(s);
	char reference[MCK_POLICY_REF_LEN];
	cJSON *record = mck_session_record(&d->session, now, reference);
	cJSON *out = cJSON_CreateObject();
	cJSON *reqs = NULL;
	cJSON *r;
	char *text = NULL;
	bool met = false;

	if (record != NULL && out != NULL) {
		met = strcmp(cJSON_GetObjectItemCaseSensitive(record, "decision")->valuestring,
			     "met") == 0;
		reqs = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(record, "requirements"),
				       true);
	}
	if (reqs != NULL) {
		size_t i = 0;

		cJSON_ArrayForEach(r, reqs) {
			cJSON_AddStringToObject(r, "label",
						mck_policy_req_label(d->policy, i++, "en"));
		}
		cJSON_AddStringToObject(out, "decision", met ? "met" : "not_met");
		cJSON_AddItemToObject(
			out, "policy",
			cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(record, "policy"), true));
		cJSON_AddItemToObject(out, "requirements", reqs);
		cJSON_AddItemToObject(out, "answers", d->answers);
		d->answers = NULL;
		cJSON_AddStringToObject(out, "reference", reference);
		cJSON_AddItemToObject(out, "record", record);
		record = NULL;
		text = cJSON_Print(out);
	}
	cJSON_Delete(record);
	cJSON_Delete(out);
	if (text == NULL) {
		fprintf(stderr, "mcverify: out of memory\n");
		return EXIT_UNUSABLE;
	}
	puts(text);
	mck_zeroize(text, strlen(text));
	free(text);
	return met ? 0 : EXIT_NOT_MET;
}

/* --policy --explain: the preview instead of the decision (explain.c). */
static int explain(struct session *s)
{
	int met = mck_cli_explain(stdout, &s->decision->session, verdict_time(s), s->opt->json);

	return met < 0 ? EXIT_UNUSABLE : met ? 0 : EXIT_NOT_MET;
}

static bool looks_like_text(const char *line)
{
	return strncmp(line, "MC1:/", 5) == 0 || access(line, F_OK) != 0;
}

static int run_batch(struct session *s)
{
	char *buf = NULL;
	size_t len;
	int worst = 0;
	int rc = mck_io_read_file(s->opt->batch, BATCH_FILE_MAX, &buf, &len);

	if (rc != 0) {
		fprintf(stderr, "mcverify: --batch %s: %s\n", s->opt->batch, strerror(-rc));
		return EXIT_UNUSABLE;
	}
	char *cursor = buf;
	size_t n;

	for (char *line; (line = mck_io_next_line(&cursor, &n)) != NULL;) {
		struct mck_result res;
		struct input in;
		char why[256];

		in.kind = looks_like_text(line) ? INPUT_TEXT : INPUT_IMAGE;
		in.value = line;
		memset(&res, 0, sizeof(res));
		if (verify_inputs(s, &in, 1, &res, why, sizeof(why)) != 0) {
			/* One unreadable line must not stop the rest of the batch. */
			set_unverified(s, &res, MCK_REASON_NO_CODE, why);
		}
		rc = s->decision != NULL ? collect(s, &res) : report(s, &res, true);
		mck_result_free(&res);
		worst = rc > worst ? rc : worst;
		if (s->decision != NULL && rc == EXIT_UNUSABLE) {
			break;
		}
	}
	mck_zeroize(buf, len);
	free(buf);
	if (s->decision != NULL && worst != EXIT_UNUSABLE) {
		return s->opt->explain ? explain(s) : decide(s);
	}
	return worst;
}

/* Read and check the policy before any credential is verified. */
static int open_decision(struct session *s, const char *path)
{
	struct decision *d = calloc(1, sizeof(*d));
	char msg[PATH_MAX + 300];

	if (d == NULL) {
		fprintf(stderr, "mcverify: out of memory\n");
		return EXIT_UNUSABLE;
	}
	s->decision = d;
	if (mck_cli_load_policy(path, &d->policy, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "mcverify: --policy %s\n", msg);
		return EXIT_UNUSABLE;
	}
	mck_session_init(&d->session, d->policy);
	d->answers = cJSON_CreateArray();
	if (d->answers == NULL) {
		fprintf(stderr, "mcverify: out of memory\n");
		return EXIT_UNUSABLE;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct options opt;
	struct session s;
	struct mck_verifier_cfg vcfg = {0};
	enum mck_reason reason;
	char msg[512];
	int rc = EXIT_UNUSABLE;

	memset(&s, 0, sizeof(s));
	s.opt = &opt;
	if (parse_args(argc, argv, &opt) != 0) {
		usage(stderr);
		return EXIT_UNUSABLE;
	}
	s.color = !opt.json && isatty(STDOUT_FILENO) && getenv("NO_COLOR") == NULL;
	opt.src.grace_s = opt.grace_days * 86400;
	rc = mck_store_load(&s.cfg, &opt.src, stderr, &reason, msg, sizeof(msg));
	if (rc != 0) {
		rc = report_config_error(&s, reason, msg);
		goto out;
	}
	rc = EXIT_UNUSABLE;
	vcfg.trust = s.cfg.trust;
	vcfg.status = &s.cfg.status;
	vcfg.grace_seconds = opt.grace_days * 86400;
	vcfg.trusted_time = s.cfg.trusted_time;
	s.verifier = mck_verifier_create(&vcfg);
	s.scanner = mck_qrscan_create();
	s.codes = malloc(sizeof(*s.codes));
	s.texts = malloc(sizeof(*s.texts));
	if (s.verifier == NULL || s.scanner == NULL || s.codes == NULL || s.texts == NULL) {
		fprintf(stderr, "mcverify: out of memory\n");
		goto out;
	}
	if (opt.policy != NULL) {
		rc = open_decision(&s, opt.policy);
		if (rc != 0) {
			goto out;
		}
	}
	if (opt.batch != NULL) {
		rc = run_batch(&s);
	} else {
		struct mck_result res;

		memset(&res, 0, sizeof(res));
		if (verify_inputs(&s, opt.inputs, opt.ninputs, &res, msg, sizeof(msg)) != 0) {
			fprintf(stderr, "mcverify: %s\n", msg);
			goto out;
		}
		rc = s.decision != NULL ? collect(&s, &res) : report(&s, &res, false);
		mck_result_free(&res);
		rc = s.decision != NULL && rc == 0 ? explain(&s) : rc;
	}
out:
	if (s.decision != NULL) {
		cJSON_Delete(s.decision->answers);
		mck_session_clear(&s.decision->session);
		mck_policy_free(s.decision->policy);
		free(s.decision);
	}
	free(s.texts);
	free(s.codes);
	mck_qrscan_destroy(s.scanner);
	mck_verifier_destroy(s.verifier);
	mck_store_trust_free(&s.cfg);
	return rc;
}
