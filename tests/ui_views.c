/*
 * The UI tests' views: every screen the kiosk draws, by name, filled as the
 * kiosk would fill it (a credential with everything, some of it long; a
 * check with two requirements and four credentials). test_legible reads
 * their layout, test_redraw their pixels.
 */
#include "ui_views.h"

#include <stdio.h>
#include <string.h>

void mck_test_view_base(struct mck_view *v, enum mck_lang lang)
{
	memset(v, 0, sizeof(*v));
	v->lang = lang;
	v->status.have_trustlist = true;
	v->status.sequence = 5;
	snprintf(v->status.updated, sizeof(v->status.updated), "2026-11-08");
	snprintf(v->status.next_update, sizeof(v->status.next_update), "2026-12-08");
	v->status.issuers = 4;
	v->status.clock_ok = true;
	v->status.camera_ok = true;
	snprintf(v->op.now, sizeof(v->op.now), "2026-11-18 11:06 UTC");
	snprintf(v->op.source, sizeof(v->op.source), "v4l2:/dev/video0");
	snprintf(v->op.software, sizeof(v->op.software), "mckiosk 0.1.0");
	v->op.scans = 1234;
	v->op.verdicts[MCK_VERDICT_VALID] = 1000;
	v->op.verdicts[MCK_VERDICT_INVALID] = 34;
	v->op.uptime_s = 3 * 86400 + 5000;
}

/* A credential with everything, some of it long. */
void mck_test_view_credential(struct mck_view *v)
{
	v->screen = MCK_SCREEN_RESULT;
	v->verdict = MCK_VERDICT_VALID;
	v->has_credential = true;
	v->countdown_s = 27;
	snprintf(v->learner, sizeof(v->learner), "Anna Kowalska-Wi\xc5\x9bniewska");
	snprintf(v->title, sizeof(v->title),
		 "Cloud Security Fundamentals for Public Administration");
	snprintf(v->body, sizeof(v->body),
		 "Example Vocational Training Centre of the Mazovian Voivodeship");
	snprintf(v->country, sizeof(v->country), "PL");
	v->claimed = true;
	snprintf(v->claimed_body, sizeof(v->claimed_body), "Politechnika Warszawska");
	snprintf(v->claimed_country, sizeof(v->claimed_country), "DE");
	snprintf(v->issued, sizeof(v->issued), "2026-10-19");
	snprintf(v->expires, sizeof(v->expires), "2029-08-14");
	v->eqf_level = 5;
	snprintf(v->workload, sizeof(v->workload), "2 ECTS \xc2\xb7 50 h");
	v->outcomes = 3;
	snprintf(v->outcome[0], sizeof(v->outcome[0]),
		 "Configure identity and access management for a small organisation");
	snprintf(v->outcome[1], sizeof(v->outcome[1]),
		 "Detect and respond to common cloud misconfigurations");
	snprintf(v->outcome[2], sizeof(v->outcome[2]), "Apply encryption at rest and in transit");
	snprintf(v->assessment, sizeof(v->assessment), "Written exam, supervised on site");
	snprintf(v->participation, sizeof(v->participation), "blended");
	snprintf(v->supervision, sizeof(v->supervision), "supervised-onsite");
	snprintf(v->identity_check, sizeof(v->identity_check),
		 "Passport checked by the exam centre");
	snprintf(v->quality, sizeof(v->quality), "Accredited by the national agency");
	snprintf(v->grade, sizeof(v->grade), "Pass with distinction");
}

/* A check with the example policy's two requirements and four credentials shown. */
void mck_test_view_check(struct mck_view *v, enum mck_screen screen)
{
	struct mck_view_session *s = &v->session;

	v->screen = screen;
	v->verdict = MCK_VERDICT_VALID;
	s->available = true;
	s->policies = 1;
	snprintf(s->policy, sizeof(s->policy), "Admission: Cloud Engineering exam");
	s->requirements = 2;
	snprintf(s->req[0].label, sizeof(s->req[0].label), "EQF 4 or higher");
	s->req[0].kind = MCK_VIEW_NEED_COUNT;
	s->req[0].have = 1;
	s->req[0].need = 1;
	s->req[0].met = true;
	snprintf(s->req[1].label, sizeof(s->req[1].label), "5 ECTS in IT");
	s->req[1].kind = MCK_VIEW_NEED_ECTS;
	s->req[1].have = 4;
	s->req[1].need = 5;
	s->creds = 4;
	for (size_t i = 0; i < s->creds; i++) {
		struct mck_view_session_cred *c = &s->cred[i];

		snprintf(c->title, sizeof(c->title), "Cloud Security Fundamentals");
		snprintf(c->issuer, sizeof(c->issuer),
			 "Example Vocational Training Centre of the Mazovian Voivodeship (PL)");
		snprintf(c->learner, sizeof(c->learner), "Anna Kowalska");
		snprintf(c->explain, sizeof(c->explain), "+2 ECTS, now 4 ECTS in IT");
		c->verdict = i == 1 ? MCK_VERDICT_INVALID : MCK_VERDICT_VALID;
		c->counts = i != 1;
	}
	s->cred[3].other_person = true;
	snprintf(s->cred[3].learner, sizeof(s->cred[3].learner), "Jan Nowak");
	s->latest = true;
	s->latest_listed = true;
	s->met = screen == MCK_SCREEN_DECISION;
	s->learners_differ = true;
	snprintf(s->reference, sizeof(s->reference), "WEA0-42KD");
}

/* Every screen the kiosk draws, by name. */
const char *const mck_test_view_screens[] = {
	"idle",     "idle-preview", "idle-clock-start", "progress",         "valid",     "warning",
	"invalid",  "unreadable",   "not-credential",   "cannot-check",     "fault",     "operator",
	"policies", "check",        "decision-met",     "decision-not-met", "languages",
};

uint8_t mck_test_view_picture[MCK_VIEW_PREVIEW_W * MCK_VIEW_PREVIEW_H];

void mck_test_view_make(struct mck_view *v, const char *name, enum mck_lang lang)
{
	mck_test_view_base(v, lang);
	if (strcmp(name, "idle-preview") == 0 || strcmp(name, "idle-clock-start") == 0) {
		memset(mck_test_view_picture, 0x80, sizeof(mck_test_view_picture));
		v->preview = mck_test_view_picture;
		v->preview_w = MCK_VIEW_PREVIEW_W;
		v->preview_h = MCK_VIEW_PREVIEW_H;
		if (strcmp(name, "idle-clock-start") == 0) {
			v->status.clock_ok = false;
			v->session.available = true;
			v->session.policies = 1;
			snprintf(v->session.policy, sizeof(v->session.policy),
				 "Admission: Cloud Engineering exam");
		}
	} else if (strcmp(name, "progress") == 0) {
		v->screen = MCK_SCREEN_PROGRESS;
		v->chunk_have = 1;
		v->chunk_total = 3;
		v->chunk_next = 1; /* part 2 was read: part 1 is next */
	} else if (strcmp(name, "valid") == 0) {
		mck_test_view_credential(v);
	} else if (strcmp(name, "warning") == 0) {
		mck_test_view_credential(v);
		v->verdict = MCK_VERDICT_WARNING;
		v->reasons = MCK_REASON_BIT(MCK_REASON_INCOMPLETE) |
			     MCK_REASON_BIT(MCK_REASON_STATUS_UNKNOWN);
		v->missing = 2;
		v->missing_label[0] = MCK_TEXT_LABEL_EQF;
		v->missing_label[1] = MCK_TEXT_LABEL_QUALITY;
	} else if (strcmp(name, "invalid") == 0) {
		v->screen = MCK_SCREEN_RESULT;
		v->verdict = MCK_VERDICT_INVALID;
		v->reasons = MCK_REASON_BIT(MCK_REASON_SIGNATURE_INVALID);
	} else if (strcmp(name, "unreadable") == 0) {
		v->screen = MCK_SCREEN_RESULT;
		v->verdict = MCK_VERDICT_UNREADABLE;
		v->reasons = MCK_REASON_BIT(MCK_REASON_NO_CODE);
	} else if (strcmp(name, "not-credential") == 0) {
		v->screen = MCK_SCREEN_RESULT;
		v->verdict = MCK_VERDICT_UNREADABLE;
		v->reasons = MCK_REASON_BIT(MCK_REASON_NOT_A_CREDENTIAL);
		v->shown = MCK_VIEW_SHOWN_URL;
		snprintf(v->shown_host, sizeof(v->shown_host), "europass.europa.eu");
	} else if (strcmp(name, "cannot-check") == 0) {
		v->screen = MCK_SCREEN_RESULT;
		v->verdict = MCK_VERDICT_UNUSABLE;
		v->cannot_check = true;
		v->reasons = MCK_REASON_BIT(MCK_REASON_TRUSTLIST_EXPIRED);
	} else if (strcmp(name, "fault") == 0) {
		v->status.camera_ok = false;
	} else if (strcmp(name, "operator") == 0) {
		v->screen = MCK_SCREEN_OPERATOR;
		v->status.due_soon = true;
		v->status.due_in_days = 3;
	} else if (strcmp(name, "policies") == 0) {
		v->screen = MCK_SCREEN_POLICIES;
		v->session.policies = 2;
		snprintf(v->session.names[0], sizeof(v->session.names[0]),
			 "Admission: Cloud Engineering exam");
		snprintf(v->session.names[1], sizeof(v->session.names[1]),
			 "Digital skills: recognition of prior learning for the advanced course");
	} else if (strcmp(name, "check") == 0) {
		mck_test_view_check(v, MCK_SCREEN_SESSION);
	} else if (strcmp(name, "decision-met") == 0) {
		mck_test_view_check(v, MCK_SCREEN_DECISION);
	} else if (strcmp(name, "decision-not-met") == 0) {
		mck_test_view_check(v, MCK_SCREEN_DECISION);
		v->session.met = false;
	} else if (strcmp(name, "languages") == 0) {
		mck_test_view_credential(v);
		v->picker = true;
	}
}

const size_t mck_test_view_count = sizeof(mck_test_view_screens) / sizeof(mck_test_view_screens[0]);

void mck_test_view_paint_picture(unsigned seed)
{
	uint32_t x = 2463534242u + seed * 7919u;

	for (size_t i = 0; i < sizeof(mck_test_view_picture); i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		mck_test_view_picture[i] = (uint8_t)((i % MCK_VIEW_PREVIEW_W) / 2 + (x & 63u));
	}
}
