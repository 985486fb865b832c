/* parser_fast_unit.c -- compiles the fast file parser.
 *
 * grammar/parser_fast.c is generated from grammar/parser.y as a pull
 * parser without LAC, prefix fastyy (see Makefile.am).  This unit gives it
 * the SAKIP_FAST_PARSER switch, under which syntax errors are not
 * explained but only flagged; src/parse.c then parses the file again with
 * the push/LAC parser.
 */
#define SAKIP_FAST_PARSER 1
/* The skeleton's yypcontext_expected_tokens() is used only by the full
 * error reporter, which this parser leaves out. */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "parser_fast.c"
