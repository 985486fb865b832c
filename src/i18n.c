/* i18n.c -- locale set-up for message translation. */
#include "i18n.h"

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
    /* SAKIP_LOCALEDIR lets the build tree's tests use the fresh catalogue */
    const char *dir = getenv("SAKIP_LOCALEDIR");
    if (!dir || !*dir) {
        dir = LOCALEDIR;
#ifdef SAKIP_BUILD_LOCALEDIR
        /* not installed yet: the catalogue of the build tree */
        if (access(LOCALEDIR "/id/LC_MESSAGES/" PACKAGE ".mo", R_OK) != 0 &&
            access(SAKIP_BUILD_LOCALEDIR "/id/LC_MESSAGES/" PACKAGE ".mo", R_OK) == 0)
            dir = SAKIP_BUILD_LOCALEDIR;
#endif
    }
    bindtextdomain(PACKAGE, dir);
    bind_textdomain_codeset(PACKAGE, "UTF-8");
    textdomain(PACKAGE);
    i18n_english = strcmp(gettext(I18N_PROBE), I18N_PROBE) == 0;
#endif
}
