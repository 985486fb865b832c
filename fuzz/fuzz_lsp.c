/* fuzz_lsp.c -- libFuzzer target for `sakip lsp`: the message reader
 * (src/jsonrpc.c), jansson's parse of each body and the server's
 * handling of every message (src/lsp.c), on one input:
 *
 *   first byte even: the rest is the byte stream as it is (framing,
 *     headers, Content-Length and bodies all mutated);
 *   first byte odd: the rest is split at newlines and each piece is sent
 *     as one correctly framed message, after an `initialize` (so the
 *     fuzzer explores the JSON of the requests and notifications: didOpen
 *     texts, incremental edits, positions, hover, code actions, ...).
 *
 * The server writes to /dev/null; the workspace folders of `initialize`
 * are not read (lsp_serve's workspace false).  Any crash, sanitizer report
 * or leak is a finding.  Seeds: the lines of tests/lsp/*.jsonl.
 *
 * Build and a short run (doc/fuzzing.md, "sakip lsp"):
 *   make -f fuzz/lsp.mk top_srcdir=$PWD top_builddir=$PWD
 *   fuzz/build/fuzz_lsp -max_total_time=60 fuzz/build/lsp-seeds
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsp.h"
#include "names.h"

static const char init[] = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    char *stream = NULL;
    size_t len = 0;
    FILE *in = open_memstream(&stream, &len);
    if (!in) return 0;
    if (data[0] % 2 == 0) {
        fwrite(data + 1, 1, size - 1, in);
    } else {
        fprintf(in, "Content-Length: %zu\r\n\r\n%s", strlen(init), init);
        size_t a = 1;
        for (size_t i = 1; i <= size; i++) {
            if (i == size || data[i] == '\n') {
                fprintf(in, "Content-Length: %zu\r\n\r\n", i - a);
                fwrite(data + a, 1, i - a, in);
                a = i + 1;
            }
        }
    }
    fclose(in);
    FILE *src = fmemopen(stream, len ? len : 1, "r");
    FILE *out = fopen("/dev/null", "w");
    if (src && out && len) lsp_serve(src, out, false);
    if (src) fclose(src);
    if (out) fclose(out);
    free(stream);
    names_reset();
    return 0;
}
