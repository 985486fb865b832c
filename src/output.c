/* output.c -- atomic file replacement. */
#include <config.h>
#include "output.h"
#include "i18n.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
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

bool atomic_open(AtomicFile *af, const char *path, char **err)
{
    memset(af, 0, sizeof *af);
    struct stat st;
    mode_t mode = 0644;
    bool exists = stat(path, &st) == 0;
    if (exists) {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            *err = errmsg("cannot write", path);
            return false;
        }
        mode = st.st_mode & 07777;
    }
    Buf b;
    buf_init(&b);
    const char *slash = strrchr(path, '/');
    if (slash) buf_putn(&b, path, (size_t)(slash - path + 1));
    buf_printf(&b, ".%s.tmpXXXXXX", slash ? slash + 1 : path);
    char *tmp = buf_steal(&b);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        *err = errmsg("cannot create a temporary file for", path);
        free(tmp);
        return false;
    }
    if (fchmod(fd, exists ? mode : (mode_t)(0666 & ~umask_value())) != 0) {
        /* not fatal: keep mkstemp's 0600 */
    }
    af->f = fdopen(fd, "w");
    if (!af->f) {
        *err = errmsg("cannot open", tmp);
        close(fd);
        unlink(tmp);
        free(tmp);
        return false;
    }
    af->path = xstrdup(path);
    af->tmp = tmp;
    return true;
}

bool atomic_commit(AtomicFile *af, char **err)
{
    bool ok = fflush(af->f) == 0 && !ferror(af->f);
    if (ok) ok = fsync(fileno(af->f)) == 0;
    if (!ok) *err = errmsg("cannot write", af->path);
    if (fclose(af->f) != 0 && ok) {
        ok = false;
        *err = errmsg("cannot write", af->path);
    }
    af->f = NULL;
    if (ok && rename(af->tmp, af->path) != 0) {
        ok = false;
        *err = errmsg("cannot replace", af->path);
    }
    if (!ok) unlink(af->tmp);
    free(af->tmp);
    free(af->path);
    af->tmp = af->path = NULL;
    return ok;
}

void atomic_abort(AtomicFile *af)
{
    if (af->f) fclose(af->f);
    if (af->tmp) unlink(af->tmp);
    free(af->tmp);
    free(af->path);
    memset(af, 0, sizeof *af);
}

bool write_file_atomic(const char *path, const char *data, size_t len, char **err)
{
    AtomicFile af;
    if (!atomic_open(&af, path, err)) return false;
    if (fwrite(data, 1, len, af.f) != len) {
        *err = errmsg("cannot write", path);
        atomic_abort(&af);
        return false;
    }
    return atomic_commit(&af, err);
}
