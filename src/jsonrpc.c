/* jsonrpc.c -- Content-Length framing of LSP messages (jsonrpc.h). */
#include <config.h>

#include <ctype.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jsonrpc.h"

/* One header line without its CR LF (or LF); -1 at EOF before any byte,
 * 1 when the line was longer than the buffer (the rest is dropped). */
static int read_line(FILE *in, char *buf, size_t cap, size_t *n)
{
    size_t k = 0;
    int c;
    bool any = false, longer = false;
    while ((c = getc(in)) != EOF) {
        any = true;
        if (c == '\n') break;
        if (k + 1 < cap) buf[k++] = (char)c;
        else longer = true;
    }
    if (!any) return -1;
    if (k && buf[k - 1] == '\r') k--;
    buf[k] = '\0';
    *n = k;
    return longer ? 1 : 0;
}

/* Reads and drops n bytes of a body; false at the end of the input. */
static bool skip_body(FILE *in, long long n)
{
    char sink[4096];
    while (n > 0) {
        size_t want = n > (long long)sizeof sink ? sizeof sink : (size_t)n;
        size_t got = fread(sink, 1, want, in);
        if (got == 0) return false;
        n -= (long long)got;
    }
    return true;
}

JrStatus jsonrpc_read(FILE *in, char **body, size_t *len)
{
    char line[JSONRPC_MAX_HEADER_LINE];
    long long length = -1;
    bool bad = false, seen_any = false;
    *body = NULL;
    *len = 0;
    for (;;) {
        size_t n;
        int r = read_line(in, line, sizeof line, &n);
        if (r < 0) return JR_EOF;
        if (r > 0) bad = true;
        if (n == 0) {
            if (!seen_any) continue;   /* blank lines between messages */
            break;
        }
        seen_any = true;
        char *colon = strchr(line, ':');
        if (!colon) {
            bad = true;
            continue;
        }
        *colon = '\0';
        if (!strcasecmp(line, "Content-Length")) {
            const char *v = colon + 1;
            while (*v == ' ' || *v == '\t') v++;
            if (!isdigit((unsigned char)*v)) {
                bad = true;
                continue;
            }
            /* the whole length, saturating: a body past the bound is
             * skipped, so the next message is found where it starts */
            long long x = 0;
            for (; isdigit((unsigned char)*v); v++) x = x > LLONG_MAX / 10 - 9 ? LLONG_MAX : x * 10 + (*v - '0');
            while (*v == ' ' || *v == '\t') v++;
            if (*v) bad = true;
            length = x;
        }
    }
    if (length < 0) return JR_BAD_HEADER;
    /* a body past the bound, or of a malformed header, is read and
     * dropped without being kept */
    if (length > (long long)JSONRPC_MAX_BODY) return skip_body(in, length) ? JR_TOO_LARGE : JR_EOF;
    if (bad) return skip_body(in, length) ? JR_BAD_HEADER : JR_EOF;
    char *b = malloc((size_t)length + 1);
    if (!b) return skip_body(in, length) ? JR_TOO_LARGE : JR_EOF;
    size_t got = length ? fread(b, 1, (size_t)length, in) : 0;
    if (got < (size_t)length) {
        free(b);
        return JR_EOF;
    }
    b[length] = '\0';
    *body = b;
    *len = (size_t)length;
    return JR_OK;
}

int jsonrpc_write(FILE *out, const char *body, size_t len)
{
    if (fprintf(out, "Content-Length: %zu\r\n\r\n", len) < 0) return -1;
    if (len && fwrite(body, 1, len, out) != len) return -1;
    return fflush(out) == 0 ? 0 : -1;
}
