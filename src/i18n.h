/* i18n.h -- message translation (GNU gettext).  Messages are written in
 * English in the source and translated in po/id.po; the words
 * "error", "warning", "note" and "help" in diagnostics are not translated
 * so that editors (Vim quickfix, Emacs compile-mode) keep parsing them.
 * Table headings are Indonesian domain terms in every locale. */
#ifndef SAKIP_I18N_H
#define SAKIP_I18N_H

#include <config.h>

#if ENABLE_NLS
#include <libintl.h>
#include <stdbool.h>
/* True when messages stay English (no catalogue for the language): then
 * _() skips gettext, which costs ~1 600 instructions a call and is asked
 * for in hot paths (a reason string for every serapan, every claim). */
extern bool i18n_english;
#define _(s) (i18n_english ? (s) : gettext(s))
#else
#define _(s) (s)
#endif
#define N_(s) (s)
#if ENABLE_NLS
#define P_(s, p, n) (i18n_english ? ((n) == 1 ? (s) : (p)) : ngettext(s, p, n))
#else
#define P_(s, p, n) ((n) == 1 ? (s) : (p))
#endif

/* Sets the locale and the message catalogue (main and tests). */
void i18n_init(void);

#endif
