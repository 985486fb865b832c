/* fuzz_sheet.c -- libFuzzer targets for the spreadsheet readers of
 * `sakip import` (src/sheet.c), and the map reader (src/peta.c).
 *
 * One input, three uses: as a whole file (XLSX when it starts with a ZIP
 * header, else CSV) read by sheet_read with a sheet chosen by the first
 * byte; as the CSV text with `,` forced; and as a map (peta_parse).
 * Every cell of a sheet read is visited (its place formatted), and
 * everything is freed, so LeakSanitizer sees a leak.  A ZIP input reaches
 * libzip and expat through the same bounded paths as the command.
 *
 * Build and a short run (fuzz/fuzz-sheet.sh):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE -I. -iquote src \
 *     fuzz/fuzz_sheet.c src/sheet.c src/peta.c src/util.c src/i18n.c src/num.c src/numalloc.c \
 *     $(pkg-config --cflags --libs libzip expat) -lcsv -lgmp -o fuzz/build/fuzz_sheet
 */
#include <config.h>

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "peta.h"
#include "sheet.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void visit(const Sheet *s)
{
    Buf b;
    buf_init(&b);
    for (uint32_t r = 0; r < s->nrows; r++)
        for (uint32_t c = 0; c < s->ncols; c++) {
            const SheetCell *cell = sheet_cell(s, r, c);
            if (cell && cell->text) {
                buf_reset(&b);
                sheet_where(&b, s, r, c);
                buf_puts(&b, cell->text);
            }
        }
    buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    Buf err;
    buf_init(&err);
    Sheet s;
    SheetWant want = {NULL, size ? (unsigned)(data[0] % 3) : 0, 0};
    if (sheet_read("fuzz.xlsx", text, size, &want, &s, &err)) {
        visit(&s);
        sheet_free(&s);
    }
    buf_reset(&err);
    SheetWant comma = {"Sheet1", 0, ','};
    if (size < 4 || memcmp(data, "PK\x03\x04", 4)) {
        if (sheet_read("fuzz.csv", text, size, &comma, &s, &err)) {
            visit(&s);
            sheet_free(&s);
        }
    }
    buf_reset(&err);
    Peta p;
    peta_parse("fuzz.peta", text, size, &p, &err);
    peta_free(&p);
    buf_free(&err);
    return 0;
}
