/* repl.c -- the read-eval-print loop.  See repl.h.
 *
 * Inputs are collected until brackets balance, parsed into the current
 * unit with parse_repl(), and answered: a value (with the band or rule
 * behind a verdict), a what-if diff, an explanation tree, or the
 * diagnostics.  A what-if recomputes only the values that depend on what
 * it changes (affected()). */
#include <config.h>
#include "repl.h"
#include "i18n.h"
#include "check.h"
#include "explain.h"
#include "load.h"
#include "output.h"
#include "parse.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_READLINE
#include <readline/history.h>
#include <readline/readline.h>
#endif

typedef struct Session {
    const ReplOptions *opt;
    Vec units;               /* Unit* */
    Vec evals;               /* Eval* parallel to units */
    size_t cur;
    int line;                /* input lines read so far */
    bool failed;
    Buf pending;             /* an input spanning lines */
    int pending_line;
} Session;

static Unit *U(Session *s) { return s->units.items[s->cur]; }
static Eval *EV(Session *s) { return s->evals.items[s->cur]; }

/* ---- output helpers ---- */

static void print_diags(Session *s, DiagList *dl)
{
    diag_sort(dl);
    diag_print_text(dl, s->opt->err, s->opt->color);   /* within the list's limit (diag.h) */
    if (dl->nerrors) s->failed = true;
    fflush(s->opt->err);
}

static void add_unit(Session *s, Unit *u)
{
    Eval *ev = xcalloc(1, sizeof *ev);
    eval_init(ev, u, NULL, 0);
    ev->notation = s->opt->notation;
    vec_push(&s->units, u);
    vec_push(&s->evals, ev);
    s->cur = s->units.len - 1;
}

/* Re-reads settings after new `atur` lines, keeping the what-ifs. */
static void refresh_eval(Session *s)
{
    Eval *ev = EV(s);
    Vec keep = ev->andai;
    ev->andai = (Vec){0};
    eval_free(ev);
    eval_init(ev, U(s), NULL, 0);
    ev->notation = s->opt->notation;
    vec_free(&ev->andai);
    ev->andai = keep;
    eval_invalidate(ev);   /* what it remembered predates the what-ifs */
}

/* ---- what-if: the values an andai can change ---- */

typedef enum { IT_CAPAIAN, IT_PREDIKAT, IT_SERAPAN, IT_EFISIENSI, IT_TOTAL, IT_CLAIM } ItemKind;

typedef struct Item {
    ItemKind kind;
    Entity *ent;
    Periksa *claim;
    Entity *group;           /* sasaran it is shown under, or NULL */
    char *before, *after;
} Item;

static bool has(Vec *v, const void *p)
{
    for (size_t i = 0; i < v->len; i++)
        if (v->items[i] == p) return true;
    return false;
}

static void add_item(Vec *items, ItemKind k, Entity *e, Periksa *p, Entity *group)
{
    Item *it = xcalloc(1, sizeof *it);
    it->kind = k;
    it->ent = e;
    it->claim = p;
    it->group = group;
    vec_push(items, it);
}

static Entity *root_program(Entity *e)
{
    while (e->parent && ent_is_budget(e->parent)) e = e->parent;
    return e;
}

static bool mentions(const Expr *e, Vec *touched)
{
    if (!e) return false;
    switch (e->kind) {
    case EX_IDENT:
        return e->u.id.ref == REF_RULE || (e->u.id.ref == REF_ENTITY && has(touched, e->u.id.ent));
    case EX_CALL:
        if (e->u.call.rule) return true;   /* a rule may read anything */
        for (int i = 0; i < e->u.call.nargs; i++)
            if (mentions(e->u.call.args[i], touched)) return true;
        return false;
    case EX_BIN: return mentions(e->u.bin.l, touched) || mentions(e->u.bin.r, touched);
    case EX_NEG: case EX_NOT: return mentions(e->u.un, touched);
    case EX_IF: return mentions(e->u.cond.c, touched) || mentions(e->u.cond.a, touched) || mentions(e->u.cond.b, touched);
    default: return false;
    }
}

/* The values that depend on what a changes. */
static void affected(Session *s, const Andai *a, Vec *items)
{
    Unit *u = U(s);
    Eval *ev = EV(s);
    Entity *x = a->target.ent;
    Vec touched = {0};
    vec_push(&touched, x);
    if (x->kind == ENT_INDIKATOR) {
        Entity *p = x->parent && (x->parent->kind == ENT_SASARAN || x->parent->kind == ENT_TUJUAN) ? x->parent : NULL;
        add_item(items, IT_CAPAIAN, x, NULL, p);
        add_item(items, IT_PREDIKAT, x, NULL, p);
        if (p) {
            vec_push(&touched, p);
            add_item(items, IT_CAPAIAN, p, NULL, p);
            add_item(items, IT_PREDIKAT, p, NULL, p);
            if (p->kind == ENT_SASARAN && !ev->rule_efisiensi) add_item(items, IT_EFISIENSI, p, NULL, p);
        }
    } else {
        for (Entity *n = x; n && ent_is_budget(n); n = n->parent) {
            if (n != x) vec_push(&touched, n);
            add_item(items, IT_SERAPAN, n, NULL, NULL);
        }
        const Vec *mendukung = &ent_budget(root_program(x))->mendukung;
        for (size_t i = 0; i < mendukung->len; i++) {
            Entity *sa = ((NameRef *)mendukung->items[i])->ent;
            if (!sa || has(&touched, sa)) continue;
            vec_push(&touched, sa);
            add_item(items, IT_SERAPAN, sa, NULL, sa);
            if (!ev->rule_efisiensi) add_item(items, IT_EFISIENSI, sa, NULL, sa);
        }
        add_item(items, IT_TOTAL, NULL, NULL, NULL);
    }
    if (ev->rule_efisiensi)
        for (size_t i = 0; i < u->sasaran.len; i++) add_item(items, IT_EFISIENSI, u->sasaran.items[i], NULL, u->sasaran.items[i]);
    for (size_t i = 0; i < u->periksa.len; i++) {
        Periksa *p = u->periksa.items[i];
        if (mentions(p->expr, &touched)) add_item(items, IT_CLAIM, NULL, p, NULL);
    }
    vec_free(&touched);
}

static char *item_value(Session *s, Item *it)
{
    Eval *ev = EV(s);
    Unit *u = U(s);
    Value v;
    value_init(&v);
    Buf b;
    buf_init(&b);
    bool percent = false;
    switch (it->kind) {
    case IT_CAPAIAN: eval_capaian(ev, it->ent, ev->tahun, &v); percent = true; break;
    case IT_PREDIKAT: eval_predikat(ev, it->ent, ev->tahun, &v, NULL); break;
    case IT_SERAPAN: eval_serapan(ev, it->ent, &v); percent = true; break;
    case IT_EFISIENSI: eval_efisiensi(ev, it->ent, &v); break;
    case IT_TOTAL: {
        mpq_t a, r;
        mpq_inits(a, r, NULL);
        bool ok = u->programs.len > 0;
        Value x;
        value_init(&x);
        for (size_t i = 0; i < u->programs.len && ok; i++) {
            eval_anggaran(ev, u->programs.items[i], &x);
            if (x.kind != V_MONEY) ok = false; else mpq_add(a, a, x.q);
            eval_realisasi(ev, u->programs.items[i], ev->tahun, &x);
            if (x.kind != V_MONEY) ok = false; else mpq_add(r, r, x.q);
        }
        if (ok && mpq_sgn(a)) {
            mpq_div(v.q, r, a);
            mpq_set_ui(a, 100, 1);
            mpq_mul(v.q, v.q, a);
            v.kind = V_NUM;
        }
        value_clear(&x);
        mpq_clears(a, r, NULL);
        percent = true;
        break;
    }
    case IT_CLAIM: {
        Value l, r;
        value_init(&l);
        value_init(&r);
        ClaimResult cr = eval_periksa(ev, it->claim, &l, &r);
        buf_puts(&b, claim_word(cr));
        value_clear(&l);
        value_clear(&r);
        value_clear(&v);
        return buf_steal(&b);
    }
    }
    if (v.kind == V_TEXT) buf_puts(&b, v.text);
    else {
        eval_format_value(ev, &b, &v, 0);
        if (percent && v.kind == V_NUM) buf_putc(&b, '%');
    }
    value_clear(&v);
    return buf_steal(&b);
}

static const char *item_name(ItemKind k)
{
    switch (k) {
    case IT_CAPAIAN: return "capaian";
    case IT_PREDIKAT: return "predikat";
    case IT_SERAPAN: return "serapan";
    case IT_EFISIENSI: return "efisiensi";
    case IT_TOTAL: return "serapan total";
    default: return "periksa";
    }
}

/* Prints the items whose value changed, grouped by sasaran. */
static void print_changes(Session *s, Vec *items, double micros)
{
    FILE *out = s->opt->out;
    size_t changed = 0;
    Vec groups = {0};
    for (size_t i = 0; i < items->len; i++) {
        Item *it = items->items[i];
        if (strcmp(it->before, it->after) && !has(&groups, it->group)) vec_push(&groups, it->group);
    }
    /* sasaran groups first, then budget, then claims */
    for (int pass = 0; pass < 3; pass++) {
        for (size_t g = 0; g < groups.len; g++) {
            Entity *grp = groups.items[g];
            if ((pass == 0) != (grp != NULL)) continue;
            bool header = false;
            for (size_t i = 0; i < items->len; i++) {
                Item *it = items->items[i];
                if (it->group != grp || !strcmp(it->before, it->after)) continue;
                if ((pass == 2) != (it->kind == IT_CLAIM)) continue;
                if (!header) {
                    if (grp) fprintf(out, "%s %s\n", grp->id, grp->name ? grp->name : "");
                    else fputs(pass == 2 ? "periksa\n" : "anggaran\n", out);
                    header = true;
                }
                changed++;
                if (it->kind == IT_CLAIM) {
                    int line, col;
                    locfile_pos(it->claim->span.file, it->claim->span.start, &line, &col);
                    fprintf(out, _("  line %d %s: %s \xE2\x86\x92 %s\n"), line, span_text(U(s), it->claim->expr->span),
                            it->before, it->after);
                } else {
                    fprintf(out, "  %s%s%s: %s \xE2\x86\x92 %s\n", item_name(it->kind), it->ent ? " " : "", it->ent ? it->ent->id : "",
                            it->before, it->after);
                }
            }
        }
    }
    fprintf(out, _("(%zu values changed, %zu recomputed"), changed, (size_t)items->len);
    if (getenv("SAKIP_REPL_TIMING")) fprintf(out, ", %.1f \xC2\xB5s", micros);
    fputs(")\n", out);
    vec_free(&groups);
}

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static void free_items(Vec *items)
{
    for (size_t i = 0; i < items->len; i++) {
        Item *it = items->items[i];
        free(it->before);
        free(it->after);
        free(it);
    }
    vec_free(items);
}

/* Applies (push) or undoes (pop) an andai and prints what changed. */
static void apply_andai(Session *s, Andai *a, bool push)
{
    Eval *ev = EV(s);
    Vec items = {0};
    double t0 = now_us();
    affected(s, a, &items);
    for (size_t i = 0; i < items.len; i++) ((Item *)items.items[i])->before = item_value(s, items.items[i]);
    if (push) vec_push(&ev->andai, a);
    else ev->andai.len--;
    eval_invalidate(ev);
    for (size_t i = 0; i < items.len; i++) ((Item *)items.items[i])->after = item_value(s, items.items[i]);
    double t1 = now_us();
    print_changes(s, &items, t1 - t0);
    free_items(&items);
}

/* ---- commands ---- */

static void cmd_help(Session *s)
{
    fputs(_("Type declarations (sasaran, indikator, program, aturan, periksa, ...) or expressions:\n"
            "  capaian(IKM)              a value, with the band or rule behind a predikat\n"
            "  jelaskan predikat(IKM)    the computation step by step, down to the source lines\n"
            "  andai realisasi IKM 2024 = 70      andai target IKM 2024 = 85\n"
            "  andai anggaran SK1_1_1 = Rp 2.000.000.000   andai realisasi SK1_1_1 = Rp ...\n"
            "  andai data TRANTIB 2024 selesai = 13\n"
            "  andai                     list the active what-ifs\n"
            "  batal                     undo the last what-if\n"
            "Commands:\n"
            "  :bantuan                  this help\n"
            "  :muat FILE                load another .sakip file (it becomes the current unit)\n"
            "  :unit [N]                 list the units, or choose the N-th\n"
            "  :simpan FILE              save the active what-ifs as a scenario (eval --skenario FILE)\n"
            "  :keluar                   quit (or Ctrl-D)\n"),
          s->opt->out);
}

static void cmd_load(Session *s, const char *path)
{
    DiagList dl;
    diag_list_init(&dl);
    bool unreadable;
    Unit *u = load_unit(path, &dl, &unreadable);
    print_diags(s, &dl);
    if (u && diag_count_fatal(&dl) == 0) {
        add_unit(s, u);
        fprintf(s->opt->out, _("loaded: %s (%s), unit %zu\n"), path, u->nama ? u->nama : _("no instansi"), s->cur + 1);
    } else {
        unit_free(u);
        s->failed = true;
    }
    diag_list_free(&dl);
}

static void cmd_save(Session *s, const char *path)
{
    Eval *ev = EV(s);
    Buf b;
    buf_init(&b);
    buf_printf(&b, _("# what-if scenario for %s\n# use: sakip eval %s --skenario %s\n"),
               U(s)->nama ? U(s)->nama : "?", U(s)->file->name, path);
    /* each with the year it was applied to, so that it means the same
     * under eval --tahun (ast.c, andai_format) */
    for (size_t i = 0; i < ev->andai.len; i++) {
        andai_format(U(s), ev->andai.items[i], &b);
        buf_putc(&b, '\n');
    }
    char *err = NULL;
    if (write_file_atomic(path, b.data, b.len, &err)) {
        fprintf(s->opt->out, _("saved: %zu what-ifs to %s\n"), (size_t)ev->andai.len, path);
    } else {
        fprintf(s->opt->err, "sakip: %s\n", err);
        free(err);
        s->failed = true;
    }
    buf_free(&b);
}

static void cmd_unit(Session *s, const char *arg)
{
    if (*arg) {
        char *end;
        long n = strtol(arg, &end, 10);
        if (*end || n < 1 || (size_t)n > s->units.len) {
            fprintf(s->opt->err, _("sakip: no unit %s (there are %zu)\n"), arg, (size_t)s->units.len);
            s->failed = true;
            return;
        }
        s->cur = (size_t)n - 1;
    }
    for (size_t i = 0; i < s->units.len; i++) {
        Unit *u = s->units.items[i];
        fprintf(s->opt->out, "%c %zu  %s  %s\n", i == s->cur ? '*' : ' ', i + 1, u->nama ? u->nama : _("(no instansi)"),
                u->file->name);
    }
}

static const char *skip_space(const char *p)
{
    while (*p == ' ' || *p == '\t') p++;
    return p;
}

static bool run_command(Session *s, const char *text)
{
    char word[32];
    size_t n = 0;
    const char *p = text + 1;
    while (*p && *p != ' ' && *p != '\t' && *p != '\n' && n + 1 < sizeof word) word[n++] = *p++;
    word[n] = '\0';
    char *arg = xstrdup(skip_space(p));
    size_t al = strlen(arg);
    while (al && (arg[al - 1] == '\n' || arg[al - 1] == ' ' || arg[al - 1] == '\r')) arg[--al] = '\0';
    bool quit = false;
    if (!strcmp(word, "bantuan") || !strcmp(word, "help")) cmd_help(s);
    else if (!strcmp(word, "keluar") || !strcmp(word, "quit")) quit = true;
    else if (!strcmp(word, "muat") && *arg) cmd_load(s, arg);
    else if (!strcmp(word, "simpan") && *arg) cmd_save(s, arg);
    else if (!strcmp(word, "unit")) cmd_unit(s, arg);
    else {
        fprintf(s->opt->err, _("<stdin>:%d:1: error: unknown command ':%s'\nhelp: type :bantuan for the list of commands\n"),
                s->pending_line, word);
        s->failed = true;
    }
    free(arg);
    return quit;
}

/* ---- statements ---- */

static void print_value(Session *s, const Expr *e)
{
    Eval *ev = EV(s);
    Value v;
    value_init(&v);
    eval_expr(ev, e, &v);
    Buf b;
    buf_init(&b);
    if (v.kind == V_TEXT) buf_puts(&b, v.text);
    else eval_format_value(ev, &b, &v, 0);
    const Builtin *bi = e->kind == EX_CALL && !e->u.call.rule ? builtin_get(e->u.call.builtin) : NULL;
    if (v.kind == V_NUM && bi && bi->percent) buf_putc(&b, '%');
    if (v.kind == V_UNDEF) buf_printf(&b, _("   (undefined: %s)"), v.text ? v.text : _("a value it needs is missing"));
    Buf why;
    buf_init(&why);
    explain_verdict(ev, e, &why);
    if (why.len) buf_printf(&b, "   (%s)", why.data);
    fprintf(s->opt->out, "%s\n", b.data);
    buf_free(&why);
    buf_free(&b);
    value_clear(&v);
}

static void run_statement(Session *s, const char *text, size_t len, int first_line)
{
    Unit *u = U(s);
    LocFile *lf = locfile_new("<stdin>", text, len);
    lf->line_base = first_line - 1;
    apush(u, &u->extra_files, lf);
    size_t ents = u->entities.len, claims = u->periksa.len, aturs = u->atur.len, andais = u->andai.len;
    DiagList dl;
    diag_list_init(&dl);
    ReplItem item;
    bool ok = parse_repl(u, lf, &dl, &item);
    if (u->andai.len > andais) u->andai.len = andais;   /* what-ifs live in the session */
    if (!ok) {
        print_diags(s, &dl);
        diag_list_free(&dl);
        return;
    }
    Eval *ev = EV(s);
    switch (item.kind) {
    case REPL_EXPR:
    case REPL_JELASKAN:
        if (check_expr(u, item.expr, &dl) == 0) {
            if (item.kind == REPL_EXPR) {
                print_value(s, item.expr);
            } else {
                Buf b;
                buf_init(&b);
                explain_expr(ev, item.expr, &b);
                fputs(b.data ? b.data : "", s->opt->out);
                buf_free(&b);
            }
        }
        break;
    case REPL_ANDAI:
        if (check_andai(u, item.andai, &dl) == 0) apply_andai(s, item.andai, true);
        break;
    case REPL_ANDAI_LIST:
        if (!ev->andai.len) fputs(_("no what-if is active\n"), s->opt->out);
        for (size_t i = 0; i < ev->andai.len; i++)
            fprintf(s->opt->out, "%zu  %s\n", i + 1, span_text(u, ((Andai *)ev->andai.items[i])->span));
        break;
    case REPL_BATAL:
        if (!ev->andai.len) {
            fprintf(s->opt->err, _("<stdin>:%d:1: error: there is no andai to undo\n"), first_line);
            s->failed = true;
        } else {
            Andai *a = ev->andai.items[ev->andai.len - 1];
            fprintf(s->opt->out, _("batal: %s\n"), span_text(u, a->span));
            apply_andai(s, a, false);
        }
        break;
    default: {
        if (u->entities.len == ents && u->periksa.len == claims && u->atur.len == aturs) break;
        /* New declarations: check the unit again, show what concerns them. */
        DiagList all;
        diag_list_init(&all);
        check_unit(u, &all);
        for (size_t i = 0; i < all.items.len; i++) {
            Diag *d = all.items.items[i];
            if (d->span.file == lf) {
                vec_push(&dl.items, d);
                if (d->level == DIAG_ERROR) dl.nerrors++;
                else if (d->level == DIAG_WARNING) dl.nwarnings++;
            } else {
                diag_free_one(d);
            }
        }
        all.items.len = 0;
        diag_list_free(&all);
        if (u->atur.len > aturs) refresh_eval(s);
        eval_invalidate(EV(s));
        ev = EV(s);
        for (size_t i = ents; i < u->entities.len && dl.nerrors == 0; i++) {
            Entity *e = u->entities.items[i];
            if (!e->parent) fprintf(s->opt->out, "ok: %s %s\n", ent_kind_name(e->kind), e->id);
        }
        for (size_t i = aturs; i < u->atur.len && dl.nerrors == 0; i++)
            fprintf(s->opt->out, _("ok: atur %s\n"), ((Atur *)u->atur.items[i])->name);
        for (size_t i = claims; i < u->periksa.len && dl.nerrors == 0; i++)
            if (check_claims_one(ev, u->periksa.items[i], &dl) == CLAIM_HOLDS) fputs("benar\n", s->opt->out);
    }
    }
    print_diags(s, &dl);
    diag_list_free(&dl);
}

/* ---- reading input ---- */

/* Open brackets in text, ignoring strings and comments. */
static int open_brackets(const char *t)
{
    int depth = 0;
    bool str = false;
    for (const char *p = t; *p; p++) {
        if (str) {
            if (*p == '\\' && p[1]) p++;
            else if (*p == '"' || *p == '\n') str = false;
        } else if (*p == '"') str = true;
        else if (*p == '#') {
            while (*p && *p != '\n') p++;
            if (!*p) break;
        } else if (*p == '(' || *p == '{') depth++;
        else if (*p == ')' || *p == '}') depth--;
    }
    return depth;
}

/* Adds one line; runs the input once it is complete. Returns true to quit. */
static bool feed_line(Session *s, const char *line)
{
    s->line++;
    if (s->pending.len == 0) {
        const char *p = skip_space(line);
        if (*p == '\0' || *p == '#') return false;
        s->pending_line = s->line;
        if (*p == ':') return run_command(s, p);
    }
    buf_puts(&s->pending, line);
    buf_putc(&s->pending, '\n');
    if (open_brackets(s->pending.data) > 0) return false;
    run_statement(s, s->pending.data, s->pending.len, s->pending_line);
    buf_reset(&s->pending);
    return false;
}

/* ---- readline ---- */
#ifdef HAVE_READLINE

static Session *active;
static volatile sig_atomic_t interrupted;
static Vec candidates;       /* char* for the current completion */

static const char *const commands[] = {":bantuan", ":muat", ":simpan", ":unit", ":keluar", NULL};

static void add_candidate(const char *word, const char *prefix)
{
    if (strncmp(word, prefix, strlen(prefix)) != 0) return;
    for (size_t i = 0; i < candidates.len; i++)
        if (!strcmp(candidates.items[i], word)) return;
    vec_push(&candidates, xstrdup(word));
}

static char *next_candidate(const char *text, int state)
{
    static size_t idx;
    (void)text;
    if (state == 0) idx = 0;
    return idx < candidates.len ? xstrdup(candidates.items[idx++]) : NULL;
}

static void add_names(Session *s, const char *prefix)
{
    Unit *u = U(s);
    for (size_t i = 0; i < u->sym_cap; i++)
        if (u->sym[i]) add_candidate(u->sym[i]->id, prefix);
    for (size_t i = 0; i < builtins_count; i++) add_candidate(builtins[i].name, prefix);
    /* the period names, where a name may stand (capaian_sd(IKM, tw2),
     * andai realisasi IKM 2025 tw3 = ...; sakip(5), PERIODS) */
    static const char *const periods[] = {"tw1", "tw2", "tw3", "tw4", "sm1", "sm2", "jan", "feb", "mar", "apr",
                                          "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des", NULL};
    for (size_t i = 0; periods[i]; i++) add_candidate(periods[i], prefix);
}

static char **complete(const char *text, int start, int end)
{
    (void)end;
    Session *s = active;
    for (size_t i = 0; i < candidates.len; i++) free(candidates.items[i]);
    candidates.len = 0;
    rl_attempted_completion_over = 1;
    const char *line = rl_line_buffer;
    const char *first = skip_space(line);
    if (s->pending.len == 0 && *first == ':') {
        if (strchr(first, ' ') && (size_t)start > (size_t)(first - line)) {
            rl_attempted_completion_over = 0;     /* a file name */
            return NULL;
        }
        for (size_t i = 0; commands[i]; i++) add_candidate(commands[i], text);
        return rl_completion_matches(text, next_candidate);
    }
    Buf before;
    buf_init(&before);
    buf_puts(&before, s->pending.data ? s->pending.data : "");
    buf_putn(&before, line, (size_t)start);
    const char *names[128];
    int n = parse_expected(before.data ? before.data : "", before.len, names, 128);
    buf_free(&before);
    if (n < 0) {
        for (size_t i = 0; sakip_keywords[i]; i++) add_candidate(sakip_keywords[i], text);
        add_names(s, text);
    } else {
        rl_completion_append_character = ' ';
        for (int i = 0; i < n; i++) {
            /* a name is usually followed by '(' or ')': no space after it */
            if (!strcmp(names[i], "<name>")) rl_completion_append_character = '\0';
            if (!strcmp(names[i], "<name>")) add_names(s, text);
            else if (names[i][0] != '<') add_candidate(names[i], text);
        }
        if (s->pending.len == 0 && start == (int)(first - line))
            for (size_t i = 0; commands[i]; i++) add_candidate(commands[i], text);
    }
    if (!candidates.len) return NULL;
    return rl_completion_matches(text, next_candidate);
}

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
    /* Ctrl-C clears the line (and any unfinished block), like a shell. */
    rl_replace_line("", 0);
    rl_crlf();
    rl_set_prompt("sakip> ");
    rl_on_new_line();
    rl_redisplay();
}

static char *history_path(void)
{
    const char *state = getenv("XDG_STATE_HOME");
    Buf b;
    buf_init(&b);
    if (state && *state) buf_printf(&b, "%s/sakip", state);
    else {
        const char *home = getenv("HOME");
        if (!home || !*home) {
            buf_free(&b);
            return NULL;
        }
        buf_printf(&b, "%s/.local/state/sakip", home);
    }
    /* create the directories, 0700 */
    for (char *p = b.data + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(b.data, 0700);
            *p = '/';
        }
    }
    mkdir(b.data, 0700);
    buf_puts(&b, "/history");
    return buf_steal(&b);
}

/* ---- history: written by sakip itself, an entry at a time ----
 *
 * readline's write_history rewrote the whole file at exit: of two
 * sessions, the last to quit overwrote the other's entries, and a
 * symbolic link at the file's name was followed.  Here the file is
 * opened once, O_APPEND | O_NOFOLLOW, after an lstat check; each entry is
 * one write(2) under an flock, so concurrent sessions append. */

enum { HISTORY_KEEP = 1000 };

/* flock, waiting at most about a second: a lock is held for one write,
 * and a process that keeps it longer must not stall the REPL (the write
 * then goes ahead without it). */
static bool history_lock(int fd, int op)
{
    for (int i = 0; i < 50; i++) {
        if (flock(fd, op | LOCK_NB) == 0) return true;
        if (errno != EWOULDBLOCK && errno != EINTR) return false;
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    return false;
}

/* The last HISTORY_KEEP entries of the file into readline; a file grown
 * past twice that is cut to them, in place (the other sessions keep
 * appending to the same file).  Returns the descriptor entries are
 * appended to, or -1 (with a warning) when there is no history. */
static int history_load(Session *s, const char *path)
{
    struct stat lst;
    if (lstat(path, &lst) == 0 && !S_ISREG(lst.st_mode)) {
        if (S_ISLNK(lst.st_mode))
            fprintf(s->opt->err, _("sakip: warning: %s is a symbolic link; the history is neither read nor written\n"),
                    path);
        else
            fprintf(s->opt->err, _("sakip: warning: %s is not a regular file; the history is neither read nor written\n"),
                    path);
        return -1;
    }
    int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd < 0 && errno == ELOOP)
            fprintf(s->opt->err, _("sakip: warning: %s is a symbolic link; the history is neither read nor written\n"),
                    path);
        else
            fprintf(s->opt->err, _("sakip: warning: cannot use the history file %s: %s\n"), path,
                    fd < 0 ? strerror(errno) : _("not a regular file"));
        if (fd >= 0) close(fd);
        return -1;
    }
    if ((st.st_mode & 07777) != 0600) fchmod(fd, 0600);
    bool locked = history_lock(fd, LOCK_EX);
    Buf b;
    buf_init(&b);
    char chunk[65536];
    for (off_t off = 0;;) {
        ssize_t n = pread(fd, chunk, sizeof chunk, off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        buf_putn(&b, chunk, (size_t)n);
        off += n;
    }
    /* where each of the last HISTORY_KEEP lines starts */
    size_t lines = 0, from = 0;
    for (size_t i = b.len; i > 0; i--) {
        if (b.data[i - 1] != '\n' || i == b.len) continue;
        if (++lines == HISTORY_KEEP) {
            from = i;
            break;
        }
    }
    size_t total = 0;
    for (size_t i = 0; i < b.len; i++) total += b.data[i] == '\n';
    if (total > 2 * HISTORY_KEEP && from > 0) {
        /* cut in place: pwrite on an O_APPEND descriptor appends, so a
         * second one, checked to be the same file */
        int wfd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
        struct stat wst;
        bool same = wfd >= 0 && fstat(wfd, &wst) == 0 && wst.st_dev == st.st_dev && wst.st_ino == st.st_ino;
        if (same && pwrite(wfd, b.data + from, b.len - from, 0) == (ssize_t)(b.len - from) &&
            ftruncate(wfd, (off_t)(b.len - from)) != 0) {
            /* not cut: the old entries stay after the kept ones */
        }
        if (wfd >= 0) close(wfd);
    }
    if (locked) flock(fd, LOCK_UN);
    for (size_t i = from; i < b.len;) {
        char *nl = memchr(b.data + i, '\n', b.len - i);
        size_t end = nl ? (size_t)(nl - b.data) : b.len;
        if (end > i) {
            b.data[end] = '\0';
            add_history(b.data + i);
        }
        i = end + 1;
    }
    buf_free(&b);
    return fd;
}

/* One entry: one write, under the lock. */
static void history_append(int fd, const char *line)
{
    if (fd < 0) return;
    Buf b;
    buf_init(&b);
    buf_puts(&b, line);
    buf_putc(&b, '\n');
    bool locked = history_lock(fd, LOCK_EX);
    ssize_t n;
    do n = write(fd, b.data, b.len);
    while (n < 0 && errno == EINTR);
    if (locked) flock(fd, LOCK_UN);
    buf_free(&b);
}

static int run_interactive(Session *s)
{
    active = s;
    rl_readline_name = "sakip";
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = " \t\n\"(),=<>+-*/:;{}";
    rl_catch_signals = 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, NULL);
    stifle_history(HISTORY_KEEP);
    char *hist = history_path();
    int hist_fd = hist ? history_load(s, hist) : -1;
    free(hist);
    fprintf(s->opt->out, _("sakip %s -- type :bantuan for help, Ctrl-D to quit\n"), PACKAGE_VERSION);
    bool quit = false;
    while (!quit) {
        interrupted = 0;
        char *line = readline(s->pending.len ? "  ...> " : "sakip> ");
        if (interrupted) buf_reset(&s->pending);
        if (!line) {
            fputc('\n', s->opt->out);
            break;
        }
        if (strlen(line) > REPL_MAX_LINE) {
            fprintf(s->opt->err, _("sakip: line longer than %d bytes ignored\n"), REPL_MAX_LINE);
            free(line);
            continue;
        }
        if (*skip_space(line)) {
            add_history(line);
            history_append(hist_fd, line);
        }
        quit = feed_line(s, line);
        free(line);
    }
    if (hist_fd >= 0) close(hist_fd);
    for (size_t i = 0; i < candidates.len; i++) free(candidates.items[i]);
    vec_free(&candidates);
    return s->failed ? 1 : 0;
}

#else /* configure --without-readline: plain lines, no editing, completion or history */

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;   /* the read returns EINTR; the terminal drops the typed line */
}

static int run_interactive(Session *s)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;   /* no SA_RESTART: Ctrl-C ends the read */
    sigaction(SIGINT, &sa, NULL);
    fprintf(s->opt->out, _("sakip %s -- type :bantuan for help, Ctrl-D to quit\n"), PACKAGE_VERSION);
    fputs(_("sakip: line editing is not available: this sakip was built without GNU readline\n"), s->opt->err);
    char *line = NULL;
    size_t cap = 0;
    bool quit = false;
    while (!quit) {
        fputs(s->pending.len ? "  ...> " : "sakip> ", s->opt->out);
        fflush(s->opt->out);
        interrupted = 0;
        ssize_t n = getline(&line, &cap, s->opt->in);
        if (n < 0 && interrupted) {
            /* Ctrl-C clears the line and any unfinished block, as with readline */
            clearerr(s->opt->in);
            buf_reset(&s->pending);
            fputc('\n', s->opt->out);
            continue;
        }
        if (n < 0) {
            fputc('\n', s->opt->out);
            break;
        }
        if (n && line[n - 1] == '\n') line[--n] = '\0';
        if (n > REPL_MAX_LINE) {
            fprintf(s->opt->err, _("sakip: line longer than %d bytes ignored\n"), REPL_MAX_LINE);
            continue;
        }
        quit = feed_line(s, line);
    }
    free(line);
    return s->failed ? 1 : 0;
}
#endif

static int run_script(Session *s)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    bool quit = false;
    while (!quit && (n = getline(&line, &cap, s->opt->in)) >= 0) {
        if (n > REPL_MAX_LINE) {
            fprintf(s->opt->err, _("<stdin>:%d:1: error: line longer than %d bytes\n"), s->line + 1, REPL_MAX_LINE);
            s->failed = true;
            s->line++;
            continue;
        }
        if (n && line[n - 1] == '\n') line[n - 1] = '\0';
        quit = feed_line(s, line);
        fflush(s->opt->out);
    }
    free(line);
    if (s->pending.len) {
        fprintf(s->opt->err, _("<stdin>:%d:1: error: input ends inside an open '{' or '('\n"), s->pending_line);
        s->failed = true;
    }
    return s->failed ? 1 : 0;
}

int repl_run(const Vec *files, const ReplOptions *opt)
{
    Session s;
    memset(&s, 0, sizeof s);
    s.opt = opt;
    buf_init(&s.pending);
    for (size_t i = 0; i < files->len; i++) {
        DiagList dl;
        diag_list_init(&dl);
        bool unreadable;
        Unit *u = load_unit(files->items[i], &dl, &unreadable);
        print_diags(&s, &dl);
        if (u && diag_count_fatal(&dl) == 0) add_unit(&s, u);
        else {
            unit_free(u);
            s.failed = true;
        }
        diag_list_free(&dl);
    }
    if (s.units.len == 0) add_unit(&s, unit_new(locfile_new("<stdin>", "", 0)));
    else s.cur = 0;
    int status = opt->interactive ? run_interactive(&s) : run_script(&s);
    for (size_t i = 0; i < s.units.len; i++) {
        eval_free(s.evals.items[i]);
        free(s.evals.items[i]);
        unit_free(s.units.items[i]);
    }
    vec_free(&s.units);
    vec_free(&s.evals);
    buf_free(&s.pending);
    return status;
}
