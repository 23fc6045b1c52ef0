/*
 * find.c - finding the record an id names; see find.h.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "cmd/find.h"
#include "db/read.h"

/* See find.h. */
int find_record(struct cmd_ctx *ctx, struct db *db, const char *id, const char *register_name,
		const struct register_def **reg)
{
	const struct register_def *regs[REG_COUNT];
	int n;
	if (register_name) {
		const struct register_def *r = reg_by_name(register_name);
		if (!r)
			return usage_error(ctx, ctx->argv[-1], _("unknown register '%s'"), register_name);
		regs[0] = r;
		n = db_find_key(db, id, regs + 1, &ctx->err);
		for (int i = 1; i <= n; i++)
			if (regs[i] == r) {
				*reg = r;
				return 0;
			}
		if (n < 0)
			return E_DB;
		return err_set(&ctx->err, E_NOTFOUND, _("no record \"%s\" in %s"), id, r->name);
	}
	n = db_find_key(db, id, regs, &ctx->err);
	if (n < 0)
		return E_DB;
	if (n == 0)
		return err_set(&ctx->err, E_NOTFOUND, _("no record \"%s\" in any register"), id);
	if (n > 1) {
		struct buf names = BUF_INIT;
		for (int i = 0; i < n; i++)
			buf_printf(&names, "%s%s", i ? ", " : "", regs[i]->name);
		err_set(&ctx->err, E_USAGE, _("\"%s\" is in several registers (%s); choose one with --register"), id,
			names.data);
		buf_free(&names);
		return E_USAGE;
	}
	*reg = regs[0];
	return 0;
}
