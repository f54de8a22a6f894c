/* The trace backend: each change of the lines as "<ms> <green> <red> <buzzer>". */
#include <errno.h>

#include "mck/indicator.h"

static int trace_open(struct mck_indicator *ind, const struct mck_indicator_cfg *cfg, char *msg,
		      size_t cap)
{
	if (cfg->trace == NULL) {
		snprintf(msg, cap, "indicators: trace needs a file");
		return -EINVAL;
	}
	ind->priv = cfg->trace;
	return 0;
}

static int trace_set(struct mck_indicator *ind, unsigned lines, uint64_t now_ms)
{
	FILE *f = ind->priv;

	fprintf(f, "%llu %u %u %u\n", (unsigned long long)now_ms, (lines & MCK_LINE_GREEN) != 0,
		(lines & MCK_LINE_RED) != 0, (lines & MCK_LINE_BUZZER) != 0);
	return fflush(f) == 0 ? 0 : -EIO;
}

static void trace_close(struct mck_indicator *ind)
{
	ind->priv = NULL; /* the caller's file */
}

const struct mck_indicator_ops mck__indicator_trace = {
	.name = "trace",
	.open = trace_open,
	.set = trace_set,
	.close = trace_close,
};
