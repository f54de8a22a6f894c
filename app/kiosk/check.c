#define _DEFAULT_SOURCE /* scandir, alphasort */

#include "check.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/text.h"
#include "policyfile.h"

int mck_check_load(struct mck_check *c, const char *path, char *err, size_t cap)
{
	if (c->count >= MCK_CHECK_POLICIES) {
		snprintf(err, cap, "%s: more than %d policies", path, MCK_CHECK_POLICIES);
		return -1;
	}
	if (mck_cli_load_policy(path, &c->policies[c->count], err, cap) != 0) {
		return -1;
	}
	if (c->policy == NULL) {
		c->policy = c->policies[c->count];
	}
	c->count++;
	return 0;
}

static int json_file(const struct dirent *e)
{
	size_t n = strlen(e->d_name);

	return e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".json") == 0;
}

int mck_check_load_dir(struct mck_check *c, const char *dir, char *err, size_t cap)
{
	struct dirent **names = NULL;
	char path[4096];
	int n = scandir(dir, &names, json_file, alphasort);
	int rc = 0;

	if (n < 0) {
		snprintf(err, cap, "%s: %s", dir, strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		if (rc == 0) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
			rc = mck_check_load(c, path, err, cap);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

void mck_check_free(struct mck_check *c)
{
	mck_session_clear(&c->session);
	for (size_t i = 0; i < c->count; i++) {
		mck_policy_free(c->policies[i]);
	}
	memset(c, 0, sizeof(*c));
}

void mck_check_show_policy(const struct mck_check *c, struct mck_view *v)
{
	struct mck_view_session *s = &v->session;
	const char *code = mck_i18n_code(v->lang);

	s->available = c->policy != NULL;
	s->policies = c->count;
	for (size_t i = 0; i < c->count && i < MCK_VIEW_POLICIES; i++) {
		mck_text_sanitize(mck_policy_name(c->policies[i]), s->names[i],
				  sizeof(s->names[i]));
	}
	if (c->policy == NULL) {
		return;
	}
	mck_text_sanitize(mck_policy_name(c->policy), s->policy, sizeof(s->policy));
	s->requirements = mck_policy_count(c->policy);
	for (size_t i = 0; i < s->requirements && i < MCK_VIEW_REQ; i++) {
		double need;

		s->req[i].kind = (int)mck_policy_req_need(c->policy, i, &need);
		s->req[i].need = need;
		mck_text_sanitize(mck_policy_req_label(c->policy, i, code), s->req[i].label,
				  sizeof(s->req[i].label));
	}
}

/* Each requirement's total and the decision, from the session. */
static bool update_totals(struct mck_check *c, struct mck_view *v)
{
	struct mck_req_status st[MCK_POLICY_REQ_MAX];
	bool all = mck_session_evaluate(&c->session, st);

	for (size_t i = 0; i < v->session.requirements && i < MCK_VIEW_REQ; i++) {
		v->session.req[i].have = st[i].have;
		v->session.req[i].met = st[i].met;
	}
	v->session.learners_differ = c->session.learners_differ;
	return all;
}

void mck_check_start(struct mck_check *c, struct mck_view *v, size_t which)
{
	if (which >= c->count) {
		return;
	}
	c->policy = c->policies[which];
	mck_session_init(&c->session, c->policy);
	mck_view_clear_result(v);
	c->active = true;
	v->screen = MCK_SCREEN_SESSION;
	mck_check_show_policy(c, v); /* the picked policy's requirements */
	update_totals(c, v);
}

void mck_check_add(struct mck_check *c, struct mck_view *v, const struct mck_result *res)
{
	struct mck_view_session *s = &v->session;
	int i;

	v->screen = MCK_SCREEN_SESSION;
	v->verdict = res->verdict;
	v->reasons = res->reasons;
	s->latest = true;
	s->latest_listed = false;
	if (!res->has_credential && res->verdict == MCK_VERDICT_UNREADABLE) {
		return; /* no credential: the band says so, the list does not change */
	}
	i = mck_session_add(&c->session, res);
	if (i < 0) {
		s->full = true;
		s->latest = false;
		return;
	}
	if ((size_t)i < MCK_VIEW_CREDS) {
		const struct mck_session_item *it = &c->session.item[i];
		struct mck_view_session_cred *vc = &s->cred[i];

		mck_text_sanitize(it->title, vc->title, sizeof(vc->title));
		mck_text_sanitize(it->issuer_name, vc->issuer, sizeof(vc->issuer));
		vc->verdict = it->verdict;
		vc->counts = it->counts; /* added something, not only eligible */
		vc->duplicate = it->duplicate_of >= 0;
		s->creds = (size_t)i + 1;
		s->latest_listed = true;
	}
	s->full = c->session.count >= MCK_SESSION_MAX;
	update_totals(c, v);
}

void mck_check_finish(struct mck_check *c, struct mck_view *v, int64_t now)
{
	char reference[MCK_POLICY_REF_LEN];
	cJSON *record;

	if (!c->active) {
		return;
	}
	v->session.met = update_totals(c, v);
	record = mck_session_record(&c->session, now, reference);
	cJSON_Delete(record);
	snprintf(v->session.reference, sizeof(v->session.reference), "%s",
		 record != NULL ? reference : "-");
	v->screen = MCK_SCREEN_DECISION;
	v->verdict = v->session.met ? MCK_VERDICT_VALID : MCK_VERDICT_INVALID;
	v->reasons = 0;
}

void mck_check_end(struct mck_check *c, struct mck_view *v)
{
	mck_session_clear(&c->session);
	c->active = false;
	mck_view_clear_result(v); /* keeps the policies on offer */
}
