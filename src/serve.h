/* serve.h -- `sakip serve`: a local web dashboard of loaded units, with
 * what-ifs in the browser (sakip(1), serve; doc/serve.md).
 *
 * serve.c owns the HTTP side (libmicrohttpd): routes, the access token,
 * the Host check, sessions, request bounds, live reload and shutdown.
 * serve_pages.c builds the pages from the report code (report_html.c)
 * and the evaluator: overview, unit page, what-if changes, jelaskan,
 * source listing, downloads. */
#ifndef SAKIP_SERVE_H
#define SAKIP_SERVE_H

#include <stdbool.h>
#include <sys/stat.h>
#include "cli.h"
#include "diag.h"
#include "eval.h"
#include "render.h"
#include "report.h"

/* One loaded unit: its file, and (when it has no fatal error) its
 * evaluation and what the pages show of it, built once per load. */
typedef struct SUnit {
    char *id;                /* the name in URLs: the file's base name, made unique */
    char *path;              /* as found on the command line or in a folder */
    struct stat st;          /* when it was read (live reload) */
    bool stat_ok;
    Unit *u;                 /* NULL when unreadable */
    DiagList dl;
    Eval ev;
    bool ok;                 /* no fatal error: ev and report are valid */
    Report *report;          /* the base report (what-if changes compare with it) */
    char *diags;             /* the diagnostics as text (may be empty) */
    char *page;              /* the unit's page without what-ifs */
    char *row;               /* its row of the overview */
    RecapRow *recap;         /* its row of the official recap, or NULL */
    size_t failed;           /* claims that do not hold (the overview's column and sort key) */
    /* overview sort keys: rank of the mean, serapan, failed claims, nilai */
    long key[4];
} SUnit;

typedef struct ServeState {
    SUnit *units;
    size_t nunits;
    Notation notation;
    int tahun;
    const char *skenario_dir;
    char *tmpdir;            /* downloads are rendered here, then removed */
    unsigned long dl_serial;
    unsigned long gen;       /* bumped when a unit is reloaded */
} ServeState;

/* serve_pages.c */
void serve_unit_load(ServeState *s, SUnit *su);
void serve_unit_clear(SUnit *su);
/* Ranks each unit's overview columns (after every load). */
void serve_rank(ServeState *s);
/* Pages (malloc'd HTML documents). */
/* The overview, with the units behind plan as of period `per` ("tw2"), or
 * only the form to choose it when per is NULL or not a period. */
char *serve_page_overview_per(ServeState *s, const char *per);
/* andai: the session's what-ifs of this unit (char*), msg: a message to
 * show above the form (an error), or NULL. */
char *serve_page_unit(ServeState *s, SUnit *su, const Vec *andai, const char *msg, bool can_save);
char *serve_page_jelaskan(ServeState *s, SUnit *su, const Vec *andai, const char *what, const char *id);
char *serve_page_source(ServeState *s, SUnit *su);
char *serve_page_message(const char *title, const char *text);
/* The andai text ("realisasi IKM 2024 = 70") of a form, checked against
 * the unit with the language's own rules, and (*page) the unit's page
 * with it added to andai, from the same load: NULL and *err (malloc'd)
 * set when it is refused. */
char *serve_andai_text(ServeState *s, SUnit *su, const Vec *andai, const char *apa, const char *tahun,
                       const char *nilai, bool can_save, char **page, char **err);
/* A download: the unit (su) or the recap (su NULL) in format fmt, as
 * `sakip eval --format=FMT` writes it; NULL when it cannot be made. */
/* NULL when it cannot be made; *stale then says whether that is because
 * the unit's what-ifs no longer apply to the file as it now is. */
/* The formats a page offers for download (every one eval writes but
 * text, and XLSX only when built with it), NULL-terminated. */
typedef struct ServeFormat {
    const char *name;        /* eval --format=NAME, and the URL's last part */
    const char *label;       /* the link's text */
    const char *mime;
} ServeFormat;
extern const ServeFormat serve_formats[];
const ServeFormat *serve_format(const char *name);
char *serve_download(ServeState *s, SUnit *su, const Vec *andai, const char *fmt, size_t *len, bool *stale);
/* The scenario file text of a unit's what-ifs (as the REPL's :simpan). */
char *serve_scenario_text(SUnit *su, const Vec *andai);

/* serve.c: runs the server until SIGINT or SIGTERM (the program
 * sakip-serve, src/serve_main.c) */
int serve_run(Options *o);

#endif
