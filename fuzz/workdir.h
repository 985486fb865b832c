/* workdir.h -- the private directory a fuzz harness runs its inputs in
 * (fuzz_repl.c, fuzz_csv.c): made by the process that runs the inputs, on
 * the first one, emptied and removed when that process exits.  Under
 * AFL++'s fork server LLVMFuzzerInitialize runs once, in the parent, so
 * every child would share a directory made there, and the first to exit
 * would remove it under the others. */
#ifndef SAKIP_FUZZ_WORKDIR_H
#define SAKIP_FUZZ_WORKDIR_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char workdir[4096];
static pid_t workdir_owner;

/* Removes every file of the current directory (the private one). */
static void empty_workdir(void)
{
    DIR *d = opendir(".");
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) unlink(e->d_name);
    closedir(d);
}

static void remove_workdir(void)
{
    if (!workdir[0] || getpid() != workdir_owner || chdir(workdir) != 0) return;
    empty_workdir();
    if (chdir("/") == 0) rmdir(workdir);
}

/* Makes $TMPDIR/sakip-fuzz-NAME.XXXXXX and enters it, once per process. */
static void enter_workdir(const char *name)
{
    if (workdir[0]) return;
    const char *tmp = getenv("TMPDIR");
    snprintf(workdir, sizeof workdir, "%s/sakip-fuzz-%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", name);
    if (!mkdtemp(workdir) || chdir(workdir) != 0) {
        fprintf(stderr, "fuzz_%s: private directory %s: ", name, workdir);
        perror(NULL);
        abort();
    }
    workdir_owner = getpid();
    atexit(remove_workdir);
}

#endif
