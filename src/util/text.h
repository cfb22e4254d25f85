/* text: character encodings and display width. Input files arrive as UTF-8 (with or without
 * BOM), GB18030/GBK (what Chinese Excel writes) or UTF-16 with a BOM; everything inside
 * bangfu is UTF-8. Width is what a terminal shows: CJK characters take two columns. */
#ifndef BF_TEXT_H
#define BF_TEXT_H
#include <stdbool.h>
#include <stddef.h>
#include "util/buf.h"

enum text_encoding { TEXT_UTF8, TEXT_UTF8_BOM, TEXT_GB18030, TEXT_UTF16LE, TEXT_UTF16BE };

/* Converts data to UTF-8 in out, detecting the encoding. On failure returns false, sets
 * *line to the line of the first byte that is neither valid UTF-8 nor GB18030, and writes into
 * why a sentence naming that byte. */
bool text_to_utf8(const char *data, size_t len, struct buf *out, enum text_encoding *enc,
		  size_t *line, struct buf *why);
const char *text_encoding_name(enum text_encoding e);
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
