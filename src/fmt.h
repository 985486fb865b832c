/* fmt.h -- `sakip fmt`: the canonical layout of a .sakip file.
 *
 * Works on the token stream (comments included) of a file that parses
 * without errors: one declaration or item per line, blocks indented by
 * four spaces, item keywords padded so target/realisasi values align,
 * single spaces between tokens, Rp amounts in grouped notation, comments
 * kept where they were (end of line or own line), at most one blank line
 * kept where the source had blank lines, line breaks inside expressions
 * kept as continuation lines.  Only white space and the spelling of
 * amounts change, so the meaning cannot. */
#ifndef SAKIP_FMT_H
#define SAKIP_FMT_H

#include "util.h"

void fmt_source(const char *text, size_t len, Buf *out);

#endif
