#!/usr/bin/env bash
#
# t0000-basic.sh - the basics of the command line: --version, no command,
# an unknown command, init (twice, with --force, with --example), and
# importing the example files into the example database, which changes
# nothing.

. "$(dirname "$0")/lib.sh"

# The messages checked below are the English ones.
export STEIGER_LANG=en

test_expect_success '--version prints the version' '
	"$STEIGER" --version >out &&
	echo "steiger 0.1.0" >expect &&
	test_cmp expect out
'

test_expect_success 'no arguments: exits non-zero' '
	test_must_fail "$STEIGER" >out 2>err
'

test_expect_success 'an unknown command exits 2 and names the command' '
	test_expect_code 2 "$STEIGER" --db "$TMP/none.db" frobnicate >out 2>err &&
	grep "frobnicate" err &&
	test ! -s out &&
	test ! -e "$TMP/none.db"
'

test_expect_success 'an unknown global option exits 2 and names it' '
	test_expect_code 2 "$STEIGER" --frobnicate init 2>err &&
	grep -- "--frobnicate" err
'

test_expect_success 'init creates the database' '
	"$STEIGER" --db "$TMP/x.db" init >out &&
	test -s "$TMP/x.db" &&
	grep "Created" out
'

test_expect_success 'init again refuses to replace it (exit 5)' '
	cp "$TMP/x.db" before.db &&
	test_expect_code 5 "$STEIGER" --db "$TMP/x.db" init >out 2>err &&
	grep "already exists" err &&
	grep -- "--force" err &&
	cmp before.db "$TMP/x.db"
'

test_expect_success 'init --force replaces it' '
	"$STEIGER" --db "$TMP/x.db" init --force >out &&
	test -s "$TMP/x.db" &&
	grep "Created" out
'

test_expect_success 'the database can also come from STEIGER_DB' '
	STEIGER_DB="$TMP/env.db" "$STEIGER" init &&
	test -s "$TMP/env.db"
'

test_expect_success 'init --example creates the example database' '
	"$STEIGER" --db "$TMP/example.db" init --example >out &&
	test -s "$TMP/example.db" &&
	grep "Zoetermeer" out
'

test_expect_success 'importing the example files again changes nothing' '
	"$STEIGER" --db "$TMP/example.db" import "$REPO"/data/zoetermeer/*.csv >out &&
	grep -E "^ *total +0 added, 0 changed, [1-9][0-9]* unchanged" out
'

test_expect_success 'import without files is a usage error (exit 2)' '
	test_expect_code 2 "$STEIGER" --db "$TMP/example.db" import 2>err
'

test_done
