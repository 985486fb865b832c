/* render.h -- one interface for every output format of `sakip eval`,
 * and the registry of formats.
 *
 * A run calls begin once, unit once per evaluated file (in input order),
 * recap once when more than one file was evaluated, and end once.  Each
 * renderer reads the results of a unit (UnitResult) and the recap rows;
 * it writes either to ctx->out (a stream: standard output, or --output
 * through an atomic file it asked for with render_stream) or files of
 * its own (XLSX, CSV into a directory).
 *
 * A new format: a Renderer in its own report_FORMAT.c (or in render.c
 * when it is a few lines over the table renderers), one row in
 * renderers[] (render.c), its name in eval's --help, doc/sakip.1,
 * doc/formats.md and completion/sakip.bash, and a test.
 */
#ifndef SAKIP_RENDER_H
#define SAKIP_RENDER_H

#include <stdbool.h>
#include <stdio.h>
#include "output.h"
#include "report.h"

/* The results of one evaluated unit. */
typedef struct UnitResult {
    const char *nama;        /* the instansi's name, or NULL */
    const char *file;        /* the file it came from */
    Eval *ev;                /* the evaluation, from which the three below are built; renderers
                              * read only those, or take the tables one at a time from it
                              * (report_head, report_next) */
    Report *report;          /* its tables: result_report() builds them once; a renderer may keep
                              * them past the unit by taking the pointer and setting this to NULL */
    Figures *figures;        /* the values the charts draw: result_figures() builds them once */
    Values *values;          /* the values JSON writes: result_values() builds them once */
} UnitResult;

Report *result_report(UnitResult *res);
Figures *result_figures(UnitResult *res);
Values *result_values(UnitResult *res);
/* Frees what was built (the driver, before the unit is freed). */
void result_free(UnitResult *res);

typedef struct RenderCtx {
    FILE *out;               /* the stream, once render_stream() has opened it */
    const char *output;      /* --output PATH, or NULL */
    Notation notation;
    bool csv_excel_id;       /* --csv=excel-id */
    bool all_claims;         /* --klaim=semua: HTML prints every claim, not only the failing ones */
    size_t nfiles;           /* files on the command line */
    const char *title;       /* the one file's name, or "Rekapitulasi" for several */
    size_t shown;            /* units rendered so far (the driver counts) */
    Buf buf;                 /* scratch, empty at each call */
    void *state;             /* the renderer's own */
    const char *per;         /* eval --per=P as given, or NULL (sakip(5), PERIODS) */
    Vec andai;               /* char*, owned: the what-ifs of the units so far, each once (note_andai in render.c) */
    /* private to render.c */
    AtomicFile af;
    bool to_file;
} RenderCtx;

typedef struct Renderer {
    const char *name;        /* --format=NAME */
    bool needs_output;       /* refuses to run without --output (a workbook) */
    /* Each returns false after printing why to stderr; the run then exits 2. */
    bool (*begin)(RenderCtx *ctx);
    void (*unit)(RenderCtx *ctx, UnitResult *res);
    void (*recap)(RenderCtx *ctx, Vec *rows /* RecapRow* */);
    bool (*end)(RenderCtx *ctx);
} Renderer;

/* The formats, in the order --help names them; NULL-terminated. */
extern const Renderer *const renderers[];
const Renderer *renderer_find(const char *name);

/* For begin: write to standard output, or to --output through an atomic
 * file that render_finish commits. */
bool render_stream(RenderCtx *ctx);
/* After end: commits --output (or flushes standard output); false after
 * printing why. */
bool render_finish(RenderCtx *ctx, bool ok);

#endif
