/* Strict JSON: cJSON does the parsing, this file adds the rules cJSON lacks. */
#include "mck/json.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "json_hash.h"
#include "mck/err.h"

/* Length of the well-formed UTF-8 sequence at @p s (@p len > 0 bytes left), or 0. */
static size_t utf8_seq(const uint8_t *s, size_t len)
{
	uint8_t c = s[0];
	size_t n;
	uint32_t cp;
	uint32_t min;

	if (c < 0x80u) {
		return 1;
	}
	if (c >= 0xc2u && c <= 0xdfu) {
		n = 1;
		cp = c & 0x1fu;
		min = 0x80u;
	} else if (c >= 0xe0u && c <= 0xefu) {
		n = 2;
		cp = c & 0x0fu;
		min = 0x800u;
	} else if (c >= 0xf0u && c <= 0xf4u) {
		n = 3;
		cp = c & 0x07u;
		min = 0x10000u;
	} else {
		return 0;
	}
	if (len <= n) {
		return 0;
	}
	for (size_t k = 1; k <= n; k++) {
		if ((s[k] & 0xc0u) != 0x80u) {
			return 0;
		}
		cp = (cp << 6) | (s[k] & 0x3fu);
	}
	if (cp < min || cp > 0x10ffffu || (cp >= 0xd800u && cp <= 0xdfffu)) {
		return 0;
	}
	return n + 1;
}

bool mck_utf8_valid(const uint8_t *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t n = utf8_seq(s + i, len - i);

		if (n == 0) {
			return false;
		}
		i += n;
	}
	return true;
}

/*
 * ---- cJSON allocation: malloc, or the calling thread's arena ----
 * mck_json_parse_each parses each element of its array in an arena: cJSON
 * frees are no-ops there, and the arena is emptied at once for the next one.
 */

/* Small enough to cost nothing beside one element's tree, large enough to batch mallocs. */
#define ARENA_CHUNK ((size_t)64 << 10)
#define ARENA_ALIGN 16u

struct arena_chunk {
	struct arena_chunk *next;
	size_t used;
	size_t cap;
	_Alignas(16) unsigned char data[];
};

struct arena {
	struct arena_chunk *chunks; /* the newest first */
};

static _Thread_local struct arena *thread_arena;
static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;

static void *arena_alloc(size_t size)
{
	struct arena *a = thread_arena;
	struct arena_chunk *c;
	size_t need;

	if (a == NULL) {
		return malloc(size);
	}
	if (size > SIZE_MAX - ARENA_ALIGN - sizeof(*c)) {
		return NULL;
	}
	need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	c = a->chunks;
	if (c == NULL || c->cap - c->used < need) {
		size_t cap = need > ARENA_CHUNK ? need : ARENA_CHUNK;

		c = malloc(sizeof(*c) + cap);
		if (c == NULL) {
			return NULL;
		}
		c->next = a->chunks;
		c->used = 0;
		c->cap = cap;
		a->chunks = c;
	}
	void *p = c->data + c->used;
	c->used += need;
	return p;
}

static void arena_free(void *p)
{
	/* Inside an arena every cJSON pointer of this thread is the arena's. */
	if (thread_arena == NULL) {
		free(p);
	}
}

static void install_hooks(void)
{
	cJSON_Hooks hooks = {arena_alloc, arena_free};

	cJSON_InitHooks(&hooks);
}

/* Forget everything handed out; keep the newest chunk for the next round unless @p all. */
static void arena_reset(struct arena *arena, bool all)
{
	struct arena_chunk *keep = all ? NULL : arena->chunks;
	struct arena_chunk *c = keep != NULL ? keep->next : arena->chunks;

	while (c != NULL) {
		struct arena_chunk *next = c->next;

		free(c);
		c = next;
	}
	if (keep != NULL) {
		keep->next = NULL;
		keep->used = 0;
	}
	arena->chunks = keep;
}

/* UTF-8, NUL bytes, nesting depth and "\u0000", in one pass, before cJSON recurses. */
static bool prescan(const uint8_t *buf, size_t len, int max_depth)
{
	int depth = 0;
	bool in_string = false;

	for (size_t i = 0; i < len; i++) {
		uint8_t c = buf[i];

		if (c == 0) {
			return false;
		}
		if (c >= 0x80u) {
			size_t n = utf8_seq(buf + i, len - i);

			if (n == 0) {
				return false;
			}
			i += n - 1;
			continue;
		}
		if (in_string) {
			if (c == '\\') {
				if (i + 1 >= len) {
					return false;
				}
				if (buf[i + 1] == 'u' && len - i >= 6 &&
				    memcmp(buf + i + 2, "0000", 4) == 0) {
					return false;
				}
				i++;
			} else if (c == '"') {
				in_string = false;
			}
			continue;
		}
		if (c == '"') {
			in_string = true;
		} else if (c == '{' || c == '[') {
			if (++depth > max_depth) {
				return false;
			}
		} else if (c == '}' || c == ']') {
			depth--;
		}
	}
	return true;
}

/*
 * Duplicate member names, in time linear in the document: a hash set of one
 * object's names (open addressing over a table sized from its member count,
 * reused object to object), names compared by length and every byte. Names
 * made to collide in the table cannot make it quadratic again: past a probe
 * budget the object's names are sorted instead, O(n log n) whatever they are.
 */
#define SMALL_OBJECT 8 /* members compared pairwise, without the table */

struct name_slot {
	const char *name; /* NULL: an empty slot */
	size_t len;
	uint64_t hash;
};

struct name_set {
	struct name_slot *slots;
	size_t cap; /* at most 2 * MCK_JSON_MAX_MEMBERS slots */
};

/*
 * A member name's hash (cJSON's names are NUL-free: prescan refuses "\u0000")
 * and its length: FNV-1a, then MurmurHash3's finaliser, without which the last
 * bytes of "k1", "k2", ... barely reach the top bits the table is indexed by.
 */
uint64_t mck__json_name_hash(const char *s, size_t *len)
{
	uint64_t h = 1469598103934665603u;
	const char *p = s;

	for (; *p != '\0'; p++) {
		h = (h ^ (uint8_t)*p) * 1099511628211u;
	}
	if (len != NULL) {
		*len = (size_t)(p - s);
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdu;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53u;
	h ^= h >> 33;
	return h;
}

static int slot_cmp(const void *pa, const void *pb)
{
	const struct name_slot *a = pa;
	const struct name_slot *b = pb;

	if (a->hash != b->hash) {
		return a->hash < b->hash ? -1 : 1;
	}
	if (a->len != b->len) {
		return a->len < b->len ? -1 : 1;
	}
	return memcmp(a->name, b->name, a->len);
}

/* The names of @p obj's @p count members sorted into the table's first slots: equal ones meet. */
static bool distinct_sorted(const cJSON *obj, size_t count, struct name_set *set)
{
	size_t n = 0;

	for (const cJSON *m = obj->child; m != NULL; m = m->next) {
		set->slots[n].name = m->string;
		set->slots[n].hash = mck__json_name_hash(m->string, &set->slots[n].len);
		n++;
	}
	qsort(set->slots, n, sizeof(set->slots[0]), slot_cmp);
	for (size_t i = 1; i < count; i++) {
		if (slot_cmp(&set->slots[i - 1], &set->slots[i]) == 0) {
			return false;
		}
	}
	return true;
}

/* 1 when @p obj's @p count (> 0) member names are distinct, 0 when one repeats, -1 no memory. */
static int distinct_names(const cJSON *obj, size_t count, struct name_set *set)
{
	unsigned bits = 4;
	size_t probes = 0;

	while (((size_t)1 << bits) < 2 * count) {
		bits++;
	}
	size_t slots = (size_t)1 << bits;
	if (slots > set->cap) {
		free(set->slots);
		set->cap = 0;
		set->slots = malloc(slots * sizeof(set->slots[0]));
		if (set->slots == NULL) {
			return -1;
		}
		set->cap = slots;
	}
	memset(set->slots, 0, slots * sizeof(set->slots[0]));
	for (const cJSON *m = obj->child; m != NULL; m = m->next) {
		size_t len;
		uint64_t h = mck__json_name_hash(m->string, &len);
		size_t i = (size_t)(h >> (64 - bits));

		while (set->slots[i].name != NULL) {
			const struct name_slot *s = &set->slots[i];

			if (s->hash == h && s->len == len && memcmp(s->name, m->string, len) == 0) {
				return 0;
			}
			if (++probes > 8 * count) {
				return distinct_sorted(obj, count, set) ? 1 : 0;
			}
			i = (i + 1) & (slots - 1);
		}
		set->slots[i].name = m->string;
		set->slots[i].len = len;
		set->slots[i].hash = h;
	}
	return 1;
}

/* 1 when every object under @p node has distinct names and at most the cap; 0 not; -1 no memory. */
static int unique_members(const cJSON *node, struct name_set *set)
{
	size_t count = 0;
	int rc;

	for (const cJSON *child = node->child; child != NULL; child = child->next) {
		rc = unique_members(child, set);
		if (rc != 1) {
			return rc;
		}
	}
	if (!cJSON_IsObject(node)) {
		return 1;
	}
	for (const cJSON *a = node->child; a != NULL; a = a->next) {
		if (++count > MCK_JSON_MAX_MEMBERS || a->string == NULL) {
			return 0;
		}
	}
	if (count > SMALL_OBJECT) {
		return distinct_names(node, count, set);
	}
	for (const cJSON *a = node->child; a != NULL; a = a->next) {
		for (const cJSON *b = node->child; b != a; b = b->next) {
			if (strcmp(a->string, b->string) == 0) {
				return 0;
			}
		}
	}
	return 1;
}

int mck_json_parse(const uint8_t *buf, size_t len, int max_depth, cJSON **out)
{
	const char *end = NULL;
	cJSON *root;

	*out = NULL;
	/* Hooks first, so every tree of ours is made and freed by the same pair. */
	pthread_once(&hooks_once, install_hooks);
	/*
	 * credential-format.md §4: every JSON text of ours is an object and starts
	 * with "{". cJSON would skip a byte-order mark and whitespace before it.
	 */
	if (len == 0 || buf[0] != '{' || buf[len] != '\0' || !prescan(buf, len, max_depth)) {
		return MCK_ERR_JSON;
	}
	/* The length counts the NUL so that require_null_terminated can see it. */
	root = cJSON_ParseWithLengthOpts((const char *)buf, len + 1, &end, 1);
	if (root == NULL) {
		return MCK_ERR_JSON;
	}
	struct name_set names = {NULL, 0};
	int rc = unique_members(root, &names);

	free(names.slots);
	if (rc != 1) {
		cJSON_Delete(root);
		return rc < 0 ? MCK_ERR_NOMEM : MCK_ERR_JSON;
	}
	*out = root;
	return MCK_OK;
}

/* ---- Streaming one long array out of an object ---- */

struct stream {
	const uint8_t *buf;
	size_t len;
	size_t pos;
};

/* cJSON's whitespace: every byte up to the space (NUL never gets here: prescan refuses it). */
static void skip_ws(struct stream *st)
{
	while (st->pos < st->len && st->buf[st->pos] <= 0x20u) {
		st->pos++;
	}
}

/* The next byte after whitespace, taken when it is @p c. */
static bool take(struct stream *st, char c)
{
	skip_ws(st);
	if (st->pos < st->len && st->buf[st->pos] == (uint8_t)c) {
		st->pos++;
		return true;
	}
	return false;
}

/*
 * One JSON value at the stream's position, by cJSON. The value must start right
 * there: cJSON would skip a byte-order mark and whitespace before it, which
 * mck_json_parse's grammar has no room for here.
 */
static cJSON *value_at(struct stream *st)
{
	static const char starts[] = "{[\"-0123456789tfn";
	const char *end = NULL;
	cJSON *v;

	skip_ws(st);
	if (st->pos >= st->len || strchr(starts, st->buf[st->pos]) == NULL ||
	    st->buf[st->pos] == '\0') {
		return NULL;
	}
	v = cJSON_ParseWithLengthOpts((const char *)st->buf + st->pos, st->len - st->pos, &end, 0);
	if (v != NULL) {
		st->pos = (size_t)((const uint8_t *)end - st->buf);
	}
	return v;
}

/* The elements of the array at the stream's position ("[" taken), each parsed, checked, freed. */
static int stream_array(struct stream *st, struct name_set *names, mck_json_each_fn each, void *ctx)
{
	struct arena *outer = thread_arena;
	struct arena elements = {NULL};
	size_t index = 0;
	int rc = MCK_OK;

	if (take(st, ']')) {
		return MCK_OK;
	}
	/* One element's tree at a time, in an arena reused element to element. */
	do {
		thread_arena = &elements;
		cJSON *el = value_at(st);
		int unique = el != NULL ? unique_members(el, names) : 0;

		rc = unique == 1 ? MCK_OK : unique < 0 ? MCK_ERR_NOMEM : MCK_ERR_JSON;
		thread_arena = outer;
		if (rc == MCK_OK) {
			rc = each(ctx, el, index++);
		}
		arena_reset(&elements, false);
	} while (rc == MCK_OK && take(st, ','));
	if (rc == MCK_OK && !take(st, ']')) {
		rc = MCK_ERR_JSON;
	}
	arena_reset(&elements, true);
	return rc;
}

static int stream_object(struct stream *st, const char *name, mck_json_each_fn each, void *ctx,
			 struct name_set *names, cJSON *root)
{
	bool streamed = false;
	int rc;

	if (!take(st, '{')) {
		return MCK_ERR_JSON;
	}
	if (take(st, '}')) {
		return MCK_OK;
	}
	do {
		cJSON *key;
		cJSON *value;

		skip_ws(st);
		if (st->pos >= st->len || st->buf[st->pos] != '"' || (key = value_at(st)) == NULL) {
			return MCK_ERR_JSON;
		}
		if (!take(st, ':')) {
			cJSON_Delete(key);
			return MCK_ERR_JSON;
		}
		skip_ws(st);
		/* Only the first: a second one is a duplicate, refused once the text is read. */
		if (!streamed && strcmp(key->valuestring, name) == 0 && st->pos < st->len &&
		    st->buf[st->pos] == '[') {
			streamed = true;
			st->pos++;
			rc = stream_array(st, names, each, ctx);
			/* An empty array in its place: mck_json_array finds it, duplicates show. */
			value = rc == MCK_OK ? cJSON_CreateArray() : NULL;
			if (rc == MCK_OK && value == NULL) {
				rc = MCK_ERR_NOMEM;
			}
		} else {
			value = value_at(st);
			rc = value != NULL ? MCK_OK : MCK_ERR_JSON;
		}
		if (rc == MCK_OK && !cJSON_AddItemToObject(root, key->valuestring, value)) {
			cJSON_Delete(value);
			rc = MCK_ERR_NOMEM;
		}
		cJSON_Delete(key);
		if (rc != MCK_OK) {
			return rc;
		}
	} while (take(st, ','));
	return take(st, '}') ? MCK_OK : MCK_ERR_JSON;
}

int mck_json_parse_each(const uint8_t *buf, size_t len, int max_depth, const char *name,
			mck_json_each_fn each, void *ctx, cJSON **out)
{
	struct stream st = {buf, len, 0};
	struct name_set names = {NULL, 0};
	cJSON *root;
	int rc;

	*out = NULL;
	pthread_once(&hooks_once, install_hooks);
	if (len == 0 || buf[0] != '{' || buf[len] != '\0' || !prescan(buf, len, max_depth)) {
		return MCK_ERR_JSON;
	}
	root = cJSON_CreateObject();
	if (root == NULL) {
		return MCK_ERR_NOMEM;
	}
	rc = stream_object(&st, name, each, ctx, &names, root);
	skip_ws(&st);
	if (rc == MCK_OK && st.pos != len) {
		rc = MCK_ERR_JSON; /* trailing bytes */
	}
	if (rc == MCK_OK) {
		int u = unique_members(root, &names);
		rc = u == 1 ? MCK_OK : u < 0 ? MCK_ERR_NOMEM : MCK_ERR_JSON;
	}
	free(names.slots);
	if (rc != MCK_OK) {
		cJSON_Delete(root);
		return rc;
	}
	*out = root;
	return MCK_OK;
}

static const cJSON *member(const cJSON *obj, const char *name)
{
	if (!cJSON_IsObject(obj)) {
		return NULL;
	}
	return cJSON_GetObjectItemCaseSensitive(obj, name);
}

int mck_json_string(const cJSON *obj, const char *name, const char **out)
{
	const cJSON *it = member(obj, name);

	if (it == NULL) {
		return 0;
	}
	if (!cJSON_IsString(it) || it->valuestring == NULL) {
		return -1;
	}
	*out = it->valuestring;
	return 1;
}

int mck_json_int(const cJSON *obj, const char *name, int64_t min, int64_t max, int64_t *out)
{
	const cJSON *it = member(obj, name);
	double v;

	if (it == NULL) {
		return 0;
	}
	if (!cJSON_IsNumber(it)) {
		return -1;
	}
	v = it->valuedouble;
	/* Doubles hold every integer up to 2^53; our ranges stay far below it. */
	if (!isfinite(v) || v != floor(v) || v < (double)min || v > (double)max) {
		return -1;
	}
	*out = (int64_t)v;
	return 1;
}

int mck_json_time(const cJSON *obj, const char *name, int64_t *out)
{
	return mck_json_int(obj, name, 0, MCK_TIME_MAX, out);
}

int mck_json_nonneg(const cJSON *obj, const char *name, double *out)
{
	const cJSON *it = member(obj, name);

	if (it == NULL) {
		return 0;
	}
	if (!cJSON_IsNumber(it) || !isfinite(it->valuedouble) || it->valuedouble < 0) {
		return -1;
	}
	*out = it->valuedouble;
	return 1;
}

int mck_json_object(const cJSON *obj, const char *name, const cJSON **out)
{
	const cJSON *it = member(obj, name);

	if (it == NULL) {
		return 0;
	}
	if (!cJSON_IsObject(it)) {
		return -1;
	}
	*out = it;
	return 1;
}

int mck_json_array(const cJSON *obj, const char *name, const cJSON **out)
{
	const cJSON *it = member(obj, name);

	if (it == NULL) {
		return 0;
	}
	if (!cJSON_IsArray(it)) {
		return -1;
	}
	*out = it;
	return 1;
}

int mck_json_has_type(const cJSON *obj, const char *type)
{
	const cJSON *it = member(obj, "type");
	const cJSON *el;

	if (it == NULL) {
		return 0;
	}
	if (cJSON_IsString(it)) {
		return strcmp(it->valuestring, type) == 0;
	}
	if (!cJSON_IsArray(it)) {
		return -1;
	}
	int found = 0;
	cJSON_ArrayForEach(el, it) {
		if (!cJSON_IsString(el)) {
			return -1;
		}
		if (strcmp(el->valuestring, type) == 0) {
			found = 1;
		}
	}
	return found;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static bool digits(const char *s, size_t n, int64_t *out)
{
	int64_t v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9') {
			return false;
		}
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

int mck_time_parse_rfc3339(const char *s, int64_t *out)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int64_t y, mo, d, h, mi, sec, oh = 0, om = 0, t;
	size_t len = strlen(s);
	size_t i = 19;

	if (len < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') ||
	    s[13] != ':' || s[16] != ':' || !digits(s, 4, &y) || !digits(s + 5, 2, &mo) ||
	    !digits(s + 8, 2, &d) || !digits(s + 11, 2, &h) || !digits(s + 14, 2, &mi) ||
	    !digits(s + 17, 2, &sec)) {
		return MCK_ERR_ENCODING;
	}
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
	    (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) || h > 23 ||
	    mi > 59 || sec > 60) {
		return MCK_ERR_ENCODING;
	}
	if (s[i] == '.') {
		size_t start = ++i;
		while (i < len && s[i] >= '0' && s[i] <= '9') {
			i++;
		}
		if (i == start) {
			return MCK_ERR_ENCODING;
		}
	}
	if (s[i] == 'Z' || s[i] == 'z') {
		i++;
	} else if ((s[i] == '+' || s[i] == '-') && len - i == 6 && s[i + 3] == ':' &&
		   digits(s + i + 1, 2, &oh) && digits(s + i + 4, 2, &om) && oh <= 23 && om <= 59) {
		if (s[i] == '-') {
			oh = -oh;
			om = -om;
		}
		i += 6;
	} else {
		return MCK_ERR_ENCODING;
	}
	if (i != len) {
		return MCK_ERR_ENCODING;
	}
	if (sec == 60) {
		sec = 59; /* a leap second: the same instant for our purposes */
	}
	t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - oh * 3600 - om * 60;
	if (t < 0 || t > MCK_TIME_MAX) {
		return MCK_ERR_ENCODING;
	}
	*out = t;
	return MCK_OK;
}

void mck_time_format(int64_t t, char buf[21])
{
	int64_t days, secs, z, era, doe, yoe, y, doy, mp, d, m;

	if (t < 0) {
		t = 0;
	}
	if (t > MCK_TIME_MAX) {
		t = MCK_TIME_MAX;
	}
	days = t / 86400;
	secs = t % 86400;
	/* civil_from_days, the inverse of days_from_civil */
	z = days + 719468;
	era = z / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	buf[0] = (char)('0' + y / 1000 % 10);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = 'T';
	buf[11] = (char)('0' + secs / 36000);
	buf[12] = (char)('0' + secs / 3600 % 10);
	buf[13] = ':';
	buf[14] = (char)('0' + secs % 3600 / 600);
	buf[15] = (char)('0' + secs % 600 / 60);
	buf[16] = ':';
	buf[17] = (char)('0' + secs % 60 / 10);
	buf[18] = (char)('0' + secs % 10);
	buf[19] = 'Z';
	buf[20] = '\0';
}
