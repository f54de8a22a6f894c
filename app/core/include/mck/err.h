/* Error codes of the MicroCred Kiosk libraries: one append-only list. */
#ifndef MCK_ERR_H
#define MCK_ERR_H

/*
 * X(NAME, message). Values are negative, in list order: MCK_ERR_<NAME>.
 * Append only: the numbers appear in logs.
 */
#define MCK_ERR_MAP(X)                                                                             \
	X(INTERNAL, "internal error")                                                              \
	X(NOMEM, "out of memory")                                                                  \
	X(INVAL, "invalid argument")                                                               \
	X(IO, "input/output error")                                                                \
	X(TOOBIG, "input exceeds its size limit")                                                  \
	X(ENCODING, "bad encoding")                                                                \
	X(JSON, "bad JSON")                                                                        \
	X(KEY, "unusable key")                                                                     \
	X(ALG, "algorithm not allowed for this key")                                               \
	X(SIGNATURE, "signature does not verify")                                                  \
	X(RANDOM, "random number generator failed")                                                \
	X(NOTFOUND, "not found")                                                                   \
	X(UNSUPPORTED, "not supported")

enum mck_err {
	MCK_OK = 0,
	MCK__ERR_BASE = -1000,
#define MCK__ERR_ENUM(name, msg) MCK_ERR_##name,
	MCK_ERR_MAP(MCK__ERR_ENUM)
#undef MCK__ERR_ENUM
		MCK__ERR_END
};

/** Message for an mck_err value (never NULL). */
const char *mck_strerror(int err);

#endif
