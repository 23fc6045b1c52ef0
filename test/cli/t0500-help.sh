#!/usr/bin/env bash
#
# t0500-help.sh - help and language: `steiger help` lists every command,
# `steiger help COMMAND` works for each, Dutch is the default and English
# selectable, and the man page documents every command and renders
# cleanly.

. "$(dirname "$0")/lib.sh"

commands="init import export list show set status check assess review stats weights serve user token help version"

test_expect_success 'help lists every command' '
	STEIGER_LANG=en "$STEIGER" help >out &&
	for c in $commands; do grep -q "^  $c " out || return 1; done &&
	grep -F "Exit status:" out
'

for c in $commands; do
	test_expect_success "help $c shows its usage" '
		STEIGER_LANG=en "$STEIGER" help '"$c"' >out &&
		grep -F "usage: steiger '"$c"'" out
	'
done

test_expect_success 'help of an unknown command exits 2' '
	test_expect_code 2 "$STEIGER" help frobnicate 2>err
'

test_expect_success 'Dutch by default, English with --lang en or STEIGER_LANG=en' '
	env -u STEIGER_LANG "$STEIGER" help >nl &&
	grep -F "Opdrachten:" nl &&
	"$STEIGER" --lang en help >en &&
	grep -F "Commands:" en &&
	STEIGER_LANG=en "$STEIGER" help >en2 &&
	test_cmp en en2 &&
	test_expect_code 2 "$STEIGER" --lang fr help 2>err
'

test_expect_success 'every message of the source has a Dutch translation' '
	command -v xgettext >/dev/null || return 0 &&
	cd "$REPO" &&
	xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 --language=C --no-location --omit-header \
		-o "$TMP/check.pot" src/*.c src/*/*.c &&
	msgcmp "$REPO/po/nl.po" "$TMP/check.pot" &&
	msgfmt --check --check-format -o /dev/null "$REPO/po/nl.po"
'

test_expect_success 'the man page documents every command and renders without warnings' '
	for c in $commands; do grep -q "^\.SS.*$c" "$REPO/doc/steiger.1" || { echo "no section for $c"; return 1; }; done &&
	groff -man -ww -z "$REPO/doc/steiger.1" 2>warnings &&
	test ! -s warnings
'

test_done
