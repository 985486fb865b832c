/* fuzz_csv.c -- libFuzzer (and AFL++, through afl_driver.c) target for
 * the survey CSV reader (src/survei.c, libcsv) and what reads its rows:
 * the checks of a survei, ikm(), the claims on it, the report as JSON,
 * and the diagnostics as text and JSON.
 *
 * An input is the bytes of one CSV file.  It is written to fuzz.csv in a
 * private directory made at start-up (mkdtemp under $TMPDIR or /tmp) and
 * read through `berkas "fuzz.csv"` of a fixed source: with an even input
 * length the survei declares the nine unsur of PermenPANRB 14/2017 (the
 * header must name them), with an odd one it declares none (the header
 * defines them), so both ways of reading a header are exercised and a
 * reproducer always takes the same path.  FUZZ_VERBOSE=1 prints the
 * diagnostics on standard error.
 *
 * Build: `make fuzz` (fuzz/fuzz.mk, doc/fuzzing.md).
 */
#include <config.h>

#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "eval.h"
#include "load.h"
#include "names.h"
#include "report.h"
#include "util.h"
#include "workdir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    unsetenv("SAKIP_PATH");
    return 0;
}

static const char head[] =
    "instansi \"Kecamatan Contoh\" {\n"
    "    tahun 2024\n"
    "}\n"
    "survei S \"Survei kepuasan masyarakat\" {\n";
static const char unsur9[] =
    "    unsur persyaratan, prosedur, waktu, biaya, produk, kompetensi, perilaku, sarana, pengaduan\n";
static const char tail[] =
    "    berkas \"fuzz.csv\"\n"
    "}\n"
    "sasaran S1 \"Pelayanan yang memuaskan\" {\n"
    "    indikator I1 \"Indeks kepuasan masyarakat\" {\n"
    "        satuan \"indeks\"\n"
    "        polaritas positif\n"
    "        penanggung_jawab \"Camat\"\n"
    "        sumber \"Survei\"\n"
    "        target 2024: 80\n"
    "        realisasi 2024: ikm(S)\n"
    "    }\n"
    "}\n"
    "periksa ikm(S) >= 25\n"
    "periksa ikm(S) <= 100\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    enter_workdir("csv");
    if (size > (1u << 20)) return 0;
    int fd = open("fuzz.csv", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) abort();
    if (size && write(fd, data, size) != (ssize_t)size) abort();
    close(fd);

    Buf src;
    buf_init(&src);
    buf_puts(&src, head);
    if (!(size & 1)) buf_puts(&src, unsur9);
    buf_puts(&src, tail);

    DiagList dl;
    diag_list_init(&dl);
    Unit *u = load_text("fuzz.sakip", src.data, src.len, &dl);
    if (u && diag_count_fatal(&dl) == 0) {
        Eval ev;
        eval_init(&ev, u, &dl, 0);
        check_claims(&ev, &dl);
        eval_free(&ev);

        eval_init(&ev, u, &dl, 0);
        ev.notation = (size & 1) ? NOTATION_EN : NOTATION_ID;
        Buf b;
        buf_init(&b);
        report_json_unit(&b, &ev);
        buf_free(&b);
        eval_free(&ev);
    }
    diag_sort(&dl);
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    if (f) {
        diag_print_text(&dl, f, false);
        diag_print_json(&dl, f);
        fclose(f);
        /* the reader promises never to copy a control byte to the
         * terminal: only line breaks and tabs may be in the text, and
         * no byte that is never part of UTF-8 */
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)mem[i];
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f || c == 0xc0 || c == 0xc1 || c >= 0xf5) {
                fprintf(stderr, "fuzz_csv: byte 0x%02x in the diagnostics at %zu:\n%s\n", c, i, mem);
                abort();
            }
        }
        if (getenv("FUZZ_VERBOSE")) fwrite(mem, 1, len, stderr);
        free(mem);
    }
    diag_list_free(&dl);
    unit_free(u);
    buf_free(&src);
    names_reset();
    return 0;
}
