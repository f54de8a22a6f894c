/* The GPIO backend: lamps and buzzer on GPIO lines, through libgpiod (v1 API). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <gpiod.h>

#include "mck/indicator.h"

struct gpio {
	struct gpiod_chip *chip;
	struct gpiod_line *line[3]; /* green, red, buzzer; NULL: not fitted */
};

static void gpio_close(struct mck_indicator *ind)
{
	struct gpio *g = ind->priv;

	if (g == NULL) {
		return;
	}
	for (int i = 0; i < 3; i++) {
		if (g->line[i] != NULL) {
			gpiod_line_set_value(g->line[i], 0);
			gpiod_line_release(g->line[i]);
		}
	}
	gpiod_chip_close(g->chip);
	free(g);
	ind->priv = NULL;
}

static int gpio_open(struct mck_indicator *ind, const struct mck_indicator_cfg *cfg, char *msg,
		     size_t cap)
{
	static const char *const names[] = {"green", "red", "buzzer"};
	const int offsets[] = {cfg->green, cfg->red, cfg->buzzer};
	struct gpio *g;

	if (cfg->chip == NULL || cfg->chip[0] == '\0') {
		snprintf(msg, cap, "indicators: no gpio chip given");
		return -EINVAL;
	}
	g = calloc(1, sizeof(*g));
	if (g == NULL) {
		return -ENOMEM;
	}
	ind->priv = g;
	g->chip = gpiod_chip_open_lookup(cfg->chip);
	if (g->chip == NULL) {
		int e = errno != 0 ? errno : ENOENT;

		snprintf(msg, cap, "indicators: gpio chip %.40s: %s", cfg->chip, strerror(e));
		free(g);
		ind->priv = NULL;
		return -e;
	}
	for (int i = 0; i < 3; i++) {
		if (offsets[i] < 0) {
			continue;
		}
		g->line[i] = gpiod_chip_get_line(g->chip, (unsigned)offsets[i]);
		if (g->line[i] == NULL ||
		    gpiod_line_request_output(g->line[i], "mckiosk", 0) != 0) {
			int e = errno != 0 ? errno : EINVAL;

			snprintf(msg, cap, "indicators: %s lamp on %.40s line %d: %s", names[i],
				 cfg->chip, offsets[i], strerror(e));
			g->line[i] = NULL;
			gpio_close(ind);
			return -e;
		}
	}
	return 0;
}

static int gpio_set(struct mck_indicator *ind, unsigned lines, uint64_t now_ms)
{
	struct gpio *g = ind->priv;
	int rc = 0;

	(void)now_ms;
	for (int i = 0; i < 3; i++) {
		if (g->line[i] != NULL &&
		    gpiod_line_set_value(g->line[i], (lines >> i) & 1u ? 1 : 0) != 0) {
			rc = -errno;
		}
	}
	return rc;
}

const struct mck_indicator_ops mck__indicator_gpio = {
	.name = "gpio",
	.open = gpio_open,
	.set = gpio_set,
	.close = gpio_close,
};
