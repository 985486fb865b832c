/* output.c -- atomic file replacement, direct writes to what is not a
 * file, removal of the temporary file on a fatal signal, and the inputs
 * an output must not be. */
#include <config.h>
#include "output.h"
#include "i18n.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The process umask, read without changing it for long. */
static mode_t umask_value(void)
{
    mode_t m = umask(022);
    umask(m);
    return m;
}

static char *errmsg(const char *what, const char *path)
{
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s '%s': %s", what, path, strerror(errno));
    return buf_steal(&b);
}

/* ---- the inputs: (device, inode) of every file read, in a hash set ---- */

typedef struct InputId {
    dev_t dev;
    ino_t ino;
    char *name;              /* the first name it was read by; NULL: a free slot */
} InputId;

static bool tracking;
static InputId *inputs;
static size_t inputs_cap, inputs_len;   /* cap: 0 or a power of two */

static size_t input_hash(dev_t dev, ino_t ino)
{
    unsigned long long h = (unsigned long long)ino * 0x9E3779B97F4A7C15ull ^ (unsigned long long)dev;
    return (size_t)(h ^ (h >> 29));
}

static InputId *input_slot(InputId *tab, size_t cap, dev_t dev, ino_t ino)
{
    size_t i = input_hash(dev, ino) & (cap - 1);
    while (tab[i].name && !(tab[i].dev == dev && tab[i].ino == ino)) i = (i + 1) & (cap - 1);
    return &tab[i];
}

/* The name of the input that st is, or NULL. */
static const char *input_named(const struct stat *st)
{
    if (!inputs_len || !S_ISREG(st->st_mode)) return NULL;
    return input_slot(inputs, inputs_cap, st->st_dev, st->st_ino)->name;
}

void output_track_inputs(void)
{
    tracking = true;
}

void output_note_input(const char *path)
{
    struct stat st;
    if (!tracking || !strcmp(path, "-") || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) return;
    if (2 * (inputs_len + 1) > inputs_cap) {
        size_t cap = inputs_cap ? 2 * inputs_cap : 64;
        InputId *tab = xcalloc(cap, sizeof *tab);
        for (size_t i = 0; i < inputs_cap; i++)
            if (inputs[i].name) *input_slot(tab, cap, inputs[i].dev, inputs[i].ino) = inputs[i];
        free(inputs);
        inputs = tab;
        inputs_cap = cap;
    }
    InputId *slot = input_slot(inputs, inputs_cap, st.st_dev, st.st_ino);
    if (slot->name) return;
    *slot = (InputId){st.st_dev, st.st_ino, xstrdup(path)};
    inputs_len++;
}

/* An error if the file st (named path) is one of the inputs. */
static bool is_input(const char *path, const struct stat *st, char **err)
{
    const char *input = input_named(st);
    if (!input) return false;
    Buf b;
    buf_init(&b);
    buf_puts(&b, "error: ");
    if (!strcmp(input, path))
        buf_printf(&b, _("'%s' is an input file: writing the output to it would destroy it; nothing was written"),
                   path);
    else
        buf_printf(&b,
                   _("'%s' is the same file as the input '%s': writing the output to it would destroy it; "
                     "nothing was written"),
                   path, input);
    *err = buf_steal(&b);
    return true;
}

/* ---- temporary files removed on SIGINT, SIGTERM and SIGHUP ---- */

enum { NSLOTS = 8 };
static const int fatal_signals[] = {SIGINT, SIGTERM, SIGHUP};
enum { NSIGNALS = sizeof fatal_signals / sizeof fatal_signals[0] };
/* The paths are written before their flag is set, and read by the handler
 * only when it is set. */
static char slot_path[NSLOTS][PATH_MAX];
static volatile sig_atomic_t slot_used[NSLOTS];
static int slots_open;
static struct sigaction saved_action[NSIGNALS];
static bool handler_installed[NSIGNALS];

static void on_fatal_signal(int sig)
{
    for (int i = 0; i < NSLOTS; i++)
        if (slot_used[i]) unlink(slot_path[i]);
    /* then as if the signal had not been caught: the default action,
     * once this handler returns and the signal is unblocked */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
}

static void block_fatal_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (int k = 0; k < NSIGNALS; k++) sigaddset(&set, fatal_signals[k]);
    sigprocmask(SIG_BLOCK, &set, old);
}

/* Records tmp for the handler (called with the signals blocked); -1 when
 * every slot is taken or the name is too long (the file is then removed
 * on errors only). */
static int slot_take(const char *tmp)
{
    if (strlen(tmp) >= PATH_MAX) return -1;
    for (int i = 0; i < NSLOTS; i++) {
        if (slot_used[i]) continue;
        memcpy(slot_path[i], tmp, strlen(tmp) + 1);
        slot_used[i] = 1;
        /* A signal this process was started with ignoring (nohup, a
         * background job) stays ignored, and a handler of the program's
         * own (the REPL's Ctrl-C) stays in place. */
        if (slots_open++ == 0) {
            for (int k = 0; k < NSIGNALS; k++) {
                struct sigaction cur;
                handler_installed[k] = false;
                if (sigaction(fatal_signals[k], NULL, &cur) != 0 || cur.sa_handler != SIG_DFL ||
                    (cur.sa_flags & SA_SIGINFO))
                    continue;
                struct sigaction sa;
                memset(&sa, 0, sizeof sa);
                sa.sa_handler = on_fatal_signal;
                sigemptyset(&sa.sa_mask);
                for (int j = 0; j < NSIGNALS; j++) sigaddset(&sa.sa_mask, fatal_signals[j]);
                if (sigaction(fatal_signals[k], &sa, &saved_action[k]) == 0) handler_installed[k] = true;
            }
        }
        return i;
    }
    return -1;
}

static void slot_release(int i)
{
    if (i < 0) return;
    slot_used[i] = 0;
    if (--slots_open == 0)
        for (int k = 0; k < NSIGNALS; k++)
            if (handler_installed[k]) {
                sigaction(fatal_signals[k], &saved_action[k], NULL);
                handler_installed[k] = false;
            }
}

/* ---- where an output goes ---- */

/* The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N or
 * /proc/self/fd/N names, or -1: those are written through the open
 * descriptor (so an output the shell opened for appending is appended
 * to), never replaced. */
static int fd_path(const char *path)
{
    if (!strcmp(path, "/dev/stdout")) return STDOUT_FILENO;
    if (!strcmp(path, "/dev/stderr")) return STDERR_FILENO;
    const char *num = NULL;
    if (!strncmp(path, "/dev/fd/", 8)) num = path + 8;
    else if (!strncmp(path, "/proc/self/fd/", 14)) num = path + 14;
    if (!num || !*num) return -1;
    char *end;
    long n = strtol(num, &end, 10);
    if (*end || n < 0 || n > INT_MAX || fcntl((int)n, F_GETFD) < 0) return -1;
    return (int)n;
}

/* path with its last component's symbolic links followed (at most 40, as
 * the kernel does); a link to a file that does not exist gives that
 * file's name.  NULL with errno set on error. */
static char *follow_links(const char *path)
{
    char *cur = xstrdup(path);
    for (int hops = 0;; hops++) {
        struct stat lst;
        if (lstat(cur, &lst) != 0 || !S_ISLNK(lst.st_mode)) return cur;
        char link[PATH_MAX];
        ssize_t n = hops < 40 ? readlink(cur, link, sizeof link - 1) : -1;
        if (hops >= 40) errno = ELOOP;
        if (n < 0) {
            free(cur);
            return NULL;
        }
        link[n] = '\0';
        Buf b;
        buf_init(&b);
        const char *slash = strrchr(cur, '/');
        if (link[0] != '/' && slash) buf_putn(&b, cur, (size_t)(slash - cur + 1));
        buf_puts(&b, link);
        free(cur);
        cur = buf_steal(&b);
    }
}

/* Opens what is written in place: standard output, an open descriptor's
 * name, a device or a FIFO (which waits for a reader, as a shell's
 * redirection does). */
static bool open_direct(AtomicFile *af, const char *path, int fd, char **err)
{
    af->direct = true;
    af->slot = -1;
    if (fd == STDOUT_FILENO) {
        fflush(stdout);
        af->f = stdout;
        af->is_stdout = true;
    } else {
        int nfd = fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 3) : open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        af->f = nfd >= 0 ? fdopen(nfd, "w") : NULL;
        if (!af->f) {
            *err = errmsg("cannot write", path);
            if (nfd >= 0) close(nfd);
            return false;
        }
    }
    af->path = xstrdup(path);
    af->tmp = xstrdup(path);
    return true;
}

bool atomic_open(AtomicFile *af, const char *path, char **err)
{
    memset(af, 0, sizeof *af);
    af->slot = -1;
    if (!strcmp(path, "-")) return open_direct(af, "/dev/stdout", STDOUT_FILENO, err);
    struct stat st;
    mode_t mode = 0644;
    bool exists = stat(path, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        *err = errmsg("cannot write", path);
        return false;
    }
    if (exists && is_input(path, &st, err)) return false;
    int fd = fd_path(path);
    if (fd >= 0 || (exists && !S_ISREG(st.st_mode))) return open_direct(af, path, fd, err);
    if (exists) mode = st.st_mode & 07777;
    char *target = follow_links(path);
    if (!target) {
        *err = errmsg("cannot write", path);
        return false;
    }
    Buf b;
    buf_init(&b);
    const char *slash = strrchr(target, '/');
    if (slash) buf_putn(&b, target, (size_t)(slash - target + 1));
    buf_printf(&b, ".%s.tmpXXXXXX", slash ? slash + 1 : target);
    char *tmp = buf_steal(&b);
    sigset_t old;
    block_fatal_signals(&old);
    int tfd = mkstemp(tmp);
    if (tfd >= 0) af->slot = slot_take(tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (tfd < 0) {
        *err = errmsg("cannot create a temporary file for", path);
        free(tmp);
        free(target);
        return false;
    }
    if (fchmod(tfd, exists ? mode : (mode_t)(0666 & ~umask_value())) != 0) {
        /* not fatal: keep mkstemp's 0600 */
    }
    af->f = fdopen(tfd, "w");
    if (!af->f) {
        *err = errmsg("cannot open", tmp);
        close(tfd);
        unlink(tmp);
        slot_release(af->slot);
        free(tmp);
        free(target);
        return false;
    }
    af->path = target;
    af->tmp = tmp;
    return true;
}

void atomic_expect(AtomicFile *af, const struct stat *st)
{
    af->expect = true;
    af->was = *st;
}

static bool same_time(struct timespec a, struct timespec b)
{
    return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

/* Whether the file st describes is still the one `was` describes. */
static bool unchanged(const struct stat *was, const struct stat *st)
{
    return st->st_dev == was->st_dev && st->st_ino == was->st_ino && st->st_size == was->st_size &&
           same_time(st->st_mtim, was->st_mtim) && same_time(st->st_ctim, was->st_ctim);
}

static char *changed_msg(const char *path)
{
    Buf b;
    buf_init(&b);
    buf_puts(&b, "error: ");
    buf_printf(&b, _("'%s' changed after it was read; it is left as it is"), path);
    return buf_steal(&b);
}

static bool commit_direct(AtomicFile *af, char **err)
{
    bool ok = fflush(af->f) == 0 && !ferror(af->f);
    if (!ok) *err = errmsg("cannot write", af->path);
    if (!af->is_stdout && fclose(af->f) != 0 && ok) {
        ok = false;
        *err = errmsg("cannot write", af->path);
    }
    free(af->tmp);
    free(af->path);
    memset(af, 0, sizeof *af);
    af->slot = -1;
    return ok;
}

bool atomic_commit(AtomicFile *af, char **err)
{
    if (af->direct) return commit_direct(af, err);
    bool ok = fflush(af->f) == 0 && !ferror(af->f);
    if (ok) ok = fsync(fileno(af->f)) == 0;
    if (!ok) *err = errmsg("cannot write", af->path);
    if (fclose(af->f) != 0 && ok) {
        ok = false;
        *err = errmsg("cannot write", af->path);
    }
    af->f = NULL;
    /* the checks of atomic_open again, for what happened meanwhile (a
     * file read later, by impor, is an input too) */
    struct stat st;
    bool exists = ok && stat(af->path, &st) == 0;
    if (exists && is_input(af->path, &st, err)) ok = false;
    if (ok && af->expect && !(exists && unchanged(&af->was, &st))) {
        ok = false;
        *err = changed_msg(af->path);
    }
    if (ok && rename(af->tmp, af->path) != 0) {
        ok = false;
        *err = errmsg("cannot replace", af->path);
    }
    if (!ok) unlink(af->tmp);
    slot_release(af->slot);
    free(af->tmp);
    free(af->path);
    memset(af, 0, sizeof *af);
    af->slot = -1;
    return ok;
}

void atomic_abort(AtomicFile *af)
{
    if (af->f && !af->is_stdout) fclose(af->f);
    if (af->tmp && !af->direct) unlink(af->tmp);
    slot_release(af->slot);
    free(af->tmp);
    free(af->path);
    memset(af, 0, sizeof *af);
    af->slot = -1;
}

bool write_file_atomic_expect(const char *path, const struct stat *was, const char *data, size_t len, char **err)
{
    AtomicFile af;
    if (!atomic_open(&af, path, err)) return false;
    if (was) atomic_expect(&af, was);
    if (fwrite(data, 1, len, af.f) != len) {
        *err = errmsg("cannot write", path);
        atomic_abort(&af);
        return false;
    }
    return atomic_commit(&af, err);
}

bool write_file_atomic(const char *path, const char *data, size_t len, char **err)
{
    return write_file_atomic_expect(path, NULL, data, len, err);
}

bool write_file_in_place(const char *path, const struct stat *was, const char *data, size_t len, char **err)
{
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        *err = errmsg("cannot write", path);
        if (fd >= 0) close(fd);
        return false;
    }
    if (!S_ISREG(st.st_mode) || (was && !unchanged(was, &st))) {
        *err = changed_msg(path);
        close(fd);
        return false;
    }
    /* Reserved before the first byte changes: a full disk fails here, not
     * half-way through the file. */
    int r = len ? posix_fallocate(fd, 0, (off_t)len) : 0;
    if (r != 0 && r != EOPNOTSUPP && r != EINVAL) {
        errno = r;
        *err = errmsg("cannot write", path);
        close(fd);
        return false;
    }
    sigset_t old;
    block_fatal_signals(&old);
    bool ok = true;
    for (size_t done = 0; ok && done < len;) {
        ssize_t n = pwrite(fd, data + done, len - done, (off_t)done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) ok = false;
        else done += (size_t)n;
    }
    if (ok) ok = ftruncate(fd, (off_t)len) == 0 && fsync(fd) == 0;
    if (!ok) *err = errmsg("cannot write", path);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (close(fd) != 0 && ok) {
        ok = false;
        *err = errmsg("cannot write", path);
    }
    return ok;
}
