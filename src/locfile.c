/* locfile.c -- source text and offset -> line/column mapping. */
#include "locfile.h"
#include "i18n.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Takes ownership of text (NUL-terminated, len bytes).  Lines are counted
 * only when a position is asked for (line_at): most files never need
 * one. */
static LocFile *locfile_take(const char *name, char *text, size_t len)
{
    LocFile *lf = xcalloc(1, sizeof *lf);
    lf->name = xstrdup(name);
    lf->text = text;
    lf->len = len;
    return lf;
}

LocFile *locfile_new(const char *name, const char *text, size_t len)
{
    return locfile_take(name, xstrndup(text, len), len);
}

/* Newlines in t[from, to): sixteen bytes a step where SSE2 is (every
 * x86-64), a byte at a time elsewhere. */
static size_t count_newlines(const char *t, size_t from, size_t to)
{
    size_t n = 0, i = from;
#if defined(__SSE2__)
    /* each match is -1 in its byte: subtracted into byte counters, which
     * are added up (psadbw) before any can pass 255 */
    const __m128i nl = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
    while (i + 16 <= to) {
        __m128i counts = zero;
        for (int k = 0; k < 255 && i + 16 <= to; k++, i += 16)
            counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(t + i)), nl));
        __m128i sums = _mm_sad_epu8(counts, zero);
        n += (size_t)_mm_cvtsi128_si32(sums) + (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sums, 8));
    }
#endif
    for (; i < to; i++) n += t[i] == '\n';
    return n;
}

/* The start of every line, for queries in no order (line_at). */
static void index_lines(LocFile *lf)
{
    lf->nlines = count_newlines(lf->text, 0, lf->len) + 1;
    lf->line_start = xmalloc(lf->nlines * sizeof *lf->line_start);
    lf->line_start[0] = 0;
    const char *t = lf->text, *p = t;
    for (size_t k = 1; k < lf->nlines; k++) {
        p = (const char *)memchr(p, '\n', lf->len - (size_t)(p - t)) + 1;
        lf->line_start[k] = (uint32_t)(p - t);
    }
}

/* The 0-based line of off, and in *start the offset where that line
 * starts.  Lines are counted from a cursor, the last line asked for,
 * rather than looked up in an index of every line: callers ask in source
 * order (sorted diagnostics, each claim's line in the JSON), so each byte
 * is counted about once, and a file whose lines nobody asks for costs
 * nothing (building the index was 2.8 % of eval --format=json).  Queries
 * that jump back and forth (a label on an early line for each of many
 * diagnostics) would count the text over and over: once the count passes
 * four times the text, the lines are indexed and searched instead. */
static size_t line_at(const LocFile *lf, uint32_t off, uint32_t *start)
{
    LocFile *cur = (LocFile *)lf;   /* the cursor and the index are caches, not content */
    if (cur->line_start) {
        size_t lo = 0, hi = cur->nlines;
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (cur->line_start[mid] <= off) lo = mid;
            else hi = mid;
        }
        *start = cur->line_start[lo];
        return lo;
    }
    const char *t = lf->text;
    size_t line;
    if (off >= cur->cur_start) {
        line = cur->cur_line + count_newlines(t, cur->cur_start, off);
        cur->counted += off - cur->cur_start;
    } else {
        line = cur->cur_line - count_newlines(t, off, cur->cur_start);
        cur->counted += cur->cur_start - off;
    }
    const char *nl = off ? memrchr(t, '\n', off) : NULL;
    *start = nl ? (uint32_t)(nl - t + 1) : 0;
    cur->cur_start = *start;
    cur->cur_line = line;
    if (cur->counted > 4 * lf->len + 65536) index_lines(cur);
    return line;
}

/* Reads all of f (standard input) into b, up to the size limit. */
static bool read_all(FILE *f, Buf *b, const char **err)
{
    for (;;) {
        if (b->cap < b->len + 2) {
            b->cap = b->len + 65537 + b->len / 2;
            b->data = xrealloc(b->data, b->cap);
        }
        size_t n = fread(b->data + b->len, 1, b->cap - b->len - 1, f);
        b->len += n;
        b->data[b->len] = '\0';
        if (b->len > LOCFILE_MAX_BYTES) {
            *err = "is larger than the 64 MiB limit for one source file";
            return false;
        }
        if (n == 0) break;
    }
    if (ferror(f)) {
        *err = strerror(errno ? errno : EIO);
        return false;
    }
    return true;
}

/* Reads f to its end (a pipe, or a file of unknown size). */
static LocFile *load_stream(FILE *f, const char *name, const char **err)
{
    Buf b;
    buf_init(&b);
    if (!read_all(f, &b, err)) {
        buf_free(&b);
        return NULL;
    }
    size_t n = b.len;
    return locfile_take(name, buf_steal(&b), n);
}

LocFile *locfile_load(const char *path, const char **err)
{
    if (!strcmp(path, "-")) return load_stream(stdin, "<stdin>", err);
    /* open, fstat, one read: a file of known size needs nothing more.
     * O_NONBLOCK: opening a FIFO must not wait for a writer (it is then
     * refused as not a regular file). */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        *err = strerror(errno);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err = strerror(errno);
        close(fd);
        return NULL;
    }
    const char *problem = NULL;
    if (S_ISDIR(st.st_mode)) problem = "is a directory, not a .sakip file";
    else if (!S_ISREG(st.st_mode)) problem = "is not a regular file";
    else if ((unsigned long long)st.st_size > LOCFILE_MAX_BYTES)
        problem = "is larger than the 64 MiB limit for one source file";
    if (problem) {
        *err = problem;
        close(fd);
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    if (size == 0) {
        /* procfs and some FUSE files say 0 and still have content: read
         * until the end as from a pipe */
        FILE *f = fdopen(fd, "rb");
        if (!f) {
            *err = strerror(errno);
            close(fd);
            return NULL;
        }
        LocFile *lf = load_stream(f, path, err);
        fclose(f);
        return lf;
    }
    char *text = xmalloc(size + 1);
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, text + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            *err = strerror(errno);
            free(text);
            close(fd);
            return NULL;
        }
        if (n == 0) break;          /* the file shrank meanwhile */
        got += (size_t)n;
    }
    close(fd);
    text[got] = '\0';
    return locfile_take(path, text, got);
}

void locfile_free(LocFile *lf)
{
    if (!lf) return;
    free(lf->name);
    free(lf->text);
    free(lf->line_start);
    free(lf);
}

void locfile_pos(const LocFile *lf, uint32_t off, int *line, int *col)
{
    if (off > lf->len) off = (uint32_t)lf->len;
    uint32_t start;
    *line = (int)line_at(lf, off, &start) + 1 + lf->line_base;
    if (col) *col = (int)utf8_width(lf->text + start, off - start) + 1;
}

int locfile_line_of(const LocFile *lf, uint32_t off)
{
    LocFile *cur = (LocFile *)lf;   /* a cache, as in line_at() */
    if (!cur->line_start && off >= cur->line_cur && off <= lf->len) {
        /* forward from the last such query: no line start to look for */
        cur->line_cur_line += count_newlines(lf->text, cur->line_cur, off);
        cur->counted += off - cur->line_cur;
        cur->line_cur = off;
        int line = (int)cur->line_cur_line + 1 + lf->line_base;
        if (cur->counted > 4 * lf->len + 65536) index_lines(cur);
        return line;
    }
    int line;
    locfile_pos(lf, off, &line, NULL);
    return line;
}

const char *locfile_line(const LocFile *lf, int line, size_t *len)
{
    line -= lf->line_base;
    *len = 0;
    if (line < 1) return "";
    /* from the index if there is one, else from the cursor, which the
     * caller has usually just put on this line */
    LocFile *cur = (LocFile *)lf;
    size_t want = (size_t)line - 1, at = 0, have = 0;
    if (cur->line_start) {
        if (want >= cur->nlines) return "";
        at = cur->line_start[want];
        have = want;
    } else if (want >= cur->cur_line) {
        at = cur->cur_start;
        have = cur->cur_line;
    }
    const char *t = lf->text;
    while (have < want) {
        const char *nl = memchr(t + at, '\n', lf->len - at);
        if (!nl) return "";             /* past the last line */
        at = (size_t)(nl - t) + 1;
        have++;
    }
    if (!cur->line_start) {
        cur->cur_start = (uint32_t)at;
        cur->cur_line = have;
    }
    size_t e = at;
    while (e < lf->len && t[e] != '\n') e++;
    if (e > at && t[e - 1] == '\r') e--;
    *len = e - at;
    return t + at;
}

Span span_join(Span a, Span b)
{
    Span s = a;
    if (!s.file) return b;
    if (b.file == a.file) {
        if (b.start < s.start) s.start = b.start;
        if (b.end > s.end) s.end = b.end;
    }
    return s;
}
