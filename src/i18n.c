/* i18n.c -- locale set-up for message translation. */
#include "i18n.h"
#include "util.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

#if ENABLE_NLS
bool i18n_english = false;

/* A message every catalogue translates. */
#define I18N_PROBE "Try 'sakip --help' for more information.\n"
#endif

#if ENABLE_NLS
/* The catalogues beside the program, found as its data is (src/load.c):
 * po/locale in an uninstalled build tree (made by `make`), or
 * PREFIX/share/locale for PREFIX/bin/sakip; NULL when neither has one. */
static char *own_localedir(void)
{
    char *dir = program_dir();
    if (!dir) return NULL;
    size_t len = strlen(dir);
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s/po/locale", dir);
    if (access(b.data, F_OK) != 0 && len >= 4 && !strcmp(dir + len - 4, "/bin")) {
        buf_reset(&b);
        buf_printf(&b, "%.*s/share/locale", (int)(len - 4), dir);
    }
    free(dir);
    size_t n = b.len;
    buf_puts(&b, "/id/LC_MESSAGES/" PACKAGE ".mo");
    if (access(b.data, R_OK) != 0) {
        buf_free(&b);
        return NULL;
    }
    b.data[n] = '\0';
    return buf_steal(&b);
}
#endif

void i18n_init(void)
{
    if (!setlocale(LC_ALL, "")) {
        /* The locale named by LANG is not installed (id_ID.UTF-8 often is
         * not): keep UTF-8 and ask gettext for the language by name. */
        const char *lang = getenv("LC_ALL");
        if (!lang || !*lang) lang = getenv("LC_MESSAGES");
        if (!lang || !*lang) lang = getenv("LANG");
        setlocale(LC_ALL, "C.UTF-8");
        if (lang && *lang && !getenv("LANGUAGE")) {
            char code[16];
            size_t n = strcspn(lang, "_.@");
            if (n > 0 && n < sizeof code) {
                memcpy(code, lang, n);
                code[n] = '\0';
                setenv("LANGUAGE", code, 0);
            }
        }
    }
    /* numbers are formatted by sakip itself; keep C's for everything else */
    setlocale(LC_NUMERIC, "C");
#if ENABLE_NLS
    /* $SAKIP_LOCALEDIR names the catalogues (the tests' fresh one) */
    const char *dir = getenv("SAKIP_LOCALEDIR");
    char *own = NULL;
    if (!dir || !*dir) {
        dir = LOCALEDIR;
        /* none installed there: those that belong to this program */
        if (access(LOCALEDIR "/id/LC_MESSAGES/" PACKAGE ".mo", R_OK) != 0 && (own = own_localedir())) dir = own;
    }
    bindtextdomain(PACKAGE, dir);
    free(own);
    bind_textdomain_codeset(PACKAGE, "UTF-8");
    textdomain(PACKAGE);
    i18n_english = strcmp(gettext(I18N_PROBE), I18N_PROBE) == 0;
#endif
}
