/* locfile.c -- source text and offset -> line/column mapping. */
#include "locfile.h"
#include "i18n.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>
#include <sys/stat.h>

LocFile *locfile_new(const char *name, const char *text, size_t len)
{
    LocFile *lf = xcalloc(1, sizeof *lf);
    lf->name = xstrdup(name);
    lf->text = xstrndup(text, len);
    lf->len = len;
    size_t cap = 64;
    lf->line_start = xmalloc(cap * sizeof *lf->line_start);
    lf->line_start[0] = 0;
    lf->nlines = 1;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\n') {
            if (lf->nlines == cap) {
                cap *= 2;
                lf->line_start = xrealloc(lf->line_start, cap * sizeof *lf->line_start);
            }
            lf->line_start[lf->nlines++] = (uint32_t)(i + 1);
        }
    }
    return lf;
}

/* Reads all of f into b, up to the size limit. */
static bool read_all(FILE *f, Buf *b, const char **err)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        buf_putn(b, chunk, n);
        if (b->len > LOCFILE_MAX_BYTES) {
            *err = "is larger than the 64 MiB limit for one source file";
            return false;
        }
    }
    if (ferror(f)) {
        *err = "read error";
        return false;
    }
    return true;
}

LocFile *locfile_load(const char *path, const char **err)
{
    if (!strcmp(path, "-")) {
        Buf b;
        buf_init(&b);
        if (!read_all(stdin, &b, err)) {
            buf_free(&b);
            return NULL;
        }
        LocFile *lf = locfile_new("<stdin>", b.data ? b.data : "", b.len);
        buf_free(&b);
        return lf;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        *err = strerror(errno);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        *err = "is a directory, not a .sakip file";
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        *err = "is not a regular file";
        return NULL;
    }
    if ((unsigned long long)st.st_size > LOCFILE_MAX_BYTES) {
        *err = "is larger than the 64 MiB limit for one source file";
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = strerror(errno);
        return NULL;
    }
    Buf b;
    buf_init(&b);
    bool ok = read_all(f, &b, err);
    fclose(f);
    if (!ok) {
        buf_free(&b);
        return NULL;
    }
    LocFile *lf = locfile_new(path, b.data ? b.data : "", b.len);
    buf_free(&b);
    return lf;
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
    if (off > lf->len) off = (uint32_t)lf->len;
    size_t li = line_index(lf, off);
    *line = (int)li + 1 + lf->line_base;
    *col = (int)utf8_width(lf->text + lf->line_start[li], off - lf->line_start[li]) + 1;
}

const char *locfile_line(const LocFile *lf, int line, size_t *len)
{
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
