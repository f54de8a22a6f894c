/*
 * Fuzz target: update bundles through mck_store_install_bundle (trust-list.md
 * §5). The input is a small program that builds a bundle tree in a private
 * temporary directory (trustlist.jws and status/NAME.jws as fuzz bytes or as
 * pre-signed lists, damaged or not; directories, links into the tree, to
 * /dev/zero, /dev/null, dangling or outside; FIFOs, sockets, device nodes,
 * sparse files past the caps, odd names), plants junk in the state directory,
 * pins generations as a reader would, and installs, one to four times.
 *
 * Layout of an input: byte 0 chooses the state the input starts from (bits
 * 0-2: none, empty, one generation, two, hand-made, a link, a FIFO, a file),
 * what the bundle path is (bits 3-5: the tree, a link to it, a FIFO, its
 * status/), whether the tree starts as a valid bundle (bit 6) and the grace
 * (bit 7). Then operations, one byte each and their arguments (see run()).
 *
 * Invariants after every install: it returned within the watchdog's limit; the
 * result is one of the enum's and never "busy" (nobody else installs); unless
 * it installed, the state tree is unchanged to the byte; a `current` that
 * named a generation still does (and always does after an install); a pinned
 * generation is unchanged; nothing outside the state directory changed; no
 * descriptor leaked; an install is what the state's current generation says.
 */
#define _GNU_SOURCE

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_fs.h"
#include "fuzz_mint.h"
#include "mck/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define OPS_MAX      64
#define INSTALLS_MAX 4
#define PINS_MAX     2
#define MANY_MAX     1100 /* past the 1,024 status lists of a bundle */
#define MSG_CAP      256

/* The templates' generations get fixed names, so that the byte-code can reach into them. */
#define GEN1 "gen-0000000000000001-00000000"
#define GEN2 "gen-0000000000000002-00000000"
#define FAKE "gen-0000000000000009-0000fade"

static char root[PATH_MAX];
static char tree[PATH_MAX];    /* the bundle tree the ops build */
static char state[PATH_MAX];   /* the state directory */
static char alt[PATH_MAX];     /* what a state that is a link points to */
static char outside[PATH_MAX]; /* never to be touched */
static char tmpl[3][PATH_MAX]; /* states: one generation, two, hand-made */
static uint64_t outside_digest;

static struct mck_test_key anchor;
static struct mck_test_key issuer;
static struct mck_anchors *anchors;

/*
 * Trust lists: sequences 1, 2, 3, the largest, a non-anchor's, 2 again with another iat, and
 * 3 compressed (the only one: see fuzz_mint.h).
 */
#define NLISTS 7
static struct mck_fuzz_blob lists[NLISTS];
/* Status lists: 1, 2, 1 signed later, one after nextUpdate, one the issuer never signed. */
#define NSTATUS 5
static struct mck_fuzz_blob statuses[NSTATUS];
/* For bundle entries: the lists, then the status lists. */
static struct mck_fuzz_blob bundle_blobs[NLISTS + NSTATUS];
/* For the state: six lists, the status lists, state.json texts, the compressed list. */
static struct mck_fuzz_blob state_blobs[NLISTS + NSTATUS + 5];

static char long_name[256];
static char outside_file[PATH_MAX + 16];
static char outside_dir[PATH_MAX + 16];
static char state_abs[PATH_MAX + 16];

static const char *bundle_names[] = {
	"trustlist.jws", "status",   "a.jws",    "b.jws",         "z.jws",
	".hidden.jws",   ".jws",     "jws",      "A.JWS",         "trustlist.jws.part",
	"sub",           "..jws",    "-.jws",    " .jws",         "\n.jws",
	"\xc3\xbc.jws",  "a.jws\n",  "\x7f.jws", "trustlist.idx", "state.json",
	"current",       "%s%n.jws", "a b.jws",  "\xff\xfe.jws",  "loop.jws",
	long_name,
};
static const char *state_names[] = {
	"current", "current.new", "state.json", "trustlist.jws", "status", FAKE,
	GEN1,      GEN2,          "gen-",       "gen-zz",        "x",      "trustlist.idx",
};
static const char *bundle_links[] = {
	"trustlist.jws", "../trustlist.jws", "a.jws", "/dev/zero", "/dev/null",  "missing.jws",
	"loop.jws",      "status",           "..",    ".",         outside_file, outside_dir,
	state_abs,       "/proc/self/fd/0",
};
static const char *state_links[] = {
	GEN1,
	GEN2,
	FAKE,
	"gen-0000000000000007-00000000",
	"..",
	".",
	"/dev/null",
	"current",
	outside_dir,
	GEN2 "/",
	"../state/" GEN2,
	"gen-0000000000000002-00000000-0000000000000000000000000000000000000000",
};
static const uint64_t sizes[] = {
	(uint64_t)1 << 20,
	MCK_STATUS_JWS_MAX + 1ull,
	MCK_TRUSTLIST_FILE_MAX + 1ull,
	(uint64_t)1 << 40,
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static struct mck_fuzz_kit bundle_kit = {
	.blobs = bundle_blobs,
	.nblobs = COUNT(bundle_blobs),
	.links = bundle_links,
	.nlinks = COUNT(bundle_links),
	.sizes = sizes,
	.nsizes = COUNT(sizes),
};
static struct mck_fuzz_kit state_kit = {
	.blobs = state_blobs,
	.nblobs = COUNT(state_blobs),
	.links = state_links,
	.nlinks = COUNT(state_links),
	.sizes = sizes,
	.nsizes = COUNT(sizes),
};

static char *at(char *buf, const char *dir, const char *name)
{
	return mck_fuzz_path(buf, "%s/%s", dir, name);
}

static struct mck_fuzz_blob blob(char *text)
{
	return (struct mck_fuzz_blob){text, strlen(text)};
}

static enum mck_store_result install(const char *bundle, int64_t grace, int64_t *seq, char *msg)
{
	struct mck_store_install_opts o = {
		.state = state, .anchors = anchors, .lock_wait_s = 0, .grace_s = grace};

	return mck_store_install_bundle(&o, bundle, seq, msg, MSG_CAP);
}

/* Give the generations of template @p dir fixed names (gen-SEQ-00000000), `current` kept. */
static void fix_names(const char *dir)
{
	char cur[PATH_MAX];
	char target[PATH_MAX];
	struct dirent **list = NULL;
	int n = scandir(dir, &list, NULL, alphasort);
	ssize_t len = readlink(at(cur, dir, "current"), target, sizeof(target) - 1);

	if (len < 0) {
		mck_fuzz_fail("template %s has no current", dir);
	}
	target[len] = '\0';
	for (int i = 0; i < n; i++) {
		char from[PATH_MAX];
		char to[PATH_MAX];
		char fixed[64];

		if (strncmp(list[i]->d_name, "gen-", 4) == 0 && strlen(list[i]->d_name) == 29) {
			snprintf(fixed, sizeof(fixed), "%.21s00000000", list[i]->d_name);
			if (rename(at(from, dir, list[i]->d_name), at(to, dir, fixed)) != 0) {
				mck_fuzz_fail("rename %s", from);
			}
			if (strcmp(list[i]->d_name, target) == 0) {
				unlink(cur);
				if (symlink(fixed, cur) != 0) {
					mck_fuzz_fail("symlink %s", cur);
				}
			}
		}
		free(list[i]);
	}
	free(list);
}

/* A bundle directory of trust list @p list and status list 1 at @p dir. */
static void make_bundle(const char *dir, const struct mck_fuzz_blob *list)
{
	char path[PATH_MAX];

	mck_fuzz_rm(dir);
	mck_fuzz_mkdir(dir);
	mck_fuzz_mkdir(at(path, dir, "status"));
	mck_fuzz_write(at(path, dir, "trustlist.jws"), list->data, list->len);
	mck_fuzz_path(path, "%s/status/a.jws", dir);
	mck_fuzz_write(path, statuses[0].data, statuses[0].len);
}

static void make_templates(void)
{
	char b[PATH_MAX];
	char path[PATH_MAX];
	char msg[MSG_CAP];
	int64_t seq;
	struct mck_store *pin = NULL;
	const char *hand = "{\"sequence\":2,\"trustedTime\":1790000002}";

	at(b, root, "tmpl-bundle");
	for (int i = 0; i < 3; i++) {
		char name[16];

		snprintf(name, sizeof(name), "tmpl-%d", i);
		at(tmpl[i], root, name);
	}
	/* One generation (sequence 2); two (1, pinned while 2 went in); hand-made (2). */
	mck_fuzz_path(state, "%s", tmpl[0]);
	make_bundle(b, &lists[1]);
	if (install(b, 0, &seq, msg) != MCK_STORE_INSTALLED) {
		mck_fuzz_fail("template: %s", msg);
	}
	mck_fuzz_path(state, "%s", tmpl[1]);
	make_bundle(b, &lists[0]);
	if (install(b, 0, &seq, msg) != MCK_STORE_INSTALLED || mck_store_open(&pin, state) != 0) {
		mck_fuzz_fail("template: %s", msg);
	}
	make_bundle(b, &lists[1]);
	if (install(b, 0, &seq, msg) != MCK_STORE_INSTALLED) {
		mck_fuzz_fail("template: %s", msg);
	}
	mck_store_close(pin);
	fix_names(tmpl[0]);
	fix_names(tmpl[1]);
	mck_fuzz_mkdir(tmpl[2]);
	mck_fuzz_mkdir(at(path, tmpl[2], "status"));
	mck_fuzz_write(at(path, tmpl[2], "trustlist.jws"), lists[1].data, lists[1].len);
	mck_fuzz_write(at(path, tmpl[2], "state.json"), hand, strlen(hand));
	mck_fuzz_rm(b);
}

static void init(void)
{
	char path[PATH_MAX];
	size_t nb = 0;

	mck_fuzz_tmpdir("bundle", root, sizeof(root));
	at(tree, root, "b");
	at(state, root, "state");
	at(alt, root, "alt");
	at(outside, root, "outside");
	memset(long_name, 'n', 251);
	strcpy(long_name + 251, ".jws");
	mck_test_key_make(&anchor, MCK_KEY_EC_P256);
	mck_test_key_make(&issuer, MCK_KEY_EC_P256);
	anchors = mck_test_anchors(&anchor);
	lists[0] = blob(mck_fuzz_trustlist(&anchor, &issuer, 1, 1790000001, false));
	lists[1] = blob(mck_fuzz_trustlist(&anchor, &issuer, 2, 1790000002, false));
	lists[2] = blob(mck_fuzz_trustlist(&anchor, &issuer, 3, 1790000003, false));
	lists[3] = blob(mck_fuzz_trustlist(&anchor, &issuer, 253402300799LL, 1790000004, false));
	lists[4] = blob(mck_fuzz_trustlist(&issuer, &issuer, 5, 1790000005, false));
	lists[5] = blob(mck_fuzz_trustlist(&anchor, &issuer, 2, 1790000009, false));
	lists[6] = blob(mck_fuzz_trustlist(&anchor, &issuer, 3, 1790000003, true));
	statuses[0] = blob(mck_fuzz_statuslist(&issuer, 1, 1790000000));
	statuses[1] = blob(mck_fuzz_statuslist(&issuer, 2, 1790000000));
	statuses[2] = blob(mck_fuzz_statuslist(&issuer, 1, 1790000100));
	statuses[3] = blob(mck_fuzz_statuslist(&issuer, 3, MCK_FUZZ_NEXT_UPDATE + 1));
	statuses[4] = blob(mck_fuzz_statuslist(&anchor, 4, 1790000000));
	for (size_t i = 0; i < NLISTS; i++) {
		bundle_blobs[i] = lists[i];
	}
	for (size_t i = 0; i < NSTATUS; i++) {
		bundle_blobs[NLISTS + i] = statuses[i];
	}
	for (size_t i = 0; i < NLISTS - 1; i++) {
		state_blobs[nb++] = lists[i];
	}
	for (size_t i = 0; i < NSTATUS; i++) {
		state_blobs[nb++] = statuses[i];
	}
	/* state.json texts: honest, ahead, empty, a poisoned floor, out of range. */
	state_blobs[nb++] = blob(strdup("{\"sequence\":2,\"trustedTime\":1790000002}"));
	state_blobs[nb++] = blob(strdup("{\"sequence\":5,\"trustedTime\":1790000005}"));
	state_blobs[nb++] = blob(strdup("{}"));
	state_blobs[nb++] = blob(strdup("{\"sequence\":1,\"trustedTime\":253402300799}"));
	state_blobs[nb++] = blob(strdup("{\"sequence\":-1,\"trustedTime\":1e300}"));
	state_blobs[nb++] = lists[NLISTS - 1];

	/* Outside the state: files a link may name and nothing may change. */
	mck_fuzz_mkdir(outside);
	mck_fuzz_mkdir(at(path, outside, "status"));
	mck_fuzz_write(at(path, outside, "keep.jws"), lists[2].data, lists[2].len);
	mck_fuzz_path(outside_file, "%s", path);
	mck_fuzz_write(at(path, outside, "status/a.jws"), statuses[0].data, statuses[0].len);
	mck_fuzz_path(outside_dir, "%s", outside);
	mck_fuzz_path(state_abs, "%s", state);
	bundle_kit.hard = outside_file;
	state_kit.hard = outside_file;
	outside_digest = mck_fuzz_digest(outside);

	make_templates();
	at(state, root, "state");
}

/* ---- One input ---- */

struct pin {
	struct mck_store *s;
	char name[64];
};

struct run {
	struct pin pins[PINS_MAX];
	int npins;
	int installs;
	int64_t grace;
	const char *bundle;
};

/* Whether `current` is absent or names a generation directory of ours. */
static bool current_ok(bool *present)
{
	char path[PATH_MAX];
	char target[PATH_MAX];
	struct stat st;
	ssize_t n = readlink(at(path, state, "current"), target, sizeof(target) - 1);

	*present = n >= 0 || lstat(path, &st) == 0;
	if (n < 0) {
		return !*present;
	}
	target[n] = '\0';
	return strncmp(target, "gen-", 4) == 0 && strchr(target, '/') == NULL &&
	       lstat(at(path, state, target), &st) == 0 && S_ISDIR(st.st_mode);
}

static uint64_t pin_digest(const struct pin *p)
{
	char path[PATH_MAX];

	return strcmp(p->name, ".") == 0 ? 0 : mck_fuzz_digest(at(path, state, p->name));
}

static void checked_install(struct run *r)
{
	static const char *const names[] = {"installed", "current",        "trustlist_invalid",
					    "rollback",  "status_invalid", "busy",
					    "failed"};
	char msg[MSG_CAP];
	uint64_t before = mck_fuzz_digest(state);
	uint64_t alt_before = mck_fuzz_digest(alt);
	uint64_t pins_before[PINS_MAX];
	bool present;
	bool was_ok = current_ok(&present);
	int fds = mck_fuzz_fds();
	int64_t seq = -1;
	enum mck_store_result res;

	for (int i = 0; i < r->npins; i++) {
		pins_before[i] = pin_digest(&r->pins[i]);
	}
	memset(msg, 0x55, sizeof(msg));
	mck_fuzz_watch("mck_store_install_bundle");
	res = install(r->bundle, r->grace, &seq, msg);
	mck_fuzz_unwatch();
	r->installs++;
	if (getenv("MCK_FUZZ_VERBOSE") != NULL) {
		fprintf(stderr, "install %d: %s (%s)\n", r->installs,
			(unsigned)res <= MCK_STORE_FAILED ? names[res] : "?", msg);
	}

	if ((unsigned)res > MCK_STORE_FAILED) {
		mck_fuzz_fail("result %d is none of the enum's", (int)res);
	}
	if (res == MCK_STORE_BUSY) {
		mck_fuzz_fail("busy, with no other installer");
	}
	if (memchr(msg, '\0', sizeof(msg)) == NULL || msg[0] == '\0') {
		mck_fuzz_fail("%s without a message", names[res]);
	}
	if (mck_fuzz_fds() != fds) {
		mck_fuzz_fail("%s: %d descriptors open, %d before", names[res], mck_fuzz_fds(),
			      fds);
	}
	if (res != MCK_STORE_INSTALLED && mck_fuzz_digest(state) != before) {
		mck_fuzz_fail("%s (%s) but the state changed", names[res], msg);
	}
	if (mck_fuzz_digest(outside) != outside_digest || mck_fuzz_digest(alt) != alt_before) {
		mck_fuzz_fail("%s (%s) changed a tree outside the state", names[res], msg);
	}
	if (was_ok && !current_ok(&present)) {
		mck_fuzz_fail("%s (%s): current names no generation now", names[res], msg);
	}
	for (int i = 0; i < r->npins; i++) {
		if (pin_digest(&r->pins[i]) != pins_before[i]) {
			mck_fuzz_fail("%s: pinned generation %s changed", names[res],
				      r->pins[i].name);
		}
	}
	if (res == MCK_STORE_INSTALLED) {
		struct mck_store *s = NULL;
		struct mck_store_info info;

		if (!current_ok(&present) || !present) {
			mck_fuzz_fail("installed, but current names no generation");
		}
		if (mck_store_open(&s, state) != 0 || mck_store_read_info(s, &info) != 0 ||
		    info.sequence != seq || seq < 1) {
			mck_fuzz_fail("installed %lld, but the state says otherwise",
				      (long long)seq);
		}
		mck_store_close(s);
	}
}

static void pin(struct run *r)
{
	struct pin *p = &r->pins[r->npins];

	if (r->npins >= PINS_MAX || mck_store_open(&p->s, state) != 0) {
		return;
	}
	snprintf(p->name, sizeof(p->name), "%s", mck_store_name(p->s));
	r->npins++;
}

static void unpin(struct run *r)
{
	if (r->npins == 0) {
		return;
	}
	mck_store_close(r->pins[0].s);
	memmove(&r->pins[0], &r->pins[1], sizeof(r->pins[0]) * (size_t)(PINS_MAX - 1));
	r->npins--;
}

/* The state an input starts from. */
static void make_state(uint8_t preset)
{
	mck_fuzz_rm(state);
	mck_fuzz_rm(alt);
	switch (preset) {
	case 0:
		break;
	case 1:
		mck_fuzz_mkdir(state);
		break;
	case 2:
	case 3:
	case 4:
		mck_fuzz_copy(tmpl[preset - 2], state);
		break;
	case 5: /* a link to a state: refused, and the state it names untouched */
		mck_fuzz_copy(tmpl[0], alt);
		if (symlink(alt, state) != 0) {
			mck_fuzz_fail("symlink %s", state);
		}
		break;
	case 6:
		mkfifo(state, 0644);
		break;
	default:
		mck_fuzz_write(state, "x", 1);
		break;
	}
}

/* A directory of the state the byte-code may plant in (a fake generation made on demand). */
static const char *state_dir(uint8_t sel)
{
	static const char *const dirs[] = {"", GEN2, GEN2 "/status", GEN1, FAKE, FAKE "/status"};
	const char *rel = dirs[sel % (sizeof(dirs) / sizeof(dirs[0]))];
	char path[PATH_MAX];

	if (!mck_fuzz_dir_ok(root, "state")) {
		return NULL;
	}
	if (strncmp(rel, FAKE, strlen(FAKE)) == 0) {
		mkdir(at(path, state, FAKE), 0755);
		if (rel[strlen(FAKE)] != '\0') {
			mkdir(at(path, state, rel), 0755);
		}
	}
	mck_fuzz_path(path, "state/%s", rel);
	return mck_fuzz_dir_ok(root, path) ? rel : NULL;
}

static void many(struct mck_fuzz_in *in)
{
	char status[PATH_MAX];
	size_t count = mck_fuzz_u16(in) % (MANY_MAX + 1);

	if (!mck_fuzz_dir_ok(root, "b/status")) {
		return;
	}
	at(status, tree, "status");
	for (size_t i = 0; i < count; i++) {
		char path[PATH_MAX];

		mck_fuzz_path(path, "%s/m%04zu.jws", status, i);
		mck_fuzz_write(path, "x", 1);
	}
}

static void run(struct mck_fuzz_in *in, struct run *r)
{
	static const char *const bundle_dirs[] = {"", "status", "status/sub"};
	char dir[PATH_MAX];
	char name[256];
	const char *rel;
	uint8_t sel;

	for (int ops = 0; ops < OPS_MAX && in->n > 0; ops++) {
		switch (mck_fuzz_byte(in) % 8) {
		case 0: /* any entry in the bundle */
			rel = bundle_dirs[mck_fuzz_byte(in) % 3];
			mck_fuzz_name(in, bundle_names,
				      sizeof(bundle_names) / sizeof(bundle_names[0]), name);
			mck_fuzz_path(dir, "b/%s", rel);
			if (mck_fuzz_dir_ok(root, dir)) {
				mck_fuzz_entry(in, &bundle_kit, at(dir, tree, rel), name);
			}
			break;
		case 1: /* a signed trust list, damaged or not */
			sel = mck_fuzz_byte(in);
			if (mck_fuzz_dir_ok(root, "b")) {
				mck_fuzz_blob_write(in, &lists[sel % NLISTS],
						    at(dir, tree, "trustlist.jws"));
			}
			break;
		case 2: /* a signed status list, damaged or not */
			sel = mck_fuzz_byte(in);
			snprintf(name, sizeof(name), "status/%c.jws", 'a' + mck_fuzz_byte(in) % 4);
			if (mck_fuzz_dir_ok(root, "b")) {
				mkdir(at(dir, tree, "status"), 0755);
			}
			if (mck_fuzz_dir_ok(root, "b/status")) {
				mck_fuzz_blob_write(in, &statuses[sel % NSTATUS],
						    at(dir, tree, name));
			}
			break;
		case 3: /* junk in the state directory */
			rel = state_dir(mck_fuzz_byte(in));
			mck_fuzz_name(in, state_names, sizeof(state_names) / sizeof(state_names[0]),
				      name);
			if (rel != NULL) {
				mck_fuzz_path(dir, "%s/%s", state, rel);
				mck_fuzz_entry(in, &state_kit, dir, name);
			}
			break;
		case 4:
			if (r->installs < INSTALLS_MAX - 1) {
				checked_install(r);
			}
			break;
		case 5:
			pin(r);
			break;
		case 6:
			unpin(r);
			break;
		default:
			many(in);
			break;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char bundle[PATH_MAX];
	struct mck_fuzz_in in = {data, size};
	struct run r;
	char path[PATH_MAX];
	const char *rel;
	uint8_t head;

	if (root[0] == '\0') {
		init();
	}
	memset(&r, 0, sizeof(r));
	head = mck_fuzz_byte(&in);
	make_state(head & 7);
	mck_fuzz_rm(tree);
	mck_fuzz_rm(at(path, root, "blink"));
	mck_fuzz_rm(at(path, root, "bfifo"));
	if ((head & 0x40) != 0) {
		make_bundle(tree, &lists[2]);
	} else {
		mck_fuzz_mkdir(tree);
	}
	switch ((head >> 3) & 7) {
	case 5:
		rel = "blink";
		if (symlink(tree, at(path, root, "blink")) != 0) {
			mck_fuzz_fail("symlink %s", path);
		}
		break;
	case 6:
		mkfifo(at(path, root, "bfifo"), 0644);
		rel = "bfifo";
		break;
	case 7:
		rel = "b/status";
		break;
	default:
		rel = "b";
		break;
	}
	r.bundle = at(bundle, root, rel);
	r.grace = (head & 0x80) != 0 ? 30 * 86400 : 0;

	run(&in, &r);
	checked_install(&r);
	while (r.npins > 0) {
		unpin(&r);
	}
	return 0;
}
