/* afl_driver.c -- a main() for fuzz_sakip.c.
 *
 * Built with afl-clang-fast (AFL++) it runs in persistent mode with
 * shared-memory test cases: one process handles up to 10 000 inputs.
 * Built with any other compiler it is a plain reproducer:
 *
 *   fuzz/sakip-repro FILE...     runs each file through the pipeline
 *   fuzz/sakip-repro < FILE      the same for standard input
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* realpath */
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define MAX_INPUT (1u << 20)

static size_t read_all(FILE *f, uint8_t *buf, size_t cap)
{
    size_t n = 0, r;
    while (n < cap && (r = fread(buf + n, 1, cap - n, f)) > 0) n += r;
    return n;
}

#ifdef __AFL_FUZZ_TESTCASE_LEN
__AFL_FUZZ_INIT();
#endif

int main(int argc, char **argv)
{
    /* the harnesses may change directory: the files named are opened
     * from where the program was started */
    char **abs = calloc((size_t)argc + 1, sizeof *abs);
    if (!abs) return 2;
    for (int i = 1; i < argc; i++)
        if ((abs[i] = realpath(argv[i], NULL)) != NULL) argv[i] = abs[i];
    LLVMFuzzerInitialize(&argc, &argv);
#ifdef __AFL_FUZZ_TESTCASE_LEN
    if (argc < 2) {
        __AFL_INIT();
        unsigned char *buf = __AFL_FUZZ_TESTCASE_BUF;
        while (__AFL_LOOP(10000)) {
            size_t len = __AFL_FUZZ_TESTCASE_LEN;
            if (len > MAX_INPUT) len = MAX_INPUT;
            /* a private copy, so reads past the end are caught by ASan */
            uint8_t *copy = malloc(len ? len : 1);
            memcpy(copy, buf, len);
            LLVMFuzzerTestOneInput(copy, len);
            free(copy);
        }
        free(abs);
        return 0;
    }
#endif
    uint8_t *buf = malloc(MAX_INPUT);
    if (!buf) {
        free(abs);
        return 2;
    }
    if (argc < 2) {
        size_t n = read_all(stdin, buf, MAX_INPUT);
        uint8_t *copy = malloc(n ? n : 1);
        memcpy(copy, buf, n);
        LLVMFuzzerTestOneInput(copy, n);
        free(copy);
    }
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            free(buf);
            for (int j = 1; j < argc; j++) free(abs[j]);
            free(abs);
            return 2;
        }
        size_t n = read_all(f, buf, MAX_INPUT);
        fclose(f);
        uint8_t *copy = malloc(n ? n : 1);
        memcpy(copy, buf, n);
        fprintf(stderr, "running %s (%zu bytes)\n", argv[i], n);
        LLVMFuzzerTestOneInput(copy, n);
        free(copy);
    }
    free(buf);
    for (int i = 1; i < argc; i++) free(abs[i]);
    free(abs);
    return 0;
}
