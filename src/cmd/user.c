/*
 * user.c - `steiger user add|passwd|role|disable|enable|list`
 *
 *   user add NAME --role ROLE [--display-name TEXT] [--email ADDRESS] [--generate]
 *   user passwd NAME [--generate]
 *   user role NAME ROLE
 *   user disable NAME / user enable NAME
 *   user list [--json]
 *
 * The password is read from standard input when that is not a terminal
 * (one line), so that scripts can create accounts; at a terminal it is
 * asked twice without echo; with --generate steiger makes one and prints
 * it once. Passwords are stored as argon2id hashes only.
 */
#include "steiger.h"
#include "cmd/cmd.h"
#include "render/render_list.h"
#include "db/account.h"
#include "db/list.h"
#include <termios.h>
#include <unistd.h>

/* Read one line from f into out (size n) without its newline. Returns 0,
 * or -1 at the end of input or when the line is too long. */
static int read_line(FILE *f, char *out, size_t n)
{
	size_t len;
	if (!fgets(out, (int)n, f))
		return -1;
	len = strlen(out);
	if (len && out[len - 1] == '\n')
		out[--len] = '\0';
	else if (!feof(f))
		return -1; /* longer than the buffer */
	if (len && out[len - 1] == '\r')
		out[--len] = '\0';
	return 0;
}

/* Ask for a password at the terminal without echo. */
static int ask_password(const char *prompt, char *out, size_t n)
{
	struct termios old, quiet;
	int rc;
	err_printf("%s", prompt);
	if (tcgetattr(STDIN_FILENO, &old) < 0)
		return -1;
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	rc = read_line(stdin, out, n);
	tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	err_printf("\n");
	return rc;
}

/* Make a password people can type: 20 characters from an alphabet without
 * look-alikes (about 110 bits). */
static void generate_password(char out[21])
{
	static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	char hex[41];
	random_hex(hex, 20);
	for (int i = 0; i < 20; i++) {
		int v = (int)strtol((char[]){ hex[2 * i], hex[2 * i + 1], '\0' }, NULL, 16);
		out[i] = alphabet[v % (int)(sizeof(alphabet) - 1)];
	}
	out[20] = '\0';
}

/* Get the new password (generated, from standard input or asked) and hash
 * it into hash. Prints a generated one. Returns 0 or an E_* code. */
static int new_password(struct cmd_ctx *ctx, const char *name, int generate, char hash[PASSWORD_HASH_SIZE])
{
	char pw[PASSWORD_MAX + 2], again[PASSWORD_MAX + 2];
	if (generate) {
		generate_password(pw);
		out_printf(_("Password of %s (shown only now): %s\n"), name, pw);
	} else if (!isatty(STDIN_FILENO)) {
		if (read_line(stdin, pw, sizeof(pw)) < 0)
			return err_set(&ctx->err, E_INPUT, _("expected the password on one line of standard input"));
	} else {
		if (ask_password(_("New password: "), pw, sizeof(pw)) < 0 ||
		    ask_password(_("Again: "), again, sizeof(again)) < 0)
			return err_set(&ctx->err, E_INPUT, _("no password given"));
		if (strcmp(pw, again) != 0)
			return err_set(&ctx->err, E_INPUT, _("the two passwords differ"));
	}
	if (strlen(pw) < PASSWORD_MIN || strlen(pw) > PASSWORD_MAX)
		return err_set(&ctx->err, E_INPUT, _("expected a password of %d to %d characters"), PASSWORD_MIN,
			       PASSWORD_MAX);
	if (password_hash(pw, hash) < 0)
		return err_set(&ctx->err, E_INTERNAL, _("cannot hash the password"));
	return 0;
}

/* The subcommands. */
static int user_add(struct cmd_ctx *ctx, struct db *db, char **args, int nargs, const char *role, const char *display,
		    const char *email, int generate)
{
	char hash[PASSWORD_HASH_SIZE];
	int r = role_by_code(role), rc;
	if (nargs != 1)
		return usage_error(ctx, "user", _("expected: user add NAME --role ROLE%s"), "");
	if (r < 0)
		return usage_error(
			ctx, "user",
			_("expected --role beheerder, medewerker, bestuur, raad, partner or inwoner, found '%s'"),
			role ? role : "");
	if ((rc = new_password(ctx, args[0], generate, hash)) < 0)
		return rc;
	if ((rc = db_account_add(db, args[0], (enum role)r, display, email, hash, &ctx->err)) < 0)
		return rc;
	out_printf(_("Account %s (%s) created.\n"), args[0], role);
	return 0;
}

/* See cmd.h. */
int cmd_user(struct cmd_ctx *ctx)
{
	const char *role = NULL, *display = NULL, *email = NULL;
	int generate = 0, json = 0, nargs, rc;
	char **args;
	struct db *db;
	const struct option opts[] = {
		{ "role", 1, &role, NULL },   { "display-name", 1, &display, NULL },
		{ "email", 1, &email, NULL }, { "generate", 0, NULL, &generate },
		{ "json", 0, NULL, &json },   { NULL, 0, NULL, NULL },
	};
	if ((rc = parse_options(ctx, opts, &args, &nargs)) < 0)
		return rc;
	if (nargs < 1) {
		free(args);
		return usage_error(ctx, "user", _("expected add, passwd, role, disable, enable or list%s"), "");
	}
	if (auth_init() < 0) {
		free(args);
		return err_set(&ctx->err, E_INTERNAL, _("cannot initialise libsodium"));
	}
	if ((rc = open_db(ctx, &db, 0)) < 0) {
		free(args);
		return rc;
	}
	const char *sub = args[0];
	char **rest = args + 1;
	int nrest = nargs - 1;
	if (strcmp(sub, "add") == 0) {
		rc = user_add(ctx, db, rest, nrest, role, display, email, generate);
	} else if (strcmp(sub, "passwd") == 0 && nrest == 1) {
		char hash[PASSWORD_HASH_SIZE];
		struct account a;
		if ((rc = db_account_get(db, rest[0], &a, &ctx->err)) == 0 &&
		    (rc = new_password(ctx, rest[0], generate, hash)) == 0 && (rc = db_begin(db, &ctx->err)) == 0) {
			if ((rc = db_account_set_password(db, rest[0], hash, &ctx->err)) == 0)
				rc = db_commit(db, &ctx->err);
			else
				db_rollback(db);
		}
		if (rc == 0)
			out_printf(_("The password of %s is changed; its sessions have ended.\n"), rest[0]);
	} else if (strcmp(sub, "role") == 0 && nrest == 2) {
		int r = role_by_code(rest[1]);
		if (r < 0)
			rc = usage_error(ctx, "user", _("unknown role '%s'"), rest[1]);
		else if ((rc = db_account_set_role(db, rest[0], (enum role)r, &ctx->err)) == 0)
			out_printf(_("%s now has the role %s.\n"), rest[0], rest[1]);
	} else if ((strcmp(sub, "disable") == 0 || strcmp(sub, "enable") == 0) && nrest == 1) {
		int off = strcmp(sub, "disable") == 0;
		if ((rc = db_account_set_disabled(db, rest[0], off, &ctx->err)) == 0)
			out_printf(off ? _("%s can no longer log in.\n") : _("%s can log in again.\n"), rest[0]);
	} else if (strcmp(sub, "list") == 0 && nrest == 0) {
		struct list_result res;
		if ((rc = db_list(db, "users", 0, 0, &res, &ctx->err)) == 0) {
			render_list_print(&res, json);
			list_result_free(&res);
		}
	} else {
		rc = usage_error(ctx, "user", _("unknown or incomplete subcommand '%s'"), sub);
	}
	db_close(db);
	free(args);
	return rc;
}
