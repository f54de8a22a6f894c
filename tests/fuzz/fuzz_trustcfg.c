/*
 * Fuzz target: the trust configuration loader, mck_store_load, as mcverify and
 * mckiosk call it: --anchors with --trust [--status], or with --state. The
 * input is a small program that builds the anchors directory (PEM files, junk,
 * links, FIFOs, sockets, devices, sparse files past the caps, odd names) and
 * either the --trust file and --status directory or a state directory
 * (`current`, gen-* directories with trustlist.jws, trustlist.idx, status/ and
 * state.json, each pre-signed, damaged or fuzz bytes).
 *
 * Layout of an input: byte 0 chooses the mode (bit 0: --state), whether the
 * tree starts as a valid configuration (bit 1 clear), the grace (bits 2-3:
 * 30 days, 0, -1, the largest) and whether --status is given (bit 4). Then
 * operations, one byte each and their arguments (see run()).
 *
 * Invariants: the call returns within the watchdog's limit; 0 or -1; a
 * failure says why in one message with one of the three reasons the header
 * names; a success holds a list, anchors, a pin exactly when read from a
 * state, a floor within nextUpdate + grace; after mck_store_trust_free no
 * descriptor and no mapping of the tree is left (and ASan sees no leak).
 */
#define _GNU_SOURCE

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_fs.h"
#include "fuzz_mint.h"
#include "mck/err.h"
#include "mck/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define OPS_MAX 48
#define MSG_CAP 256

#define GA "gen-0000000000000001-0000000a"
#define GB "gen-0000000000000002-0000000b"

static char root[PATH_MAX];
static char outside[PATH_MAX];
static uint64_t outside_digest;
static FILE *diag;

static struct mck_test_key anchor;
static struct mck_test_key other;
static struct mck_test_key issuer;

enum {
	B_PEM,
	B_PEM_OTHER,
	B_PEM_BOTH,
	B_TL1,
	B_TL2,
	B_TL_ROGUE,
	B_IDX1,
	B_IDX2,
	B_STATUS1,
	B_STATUS2,
	B_STATUS_LATE,
	B_STATUS_ROGUE,
	B_INFO,
	B_INFO_POISONED,
	B_TL1_ZIP, /* the only compressed one: see fuzz_mint.h */
	B_COUNT
};
static struct mck_fuzz_blob blobs[B_COUNT];

static char long_pem[256];
static char long_jws[256];
static char outside_file[PATH_MAX + 16];
static char outside_dir[PATH_MAX + 16];
static char ga_abs[PATH_MAX + 64];

static const char *root_names[] = {"anchors", "trust.jws", "status", "state"};
static const char *anchor_names[] = {
	"op.pem", "b.pem", ".h.pem",  "x.PEM",    "op.pem.bak",
	"pem",    ".pem",  "a\n.pem", "%s%n.pem", long_pem,
};
static const char *status_names[] = {
	"a.jws", "b.jws", ".h.jws", ".jws", "x.JWS", "a.jws~", "\n.jws", "\xff.jws", long_jws,
};
static const char *state_names[] = {
	"current",       GA,           GB,       "gen-0000000000000003-0000000c",
	"current.new",   "state.json", "status", "trustlist.jws",
	"trustlist.idx", "gen-",
};
static const char *gen_names[] = {"trustlist.jws", "trustlist.idx", "state.json", "status", "x"};
static const char *links[] = {
	"/dev/zero",  "/dev/null",       "missing", "op.pem",  "../anchors/op.pem",
	outside_file, outside_dir,       GA,        GB,        "..",
	".",          "trustlist.jws",   ga_abs,    "current", "status",
	GA "/",       "/proc/self/fd/0",
};
static const char *current_links[] = {
	GA,
	GB,
	"gen-0000000000000003-0000000c",
	"..",
	".",
	GA "/",
	ga_abs,
	"current",
	"gen-0000000000000001-0000000a-00000000000000000000000000000000000000000000",
	"/dev/null",
};
static const uint64_t sizes[] = {
	MCK_ANCHOR_FILE_MAX + 1ull,    4097, (uint64_t)1 << 20, MCK_STATUS_JWS_MAX + 1ull,
	MCK_TRUSTLIST_FILE_MAX + 1ull,
};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static struct mck_fuzz_kit kit = {
	.blobs = blobs,
	.nblobs = B_COUNT,
	.links = links,
	.nlinks = COUNT(links),
	.sizes = sizes,
	.nsizes = COUNT(sizes),
};

static char *at(char *buf, const char *rel)
{
	return mck_fuzz_path(buf, "%s/%s", root, rel);
}

static struct mck_fuzz_blob blob(char *text, size_t len)
{
	return (struct mck_fuzz_blob){text, len};
}

static char *pem_of(const struct mck_test_key *key)
{
	char pem[4096];

	if (mck_privkey_public_pem(key->priv, pem, sizeof(pem)) != 0) {
		mck_fuzz_fail("no PEM");
	}
	return strdup(pem);
}

static struct mck_fuzz_blob index_of(const struct mck_fuzz_blob *jws, struct mck_anchors *a)
{
	struct mck_trustlist *tl = NULL;
	uint8_t *index = NULL;
	size_t len = 0;

	if (mck_trustlist_load(&tl, a, jws->data, jws->len, NULL, 0) != MCK_OK ||
	    mck_trustlist_index_build(tl, jws->data, jws->len, &index, &len) != MCK_OK) {
		mck_fuzz_fail("no index");
	}
	mck_trustlist_destroy(tl);
	return blob((char *)index, len);
}

static void init(void)
{
	struct mck_anchors *a;
	char path[PATH_MAX];
	char *text;

	mck_fuzz_tmpdir("trustcfg", root, sizeof(root));
	at(outside, "outside");
	memset(long_pem, 'p', 251);
	strcpy(long_pem + 251, ".pem");
	memset(long_jws, 'j', 251);
	strcpy(long_jws + 251, ".jws");
	mck_test_key_make(&anchor, MCK_KEY_EC_P256);
	mck_test_key_make(&other, MCK_KEY_EC_P384);
	mck_test_key_make(&issuer, MCK_KEY_EC_P256);
	a = mck_test_anchors(&anchor);

	text = pem_of(&anchor);
	blobs[B_PEM] = blob(text, strlen(text));
	text = pem_of(&other);
	blobs[B_PEM_OTHER] = blob(text, strlen(text));
	text = mck_test_fmt("%s%s", blobs[B_PEM_OTHER].data, blobs[B_PEM].data);
	blobs[B_PEM_BOTH] = blob(text, strlen(text));
	text = mck_fuzz_trustlist(&anchor, &issuer, 1, 1790000001, false);
	blobs[B_TL1] = blob(text, strlen(text));
	text = mck_fuzz_trustlist(&anchor, &issuer, 2, 1790000002, false);
	blobs[B_TL2] = blob(text, strlen(text));
	text = mck_fuzz_trustlist(&issuer, &issuer, 3, 1790000003, false);
	blobs[B_TL_ROGUE] = blob(text, strlen(text));
	blobs[B_IDX1] = index_of(&blobs[B_TL1], a);
	blobs[B_IDX2] = index_of(&blobs[B_TL2], a);
	text = mck_fuzz_statuslist(&issuer, 1, 1790000000);
	blobs[B_STATUS1] = blob(text, strlen(text));
	text = mck_fuzz_statuslist(&issuer, 2, 1790000000);
	blobs[B_STATUS2] = blob(text, strlen(text));
	text = mck_fuzz_statuslist(&issuer, 3, MCK_FUZZ_NEXT_UPDATE + 1);
	blobs[B_STATUS_LATE] = blob(text, strlen(text));
	text = mck_fuzz_statuslist(&anchor, 4, 1790000000);
	blobs[B_STATUS_ROGUE] = blob(text, strlen(text));
	text = mck_fuzz_trustlist(&anchor, &issuer, 1, 1790000001, true);
	blobs[B_TL1_ZIP] = blob(text, strlen(text));
	text = strdup("{\"sequence\":1,\"trustedTime\":1790000001}");
	blobs[B_INFO] = blob(text, strlen(text));
	text = strdup("{\"sequence\":1,\"trustedTime\":253402300799}");
	blobs[B_INFO_POISONED] = blob(text, strlen(text));
	mck_anchors_destroy(a);

	mck_fuzz_mkdir(outside);
	mck_fuzz_path(outside_dir, "%s", outside);
	mck_fuzz_path(outside_file, "%s/op.pem", outside);
	mck_fuzz_write(outside_file, blobs[B_PEM].data, blobs[B_PEM].len);
	mck_fuzz_path(path, "%s/a.jws", outside);
	mck_fuzz_write(path, blobs[B_STATUS1].data, blobs[B_STATUS1].len);
	outside_digest = mck_fuzz_digest(outside);
	mck_fuzz_path(ga_abs, "%s/state/%s", root, GA);
	kit.hard = outside_file;
	diag = fopen("/dev/null", "we");
	if (diag == NULL) {
		mck_fuzz_fail("no /dev/null");
	}
}

static void put(const char *rel, int which)
{
	char path[PATH_MAX];

	mck_fuzz_write(at(path, rel), blobs[which].data, blobs[which].len);
}

/* A valid configuration in both forms: anchors, --trust and --status, a state of one generation. */
static void skeleton(void)
{
	char path[PATH_MAX];

	mck_fuzz_mkdir(at(path, "anchors"));
	put("anchors/op.pem", B_PEM);
	put("trust.jws", B_TL1);
	mck_fuzz_mkdir(at(path, "status"));
	put("status/a.jws", B_STATUS1);
	mck_fuzz_mkdir(at(path, "state"));
	mck_fuzz_mkdir(at(path, "state/" GA));
	mck_fuzz_mkdir(at(path, "state/" GA "/status"));
	put("state/" GA "/trustlist.jws", B_TL1);
	put("state/" GA "/trustlist.idx", B_IDX1);
	put("state/" GA "/status/a.jws", B_STATUS1);
	put("state/" GA "/state.json", B_INFO);
	if (symlink(GA, at(path, "state/current")) != 0) {
		mck_fuzz_fail("symlink %s", path);
	}
}

/* The directory (below root) an entry goes into, made on demand inside a real state. */
static const char *pick_dir(uint8_t sel, const char *const **names, size_t *n)
{
	static const char *const dirs[] = {
		"",          "anchors",
		"status",    "state",
		"state/" GA, "state/" GA "/status",
		"state/" GB, "state/" GB "/status",
	};
	const char *rel = dirs[sel % 8];
	char path[PATH_MAX];

	switch (sel % 8) {
	case 0:
		*names = root_names;
		*n = sizeof(root_names) / sizeof(root_names[0]);
		break;
	case 1:
		*names = anchor_names;
		*n = sizeof(anchor_names) / sizeof(anchor_names[0]);
		break;
	case 3:
		*names = state_names;
		*n = sizeof(state_names) / sizeof(state_names[0]);
		break;
	case 4:
	case 6:
		*names = gen_names;
		*n = sizeof(gen_names) / sizeof(gen_names[0]);
		break;
	default:
		*names = status_names;
		*n = sizeof(status_names) / sizeof(status_names[0]);
		break;
	}
	/* Missing generation directories are made, but only below real directories. */
	if (sel % 8 >= 4 && mck_fuzz_dir_ok(root, "state")) {
		mkdir(at(path, sel % 8 >= 6 ? "state/" GB : "state/" GA), 0755);
		if (sel % 2 == 1 &&
		    mck_fuzz_dir_ok(root, sel % 8 >= 6 ? "state/" GB : "state/" GA)) {
			mkdir(at(path, rel), 0755);
		}
	}
	return mck_fuzz_dir_ok(root, rel) ? rel : NULL;
}

/* state.json with numbers from a table: limits, a poisoned floor, wrong types. */
static void state_json(struct mck_fuzz_in *in)
{
	static const char *const dirs[] = {"state", "state/" GA, "state/" GB};
	static const char *const seqs[] = {
		"0",   "1",   "2",     "-1",   "9007199254740993",
		"1e3", "1.5", "\"1\"", "null", "18446744073709551616",
	};
	static const char *const times[] = {
		"0",          "1790000001",   "2000000000",   "2002592000",
		"2002592001", "253402300799", "253402300800", "-1",
		"1e300",      "true",
	};
	const char *rel = dirs[mck_fuzz_byte(in) % 3];
	const char *seq = seqs[mck_fuzz_byte(in) % 10];
	const char *tt = times[mck_fuzz_byte(in) % 10];
	char path[PATH_MAX];
	char text[128];

	if (mck_fuzz_dir_ok(root, rel)) {
		snprintf(text, sizeof(text), "{\"sequence\":%s,\"trustedTime\":%s}", seq, tt);
		mck_fuzz_path(path, "%s/%s/state.json", root, rel);
		mck_fuzz_write(path, text, strlen(text));
	}
}

static void run(struct mck_fuzz_in *in)
{
	const char *const *names;
	const char *rel;
	char dir[PATH_MAX];
	char name[256];
	size_t n;

	for (int ops = 0; ops < OPS_MAX && in->n > 0; ops++) {
		switch (mck_fuzz_byte(in) % 3) {
		case 0: /* any entry anywhere */
			rel = pick_dir(mck_fuzz_byte(in), &names, &n);
			mck_fuzz_name(in, names, n, name);
			/* The one name at the root that is not the byte-code's to replace. */
			if (rel != NULL && !(rel[0] == '\0' && strcmp(name, "outside") == 0)) {
				mck_fuzz_entry(in, &kit, at(dir, rel), name);
			}
			break;
		case 1:
			state_json(in);
			break;
		default: /* `current`, pointing anywhere */
			rel = current_links[mck_fuzz_byte(in) %
					    (sizeof(current_links) / sizeof(current_links[0]))];
			if (mck_fuzz_dir_ok(root, "state")) {
				mck_fuzz_rm(at(dir, "state/current"));
				(void)!symlink(rel, dir);
			}
			break;
		}
	}
}

static void check(int rc, const struct mck_store_trust *t, const struct mck_store_opts *o,
		  enum mck_reason reason, const char *msg)
{
	if (rc != 0 && rc != -1) {
		mck_fuzz_fail("mck_store_load returned %d", rc);
	}
	if (rc != 0) {
		if (memchr(msg, '\0', MSG_CAP) == NULL) {
			mck_fuzz_fail("message not terminated");
		}
		if (reason != MCK_REASON_ANCHOR_MISSING && reason != MCK_REASON_TRUSTLIST_MISSING &&
		    reason != MCK_REASON_TRUSTLIST_INVALID) {
			mck_fuzz_fail("reason %d (%s)", (int)reason, msg);
		}
		if (msg[0] == '\0') {
			mck_fuzz_fail("a failure without a message");
		}
		return;
	}
	if (t->trust == NULL || t->anchors == NULL || mck_anchors_count(t->anchors) == 0) {
		mck_fuzz_fail("loaded without a list or anchors");
	}
	if ((o->state != NULL) != (t->pin != NULL) || (t->indexed && o->state == NULL)) {
		mck_fuzz_fail("pin %p / indexed %d for %s", (void *)t->pin, t->indexed,
			      o->state != NULL ? "a state" : "files");
	}
	if (t->status.count > MCK_STATUS_LISTS_MAX) {
		mck_fuzz_fail("%zu status lists", (size_t)t->status.count);
	}
	if (o->state != NULL && o->grace_s >= 0 &&
	    mck_trustlist_next_update(t->trust) <= INT64_MAX - o->grace_s &&
	    t->trusted_time > mck_trustlist_next_update(t->trust) + o->grace_s) {
		mck_fuzz_fail("trusted time %lld beyond nextUpdate + grace",
			      (long long)t->trusted_time);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int64_t graces[] = {30 * 86400, 0, -1, INT64_MAX};
	struct mck_fuzz_in in = {data, size};
	struct mck_store_opts o;
	struct mck_store_trust t;
	enum mck_reason reason = MCK_REASON_COUNT;
	char anchors[PATH_MAX];
	char trust[PATH_MAX];
	char status[PATH_MAX];
	char state[PATH_MAX];
	char msg[MSG_CAP];
	uint8_t head;
	int fds;
	int rc;

	if (root[0] == '\0') {
		init();
	}
	head = mck_fuzz_byte(&in);
	mck_fuzz_rm(at(anchors, "anchors"));
	mck_fuzz_rm(at(trust, "trust.jws"));
	mck_fuzz_rm(at(status, "status"));
	mck_fuzz_rm(at(state, "state"));
	if ((head & 2) == 0) {
		skeleton();
	}
	run(&in);

	memset(&o, 0, sizeof(o));
	o.anchors = anchors;
	if ((head & 1) != 0) {
		o.state = state;
	} else {
		o.trust = trust;
		o.status = (head & 0x10) != 0 ? status : NULL;
	}
	o.grace_s = graces[(head >> 2) & 3];
	memset(msg, 0x55, sizeof(msg));
	fds = mck_fuzz_fds();
	mck_fuzz_watch("mck_store_load");
	rc = mck_store_load(&t, &o, diag, &reason, msg, sizeof(msg));
	mck_fuzz_unwatch();
	check(rc, &t, &o, reason, msg);
	if (getenv("MCK_FUZZ_VERBOSE") != NULL) {
		fprintf(stderr, "%s: %s (%s)\n", o.state != NULL ? "state" : "files",
			rc == 0 ? "loaded" : mck_reason_code(reason), rc == 0 ? "" : msg);
	}
	if (rc == 0 && mck_trustlist_find_issuer(t.trust, "https://a.example") == NULL &&
	    mck_trustlist_issuer_count(t.trust) == 0) {
		mck_fuzz_fail("a list of no awarding body");
	}
	mck_store_trust_free(&t);
	if (mck_fuzz_fds() != fds) {
		mck_fuzz_fail("%d descriptors open after mck_store_trust_free, %d before",
			      mck_fuzz_fds(), fds);
	}
	if (mck_fuzz_maps_below(root) != 0) {
		mck_fuzz_fail("a file of the tree is still mapped");
	}
	if (mck_fuzz_digest(outside) != outside_digest) {
		mck_fuzz_fail("the tree outside changed");
	}
	return 0;
}
