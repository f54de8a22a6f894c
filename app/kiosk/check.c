#define _DEFAULT_SOURCE /* scandir, alphasort */

#include "check.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mck/err.h"
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

_Static_assert(MCK_RECORD_QR_MAX <= MCK_VIEW_RECORD_QR, "the record's QR text fits the view");

/* The policy's kind of requirement as the view names it: by name, not by number. */
static enum mck_view_need view_need(enum mck_need need)
{
	switch (need) {
	case MCK_NEED_ECTS:
		return MCK_VIEW_NEED_ECTS;
	case MCK_NEED_HOURS:
		return MCK_VIEW_NEED_HOURS;
	case MCK_NEED_COUNT:
		break;
	}
	return MCK_VIEW_NEED_COUNT;
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

		s->req[i].kind = view_need(mck_policy_req_need(c->policy, i, &need));
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

/*
 * @p tmpl (a translation with "%s" placeholders, "%%" for a percent sign) with
 * each "%s" replaced by the next of @p args, in order, cut at @p cap: the
 * translations are data, never a printf format.
 */
static void fill(char *out, size_t cap, const char *tmpl, const char *const *args, size_t nargs)
{
	size_t o = 0;
	size_t next = 0;

	for (const char *t = tmpl; *t != '\0' && o + 1 < cap; t++) {
		const char *piece = t;
		size_t len = 1;

		if (t[0] == '%' && t[1] == 's') {
			piece = next < nargs ? args[next++] : "";
			len = strlen(piece);
			t++;
		} else if (t[0] == '%' && t[1] == '%') {
			t++;
		}
		if (o + len >= cap) {
			len = cap - 1 - o;
		}
		memcpy(out + o, piece, len);
		o += len;
	}
	if (cap > 0) {
		out[o] = '\0';
	}
}

/* "2 ECTS", "8 hours", "3 credentials"; what one credential adds to a count is "1". */
static void with_unit(enum mck_lang lang, enum mck_need kind, double v, bool step, char *out,
		      size_t cap)
{
	char num[32];

	mck_policy_amount_text(v, num, sizeof(num));
	if (kind == MCK_NEED_COUNT && step) {
		snprintf(out, cap, "%s", num);
		return;
	}
	snprintf(out, cap, "%s %s", num,
		 mck_i18n_text(lang, kind == MCK_NEED_COUNT  ? MCK_TEXT_UNIT_CREDENTIALS
				     : kind == MCK_NEED_ECTS ? MCK_TEXT_LABEL_ECTS
							     : MCK_TEXT_LABEL_HOURS));
}

/* @p part after what @p out holds, "; " between, only if it fits whole. */
static bool append(char *out, size_t cap, const char *part)
{
	size_t n = strlen(out);
	size_t sep = n > 0 ? 2 : 0;

	if (n + sep + strlen(part) >= cap) {
		return false;
	}
	snprintf(out + n, cap - n, "%s%s", sep ? "; " : "", part);
	return true;
}

/* "title, EQF level": the first filter each requirement failed, once each, in filter order. */
static void failed_names(enum mck_lang lang, const struct mck_explain *e, char *out, size_t cap)
{
	static const enum mck_text names[] = {
		[MCK_CRIT_TITLE] = MCK_TEXT_CRIT_TITLE,
		[MCK_CRIT_OUTCOMES] = MCK_TEXT_CRIT_OUTCOMES,
		[MCK_CRIT_EQF] = MCK_TEXT_CRIT_EQF,
		[MCK_CRIT_AGE] = MCK_TEXT_CRIT_AGE,
		[MCK_CRIT_ISSUER] = MCK_TEXT_CRIT_ISSUER,
		[MCK_CRIT_COUNTRY] = MCK_TEXT_CRIT_COUNTRY,
	};
	unsigned first = 0;
	bool no_ects = false;
	bool no_hours = false;
	size_t n = 0;

	out[0] = '\0';
	for (size_t r = 0; r < e->n; r++) {
		if (e->req[r].first == MCK_CRIT_AMOUNT) {
			no_ects = no_ects || e->req[r].kind == MCK_NEED_ECTS;
			no_hours = no_hours || e->req[r].kind == MCK_NEED_HOURS;
		} else if (e->req[r].first < MCK_CRIT_AMOUNT) {
			first |= MCK_CRIT_BIT(e->req[r].first);
		}
	}
	for (int k = 0; k < MCK_CRIT_COUNT + 1; k++) {
		const char *word = NULL;

		if (k < MCK_CRIT_AMOUNT && (first & MCK_CRIT_BIT(k))) {
			word = mck_i18n_text(lang, names[k]);
		} else if (k == MCK_CRIT_AMOUNT && no_ects) {
			word = mck_i18n_text(lang, MCK_TEXT_LABEL_ECTS); /* states no credits */
		} else if (k == MCK_CRIT_COUNT && no_hours) {
			word = mck_i18n_text(lang, MCK_TEXT_LABEL_HOURS);
		}
		if (word != NULL && n + 2 + strlen(word) < cap) {
			n += (size_t)snprintf(out + n, cap - n, "%s%s", n > 0 ? ", " : "", word);
		}
	}
}

/*
 * What item @p i added ("+2 ECTS → 5 ECTS in IT", one part per requirement it
 * added to) or why it added nothing ("Does not match: title"), unsanitised.
 */
static void explain_text(const struct mck_check *c, enum mck_lang lang, size_t i, char *out,
			 size_t cap)
{
	struct mck_explain e;
	char why[128];
	bool cut = false;

	out[0] = '\0';
	if (mck_session_explain(&c->session, i, &e) != MCK_OK) {
		return;
	}
	if (e.skip == MCK_SKIP_DUPLICATE) {
		snprintf(out, cap, "%s", mck_i18n_text(lang, MCK_TEXT_SESSION_DUPLICATE));
		return;
	}
	if (e.skip != MCK_SKIP_NONE) {
		const char *arg = mck_i18n_text(lang, MCK_TEXT_CRIT_VERDICT);

		fill(out, cap, mck_i18n_text(lang, MCK_TEXT_SESSION_NO_MATCH), &arg, 1);
		return;
	}
	if (!e.counts) {
		const char *arg = why;

		failed_names(lang, &e, why, sizeof(why));
		fill(out, cap, mck_i18n_text(lang, MCK_TEXT_SESSION_NO_MATCH), &arg, 1);
		return;
	}
	for (size_t r = 0; r < e.n; r++) {
		char step[48];
		char total[64];
		char part[256];
		const char *args[3];

		if (!e.req[r].added) {
			continue;
		}
		with_unit(lang, e.req[r].kind, e.req[r].add, true, step, sizeof(step));
		with_unit(lang, e.req[r].kind, e.req[r].total, false, total, sizeof(total));
		args[0] = step;
		args[1] = total;
		args[2] = mck_policy_req_label(c->policy, r, mck_i18n_code(lang));
		fill(part, sizeof(part), mck_i18n_text(lang, MCK_TEXT_SESSION_ADDED), args, 3);
		cut = cut || !append(out, cap - 4, part); /* room for "; …" */
	}
	if (cut) {
		append(out, cap, "\xe2\x80\xa6"); /* more than fits: said, not hidden */
	}
}

void mck_check_add(struct mck_check *c, struct mck_view *v, const struct mck_result *res)
{
	struct mck_view_session *s = &v->session;
	int i;

	v->screen = MCK_SCREEN_SESSION;
	v->verdict = res->verdict;
	v->reasons = res->reasons;
	v->scroll = 0; /* the list shows the newest first: what was just shown is in view */
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
		{
			char text[sizeof(vc->explain) * 2];

			explain_text(c, v->lang, (size_t)i, text, sizeof(vc->explain));
			mck_text_sanitize(text, vc->explain, sizeof(vc->explain));
		}
		mck_text_sanitize(
			res->has_credential && res->cred.learner != NULL ? res->cred.learner : "",
			vc->learner, sizeof(vc->learner));
		vc->other_person = it->other_learner;
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
	/* the record handed over as a QR code: no learner data (mck_record_qr_text) */
	if (record == NULL ||
	    mck_record_qr_text(record, v->session.record_qr, sizeof(v->session.record_qr)) < 0) {
		v->session.record_qr[0] = '\0'; /* the reference alone */
	}
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
