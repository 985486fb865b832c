/* report_xlsx.c -- `eval --format=xlsx`.  Not built with libxlsxwriter
 * yet: the function reports that plainly instead of writing anything. */
#include "report.h"

bool report_xlsx_write(const char *path, const Vec *units, const Table *recap, char **err)
{
    (void)units;
    (void)recap;
    Buf b;
    buf_init(&b);
    buf_printf(&b, "cannot write '%s': xlsx output is not available in this build", path);
    *err = buf_steal(&b);
    return false;
}
