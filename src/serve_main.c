/* serve_main.c -- the program sakip-serve, which `sakip serve` runs
 * (src/serve_exec.c) with the options main.c has already checked, each
 * in one form: --port=N --listen=ADDR --skenario-dir=DIR --token-file=F
 * --tahun=YEAR --angka=id|en -- FILE|DIR... */
#include <config.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "numalloc.h"
#include "serve.h"

int main(int argc, char **argv)
{
    numalloc_install();
    i18n_init();
    Options o;
    memset(&o, 0, sizeof o);
    o.notation = NOTATION_ID;
    o.port = 8000;
    static const struct option opts[] = {
        {"port", required_argument, NULL, 'p'}, {"listen", required_argument, NULL, 'l'},
        {"skenario-dir", required_argument, NULL, 's'}, {"token-file", required_argument, NULL, 't'},
        {"tahun", required_argument, NULL, 'y'}, {"angka", required_argument, NULL, 'a'},
        {NULL, 0, NULL, 0}};
    int ch;
    while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (ch) {
        case 'p': o.port = atoi(optarg); break;
        case 'l': o.listen = optarg; break;
        case 's': o.skenario_dir = optarg; break;
        case 't': o.token_file = optarg; break;
        case 'y': o.tahun = atoi(optarg); break;
        case 'a': o.notation = strcmp(optarg, "en") ? NOTATION_ID : NOTATION_EN; break;
        default:
            fputs("usage: sakip serve [OPTION]... FILE|DIR... (see sakip serve --help)\n", stderr);
            return EXIT_USAGE;
        }
    }
    if (o.port < 0 || o.port > 65535) return EXIT_USAGE;
    for (int i = optind; i < argc; i++) vec_push(&o.files, argv[i]);
    int st = serve_run(&o);
    vec_free(&o.files);
    return st;
}
