#include "mck/err.h"

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
