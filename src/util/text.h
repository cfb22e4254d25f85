/* text: character encodings and display width. Input files arrive as UTF-8 (with or without
 * BOM), GB18030/GBK (what Chinese Excel writes), UTF-16 with a BOM, or an encoding the user
 * names (Big5, Shift-JIS, EUC-KR, Windows-1252...); everything inside
 * bangfu is UTF-8. Width is what a terminal shows: CJK characters take two columns. */
#ifndef BF_TEXT_H
#define BF_TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include "util/buf.h"

/* Converts data to UTF-8 in out. With encoding NULL it is detected: UTF-8 (with or without
 * BOM), UTF-16 with a BOM, or GB18030 when the text reads as Chinese someone typed; a file
 * that decodes as GB18030 only by accident (Big5, Shift-JIS, EUC-KR, Windows-1252 bytes read
 * as GB18030 give kana, private-use or rare characters, or Hangul's rows alone) is refused,
 * asking for the encoding. With encoding given (an iconv name: BIG5, SHIFT_JIS, EUC-KR,
 * WINDOWS-1252, GB18030, UTF-8...) that is used and nothing is guessed. A leading BOM (U+FEFF,
 * in whatever encoding) is removed. *enc is set to the encoding's name. On failure returns
 * false, sets *line (1-based, 0 when unknown) and writes into why a sentence that says what
 * to do. */
bool text_to_utf8(const char *data, size_t len, const char *encoding, struct buf *out,
		  const char **enc, size_t *line, struct buf *why);
/* True when iconv can convert from the named encoding. */
bool text_encoding_known(const char *name);
/* Returns the offset of the first invalid byte of s, or len if s is valid UTF-8. */
size_t text_utf8_invalid_at(const char *s, size_t len);
/* Appends s to out as valid UTF-8: each invalid byte becomes the text \xNN, and after max
 * bytes of s the rest is replaced by "…". For echoing untrusted input in messages. */
void text_sanitize(const char *s, size_t max, struct buf *out);
/* Display width of a UTF-8 string in terminal columns. */
size_t text_width(const char *s);
/* Appends s to out, padded with spaces to width columns (never truncates). */
void text_pad(struct buf *out, const char *s, size_t width);

#endif
