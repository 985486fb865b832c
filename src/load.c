/* load.c -- reading, importing and checking source files. */
#include <config.h>
#include "load.h"
#include "i18n.h"
#include "check.h"
#include "output.h"
#include "parse.h"
#include "survei.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef SAKIP_DATADIR
#define SAKIP_DATADIR "/usr/local/share/sakip"
#endif

typedef struct ImportCtx {
    DiagList *dl;
    Vec chain;               /* char* realpaths of files being imported */
    Vec chain_names;         /* char* the same files as the user named them */
    Vec done_paths;          /* char* realpaths already read */
    Vec done_units;          /* Unit* matching done_paths (owned by their importer) */
} ImportCtx;

static bool regular_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static char *join(const char *dir, const char *file)
{
    Buf b;
    buf_init(&b);
    if (strcmp(dir, ".")) buf_printf(&b, "%s/", dir);
    buf_puts(&b, file);
    return buf_steal(&b);
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return xstrdup(".");
    if (slash == path) return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

/* The data directories, searched after $SAKIP_PATH.  First the one that
 * belongs to this program: its own directory when that holds standar/
 * (an uninstalled build tree), else PREFIX/share/sakip when the program is
 * PREFIX/bin/sakip (an installation, also one moved elsewhere); then the
 * configured $(pkgdatadir).  No directory of the build is compiled in
 * (doc/decisions.md, "No build paths in the program").  Found once. */
static const Vec *data_dirs(void)
{
    static Vec dirs;
    static bool found;
    if (found) return &dirs;
    found = true;
    char *dir = program_dir();
    if (dir) {
        char *standar = join(dir, "standar");
        struct stat st;
        size_t len = strlen(dir);
        if (stat(standar, &st) == 0 && S_ISDIR(st.st_mode)) {
            vec_push(&dirs, dir);
            dir = NULL;
        } else if (len >= 4 && !strcmp(dir + len - 4, "/bin")) {
            Buf b;
            buf_init(&b);
            buf_printf(&b, "%.*s/share/sakip", (int)(len - 4), dir);
            vec_push(&dirs, buf_steal(&b));
        }
        free(standar);
        free(dir);
    }
    if (!dirs.len || strcmp(dirs.items[0], SAKIP_DATADIR)) vec_push(&dirs, xstrdup(SAKIP_DATADIR));
    return &dirs;
}

/* Finds an imported file; returns malloc'd path or NULL.  The folders
 * tried are added to searched (char*, malloc'd) in order, each once. */
static char *find_import(const char *importer, const char *path, Vec *searched)
{
    if (path[0] == '/') return regular_file(path) ? xstrdup(path) : NULL;
    Vec dirs = {0};
    vec_push(&dirs, dir_of(importer));
    const char *env = getenv("SAKIP_PATH");
    if (env && *env) {
        char *copy = xstrdup(env);
        for (char *save = NULL, *tok = strtok_r(copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save))
            vec_push(&dirs, xstrdup(tok));
        free(copy);
    }
    const Vec *data = data_dirs();
    for (size_t i = 0; i < data->len; i++) vec_push(&dirs, xstrdup(data->items[i]));
    char *found = NULL;
    size_t first = searched->len;
    for (size_t i = 0; i < dirs.len && !found; i++) {
        bool seen = false;
        for (size_t k = first; k < searched->len && !seen; k++) seen = !strcmp(searched->items[k], dirs.items[i]);
        if (seen) continue;
        char *p = join(dirs.items[i], path);
        if (regular_file(p)) found = p;
        else free(p);
        vec_push(searched, dirs.items[i]);
        dirs.items[i] = NULL;
    }
    for (size_t i = 0; i < dirs.len; i++) free(dirs.items[i]);
    vec_free(&dirs);
    return found;
}

/* Reads an imported file: NULL reads it from disk (load_set_reader). */
static LocFile *(*load_reader)(const char *path, const char **err);

void load_set_reader(LocFile *(*reader)(const char *path, const char **err))
{
    load_reader = reader;
}

static void process_imports(ImportCtx *ic, Unit *u);

static void merge_import(ImportCtx *ic, Unit *into, Unit *lib, const Impor *im)
{
    for (size_t i = 0; i < lib->sym_cap; i++) {
        Entity *e = lib->sym[i];
        if (!e || (e->kind != ENT_SKALA && e->kind != ENT_ATURAN)) continue;
        Entity *old = unit_define(into, e);
        if (old && old != e) {
            Diag *d = diag_add(ic->dl, DIAG_ERROR, "E0302", im->span, _("impor \"%s\" brings '%s', which is already declared"),
                               im->path, e->id);
            diag_label(d, old->id_span, _("'%s' is declared here"), old->id);
        }
    }
}

static void process_imports(ImportCtx *ic, Unit *u)
{
    for (size_t i = 0; i < u->impor.len; i++) {
        Impor *im = u->impor.items[i];
        Vec searched = {0};
        char *found = find_import(u->file->name, im->path, &searched);
        if (!found) {
            Diag *d = diag_add(ic->dl, DIAG_ERROR, "E0901", im->span, _("cannot find imported file \"%s\""), im->path);
            diag_hint(d, _("looked beside this file, in the folders of $SAKIP_PATH and in sakip's data directory"));
            Buf b;
            buf_init(&b);
            for (size_t k = 0; k < searched.len; k++) buf_printf(&b, "%s%s", k ? ", " : "", (char *)searched.items[k]);
            if (searched.len) diag_hint(d, _("folders searched, in order: %s"), b.data);
            buf_free(&b);
        }
        for (size_t k = 0; k < searched.len; k++) free(searched.items[k]);
        vec_free(&searched);
        if (!found) continue;
        char real[PATH_MAX];
        if (!realpath(found, real)) snprintf(real, sizeof real, "%s", found);
        bool cycle = false;
        for (size_t k = 0; k < ic->chain.len; k++)
            if (!strcmp(ic->chain.items[k], real)) cycle = true;
        if (cycle) {
            Buf b;
            buf_init(&b);
            size_t from = 0;
            for (size_t k = 0; k < ic->chain.len; k++)
                if (!strcmp(ic->chain.items[k], real)) from = k;
            for (size_t k = from; k < ic->chain.len; k++) buf_printf(&b, "%s -> ", (char *)ic->chain_names.items[k]);
            buf_puts(&b, found);
            Diag *d = diag_add(ic->dl, DIAG_ERROR, "E0903", im->span, _("import cycle: %s"), b.data);
            diag_hint(d, _("a file may not import itself, directly or through other files"));
            buf_free(&b);
            free(found);
            continue;
        }
        if (ic->chain.len > MAX_IMPOR_DEPTH) {
            diag_add(ic->dl, DIAG_ERROR, "E0904", im->span, _("imports nested more than %d deep"), MAX_IMPOR_DEPTH);
            free(found);
            continue;
        }
        Unit *lib = NULL;
        for (size_t k = 0; k < ic->done_paths.len; k++)
            if (!strcmp(ic->done_paths.items[k], real)) lib = ic->done_units.items[k];
        if (!lib) {
            const char *err = NULL;
            LocFile *lf = load_reader ? load_reader(found, &err) : locfile_load(found, &err);
            if (!lf) {
                diag_add(ic->dl, DIAG_ERROR, "E0901", im->span, _("cannot read imported file \"%s\": %s"), found, err);
                free(found);
                continue;
            }
            output_note_input(found);
            lib = parse_unit(lf, ic->dl);
            apush(u, &u->imported, lib);
            vec_push(&ic->done_paths, xstrdup(real));
            vec_push(&ic->done_units, lib);
            vec_push(&ic->chain, xstrdup(real));
            vec_push(&ic->chain_names, xstrdup(found));
            process_imports(ic, lib);
            free(ic->chain.items[--ic->chain.len]);
            free(ic->chain_names.items[--ic->chain_names.len]);
            check_library(lib, ic->dl);
        }
        merge_import(ic, u, lib, im);
        free(found);
    }
}

static Unit *finish(Unit *u, DiagList *dl)
{
    ImportCtx ic;
    memset(&ic, 0, sizeof ic);
    ic.dl = dl;
    char real[PATH_MAX];
    /* The chain is only for finding import cycles: a file that imports
     * nothing needs no realpath (4 system calls a file). */
    if (u->impor.len && realpath(u->file->name, real)) {
        vec_push(&ic.chain, xstrdup(real));
        vec_push(&ic.chain_names, xstrdup(u->file->name));
    }
    process_imports(&ic, u);
    for (size_t i = 0; i < ic.chain.len; i++) free(ic.chain.items[i]);
    for (size_t i = 0; i < ic.chain_names.len; i++) free(ic.chain_names.items[i]);
    vec_free(&ic.chain_names);
    for (size_t i = 0; i < ic.done_paths.len; i++) free(ic.done_paths.items[i]);
    vec_free(&ic.chain);
    vec_free(&ic.done_paths);
    vec_free(&ic.done_units);
    survei_load_berkas(u, dl);
    check_unit(u, dl);
    return u;
}

/* The top-level declaration holding byte offset off, as a span. */
static Span top_level_span(const Unit *u, uint32_t off)
{
    if (u->instansi_block.file && u->instansi_block.start <= off && off < u->instansi_block.end)
        return u->instansi_block;
    for (size_t i = 0; i < u->entities.len; i++) {
        const Entity *e = u->entities.items[i];
        if (!e->parent && e->span.start <= off && off < e->span.end) return e->span;
    }
    for (size_t i = 0; i < u->periksa.len; i++) {
        const Periksa *p = u->periksa.items[i];
        if (p->span.start <= off && off < p->span.end) return p->span;
    }
    return (Span){NULL, 0, 0};
}

/* After syntax errors the checks still run, so one run reports every
 * independent mistake; but a finding inside a declaration that did not
 * parse cleanly is likely a consequence of the syntax error, so it is
 * dropped. */
static Unit *finish_after_parse(Unit *u, DiagList *dl, size_t first)
{
    if (u->truncated) return u;   /* a limit stopped the reading: checks would mislead */
    Vec broken = {0};
    for (size_t i = first; i < dl->items.len; i++) {
        const Diag *d = dl->items.items[i];
        if (d->span.file == u->file && diag_code_is_fatal(d->code)) {
            Span top = top_level_span(u, d->span.start);
            if (!top.file) continue;   /* between declarations: nothing to suspect */
            Span *s = xmalloc(sizeof *s);
            *s = top;
            vec_push(&broken, s);
        }
    }
    /* Names on a line that failed to parse may be declared there: an
     * "unknown name" for them is a consequence, not a finding. */
    Vec suspect = {0};
    for (size_t i = first; i < dl->items.len; i++) {
        const Diag *d = dl->items.items[i];
        if (d->span.file != u->file || !d->code || strncmp(d->code, "E02", 3)) continue;
        int line, col;
        locfile_pos(u->file, d->span.start, &line, &col);
        size_t len;
        const char *t = locfile_line(u->file, line, &len);
        for (size_t k = 0; k < len;) {
            if (isalpha((unsigned char)t[k]) || t[k] == '_') {
                size_t j = k;
                while (j < len && (isalnum((unsigned char)t[j]) || t[j] == '_')) j++;
                vec_push(&suspect, xstrndup(t + k, j - k));
                k = j;
            } else {
                k++;
            }
        }
    }
    size_t parsed_to = dl->items.len;
    bool syntax_errors = false;
    for (size_t i = first; i < dl->items.len; i++)
        if (diag_code_is_fatal(((Diag *)dl->items.items[i])->code)) syntax_errors = true;
    bool header_broken = false;
    for (size_t i = 0; i < u->entities.len; i++)
        if (!((Entity *)u->entities.items[i])->id[0]) header_broken = true;
    finish(u, dl);
    if (syntax_errors) {
        size_t w = parsed_to;
        for (size_t i = parsed_to; i < dl->items.len; i++) {
            Diag *d = dl->items.items[i];
            bool drop = d->span.file != u->file;
            for (size_t k = 0; k < broken.len && !drop; k++) {
                const Span *s = broken.items[k];
                if (s->start <= d->span.start && d->span.start < s->end) drop = true;
            }
            /* an unknown name may be one whose declaration header did not parse */
            if (d->code && !strcmp(d->code, "E0301") && header_broken) drop = true;
            if (d->code && !strcmp(d->code, "E0301") && d->span.file == u->file) {
                char *name = xstrndup(u->file->text + d->span.start, d->span.end - d->span.start);
                for (size_t k = 0; k < suspect.len && !drop; k++)
                    if (!strcmp(suspect.items[k], name)) drop = true;
                free(name);
            }
            if (drop) {
                if (d->level == DIAG_ERROR) dl->nerrors--;
                else if (d->level == DIAG_WARNING) dl->nwarnings--;
                diag_free_one(d);
            } else {
                dl->items.items[w++] = d;
            }
        }
        dl->items.len = w;
    }
    for (size_t i = 0; i < broken.len; i++) free(broken.items[i]);
    vec_free(&broken);
    for (size_t i = 0; i < suspect.len; i++) free(suspect.items[i]);
    vec_free(&suspect);
    return u;
}

Unit *load_unit(const char *path, DiagList *dl, bool *unreadable)
{
    return load_unit_ex(path, NULL, NULL, dl, unreadable);
}

Unit *load_unit_ex(const char *path, const Vec *scenarios, const Vec *andai, DiagList *dl, bool *unreadable)
{
    const char *err = NULL;
    *unreadable = false;
    LocFile *lf = locfile_load(path, &err);
    if (!lf) {
        diag_add(dl, DIAG_ERROR, "E0000", (Span){NULL, 0, 0}, _("cannot read '%s': %s"), path, err);
        *unreadable = true;
        return NULL;
    }
    output_note_input(path);
    size_t first = dl->items.len;
    Unit *u = parse_unit(lf, dl);
    for (size_t i = 0; scenarios && i < scenarios->len; i++) {
        LocFile *s = locfile_load(scenarios->items[i], &err);
        if (!s) {
            diag_add(dl, DIAG_ERROR, "E0000", (Span){NULL, 0, 0}, _("cannot read scenario '%s': %s"),
                     (const char *)scenarios->items[i], err);
            *unreadable = true;
            continue;
        }
        output_note_input(scenarios->items[i]);
        apush(u, &u->extra_files, s);
        parse_more(u, s, dl);
    }
    for (size_t i = 0; andai && i < andai->len; i++) {
        Buf b;
        buf_init(&b);
        buf_printf(&b, "andai %s\n", (const char *)andai->items[i]);
        LocFile *s = locfile_new("--andai", b.data, b.len);
        buf_free(&b);
        apush(u, &u->extra_files, s);
        parse_more(u, s, dl);
    }
    return finish_after_parse(u, dl, first);
}

Unit *load_text(const char *name, const char *text, size_t len, DiagList *dl)
{
    size_t first = dl->items.len;
    LocFile *lf = locfile_new(name, text, len);
    return finish_after_parse(parse_unit(lf, dl), dl, first);
}

bool diag_code_is_fatal(const char *code)
{
    if (!code || code[0] != 'E') return false;
    /* a survey file that cannot be read or does not fit its survei, as
     * an impor would: E0530 to E0534, E0544 */
    if (!strncmp(code, "E053", 4) && code[4] >= '0' && code[4] <= '4') return true;
    if (!strcmp(code, "E0544")) return true;
    /* E00 instansi/file, E01 lexical, E02 syntax, E03 names, E04 types, E09 impor */
    return code[1] == '0' && (code[2] == '0' || code[2] == '1' || code[2] == '2' || code[2] == '3' ||
                              code[2] == '4' || code[2] == '9');
}

size_t diag_count_syntax(const DiagList *dl, const LocFile *file)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->items.len; i++) {
        const Diag *d = dl->items.items[i];
        if (d->level == DIAG_ERROR && d->code && (!file || d->span.file == file) &&
            (!strncmp(d->code, "E01", 3) || !strncmp(d->code, "E02", 3)))
            n++;
    }
    return n;
}

size_t diag_count_fatal(const DiagList *dl)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->items.len; i++) {
        const Diag *d = dl->items.items[i];
        if (d->level == DIAG_ERROR && diag_code_is_fatal(d->code)) n++;
    }
    return n;
}
