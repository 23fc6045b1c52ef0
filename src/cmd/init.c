/*
 * init.c - `steiger init [--example] [--force]`
 *
 * Creates the database with the current schema. With --example it also
 * imports the Zoetermeer example data set that is built into the binary
 * (data/zoetermeer; every value marked seed, CBS or illustrative). An
 * existing database is left alone unless --force is given, which replaces
 * it.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "cmd/import_report.h"
#include <sys/stat.h>
#include <unistd.h>

/* Remove the database file and its WAL companions. */
static int remove_db(const char *path, struct err *e)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	for (size_t i = 0; i < ARRAY_SIZE(suffixes); i++) {
		char *p = mprintf("%s%s", path, suffixes[i]);
		if (unlink(p) < 0 && errno != ENOENT) {
			err_set(e, E_IO, _("%s: cannot remove: %s"), p, strerror(errno));
			free(p);
			return E_IO;
		}
		free(p);
	}
	return 0;
}

/* Record what this database is in the meta table. */
static int write_meta(struct db *db, int example, struct err *e)
{
	static const char sql[] = "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)";
	char now[21];
	const char *pairs[][2] = {
		{ "created_at", now },
		{ "created_by", "steiger " STEIGER_VERSION },
		{ "dataset", example ? "Zoetermeer (voorbeeld)" : "" },
		{ "example", example ? "1" : "0" },
	};
	now_iso(now);
	for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
		sqlite3_stmt *st = db_stmt(db, sql, e);
		if (!st)
			return E_DB;
		db_bind_text(st, 1, pairs[i][0]);
		db_bind_text(st, 2, pairs[i][1]);
		if (sqlite3_step(st) != SQLITE_DONE)
			return db_fail(db, e, _("writing the meta table"));
		sqlite3_reset(st);
	}
	return 0;
}

/* See cmd.h. */
int cmd_init(struct cmd_ctx *ctx)
{
	int example = 0, force = 0, nargs, rc;
	char **args;
	struct db *db;
	struct stat st;
	const struct option opts[] = {
		{ "example", 0, NULL, &example },
		{ "force", 0, NULL, &force },
		{ NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	free(args);
	if (nargs)
		return usage_error(ctx, "init", _("unexpected argument%s"), "");
	if (stat(ctx->db_path, &st) == 0) {
		if (!force)
			return err_set(&ctx->err, E_DB, _("%s already exists; use --force to replace it"),
				       ctx->db_path);
		if ((rc = remove_db(ctx->db_path, &ctx->err)) < 0)
			return rc;
	}
	if ((rc = open_db(ctx, &db, 1)) < 0)
		return rc;
	if (example) {
		struct import_opts o = { 0, 0 };
		rc = import_files(ctx, db, NULL, 0, NULL, &o);
	}
	if (rc == 0 && (rc = db_begin(db, &ctx->err)) == 0) {
		if ((rc = write_meta(db, example, &ctx->err)) < 0)
			db_rollback(db);
		else
			rc = db_commit(db, &ctx->err);
	}
	db_close(db);
	if (rc < 0) {
		remove_db(ctx->db_path, NULL);
		return rc;
	}
	out_printf(_("Created %s (schema version %d)%s.\n"), ctx->db_path, db_migration_count,
		   example ? _(" with the Zoetermeer example data; values marked illustrative are examples, not "
			       "municipal figures")
			   : "");
	return 0;
}
