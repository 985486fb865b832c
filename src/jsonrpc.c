/* jsonrpc.c -- Content-Length framing of LSP messages (jsonrpc.h). */
#include <config.h>

#include <ctype.h>
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
            long long x = 0;
            while (isdigit((unsigned char)*v) && x <= (long long)JSONRPC_MAX_BODY) x = x * 10 + (*v++ - '0');
            while (*v == ' ' || *v == '\t') v++;
            if (*v && x <= (long long)JSONRPC_MAX_BODY) bad = true;
            length = x;
        }
    }
    if (length < 0) return JR_BAD_HEADER;
    /* a body past the bound is not read (nor skipped: that could take
     * gigabytes); what follows is read as the next header */
    if (length > (long long)JSONRPC_MAX_BODY) return JR_TOO_LARGE;
    if (bad) {
        /* the body of a malformed header is skipped, without keeping it */
        char sink[4096];
        long long left = length;
        while (left > 0) {
            size_t want = left > (long long)sizeof sink ? sizeof sink : (size_t)left;
            size_t got = fread(sink, 1, want, in);
            if (got == 0) return JR_EOF;
            left -= (long long)got;
        }
        return JR_BAD_HEADER;
    }
    char *b = malloc((size_t)length + 1);
    if (!b) return JR_TOO_LARGE;
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
