/* fuzz_repl.c -- libFuzzer (and AFL++, through afl_driver.c) target for
 * the REPL in script mode: `sakip repl [unit.sakip] < script`.
 *
 * An input is a REPL script (expressions, declarations, `andai`, `batal`,
 * `jelaskan`, `:unit`, `:muat`, `:simpan`, ...), optionally preceded by a
 * source file and a line `%%`:
 *
 *   instansi "X" { tahun 2024 } ...      (written to unit.sakip, loaded
 *   %%                                    as `sakip repl unit.sakip` does)
 *   andai ...
 *
 * Everything runs in a private directory made at start-up (mkdtemp under
 * $TMPDIR or /tmp) and emptied after each input, so `:simpan NAME` writes
 * only there; an input with a line that begins with ':' (after blanks)
 * and has a '/' is skipped, so no input can write or read outside that
 * directory (the fuzzer may run as root).  Output goes to
 * /dev/null (to standard error with FUZZ_VERBOSE=1, to see a reproducer); the number notation (id/en) follows the input length's
 * parity, colour its second bit, so a reproducer takes the same path.
 *
 * Build: `make fuzz` (fuzz/fuzz.mk, doc/fuzzing.md).
 */
#include <config.h>

#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "names.h"
#include "repl.h"
#include "util.h"
#include "workdir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    unsetenv("SAKIP_PATH");
    devnull = getenv("FUZZ_VERBOSE") ? stderr : fopen("/dev/null", "w");
    if (!devnull) abort();
    return 0;
}

/* A command line (':' first, after blanks) naming a path with a '/'. */
static bool names_a_path(const uint8_t *data, size_t size)
{
    size_t i = 0;
    while (i < size) {
        while (i < size && (data[i] == ' ' || data[i] == '\t')) i++;
        bool command = i < size && data[i] == ':';
        for (; i < size && data[i] != '\n'; i++)
            if (command && data[i] == '/') return true;
        i++;
    }
    return false;
}

static const void *find(const uint8_t *data, size_t size, const char *s)
{
    return memmem(data, size, s, strlen(s));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    enter_workdir("repl");
    if (size == 0 || size > (1u << 20)) return 0;
    if (names_a_path(data, size)) return 0;

    /* the source before a line `%%`, if there is one */
    const uint8_t *script = data;
    size_t script_len = size;
    Vec files = {0};
    bool at_start = size >= 3 && !memcmp(data, "%%\n", 3);
    const uint8_t *sep = at_start ? data : find(data, size, "\n%%\n");
    if (sep) {
        size_t src_len = at_start ? 0 : (size_t)(sep - data) + 1;   /* with its last newline */
        script = at_start ? data + 3 : sep + 4;
        script_len = size - (size_t)(script - data);
        int fd = open("unit.sakip", O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0) abort();
        if (src_len && write(fd, data, src_len) != (ssize_t)src_len) abort();
        close(fd);
        vec_push(&files, (void *)"unit.sakip");
    }

    /* a private copy, so that fmemopen never writes into the fuzzer's
     * buffer and a read past the end is caught */
    char *copy = xmalloc(script_len ? script_len : 1);
    memcpy(copy, script, script_len);
    FILE *in = script_len ? fmemopen(copy, script_len, "r") : fopen("/dev/null", "r");
    if (!in) abort();

    ReplOptions opt = {
        .notation = (size & 1) ? NOTATION_EN : NOTATION_ID,
        .interactive = false,
        .color = (size & 2) != 0,
        .in = in,
        .out = devnull,
        .err = devnull,
    };
    repl_run(&files, &opt);
    fclose(in);
    free(copy);
    vec_free(&files);
    empty_workdir();
    names_reset();
    return 0;
}
