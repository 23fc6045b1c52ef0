/*
 * export.h - writing the registers as CSV (one register per file), JSON
 * (all registers in one object) and XLSX (a sheet per register, Dutch
 * headers, frozen header row, illustrative values marked). CSV and JSON
 * are the formats of doc/formats.md, so an export imports again without
 * loss.
 */
#ifndef STEIGER_EXPORT_H
#define STEIGER_EXPORT_H

#include "core/register.h"
#include "db/db.h"

/* Append register r as CSV to out: the given delimiter, a byte-order
 * mark when bom is set, English keys in the header. Returns 0 or E_DB. */
int export_csv(struct db *db, const struct register_def *r, char delim, int bom, struct buf *out, struct err *e);

/* Append the registers regs[0..n) as one JSON object to out. */
int export_json(struct db *db, const struct register_def *const *regs, size_t n, struct buf *out, struct err *e);

/* Write the registers regs[0..n) as an XLSX workbook to path. Returns 0,
 * E_DB or E_IO. */
int export_xlsx(struct db *db, const struct register_def *const *regs, size_t n, const char *path, struct err *e);

struct stored;

/* Append record s as one JSON object (the form of the JSON export). */
void export_json_record(struct buf *b, const struct stored *s);

/* The number of records of register r. */
long long register_count(struct db *db, const struct register_def *r);

#endif
