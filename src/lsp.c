/* lsp.c -- `sakip lsp`: a Language Server Protocol server on standard
 * input and output (sakip(1), LSP; doc/editors.md).
 *
 * Every open document (and every .sakip file of the workspace folder) is
 * loaded as `check` loads a file -- load_text(), then the claims -- each
 * time it changes; its diagnostics are the same records as `check`'s.
 * The values the editor shows (inlay hints, hover) come from the Eval of
 * the last load.  Imported files are read from the editor's text when
 * they are open (load_set_reader), and a change to a file re-checks the
 * files that import it.
 *
 * JSON is read and written with jansson (doc/decisions.md, #22 lsp); the
 * framing is jsonrpc.c.  Positions are UTF-16 code units (the protocol's
 * default), converted from and to byte offsets of the UTF-8 text.
 */
#include <config.h>

#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "ast.h"
#include "builtins.h"
#include "check.h"
#include "cli.h"
#include "diag.h"
#include "eval.h"
#include "explain.h"
#include "fmt.h"
#include "i18n.h"
#include "jsonrpc.h"
#include "load.h"
#include "lsp.h"
#include "parse.h"
#include "value.h"

/* ---- documents ---- */

typedef struct Doc {
    char *uri;              /* as the client spells it */
    char *path;             /* file system path (load_text's name: impor is relative to it) */
    char *real;             /* realpath, or path */
    char *text;
    size_t len;
    long version;
    bool open;              /* opened by the client (else a workspace file read from disk) */
    bool library;           /* imported by another document: checked as impor checks it */
    Unit *u;
    DiagList dl;
    Eval ev;
    bool has_ev;
    Vec imports;            /* char*: realpaths of the files the unit read by impor */
    /* the hover text of each entity asked about since the last load: the
     * jelaskan trees are parsed into the unit, so each is made once */
    Vec hover_ent;          /* Entity* */
    Vec hover_text;         /* char* */
} Doc;

typedef struct Server {
    FILE *in, *out;
    Vec docs;               /* Doc* */
    bool initialized, shutdown;
    Vec cancelled;          /* json_t* ids cancelled before they were handled */
    Vec queue;              /* json_t* messages read ahead (for $/cancelRequest) */
    bool workspace;         /* load the workspace folders' files at initialize */
    size_t scanned;         /* files of the workspace loaded so far */
} Server;

/* At most this many files of a workspace are loaded (a root folder of "/"
 * must not read a whole disk). */
#define LSP_MAX_WORKSPACE_FILES 2000

static Server *the_server;
static void index_forget(void);

static char *uri_to_path(const char *uri)
{
    const char *p = uri;
    if (!strncmp(p, "file://", 7)) {
        p += 7;
        if (*p != '/') {
            const char *slash = strchr(p, '/');   /* file://host/path */
            p = slash ? slash : p;
        }
    }
    char *out = xmalloc(strlen(p) + 1), *o = out;
    for (; *p; p++) {
        if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
            char h[3] = {p[1], p[2], 0};
            *o++ = (char)strtol(h, NULL, 16);
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}

static char *path_to_uri(const char *path)
{
    Buf b;
    buf_init(&b);
    buf_puts(&b, "file://");
    char real[PATH_MAX];
    const char *p = path;
    if (path[0] != '/' && realpath(path, real)) p = real;
    for (; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) || strchr("/-._~", c)) buf_putc(&b, (char)c);
        else buf_printf(&b, "%%%02X", c);
    }
    return buf_steal(&b);
}

static char *real_of(const char *path)
{
    char real[PATH_MAX];
    return xstrdup(realpath(path, real) ? real : path);
}

static Doc *find_doc_uri(Server *s, const char *uri)
{
    for (size_t i = 0; i < s->docs.len; i++) {
        Doc *d = s->docs.items[i];
        if (!strcmp(d->uri, uri)) return d;
    }
    /* the same file under another spelling */
    char *path = uri_to_path(uri), *real = real_of(path);
    Doc *found = NULL;
    for (size_t i = 0; i < s->docs.len && !found; i++) {
        Doc *d = s->docs.items[i];
        if (!strcmp(d->real, real)) found = d;
    }
    free(path);
    free(real);
    return found;
}

static Doc *find_doc_real(Server *s, const char *real)
{
    for (size_t i = 0; i < s->docs.len; i++) {
        Doc *d = s->docs.items[i];
        if (!strcmp(d->real, real)) return d;
    }
    return NULL;
}

/* An imported file open in the editor is read from its text. */
static LocFile *read_import(const char *path, const char **err)
{
    char real[PATH_MAX];
    if (the_server && realpath(path, real)) {
        Doc *d = find_doc_real(the_server, real);
        if (d && d->open) return locfile_new(path, d->text, d->len);
    }
    return locfile_load(path, err);
}

static void doc_unload(Doc *d)
{
    index_forget();   /* the unit's texts go */
    if (d->has_ev) eval_free(&d->ev);
    d->has_ev = false;
    if (d->u) diag_list_free(&d->dl);
    unit_free(d->u);
    d->u = NULL;
    for (size_t i = 0; i < d->imports.len; i++) free(d->imports.items[i]);
    vec_free(&d->imports);
    for (size_t i = 0; i < d->hover_text.len; i++) free(d->hover_text.items[i]);
    vec_free(&d->hover_text);
    vec_free(&d->hover_ent);
}

static void collect_imports(Doc *d, const Unit *u)
{
    for (size_t i = 0; i < u->imported.len; i++) {
        const Unit *lib = u->imported.items[i];
        vec_push(&d->imports, real_of(lib->file->name));
        collect_imports(d, lib);
    }
}

/* Loads the document as `check` does: the file, its imports, the checks,
 * then the claims when nothing fatal stops evaluation. */
static void doc_analyze(Doc *d)
{
    doc_unload(d);
    diag_list_init(&d->dl);
    d->dl.limit_per_file = 0;
    if (d->library) {
        /* as impor reads it: skala and aturan only, no instansi */
        d->u = parse_unit(locfile_new(d->path, d->text, d->len), &d->dl);
        check_library(d->u, &d->dl);
    } else {
        d->u = load_text(d->path, d->text, d->len, &d->dl);
    }
    if (d->u && !d->library && diag_count_fatal(&d->dl) == 0) {
        eval_init(&d->ev, d->u, &d->dl, 0);
        check_claims(&d->ev, &d->dl);
        d->has_ev = true;
    }
    diag_sort(&d->dl);
    if (d->u) collect_imports(d, d->u);
}

static void doc_free(Doc *d)
{
    index_forget();
    doc_unload(d);
    free(d->uri);
    free(d->path);
    free(d->real);
    free(d->text);
    free(d);
}

/* Replaces a document's text by a copy of text (len bytes); false, and
 * the text kept, past the size of a file sakip reads (LOCFILE_MAX_BYTES):
 * what check would refuse is not checked here either. */
static bool doc_set_text(Doc *d, const char *text, size_t len)
{
    if (len > LOCFILE_MAX_BYTES) return false;
    index_forget();
    char *t = xmalloc(len + 1);
    memcpy(t, text, len);
    t[len] = '\0';
    free(d->text);
    d->text = t;
    d->len = len;
    return true;
}

static Doc *doc_new(Server *s, const char *uri, const char *text, size_t len)
{
    Doc *d = xcalloc(1, sizeof *d);
    d->uri = xstrdup(uri);
    d->path = uri_to_path(uri);
    d->real = real_of(d->path);
    doc_set_text(d, text, len);   /* callers hold len to LOCFILE_MAX_BYTES */
    vec_push(&s->docs, d);
    return d;
}

/* ---- positions: UTF-16 code units of the line <-> byte offsets ---- */

static unsigned utf16_units(unsigned char lead)
{
    if (lead < 0x80) return 1;
    if ((lead & 0xC0) == 0x80) return 0;   /* continuation */
    if (lead >= 0xF0) return 2;            /* outside the BMP: a surrogate pair */
    return 1;
}

/* The starts of the lines of the text last asked about, so that many
 * positions in one text cost a binary search each.  Every change of a
 * text in place or by a new allocation calls index_forget(). */
static struct {
    const char *text;
    size_t len;
    uint32_t *start;
    size_t n, cap;
} line_index;

static void index_forget(void)
{
    line_index.text = NULL;
}

static void index_build(const char *text, size_t len)
{
    if (line_index.text == text && line_index.len == len) return;
    line_index.n = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == 0 || text[i - 1] == '\n') {
            if (line_index.n == line_index.cap) {
                line_index.cap = line_index.cap ? line_index.cap * 2 : 1024;
                line_index.start = xrealloc(line_index.start, line_index.cap * sizeof *line_index.start);
            }
            line_index.start[line_index.n++] = (uint32_t)i;
        }
    }
    line_index.text = text;
    line_index.len = len;
}

/* line and character of byte offset off in text */
static void text_pos(const char *text, size_t len, size_t off, int *line, int *ch)
{
    if (off > len) off = len;
    index_build(text, len);
    size_t lo = 0, hi = line_index.n;   /* the last start <= off */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (line_index.start[mid] <= off) lo = mid;
        else hi = mid;
    }
    size_t start = line_index.start[lo];
    int c = 0;
    for (size_t i = start; i < off; i++) c += (int)utf16_units((unsigned char)text[i]);
    *line = (int)lo;
    *ch = c;
}

/* byte offset of line/character, clamped to the line and the text */
static size_t text_off(const char *text, size_t len, long line, long ch)
{
    size_t i = 0;
    for (long l = 0; l < line && i < len; i++)
        if (text[i] == '\n') l++;
    if (line < 0) return 0;
    long c = 0;
    while (i < len && text[i] != '\n' && c < ch) {
        unsigned n = utf16_units((unsigned char)text[i]);
        if (c + (long)n > ch) break;
        c += n;
        i++;
        while (i < len && (((unsigned char)text[i]) & 0xC0) == 0x80) i++;
    }
    return i;
}

static json_t *jpos(int line, int ch)
{
    return json_pack("{s:i,s:i}", "line", line, "character", ch);
}

static json_t *range_of_text(const char *text, size_t len, size_t a, size_t b)
{
    int l1, c1, l2, c2;
    text_pos(text, len, a, &l1, &c1);
    text_pos(text, len, b, &l2, &c2);
    return json_pack("{s:o,s:o}", "start", jpos(l1, c1), "end", jpos(l2, c2));
}

static json_t *range_of_span(Span s)
{
    if (!s.file) return range_of_text("", 0, 0, 0);
    return range_of_text(s.file->text, s.file->len, s.start, s.end);
}

/* Reads a Position; false when it is not one. */
static bool get_pos(json_t *p, long *line, long *ch)
{
    json_t *l = json_object_get(p, "line"), *c = json_object_get(p, "character");
    if (!json_is_integer(l) || !json_is_integer(c)) return false;
    *line = (long)json_integer_value(l);
    *ch = (long)json_integer_value(c);
    return *line >= 0 && *ch >= 0;
}

/* ---- messages ---- */

enum {
    ERR_PARSE = -32700, ERR_INVALID_REQUEST = -32600, ERR_METHOD = -32601, ERR_PARAMS = -32602,
    ERR_INTERNAL = -32603, ERR_NOT_INITIALIZED = -32002, ERR_CANCELLED = -32800
};

static void send(Server *s, json_t *msg)
{
    json_object_set_new(msg, "jsonrpc", json_string("2.0"));
    char *text = json_dumps(msg, JSON_COMPACT | JSON_SORT_KEYS);
    if (text) jsonrpc_write(s->out, text, strlen(text));
    free(text);
    json_decref(msg);
}

static void reply(Server *s, json_t *id, json_t *result)
{
    json_t *m = json_object();
    json_object_set(m, "id", id ? id : json_null());
    json_object_set_new(m, "result", result ? result : json_null());
    send(s, m);
}

static void reply_error(Server *s, json_t *id, int code, const char *msg)
{
    json_t *m = json_object();
    json_object_set(m, "id", id ? id : json_null());
    json_object_set_new(m, "error", json_pack("{s:i,s:s}", "code", code, "message", msg));
    send(s, m);
}

static void notify(Server *s, const char *method, json_t *params)
{
    json_t *m = json_object();
    json_object_set_new(m, "method", json_string(method));
    json_object_set_new(m, "params", params);
    send(s, m);
}

/* ---- diagnostics ---- */

static json_t *diag_json(const Doc *d, const Diag *g)
{
    Buf msg;
    buf_init(&msg);
    json_t *range;
    if (g->span.file == d->u->file) {
        buf_puts(&msg, g->msg);
        range = range_of_span(g->span);
    } else {
        /* found in another file (an imported one), or nowhere: shown at the top */
        if (g->span.file) {
            int line, col;
            locfile_pos(g->span.file, g->span.start, &line, &col);
            buf_printf(&msg, "%s:%d:%d: ", g->span.file->name, line, col);
        }
        buf_puts(&msg, g->msg);
        range = range_of_text("", 0, 0, 0);
    }
    for (size_t i = 0; i < g->hints.len; i++) buf_printf(&msg, "\nhelp: %s", (const char *)g->hints.items[i]);
    int sev = g->level == DIAG_ERROR ? 1 : g->level == DIAG_WARNING ? 2 : 3;
    json_t *o = json_pack("{s:o,s:i,s:s,s:s}", "range", range, "severity", sev, "source", "sakip", "message", msg.data ? msg.data : "");
    if (g->code) json_object_set_new(o, "code", json_string(g->code));
    buf_free(&msg);
    if (g->labels.len) {
        json_t *rel = json_array();
        for (size_t i = 0; i < g->labels.len; i++) {
            const DiagLabel *lb = g->labels.items[i];
            if (!lb->span.file) continue;
            char *uri = lb->span.file == d->u->file ? xstrdup(d->uri) : path_to_uri(lb->span.file->name);
            json_array_append_new(rel, json_pack("{s:{s:s,s:o},s:s}", "location", "uri", uri, "range", range_of_span(lb->span),
                                                 "message", lb->msg ? lb->msg : ""));
            free(uri);
        }
        json_object_set_new(o, "relatedInformation", rel);
    }
    return o;
}

static void publish(Server *s, Doc *d)
{
    json_t *arr = json_array();
    for (size_t i = 0; d->u && i < d->dl.items.len; i++) json_array_append_new(arr, diag_json(d, d->dl.items.items[i]));
    json_t *p = json_pack("{s:s,s:o}", "uri", d->uri, "diagnostics", arr);
    if (d->open) json_object_set_new(p, "version", json_integer(d->version));
    notify(s, "textDocument/publishDiagnostics", p);
}

static bool imports_doc(const Doc *e, const Doc *d)
{
    for (size_t k = 0; k < e->imports.len; k++)
        if (!strcmp(e->imports.items[k], d->real)) return true;
    return false;
}

static bool is_library(Server *s, const Doc *d)
{
    for (size_t i = 0; i < s->docs.len; i++)
        if (s->docs.items[i] != d && imports_doc(s->docs.items[i], d)) return true;
    return false;
}

/* Loads d again, then every document that imports it (directly or not),
 * and the documents it imports that were not yet checked as imported. */
static void refresh(Server *s, Doc *d)
{
    d->library = is_library(s, d);
    doc_analyze(d);
    publish(s, d);
    for (size_t i = 0; i < s->docs.len; i++) {
        Doc *e = s->docs.items[i];
        if (e != d && !e->library && imports_doc(d, e)) {
            e->library = true;
            doc_analyze(e);
            publish(s, e);
        }
    }
    for (size_t i = 0; i < s->docs.len; i++) {
        Doc *e = s->docs.items[i];
        if (e == d) continue;
        if (imports_doc(e, d)) {
            doc_analyze(e);
            publish(s, e);
        }
    }
}

/* ---- values: inlay hints and hover ---- */

static void put_value(Eval *ev, Buf *b, Value *v, bool percent)
{
    if (v->kind == V_UNDEF) {
        buf_puts(b, "-");
        return;
    }
    if (v->kind == V_TEXT) {
        buf_puts(b, v->text);
        return;
    }
    eval_format_value(ev, b, v, 2);
    if (percent && v->kind == V_NUM) buf_putc(b, '%');
}

/* "capaian 104,50% · Sangat Baik" and the like; empty for other kinds. */
static void entity_values(Eval *ev, Entity *e, Buf *b)
{
    Value v;
    value_init(&v);
    switch (e->kind) {
    case ENT_INDIKATOR:
    case ENT_SASARAN:
    case ENT_TUJUAN:
        eval_capaian(ev, e, ev->tahun, &v);
        buf_puts(b, "capaian ");
        put_value(ev, b, &v, true);
        value_clear(&v);
        value_init(&v);
        eval_predikat(ev, e, ev->tahun, &v, NULL);
        buf_puts(b, " · ");
        put_value(ev, b, &v, false);
        if (e->kind == ENT_SASARAN) {
            value_clear(&v);
            value_init(&v);
            eval_efisiensi(ev, e, &v);
            buf_puts(b, " · efisiensi ");
            put_value(ev, b, &v, false);
        }
        break;
    default:
        if (ent_kind_is_budget(e->kind)) {
            eval_serapan(ev, e, &v);
            buf_puts(b, "serapan ");
            put_value(ev, b, &v, true);
        }
    }
    value_clear(&v);
}

static void periksa_values(Eval *ev, const Periksa *p, Buf *b)
{
    Value l, r;
    value_init(&l);
    value_init(&r);
    ClaimResult res = eval_periksa(ev, p, &l, &r);
    buf_puts(b, "= ");
    put_value(ev, b, &l, false);
    buf_puts(b, res == CLAIM_HOLDS ? " · benar" : res == CLAIM_FAILS ? " · SALAH" : " · -");
    value_clear(&l);
    value_clear(&r);
}

static size_t line_end(const char *text, size_t len, size_t off)
{
    while (off < len && text[off] != '\n') off++;
    return off;
}

static json_t *hint_at(const Doc *d, size_t off, const char *label)
{
    int line, ch;
    text_pos(d->text, d->len, off, &line, &ch);
    return json_pack("{s:o,s:s,s:b}", "position", jpos(line, ch), "label", label, "paddingLeft", 1);
}

static json_t *inlay_hints(Doc *d, size_t from, size_t to)
{
    json_t *arr = json_array();
    if (!d->has_ev) return arr;
    Eval *ev = &d->ev;
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < d->u->entities.len; i++) {
        Entity *e = d->u->entities.items[i];
        if (e->id_span.file != d->u->file || !e->id[0]) continue;
        if (e->id_span.start < from || e->id_span.start > to) continue;
        if (e->kind != ENT_INDIKATOR && e->kind != ENT_SASARAN && !ent_kind_is_budget(e->kind)) continue;
        buf_reset(&b);
        entity_values(ev, e, &b);
        if (b.len) json_array_append_new(arr, hint_at(d, line_end(d->text, d->len, e->id_span.start), b.data));
    }
    for (size_t i = 0; i < d->u->periksa.len; i++) {
        const Periksa *p = d->u->periksa.items[i];
        if (p->span.file != d->u->file || p->span.start < from || p->span.start > to) continue;
        buf_reset(&b);
        periksa_values(ev, p, &b);
        json_array_append_new(arr, hint_at(d, line_end(d->text, d->len, p->span.end ? p->span.end - 1 : 0), b.data));
    }
    buf_free(&b);
    return arr;
}

/* The identifier at byte offset off, or NULL (malloc'd). */
static char *word_at(const char *text, size_t len, size_t off, size_t *start)
{
    size_t a = off, z = off;
    while (a > 0 && (isalnum((unsigned char)text[a - 1]) || text[a - 1] == '_')) a--;
    while (z < len && (isalnum((unsigned char)text[z]) || text[z] == '_')) z++;
    if (a == z || isdigit((unsigned char)text[a])) return NULL;
    if (start) *start = a;
    return xstrndup(text + a, z - a);
}

/* `jelaskan CALL(id)` into b as a Markdown code block. */
static void explain_call(Doc *d, const char *fn, const char *id, Buf *out)
{
    Buf src;
    buf_init(&src);
    buf_printf(&src, "%s(%s)\n", fn, id);
    Unit *u = d->u;
    LocFile *lf = locfile_new("<hover>", src.data, src.len);
    apush(u, &u->extra_files, lf);
    DiagList dl;
    diag_list_init(&dl);
    ReplItem item;
    if (parse_repl(u, lf, &dl, &item) && item.kind == REPL_EXPR && check_expr(u, item.expr, &dl) == 0) {
        Buf b;
        buf_init(&b);
        explain_expr(&d->ev, item.expr, &b);
        if (b.len) buf_printf(out, "\n```\n%s```\n", b.data);
        buf_free(&b);
    }
    diag_list_free(&dl);
    buf_free(&src);
}

static json_t *hover(Doc *d, size_t off)
{
    size_t start;
    char *w = word_at(d->text, d->len, off, &start);
    if (!w) return NULL;
    Buf md;
    buf_init(&md);
    Entity *e = d->u ? unit_lookup(d->u, w) : NULL;
    const Builtin *bi = builtin_get(builtin_id(w));
    const char *cached = NULL;
    for (size_t i = 0; e && i < d->hover_ent.len && !cached; i++)
        if (d->hover_ent.items[i] == e) cached = d->hover_text.items[i];
    if (cached) {
        buf_puts(&md, cached);
    } else if (e) {
        buf_printf(&md, "**%s %s**", ent_kind_name(e->kind), e->id);
        if (e->name) buf_printf(&md, " — %s", e->name);
        buf_puts(&md, "\n");
        if (d->has_ev) {
            Buf v;
            buf_init(&v);
            entity_values(&d->ev, e, &v);
            if (v.len) buf_printf(&md, "\n%s (%d)\n", v.data, d->ev.tahun);
            buf_free(&v);
            if (e->kind == ENT_INDIKATOR || e->kind == ENT_SASARAN || e->kind == ENT_TUJUAN) {
                explain_call(d, "capaian", e->id, &md);
                explain_call(d, "predikat", e->id, &md);
            }
            if (e->kind == ENT_SASARAN) explain_call(d, "efisiensi", e->id, &md);
            if (ent_kind_is_budget(e->kind)) explain_call(d, "serapan", e->id, &md);
        }
        vec_push(&d->hover_ent, e);
        vec_push(&d->hover_text, xstrdup(md.data ? md.data : ""));
    } else if (bi) {
        buf_printf(&md, "```\n%s\n```\n%s\n", bi->signature, bi->doc);
    } else if (d->has_ev) {
        for (size_t i = 0; i < d->u->periksa.len; i++) {
            const Periksa *p = d->u->periksa.items[i];
            if (p->span.file == d->u->file && p->span.start <= off && off < p->span.end) {
                buf_printf(&md, "**periksa** `%.*s`\n\n", (int)(p->span.end - p->span.start), d->text + p->span.start);
                periksa_values(&d->ev, p, &md);
                buf_puts(&md, "\n");
            }
        }
    }
    json_t *r = NULL;
    if (md.len)
        r = json_pack("{s:{s:s,s:s},s:o}", "contents", "kind", "markdown", "value", md.data, "range",
                      range_of_text(d->text, d->len, start, start + strlen(w)));
    buf_free(&md);
    free(w);
    return r;
}

/* ---- quick fixes from hints that name a replacement ---- */

/* Matches hint against the printf format fmt (only %s and %%); the
 * captured texts go to caps (malloc'd). */
static int match_format(const char *fmt, const char *hint, char **caps, int maxcaps)
{
    int n = 0;
    const char *f = fmt, *h = hint;
    while (*f) {
        if (f[0] == '%' && f[1] == '%') {
            if (*h != '%') goto fail;
            f += 2;
            h++;
        } else if (f[0] == '%' && f[1] == 's') {
            f += 2;
            /* the literal up to the next conversion */
            size_t lit = strcspn(f, "%");
            const char *end;
            if (!*f) {
                end = h + strlen(h);
            } else if (!f[lit]) {
                size_t hl = strlen(h);
                if (hl < lit || strcmp(h + hl - lit, f)) goto fail;
                end = h + hl - lit;
            } else {
                char *l = xstrndup(f, lit);
                end = strstr(h, l);
                free(l);
                if (!end) goto fail;
            }
            if (n >= maxcaps || end == h) goto fail;
            caps[n++] = xstrndup(h, (size_t)(end - h));
            h = end;
        } else {
            if (*f != *h) goto fail;
            f++;
            h++;
        }
    }
    if (*h) goto fail;
    return n;
fail:
    for (int i = 0; i < n; i++) free(caps[i]);
    return -1;
}

enum { FIX_REPLACE, FIX_REPLACE_RP, FIX_RANGE, FIX_MENDUKUNG_PROGRAM, FIX_MENDUKUNG_SASARAN };

static const struct { const char *fmt; int kind; } fixes[] = {
    {N_("did you mean '%s'?"), FIX_REPLACE},
    {N_("did you mean the keyword '%s'?"), FIX_REPLACE},
    {N_("write '%s..%s'"), FIX_RANGE},   /* before "write '%s'", which it also matches */
    {N_("write '%s'"), FIX_REPLACE},
    {N_("write it as '%s'"), FIX_REPLACE},
    {N_("write 'Rp %s'"), FIX_REPLACE_RP},
    {N_("write 'Rp %s' or 'Rp %s'"), FIX_REPLACE_RP},
    {N_("add 'mendukung %s' to the program that funds it"), FIX_MENDUKUNG_PROGRAM},
    {N_("add 'mendukung S1' naming the sasaran it funds"), FIX_MENDUKUNG_SASARAN},
    {N_("add 'mendukung S1' to it, or to the kegiatan or program above it, naming the sasaran it funds"), FIX_MENDUKUNG_SASARAN},
};

static json_t *text_edit(const Doc *d, size_t a, size_t b, const char *text)
{
    return json_pack("{s:o,s:s}", "range", range_of_text(d->text, d->len, a, b), "newText", text);
}

static void add_action(json_t *arr, const Doc *d, const char *title, json_t *diag, json_t *edit, bool preferred)
{
    json_t *edits = json_array();
    json_array_append_new(edits, edit);
    json_t *a = json_pack("{s:s,s:s,s:{s:{s:o}}}", "title", title, "kind", "quickfix", "edit", "changes", d->uri, edits);
    json_t *ds = json_array();
    json_array_append(ds, diag);
    json_object_set_new(a, "diagnostics", ds);
    if (preferred) json_object_set_new(a, "isPreferred", json_true());
    json_array_append_new(arr, a);
}

/* 'mendukung X' as a new line just after the '{' that opens node n. */
static json_t *insert_mendukung(const Doc *d, const Entity *n, const char *sasaran)
{
    size_t i = n->id_span.end;
    while (i < d->len && d->text[i] != '{' && d->text[i] != '\n') i++;
    if (i >= d->len || d->text[i] != '{') return NULL;
    size_t ls = n->id_span.start;
    while (ls > 0 && d->text[ls - 1] != '\n') ls--;
    size_t ind = 0;
    while (ls + ind < d->len && (d->text[ls + ind] == ' ' || d->text[ls + ind] == '\t')) ind++;
    Buf b;
    buf_init(&b);
    buf_putc(&b, '\n');
    buf_putn(&b, d->text + ls, ind);
    buf_printf(&b, "    mendukung %s", sasaran);
    json_t *e = text_edit(d, i + 1, i + 1, b.data);
    buf_free(&b);
    return e;
}

static void fixes_of(const Doc *d, const Diag *g, json_t *diag, json_t *arr)
{
    Buf title;
    buf_init(&title);
    for (size_t h = 0; h < g->hints.len; h++) {
        const char *hint = g->hints.items[h];
        for (size_t f = 0; f < sizeof fixes / sizeof fixes[0]; f++) {
            char *caps[2];
            int n = match_format(_(fixes[f].fmt), hint, caps, 2);
            if (n < 0) continue;
            switch (fixes[f].kind) {
            case FIX_REPLACE:
            case FIX_REPLACE_RP:
                for (int k = 0; k < n; k++) {
                    buf_reset(&title);
                    char *repl = fixes[f].kind == FIX_REPLACE_RP ? xstrdup("Rp ") : xstrdup("");
                    Buf r;
                    buf_init(&r);
                    buf_printf(&r, "%s%s", repl, caps[k]);
                    free(repl);
                    buf_printf(&title, _("replace with '%s'"), r.data);
                    add_action(arr, d, title.data, diag, text_edit(d, g->span.start, g->span.end, r.data), k == 0);
                    buf_free(&r);
                }
                break;
            case FIX_RANGE: {
                /* the diagnostic is at the '-': the values are on either side */
                if (n != 2) break;
                size_t a = g->span.start, z = g->span.end, ll = strlen(caps[0]), hl = strlen(caps[1]);
                while (a > 0 && (d->text[a - 1] == ' ' || d->text[a - 1] == '\t')) a--;
                while (z < d->len && (d->text[z] == ' ' || d->text[z] == '\t')) z++;
                if (a < ll || strncmp(d->text + a - ll, caps[0], ll) || z + hl > d->len || strncmp(d->text + z, caps[1], hl)) break;
                Buf r;
                buf_init(&r);
                buf_printf(&r, "%s..%s", caps[0], caps[1]);
                buf_reset(&title);
                buf_printf(&title, _("replace with '%s'"), r.data);
                add_action(arr, d, title.data, diag, text_edit(d, a - ll, z + hl, r.data), true);
                buf_free(&r);
                break;
            }
            case FIX_MENDUKUNG_PROGRAM:
                for (size_t i = 0; n == 1 && i < d->u->programs.len; i++) {
                    const Entity *p = d->u->programs.items[i];
                    if (p->id_span.file != d->u->file || !p->id[0]) continue;
                    json_t *e = insert_mendukung(d, p, caps[0]);
                    if (!e) continue;
                    buf_reset(&title);
                    buf_printf(&title, _("add 'mendukung %s' to %s %s"), caps[0], ent_kind_name(p->kind), p->id);
                    add_action(arr, d, title.data, diag, e, false);
                }
                break;
            case FIX_MENDUKUNG_SASARAN:
                for (size_t i = 0; i < d->u->entities.len; i++) {
                    const Entity *node = d->u->entities.items[i];
                    if (node->id_span.start != g->span.start || node->id_span.file != g->span.file) continue;
                    for (size_t k = 0; k < d->u->sasaran.len; k++) {
                        const Entity *sa = d->u->sasaran.items[k];
                        if (!sa->id[0]) continue;
                        json_t *e = insert_mendukung(d, node, sa->id);
                        if (!e) continue;
                        buf_reset(&title);
                        buf_printf(&title, _("add 'mendukung %s' to %s %s"), sa->id, ent_kind_name(node->kind), node->id);
                        add_action(arr, d, title.data, diag, e, false);
                    }
                    break;
                }
                break;
            }
            for (int k = 0; k < n; k++) free(caps[k]);
            break;
        }
    }
    buf_free(&title);
}

static json_t *code_actions(Doc *d, size_t from, size_t to)
{
    json_t *arr = json_array();
    for (size_t i = 0; d->u && i < d->dl.items.len; i++) {
        const Diag *g = d->dl.items.items[i];
        if (g->span.file != d->u->file) continue;
        if (g->span.end < from || g->span.start > to) continue;
        json_t *dj = diag_json(d, g);
        fixes_of(d, g, dj, arr);
        json_decref(dj);
    }
    return arr;
}

/* ---- formatting ---- */

static json_t *formatting(Doc *d)
{
    if (d->u && diag_count_syntax(&d->dl, d->u->file)) return json_null();   /* as `sakip fmt` */
    Buf b;
    buf_init(&b);
    fmt_source(d->text, d->len, &b);
    json_t *arr = json_array();
    if (b.len != d->len || (b.len && memcmp(b.data, d->text, b.len)))
        json_array_append_new(arr, text_edit(d, 0, d->len, b.data ? b.data : ""));
    buf_free(&b);
    return arr;
}

/* ---- symbols, definition, references, rename ---- */

static int symbol_kind(EntKind k)
{
    switch (k) {
    case ENT_TUJUAN: return 3;        /* Namespace */
    case ENT_SASARAN: return 5;       /* Class */
    case ENT_INDIKATOR: return 8;     /* Field */
    case ENT_PROGRAM: return 2;       /* Module */
    case ENT_KEGIATAN: return 12;     /* Function */
    case ENT_SUBKEGIATAN: return 6;   /* Method */
    case ENT_SKALA: return 10;        /* Enum */
    case ENT_ATURAN: return 12;
    default: return 13;               /* Variable */
    }
}

static json_t *doc_symbols(Doc *d)
{
    json_t *top = json_array();
    if (!d->u) return top;
    Unit *u = d->u;
    json_t **objs = xcalloc(u->nentities + 1, sizeof *objs);
    for (size_t i = 0; i < u->entities.len; i++) {
        Entity *e = u->entities.items[i];
        if (e->span.file != u->file || !e->id[0] || e->serial >= u->nentities) continue;
        json_t *o = json_pack("{s:s,s:s,s:i,s:o,s:o,s:[]}", "name", e->id, "detail", e->name ? e->name : ent_kind_name(e->kind),
                              "kind", symbol_kind(e->kind), "range", range_of_span(e->span), "selectionRange",
                              range_of_span(e->id_span), "children");
        objs[e->serial] = o;
        json_t *parent = e->parent && e->parent->serial < u->nentities ? objs[e->parent->serial] : NULL;
        json_array_append_new(parent ? json_object_get(parent, "children") : top, o);
    }
    free(objs);
    return top;
}

/* The identifier occurrences of word in text, outside comments and texts. */
static void occurrences(const char *text, size_t len, const char *word, Vec *offs)
{
    size_t wl = strlen(word);
    for (size_t i = 0; i < len;) {
        char c = text[i];
        if (c == '#') {
            while (i < len && text[i] != '\n') i++;
        } else if (c == '"') {
            i++;
            while (i < len && text[i] != '"' && text[i] != '\n') i += text[i] == '\\' ? 2 : 1;
            i++;
        } else if (isalpha((unsigned char)c) || c == '_') {
            size_t j = i;
            while (j < len && (isalnum((unsigned char)text[j]) || text[j] == '_')) j++;
            if (j - i == wl && !memcmp(text + i, word, wl)) vec_push(offs, (void *)(uintptr_t)i);
            i = j;
        } else if (isdigit((unsigned char)c)) {
            while (i < len && (isalnum((unsigned char)text[i]) || text[i] == '_' || text[i] == '.')) i++;
        } else {
            i++;
        }
    }
}

/* The documents word may be used in: d, the files it imports, the files
 * that import it (or a file it imports), in the workspace. */
static bool related(const Doc *d, const Doc *e)
{
    if (d == e) return true;
    for (size_t k = 0; k < d->imports.len; k++)
        if (!strcmp(d->imports.items[k], e->real)) return true;
    for (size_t k = 0; k < e->imports.len; k++) {
        if (!strcmp(e->imports.items[k], d->real)) return true;
        for (size_t j = 0; j < d->imports.len; j++)
            if (!strcmp(e->imports.items[k], d->imports.items[j])) return true;
    }
    return false;
}

static Entity *entity_at(Doc *d, size_t off, char **word)
{
    *word = word_at(d->text, d->len, off, NULL);
    if (!*word || !d->u) return NULL;
    return unit_lookup(d->u, *word);
}

static json_t *definition(Server *s, Doc *d, size_t off)
{
    (void)s;
    char *w;
    Entity *e = entity_at(d, off, &w);
    free(w);
    if (!e || !e->id_span.file) return json_null();
    char *uri = e->id_span.file == d->u->file ? xstrdup(d->uri) : path_to_uri(e->id_span.file->name);
    json_t *r = json_pack("{s:s,s:o}", "uri", uri, "range", range_of_span(e->id_span));
    free(uri);
    return r;
}

/* The occurrences of w in one document's text: locations into locs
 * (references), or edits to new_name under changes[uri] (rename). */
static void occurrences_of(const char *uri, const char *text, size_t len, const char *w, const char *new_name,
                           json_t *locs, json_t *changes)
{
    Vec offs = {0};
    occurrences(text, len, w, &offs);
    json_t *edits = json_array();
    for (size_t k = 0; k < offs.len; k++) {
        size_t o = (uintptr_t)offs.items[k];
        json_t *range = range_of_text(text, len, o, o + strlen(w));
        if (new_name) json_array_append_new(edits, json_pack("{s:o,s:s}", "range", range, "newText", new_name));
        else json_array_append_new(locs, json_pack("{s:s,s:o}", "uri", uri, "range", range));
    }
    if (json_array_size(edits)) json_object_set(changes, uri, edits);
    json_decref(edits);
    vec_free(&offs);
}

/* For references and rename: every occurrence, by document. */
static json_t *occurrences_json(Server *s, Doc *d, size_t off, const char *new_name)
{
    char *w;
    Entity *e = entity_at(d, off, &w);
    if (!e) {
        free(w);
        return json_null();
    }
    json_t *locs = json_array(), *changes = json_object();
    /* documents known to the server, then imported files not among them */
    Vec seen = {0};
    for (size_t i = 0; i < s->docs.len; i++) {
        Doc *x = s->docs.items[i];
        if (!related(d, x)) continue;
        vec_push(&seen, x->real);
        occurrences_of(x->uri, x->text, x->len, w, new_name, locs, changes);
    }
    for (size_t k = 0; k < d->imports.len; k++) {
        const char *real = d->imports.items[k];
        bool known = false;
        for (size_t j = 0; j < seen.len && !known; j++) known = !strcmp(seen.items[j], real);
        if (known) continue;
        const char *err;
        LocFile *lf = locfile_load(real, &err);
        if (!lf) continue;
        char *uri = path_to_uri(real);
        occurrences_of(uri, lf->text, lf->len, w, new_name, locs, changes);
        free(uri);
        locfile_free(lf);
    }
    vec_free(&seen);
    free(w);
    if (new_name) {
        json_decref(locs);
        return json_pack("{s:o}", "changes", changes);
    }
    json_decref(changes);
    return locs;
}

static bool valid_name(const char *s)
{
    if (!*s || !(isalpha((unsigned char)*s) || *s == '_')) return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_') return false;
    return true;
}

/* ---- completion and signature help ---- */

static void add_item(json_t *arr, json_t *seen, const char *label, int kind, const char *detail, const char *doc)
{
    if (json_object_get(seen, label)) return;
    json_object_set_new(seen, label, json_true());
    json_t *it = json_pack("{s:s,s:i}", "label", label, "kind", kind);
    if (detail) json_object_set_new(it, "detail", json_string(detail));
    if (doc) json_object_set_new(it, "documentation", json_string(doc));
    json_array_append_new(arr, it);
}

static void add_names(Doc *d, json_t *arr, json_t *seen)
{
    if (!d->u) return;
    for (size_t i = 0; i < d->u->entities.len; i++) {
        Entity *e = d->u->entities.items[i];
        if (e->id[0] && e->id_span.file == d->u->file)
            add_item(arr, seen, e->id, symbol_kind(e->kind) == 8 ? 5 : 6, ent_kind_name(e->kind), e->name);
    }
    for (size_t i = 0; i < d->u->sym_cap; i++) {
        Entity *e = d->u->sym[i];
        if (e && e->id[0]) add_item(arr, seen, e->id, symbol_kind(e->kind) == 8 ? 5 : 6, ent_kind_name(e->kind), e->name);
    }
    for (size_t i = 0; i < builtins_count; i++) add_item(arr, seen, builtins[i].name, 3, builtins[i].signature, builtins[i].doc);
}

/* The built-in whose call's parentheses hold off, and the argument the
 * cursor is in (0-based); NULL outside a call of a built-in. */
static const Builtin *call_at(const Doc *d, size_t off, int *arg)
{
    int depth = 0, commas = 0;
    for (size_t i = off; i > 0 && off - i < 4096; i--) {
        char c = d->text[i - 1];
        if (c == ')') {
            depth++;
        } else if (c == '(') {
            if (depth == 0) {
                size_t z = i - 1, a = z;
                while (a > 0 && (isalnum((unsigned char)d->text[a - 1]) || d->text[a - 1] == '_')) a--;
                char *w = xstrndup(d->text + a, z - a);
                const Builtin *b = builtin_get(builtin_id(w));
                free(w);
                *arg = commas;
                return b;
            }
            depth--;
        } else if (c == ',' && depth == 0) {
            commas++;
        } else if (c == '\n' && depth == 0) {
            break;
        }
    }
    return NULL;
}

static json_t *completion(Doc *d, size_t off)
{
    json_t *arr = json_array(), *seen = json_object();
    size_t start = off;
    while (start > 0 && (isalnum((unsigned char)d->text[start - 1]) || d->text[start - 1] == '_')) start--;
    /* the first argument of a built-in that names a declaration: the
     * declarations of the kinds it takes */
    int arg = 0;
    const Builtin *call = call_at(d, start, &arg);
    if (call && d->u && arg < 2 &&
        (call->arg[arg] == BA_ENTITY || call->arg[arg] == BA_SKALA || call->arg[arg] == BA_PK)) {
        unsigned kinds = call->arg[arg] == BA_ENTITY ? call->kinds
                         : call->arg[arg] == BA_SKALA ? BK(ENT_SKALA) : BK(ENT_PERJANJIAN);
        for (size_t i = 0; i < d->u->sym_cap; i++) {
            Entity *e = d->u->sym[i];
            if (e && e->id[0] && (kinds & BK(e->kind)))
                add_item(arr, seen, e->id, symbol_kind(e->kind) == 8 ? 5 : 6, ent_kind_name(e->kind), e->name);
        }
        json_decref(seen);
        return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", arr);
    }
    const char *names[256];
    int n = parse_expected(d->text, start, names, 256);
    if (n < 0) {
        add_names(d, arr, seen);
        for (size_t i = 0; sakip_keywords[i]; i++) add_item(arr, seen, sakip_keywords[i], 14, NULL, NULL);
    } else {
        for (int i = 0; i < n; i++) {
            if (!strcmp(names[i], "<name>")) add_names(d, arr, seen);
            else if (names[i][0] != '<') add_item(arr, seen, names[i], 14, NULL, NULL);
        }
    }
    json_decref(seen);
    return json_pack("{s:b,s:o}", "isIncomplete", 0, "items", arr);
}

static json_t *signature_help(Doc *d, size_t off)
{
    int arg = 0;
    const Builtin *b = call_at(d, off, &arg);
    if (!b) return json_null();
    json_t *params = json_array();
    const char *p = strchr(b->signature, '(');
    while (p && *p && *p != ')') {
        p++;
        size_t k = strcspn(p, ",)");
        char *name = xstrndup(p, k);
        char *t = name;
        while (*t == ' ') t++;
        if (*t) json_array_append_new(params, json_pack("{s:s}", "label", t));
        free(name);
        p += k;
    }
    return json_pack("{s:[{s:s,s:s,s:o}],s:i,s:i}", "signatures", "label", b->signature, "documentation", b->doc,
                     "parameters", params, "activeSignature", 0, "activeParameter", arg);
}

/* ---- document sync ---- */

static bool apply_change(Doc *d, json_t *ch)
{
    index_forget();
    json_t *text = json_object_get(ch, "text");
    if (!json_is_string(text)) return false;
    const char *t = json_string_value(text);
    size_t tl = json_string_length(text);
    json_t *range = json_object_get(ch, "range");
    if (!range) return doc_set_text(d, t, tl);
    long l1, c1, l2, c2;
    if (!get_pos(json_object_get(range, "start"), &l1, &c1) || !get_pos(json_object_get(range, "end"), &l2, &c2)) return false;
    size_t a = text_off(d->text, d->len, l1, c1), b = text_off(d->text, d->len, l2, c2);
    if (b < a) {
        size_t x = a;
        a = b;
        b = x;
    }
    if (d->len - (b - a) + tl > LOCFILE_MAX_BYTES) return false;
    size_t nl = d->len - (b - a) + tl;
    char *n = xmalloc(nl + 1);
    memcpy(n, d->text, a);
    memcpy(n + a, t, tl);
    memcpy(n + a + tl, d->text + b, d->len - b);
    n[nl] = '\0';
    free(d->text);
    d->text = n;
    d->len = nl;
    return true;
}

/* ---- the workspace: every .sakip file of the folder ---- */

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void scan_folder(Server *s, const char *dir, int depth)
{
    if (depth > 4 || !s->workspace || s->scanned >= LSP_MAX_WORKSPACE_FILES) return;
    DIR *dp = opendir(dir);
    if (!dp) return;
    struct dirent *de;
    Vec names = {0};
    while ((de = readdir(dp)))
        if (de->d_name[0] != '.') vec_push(&names, xstrdup(de->d_name));
    closedir(dp);
    if (names.len > 1) qsort(names.items, names.len, sizeof names.items[0], cmp_names);
    for (size_t i = 0; i < names.len; i++) {
        Buf pb;
        buf_init(&pb);
        buf_printf(&pb, "%s/%s", dir, (char *)names.items[i]);
        char *p = pb.data;   /* freed below */
        /* folders are entered only as themselves: a symbolic link to a
         * folder (to "." even) is not followed, so the walk is a tree;
         * a link to a file counts as that file */
        struct stat st;
        size_t nl = strlen(names.items[i]);
        bool ok = lstat(p, &st) == 0;
        bool is_link = ok && S_ISLNK(st.st_mode);
        if (is_link) ok = stat(p, &st) == 0;   /* a dangling link: neither */
        if (ok && S_ISDIR(st.st_mode) && !is_link) {
            scan_folder(s, p, depth + 1);
        } else if (ok && S_ISREG(st.st_mode) && nl > 6 && !strcmp((char *)names.items[i] + nl - 6, ".sakip")) {
            char *uri = path_to_uri(p), *real = real_of(p);
            const char *err;
            LocFile *lf = !find_doc_real(s, real) ? locfile_load(p, &err) : NULL;
            if (lf && s->scanned < LSP_MAX_WORKSPACE_FILES) {
                doc_new(s, uri, lf->text, lf->len);
                s->scanned++;
            }
            locfile_free(lf);
            free(uri);
            free(real);
        }
        free(p);
        free(names.items[i]);
    }
    vec_free(&names);
}

/* ---- dispatch ---- */

static Doc *param_doc(Server *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    json_t *uri = json_object_get(td, "uri");
    return json_is_string(uri) ? find_doc_uri(s, json_string_value(uri)) : NULL;
}

static bool param_off(Doc *d, json_t *params, const char *key, size_t *off)
{
    long l, c;
    if (!get_pos(json_object_get(params, key), &l, &c)) return false;
    *off = text_off(d->text, d->len, l, c);
    return true;
}

static bool param_range(Doc *d, json_t *params, size_t *a, size_t *b)
{
    json_t *r = json_object_get(params, "range");
    if (!r) {
        *a = 0;
        *b = d->len;
        return true;
    }
    return param_off(d, r, "start", a) && param_off(d, r, "end", b);
}

static bool is_cancelled(Server *s, json_t *id)
{
    for (size_t i = 0; i < s->cancelled.len; i++)
        if (json_equal(s->cancelled.items[i], id)) {
            json_decref(s->cancelled.items[i]);
            s->cancelled.items[i] = s->cancelled.items[--s->cancelled.len];
            return true;
        }
    return false;
}

static json_t *capabilities(void)
{
    return json_pack(
        "{s:{s:b,s:i,s:b},s:b,s:b,s:b,s:b,s:b,s:b,s:b,s:{s:b},s:{s:[s]},s:{s:[s,s]},s:b}",
        "textDocumentSync", "openClose", 1, "change", 2, "save", 1,
        "hoverProvider", 1, "definitionProvider", 1, "referencesProvider", 1, "documentSymbolProvider", 1,
        "documentFormattingProvider", 1, "codeActionProvider", 1, "inlayHintProvider", 1,
        "renameProvider", "prepareProvider", 0,
        "completionProvider", "triggerCharacters", "(",
        "signatureHelpProvider", "triggerCharacters", "(", ",",
        "workspaceSymbolProvider", 0);
}

/* Returns -1 to go on, else the exit status. */
static int handle(Server *s, json_t *msg)
{
    if (!json_is_object(msg)) {
        reply_error(s, NULL, ERR_INVALID_REQUEST, "a message is a JSON object");
        return -1;
    }
    json_t *id = json_object_get(msg, "id");
    json_t *jm = json_object_get(msg, "method");
    json_t *params = json_object_get(msg, "params");
    if (id && !json_is_integer(id) && !json_is_string(id)) {
        reply_error(s, NULL, ERR_INVALID_REQUEST, "id is a number or a string");
        return -1;
    }
    if (!json_is_string(jm)) {
        if (id && !json_object_get(msg, "result") && !json_object_get(msg, "error"))
            reply_error(s, id, ERR_INVALID_REQUEST, "no method");
        return -1;   /* a response to us, or nothing to answer */
    }
    const char *m = json_string_value(jm);
    if (json_is_null(params)) params = NULL;   /* "params": null is no params */
    if (params && !json_is_object(params) && !json_is_array(params)) {
        if (id) reply_error(s, id, ERR_PARAMS, "params is an object");
        return -1;
    }
    if (!strcmp(m, "exit")) return s->shutdown ? 0 : 1;
    if (!strcmp(m, "initialize")) {
        if (!id) return -1;
        s->initialized = true;
        json_t *folders = json_object_get(params, "workspaceFolders");
        json_t *root = json_object_get(params, "rootUri");
        if (json_is_array(folders) && json_array_size(folders)) {
            size_t i;
            json_t *f;
            json_array_foreach(folders, i, f) {
                json_t *u = json_object_get(f, "uri");
                if (!json_is_string(u)) continue;
                char *p = uri_to_path(json_string_value(u));
                scan_folder(s, p, 0);
                free(p);
            }
        } else if (json_is_string(root)) {
            char *p = uri_to_path(json_string_value(root));
            scan_folder(s, p, 0);
            free(p);
        }
        for (size_t i = 0; i < s->docs.len; i++) doc_analyze(s->docs.items[i]);
        for (size_t i = 0; i < s->docs.len; i++) {
            Doc *d = s->docs.items[i];
            if ((d->library = is_library(s, d))) doc_analyze(d);
        }
        reply(s, id, json_pack("{s:o,s:{s:s,s:s}}", "capabilities", capabilities(), "serverInfo", "name", "sakip", "version",
                               PACKAGE_VERSION));
        return -1;
    }
    if (!s->initialized) {
        if (id) reply_error(s, id, ERR_NOT_INITIALIZED, "the server is not initialized");
        return -1;
    }
    if (!strcmp(m, "initialized")) {
        for (size_t i = 0; i < s->docs.len; i++) publish(s, s->docs.items[i]);
        return -1;
    }
    if (!strcmp(m, "shutdown")) {
        s->shutdown = true;
        if (id) reply(s, id, json_null());
        return -1;
    }
    if (s->shutdown) {
        if (id) reply_error(s, id, ERR_INVALID_REQUEST, "the server is shut down");
        return -1;
    }
    if (!strcmp(m, "$/cancelRequest")) return -1;   /* taken when it was read (read_ahead) */
    if (id && is_cancelled(s, id)) {
        reply_error(s, id, ERR_CANCELLED, "cancelled");
        return -1;
    }
    if (!strcmp(m, "textDocument/didOpen")) {
        json_t *td = json_object_get(params, "textDocument");
        json_t *uri = json_object_get(td, "uri"), *text = json_object_get(td, "text"), *ver = json_object_get(td, "version");
        if (!json_is_string(uri) || !json_is_string(text) || json_string_length(text) > LOCFILE_MAX_BYTES) return -1;
        Doc *d = find_doc_uri(s, json_string_value(uri));
        index_forget();
        if (d) {
            doc_set_text(d, json_string_value(text), json_string_length(text));
            free(d->uri);
            d->uri = xstrdup(json_string_value(uri));
        } else {
            d = doc_new(s, json_string_value(uri), json_string_value(text), json_string_length(text));
        }
        d->open = true;
        d->version = json_is_integer(ver) ? (long)json_integer_value(ver) : 0;
        refresh(s, d);
        return -1;
    }
    if (!strcmp(m, "textDocument/didChange")) {
        Doc *d = param_doc(s, params);
        json_t *changes = json_object_get(params, "contentChanges");
        if (!d || !json_is_array(changes)) return -1;
        size_t i;
        json_t *ch;
        json_array_foreach(changes, i, ch) {
            if (!apply_change(d, ch)) break;
        }
        json_t *ver = json_object_get(json_object_get(params, "textDocument"), "version");
        if (json_is_integer(ver)) d->version = (long)json_integer_value(ver);
        refresh(s, d);
        return -1;
    }
    if (!strcmp(m, "textDocument/didSave")) {
        Doc *d = param_doc(s, params);
        if (d) refresh(s, d);
        return -1;
    }
    if (!strcmp(m, "textDocument/didClose")) {
        Doc *d = param_doc(s, params);
        if (!d) return -1;
        d->open = false;
        index_forget();
        /* a file of the workspace stays, as it is on disk */
        const char *err;
        LocFile *lf = locfile_load(d->path, &err);
        if (lf) {
            doc_set_text(d, lf->text, lf->len);
            locfile_free(lf);
            refresh(s, d);
        } else {
            notify(s, "textDocument/publishDiagnostics", json_pack("{s:s,s:[]}", "uri", d->uri, "diagnostics"));
            for (size_t i = 0; i < s->docs.len; i++)
                if (s->docs.items[i] == d) s->docs.items[i] = s->docs.items[--s->docs.len];
            doc_free(d);
        }
        return -1;
    }
    if (!id) return -1;   /* other notifications: nothing to do */

    Doc *d = NULL;
    if (!strncmp(m, "textDocument/", 13)) {
        d = param_doc(s, params);
        if (!d) {
            reply_error(s, id, ERR_PARAMS, "unknown textDocument");
            return -1;
        }
    }
    size_t off, a, b;
    if (!strcmp(m, "textDocument/hover")) {
        if (!param_off(d, params, "position", &off)) goto bad_params;
        reply(s, id, hover(d, off));
    } else if (!strcmp(m, "textDocument/inlayHint")) {
        if (!param_range(d, params, &a, &b)) goto bad_params;
        reply(s, id, inlay_hints(d, a, b));
    } else if (!strcmp(m, "textDocument/codeAction")) {
        if (!param_range(d, params, &a, &b)) goto bad_params;
        reply(s, id, code_actions(d, a, b));
    } else if (!strcmp(m, "textDocument/formatting")) {
        reply(s, id, formatting(d));
    } else if (!strcmp(m, "textDocument/documentSymbol")) {
        reply(s, id, doc_symbols(d));
    } else if (!strcmp(m, "textDocument/definition")) {
        if (!param_off(d, params, "position", &off)) goto bad_params;
        reply(s, id, definition(s, d, off));
    } else if (!strcmp(m, "textDocument/references")) {
        if (!param_off(d, params, "position", &off)) goto bad_params;
        reply(s, id, occurrences_json(s, d, off, NULL));
    } else if (!strcmp(m, "textDocument/rename")) {
        json_t *nn = json_object_get(params, "newName");
        if (!param_off(d, params, "position", &off) || !json_is_string(nn)) goto bad_params;
        if (!valid_name(json_string_value(nn))) {
            reply_error(s, id, ERR_PARAMS, "newName is not an identifier");
            return -1;
        }
        reply(s, id, occurrences_json(s, d, off, json_string_value(nn)));
    } else if (!strcmp(m, "textDocument/completion")) {
        if (!param_off(d, params, "position", &off)) goto bad_params;
        reply(s, id, completion(d, off));
    } else if (!strcmp(m, "textDocument/signatureHelp")) {
        if (!param_off(d, params, "position", &off)) goto bad_params;
        reply(s, id, signature_help(d, off));
    } else {
        reply_error(s, id, ERR_METHOD, "method not found");
    }
    return -1;
bad_params:
    reply_error(s, id, ERR_PARAMS, "invalid params");
    return -1;
}

/* One message, or NULL at the end of the input; malformed ones are
 * answered here. */
static json_t *next_message(Server *s, bool *eof)
{
    for (;;) {
        char *body;
        size_t len;
        JrStatus st = jsonrpc_read(s->in, &body, &len);
        if (st == JR_EOF) {
            *eof = true;
            return NULL;
        }
        if (st == JR_BAD_HEADER) {
            reply_error(s, NULL, ERR_PARSE, "a message header without a valid Content-Length");
            continue;
        }
        if (st == JR_TOO_LARGE) {
            reply_error(s, NULL, ERR_INVALID_REQUEST, "message too large");
            continue;
        }
        json_error_t err;
        json_t *msg = json_loadb(body, len, JSON_DECODE_ANY, &err);
        free(body);
        if (!msg) {
            reply_error(s, NULL, ERR_PARSE, "malformed JSON");
            continue;
        }
        return msg;
    }
}

/* Messages already waiting are read before the first is handled, so a
 * $/cancelRequest for one of them is seen in time. */
static void read_ahead(Server *s, json_t *current)
{
    struct pollfd pfd = {fileno(s->in), POLLIN, 0};
    while (s->queue.len < 64 && poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN)) {
        bool eof = false;
        json_t *m = next_message(s, &eof);
        if (!m) break;
        /* a cancel counts only for a request still waiting here: one
         * that was answered already is not remembered, so its id can be
         * used again */
        if (json_is_object(m) && json_is_string(json_object_get(m, "method")) &&
            !strcmp(json_string_value(json_object_get(m, "method")), "$/cancelRequest")) {
            json_t *cid = json_object_get(json_object_get(m, "params"), "id");
            bool waiting = json_equal(json_object_get(current, "id"), cid);
            for (size_t i = 0; i < s->queue.len && !waiting; i++) waiting = json_equal(json_object_get(s->queue.items[i], "id"), cid);
            if (waiting && (json_is_integer(cid) || json_is_string(cid))) vec_push(&s->cancelled, json_incref(cid));
        }
        vec_push(&s->queue, m);
    }
}

int lsp_serve(FILE *in, FILE *out, bool workspace)
{
    Server s;
    memset(&s, 0, sizeof s);
    s.in = in;
    s.out = out;
    s.workspace = workspace;
    /* unbuffered input, so that poll() in read_ahead sees every byte not
     * yet read (a cancel sent in the same write as its request would sit
     * in stdio's buffer, out of poll's sight); headers are short and
     * bodies are read in one fread */
    setvbuf(in, NULL, _IONBF, 0);
    the_server = &s;
    load_set_reader(read_import);
    int status = 1;
    for (;;) {
        json_t *msg;
        if (s.queue.len) {
            msg = s.queue.items[0];
            memmove(s.queue.items, s.queue.items + 1, (s.queue.len - 1) * sizeof s.queue.items[0]);
            s.queue.len--;
        } else {
            bool eof = false;
            msg = next_message(&s, &eof);
            if (!msg) break;
            read_ahead(&s, msg);
        }
        int r = handle(&s, msg);
        json_decref(msg);
        if (r >= 0) {
            status = r;
            break;
        }
    }
    for (size_t i = 0; i < s.queue.len; i++) json_decref(s.queue.items[i]);
    vec_free(&s.queue);
    for (size_t i = 0; i < s.cancelled.len; i++) json_decref(s.cancelled.items[i]);
    vec_free(&s.cancelled);
    for (size_t i = 0; i < s.docs.len; i++) doc_free(s.docs.items[i]);
    vec_free(&s.docs);
    load_set_reader(NULL);
    the_server = NULL;
    free(line_index.start);
    memset(&line_index, 0, sizeof line_index);
    return status;
}

int cmd_lsp(Options *o)
{
    (void)o;
    return lsp_serve(stdin, stdout, true);
}
