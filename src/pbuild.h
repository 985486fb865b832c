/* pbuild.h -- tree-building helpers called from the grammar's actions.
 * Kept out of parser.y so the grammar reads as a grammar. */
#ifndef SAKIP_PBUILD_H
#define SAKIP_PBUILD_H

#include "parse.h"

void pb_reset(ParseCtx *ctx);
void pb_version(ParseCtx *ctx, Expr *n, Span s);
void pb_impor(ParseCtx *ctx, const char *path, Span s);
void pb_atur(ParseCtx *ctx, const char *name, Span name_span, Expr *value, Span s);
void pb_aturan(ParseCtx *ctx, const char *id, Span id_span, Vec *params, bool parens, Expr *body, Span s);
void pb_periksa(ParseCtx *ctx, Expr *e, const char *pesan, Span s);
void pb_instansi(ParseCtx *ctx, const char *name, Span s);
void pb_instansi_end(ParseCtx *ctx, Span whole);
void pb_misplaced(ParseCtx *ctx, Entity *e, const char *where);
void pb_tahun(ParseCtx *ctx, int year, Span s);
void pb_periode(ParseCtx *ctx, int from, int to, Span s);
int pb_year(ParseCtx *ctx, Expr *n);

Entity *pb_begin(ParseCtx *ctx, EntKind k, const char *id, Span id_span, const char *name, Span kw);
void pb_end(ParseCtx *ctx, Entity *e, Span whole);

void pb_band(ParseCtx *ctx, const char *label, Expr *lo, int lo_op, int hi_op, Expr *hi, Span s);
Expr *pb_percent(ParseCtx *ctx, Expr *n, Span s);
Expr *pb_negate_literal(ParseCtx *ctx, Expr *n, Span s);
void pb_misi(ParseCtx *ctx, const char *text);
void pb_sasaran_tujuan(ParseCtx *ctx, const char *id, Span s);
void pb_penjelasan(ParseCtx *ctx, const char *text);
void pb_satuan(ParseCtx *ctx, const char *text, Span s);
void pb_polaritas(ParseCtx *ctx, Polaritas p, Span s);
void pb_values(ParseCtx *ctx, char which, Vec *values);
void pb_rumus(ParseCtx *ctx, Expr *e, Span s);
void pb_rumus_capaian(ParseCtx *ctx, Expr *e, Span s);
/* batas LOW..HIGH; a NULL bound is open */
void pb_batas(ParseCtx *ctx, Expr *lo, Expr *hi, Span s);
void pb_bobot(ParseCtx *ctx, Expr *n, Span s);
YearVal *pb_value_dash(ParseCtx *ctx, Expr *lo, Expr *hi, Span dash, Span s);
Entity *pb_keluaran_named(ParseCtx *ctx, const char *id, Span id_span, const char *name, Span kw);
Expr *pb_range(ParseCtx *ctx, Expr *lo, Expr *hi, Span op_span, Span s);
void pb_data_begin(ParseCtx *ctx, int year, Span s);
void pb_data_pair(ParseCtx *ctx, const char *name, Span s, Expr *value);
void pb_texts(ParseCtx *ctx, char which, Vec *texts);
Vec *pb_list(ParseCtx *ctx, Vec *list, void *item);
YearVal *pb_with_year(ParseCtx *ctx, YearVal *v, int year, Span s);
YearVal *pb_value(ParseCtx *ctx, Expr *lo, Expr *hi, Span s);
Expr *pb_string(ParseCtx *ctx, const char *text, Span s);
void pb_mendukung(ParseCtx *ctx, const char *id, Span s);
void pb_money(ParseCtx *ctx, char which, Expr *amount, Span s);
void pb_keluaran_begin(ParseCtx *ctx, const char *name, Span s);
void pb_keluaran_end(ParseCtx *ctx, Span s);
void pb_andai(ParseCtx *ctx, int kind, const char *id, Span id_span, int year,
              const char *data_name, Span data_span, YearVal *value, Span s);
void pb_tanggal(ParseCtx *ctx, const char *text, Span s);
void pb_mengubah(ParseCtx *ctx, const char *id, Span s);
void pb_pk_pair(ParseCtx *ctx, char which, const char *id, Span s, YearVal *v);
void pb_pembanding(ParseCtx *ctx, const char *label, Span s, Vec *values);
void pb_unsur(ParseCtx *ctx, const char *name, Span s);
void pb_berkas(ParseCtx *ctx, const char *path, Span s);
void pb_answer_row(ParseCtx *ctx, Vec *vals, Span s);
void pb_komponen(ParseCtx *ctx, const char *name, Span name_span, Expr *bobot, Expr *nilai, Span s);
void pb_komponen_end(ParseCtx *ctx);
void pb_tabel(ParseCtx *ctx, const char *id, Span id_span, const char *title, Span title_span, Span s);
void pb_kode(ParseCtx *ctx, const char *text, Span s);
/* periods inside a year (sakip(5), PERIODS): which 't' target, 'r'
 * realisasi, 'p' rencana; the last andai made is for the period its
 * data_name names */
PeriodVal *pb_period_val(ParseCtx *ctx, const char *name, Span name_span, Expr *value, Span s);
void pb_period_block(ParseCtx *ctx, char which, int year, Span year_span, Vec *vals, Span s);
void pb_agregasi(ParseCtx *ctx, const char *word, Span s);
void pb_andai_period(ParseCtx *ctx);
void pb_repl_expr(ParseCtx *ctx, ReplKind kind, Expr *e, Span s);

Expr *pb_if(ParseCtx *ctx, Expr *c, Expr *a, Expr *b, Span s);
Expr *pb_bin(ParseCtx *ctx, BinOp op, Expr *l, Expr *r, Span op_span, Span s);
Expr *pb_unary(ParseCtx *ctx, ExprKind k, Expr *e, Span op_span, Span s);
Expr *pb_bool(ParseCtx *ctx, bool b, Span s);
Expr *pb_ident(ParseCtx *ctx, const char *name, Span s);
struct Name;
/* nm: the interned spelling of the called name (a "name" or a keyword token's value) */
Expr *pb_call(ParseCtx *ctx, struct Name *nm, Span name_span, Vec *args, Span s);
Expr *pb_paren(ParseCtx *ctx, Expr *e, Span s);
/* A reference to a name, as written at s (resolved by check). */
NameRef *pb_name(ParseCtx *ctx, const char *name, Span s);

#endif
