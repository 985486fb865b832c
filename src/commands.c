/* commands.c -- what each command of the sakip program does, once
 * main.c has parsed its options: check, eval (through the renderers of
 * render.h), fmt, diff and repl. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/wait.h>

#include "check.h"
#include "cli.h"
#include "diag.h"
#include "diff.h"
#include "eval.h"
#include "fmt.h"
#include "jobs.h"
#include "i18n.h"
#include "load.h"
#include "output.h"
#include "parse.h"
#include "render.h"
#include "repl.h"
#include "report.h"

static void setup_diags(DiagList *dl, const Options *o)
{
    diag_list_init(dl);
    dl->limit_per_file = o->max_errors;
    for (size_t i = 0; i < o->silenced.len; i++) diag_silence(dl, o->silenced.items[i]);
}

bool want_color(const Options *o, FILE *stream)
{
    if (o->color != COLOR_AUTO) return o->color == COLOR_ALWAYS;
    const char *no = getenv("NO_COLOR");   /* no-color.org: set and not empty */
    return isatty(fileno(stream)) && !(no && *no);
}



/* Adds a file's diagnostics to the run's counts. */
static void count_diags(Options *o, uint64_t errors, uint64_t warnings, uint64_t claims)
{
    o->errors += errors - claims;
    o->warnings += warnings;
    o->claims += claims;
}

/* The closing line of check and eval in text: what was found over the
 * run, and how much of it --max-errors kept off the screen.  Nothing
 * when nothing was found. */
static void print_totals(const Options *o)
{
    if (o->json || (o->errors == 0 && o->warnings == 0 && o->claims == 0)) return;
    Buf b;
    buf_init(&b);
    buf_printf(&b, P_("%zu error", "%zu errors", o->errors), o->errors);
    buf_puts(&b, ", ");
    buf_printf(&b, P_("%zu warning", "%zu warnings", o->warnings), o->warnings);
    buf_puts(&b, ", ");
    buf_printf(&b, P_("%zu failed claim", "%zu failed claims", o->claims), o->claims);
    if (o->not_shown) {
        buf_puts(&b, "; ");
        buf_printf(&b, P_("%zu not shown (--max-errors=%zu)", "%zu not shown (--max-errors=%zu)", o->not_shown),
                   o->not_shown, o->max_errors);
    }
    fprintf(stderr, "sakip: %s\n", b.data);
    buf_free(&b);
}

static void flush_diags(DiagList *dl, Options *o)
{
    count_diags(o, dl->nerrors, dl->nwarnings, diag_count_code(dl, "E0801"));
    diag_sort(dl);
    if (o->json) diag_print_json(dl, stderr);
    else o->not_shown += diag_print_text(dl, stderr, o->color == COLOR_ALWAYS);
}

/* fmt --write: puts the formatted text b of path back, where `was` is
 * the file as it was before it was read (NULL: not known, standard
 * input).  Refuses, saying why, a file with no write permission (no
 * write bit at all, even for root), a text larger than sakip reads, and a
 * file changed since it was read; a file with hard links is rewritten in
 * place, so the links stay (doc/decisions.md).  Returns false after
 * printing why. */
static bool fmt_write_back(const char *path, const struct stat *was, const Buf *b)
{
    const char *data = b->data ? b->data : "";
    if (b->len > LOCFILE_MAX_BYTES) {
        fprintf(stderr,
                _("sakip: error: %s would be %zu bytes once formatted, more than the 64 MiB limit for one "
                  "source file; not rewritten\n"),
                path, b->len);
        return false;
    }
    char *werr = NULL;
    bool ok;
    if (!was) {
        ok = write_file_atomic(path, data, b->len, &werr);
    } else if (!(was->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH))) {
        fprintf(stderr, _("sakip: error: %s is read-only (mode %04o); not rewritten\n"), path,
                (unsigned)(was->st_mode & 07777));
        return false;
    } else if (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0) {
        fprintf(stderr, _("sakip: error: %s cannot be written: %s; not rewritten\n"), path, strerror(errno));
        return false;
    } else if (was->st_nlink > 1) {
        ok = write_file_in_place(path, was, data, b->len, &werr);
    } else {
        ok = write_file_atomic_expect(path, was, data, b->len, &werr);
    }
    if (!ok) {
        fprintf(stderr, "sakip: %s\n", werr);
        free(werr);
    }
    return ok;
}

/* sakip fmt [--check | --write] FILE... */
/* Writes all of data to fd, across short writes and EINTR. */
static bool write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        data += n;
        len -= (size_t)n;
    }
    return true;
}

/* fmt --diff: what --write would change in path, as `diff -u` shows it
 * (diffutils is essential in Debian).  Both texts go to temporary files
 * in $TMPDIR, removed after.  Returns false when diff could not run. */
static bool fmt_print_diff(const char *path, const char *text, size_t len, const Buf *b)
{
    const char *tmp = getenv("TMPDIR");
    char old_path[4096], new_path[4096];
    snprintf(old_path, sizeof old_path, "%s/sakip-fmt-a.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    snprintf(new_path, sizeof new_path, "%s/sakip-fmt-b.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int a = mkstemp(old_path);
    int c = a < 0 ? -1 : mkstemp(new_path);
    bool ok = a >= 0 && c >= 0 && write_all(a, text, len) && write_all(c, b->data ? b->data : "", b->len);
    if (a >= 0) close(a);
    if (c >= 0) close(c);
    if (ok) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            /* both sides named as the file: `patch -p0` applies it */
            execlp("diff", "diff", "-u", "--label", path, "--label", path, old_path, new_path, (char *)NULL);
            _exit(127);
        }
        int st = 0;
        ok = pid > 0 && waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) <= 1;
    }
    if (a >= 0) unlink(old_path);
    if (c >= 0) unlink(new_path);
    if (!ok) fprintf(stderr, _("sakip: cannot show the changes to '%s': 'diff' did not run\n"), path);
    return ok;
}

int cmd_fmt(Options *o)
{
    int status = EXIT_OK;
    if (o->fmt_check + o->fmt_write + o->fmt_diff > 1) {
        fputs(_("sakip fmt: --check, --write and --diff exclude each other\n"), stderr);
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < o->files.len; i++) {
        const char *path = o->files.items[i];
        const char *err = NULL;
        /* the file as it is before it is read: --write replaces it only if
         * it is still that file */
        struct stat was;
        bool have_was = o->fmt_write && strcmp(path, "-") && stat(path, &was) == 0;
        LocFile *lf = locfile_load(path, &err);
        if (!lf) {
            fprintf(stderr, _("sakip: cannot read '%s': %s\n"), path, err);
            status = EXIT_USAGE;
            continue;
        }
        /* Only a file that scans and parses cleanly is formatted. */
        DiagList dl;
        setup_diags(&dl, o);
        Unit *u = parse_unit(lf, &dl);
        if (diag_count_syntax(&dl, NULL)) {
            flush_diags(&dl, o);
            fprintf(stderr, _("sakip: %s has syntax errors; not formatted\n"), path);
            if (status == EXIT_OK) status = EXIT_ERRORS;
            diag_list_free(&dl);
            unit_free(u);
            continue;
        }
        diag_list_free(&dl);
        Buf b;
        buf_init(&b);
        fmt_source(lf->text, lf->len, &b);
        bool same = b.len == lf->len && memcmp(b.data ? b.data : "", lf->text, b.len) == 0;
        if (o->fmt_diff) {
            if (!same) {
                if (!fmt_print_diff(path, lf->text, lf->len, &b)) status = EXIT_USAGE;
                else if (status == EXIT_OK) status = EXIT_ERRORS;
            }
        } else if (o->fmt_check) {
            if (!same) {
                printf("%s\n", path);
                if (status == EXIT_OK) status = EXIT_ERRORS;
            }
        } else if (o->fmt_write) {
            if (!same && !fmt_write_back(path, have_was ? &was : NULL, &b)) status = EXIT_USAGE;
        } else {
            fputs(b.data ? b.data : "", stdout);
        }
        buf_free(&b);
        unit_free(u);
    }
    return status;
}

/* sakip diff FILE PK_A PK_B | sakip diff FILE_A FILE_B
 * Exit status as diff(1): 0 no differences, 1 differences, 2 trouble. */
int cmd_diff(Options *o)
{
    if (o->files.len != 2 && o->files.len != 3) {
        fputs(_("sakip: diff takes FILE PERJANJIAN_A PERJANJIAN_B, or FILE_A FILE_B\n"), stderr);
        return EXIT_USAGE;
    }
    size_t nfiles = o->files.len == 3 ? 1 : 2;
    Unit *u[2] = {NULL, NULL};
    Eval ev[2];
    int status = EXIT_OK;
    for (size_t i = 0; i < nfiles; i++) {
        DiagList dl;
        setup_diags(&dl, o);
        bool unreadable;
        u[i] = load_unit(o->files.items[i], &dl, &unreadable);
        if (!u[i] || diag_count_fatal(&dl)) status = unreadable ? EXIT_USAGE : EXIT_ERRORS;
        /* only what stops evaluation is shown; validation findings are check's */
        DiagList fatal;
        diag_list_init(&fatal);
        for (size_t k = 0; k < dl.items.len; k++) {
            Diag *d = dl.items.items[k];
            if (d->level == DIAG_ERROR && (diag_code_is_fatal(d->code) || !d->span.file)) vec_push(&fatal.items, d);
        }
        flush_diags(&fatal, o);
        fatal.items.len = 0;
        diag_list_free(&fatal);
        diag_list_free(&dl);
    }
    if (status == EXIT_OK) {
        for (size_t i = 0; i < nfiles; i++) {
            eval_init(&ev[i], u[i], NULL, o->tahun);
            ev[i].notation = o->notation;
        }
        size_t n = 0;
        if (nfiles == 1) {
            Entity *a = unit_lookup(u[0], o->files.items[1]), *b = unit_lookup(u[0], o->files.items[2]);
            for (int k = 0; k < 2; k++) {
                Entity *e = k ? b : a;
                if (!e || e->kind != ENT_PERJANJIAN) {
                    fprintf(stderr, _("sakip: %s declares no perjanjian '%s'\n"), (char *)o->files.items[0],
                            (char *)o->files.items[k + 1]);
                    status = EXIT_USAGE;
                }
            }
            if (status == EXIT_OK) n = diff_perjanjian(stdout, &ev[0], a, b);
        } else {
            n = diff_units(stdout, &ev[0], &ev[1]);
        }
        for (size_t i = 0; i < nfiles; i++) eval_free(&ev[i]);
        if (status == EXIT_OK && n > 0) status = EXIT_ERRORS;
    }
    for (size_t i = 0; i < nfiles; i++) unit_free(u[i]);
    return status;
}

int cmd_repl(Options *o)
{
    output_track_inputs();   /* :simpan never overwrites a file it read */
    bool interactive = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    ReplOptions ro = {o->notation, interactive, interactive && o->color == COLOR_ALWAYS, stdin, stdout, stderr};
    return repl_run(&o->files, &ro);
}

/* ---- check: each file's diagnostics, by one process or -j N workers ---- */

typedef struct CheckRun {
    Options *o;
    Buf json;                /* --format=json: the records of every file */
    bool json_first;
    size_t errors, warnings;
    int status;
} CheckRun;

enum { N_ERRORS, N_WARNINGS, N_UNREADABLE, N_NOT_SHOWN, N_CLAIMS };

/* One file: its diagnostics as text or JSON records (without a leading
 * comma) to out. */
static void check_work(void *arg, size_t i, FILE *out, uint64_t n[JOB_COUNTS])
{
    CheckRun *run = arg;
    Options *o = run->o;
    DiagList dl;
    setup_diags(&dl, o);
    bool unreadable;
    Unit *u = load_unit_ex(o->files.items[i], &o->scenarios, &o->andai, &dl, &unreadable);
    if (u && diag_count_fatal(&dl) == 0) {
        Eval ev;
        eval_init(&ev, u, &dl, o->tahun);
        check_claims(&ev, &dl);
        eval_free(&ev);
    }
    n[N_ERRORS] = dl.nerrors;
    n[N_WARNINGS] = dl.nwarnings;
    n[N_CLAIMS] = diag_count_code(&dl, "E0801");
    n[N_UNREADABLE] = unreadable;
    diag_sort(&dl);
    if (o->json) {
        /* written while the sources live */
        Buf b;
        buf_init(&b);
        bool first = true;
        diag_json_records(&dl, &b, &first);
        if (b.len) fwrite(b.data, 1, b.len, out);
        buf_free(&b);
    } else {
        n[N_NOT_SHOWN] = diag_print_text(&dl, out, o->color == COLOR_ALWAYS);
    }
    diag_list_free(&dl);
    unit_free(u);
}

static void check_deliver(void *arg, size_t i, const char *text, size_t len, const uint64_t n[JOB_COUNTS], bool lost)
{
    CheckRun *run = arg;
    if (lost) {
        fprintf(stderr, _("sakip: %s was not checked: the process checking it ended unexpectedly\n"),
                (const char *)run->o->files.items[i]);
        run->status = EXIT_USAGE;
        return;
    }
    run->errors += n[N_ERRORS];
    run->warnings += n[N_WARNINGS];
    count_diags(run->o, n[N_ERRORS], n[N_WARNINGS], n[N_CLAIMS]);
    run->o->not_shown += n[N_NOT_SHOWN];
    if (n[N_UNREADABLE]) run->status = EXIT_USAGE;
    if (!run->o->json) {
        fwrite(text, 1, len, stderr);
    } else if (len) {   /* one document for every file */
        if (!run->json_first) buf_putc(&run->json, ',');
        buf_putn(&run->json, text, len);
        run->json_first = false;
    }
}

int cmd_check(Options *o)
{
    if (o->format && strcmp(o->format, "text") && strcmp(o->format, "json")) {
        fprintf(stderr, _("sakip: check --format is text or json, not '%s'\n"), o->format);
        return EXIT_USAGE;
    }
    o->json = o->format && !strcmp(o->format, "json");
    CheckRun run = {.o = o, .json_first = true, .status = EXIT_OK};
    buf_init(&run.json);
    jobs_run(o->files.len, o->jobs, check_work, check_deliver, &run);
    if (o->json) fprintf(stderr, "{\"diagnostics\":[%s\n]}\n", run.json.data ? run.json.data : "");
    buf_free(&run.json);
    print_totals(o);
    if (run.status == EXIT_OK && (run.errors > 0 || (o->werror && run.warnings > 0))) run.status = EXIT_ERRORS;
    return run.status;
}

/* ---- eval: every file through one renderer (render.h) ---- */

int cmd_eval(Options *o)
{
    /* --csv=STYLE alone means --format=csv */
    const char *fmt = o->format ? o->format : o->csv ? "csv" : "text";
    if (o->csv && strcmp(fmt, "csv")) {
        fprintf(stderr, _("sakip: eval --csv=%s is for --format=csv, not '%s'\n"), o->csv, fmt);
        return EXIT_USAGE;
    }
    if (o->klaim && strcmp(fmt, "html")) {
        fprintf(stderr, _("sakip: eval --klaim=%s is for --format=html, not '%s'\n"), o->klaim, fmt);
        return EXIT_USAGE;
    }
    const Renderer *rd = renderer_find(fmt);
    if (!rd) {
        fprintf(stderr, _("sakip: eval --format is text, json, csv, md, html or xlsx, not '%s'\n"), fmt);
        return EXIT_USAGE;
    }
#ifndef HAVE_XLSX
    if (!strcmp(rd->name, "xlsx")) {
        fputs(_("sakip eval: error: --format=xlsx is not available: this sakip was built without XLSX support "
                "(configure --without-xlsx)\n"), stderr);
        return EXIT_USAGE;
    }
#endif
    if (rd->needs_output && !o->output) {
        fputs(_("sakip: --format=xlsx writes a workbook file: give --output=FILE.xlsx\n"), stderr);
        return EXIT_USAGE;
    }
    if (o->output) {
        /* an output that is one of the inputs is refused (output.h); the
         * files impor reads are noted as they are read */
        output_track_inputs();
        for (size_t i = 0; i < o->files.len; i++) output_note_input(o->files.items[i]);
        for (size_t i = 0; i < o->scenarios.len; i++) output_note_input(o->scenarios.items[i]);
    }
    RenderCtx ctx = {.output = o->output, .notation = o->notation, .csv_excel_id = o->csv && !strcmp(o->csv, "excel-id"),
                     .all_claims = o->klaim && !strcmp(o->klaim, "semua"),
                     .nfiles = o->files.len, .per = o->per_name,
                     .title = o->files.len == 1 ? o->files.items[0] : "Rekapitulasi"};
    buf_init(&ctx.buf);
    if (!rd->begin(&ctx)) {
        buf_free(&ctx.buf);
        return EXIT_USAGE;
    }
    int status = EXIT_OK;
    Vec recap = {0};
    for (size_t i = 0; i < o->files.len; i++) {
        DiagList dl;
        setup_diags(&dl, o);
        bool unreadable;
        Unit *u = load_unit_ex(o->files.items[i], &o->scenarios, &o->andai, &dl, &unreadable);
        if (unreadable) status = EXIT_USAGE;
        if (u && diag_count_fatal(&dl) == 0) {
            Eval ev;
            eval_init(&ev, u, &dl, o->tahun);
            ev.notation = o->notation;
            if (o->per && (check_per_needs_periods(u, o->per_name, &dl) || check_per(u, o->per, o->per_name, &dl))) {
                /* --per=mei on triwulan data (sakip(5), PERIODS) */
                eval_free(&ev);
                if (status == EXIT_OK) status = EXIT_ERRORS;
                flush_diags(&dl, o);
                diag_list_free(&dl);
                unit_free(u);
                continue;
            }
            eval_set_per(&ev, o->per);
            UnitResult res = {u->nama, u->file->name, &ev, NULL, NULL, NULL};
            buf_reset(&ctx.buf);
            rd->unit(&ctx, &res);
            result_free(&res);
            /* failed claims are part of the report; the closing line counts them */
            DiagList claims;
            diag_list_init(&claims);
            o->claims += check_claims(&ev, &claims);
            diag_list_free(&claims);
            ctx.shown++;
            vec_push(&recap, recap_row(&ev));
            eval_free(&ev);
        } else if (u) {
            if (status == EXIT_OK) status = EXIT_ERRORS;
        }
        flush_diags(&dl, o);
        diag_list_free(&dl);
        unit_free(u);
    }
    buf_reset(&ctx.buf);
    if (recap.len > 1) rd->recap(&ctx, &recap);
    buf_reset(&ctx.buf);
    bool ok = rd->end(&ctx);
    buf_free(&ctx.buf);
    for (size_t i = 0; i < recap.len; i++) recap_row_free(recap.items[i]);
    vec_free(&recap);
    if (!render_finish(&ctx, ok)) status = EXIT_USAGE;
    print_totals(o);
    return status;
}
