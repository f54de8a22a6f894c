#define _POSIX_C_SOURCE 200809L

#include "benchutil.h"

#include <stdlib.h>
#include <time.h>

double mck_bench_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a;
	double y = *(const double *)b;

	return (x > y) - (x < y);
}

double mck_bench_median(double *v, size_t n)
{
	if (n == 0) {
		return 0;
	}
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double mck_bench_percentile(const double *sorted, size_t n, double p)
{
	size_t i;

	if (n == 0) {
		return 0;
	}
	i = (size_t)(p / 100.0 * (double)(n - 1) + 0.5);
	return sorted[i < n ? i : n - 1];
}
