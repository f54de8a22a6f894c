/* Sanitising attacker-chosen text for terminals and screens. */
#include "mck/text.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"

static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */
static const char ellipsis[] = "\xe2\x80\xa6";    /* U+2026 */

size_t mck__utf8_decode(const uint8_t *s, uint32_t *cp)
{
	size_t n;
	uint32_t min;

	if (s[0] < 0x80u) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2u && s[0] <= 0xdfu) {
		n = 2;
		*cp = s[0] & 0x1fu;
		min = 0x80u;
	} else if (s[0] >= 0xe0u && s[0] <= 0xefu) {
		n = 3;
		*cp = s[0] & 0x0fu;
		min = 0x800u;
	} else if (s[0] >= 0xf0u && s[0] <= 0xf4u) {
		n = 4;
		*cp = s[0] & 0x07u;
		min = 0x10000u;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0u) != 0x80u) { /* also stops at the NUL */
			return 0;
		}
		*cp = (*cp << 6) | (s[i] & 0x3fu);
	}
	if (*cp < min || *cp > 0x10ffffu || (*cp >= 0xd800u && *cp <= 0xdfffu)) {
		return 0;
	}
	return n;
}

static bool unsafe(uint32_t cp)
{
	return cp < 0x20u || (cp >= 0x7fu && cp <= 0x9fu) || /* controls */
	       (cp >= 0x200bu && cp <= 0x200fu) ||           /* zero-width, LRM, RLM */
	       (cp >= 0x2028u && cp <= 0x202eu) ||           /* separators, embeddings */
	       (cp >= 0x2060u && cp <= 0x2069u) ||           /* joiners, isolates */
	       cp == 0x061cu || cp == 0xfeffu || cp == 0xfff9u || cp == 0xfffau || cp == 0xfffbu;
}

size_t mck_text_sanitize(const char *in, char *out, size_t cap)
{
	const uint8_t *s = (const uint8_t *)in;
	size_t o = 0;

	if (cap == 0) {
		return 0;
	}
	while (*s != '\0') {
		uint32_t cp = 0;
		size_t n = mck__utf8_decode(s, &cp);
		const char *piece = (const char *)s;
		size_t plen = n;

		if (n == 0 || unsafe(cp)) {
			piece = replacement;
			plen = 3;
			n = n == 0 ? 1 : n;
		}
		/* Keep room for an ellipsis and the NUL. */
		if (o + plen + sizeof(ellipsis) > cap) {
			if (o + sizeof(ellipsis) <= cap) {
				memcpy(out + o, ellipsis, sizeof(ellipsis) - 1);
				o += sizeof(ellipsis) - 1;
			}
			break;
		}
		memcpy(out + o, piece, plen);
		o += plen;
		s += n;
	}
	out[o] = '\0';
	return o;
}
