#include "mck/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char *mck_strerror(int err)
{
	switch (err) {
	case MCK_OK:
		return "success";
#define MCK__ERR_CASE(name, msg)                                                                   \
	case MCK_ERR_##name:                                                                       \
		return msg;
		MCK_ERR_MAP(MCK__ERR_CASE)
#undef MCK__ERR_CASE
	default:
		return "unknown error";
	}
}

char *mck__strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p != NULL) {
		memcpy(p, s, n);
	}
	return p;
}

int mck__say(char *msg, size_t cap, int rc, const char *fmt, ...)
{
	va_list ap;

	if (msg != NULL && cap > 0) {
		va_start(ap, fmt);
		vsnprintf(msg, cap, fmt, ap);
		va_end(ap);
	}
	return rc;
}
