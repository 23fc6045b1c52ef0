/*
 * token.c - `steiger token create|revoke|list`: API tokens for other
 * systems.
 *
 *   token create ACCOUNT [--description TEXT]   prints the token once
 *   token revoke ID
 *   token list [--json]
 *
 * A system sends its token as "Authorization: Bearer TOKEN" and acts with
 * the role of ACCOUNT. Only the SHA-256 of a token is stored.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "render/render_list.h"
#include "db/account.h"

/* The columns of `token list`. */
static const struct list_col token_cols[] = {
	{ "id", N_("id"), COL_TEXT },
	{ "account", N_("account"), COL_TEXT },
	{ "description", N_("description"), COL_TEXT },
	{ "created_at", N_("created"), COL_TEXT },
	{ "revoked_at", N_("revoked"), COL_TEXT },
	{ "last_used_at", N_("last used"), COL_TEXT },
};

/* See cmd.h. */
int cmd_token(struct cmd_ctx *ctx)
{
	const char *description = NULL;
	int json = 0, nargs, rc;
	char **args;
	struct db *db;
	const struct option opts[] = {
		{ "description", 1, &description, NULL },
		{ "json", 0, NULL, &json },
		{ NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	if (nargs < 1 || auth_init() < 0) {
		free(args);
		return usage_error(ctx, "token", _("expected create, revoke or list%s"), "");
	}
	if ((rc = open_db(ctx, &db, 0)) < 0) {
		free(args);
		return rc;
	}
	if (strcmp(args[0], "create") == 0 && nargs == 2) {
		char id[17], token[65];
		if ((rc = db_token_create(db, args[1], description, id, token, &ctx->err)) == 0)
			out_printf(_("Token %s for %s (shown only now; send it as \"Authorization: Bearer "
				     "TOKEN\"):\n%s\n"),
				   id, args[1], token);
	} else if (strcmp(args[0], "revoke") == 0 && nargs == 2) {
		if ((rc = db_token_revoke(db, args[1], &ctx->err)) == 0)
			out_printf(_("Token %s is revoked.\n"), args[1]);
	} else if (strcmp(args[0], "list") == 0 && nargs == 1) {
		struct list_result res;
		sqlite3_stmt *st = db_stmt(db,
					   "SELECT id, account, description, created_at, revoked_at, last_used_at"
					   " FROM api_token ORDER BY created_at, id",
					   &ctx->err);
		memset(&res, 0, sizeof(res));
		res.cols = token_cols;
		res.ncols = ARRAY_SIZE(token_cols);
		if (!st || (rc = list_fill(db, st, &res, &ctx->err)) < 0)
			rc = E_DB;
		else
			render_list_print(&res, json);
		list_result_free(&res);
	} else {
		rc = usage_error(ctx, "token", _("unknown or incomplete subcommand '%s'"), args[0]);
	}
	db_close(db);
	free(args);
	return rc;
}
