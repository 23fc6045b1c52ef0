#!/usr/bin/env bash
#
# t0550-user-token.sh - `steiger user` (accounts of the web application:
# add with the password from standard input or generated, passwd, role,
# disable/enable, list) and `steiger token` (API tokens: create shows the
# token once, list, revoke). Every change is audited; no password or token
# is stored in the clear.

. "$(dirname "$0")/lib.sh"
export STEIGER_LANG=en

test_expect_success 'setup: an empty database' '
	"$STEIGER" --db "$TMP/db" init >/dev/null
'

test_expect_success 'user add reads the password from standard input and stores only an argon2id hash' '
	echo "een heel lang wachtwoord" | "$STEIGER" --db "$TMP/db" user add anna --role medewerker \
		--display-name "Anna de Vries" --email anna@example.nl >out &&
	grep -F "Account anna (medewerker) created." out &&
	sqlite3 "$TMP/db" "SELECT password_hash FROM account WHERE name = '\''anna'\''" >hash &&
	grep -q "^.argon2id.v=19.m=" hash &&
	! grep -rqF "een heel lang wachtwoord" "$TMP"/db*
'

test_expect_success 'user add --generate prints a password once' '
	"$STEIGER" --db "$TMP/db" user add piet --role raad --generate </dev/null >out &&
	grep -E "^Password of piet \(shown only now\): [A-Za-z0-9]{20}$" out
'

test_expect_success 'user add refuses a bad role, a bad name, a taken name and a short password (exit 2 or 3)' '
	test_expect_code 2 "$STEIGER" --db "$TMP/db" user add kees --role koning </dev/null 2>err &&
	grep -F "expected --role beheerder, medewerker, bestuur, raad, partner or inwoner, found '\''koning'\''" err &&
	echo "een heel lang wachtwoord" >pw &&
	test_expect_code 3 "$STEIGER" --db "$TMP/db" user add "Kees Bad" --role raad <pw 2>err &&
	grep -F "expected a login name" err &&
	test_expect_code 3 "$STEIGER" --db "$TMP/db" user add anna --role raad <pw 2>err &&
	grep -F "exists already" err &&
	echo kort | test_expect_code 3 "$STEIGER" --db "$TMP/db" user add kees --role raad 2>err &&
	grep -F "expected a password of 12 to 1024 characters" err &&
	test "$(sqlite3 "$TMP/db" "SELECT count(*) FROM account")" = 2
'

test_expect_success 'user role, disable, enable and passwd change the account, audited with the actor' '
	STEIGER_ACTOR=beheer "$STEIGER" --db "$TMP/db" user role anna bestuur >out &&
	grep -F "anna now has the role bestuur." out &&
	STEIGER_ACTOR=beheer "$STEIGER" --db "$TMP/db" user disable anna &&
	test "$(sqlite3 "$TMP/db" "SELECT role || disabled FROM account WHERE name = '\''anna'\''")" = bestuur1 &&
	STEIGER_ACTOR=beheer "$STEIGER" --db "$TMP/db" user enable anna &&
	echo "nog een heel lang wachtwoord" | STEIGER_ACTOR=beheer "$STEIGER" --db "$TMP/db" user passwd anna >out &&
	grep -F "The password of anna is changed" out &&
	test "$(sqlite3 "$TMP/db" "SELECT count(*) FROM audit_log WHERE tbl = '\''account'\'' AND actor = '\''beheer'\''")" -ge 4 &&
	! sqlite3 "$TMP/db" "SELECT coalesce(before, '\'''\'') || coalesce(after, '\'''\'') FROM audit_log" | grep -qF "argon2id" &&
	test_expect_code 4 "$STEIGER" --db "$TMP/db" user role nobody raad 2>err
'

test_expect_success 'user list shows the accounts, also as JSON' '
	"$STEIGER" --db "$TMP/db" user list >out &&
	grep -E "^anna +Anna de Vries +bestuur" out &&
	"$STEIGER" --db "$TMP/db" user list --json | jq -e "length == 2 and .[0].name == \"anna\""
'

test_expect_success 'token create prints the token once and stores its SHA-256' '
	"$STEIGER" --db "$TMP/db" token create anna --description "GIS-koppeling" >out &&
	token=$(tail -n 1 out) &&
	test ${#token} = 64 &&
	test "$(sqlite3 "$TMP/db" "SELECT token_hash FROM api_token")" = "$(printf %s "$token" | sha256sum | cut -d" " -f1)" &&
	! sqlite3 "$TMP/db" .dump | grep -qF "$token"
'

test_expect_success 'token list and revoke; revoking twice is exit 4' '
	"$STEIGER" --db "$TMP/db" token list --json >t.json &&
	jq -e "length == 1 and .[0].account == \"anna\" and .[0].description == \"GIS-koppeling\"" t.json &&
	id=$(jq -r ".[0].id" t.json) &&
	"$STEIGER" --db "$TMP/db" token revoke "$id" >out &&
	grep -F "is revoked" out &&
	test_expect_code 4 "$STEIGER" --db "$TMP/db" token revoke "$id" 2>err &&
	"$STEIGER" --db "$TMP/db" token list --json | jq -e ".[0].revoked_at != null"
'

test_expect_success 'token create for an unknown account is exit 4' '
	test_expect_code 4 "$STEIGER" --db "$TMP/db" token create nobody 2>err
'

test_done
