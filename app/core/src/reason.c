#include "mck/reason.h"

#include <stddef.h>

static const struct {
	const char *code;
	enum mck_verdict verdict;
	const char *text;
} reasons[MCK_REASON_COUNT] = {
#define MCK__REASON_ROW(name, c, v, t) {c, MCK_VERDICT_##v, t},
	MCK_REASON_MAP(MCK__REASON_ROW)
#undef MCK__REASON_ROW
};

_Static_assert(MCK_REASON_COUNT <= 32, "mck_reasons is a 32-bit set");

const char *mck_reason_code(enum mck_reason reason)
{
	if ((unsigned)reason >= MCK_REASON_COUNT) {
		return NULL;
	}
	return reasons[reason].code;
}

const char *mck_reason_text(enum mck_reason reason)
{
	if ((unsigned)reason >= MCK_REASON_COUNT) {
		return NULL;
	}
	return reasons[reason].text;
}

enum mck_verdict mck_reason_verdict(enum mck_reason reason)
{
	if ((unsigned)reason >= MCK_REASON_COUNT) {
		return MCK_VERDICT_UNUSABLE;
	}
	return reasons[reason].verdict;
}

enum mck_verdict mck_verdict_of(mck_reasons set)
{
	enum mck_verdict worst = MCK_VERDICT_VALID;
	unsigned r;

	for (r = 0; r < MCK_REASON_COUNT; r++) {
		if ((set & MCK_REASON_BIT(r)) != 0 && reasons[r].verdict > worst) {
			worst = reasons[r].verdict;
		}
	}
	/* Bits outside the list can only come from a bug: fail closed. */
	if ((set >> MCK_REASON_COUNT) != 0) {
		worst = MCK_VERDICT_UNUSABLE;
	}
	return worst;
}

const char *mck_verdict_name(enum mck_verdict verdict)
{
	switch (verdict) {
	case MCK_VERDICT_VALID:
		return "valid";
	case MCK_VERDICT_WARNING:
		return "warning";
	case MCK_VERDICT_INVALID:
		return "invalid";
	case MCK_VERDICT_UNREADABLE:
		return "unreadable";
	case MCK_VERDICT_UNUSABLE:
	default:
		return NULL;
	}
}

int mck_verdict_exit_code(enum mck_verdict verdict)
{
	switch (verdict) {
	case MCK_VERDICT_VALID:
		return 0;
	case MCK_VERDICT_WARNING:
		return 1;
	case MCK_VERDICT_INVALID:
		return 2;
	case MCK_VERDICT_UNREADABLE:
		return 3;
	case MCK_VERDICT_UNUSABLE:
	default:
		return 4;
	}
}
