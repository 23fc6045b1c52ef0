/*
 * cmd.h - the subcommands (one file each, as git's builtin/) and what they
 * share: the context, option parsing and opening the database.
 */
#ifndef STEIGER_CMD_H
#define STEIGER_CMD_H

#include "db/db.h"

/* What every command gets. */
struct cmd_ctx {
	const char *db_path; /* --db, $STEIGER_DB or ./steiger.db */
	const char *actor;   /* who runs it, for the audit log ("cli:jan") */
	int argc;            /* arguments after the command name */
	char **argv;
	struct err err; /* the error a command returns */
};

/* One command of the table in main.c. */
struct command {
	const char *name;                /* e.g. "import" */
	int (*run)(struct cmd_ctx *ctx); /* returns 0 or an E_* code */
	const char *summary;             /* one line (English msgid) */
	const char *usage;               /* synopsis, e.g. "import [--dry-run] FILE..." */
	const char *help;                /* the longer description (msgid) */
};

/* The command table (main.c), ended by a NULL name. */
extern const struct command commands[];

/* The command named name, or NULL. */
const struct command *command_find(const char *name);

/* One option a command takes. */
struct option {
	const char *name;   /* long name without "--", e.g. "dry-run" */
	int takes_value;    /* 1 when it takes a value (--db FILE, --db=FILE) */
	const char **value; /* where the value goes (takes_value) */
	int *flag;          /* set to 1 when given (!takes_value) */
};

/* Parse ctx->argv against opts (NULL-name ended). Non-option arguments are
 * collected in *args (count *nargs; pointers into argv; caller frees the
 * array). "--" ends the options. Returns 0 or E_USAGE with ctx->err set. */
int parse_options(struct cmd_ctx *ctx, const struct option *opts, char ***args, int *nargs);

/* Open the database of ctx (creating it when create is set). Returns 0 or
 * E_DB with ctx->err set. */
int open_db(struct cmd_ctx *ctx, struct db **db, int create);

/* Report a usage error for command name: the message and its synopsis. */
int usage_error(struct cmd_ctx *ctx, const char *name, const char *fmt, const char *arg);

int cmd_init(struct cmd_ctx *ctx);
int cmd_import(struct cmd_ctx *ctx);
int cmd_export(struct cmd_ctx *ctx);
int cmd_list(struct cmd_ctx *ctx);
int cmd_show(struct cmd_ctx *ctx);
int cmd_set(struct cmd_ctx *ctx);
int cmd_status(struct cmd_ctx *ctx);
int cmd_check(struct cmd_ctx *ctx);
int cmd_review(struct cmd_ctx *ctx);
int cmd_assess(struct cmd_ctx *ctx);
int cmd_stats(struct cmd_ctx *ctx);
int cmd_weights(struct cmd_ctx *ctx);
int cmd_help(struct cmd_ctx *ctx);
int cmd_user(struct cmd_ctx *ctx);
int cmd_token(struct cmd_ctx *ctx);
int cmd_serve(struct cmd_ctx *ctx);
int cmd_version(struct cmd_ctx *ctx);

#endif
