/*
 * options.c - option parsing and database opening shared by the commands.
 */
#include "steiger.h"
#include "cmd/cmd.h"

/* See cmd.h. */
int usage_error(struct cmd_ctx *ctx, const char *name, const char *fmt, const char *arg)
{
	const struct command *c = command_find(name);
	struct buf msg = BUF_INIT;
	buf_printf(&msg, fmt, arg);
	err_set(&ctx->err, E_USAGE, "%s\n%s: steiger %s", msg.data, _("usage"), c ? c->usage : name);
	buf_free(&msg);
	return E_USAGE;
}

/* See cmd.h. */
int parse_options(struct cmd_ctx *ctx, const struct option *opts, char ***args, int *nargs)
{
	char **out = xcalloc((size_t)ctx->argc + 1, sizeof(*out));
	int n = 0, only_args = 0;
	const char *cmdname = ctx->argv[-1];
	for (int i = 0; i < ctx->argc; i++) {
		const char *a = ctx->argv[i];
		const struct option *o;
		const char *eq;
		size_t len;
		if (only_args || a[0] != '-' || strcmp(a, "-") == 0) {
			out[n++] = ctx->argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_args = 1;
			continue;
		}
		if (a[1] != '-') {
			free(out);
			return usage_error(ctx, cmdname, _("unknown option '%s'"), a);
		}
		a += 2;
		eq = strchr(a, '=');
		len = eq ? (size_t)(eq - a) : strlen(a);
		for (o = opts; o && o->name; o++)
			if (strlen(o->name) == len && strncmp(o->name, a, len) == 0)
				break;
		if (!o || !o->name) {
			free(out);
			return usage_error(ctx, cmdname, _("unknown option '%s'"), ctx->argv[i]);
		}
		if (o->takes_value) {
			if (eq) {
				*o->value = eq + 1;
			} else if (i + 1 < ctx->argc) {
				*o->value = ctx->argv[++i];
			} else {
				free(out);
				return usage_error(ctx, cmdname, _("option '%s' needs a value"), ctx->argv[i]);
			}
		} else {
			if (eq) {
				free(out);
				return usage_error(ctx, cmdname, _("option '%s' takes no value"), ctx->argv[i]);
			}
			*o->flag = 1;
		}
	}
	*args = out;
	*nargs = n;
	return 0;
}

/* See cmd.h. */
int open_db(struct cmd_ctx *ctx, struct db **db, int create)
{
	int rc = db_open(db, ctx->db_path, create ? DB_CREATE : 0, &ctx->err);
	if (rc == 0)
		db_set_actor(*db, ctx->actor, ctx->argv[-1]);
	return rc;
}
