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

/* Takes ownership of text (NUL-terminated, len bytes). The line index is
 * built only when a position is first asked for: most files never need
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

/* The start of every line.  Eight bytes a step: a national run asks
 * for the line of every claim of 7 300 files, and memchr from one short
 * line to the next spent most of its time being called.  The SWAR
 * path serves other little-endian machines; the byte loop the rest. */
static void build_lines(LocFile *lf)
{
    size_t cap = 64 + lf->len / 32;   /* lines are rarely shorter: one allocation */
    lf->line_start = xmalloc(cap * sizeof *lf->line_start);
    lf->line_start[0] = 0;
    lf->nlines = 1;
    const char *t = lf->text;
    size_t i = 0, len = lf->len;
#if defined(__SSE2__)
    /* sixteen bytes a step where SSE2 is (every x86-64) */
    const __m128i nlv = _mm_set1_epi8('\n');
    for (; i + 16 <= len; i += 16) {
        if (lf->nlines + 16 > cap) {
            cap *= 2;
            lf->line_start = xrealloc(lf->line_start, cap * sizeof *lf->line_start);
        }
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(t + i)), nlv));
        while (m) {
            lf->line_start[lf->nlines++] = (uint32_t)(i + (size_t)__builtin_ctz(m) + 1);
            m &= m - 1;
        }
    }
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Fu;
    for (; i + 8 <= len; i += 8) {
        if (lf->nlines + 8 > cap) {
            cap *= 2;
            lf->line_start = xrealloc(lf->line_start, cap * sizeof *lf->line_start);
        }
        uint64_t x;
        memcpy(&x, t + i, 8);
        x ^= 0x0A0A0A0A0A0A0A0Au;                        /* '\n' bytes are now 0 */
        uint64_t nl = ~(((x & low7) + low7) | x | low7);   /* exactly their high bits */
        while (nl) {
            lf->line_start[lf->nlines++] = (uint32_t)(i + (size_t)(__builtin_ctzll(nl) >> 3) + 1);
            nl &= nl - 1;
        }
    }
#endif
    for (; i < len; i++) {
        if (t[i] != '\n') continue;
        if (lf->nlines == cap) {
            cap *= 2;
            lf->line_start = xrealloc(lf->line_start, cap * sizeof *lf->line_start);
        }
        lf->line_start[lf->nlines++] = (uint32_t)(i + 1);
    }
}

static const LocFile *lines(const LocFile *lf)
{
    if (!lf->line_start) build_lines((LocFile *)lf);
    return lf;
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
        *err = "read error";
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
            *err = "read error";
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

static size_t line_index(const LocFile *lf, uint32_t off)
{
    size_t lo = 0, hi = lf->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (lf->line_start[mid] <= off) lo = mid;
        else hi = mid;
    }
    return lo;
}

void locfile_pos(const LocFile *lf, uint32_t off, int *line, int *col)
{
    lines(lf);
    if (off > lf->len) off = (uint32_t)lf->len;
    size_t li = line_index(lf, off);
    *line = (int)li + 1 + lf->line_base;
    if (col) *col = (int)utf8_width(lf->text + lf->line_start[li], off - lf->line_start[li]) + 1;
}

int locfile_line_of(const LocFile *lf, uint32_t off)
{
    int line;
    locfile_pos(lf, off, &line, NULL);
    return line;
}

const char *locfile_line(const LocFile *lf, int line, size_t *len)
{
    lines(lf);
    line -= lf->line_base;
    if (line < 1 || (size_t)line > lf->nlines) {
        *len = 0;
        return "";
    }
    size_t s = lf->line_start[line - 1];
    size_t e = s;
    while (e < lf->len && lf->text[e] != '\n') e++;
    if (e > s && lf->text[e - 1] == '\r') e--;
    *len = e - s;
    return lf->text + s;
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
