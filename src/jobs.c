/* jobs.c -- files handled by forked workers, output in input order
 * (jobs.h). */
#include <config.h>

#include "jobs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* What a worker sends per file: this header, then len bytes of text. */
typedef struct Record {
    uint64_t len;
    uint64_t n[JOB_COUNTS];
} Record;

/* Runs work for file i into memory; returns the text (malloc'd). */
static char *run_one(JobWork work, void *arg, size_t i, size_t *len, uint64_t n[JOB_COUNTS])
{
    char *mem = NULL;
    *len = 0;
    memset(n, 0, JOB_COUNTS * sizeof n[0]);
    FILE *f = open_memstream(&mem, len);
    if (!f) {
        perror("sakip: open_memstream");
        exit(2);
    }
    work(arg, i, f, n);
    if (fclose(f) != 0) {
        perror("sakip: open_memstream");
        exit(2);
    }
    return mem;
}

static bool write_all(int fd, const void *p, size_t len)
{
    const char *s = p;
    while (len) {
        ssize_t k = write(fd, s, len);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        s += k;
        len -= (size_t)k;
    }
    return true;
}

/* false at end of file or on an error before len bytes */
static bool read_all(int fd, void *p, size_t len)
{
    char *s = p;
    while (len) {
        ssize_t k = read(fd, s, len);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        s += k;
        len -= (size_t)k;
    }
    return true;
}

static void worker(int fd, size_t first, size_t step, size_t nfiles, JobWork work, void *arg)
{
    for (size_t i = first; i < nfiles; i += step) {
        Record r;
        size_t len;
        char *text = run_one(work, arg, i, &len, r.n);
        r.len = len;
        bool ok = write_all(fd, &r, sizeof r) && write_all(fd, text ? text : "", len);
        free(text);
        if (!ok) _exit(2);   /* the parent is gone */
    }
    _exit(0);   /* not exit: the parent's stdio buffers and atexit handlers are its own */
}

void jobs_run(size_t nfiles, int jobs, JobWork work, JobDeliver deliver, void *arg)
{
    if (jobs > JOBS_MAX) jobs = JOBS_MAX;
    if ((size_t)jobs > nfiles) jobs = (int)nfiles;
    if (jobs < 1) jobs = 1;
    /* Share 0 is this process's own, between passing on the others'
     * records: N jobs are N processes, not N workers and an idle relay. */
    int fd[JOBS_MAX];
    pid_t pid[JOBS_MAX];
    for (int w = 0; w < jobs; w++) fd[w] = -1;
    if (jobs > 1) {
        fflush(stdout);
        fflush(stderr);
    }
    for (int w = 1; w < jobs; w++) {
        int p[2];
        if (pipe(p) != 0) break;
        pid_t k = fork();
        if (k < 0) {
            close(p[0]);
            close(p[1]);
            break;   /* a worker the system would not give: its files are done here */
        }
        if (k == 0) {
            close(p[0]);
            for (int v = 1; v < w; v++) close(fd[v]);
            worker(p[1], (size_t)w, (size_t)jobs, nfiles, work, arg);
        }
        close(p[1]);
        fd[w] = p[0];
        pid[w] = k;
    }
    /* a dead worker's pipe reads end of file: no write end is left open
     * anywhere else (each was closed here right after its fork) */
    bool dead[JOBS_MAX] = {false};
    for (size_t i = 0; i < nfiles; i++) {
        int w = (int)(i % (size_t)jobs);
        uint64_t n[JOB_COUNTS];
        if (fd[w] < 0 && !dead[w]) {   /* this process's share */
            size_t len;
            char *text = run_one(work, arg, i, &len, n);
            deliver(arg, i, text ? text : "", len, n, false);
            free(text);
            continue;
        }
        Record r;
        char *text = NULL;
        bool ok = !dead[w] && read_all(fd[w], &r, sizeof r);
        if (ok) {
            text = malloc(r.len + 1);
            ok = text && read_all(fd[w], text, r.len);
        }
        if (ok) {
            deliver(arg, i, text, r.len, r.n, false);
        } else {
            if (!dead[w]) close(fd[w]);
            dead[w] = true;
            memset(n, 0, sizeof n);
            deliver(arg, i, "", 0, n, true);
        }
        free(text);
    }
    for (int w = 1; w < jobs; w++) {
        if (fd[w] < 0 && !dead[w]) continue;   /* never started */
        if (!dead[w]) close(fd[w]);
        while (waitpid(pid[w], NULL, 0) < 0 && errno == EINTR) {}
    }
}
