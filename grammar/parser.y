/* parser.y -- the pure (and push) LALR parser for .sakip (sakip(5)).
 *
 * One grammar serves files and the REPL: the scanner sends START_FILE or
 * START_REPL first.  Actions only build the tree through the pb_* helpers
 * in src/parse.c; meaning is checked later by check.c.  Syntax errors are
 * reported by yyreport_syntax_error() in words of the language and
 * recovered at item, block and statement level, so one run reports every
 * independent mistake.
 */
%require "3.8"
%define api.pure full
%define api.push-pull both
%define api.location.type {Span}
%define parse.error custom
%define parse.lac full
%locations
%expect 0

%code requires {
#include "parse.h"
typedef void *yyscan_t;
}

%code provides {
int yylex(YYSTYPE *lval, YYLTYPE *lloc, yyscan_t scanner);
}

%code {
#include <config.h>
#include <string.h>
#include "pbuild.h"
#include "names.h"
#include "i18n.h"

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                 \
    do {                                                            \
        if (N) {                                                    \
            (Cur).file = YYRHSLOC(Rhs, 1).file;                     \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                   \
            (Cur).end = YYRHSLOC(Rhs, N).end;                       \
        } else {                                                    \
            (Cur).file = YYRHSLOC(Rhs, 0).file;                     \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;         \
        }                                                           \
    } while (0)

static void yyerror(YYLTYPE *loc, yyscan_t scanner, ParseCtx *ctx, const char *msg);
}

%param {yyscan_t scanner}
%parse-param {ParseCtx *ctx}

%union {
    Expr *expr;
    const char *str;
    Entity *ent;
    YearVal *yv;
    Vec *vec;
    int num;
    PeriodVal *pv;
}

%token START_FILE START_REPL
%token <str> IDENT "name"
%token <str> STRING "text"
%token <expr> NUMBER "number"
%token <expr> MONEY "amount"
/* `{ tw1: 80, tw2: 81 }` after `target 2024` in a file, read in one
 * match (grammar/lexer.l, period_block): the values period_pairs makes */
%token <vec> PERIOD_BLOCK "values of periods"
%token SAKIP "sakip" INSTANSI "instansi" INDUK "induk" TAHUN "tahun"
%token PERIODE "periode" KEPALA "kepala" IMPOR "impor" SKALA "skala"
%token NILAI "nilai" ATUR "atur" TUJUAN "tujuan" MISI "misi"
%token SASARAN "sasaran" INDIKATOR "indikator" SATUAN "satuan"
%token POLARITAS "polaritas" POSITIF "positif" NEGATIF "negatif"
/* <str>: the spelling, interned (src/names.h): these also name built-ins,
 * as in target(X).  The keywords are those of src/keywords.def, in its
 * order (tests/unit/test_parser.c checks the two agree). */
%token <str> TARGET "target" REALISASI "realisasi"
%token RUMUS "rumus" DATA "data"
%token PENANGGUNG_JAWAB "penanggung_jawab" SUMBER "sumber"
%token PENJELASAN "penjelasan" PROGRAM "program" KEGIATAN "kegiatan"
%token SUBKEGIATAN "subkegiatan" MENDUKUNG "mendukung"
%token <str> ANGGARAN "anggaran"
%token KELUARAN "keluaran" ATURAN "aturan" PERIKSA "periksa" PESAN "pesan"
%token JIKA "jika" MAKA "maka" LAINNYA "lainnya" DAN "dan" ATAU "atau"
%token TIDAK "tidak" BENAR "benar" SALAH "salah" ANDAI "andai"
%token BATAL "batal" JELASKAN "jelaskan"
%token PERJANJIAN "perjanjian" MENGUBAH "mengubah" TANGGAL "tanggal" PIHAK "pihak" PEMBANDING "pembanding"
%token SURVEI "survei" UNSUR "unsur" JAWABAN "jawaban" BERKAS "berkas" PENILAIAN "penilaian" KOMPONEN "komponen"
/* version 2 (sakip(5)): stabil, batas, bobot and kode are contextual
 * (KW_CTX): the scanner gives them as names where no item starts */
%token RUMUS_CAPAIAN "rumus_capaian" STABIL "stabil" BATAS "batas" BOBOT "bobot"
%token TABEL "tabel" KODE "kode"
/* version 2, periods inside a year (sakip(5)): contextual too */
%token AGREGASI "agregasi" RENCANA "rencana"
%token EQ "==" NE "!=" LE "<=" GE ">=" APPROX "~=" DOTDOT ".."
/* a comment: only for `sakip fmt`, which reads the scanner's tokens
 * (ParseCtx.keep_comments); the parser is never given one */
%token COMMENT "# comment"
%type <expr> expr literal bound numeral constant call
%type <str> function_keyword tabel_id
%type <str> opt_string
%type <ent> tujuan_head sasaran_head indikator_head program_head kegiatan_head subkegiatan_head skala_head perjanjian_head
%type <ent> survei_head penilaian_head keluaran_head
%type <vec> answer_list
%type <yv> year_value value
%type <vec> year_values args arglist params paramlist strings
%type <num> year relop andai_field
%type <vec> period_pairs
%type <pv> period_pair

%precedence LAINNYA
%left ATAU
%left DAN
%precedence TIDAK
%nonassoc EQ NE '<' LE '>' GE APPROX
%nonassoc DOTDOT
%left '+' '-'
%left '*' '/'
%precedence NEG

%%

input:
    START_FILE stmts
  | START_REPL repl_input
  ;

/* The commonest items of a list are written into the list's own rule
 * (periksa here, and the lines of an indikator, a subkegiatan and a
 * keluaran below) rather than reduced to an item first: one LR step fewer
 * each (doc/performance.md).  The tokens expected at every point, and so
 * the messages, are the same.  Their spans are their own tokens'. */
stmts:
    %empty
  | stmts stmt          { pb_reset(ctx); yyerrok; }
  | stmts PERIKSA expr  { pb_periksa(ctx, $3, NULL, span_join(@2, @3)); pb_reset(ctx); yyerrok; }
  | stmts PERIKSA expr PESAN STRING
                        { pb_periksa(ctx, $3, $5, span_join(@2, @5)); pb_reset(ctx); yyerrok; }
  | stmts error         { pb_reset(ctx); }
  ;

stmt:
    ';'
  | SAKIP NUMBER                       { pb_version(ctx, $2, @$); }
  | instansi_decl
  | IMPOR STRING                       { pb_impor(ctx, $2, @$); }
  | skala_decl
  | ATUR IDENT '=' expr                { pb_atur(ctx, $2, @2, $4, @$); }
  | tujuan_decl
  | sasaran_decl
  | program_decl
  | ATURAN IDENT '=' expr              { pb_aturan(ctx, $2, @2, NULL, false, $4, @$); }
  | ATURAN IDENT '(' params ')' '=' expr
                                       { pb_aturan(ctx, $2, @2, $4, true, $7, @$); }
  | andai_stmt
  | perjanjian_decl
  | survei_decl
  | penilaian_decl
  | TABEL tabel_id STRING              { pb_tabel(ctx, $2, @2, $3, @3, @$); }
  ;

/* ---- table titles: the identifiers are names, some of them keywords ---- */

tabel_id:
    IDENT
  | ANGGARAN                           { $$ = "anggaran"; }
  | PERJANJIAN                         { $$ = "perjanjian"; }
  | PEMBANDING                         { $$ = "pembanding"; }
  | SURVEI                             { $$ = "survei"; }
  | PENILAIAN                          { $$ = "penilaian"; }
  | PERIKSA                            { $$ = "periksa"; }
  ;

/* ---- surveys and evaluation sheets (doc/survei.md) ---- */

survei_decl:
    survei_head '{' survei_items '}'   { pb_end(ctx, $1, @$); }
  ;

survei_head:
    SURVEI IDENT opt_string            { $$ = pb_begin(ctx, ENT_SURVEI, $2, @2, $3, @1); }
  | SURVEI error                       { $$ = pb_begin(ctx, ENT_SURVEI, NULL, @1, NULL, @1); }
  ;


survei_items:
    %empty
  | survei_items survei_item           { yyerrok; }
  | survei_items error
  ;

survei_item:
    ';'
  | UNSUR unsur_list
  | JAWABAN '{' answer_rows '}'
  | BERKAS STRING                      { pb_berkas(ctx, $2, @2); }
  | PENJELASAN STRING                  { pb_penjelasan(ctx, $2); }
  ;

unsur_list:
    IDENT                              { pb_unsur(ctx, $1, @1); }
  | unsur_list ',' IDENT               { pb_unsur(ctx, $3, @3); }
  ;

answer_rows:
    %empty
  | answer_rows '(' answer_list ')'    { pb_answer_row(ctx, $3, span_join(@2, @4)); }
  | answer_rows error
  ;

answer_list:
    NUMBER                             { $$ = pb_list(ctx, NULL, $1); }
  | answer_list ',' NUMBER             { $$ = pb_list(ctx, $1, $3); }
  ;

penilaian_decl:
    penilaian_head '{' komponen_items '}' { pb_end(ctx, $1, @$); }
  ;

penilaian_head:
    PENILAIAN IDENT opt_string         { $$ = pb_begin(ctx, ENT_PENILAIAN, $2, @2, $3, @1); }
  | PENILAIAN error                    { $$ = pb_begin(ctx, ENT_PENILAIAN, NULL, @1, NULL, @1); }
  ;


komponen_items:
    %empty
  | komponen_items komponen_item       { yyerrok; }
  | komponen_items error
  ;

komponen_item:
    ';'
  | PENJELASAN STRING                  { pb_penjelasan(ctx, $2); }
  | KOMPONEN IDENT NUMBER ':' NUMBER   { pb_komponen(ctx, $2, @2, $3, $5, span_join(@1, @5)); }
  | KOMPONEN IDENT NUMBER              { pb_komponen(ctx, $2, @2, $3, NULL, span_join(@1, @3)); }
    '{' data_pairs '}'                 { pb_komponen_end(ctx); }
  | KOMPONEN IDENT NUMBER ':' NUMBER   { pb_komponen(ctx, $2, @2, $3, $5, span_join(@1, @5)); }
    '{' data_pairs '}'                 { pb_komponen_end(ctx); }
  ;

/* ---- perjanjian kinerja (doc/perjanjian.md) ---- */

perjanjian_decl:
    perjanjian_head '{' perjanjian_items '}' { pb_end(ctx, $1, @$); }
  ;

perjanjian_head:
    PERJANJIAN IDENT opt_string        { $$ = pb_begin(ctx, ENT_PERJANJIAN, $2, @2, $3, @1); }
  | PERJANJIAN error                   { $$ = pb_begin(ctx, ENT_PERJANJIAN, NULL, @1, NULL, @1); }
  ;


perjanjian_items:
    %empty
  | perjanjian_items perjanjian_item   { yyerrok; }
  | perjanjian_items error
  ;

perjanjian_item:
    ';'
  | TANGGAL STRING                     { pb_tanggal(ctx, $2, @2); }
  | PIHAK strings                      { pb_texts(ctx, 'h', $2); }
  | MENGUBAH IDENT                     { pb_mengubah(ctx, $2, @2); }
  | TARGET pk_pairs_t
  | ANGGARAN pk_pairs_a
  | PENJELASAN STRING                  { pb_penjelasan(ctx, $2); }
  ;

pk_pairs_t:
    IDENT ':' value                    { pb_pk_pair(ctx, 't', $1, @1, $3); }
  | pk_pairs_t ',' IDENT ':' value     { pb_pk_pair(ctx, 't', $3, @3, $5); }
  ;

pk_pairs_a:
    IDENT ':' value                    { pb_pk_pair(ctx, 'a', $1, @1, $3); }
  | pk_pairs_a ',' IDENT ':' value     { pb_pk_pair(ctx, 'a', $3, @3, $5); }
  ;

/* ---- instansi ---- */

instansi_decl:
    INSTANSI STRING                    { pb_instansi(ctx, $2, @2); }
    '{' instansi_items '}'             { pb_instansi_end(ctx, @$); }
  ;

instansi_items:
    %empty
  | instansi_items instansi_item       { yyerrok; }
  | instansi_items error
  ;

instansi_item:
    ';'
  | INDUK STRING                       { ctx->unit->induk = $2; }
  | KEPALA STRING                      { ctx->unit->kepala = $2; }
  | TAHUN year                         { pb_tahun(ctx, $2, @2); }
  | PERIODE year DOTDOT year           { pb_periode(ctx, $2, $4, @$); }
  ;

year:
    NUMBER                             { $$ = pb_year(ctx, $1); }
  ;

/* ---- skala ---- */

skala_decl:
    skala_head '{' bands '}'           { pb_end(ctx, $1, @$); }
  ;

skala_head:
    SKALA IDENT opt_string             { $$ = pb_begin(ctx, ENT_SKALA, $2, @2, $3, @1); }
  | SKALA error                        { $$ = pb_begin(ctx, ENT_SKALA, NULL, @1, NULL, @1); }
  ;


bands:
    %empty
  | bands band                         { yyerrok; }
  | bands error
  ;

band:
    ';'
  | STRING ':' NILAI relop bound                  { pb_band(ctx, $1, NULL, 0, $4, $5, @$); }
  | STRING ':' bound relop NILAI                  { pb_band(ctx, $1, $3, $4, 0, NULL, @$); }
  | STRING ':' bound relop NILAI relop bound      { pb_band(ctx, $1, $3, $4, $6, $7, @$); }
  ;

relop:
    '<'                                { $$ = '<'; }
  | LE                                 { $$ = 'l'; }
  | '>'                                { $$ = '>'; }
  | GE                                 { $$ = 'g'; }
  ;

bound:
    numeral
  | '-' numeral                        { $$ = pb_negate_literal(ctx, $2, @$); }
  ;

/* ---- tujuan and sasaran ---- */

tujuan_decl:
    tujuan_head '{' tujuan_items '}'   { pb_end(ctx, $1, @$); }
  ;

tujuan_head:
    TUJUAN IDENT opt_string            { $$ = pb_begin(ctx, ENT_TUJUAN, $2, @2, $3, @1); }
  | TUJUAN error                       { $$ = pb_begin(ctx, ENT_TUJUAN, NULL, @1, NULL, @1); }
  ;


tujuan_items:
    %empty
  | tujuan_items tujuan_item           { yyerrok; }
  | tujuan_items error
  ;

tujuan_item:
    ';'
  | MISI STRING                        { pb_misi(ctx, $2); }
  | indikator_decl
  ;

sasaran_decl:
    sasaran_head '{' sasaran_items '}' { pb_end(ctx, $1, @$); }
  ;

sasaran_head:
    SASARAN IDENT opt_string           { $$ = pb_begin(ctx, ENT_SASARAN, $2, @2, $3, @1); }
  | SASARAN error                      { $$ = pb_begin(ctx, ENT_SASARAN, NULL, @1, NULL, @1); }
  ;


sasaran_items:
    %empty
  | sasaran_items sasaran_item         { yyerrok; }
  | sasaran_items error
  ;

sasaran_item:
    ';'
  | TUJUAN IDENT                       { pb_sasaran_tujuan(ctx, $2, @2); }
  | PENJELASAN STRING                  { pb_penjelasan(ctx, $2); }
  | indikator_decl
  ;

/* ---- indikator ---- */

indikator_decl:
    indikator_head '{' indikator_items '}'   { pb_end(ctx, $1, @$); }
  ;

indikator_head:
    INDIKATOR IDENT opt_string         { $$ = pb_begin(ctx, ENT_INDIKATOR, $2, @2, $3, @1); }
  | INDIKATOR error                    { $$ = pb_begin(ctx, ENT_INDIKATOR, NULL, @1, NULL, @1); }
  ;


indikator_items:
    %empty
  | indikator_items indikator_item     { yyerrok; }
  | indikator_items SATUAN STRING      { pb_satuan(ctx, $3, span_join(@2, @3)); yyerrok; }
  | indikator_items POLARITAS POSITIF  { pb_polaritas(ctx, POL_POSITIF, span_join(@2, @3)); yyerrok; }
  | indikator_items POLARITAS NEGATIF  { pb_polaritas(ctx, POL_NEGATIF, span_join(@2, @3)); yyerrok; }
  | indikator_items POLARITAS STABIL   { pb_polaritas(ctx, POL_STABIL, span_join(@2, @3)); yyerrok; }
  | indikator_items TARGET year_values { pb_values(ctx, 't', $3); yyerrok; }
  | indikator_items REALISASI year_values
                                       { pb_values(ctx, 'r', $3); yyerrok; }
  | indikator_items TARGET year '{' period_pairs '}'
                                       { pb_period_block(ctx, 't', $3, @3, $5, span_join(@2, @6)); yyerrok; }
  | indikator_items TARGET year PERIOD_BLOCK
                                       { pb_period_block(ctx, 't', $3, @3, $4, span_join(@2, @4)); yyerrok; }
  | indikator_items REALISASI year '{' period_pairs '}'
                                       { pb_period_block(ctx, 'r', $3, @3, $5, span_join(@2, @6)); yyerrok; }
  | indikator_items REALISASI year PERIOD_BLOCK
                                       { pb_period_block(ctx, 'r', $3, @3, $4, span_join(@2, @4)); yyerrok; }
  | indikator_items PENANGGUNG_JAWAB strings
                                       { pb_texts(ctx, 'p', $3); yyerrok; }
  | indikator_items SUMBER strings     { pb_texts(ctx, 's', $3); yyerrok; }
  | indikator_items error
  ;

indikator_item:
    ';'
  | RUMUS '=' expr                     { pb_rumus(ctx, $3, @$); }
  | DATA year                          { pb_data_begin(ctx, $2, span_join(@1, @2)); }
    '{' data_pairs '}'
  | PENJELASAN STRING                  { pb_penjelasan(ctx, $2); }
  | PEMBANDING STRING year_values      { pb_pembanding(ctx, $2, @$, $3); }
  | RUMUS_CAPAIAN '=' expr             { pb_rumus_capaian(ctx, $3, @$); }
  | BATAS literal DOTDOT literal       { pb_batas(ctx, $2, $4, @$); }
  | BATAS literal DOTDOT               { pb_batas(ctx, $2, NULL, @$); }
  | BATAS DOTDOT literal               { pb_batas(ctx, NULL, $3, @$); }
  | BATAS DOTDOT                       { pb_batas(ctx, NULL, NULL, @$); }
  | BOBOT literal                      { pb_bobot(ctx, $2, @$); }
  | AGREGASI IDENT                     { pb_agregasi(ctx, $2, @2); }
  ;

/* `{ tw1: 83, tw2: 84 }`: the values of the periods of a year */
period_pairs:
    %empty                             { $$ = NULL; }
  | period_pairs period_pair           { $$ = pb_list(ctx, $1, $2); yyerrok; }
  | period_pairs ','                   { $$ = $1; }
  | period_pairs error                 { $$ = $1; }
  ;

/* literal's forms written out: two or three rules fewer to reduce for
 * each of the many thousand values of a rencana aksi (doc/performance.md) */
period_pair:
    IDENT ':' NUMBER                   { $$ = pb_period_val(ctx, $1, @1, $3, @$); }
  | IDENT ':' NUMBER '%'               { $$ = pb_period_val(ctx, $1, @1, pb_percent(ctx, $3, span_join(@3, @4)), @$); }
  | IDENT ':' MONEY                    { $$ = pb_period_val(ctx, $1, @1, $3, @$); }
  | IDENT ':' STRING                   { $$ = pb_period_val(ctx, $1, @1, pb_string(ctx, $3, @3), @$); }
  | IDENT ':' '-' numeral              { $$ = pb_period_val(ctx, $1, @1, pb_negate_literal(ctx, $4, span_join(@3, @4)), @$); }
  | IDENT ':' '-' MONEY                { $$ = pb_period_val(ctx, $1, @1, pb_negate_literal(ctx, $4, span_join(@3, @4)), @$); }
  ;

year_values:
    year_value                         { $$ = pb_list(ctx, NULL, $1); }
  | year_values ',' year_value         { $$ = pb_list(ctx, $1, $3); }
  ;

year_value:
    value
  | year ':' value                     { $$ = pb_with_year(ctx, $3, $1, @$); }
  ;

/* (`year` is a rule of its own: reduced when the ':' arrives, it reports
 * a bad year even when a syntax error follows the value.) */

value:
    literal                            { $$ = pb_value(ctx, $1, NULL, @$); }
  | literal DOTDOT literal             { $$ = pb_value(ctx, $1, $3, @$); }
  | call                               { $$ = pb_value(ctx, $1, NULL, @$); }
  /* `80% - 90%`: a range written as in a report (E0216) */
  | literal '-' numeral                { $$ = pb_value_dash(ctx, $1, $3, @2, @$); }
  ;

/* ---- literals: a number, perhaps with '%', an amount or a text ---- */

numeral:
    NUMBER
  | NUMBER '%'                         { $$ = pb_percent(ctx, $1, @$); }
  ;

constant:
    numeral
  | MONEY
  | STRING                             { $$ = pb_string(ctx, $1, @$); }
  ;

/* a literal of a value: a constant, or a negative number ('-' before an
 * expression is an operator) */
literal:
    constant
  | '-' numeral                        { $$ = pb_negate_literal(ctx, $2, @$); }
  | '-' MONEY                          { $$ = pb_negate_literal(ctx, $2, @$); }
  ;

data_pairs:
    %empty
  | data_pairs data_pair               { yyerrok; }
  | data_pairs ','
  | data_pairs error
  ;

data_pair:
    IDENT ':' literal                  { pb_data_pair(ctx, $1, @1, $3); }
  ;

strings:
    STRING                             { $$ = pb_list(ctx, NULL, (void *)$1); }
  | strings ',' STRING                 { $$ = pb_list(ctx, $1, (void *)$3); }
  ;

/* ---- budget tree ---- */

program_decl:
    program_head '{' program_items '}' { pb_end(ctx, $1, @$); }
  ;

program_head:
    PROGRAM IDENT opt_string           { $$ = pb_begin(ctx, ENT_PROGRAM, $2, @2, $3, @1); }
  | PROGRAM error                      { $$ = pb_begin(ctx, ENT_PROGRAM, NULL, @1, NULL, @1); }
  ;


program_items:
    %empty
  | program_items program_item         { yyerrok; }
  | program_items error
  ;

program_item:
    node_item
  | MENDUKUNG mendukung_list
  | kegiatan_decl
  | subkegiatan_head '{' subkegiatan_items '}' { pb_misplaced(ctx, $1, "kegiatan"); pb_end(ctx, $1, @$); }
  ;

mendukung_list:
    IDENT                              { pb_mendukung(ctx, $1, @1); }
  | mendukung_list ',' IDENT           { pb_mendukung(ctx, $3, @3); }
  ;

kegiatan_decl:
    kegiatan_head '{' kegiatan_items '}' { pb_end(ctx, $1, @$); }
  ;

kegiatan_head:
    KEGIATAN IDENT opt_string          { $$ = pb_begin(ctx, ENT_KEGIATAN, $2, @2, $3, @1); }
  | KEGIATAN error                     { $$ = pb_begin(ctx, ENT_KEGIATAN, NULL, @1, NULL, @1); }
  ;


kegiatan_items:
    %empty
  | kegiatan_items kegiatan_item       { yyerrok; }
  | kegiatan_items error
  ;

kegiatan_item:
    node_item
  | MENDUKUNG mendukung_list
  | subkegiatan_decl
  | kegiatan_head '{' kegiatan_items '}' { pb_misplaced(ctx, $1, "program"); pb_end(ctx, $1, @$); }
  ;

subkegiatan_decl:
    subkegiatan_head '{' subkegiatan_items '}' { pb_end(ctx, $1, @$); }
  ;

subkegiatan_head:
    SUBKEGIATAN IDENT opt_string       { $$ = pb_begin(ctx, ENT_SUBKEGIATAN, $2, @2, $3, @1); }
  | SUBKEGIATAN error                  { $$ = pb_begin(ctx, ENT_SUBKEGIATAN, NULL, @1, NULL, @1); }
  ;


subkegiatan_items:
    %empty
  | subkegiatan_items ';'              { yyerrok; }
  | subkegiatan_items KODE STRING      { pb_kode(ctx, $3, @3); yyerrok; }
  | subkegiatan_items ANGGARAN literal { pb_money(ctx, 'a', $3, span_join(@2, @3)); yyerrok; }
  | subkegiatan_items REALISASI literal
                                       { pb_money(ctx, 'r', $3, span_join(@2, @3)); yyerrok; }
  | subkegiatan_items REALISASI year '{' period_pairs '}'
                                       { pb_period_block(ctx, 'r', $3, @3, $5, span_join(@2, @6)); yyerrok; }
  | subkegiatan_items RENCANA year '{' period_pairs '}'
                                       { pb_period_block(ctx, 'p', $3, @3, $5, span_join(@2, @6)); yyerrok; }
  | subkegiatan_items REALISASI year PERIOD_BLOCK
                                       { pb_period_block(ctx, 'r', $3, @3, $4, span_join(@2, @4)); yyerrok; }
  | subkegiatan_items RENCANA year PERIOD_BLOCK
                                       { pb_period_block(ctx, 'p', $3, @3, $4, span_join(@2, @4)); yyerrok; }
  | subkegiatan_items indikator_decl   { yyerrok; }
  | subkegiatan_items keluaran_decl    { yyerrok; }
  | subkegiatan_items MENDUKUNG mendukung_list { yyerrok; }
  | subkegiatan_items error
  ;

node_item:
    ';'
  | KODE STRING                        { pb_kode(ctx, $2, @2); }
  | ANGGARAN literal                   { pb_money(ctx, 'a', $2, @$); }
  | REALISASI literal                  { pb_money(ctx, 'r', $2, @$); }
  | REALISASI year '{' period_pairs '}' { pb_period_block(ctx, 'r', $2, @2, $4, @$); }
  | RENCANA year '{' period_pairs '}'  { pb_period_block(ctx, 'p', $2, @2, $4, @$); }
  | REALISASI year PERIOD_BLOCK        { pb_period_block(ctx, 'r', $2, @2, $3, @$); }
  | RENCANA year PERIOD_BLOCK          { pb_period_block(ctx, 'p', $2, @2, $3, @$); }
  | indikator_decl
  | keluaran_decl
  ;

keluaran_decl:
    KELUARAN STRING                    { pb_keluaran_begin(ctx, $2, span_join(@1, @2)); }
    '{' keluaran_items '}'             { pb_keluaran_end(ctx, @$); }
  | keluaran_head '{' keluaran_items '}'   { pb_end(ctx, $1, @$); }
  ;

/* `keluaran KL1 "Jumlah laporan" { ... }`: an output with a name of its
 * own, measured like an indikator (sakip(5)) */
keluaran_head:
    KELUARAN IDENT STRING              { $$ = pb_keluaran_named(ctx, $2, @2, $3, @1); }
  ;

keluaran_items:
    %empty
  | keluaran_items ';'                 { yyerrok; }
  | keluaran_items SATUAN STRING       { pb_satuan(ctx, $3, span_join(@2, @3)); yyerrok; }
  | keluaran_items TARGET year_values  { pb_values(ctx, 't', $3); yyerrok; }
  | keluaran_items REALISASI year_values
                                       { pb_values(ctx, 'r', $3); yyerrok; }
  | keluaran_items POLARITAS POSITIF   { pb_polaritas(ctx, POL_POSITIF, span_join(@2, @3)); yyerrok; }
  | keluaran_items POLARITAS NEGATIF   { pb_polaritas(ctx, POL_NEGATIF, span_join(@2, @3)); yyerrok; }
  | keluaran_items POLARITAS STABIL    { pb_polaritas(ctx, POL_STABIL, span_join(@2, @3)); yyerrok; }
  | keluaran_items error
  ;

opt_string:
    %empty                             { $$ = NULL; }
  | STRING
  ;

/* ---- what-if ---- */

andai_stmt:
    ANDAI                              { pb_repl_expr(ctx, REPL_ANDAI_LIST, NULL, @$); }
  | ANDAI andai_field IDENT '=' value          { pb_andai(ctx, $2, $3, @3, 0, NULL, @$, $5, @$); }
  | ANDAI andai_field IDENT year '=' value     { pb_andai(ctx, $2, $3, @3, $4, NULL, @$, $6, @$); }
  | ANDAI DATA IDENT year IDENT '=' value      { pb_andai(ctx, ANDAI_DATA, $3, @3, $4, $5, @5, $7, @$); }
  /* `andai realisasi IKM 2025 tw3 = 80` (sakip(5), PERIODS) */
  | ANDAI andai_field IDENT year IDENT '=' value
                                       { pb_andai(ctx, $2, $3, @3, $4, $5, @5, $7, @$); pb_andai_period(ctx); }
  ;

andai_field:
    TARGET                             { $$ = ANDAI_TARGET; }
  | REALISASI                          { $$ = ANDAI_REALISASI; }
  | ANGGARAN                           { $$ = ANDAI_ANGGARAN; }
  | RENCANA                            { $$ = ANDAI_RENCANA; }
  ;

/* ---- the REPL ---- */

repl_input:
    stmts
  | expr                               { pb_repl_expr(ctx, REPL_EXPR, $1, @$); }
  | JELASKAN expr                      { pb_repl_expr(ctx, REPL_JELASKAN, $2, @$); }
  | BATAL                              { pb_repl_expr(ctx, REPL_BATAL, NULL, @$); }
  ;

/* ---- expressions ---- */

expr:
    JIKA expr MAKA expr LAINNYA expr   { $$ = pb_if(ctx, $2, $4, $6, @$); }
  | expr ATAU expr                     { $$ = pb_bin(ctx, OP_OR, $1, $3, @2, @$); }
  | expr DAN expr                      { $$ = pb_bin(ctx, OP_AND, $1, $3, @2, @$); }
  | TIDAK expr                         { $$ = pb_unary(ctx, EX_NOT, $2, @1, @$); }
  /* each comparison its own rule: no `cmpop` step (same precedence) */
  | expr EQ expr                       { $$ = pb_bin(ctx, OP_EQ, $1, $3, @2, @$); }
  | expr NE expr                       { $$ = pb_bin(ctx, OP_NE, $1, $3, @2, @$); }
  | expr '<' expr                      { $$ = pb_bin(ctx, OP_LT, $1, $3, @2, @$); }
  | expr LE expr                       { $$ = pb_bin(ctx, OP_LE, $1, $3, @2, @$); }
  | expr '>' expr                      { $$ = pb_bin(ctx, OP_GT, $1, $3, @2, @$); }
  | expr GE expr                       { $$ = pb_bin(ctx, OP_GE, $1, $3, @2, @$); }
  | expr APPROX expr                   { $$ = pb_bin(ctx, OP_APPROX, $1, $3, @2, @$); }
  | expr '+' expr                      { $$ = pb_bin(ctx, OP_ADD, $1, $3, @2, @$); }
  | expr '-' expr                      { $$ = pb_bin(ctx, OP_SUB, $1, $3, @2, @$); }
  | expr '*' expr                      { $$ = pb_bin(ctx, OP_MUL, $1, $3, @2, @$); }
  | expr '/' expr                      { $$ = pb_bin(ctx, OP_DIV, $1, $3, @2, @$); }
  | expr DOTDOT expr                   { $$ = pb_range(ctx, $1, $3, @2, @$); }
  | '-' expr %prec NEG                 { $$ = pb_unary(ctx, EX_NEG, $2, @1, @$); }
  | constant
  | BENAR                              { $$ = pb_bool(ctx, true, @$); }
  | SALAH                              { $$ = pb_bool(ctx, false, @$); }
  | IDENT                              { $$ = pb_ident(ctx, $1, @$); }
  /* the bare names of a rumus_capaian (check.c says where they may stand) */
  | TARGET                             { $$ = pb_ident(ctx, $1, @$); }
  | REALISASI                          { $$ = pb_ident(ctx, $1, @$); }
  | call
  | function_keyword '(' args ')'      { $$ = pb_call(ctx, name_of($1), @1, $3, @$); }
  | '(' expr ')'                       { $$ = pb_paren(ctx, $2, @$); }
  ;

call:
    IDENT '(' args ')'                 { $$ = pb_call(ctx, name_of($1), @1, $3, @$); }
  ;

/* keywords that also name built-ins, as in target(X); a value may not
 * be one of these calls */
function_keyword:
    TARGET
  | REALISASI
  | ANGGARAN
  ;

args:
    %empty                             { $$ = NULL; }
  | arglist
  ;

arglist:
    expr                               { $$ = pb_list(ctx, NULL, $1); }
  | arglist ',' expr                   { $$ = pb_list(ctx, $1, $3); }
  ;

params:
    %empty                             { $$ = NULL; }
  | paramlist
  ;

paramlist:
    IDENT                              { $$ = pb_list(ctx, NULL, pb_name(ctx, $1, @1)); }
  | paramlist ',' IDENT                { $$ = pb_list(ctx, $1, pb_name(ctx, $3, @3)); }
  ;

%%

/* ---- error reporting in the words of the language ---- */


static bool is_year_context(int tok)
{
    return tok == TAHUN || tok == PERIODE || tok == DATA || tok == DOTDOT;
}

/* Describes a grammar symbol for an evaluator: "a name" where it is
 * expected, "name" where it was found (article false). */
static void describe(Buf *b, yysymbol_kind_t k, const ParseCtx *ctx, bool article)
{
    switch (k) {
    case YYSYMBOL_IDENT: buf_puts(b, article ? _("a name") : _("name")); return;
    case YYSYMBOL_STRING: buf_puts(b, article ? _("a text in double quotes") : _("text in double quotes")); return;
    case YYSYMBOL_NUMBER:
        if (article && is_year_context(ctx->prev_token)) buf_puts(b, _("a year like 2024"));
        else buf_puts(b, article ? _("a number") : _("number"));
        return;
    case YYSYMBOL_MONEY: buf_puts(b, article ? _("an amount like Rp 1.000.000") : _("amount like Rp 1.000.000")); return;
    case YYSYMBOL_PERIOD_BLOCK: buf_puts(b, "'{'"); return;   /* one token for `{ tw1: 80 }` (grammar/lexer.l) */
    case YYSYMBOL_YYEOF:
        if (ctx->mode == PARSE_REPL) buf_puts(b, article ? _("the end of the input") : _("end of the input"));
        else buf_puts(b, article ? _("the end of the file") : _("end of the file"));
        return;
    default: break;
    }
    const char *name = yysymbol_name(k);
    if (name[0] == '\'') buf_puts(b, name);          /* '{' */
    else buf_printf(b, "'%s'", name);                /* 'positif' */
}

static bool sym_is(yysymbol_kind_t k, const char *name)
{
    return strcmp(yysymbol_name(k), name) == 0;
}

static bool is_keyword_symbol(yysymbol_kind_t k)
{
    switch (k) {
#define KW(tok, word, class, flags) case YYSYMBOL_##tok:
#include "keywords.def"
#undef KW
        return true;
    default:
        return false;
    }
}

const char *parse_token_name(int tok)
{
    return yysymbol_name(YYTRANSLATE(tok));
}

const char *parse_symbol_name(int k)
{
    return k >= 0 && k < YYNTOKENS ? yysymbol_name((yysymbol_kind_t)k) : NULL;
}

static int yyreport_syntax_error(const yypcontext_t *yyctx, yyscan_t scanner, ParseCtx *ctx)
{
    (void)scanner;
    if (ctx->stop) return 0;
    enum { MAXEXP = 40 };
    yysymbol_kind_t expected[MAXEXP];
    int n = yypcontext_expected_tokens(yyctx, expected, MAXEXP);
    yysymbol_kind_t look = yypcontext_token(yyctx);
    Span at = *yypcontext_location(yyctx);

    /* An expression may start with many tokens; say so once. */
    bool expr_start = false, has_num = false, has_ident = false, has_paren = false;
    for (int i = 0; i < n; i++) {
        if (expected[i] == YYSYMBOL_NUMBER) has_num = true;
        if (expected[i] == YYSYMBOL_IDENT) has_ident = true;
        if (sym_is(expected[i], "'('")) has_paren = true;
    }
    expr_start = has_num && has_ident && has_paren;
    bool decl_start = false;
    for (int i = 0; i < n; i++)
        if (expected[i] == YYSYMBOL_SASARAN) decl_start = true;
    for (int i = 0; i < n && decl_start; i++)
        if (expected[i] == YYSYMBOL_INDIKATOR) decl_start = false;   /* inside a block */

    Buf msg;
    buf_init(&msg);
    buf_puts(&msg, _("unexpected "));
    describe(&msg, look, ctx, false);
    if (look == YYSYMBOL_IDENT || look == YYSYMBOL_NUMBER) {
        const char *t = span_text(ctx->unit, at);
        if (strlen(t) <= 40) buf_printf(&msg, " '%s'", t);
    }
    if (n > 0) {
        buf_puts(&msg, _("; expected "));
        Buf list;
        buf_init(&list);
        int shown = 0, total = 0;
        const char *items[MAXEXP + 1];
        char *owned[MAXEXP + 1];
        if (expr_start) {
            items[total] = _("an expression");
            owned[total++] = NULL;
        }
        if (decl_start) {
            /* the words that start a statement, from src/keywords.def */
            buf_printf(&list, "%s (", _("a declaration"));
            const char *sep = "";
            for (size_t i = 0; sakip_keywords[i]; i++)
                if (keyword_flags(sakip_keywords[i], strlen(sakip_keywords[i])) & KW_TOP) {
                    buf_printf(&list, "%s%s", sep, sakip_keywords[i]);
                    sep = ", ";
                }
            buf_puts(&list, ")");
            owned[total] = buf_steal(&list);
            items[total] = owned[total];
            total++;
        }
        for (int i = 0; i < n && total < MAXEXP; i++) {
            yysymbol_kind_t k = expected[i];
            if (expr_start && (k == YYSYMBOL_NUMBER || k == YYSYMBOL_IDENT || k == YYSYMBOL_MONEY ||
                               k == YYSYMBOL_STRING || sym_is(k, "'('") || k == YYSYMBOL_BENAR ||
                               k == YYSYMBOL_SALAH || k == YYSYMBOL_TIDAK || k == YYSYMBOL_JIKA ||
                               k == YYSYMBOL_TARGET || k == YYSYMBOL_REALISASI ||
                               k == YYSYMBOL_ANGGARAN || sym_is(k, "'-'")))
                continue;
            if (k == YYSYMBOL_YYerror || k == YYSYMBOL_PERIOD_BLOCK || sym_is(k, "';'")) continue;   /* '{' is listed */
            if (decl_start && (k == YYSYMBOL_YYEOF || is_keyword_symbol(k) || sym_is(k, "';'")))
                continue;
            describe(&list, k, ctx, true);
            owned[total] = buf_steal(&list);
            items[total] = owned[total];
            total++;
        }
        int limit = total > 8 ? 7 : total;
        for (shown = 0; shown < limit; shown++) {
            if (shown) buf_puts(&msg, shown + 1 == limit && limit == total ? _(" or ") : ", ");
            buf_puts(&msg, items[shown]);
        }
        if (limit < total) buf_printf(&msg, _(" or one of %d more"), total - limit);
        for (int i = 0; i < total; i++) free(owned[i]);
        buf_free(&list);
    }
    Diag *d = parse_error(ctx, "E0201", at, "%s", msg.data);
    buf_free(&msg);
    if (!d) return 0;

    /* A misspelt keyword: suggest the closest expected one. */
    if (look == YYSYMBOL_IDENT) {
        const char *word = span_text(ctx->unit, at);
        const char *best = NULL;
        size_t bestd = 3;
        for (int i = 0; i < n; i++) {
            if (!is_keyword_symbol(expected[i])) continue;
            const char *kw = yysymbol_name(expected[i]);
            size_t dist = edit_distance(word, kw, 2);
            if (dist < bestd) {
                bestd = dist;
                best = kw;
            }
        }
        if (best) diag_hint(d, _("did you mean '%s'?"), best);
    }
    if (ctx->prev_loc.file && expr_start) {
        int pl, pc, cl, cc;
        locfile_pos(ctx->prev_loc.file, ctx->prev_loc.start, &pl, &pc);
        locfile_pos(at.file, at.start, &cl, &cc);
        if (pl < cl) {
            diag_label(d, ctx->prev_loc, _("the expression on line %d is not finished after '%s'"), pl,
                       span_text(ctx->unit, ctx->prev_loc));
        }
    }
    if (look == YYSYMBOL_NUMBER && ctx->prev_token == NUMBER)
        diag_hint(d, _("separate values with ',' as in 'target 2023: 80, 2024: 82'"));
    return 0;
}

static void yyerror(YYLTYPE *loc, yyscan_t scanner, ParseCtx *ctx, const char *msg)
{
    (void)scanner;
    if (strcmp(msg, "memory exhausted") == 0) {
        parse_error(ctx, "E0110", *loc,
                    _("expression nested more than %d levels deep; the rest of the file is not read"), YYMAXDEPTH);
        ctx->stop = true;
    } else {
        parse_error(ctx, "E0201", *loc, "%s", msg);
    }
}

/* ---- completion: what may come next (the REPL's Tab) ---- */

int parse_expected(const char *text, size_t len, const char **names, int max)
{
    LocFile *lf = locfile_new("<completion>", text, len);
    Unit *scratch = unit_new(lf);
    DiagList dl;
    diag_list_init(&dl);
    ParseCtx ctx;
    parse_ctx_init(&ctx, scratch, lf, &dl, PARSE_REPL);
    ReplItem item;
    ctx.repl = &item;
    int n = -1;
    yyscan_t sc;
    if (scanner_open(&ctx, &sc) == 0) {
        yypstate *ps = yypstate_new();
        int status = YYPUSH_MORE;
        for (;;) {
            YYSTYPE lval;
            YYLTYPE lloc;
            int tok = yylex(&lval, &lloc, sc);
            if (tok == YYEOF) break;
            status = yypush_parse(ps, tok, &lval, &lloc, sc, &ctx);
            if (status != YYPUSH_MORE || dl.nerrors) break;
        }
        if (status == YYPUSH_MORE && dl.nerrors == 0) {
            yysymbol_kind_t kinds[YYNTOKENS];
            int k = yypstate_expected_tokens(ps, kinds, YYNTOKENS);
            n = 0;
            for (int i = 0; i < k && n < max; i++) {
                switch (kinds[i]) {
                case YYSYMBOL_IDENT: names[n++] = "<name>"; break;
                case YYSYMBOL_NUMBER: names[n++] = "<number>"; break;
                case YYSYMBOL_STRING: names[n++] = "<text>"; break;
                case YYSYMBOL_MONEY: names[n++] = "<amount>"; break;
                default:
                    if (is_keyword_symbol(kinds[i])) names[n++] = yysymbol_name(kinds[i]);
                }
            }
        }
        yypstate_delete(ps);
        scanner_close(sc);
    }
    diag_list_free(&dl);
    unit_free(scratch);
    return n;
}
