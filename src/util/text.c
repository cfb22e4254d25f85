/* text: encoding detection and conversion (glibc iconv), UTF-8 checks and display width
 * (utf8proc); see text.h. */
#include "util/text.h"
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <utf8proc.h>

const char *text_encoding_name(enum text_encoding e)
{
	static const char *names[] = { "UTF-8", "UTF-8 with BOM", "GB18030", "UTF-16LE",
				       "UTF-16BE" };
	return names[e];
}

size_t text_utf8_invalid_at(const char *s, size_t len)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n < 0)
			return i;
		i += (size_t)n;
	}
	return len;
}

/* Converts with iconv; on an invalid sequence reports its offset in *bad. */
static bool convert(const char *from, const char *data, size_t len, struct buf *out, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	char *in = (char *)data;
	size_t inleft = len;
	bool ok = true;

	if (cd == (iconv_t)-1) {
		*bad = 0;
		return false;
	}
	buf_reset(out);
	while (inleft > 0) {
		char chunk[16384];
		char *o = chunk;
		size_t oleft = sizeof chunk;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		buf_add(out, chunk, sizeof chunk - oleft);
		if (r == (size_t)-1 && errno != E2BIG) {
			*bad = len - inleft;
			ok = false;
			break;
		}
	}
	iconv_close(cd);
	return ok;
}

static size_t line_of(const char *data, size_t off)
{
	size_t line = 1;
	for (size_t i = 0; i < off; i++)
		line += data[i] == '\n';
	return line;
}

bool text_to_utf8(const char *data, size_t len, struct buf *out, enum text_encoding *enc,
		  size_t *line, struct buf *why)
{
	size_t bad, gbbad, skip = 0;
	const unsigned char *u = (const unsigned char *)data;

	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		*enc = u[0] == 0xFF ? TEXT_UTF16LE : TEXT_UTF16BE;
		if (convert(*enc == TEXT_UTF16LE ? "UTF-16LE" : "UTF-16BE", data + 2, len - 2, out,
			    &bad))
			return true;
		*line = 0;
		buf_addf(why, "not valid %s at byte %zu", text_encoding_name(*enc), bad + 2);
		return false;
	}
	*enc = TEXT_UTF8;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*enc = TEXT_UTF8_BOM;
		data += 3;
		len -= 3;
		skip = 3;
	}
	bad = text_utf8_invalid_at(data, len);
	if (bad == len) {
		buf_reset(out);
		buf_add(out, data, len);
		return true;
	}
	if (*enc == TEXT_UTF8 && convert("GB18030", data, len, out, &gbbad)) {
		*enc = TEXT_GB18030;
		return true;
	}
	*line = line_of(data, bad);
	buf_addf(why, "byte 0x%02X (offset %zu) is not valid UTF-8%s; save the file as "
		      "UTF-8 (CSV UTF-8 in Excel)",
		 (unsigned char)data[bad], bad + skip,
		 *enc == TEXT_UTF8 ? " and the file is not GB18030 either" : "");
	return false;
}

void text_sanitize(const char *s, size_t max, struct buf *out)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0, len = strlen(s);

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n;
		if (i >= max) {
			buf_adds(out, "…");
			return;
		}
		n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0) {
			buf_addf(out, "\\x%02X", p[i++]);
			continue;
		}
		buf_add(out, s + i, (size_t)n);
		i += (size_t)n;
	}
}

size_t text_width(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t w = 0;

	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &cp);
		if (n <= 0) {
			p++;
			w++;
			continue;
		}
		if (cp >= 0x20) {
			int cw = utf8proc_charwidth(cp);
			w += cw > 0 ? (size_t)cw : 0;
		}
		p += n;
	}
	return w;
}

void text_pad(struct buf *out, const char *s, size_t width)
{
	size_t w = text_width(s);
	buf_adds(out, s);
	while (w++ < width)
		buf_addc(out, ' ');
}
