/* diag.c -- building, sorting and printing diagnostic records. */
#include "diag.h"
#include "i18n.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static Diag silenced_sink;  /* returned for silenced warnings */

/* vec_push for a record's few hints and labels: room for one, then
 * doubling (vec_push starts at eight). */
static void push_few(Vec *v, void *item)
{
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 1;
        v->items = xrealloc(v->items, v->cap * sizeof *v->items);
    }
    v->items[v->len++] = item;
}

void diag_list_init(DiagList *dl)
{
    memset(dl, 0, sizeof *dl);
    dl->limit_per_file = DIAG_MAX_SHOWN;
}

/* A record is one block: the Diag with room for one hint, then its
 * message (a file of 360 000 indikator has twice as many warnings; three
 * blocks each were a fifth of check's memory). */
static void **inline_hint(Diag *d) { return &d->hint0; }

void diag_free_one(Diag *d)
{
    if (d == &silenced_sink) return;
    for (size_t i = 0; i < d->hints.len; i++)
        if (i >= 32 || !(d->borrowed >> i & 1)) free(d->hints.items[i]);
    if (d->hints.items != inline_hint(d)) vec_free(&d->hints);
    for (size_t i = 0; i < d->labels.len; i++) {
        DiagLabel *l = d->labels.items[i];
        free(l->msg);
        free(l);
    }
    vec_free(&d->labels);
    free(d);
}

void diag_list_clear(DiagList *dl)
{
    for (size_t i = 0; i < dl->items.len; i++) diag_free_one(dl->items.items[i]);
    dl->items.len = 0;
    dl->nerrors = dl->nwarnings = 0;
}

void diag_list_truncate(DiagList *dl, size_t keep)
{
    for (size_t i = keep; i < dl->items.len; i++) {
        Diag *d = dl->items.items[i];
        if (d->level == DIAG_ERROR) dl->nerrors--;
        else if (d->level == DIAG_WARNING) dl->nwarnings--;
        diag_free_one(d);
    }
    if (keep < dl->items.len) dl->items.len = keep;
}

void diag_list_free(DiagList *dl)
{
    diag_list_clear(dl);
    vec_free(&dl->items);
    for (size_t i = 0; i < dl->silenced.len; i++) free(dl->silenced.items[i]);
    vec_free(&dl->silenced);
}

void diag_silence(DiagList *dl, const char *code)
{
    vec_push(&dl->silenced, xstrdup(code));
}

static bool is_silenced(const DiagList *dl, const char *code)
{
    for (size_t i = 0; i < dl->silenced.len; i++)
        if (strcmp(dl->silenced.items[i], code) == 0) return true;
    return false;
}

Diag *diag_add(DiagList *dl, DiagLevel level, const char *code, Span span,
               const char *fmt, ...)
{
    if (level == DIAG_WARNING && is_silenced(dl, code)) {
        /* Reset the sink so hints attached by the caller are dropped. */
        silenced_sink.hints.len = 0;
        silenced_sink.labels.len = 0;
        return &silenced_sink;
    }
    char small[256];
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap2);
    va_end(ap2);
    if (n < 0) n = 0, small[0] = '\0';
    Diag *d = xmalloc(offsetof(Diag, msg) + (size_t)n + 1);
    memset(d, 0, offsetof(Diag, msg));
    d->level = level;
    d->code = code;
    d->span = span;
    if ((size_t)n < sizeof small) memcpy(d->msg, small, (size_t)n + 1);
    else vsnprintf(d->msg, (size_t)n + 1, fmt, ap);
    va_end(ap);
    d->seq = dl->items.len;
    vec_push(&dl->items, d);
    if (level == DIAG_ERROR) dl->nerrors++;
    else if (level == DIAG_WARNING) dl->nwarnings++;
    return d;
}

/* A hint's place: the record's own slot for the first. */
static void push_hint(Diag *d, void *hint)
{
    if (!d->hints.cap) {
        d->hints.items = inline_hint(d);
        d->hints.cap = 1;
    } else if (d->hints.len == d->hints.cap && d->hints.items == inline_hint(d)) {
        void **items = xmalloc(4 * sizeof *items);
        items[0] = d->hints.items[0];
        d->hints.items = items;
        d->hints.cap = 4;
    }
    push_few(&d->hints, hint);
}

void diag_hint(Diag *d, const char *fmt, ...)
{
    if (d == &silenced_sink) return;
    if (!strchr(fmt, '%') && d->hints.len < 32) {
        d->borrowed |= (uint32_t)1 << d->hints.len;
        push_hint(d, (void *)fmt);
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    push_hint(d, vformat(fmt, ap));
    va_end(ap);
}

void diag_label(Diag *d, Span span, const char *fmt, ...)
{
    if (d == &silenced_sink) return;
    DiagLabel *l = xcalloc(1, sizeof *l);
    l->span = span;
    va_list ap;
    va_start(ap, fmt);
    l->msg = vformat(fmt, ap);
    va_end(ap);
    push_few(&d->labels, l);
}

static int diag_cmp(const void *pa, const void *pb)
{
    const Diag *a = *(Diag *const *)pa, *b = *(Diag *const *)pb;
    const char *fa = a->span.file ? a->span.file->name : "";
    const char *fb = b->span.file ? b->span.file->name : "";
    if (a->span.file != b->span.file) {
        int c = strcmp(fa, fb);
        if (c) return c;
    }
    if (a->span.start != b->span.start) return a->span.start < b->span.start ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diag_sort(DiagList *dl)
{
    if (dl->items.len > 1)
        qsort(dl->items.items, dl->items.len, sizeof(void *), diag_cmp);
}

static const char *level_name(DiagLevel l)
{
    switch (l) {
    case DIAG_ERROR: return "error";
    case DIAG_WARNING: return "warning";
    default: return "note";
    }
}

static const char *level_color(DiagLevel l)
{
    switch (l) {
    case DIAG_ERROR: return "\033[1;31m";
    case DIAG_WARNING: return "\033[1;35m";
    default: return "\033[1;36m";
    }
}

/* Appends the source line holding span.start and a ^~~~ underline of the
 * part of the span that lies on that line. */
static void put_snippet(Buf *b, Span span, bool color)
{
    const LocFile *lf = span.file;
    int line, col, eline, ecol;
    locfile_pos(lf, span.start, &line, &col);
    uint32_t end = span.end > span.start ? span.end : span.start;
    locfile_pos(lf, end, &eline, &ecol);
    size_t len;
    const char *text = locfile_line(lf, line, &len);
    /* Lines longer than this are shown cut around the span. */
    enum { MAXSHOW = 300 };
    buf_putc(b, ' ');
    size_t w = b->len;
    buf_put_long(b, line);
    w = b->len - w;
    buf_puts(b, " | ");
    size_t from = 0;
    size_t start_byte = span.start - (size_t)(text - lf->text);
    if (start_byte > len) start_byte = len;
    if (len > MAXSHOW && start_byte > MAXSHOW / 2) from = start_byte - MAXSHOW / 2;
    while (from > 0 && from < len && ((unsigned char)text[from] & 0xC0) == 0x80) from++;
    size_t to = len - from > MAXSHOW ? from + MAXSHOW : len;
    while (to < len && ((unsigned char)text[to] & 0xC0) == 0x80) to++;
    if (from) buf_puts(b, "...");
    /* Invalid UTF-8 bytes are shown as '?' so the terminal stays sane.
     * Runs of good characters are written whole. */
    size_t run = from;
    for (size_t i = from; i < to;) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        int n = utf8_seq_len((const unsigned char *)text + i, to - i);
        if (n == 0 || (n == 1 && ((c < 0x20 && c != '\t') || c == 0x7F))) {
            buf_putn(b, text + run, i - run);
            buf_putc(b, '?');
            run = ++i;
        } else {
            i += (size_t)n;
        }
    }
    buf_putn(b, text + run, to - run);
    if (to < len) buf_puts(b, "...");
    buf_putc(b, '\n');
    buf_putc(b, ' ');
    for (size_t k = 0; k < w; k++) buf_putc(b, ' ');
    buf_puts(b, " | ");
    if (from) buf_puts(b, "   ");
    /* Copy tabs from the source so the caret lines up in any terminal. */
    for (size_t i = from; i < start_byte && i < to;) {
        buf_putc(b, text[i] == '\t' ? '\t' : ' ');
        int n = utf8_seq_len((const unsigned char *)text + i, to - i);
        i += n ? (size_t)n : 1;
    }
    if (color) buf_puts(b, "\033[1;32m");
    int ncols = (eline == line) ? ecol - col : (int)utf8_width(text + start_byte, len - start_byte);
    if (ncols > MAXSHOW) ncols = MAXSHOW;
    buf_putc(b, '^');
    for (int k = 1; k < ncols; k++) buf_putc(b, '~');
    if (color) buf_puts(b, "\033[0m");
    buf_putc(b, '\n');
}

static void put_location(Buf *b, Span span)
{
    if (span.file) {
        int line, col;
        locfile_pos(span.file, span.start, &line, &col);
        buf_puts(b, span.file->name);
        buf_putc(b, ':');
        buf_put_long(b, line);
        buf_putc(b, ':');
        buf_put_long(b, col);
        buf_puts(b, ": ");
    } else {
        buf_puts(b, "sakip: ");
    }
}

/* Appends d as diag_print_one prints it. */
static void put_diag(Buf *b, const Diag *d, bool color)
{
    if (color) buf_puts(b, "\033[1m");
    put_location(b, d->span);
    if (color) buf_puts(b, level_color(d->level));
    buf_puts(b, level_name(d->level));
    buf_putc(b, ':');
    if (color) buf_puts(b, "\033[0;1m");
    buf_putc(b, ' ');
    buf_puts(b, d->msg);
    if (color) buf_puts(b, "\033[0m");
    if (d->code) {
        buf_puts(b, " [");
        buf_puts(b, d->code);
        buf_putc(b, ']');
    }
    buf_putc(b, '\n');
    if (d->span.file) put_snippet(b, d->span, color);
    for (size_t i = 0; i < d->labels.len; i++) {
        const DiagLabel *l = d->labels.items[i];
        put_location(b, l->span);
        buf_puts(b, "note: ");
        buf_puts(b, l->msg);
        buf_putc(b, '\n');
        if (l->span.file) put_snippet(b, l->span, color);
    }
    for (size_t i = 0; i < d->hints.len; i++) {
        buf_puts(b, "help: ");
        buf_puts(b, (const char *)d->hints.items[i]);
        buf_putc(b, '\n');
    }
}

/* Diagnostics are built in memory and written with one fwrite: a national
 * check prints tens of thousands (issue #9). */
void diag_print_one(const Diag *d, FILE *out, bool color)
{
    Buf b;
    buf_init(&b);
    put_diag(&b, d, color);
    fwrite(b.data, 1, b.len, out);
    buf_free(&b);
}

static bool same_position(const Diag *a, const Diag *b)
{
    return a->span.file == b->span.file && a->span.start == b->span.start;
}

/* The note that says how many were not shown, after the last one shown. */
static void put_not_shown(Buf *b, const Diag *after, size_t errors, size_t warnings, bool color)
{
    Buf msg;
    buf_init(&msg);
    if (errors && warnings)
        buf_printf(&msg, _("%zu more errors and %zu more warnings in this file are not shown"), errors, warnings);
    else if (errors)
        buf_printf(&msg, _("%zu more errors in this file are not shown"), errors);
    else
        buf_printf(&msg, _("%zu more warnings in this file are not shown"), warnings);
    Diag *note = xcalloc(1, offsetof(Diag, msg) + msg.len + 1);
    note->level = DIAG_NOTE;
    note->code = "E0199";
    note->span = after->span;
    memcpy(note->msg, msg.data, msg.len);
    put_diag(b, note, color);
    free(note);
    buf_free(&msg);
}

size_t diag_print_text(const DiagList *dl, FILE *out, bool color)
{
    size_t n = dl->items.len, max = dl->limit_per_file;
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < n; i++) {
        DiagLevel l = ((const Diag *)dl->items.items[i])->level;
        errors += l == DIAG_ERROR;
        warnings += l == DIAG_WARNING;
    }
    bool capped = max && (errors > max || warnings > max);
    /* Which are not shown: the errors after the first max, and the
     * warnings after the first max or after the max-th error. */
    unsigned char *hide = capped ? xcalloc(n ? n : 1, 1) : NULL;
    size_t hidden_errors = 0, hidden_warnings = 0, first_hidden = n;
    errors = warnings = 0;
    for (size_t i = 0; capped && i < n; i++) {
        DiagLevel l = ((const Diag *)dl->items.items[i])->level;
        if (l == DIAG_ERROR) {
            hide[i] = errors >= max;
            if (hide[i]) hidden_errors++;
            else errors++;
        } else if (l == DIAG_WARNING) {
            hide[i] = errors >= max || warnings >= max;
            if (hide[i]) hidden_warnings++;
            else warnings++;
        }
        if (hide[i] && first_hidden == n) first_hidden = i;
    }
    /* The note follows the last error or warning shown before the first
     * one not shown, and whatever else is at that one's position (where
     * sorting would put a record made for it). */
    size_t anchor = n, note_after = n;
    if (first_hidden < n) {
        size_t a = first_hidden;   /* all before it are shown: skip the notes */
        while (a > 0 && ((const Diag *)dl->items.items[a - 1])->level == DIAG_NOTE) a--;
        anchor = note_after = a > 0 ? a - 1 : first_hidden;
        while (note_after + 1 < n && same_position(dl->items.items[note_after + 1], dl->items.items[anchor]))
            note_after++;
    }
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        if (!hide || !hide[i]) put_diag(&b, dl->items.items[i], color);
        if (i == note_after) put_not_shown(&b, dl->items.items[anchor], hidden_errors, hidden_warnings, color);
    }
    if (b.len) fwrite(b.data, 1, b.len, out);
    buf_free(&b);
    free(hide);
    return hidden_errors + hidden_warnings;
}

/* Bytes a JSON string takes as they are: printable ASCII but '"' and
 * '\\' (the terminating NUL is not one). */
static const bool json_plain[256] = {
    [' '] = 1, ['!'] = 1, ['#'] = 1, ['$'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1, ['('] = 1, [')'] = 1,
    ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1,
    ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, [':'] = 1, [';'] = 1,
    ['<'] = 1, ['='] = 1, ['>'] = 1, ['?'] = 1, ['@'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1,
    ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1,
    ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1,
    ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['['] = 1, [']'] = 1, ['^'] = 1, ['_'] = 1, ['`'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1,
    ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
    ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1, ['{'] = 1,
    ['|'] = 1, ['}'] = 1, ['~'] = 1,
};

#if !defined(__SSE2__)
/* Whether all eight bytes of v are json_plain: none below 0x20 or from
 * 0x80 up, none '"' or '\\' (the zero-byte test, exact for "is there any"). */
static bool json_plain8(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t quote = v ^ (ones * '"'), slash = v ^ (ones * '\\');
    uint64_t bad = ((v - ones * 0x20) & ~v) | v | ((quote - ones) & ~quote) | ((slash - ones) & ~slash);
    return (bad & high) == 0;
}
#endif

void json_put_string(Buf *b, const char *s) { json_put_stringn(b, s, strlen(s)); }

/* The first n bytes of s that need no escaping, copied to o. */
static size_t copy_plain(char *o, const char *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    /* sixteen a step: a byte is flagged if it is '"', '\\', or below
     * 0x20 or from 0x80 up (negative as a signed byte) */
    const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(' ');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(s + i));
        __m128i bad = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)),
                                   _mm_cmplt_epi8(v, space));
        if (_mm_movemask_epi8(bad)) break;
        _mm_storeu_si128((__m128i *)(o + i), v);
    }
#else
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, s + i, sizeof v);
        if (!json_plain8(v)) break;
        memcpy(o + i, &v, sizeof v);
    }
#endif
    for (; i < n && json_plain[(unsigned char)s[i]]; i++) o[i] = s[i];
    return i;
}

void json_put_stringn(Buf *b, const char *s, size_t n)
{
    /* the usual text needs no escaping: copied while it is checked */
    buf_reserve(b, n + 2);
    char *o = b->data + b->len;
    o[0] = '"';
    size_t i = copy_plain(o + 1, s, n);
    if (i == n) {
        o[n + 1] = '"';
        o[n + 2] = '\0';
        b->len += n + 2;
        return;
    }
    b->len += 1 + i;
    const unsigned char *p = (const unsigned char *)s + i, *end = (const unsigned char *)s + n;
    for (; p < end; p++) {
        /* a run that needs no escaping is appended whole */
        const unsigned char *run = p;
        while (p < end && json_plain[*p]) p++;
        if (p > run) buf_putn(b, (const char *)run, (size_t)(p - run));
        if (p == end) break;
        switch (*p) {
        case '"': buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\t': buf_puts(b, "\\t"); break;
        case '\r': buf_puts(b, "\\r"); break;
        default:
            if (*p < 0x20) {
                buf_printf(b, "\\u%04x", *p);
            } else if (*p >= 0x80) {
                int seq = utf8_seq_len(p, (size_t)(end - p) < 4 ? (size_t)(end - p) : 4);
                if (seq == 0) {
                    buf_puts(b, "\\ufffd");
                } else {
                    buf_putn(b, (const char *)p, (size_t)seq);
                    p += seq - 1;
                }
            } else {
                buf_putc(b, (char)*p);
            }
        }
    }
    buf_putc(b, '"');
}

static void json_span(Buf *b, Span s)
{
    if (!s.file) {
        buf_puts(b, "null");
        return;
    }
    int l1, c1, l2, c2;
    locfile_pos(s.file, s.start, &l1, &c1);
    locfile_pos(s.file, s.end > s.start ? s.end : s.start, &l2, &c2);
    buf_puts(b, "{\"file\":");
    json_put_string(b, s.file->name);
    buf_printf(b, ",\"line\":%d,\"column\":%d,\"end_line\":%d,\"end_column\":%d}", l1, c1, l2, c2);
}

void diag_print_json(const DiagList *dl, FILE *out)
{
    Buf b;
    buf_init(&b);
    buf_puts(&b, "{\"diagnostics\":[");
    bool first = true;
    diag_json_records(dl, &b, &first);
    buf_puts(&b, "\n]}\n");
    fputs(b.data, out);
    buf_free(&b);
}

void diag_json_records(const DiagList *dl, Buf *out, bool *first)
{
    Buf b = *out;
    for (size_t i = 0; i < dl->items.len; i++) {
        const Diag *d = dl->items.items[i];
        if (!*first) buf_putc(&b, ',');
        *first = false;
        buf_puts(&b, "\n  {\"level\":");
        json_put_string(&b, level_name(d->level));
        buf_puts(&b, ",\"code\":");
        json_put_string(&b, d->code ? d->code : "");
        buf_puts(&b, ",\"message\":");
        json_put_string(&b, d->msg);
        buf_puts(&b, ",\"span\":");
        json_span(&b, d->span);
        buf_puts(&b, ",\"labels\":[");
        for (size_t k = 0; k < d->labels.len; k++) {
            const DiagLabel *l = d->labels.items[k];
            if (k) buf_putc(&b, ',');
            buf_puts(&b, "{\"message\":");
            json_put_string(&b, l->msg);
            buf_puts(&b, ",\"span\":");
            json_span(&b, l->span);
            buf_putc(&b, '}');
        }
        buf_puts(&b, "],\"hints\":[");
        for (size_t k = 0; k < d->hints.len; k++) {
            if (k) buf_putc(&b, ',');
            json_put_string(&b, d->hints.items[k]);
        }
        buf_puts(&b, "]}");
    }
    *out = b;
}

size_t diag_count_code(const DiagList *dl, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->items.len; i++)
        if (!strcmp(((const Diag *)dl->items.items[i])->code, code)) n++;
    return n;
}
