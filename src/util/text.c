/* text: encoding detection and conversion (glibc iconv), UTF-8 checks and display width
 * (utf8proc); see text.h. */
#include "util/text.h"
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <utf8proc.h>

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

bool text_encoding_known(const char *name)
{
	iconv_t cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t)-1)
		return false;
	iconv_close(cd);
	return true;
}

/* What the characters of a valid GB18030 text are, by the bytes that encode them: Chinese
 * someone typed is GB2312's hanzi and punctuation with at most a few rarer characters; other
 * encodings read as GB18030 give what no one types here. */
struct gb_census {
	size_t common;   /* GB2312 hanzi (rows B0-F7) */
	size_t high;     /* of which in rows C9-F7, where EUC-KR has no Hangul */
	size_t rare;     /* GBK extension hanzi and symbols, four-byte characters */
	size_t odd;      /* kana, Greek, Cyrillic, box drawing, private use */
	size_t odd_at, rare_at, first_at; /* offset of the first odd, rare, common character */
};

static void gb_census(const unsigned char *u, size_t len, struct gb_census *c)
{
	size_t i = 0;

	memset(c, 0, sizeof *c);
	while (i + 1 < len) {
		unsigned l = u[i], t = u[i + 1];
		if (l < 0x80) {
			i++;
			continue;
		}
		if (t >= 0x30 && t <= 0x39) { /* four bytes: outside GBK */
			c->rare_at = c->rare++ ? c->rare_at : i;
			i += 4;
			continue;
		}
		if (t >= 0xA1 && l >= 0xB0 && l <= 0xF7) {
			c->first_at = c->common++ ? c->first_at : i;
			c->high += l >= 0xC9;
		} else if (t >= 0xA1 && (l <= 0xA3 || l == 0xA8)) {
			/* punctuation, full-width forms, pinyin: anyone types them */
		} else if ((t >= 0xA1 && l >= 0xA1) || (l >= 0xA1 && l <= 0xA7)) {
			/* rows A4-A7, A9 (kana, Greek, Cyrillic, box drawing), AA-AF and F8-FE
			 * (user-defined), A140-A7A0 (user-defined) */
			c->odd_at = c->odd++ ? c->odd_at : i;
		} else {
			c->rare_at = c->rare++ ? c->rare_at : i;
		}
		i += 2;
	}
}

/* Writes into why, with *line, why a text that is valid GB18030 is not believed to be. */
static bool gb_implausible(const char *data, size_t len, size_t skip, size_t *line,
			   struct buf *why)
{
	struct gb_census c;
	const char *fix = "save it as UTF-8 (CSV UTF-8 in Excel) or give its encoding: --encoding "
			  "BIG5, SHIFT_JIS, EUC-KR, WINDOWS-1252 (the API: ?encoding=), GB18030 "
			  "if it really is";

	gb_census((const unsigned char *)data, len, &c);
	if (c.odd) {
		*line = line_of(data, c.odd_at);
		buf_addf(why, "bytes 0x%02X 0x%02X (offset %zu) read as GB18030 give a kana, Greek, "
			      "box-drawing or private-use character no one types here: the file "
			      "is probably Big5, Shift-JIS or EUC-KR; %s",
			 (unsigned char)data[c.odd_at], (unsigned char)data[c.odd_at + 1],
			 c.odd_at + skip, fix);
		return true;
	}
	if (c.rare && c.rare * 4 > c.common + c.rare) {
		*line = line_of(data, c.rare_at);
		buf_addf(why, "read as GB18030, %zu of its %zu Chinese characters are rare ones "
			      "(the first at offset %zu): the file is probably Shift-JIS, Big5 or "
			      "Windows-1252; %s",
			 c.rare, c.common + c.rare, c.rare_at + skip, fix);
		return true;
	}
	if (c.common >= 6 && c.high == 0) {
		*line = line_of(data, c.first_at);
		buf_addf(why, "read as GB18030, all %zu of its Chinese characters fall in the rows "
			      "where EUC-KR keeps Korean Hangul (Chinese uses the other rows about "
			      "half the time): the file is probably EUC-KR; %s",
			 c.common, fix);
		return true;
	}
	return false;
}

/* Removes a leading U+FEFF (the BOM of whatever encoding the text was in). */
static void strip_bom(struct buf *out)
{
	if (out->len >= 3 && memcmp(out->data, "\xEF\xBB\xBF", 3) == 0) {
		memmove(out->data, out->data + 3, out->len - 3 + 1);
		out->len -= 3;
	}
}

static bool named(const char *data, size_t len, const char *encoding, struct buf *out,
		  const char **enc, size_t *line, struct buf *why)
{
	size_t bad;

	*enc = encoding;
	if (!text_encoding_known(encoding)) {
		*line = 0;
		buf_addf(why, "'%s' is not an encoding this system knows (`iconv -l` lists them)",
			 encoding);
		return false;
	}
	if (!convert(encoding, data, len, out, &bad)) {
		*line = line_of(data, bad);
		buf_addf(why, "byte 0x%02X (offset %zu) is not valid %s", (unsigned char)data[bad],
			 bad, encoding);
		return false;
	}
	strip_bom(out);
	return true;
}

bool text_to_utf8(const char *data, size_t len, const char *encoding, struct buf *out,
		  const char **enc, size_t *line, struct buf *why)
{
	size_t bad, gbbad, skip = 0;
	const unsigned char *u = (const unsigned char *)data;

	if (encoding)
		return named(data, len, encoding, out, enc, line, why);
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		*enc = u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
		if (convert(*enc, data + 2, len - 2, out, &bad))
			return true;
		*line = 0;
		buf_addf(why, "not valid %s at byte %zu", *enc, bad + 2);
		return false;
	}
	*enc = "UTF-8";
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*enc = "UTF-8 with BOM";
		data += 3;
		len -= 3;
		skip = 3;
	} else if (len >= 4 && memcmp(data, "\x84\x31\x95\x33", 4) == 0) {
		*enc = "GB18030 with BOM";
		data += 4;
		len -= 4;
		skip = 4;
	}
	bad = skip == 4 ? 0 : text_utf8_invalid_at(data, len);
	if (bad == len) {
		buf_reset(out);
		buf_add(out, data, len);
		return true;
	}
	if (skip != 3 && convert("GB18030", data, len, out, &gbbad)) {
		if (gb_implausible(data, len, skip, line, why))
			return false;
		*enc = skip ? "GB18030 with BOM" : "GB18030";
		return true;
	}
	if (skip == 4) {
		*line = line_of(data, gbbad);
		buf_addf(why, "byte 0x%02X (offset %zu) is not valid GB18030, though the file "
			      "starts with GB18030's BOM",
			 (unsigned char)data[gbbad], gbbad + skip);
		return false;
	}
	*line = line_of(data, bad);
	buf_addf(why, "byte 0x%02X (offset %zu) is not valid UTF-8%s; save the file as "
		      "UTF-8 (CSV UTF-8 in Excel)",
		 (unsigned char)data[bad], bad + skip,
		 skip == 0 ? " and the file is not GB18030 either" : "");
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
