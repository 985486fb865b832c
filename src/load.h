/* load.h -- from a path to a checked Unit: reads the file, parses it,
 * follows `impor` through the search path (the importing file's folder,
 * $SAKIP_PATH, the installed data directory), detects import cycles,
 * reads each imported file once, and runs the checks. */
#ifndef SAKIP_LOAD_H
#define SAKIP_LOAD_H

#include <stdbool.h>
#include "ast.h"
#include "diag.h"
#include "util.h"

#define MAX_IMPOR_DEPTH 16

/* Returns NULL when the file cannot be read (a diagnostic says why and
 * *unreadable is set). Otherwise a Unit, possibly with errors in dl. */
Unit *load_unit(const char *path, DiagList *dl, bool *unreadable);
/* The same, then the what-ifs of scenario files (`--skenario`) and of
 * `--andai` texts (each the part after the keyword) applied on top. */
Unit *load_unit_ex(const char *path, const Vec *scenarios, const Vec *andai, DiagList *dl, bool *unreadable);
/* The same for source text already in memory (name is used in messages). */
Unit *load_text(const char *name, const char *text, size_t len, DiagList *dl);

/* How imported files are read: by default from disk (locfile_load);
 * `sakip lsp` reads the text of a file open in the editor instead. */
void load_set_reader(LocFile *(*reader)(const char *path, const char **err));

/* True when a diagnostic code stops evaluation (syntax, names, types). */
bool diag_code_is_fatal(const char *code);
size_t diag_count_fatal(const DiagList *dl);
/* Syntax errors (E01xx scanning, E02xx parsing) in file, or in any file
 * when file is NULL: what stops `sakip fmt` and formatting in the editor. */
size_t diag_count_syntax(const DiagList *dl, const LocFile *file);

#endif
