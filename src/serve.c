/* serve.c -- `sakip serve [--port N] [--listen ADDR] [--skenario-dir DIR]
 * [--token-file F] FILE|DIR...`: the HTTP side of the dashboard
 * (sakip(1), serve; the routes in doc/serve.md), on GNU libmicrohttpd.
 *
 * Safety (doc/decisions.md, "#23 serve"):
 *   - listens on 127.0.0.1 unless --listen says otherwise; beyond
 *     loopback (or with --token-file) every request needs the access
 *     token: generated and printed at start, or read from --token-file;
 *     given once as ?token=, then kept in an HttpOnly cookie; compared in
 *     constant time;
 *   - the Host header must name this server (DNS rebinding);
 *   - a URL never reaches the file system: it names a unit loaded at
 *     start by its id, or one of two built-in static files;
 *   - request sizes are bounded (headers by the connection's memory
 *     limit, a form body by MAX_BODY), form values are parsed by the
 *     language's own rules (serve_andai_text);
 *   - a strict Content-Security-Policy: scripts only from /static/;
 *   - SIGINT and SIGTERM stop it gracefully.
 *
 * Concurrency: a thread per connection (so that the live-reload streams
 * can wait); every use of the loaded units and the sessions holds one
 * lock, as libsakip is not made for threads. */
#include <config.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <netdb.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "serve.h"
#include "i18n.h"
#include "output.h"

#define MAX_BODY 8192           /* a form: a few fields */
#define MAX_URL 1024
#define MAX_SESSIONS 512
#define MAX_ANDAI 50            /* what-ifs per unit and session */
#define CONN_MEMORY (32 * 1024) /* headers of one request (MHD answers 431/413 past it) */
#define MAX_UNITS 10000

/* ---- state ---- */

typedef struct Session {
    char id[33];
    time_t used;
    Vec *andai;              /* per unit: char* */
    char **page;             /* per unit: its page under those what-ifs, or NULL */
    unsigned long *page_gen; /* S.gen when it was made (a reload makes it stale) */
} Session;

static ServeState S;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static bool stopping;
static Session *sessions[MAX_SESSIONS];
static size_t nsessions;
static char token[129];
static bool need_token;
static bool any_host;        /* listening on every address: the token guards */
static char listen_host[64]; /* the address as a Host header names it */
static unsigned port;

static const char serve_js[] =
    "/* serve.js -- the dashboard's interaction: sorting the overview by a\n"
    " * column (by ranks the server computed), live reload, printing. */\n"
    "(function () {\n"
    "  'use strict';\n"
    "  var t = document.getElementById('ikhtisar');\n"
    "  if (t) {\n"
    "    var ths = t.querySelectorAll('th[data-kol]');\n"
    "    Array.prototype.forEach.call(ths, function (th) {\n"
    "      th.classList.add('urut');\n"
    "      th.tabIndex = 0;\n"
    "      var up = false;\n"
    "      var sort = function () {\n"
    "        var k = th.getAttribute('data-kol');\n"
    "        var body = t.tBodies[0];\n"
    "        var rows = Array.prototype.slice.call(body.rows);\n"
    "        up = !up;\n"
    "        rows.sort(function (a, b) {\n"
    "          var x = a.getAttribute('data-' + k) || '', y = b.getAttribute('data-' + k) || '';\n"
    "          var c = k.charAt(0) === 'k' ? parseInt(x, 10) - parseInt(y, 10) : x.localeCompare(y, 'id');\n"
    "          return up ? c : -c;\n"
    "        });\n"
    "        rows.forEach(function (r) { body.appendChild(r); });\n"
    "        Array.prototype.forEach.call(ths, function (h) { h.removeAttribute('aria-sort'); });\n"
    "        th.setAttribute('aria-sort', up ? 'ascending' : 'descending');\n"
    "      };\n"
    "      th.addEventListener('click', sort);\n"
    "      th.addEventListener('keydown', function (e) { if (e.key === 'Enter') sort(); });\n"
    "    });\n"
    "  }\n"
    "  var p = document.getElementById('cetak');\n"
    "  if (p) p.addEventListener('click', function () { window.print(); });\n"
    "  if (window.EventSource) {\n"
    "    var live = document.getElementById('live');\n"
    "    var es = new EventSource('/events');\n"
    "    es.addEventListener('muat', function () { window.location.reload(); });\n"
    "    es.onopen = function () { if (live) live.textContent = 'langsung'; };\n"
    "    es.onerror = function () { if (live) live.textContent = 'terputus'; };\n"
    "  }\n"
    "})();\n";

static const char serve_css[] =
    "nav.serve{font-size:90%;margin:0 0 1em;padding:.3em 0;border-bottom:1px solid #ccc}\n"
    "nav.serve span.live{float:right;color:#888}\n"
    "th.urut{cursor:pointer;text-decoration:underline dotted}\n"
    "td.galat,p.galat{color:#b71c1c}td.salah{color:#b71c1c;font-weight:bold}\n"
    "pre.diagnostik,pre.pesan{background:#fdecea;padding:.5em;white-space:pre-wrap}\n"
    "pre.jelaskan,pre.sumber{background:#f6f6f6;padding:.5em;white-space:pre-wrap}\n"
    "pre.sumber span:target{background:#fff3b0}a.ln{color:#888;text-decoration:none}\n"
    "section.andai{border:1px solid #bbb;padding:.2em .8em .6em;margin:0 0 1em;background:#fafafa}\n"
    "form.andai label{margin-right:.6em}form.inline{display:inline;margin-right:.4em}\n"
    "td.lama{color:#888;text-decoration:line-through}td.baru{font-weight:bold}\n"
    "p.unduh a{margin-right:.4em}\n"
    "@media print{nav.serve,section.andai form,p.unduh,section.rincian{display:none}}\n";

/* ---- small helpers ---- */

static bool ct_equal(const char *a, const char *b)
{
    /* constant time in the secret's length */
    size_t la = strlen(a), lb = strlen(b);
    unsigned char d = (unsigned char)(la != lb);
    for (size_t i = 0; i < lb; i++) d |= (unsigned char)(a[i % (la ? la : 1)] ^ b[i]);
    return d == 0 && la == lb;
}

static void random_hex(char *out, size_t bytes)
{
    unsigned char r[64];
    if (bytes > sizeof r) bytes = sizeof r;
    size_t got = 0;
    while (got < bytes) {
        ssize_t n = getrandom(r + got, bytes - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) abort();   /* no randomness: no token or session can be made safely */
        got += (size_t)n;
    }
    for (size_t i = 0; i < bytes; i++) sprintf(out + 2 * i, "%02x", r[i]);
    out[2 * bytes] = '\0';
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* application/x-www-form-urlencoded: the value of `name`, decoded
 * (malloc'd), or NULL. */
static char *form_value(const char *body, const char *name)
{
    size_t nl = strlen(name);
    for (const char *p = body; p && *p;) {
        const char *amp = strchr(p, '&');
        size_t len = amp ? (size_t)(amp - p) : strlen(p);
        if (len > nl && !strncmp(p, name, nl) && p[nl] == '=') {
            Buf b;
            buf_init(&b);
            for (size_t i = nl + 1; i < len; i++) {
                char c = p[i];
                if (c == '+') c = ' ';
                else if (c == '%' && i + 2 < len && hexval(p[i + 1]) >= 0 && hexval(p[i + 2]) >= 0) {
                    c = (char)(hexval(p[i + 1]) * 16 + hexval(p[i + 2]));
                    i += 2;
                }
                if (c == '\0' || c == '\n' || c == '\r') { buf_free(&b); return xstrdup(""); }
                buf_putc(&b, c);
            }
            if (!b.data) buf_puts(&b, "");
            return buf_steal(&b);
        }
        p = amp ? amp + 1 : NULL;
    }
    return NULL;
}

/* ---- responses ---- */

static void common_headers(struct MHD_Response *r)
{
    MHD_add_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                            "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                            "frame-ancestors 'none'");
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "X-Frame-Options", "DENY");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cache-Control", "no-store");
}

/* Takes data (malloc'd, or static when !owned). */
static enum MHD_Result reply(struct MHD_Connection *c, unsigned status, const char *ctype, char *data, size_t len,
                             bool owned, const char *cookie, const char *location, const char *disposition)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(
        len, data, owned ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    if (!r) {
        if (owned) free(data);
        return MHD_NO;
    }
    common_headers(r);
    MHD_add_response_header(r, "Content-Type", ctype);
    if (cookie) MHD_add_response_header(r, "Set-Cookie", cookie);
    if (location) MHD_add_response_header(r, "Location", location);
    if (disposition) MHD_add_response_header(r, "Content-Disposition", disposition);
    enum MHD_Result ret = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result reply_html(struct MHD_Connection *c, unsigned status, char *html, const char *cookie)
{
    return reply(c, status, "text/html; charset=utf-8", html, strlen(html), true, cookie, NULL, NULL);
}

static enum MHD_Result reply_error(struct MHD_Connection *c, unsigned status, const char *title, const char *text)
{
    return reply_html(c, status, serve_page_message(title, text), NULL);
}

static enum MHD_Result redirect(struct MHD_Connection *c, const char *to, const char *cookie)
{
    return reply(c, 303, "text/plain; charset=utf-8", (char *)"", 0, false, cookie, to, NULL);
}

/* ---- the Host check and the token ---- */

static bool host_ok(const char *host)
{
    if (!host || !*host || strlen(host) > 255) return false;
    if (any_host) return true;
    char h[256];
    snprintf(h, sizeof h, "%s", host);
    /* split off the port: "[::1]:8000", "127.0.0.1:8000", "localhost" */
    char *portp = NULL;
    if (h[0] == '[') {
        char *rb = strchr(h, ']');
        if (!rb) return false;
        if (rb[1] == ':') portp = rb + 2;
        else if (rb[1]) return false;
        rb[1] = '\0';
    } else {
        char *colon = strrchr(h, ':');
        if (colon) {
            *colon = '\0';
            portp = colon + 1;
        }
    }
    if (portp) {
        char *end;
        long p = strtol(portp, &end, 10);
        if (*end || p != (long)port) return false;
    }
    for (char *q = h; *q; q++)
        if (*q >= 'A' && *q <= 'Z') *q = (char)(*q - 'A' + 'a');
    if (!strcmp(h, listen_host)) return true;
    if (!strcmp(h, "localhost") || !strcmp(h, "[::1]")) return true;
    struct in_addr a;
    return inet_pton(AF_INET, h, &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

static bool token_ok(struct MHD_Connection *c)
{
    if (!need_token) return true;
    const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
    if (auth && !strncmp(auth, "Bearer ", 7)) return ct_equal(auth + 7, token);
    const char *ck = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "sakip_token");
    return ck && ct_equal(ck, token);
}

/* ---- sessions: each client's what-ifs, never another's ---- */

static Session *session_find(struct MHD_Connection *c)
{
    const char *id = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "sakip_sesi");
    if (!id || strlen(id) != 32) return NULL;
    for (size_t i = 0; i < nsessions; i++)
        if (ct_equal(id, sessions[i]->id)) {
            sessions[i]->used = time(NULL);
            return sessions[i];
        }
    return NULL;
}

static void session_free(Session *se)
{
    for (size_t u = 0; u < S.nunits; u++) {
        for (size_t i = 0; i < se->andai[u].len; i++) free(se->andai[u].items[i]);
        vec_free(&se->andai[u]);
        free(se->page[u]);
    }
    free(se->andai);
    free(se->page);
    free(se->page_gen);
    free(se);
}

static Session *session_new(void)
{
    if (nsessions == MAX_SESSIONS) {   /* the least recently used goes */
        size_t old = 0;
        for (size_t i = 1; i < nsessions; i++)
            if (sessions[i]->used < sessions[old]->used) old = i;
        session_free(sessions[old]);
        sessions[old] = sessions[--nsessions];
    }
    Session *se = xcalloc(1, sizeof *se);
    random_hex(se->id, 16);
    se->used = time(NULL);
    se->andai = xcalloc(S.nunits ? S.nunits : 1, sizeof *se->andai);
    se->page = xcalloc(S.nunits ? S.nunits : 1, sizeof *se->page);
    se->page_gen = xcalloc(S.nunits ? S.nunits : 1, sizeof *se->page_gen);
    sessions[nsessions++] = se;
    return se;
}

static char *session_cookie(const Session *se)
{
    Buf b;
    buf_init(&b);
    buf_printf(&b, "sakip_sesi=%s; Path=/; HttpOnly; SameSite=Strict", se->id);
    return buf_steal(&b);
}

/* ---- routes ---- */

typedef struct Req {
    Buf body;
    bool too_big;
} Req;

static SUnit *unit_of(const char *id, size_t n)
{
    for (size_t i = 0; i < S.nunits; i++)
        if (strlen(S.units[i].id) == n && !strncmp(S.units[i].id, id, n)) return &S.units[i];
    return NULL;
}

static enum MHD_Result download(struct MHD_Connection *c, SUnit *su, const Vec *andai, const char *fmt)
{
#ifndef HAVE_XLSX
    if (!strcmp(fmt, "xlsx"))   /* configure --without-xlsx */
        return reply_error(c, 404, "Tidak tersedia", "sakip ini dibangun tanpa XLSX (configure --without-xlsx).");
#endif
    const ServeFormat *f = serve_format(fmt);
    if (!f) return reply_error(c, 404, "Tidak ditemukan", "Format unduhan tidak dikenal.");
    const char *type = f->mime;
    size_t len = 0;
    bool stale;
    char *data = serve_download(&S, su, andai, fmt, &len, &stale);
    if (!data && stale)
        return reply_error(c, 409, "Andai tidak berlaku",
                           "Andai yang aktif tidak berlaku lagi untuk berkas ini; batalkan atau atur ulang di halaman unit.");
    if (!data) return reply_error(c, 500, "Gagal", "Unduhan tidak dapat dibuat.");
    char disp[160];
    snprintf(disp, sizeof disp, "attachment; filename=\"%s%s.%s\"", su ? su->id : "rekapitulasi",
             andai && andai->len ? "-simulasi" : "", fmt);
    return reply(c, 200, type, data, len, true, NULL, NULL, disp);
}

static enum MHD_Result save_scenario(struct MHD_Connection *c, SUnit *su, Session *se)
{
    Vec *av = &se->andai[su - S.units];
    if (!av->len) return redirect(c, "/", NULL);
    char *text = serve_scenario_text(su, av);
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    Buf path;
    buf_init(&path);
    char rnd[9];
    random_hex(rnd, 4);
    buf_printf(&path, "%s/%s-%s-%s.sakip", S.skenario_dir, su->id, stamp, rnd);
    char *err = NULL;
    bool ok = write_file_atomic(path.data, text, strlen(text), &err);
    free(text);
    Buf msg;
    buf_init(&msg);
    if (ok) buf_printf(&msg, "Skenario disimpan: %s", path.data);
    else buf_printf(&msg, "Skenario tidak dapat disimpan: %s", err ? err : "?");
    free(err);
    buf_free(&path);
    char *page = serve_page_unit(&S, su, av, msg.data, true);
    buf_free(&msg);
    return reply_html(c, ok ? 200 : 500, page, NULL);
}

static enum MHD_Result unit_post(struct MHD_Connection *c, SUnit *su, const char *action, Req *rq)
{
    /* a form of this server only: a browser names the page it came from */
    const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
    const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
    if (origin && strcmp(origin, "null")) {
        const char *o = strstr(origin, "://");
        if (!o || !host || strcmp(o + 3, host))
            return reply_error(c, 403, "Ditolak", "Formulir dari situs lain ditolak.");
    }
    if (rq->too_big) return reply_error(c, 413, "Terlalu besar", "Isian formulir terlalu besar.");
    const char *ctype = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
    if (!ctype || strncmp(ctype, "application/x-www-form-urlencoded", 33))
        return reply_error(c, 415, "Tidak didukung", "Formulir harus application/x-www-form-urlencoded.");
    Session *se = session_find(c);
    char *cookie = NULL;
    if (!se) {
        se = session_new();
        cookie = session_cookie(se);
    }
    size_t ui = (size_t)(su - S.units);
    Vec *av = &se->andai[ui];
    free(se->page[ui]);       /* whatever changes, the page is made again */
    se->page[ui] = NULL;
    char loc[300];
    snprintf(loc, sizeof loc, "/unit/%s", su->id);
    enum MHD_Result ret;
    const char *body = rq->body.data ? rq->body.data : "";
    if (!strcmp(action, "andai")) {
        char *apa = form_value(body, "apa"), *tahun = form_value(body, "tahun"), *nilai = form_value(body, "nilai");
        char *err = NULL;
        char *page = NULL;
        char *text = av->len >= MAX_ANDAI ? NULL
                                          : serve_andai_text(&S, su, av, apa, tahun, nilai, S.skenario_dir != NULL,
                                                             &page, &err);
        if (!text && !err) err = xstrdup("Terlalu banyak andai: batalkan sebagian dahulu.");
        if (text) {
            vec_push(av, text);
            se->page[ui] = page;
            se->page_gen[ui] = S.gen;
            ret = redirect(c, loc, cookie);
        } else {
            ret = reply_html(c, 422, serve_page_unit(&S, su, av, err, S.skenario_dir != NULL), cookie);
        }
        free(err);
        free(apa);
        free(tahun);
        free(nilai);
    } else if (!strcmp(action, "batal")) {
        if (av->len) free(av->items[--av->len]);
        ret = redirect(c, loc, cookie);
    } else if (!strcmp(action, "reset")) {
        while (av->len) free(av->items[--av->len]);
        ret = redirect(c, loc, cookie);
    } else if (!strcmp(action, "simpan")) {
        ret = S.skenario_dir ? save_scenario(c, su, se)
                             : reply_error(c, 403, "Tidak diaktifkan",
                                           "Server ini dijalankan tanpa --skenario-dir: skenario tidak disimpan.");
    } else {
        ret = reply_error(c, 404, "Tidak ditemukan", "Alamat ini tidak ada.");
    }
    free(cookie);
    return ret;
}

static enum MHD_Result unit_get(struct MHD_Connection *c, SUnit *su, const char *rest)
{
    Session *se = session_find(c);
    size_t ui = (size_t)(su - S.units);
    const Vec *av = se ? &se->andai[ui] : NULL;
    if (!*rest) {
        if (!av || !av->len) return reply_html(c, 200, xstrdup(su->page), NULL);
        if (!se->page[ui] || se->page_gen[ui] != S.gen) {
            free(se->page[ui]);
            se->page[ui] = serve_page_unit(&S, su, av, NULL, S.skenario_dir != NULL);
            se->page_gen[ui] = S.gen;
        }
        return reply_html(c, 200, xstrdup(se->page[ui]), NULL);
    }
    if (!strcmp(rest, "/jelaskan")) {
        const char *f = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "f");
        const char *id = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "id");
        char *page = serve_page_jelaskan(&S, su, av, f, id);
        if (!page) return reply_error(c, 404, "Tidak ditemukan", "Tidak ada nilai seperti itu di unit ini.");
        return reply_html(c, 200, page, NULL);
    }
    if (!strcmp(rest, "/sumber")) {
        char *page = serve_page_source(&S, su);
        if (!page) return reply_error(c, 404, "Tidak ditemukan", "Berkas ini tidak terbaca.");
        return reply_html(c, 200, page, NULL);
    }
    if (!strncmp(rest, "/unduh/", 7)) {
        if (!su->ok) return reply_error(c, 409, "Bergalat", "Berkas ini bergalat: tidak ada yang diunduh.");
        return download(c, su, av, rest + 7);
    }
    return reply_error(c, 404, "Tidak ditemukan", "Alamat ini tidak ada.");
}

/* ---- live reload: server-sent events ---- */

typedef struct Sse {
    unsigned long gen;
    bool hello;
} Sse;

static ssize_t sse_read(void *cls, uint64_t pos, char *buf, size_t max)
{
    (void)pos;
    Sse *st = cls;
    if (max < 64) return 0;
    if (!st->hello) {
        st->hello = true;
        return snprintf(buf, max, "retry: 2000\n: sakip\n\n");
    }
    pthread_mutex_lock(&lock);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 15;
    while (!stopping && S.gen == st->gen)
        if (pthread_cond_timedwait(&changed, &lock, &until) == ETIMEDOUT) break;
    bool stop = stopping;
    unsigned long gen = S.gen;
    pthread_mutex_unlock(&lock);
    if (stop) return MHD_CONTENT_READER_END_OF_STREAM;
    if (gen != st->gen) {
        st->gen = gen;
        return snprintf(buf, max, "event: muat\ndata: %lu\n\n", gen);
    }
    return snprintf(buf, max, ": tetap\n\n");
}

static enum MHD_Result events(struct MHD_Connection *c)
{
    Sse *st = xcalloc(1, sizeof *st);
    pthread_mutex_lock(&lock);   /* poll_files writes it under the lock */
    st->gen = S.gen;
    pthread_mutex_unlock(&lock);
    struct MHD_Response *r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 256, sse_read, st, free);
    if (!r) {
        free(st);
        return MHD_NO;
    }
    common_headers(r);
    MHD_add_response_header(r, "Content-Type", "text/event-stream");
    enum MHD_Result ret = MHD_queue_response(c, 200, r);
    MHD_destroy_response(r);
    return ret;
}

/* ---- the handler ---- */

static enum MHD_Result route(struct MHD_Connection *c, const char *url, const char *method, Req *rq)
{
    bool get = !strcmp(method, "GET") || !strcmp(method, "HEAD"), post = !strcmp(method, "POST");
    if (!host_ok(MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host")))
        return reply_error(c, 400, "Host ditolak", "Nama host permintaan ini bukan server ini.");
    if (!get && !post) return reply_error(c, 405, "Metode ditolak", "Hanya GET dan POST.");
    if (strlen(url) > MAX_URL) return reply_error(c, 414, "Alamat terlalu panjang", "Alamat terlalu panjang.");
    if (need_token) {
        const char *given = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "token");
        if (get && given && ct_equal(given, token)) {
            char cookie[200];
            snprintf(cookie, sizeof cookie, "sakip_token=%s; Path=/; HttpOnly; SameSite=Strict", token);
            /* the token leaves the address bar (addresses get shared); the
             * path goes back only when it is plainly one of ours */
            bool plain = url[0] == '/' && url[1] != '/' && strlen(url) < 256;
            for (const char *q = url; plain && *q; q++)
                plain = (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') ||
                        strchr("/_.~-", *q);
            return redirect(c, plain ? url : "/", cookie);
        }
        if (!token_ok(c))
            return reply_error(c, 403, "Token diperlukan",
                               "Buka alamat yang dicetak sakip serve saat mulai (dengan ?token=...).");
    }
    if (!strcmp(url, "/static/serve.js") && get)
        return reply(c, 200, "text/javascript; charset=utf-8", (char *)serve_js, sizeof serve_js - 1, false, NULL,
                     NULL, NULL);
    if (!strcmp(url, "/static/serve.css") && get)
        return reply(c, 200, "text/css; charset=utf-8", (char *)serve_css, sizeof serve_css - 1, false, NULL, NULL,
                     NULL);
    if (!strcmp(url, "/events") && get) return events(c);
    if (!strcmp(url, "/favicon.ico") && get)   /* none: say so without an error in the console */
        return reply(c, 204, "image/x-icon", (char *)"", 0, false, NULL, NULL, NULL);
    enum MHD_Result ret;
    pthread_mutex_lock(&lock);
    if (!strcmp(url, "/") && get) {
        ret = reply_html(c, 200, serve_page_overview_per(&S, MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "per")),
                         NULL);
    } else if (!strncmp(url, "/rekap/unduh/", 13) && get) {
        ret = download(c, NULL, NULL, url + 13);
    } else if (!strncmp(url, "/unit/", 6)) {
        const char *id = url + 6, *slash = strchr(id, '/');
        size_t n = slash ? (size_t)(slash - id) : strlen(id);
        SUnit *su = unit_of(id, n);
        if (!su) ret = reply_error(c, 404, "Tidak ditemukan", "Unit ini tidak dimuat.");
        else if (post && slash) ret = unit_post(c, su, slash + 1, rq);
        else if (get) ret = unit_get(c, su, id + n);
        else ret = reply_error(c, 405, "Metode ditolak", "Hanya GET di sini.");
    } else {
        ret = reply_error(c, 404, "Tidak ditemukan", "Alamat ini tidak ada.");
    }
    pthread_mutex_unlock(&lock);
    return ret;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
    (void)cls;
    (void)version;
    Req *rq = *con_cls;
    if (!rq) {
        rq = xcalloc(1, sizeof *rq);
        buf_init(&rq->body);
        *con_cls = rq;
        return MHD_YES;
    }
    if (*upload_size) {
        if (rq->body.len + *upload_size > MAX_BODY) rq->too_big = true;
        else buf_putn(&rq->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    return route(c, url, method, rq);
}

static void request_done(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode why)
{
    (void)cls;
    (void)c;
    (void)why;
    Req *rq = *con_cls;
    if (!rq) return;
    buf_free(&rq->body);
    free(rq);
    *con_cls = NULL;
}

/* ---- loading the units ---- */

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

static int str_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void add_path(Vec *paths, const char *p)
{
    struct stat st;
    if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *d = opendir(p);
        if (!d) {
            vec_push(paths, xstrdup(p));   /* its load says why */
            return;
        }
        Vec names = {0};
        struct dirent *de;
        while ((de = readdir(d)))
            if (de->d_name[0] != '.' && has_suffix(de->d_name, ".sakip")) {
                Buf b;
                buf_init(&b);
                buf_printf(&b, "%s%s%s", p, has_suffix(p, "/") ? "" : "/", de->d_name);
                vec_push(&names, buf_steal(&b));
            }
        closedir(d);
        if (names.len > 1) qsort(names.items, names.len, sizeof(void *), str_cmp);
        for (size_t i = 0; i < names.len; i++) vec_push(paths, names.items[i]);
        vec_free(&names);
    } else {
        vec_push(paths, xstrdup(p));
    }
}

static char *unit_id_of(const char *path, size_t upto)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    Buf b;
    buf_init(&b);
    size_t n = strlen(base);
    if (has_suffix(base, ".sakip")) n -= 6;
    for (size_t i = 0; i < n && i < 80; i++) {
        char c = base[i];
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                  c == '-' || (c == '.' && i > 0);
        buf_putc(&b, ok ? c : '-');
    }
    if (!b.len) buf_puts(&b, "unit");
    /* unique among those before it */
    for (int k = 2;; k++) {
        bool dup = false;
        for (size_t i = 0; i < upto; i++) dup |= !strcmp(S.units[i].id, b.data);
        if (!dup) break;
        char *t = buf_steal(&b);
        char *dash = k > 2 ? strrchr(t, '~') : NULL;
        if (dash) *dash = '\0';
        buf_printf(&b, "%s~%d", t, k);
        free(t);
    }
    return buf_steal(&b);
}

/* Reloads the units whose file changed; true when any did. */
static bool poll_files(void)
{
    bool any = false;
    for (size_t i = 0; i < S.nunits; i++) {
        SUnit *su = &S.units[i];
        struct stat st;
        bool ok = stat(su->path, &st) == 0;
        if (ok == su->stat_ok && (!ok || (st.st_mtim.tv_sec == su->st.st_mtim.tv_sec &&
                                          st.st_mtim.tv_nsec == su->st.st_mtim.tv_nsec &&
                                          st.st_size == su->st.st_size && st.st_ino == su->st.st_ino)))
            continue;
        pthread_mutex_lock(&lock);
        serve_unit_clear(su);
        serve_unit_load(&S, su);
        S.gen++;
        any = true;
        pthread_mutex_unlock(&lock);
        fprintf(stderr, _("sakip serve: reloaded %s\n"), su->path);
        fflush(stderr);
    }
    if (any) {
        pthread_mutex_lock(&lock);
        serve_rank(&S);
        pthread_cond_broadcast(&changed);
        pthread_mutex_unlock(&lock);
    }
    return any;
}

/* ---- the command ---- */

static bool read_token_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, _("sakip serve: cannot read token file '%s': %s\n"), path, strerror(errno));
        return false;
    }
    char line[256] = "";
    bool got = fgets(line, sizeof line, f) != NULL;
    fclose(f);
    size_t n = got ? strcspn(line, "\r\n") : 0;
    line[n] = '\0';
    bool ok = n >= 16 && n < sizeof token;
    for (size_t i = 0; ok && i < n; i++) ok = line[i] > ' ' && line[i] < 127 && line[i] != ';' && line[i] != ',';
    if (!ok) {
        fprintf(stderr, _("sakip serve: the token in '%s' must be one line of 16 to 128 printable characters\n"),
                path);
        return false;
    }
    memcpy(token, line, n + 1);
    return true;
}

int serve_run(Options *o)
{
    const char *listen = o->listen ? o->listen : "127.0.0.1";
    /* the address */
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
    bool v6 = false, loopback;
    const char *addr = !strcmp(listen, "localhost") ? "127.0.0.1" : listen;
    if (inet_pton(AF_INET, addr, &s4->sin_addr) == 1) {
        s4->sin_family = AF_INET;
        s4->sin_port = htons((uint16_t)o->port);
        loopback = (ntohl(s4->sin_addr.s_addr) >> 24) == 127;
        any_host = s4->sin_addr.s_addr == htonl(INADDR_ANY);
        snprintf(listen_host, sizeof listen_host, "%s", addr);
    } else if (inet_pton(AF_INET6, addr, &s6->sin6_addr) == 1) {
        v6 = true;
        s6->sin6_family = AF_INET6;
        s6->sin6_port = htons((uint16_t)o->port);
        loopback = IN6_IS_ADDR_LOOPBACK(&s6->sin6_addr);
        any_host = IN6_IS_ADDR_UNSPECIFIED(&s6->sin6_addr);
        snprintf(listen_host, sizeof listen_host, "[%s]", addr);
    } else {
        fprintf(stderr, _("sakip serve: --listen needs an IP address like 127.0.0.1 or ::1, not '%s'\n"), listen);
        return EXIT_USAGE;
    }
    for (char *q = listen_host; *q; q++)
        if (*q >= 'A' && *q <= 'Z') *q = (char)(*q - 'A' + 'a');
    if (o->token_file) {
        if (!read_token_file(o->token_file)) return EXIT_USAGE;
        need_token = true;
    } else if (!loopback) {
        random_hex(token, 24);
        need_token = true;
    }
    if (o->skenario_dir) {
        struct stat st;
        if (stat(o->skenario_dir, &st) != 0 || !S_ISDIR(st.st_mode) || access(o->skenario_dir, W_OK) != 0) {
            fprintf(stderr, _("sakip serve: --skenario-dir '%s' is not a writable directory\n"), o->skenario_dir);
            return EXIT_USAGE;
        }
    }
    S.notation = o->notation;
    S.tahun = o->tahun;
    S.skenario_dir = o->skenario_dir;
    /* the units */
    Vec paths = {0};
    for (size_t i = 0; i < o->files.len; i++) add_path(&paths, o->files.items[i]);
    if (!paths.len || paths.len > MAX_UNITS) {
        fprintf(stderr, _("sakip serve: no .sakip files to serve\n"));
        vec_free(&paths);
        return EXIT_USAGE;
    }
    S.units = xcalloc(paths.len, sizeof *S.units);
    for (size_t i = 0; i < paths.len; i++) {
        SUnit *su = &S.units[i];
        su->path = paths.items[i];
        su->id = unit_id_of(su->path, i);
        S.nunits = i + 1;
        serve_unit_load(&S, su);
        if (!su->ok) {
            fprintf(stderr, _("sakip serve: %s has errors; its page shows them\n"), su->path);
        }
    }
    vec_free(&paths);
    serve_rank(&S);
    char tmpl[] = "/tmp/sakip-serve-XXXXXX";
    const char *tmpenv = getenv("TMPDIR");
    Buf tb;
    buf_init(&tb);
    buf_printf(&tb, "%s/sakip-serve-XXXXXX", tmpenv && *tmpenv ? tmpenv : "/tmp");
    S.tmpdir = mkdtemp(tb.data) ? buf_steal(&tb) : NULL;
    buf_free(&tb);
    if (!S.tmpdir && mkdtemp(tmpl)) S.tmpdir = xstrdup(tmpl);
    if (!S.tmpdir) {
        fprintf(stderr, _("sakip serve: cannot make a temporary directory: %s\n"), strerror(errno));
        return EXIT_USAGE;
    }
    /* SIGINT and SIGTERM are waited for by this thread only */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL;
    if (v6) flags |= MHD_USE_IPv6;
    struct MHD_Daemon *d = MHD_start_daemon(
        flags, (uint16_t)o->port, NULL, NULL, handler, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY, MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)0, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
        MHD_OPTION_NOTIFY_COMPLETED, request_done, NULL, MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
        MHD_OPTION_END);
    if (!d) {
        fprintf(stderr, _("sakip serve: cannot listen on %s port %d: %s\n"), listen, o->port, strerror(errno));
        rmdir(S.tmpdir);
        return EXIT_USAGE;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    port = info ? info->port : (unsigned)o->port;
    const char *shown = any_host ? (v6 ? "[::1]" : "127.0.0.1") : listen_host;
    if (need_token) printf(_("sakip serve: %zu units on http://%s:%u/?token=%s\n"), S.nunits, shown, port, token);
    else printf(_("sakip serve: %zu units on http://%s:%u/\n"), S.nunits, shown, port);
    fputs(_("Press Ctrl-C to stop.\n"), stdout);
    fflush(stdout);
    for (;;) {
        struct timespec one = {1, 0};
        int sig = sigtimedwait(&sigs, NULL, &one);
        if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) break;
        poll_files();
    }
    pthread_mutex_lock(&lock);
    stopping = true;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
    MHD_stop_daemon(d);
    fputs(_("sakip serve: stopped\n"), stderr);
    for (size_t i = 0; i < nsessions; i++) session_free(sessions[i]);
    for (size_t i = 0; i < S.nunits; i++) {
        serve_unit_clear(&S.units[i]);
        free(S.units[i].id);
        free(S.units[i].path);
    }
    free(S.units);
    rmdir(S.tmpdir);
    free(S.tmpdir);
    return EXIT_OK;
}
