#!/usr/bin/env bash
#
# t0100-import.sh - `steiger import` on the real binary: every error class
# exits 3 with FILE:LINE:COLUMN on standard error and changes nothing;
# --dry-run saves nothing; a re-import changes nothing; Excel's forms
# (BOM, ',' or ';', Dutch numbers and words); JSON; --as; the Dutch
# messages by default.

. "$(dirname "$0")/lib.sh"
export STEIGER_LANG=en

test_expect_success 'setup: a database with the example data' '
	"$STEIGER" --db "$TMP/db" init --example >/dev/null &&
	"$STEIGER" --db "$TMP/db" export >"$TMP/before.json"
'

# expect_import_error FILE CONTENT MESSAGE: importing CONTENT as FILE exits
# 3, prints MESSAGE on standard error and leaves the registers as they were.
expect_import_error() {
	printf "%b" "$2" >"$1" &&
	test_expect_code 3 "$STEIGER" --db "$TMP/db" import "$1" >out 2>err &&
	grep -F -- "$3" err &&
	grep -F "Nothing was imported" err &&
	"$STEIGER" --db "$TMP/db" export >after.json &&
	cmp "$TMP/before.json" after.json
}

test_expect_success 'unknown column' '
	expect_import_error items.csv "id;kind;title;budjet_2024\nx;policy;X;1\n" \
		"items.csv:1:15: unknown column \"budjet_2024\""
'

test_expect_success 'missing required field' '
	expect_import_error items.csv "id;kind;title\nx;policy;\n" "items.csv:2:10: missing required field \"title\""
'

test_expect_success 'bad number' '
	expect_import_error items.csv "id;kind;title;budget_2024\nx;policy;X;twee ton\n" \
		"items.csv:2:12: expected a number, found \"twee ton\""
'

test_expect_success 'bad date' '
	expect_import_error contracts.csv "id;item;title;end_date\nc;de-entree;C;31-02-2027\n" \
		"contracts.csv:2:15: expected a date such as 2026-12-31 or 31-12-2026, found \"31-02-2027\""
'

test_expect_success 'unknown reference' '
	expect_import_error contracts.csv "id;item;title;end_date\nc;de-uitgang;C;2027-01-01\n" \
		"contracts.csv:2:3: unknown reference in item: \"de-uitgang\" is not in items"
'

test_expect_success 'duplicate id' '
	expect_import_error items.csv "id;kind;title\nx;policy;A\nx;policy;B\n" \
		"items.csv:3:1: duplicate id \"x\" (first at items.csv:2)"
'

test_expect_success 'invalid UTF-8 (a Windows-1252 file)' '
	expect_import_error items.csv "id;kind;title\nx;policy;Caf\\xe9\n" \
		"items.csv:2:13: expected UTF-8 text, found the byte 0xE9"
'

test_expect_success 'over-long field' '
	long=$(printf "%0400d" 0) &&
	expect_import_error items.csv "id;kind;title\nx;policy;$long\n" \
		"items.csv:2:10: expected at most 300 characters, found 400"
'

test_expect_success 'empty file' '
	expect_import_error items.csv "" "items.csv: empty file: expected a header line"
'

test_expect_success 'an error in the second file: the first is not imported either' '
	printf "id;kind;title\ngoed;policy;Goed\n" >policies.csv &&
	printf "id;item;title;end_date\nc;goed;C;nooit\n" >contracts.csv &&
	test_expect_code 3 "$STEIGER" --db "$TMP/db" import policies.csv contracts.csv 2>err &&
	test_expect_code 4 "$STEIGER" --db "$TMP/db" show goed
'

test_expect_success 'a file whose name says no register needs --as' '
	printf "id;kind;title\nx;policy;X\n" >mijn-lijst.csv &&
	test_expect_code 3 "$STEIGER" --db "$TMP/db" import mijn-lijst.csv 2>err &&
	grep "cannot tell which register" err &&
	"$STEIGER" --db "$TMP/db" import --dry-run --as items mijn-lijst.csv >out &&
	grep "+ items/x" out
'

test_expect_success '--dry-run shows the changes and saves nothing' '
	printf "id;title\nde-entree;De Entree (nieuw)\n" >items.csv &&
	"$STEIGER" --db "$TMP/db" import --dry-run items.csv >out &&
	grep "Dry run" out &&
	grep "~ items/de-entree: title" out &&
	"$STEIGER" --db "$TMP/db" export >after.json &&
	cmp "$TMP/before.json" after.json
'

test_expect_success 'an import is audited; importing it again changes nothing' '
	printf "\\xef\\xbb\\xbfid,kind,title,status,budget_2025\r\nnieuw,Beleidsnota,\"Nota, nieuw\",lopend,\"1.250.000\"\r\n" >beleid.csv &&
	"$STEIGER" --db "$TMP/db" import beleid.csv >out &&
	grep -E "items +1 added" out &&
	"$STEIGER" --db "$TMP/db" show --json nieuw >show.json &&
	jq -e ".record.kind == \"policy\" and .record.status == \"active\" and .record.title == \"Nota, nieuw\"" show.json &&
	jq -e ".record.budget[\"2025\"] == 1250000" show.json &&
	"$STEIGER" --db "$TMP/db" import beleid.csv >out2 &&
	grep -E "total +0 added, 0 changed, 1 unchanged" out2 &&
	sqlite3 "$TMP/db" "SELECT count(*) FROM audit_log WHERE record = '"'"'nieuw'"'"'" >count &&
	echo 1 >expect && test_cmp expect count
'

test_expect_success 'in a ;-file 450.000 is four hundred and fifty thousand' '
	printf "id;budget_2026\nnieuw;450.000\n" >items.csv &&
	"$STEIGER" --db "$TMP/db" import items.csv &&
	"$STEIGER" --db "$TMP/db" show --json nieuw | jq -e ".record.budget[\"2026\"] == 450000"
'

test_expect_success 'JSON: records of several registers; errors at line and column' '
	cat >extra.json <<-\JSON &&
	{"organisations": [{"id": "nieuwe-partner", "name": "Nieuwe partner", "type": "bedrijf"}],
	 "item_partners": [{"item": "nieuw", "organisation": "nieuwe-partner", "willingness": 4}]}
	JSON
	"$STEIGER" --db "$TMP/db" import extra.json >out &&
	grep -E "item_partners +1 added" out &&
	printf "{\"items\": [\n  {\"id\": \"x\", \"kind\": \"action\",\n   \"title\": \"X\", \"legal_task\": \"soms\"}]}\n" >bad.json &&
	test_expect_code 3 "$STEIGER" --db "$TMP/db" import bad.json 2>err &&
	grep -F "bad.json:3:32: expected ja or nee" err
'

test_expect_success 'a CBS kwb table: values for the indicators that name its columns' '
	printf "gwb_code_10,regio,inwoners\nWK063701,Meerzicht,16000\n" >kwb-2025-test.csv &&
	"$STEIGER" --db "$TMP/db" import kwb-2025-test.csv >out &&
	grep "column \"regio\" ignored" out &&
	"$STEIGER" --db "$TMP/db" show --json WK063701 >area.json &&
	jq -e "[.related.indicator_values[] | select(.indicator == \"inwoners\" and .year == 2025 and .value == 16000 and .source == \"cbs\")] | length == 1" area.json
'

test_expect_success 'messages are Dutch by default' '
	printf "id;kind;title;budget_2024\nx;policy;X;veel\n" >items.csv &&
	test_expect_code 3 env -u STEIGER_LANG "$STEIGER" --db "$TMP/db" import items.csv 2>err &&
	grep -F "items.csv:2:12: verwacht" err &&
	grep -F "\"veel\"" err
'

test_done
