/*
 * find.h - finding the one record an id names, for `show` and `set`.
 */
#ifndef STEIGER_FIND_H
#define STEIGER_FIND_H

#include "core/register.h"
#include "cmd/cmd.h"

/* Find the register holding id: the one named by register_name when given,
 * else the only single-key register with a record id. Returns 0 and sets
 * *reg, E_NOTFOUND, E_USAGE (ambiguous: several registers have it; the
 * message lists them) or E_DB, with ctx->err set. */
int find_record(struct cmd_ctx *ctx, struct db *db, const char *id, const char *register_name,
		const struct register_def **reg);

#endif
