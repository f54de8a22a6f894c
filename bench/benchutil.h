/* Timing and statistics shared by the benchmarks. */
#ifndef MCK_BENCHUTIL_H
#define MCK_BENCHUTIL_H

#include <stddef.h>

/** Monotonic time in milliseconds. */
double mck_bench_now_ms(void);

/** Sort @p v in place and return its median. */
double mck_bench_median(double *v, size_t n);

/** The @p p-th percentile (0..100) of a sorted array. */
double mck_bench_percentile(const double *sorted, size_t n, double p);

#endif
