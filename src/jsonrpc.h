/* jsonrpc.h -- the framing of the Language Server Protocol's JSON-RPC
 * messages on a byte stream: a header block ("Content-Length: N",
 * optionally "Content-Type: ..."), an empty line, then N bytes of JSON.
 * The reader never trusts the peer: header lines and bodies are bounded,
 * and a malformed header is reported and skipped rather than fatal, so a
 * bad message cannot crash or hang the server (fuzz/fuzz_jsonrpc.c). */
#ifndef SAKIP_JSONRPC_H
#define SAKIP_JSONRPC_H

#include <stddef.h>
#include <stdio.h>

/* The largest body accepted (bytes): a .sakip file may be 64 MiB
 * (LOCFILE_MAX_BYTES) and JSON escaping at most doubles it. */
#define JSONRPC_MAX_BODY (160u * 1024u * 1024u)
#define JSONRPC_MAX_HEADER_LINE 1024

typedef enum {
    JR_OK,          /* *body holds len bytes (NUL-terminated), free() it */
    JR_EOF,         /* the stream ended (cleanly or inside a message) */
    JR_BAD_HEADER,  /* no or a malformed Content-Length: the message is skipped */
    JR_TOO_LARGE    /* Content-Length past JSONRPC_MAX_BODY (or no memory): the body is read and dropped */
} JrStatus;

JrStatus jsonrpc_read(FILE *in, char **body, size_t *len);
/* Writes one message (header and body) and flushes; -1 on a write error. */
int jsonrpc_write(FILE *out, const char *body, size_t len);

#endif
