/* The scan-source registry: backends by name, one ops table each. */
#define _DEFAULT_SOURCE /* explicit_bzero */

#include <errno.h>
#include <string.h>

#include "mck/source.h"

extern const struct mck_source_ops mck__source_replay;
extern const struct mck_source_ops mck__source_v4l2;
extern const struct mck_source_ops mck__source_hid;
extern const struct mck_source_ops mck__source_gst;

/* Platform backends are chosen in drivers/source/CMakeLists.txt. */
static const struct mck_source_ops *const backends[] = {
	&mck__source_replay,
#ifdef MCK_SOURCE_HAVE_V4L2
	&mck__source_v4l2,
#endif
#ifdef MCK_SOURCE_HAVE_HID
	&mck__source_hid,
#endif
#ifdef MCK_SOURCE_HAVE_GST
	&mck__source_gst,
#endif
};

const struct mck_source_ops *mck_source_find(const char *name)
{
	for (size_t i = 0; i < sizeof(backends) / sizeof(backends[0]); i++) {
		if (strcmp(backends[i]->name, name) == 0) {
			return backends[i];
		}
	}
	return NULL;
}

const struct mck_source_ops *mck_source_backend(const char *spec)
{
	char name[16];
	const char *colon = strchr(spec, ':');

	if (colon == NULL || (size_t)(colon - spec) >= sizeof(name)) {
		return NULL;
	}
	memcpy(name, spec, (size_t)(colon - spec));
	name[colon - spec] = '\0';
	return mck_source_find(name);
}

int mck_source_open(struct mck_source *s, const char *spec, const struct mck_source_cfg *cfg)
{
	char name[16];
	const char *colon = strchr(spec, ':');
	struct mck_source_cfg c = *cfg;
	size_t n = colon != NULL ? (size_t)(colon - spec) : 0;
	int rc;

	memset(s, 0, sizeof(*s));
	if (colon == NULL || n == 0 || n >= sizeof(name)) {
		return -EINVAL;
	}
	memcpy(name, spec, n);
	name[n] = '\0';
	s->ops = mck_source_find(name);
	if (s->ops == NULL) {
		return -ENOENT;
	}
	c.arg = colon + 1;
	rc = s->ops->open(s, &c);
	if (rc != 0) {
		s->ops = NULL;
	}
	return rc;
}

int mck_source_next(struct mck_source *s, struct mck_scan_event *ev, int timeout_ms)
{
	ev->seq = 0; /* a backend that numbers its frames says so; the others never set it */
	return s->ops != NULL ? s->ops->next(s, ev, timeout_ms) : -EBADF;
}

void mck_source_release(struct mck_source *s, struct mck_scan_event *ev)
{
	if (s->ops != NULL && s->ops->release != NULL) {
		s->ops->release(s, ev);
	}
	if (ev->kind == MCK_SCAN_TEXT || ev->len != 0) {
		/* the whole array: what is past len may be an earlier, longer text */
		explicit_bzero(ev->text, sizeof(ev->text));
		ev->len = 0;
	}
	ev->grey = NULL;
}

void mck_source_forget(struct mck_source *s)
{
	if (s->ops != NULL && s->ops->forget != NULL) {
		s->ops->forget(s);
	}
}

void mck_source_close(struct mck_source *s)
{
	if (s->ops != NULL) {
		s->ops->close(s);
		s->ops = NULL;
	}
}
