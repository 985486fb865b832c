/* serve_exec.c -- `sakip serve` runs the program sakip-serve (src/serve_main.c).
 *
 * The HTTP server's library, libmicrohttpd, brings GnuTLS and five more
 * libraries with it; linked into sakip they would cost every start-up of
 * `check` and `eval` their loading, as libxlsxwriter did before it became
 * a module (doc/decisions.md, "#23 serve").  So the server is a program
 * of its own beside the module: beside sakip (the build tree), in
 * PREFIX/lib/sakip for PREFIX/bin/sakip, then in the configured
 * $(pkglibdir) -- the places the XLSX module is looked for (render.c).
 * main.c has parsed and checked the options; they are passed on in one
 * form. */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "util.h"


int cmd_serve(Options *o)
{
    char *path = module_path("sakip-serve", X_OK);
    Vec argv = {0};
    Vec owned = {0};
    vec_push(&argv, "sakip-serve");
    Buf b;
    buf_init(&b);
#define ARG(...) do { buf_reset(&b); buf_printf(&b, __VA_ARGS__); char *s_ = xstrdup(b.data); \
                      vec_push(&owned, s_); vec_push(&argv, s_); } while (0)
    ARG("--port=%d", o->port);
    if (o->listen) ARG("--listen=%s", o->listen);
    if (o->skenario_dir) ARG("--skenario-dir=%s", o->skenario_dir);
    if (o->token_file) ARG("--token-file=%s", o->token_file);
    if (o->tahun) ARG("--tahun=%d", o->tahun);
    ARG("--angka=%s", o->notation == NOTATION_EN ? "en" : "id");
#undef ARG
    vec_push(&argv, "--");
    for (size_t i = 0; i < o->files.len; i++) vec_push(&argv, o->files.items[i]);
    vec_push(&argv, NULL);
    fflush(stdout);
    fflush(stderr);
    execv(path, (char *const *)argv.items);
    fprintf(stderr, _("sakip serve: cannot run %s: %s\n"), path, strerror(errno));
    for (size_t i = 0; i < owned.len; i++) free(owned.items[i]);
    vec_free(&owned);
    vec_free(&argv);
    buf_free(&b);
    free(path);
    return EXIT_USAGE;
}
