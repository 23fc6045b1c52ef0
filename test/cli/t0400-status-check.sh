#!/usr/bin/env bash
#
# t0400-status-check.sh - `steiger status` (the agenda at a glance, with
# what is illustrative) and `steiger check` (the integrity checks, their
# exit codes with --strict, --today and --full).

. "$(dirname "$0")/lib.sh"
export STEIGER_LANG=en

test_expect_success 'setup: the example database' '
	"$STEIGER" --db "$TMP/db" init --example >/dev/null
'

test_expect_success 'status shows the vision, the registers and what is illustrative' '
	"$STEIGER" --db "$TMP/db" status >out &&
	grep -F "Omgevingsvisie Zoetermeer 2040" out &&
	grep -F "6 main lines (6 to be confirmed by the municipality)" out &&
	grep -E "^  policy document +40 " out &&
	grep -F "Wijken van de toekomst" out &&
	grep -F "of which 100% illustrative" out &&
	grep -F "Illustrative values are examples" out
'

test_expect_success 'status --json: counts and provenance' '
	"$STEIGER" --db "$TMP/db" status --json >s.json &&
	jq -e ".total.items == 59 and .vision_counts.hoofdlijn == 6 and .hoofdlijnen_to_confirm == 6" s.json &&
	jq -e ".areas.wijk == 9 and .provenance.items.seed == 59" s.json &&
	jq -e ".provenance.indicator_values.cbs == 40" s.json &&
	jq -e "(.by_pillar | length) == 2 and (.by_hoofdlijn | length) == 6" s.json &&
	jq -e ".total.budget == .total.budget_illustrative" s.json &&
	sqlite3 "$TMP/db" "SELECT count(*) FROM item WHERE kind = '"'"'programme'"'"' AND status = '"'"'planned'"'"' AND archived = 0" >want &&
	jq ".by_kind[] | select(.key == \"programme\") | .by_status.planned" s.json >got &&
	test_cmp want got &&
	jq -e "[.by_kind[] | .items == (.by_status | add)] | all" s.json
'

test_expect_success 'status --year chooses the year of the money' '
	"$STEIGER" --db "$TMP/db" status --json --year 2022 | jq -e ".year == 2022" &&
	test_expect_code 2 "$STEIGER" --db "$TMP/db" status --year twintig 2>err
'

test_expect_success 'check finds the example data warnings: exit 0, or 1 with --strict' '
	STEIGER_TODAY=2026-11-27 "$STEIGER" --db "$TMP/db" check >out &&
	! grep -F "Items nobody has assessed" out &&
	grep -F "Contracts that end within a year" out &&
	grep -F "hotelnota-2001 has budget but no fte in 2024, 2025, 2026" out &&
	grep -F "transformatiestudie-kantoren-2008 has fte but no budget" out &&
	test_expect_code 1 "$STEIGER" --db "$TMP/db" check --strict --today 2026-11-27 >/dev/null 2>&1
'

test_expect_success 'status counts the illustrative assessment round of the example' '
	"$STEIGER" --db "$TMP/db" status --json >s.json &&
	jq -e ".provenance.users.records == 4 and .provenance.users.illustrative == 4" s.json &&
	jq -e ".provenance.rounds.records == 1 and .provenance.rounds.illustrative == 1" s.json &&
	sqlite3 "$TMP/db" "SELECT (SELECT count(*) FROM account) * count(*) * (SELECT count(*) FROM vision_element WHERE kind IN ('"'"'hoofdlijn'"'"', '"'"'pillar'"'"', '"'"'urgent_issue'"'"')) FROM item WHERE archived = 0" >want &&
	jq ".provenance.assessments.illustrative" s.json >got &&
	test_cmp want got &&
	jq -e ".provenance.assessments.records == .provenance.assessments.illustrative" s.json
'

test_expect_success 'check: an item added to the example is one nobody has assessed' '
	cp "$TMP/db" added.db &&
	printf "id;kind;title\nnieuw-item;policy;Nieuw item\n" >items.csv &&
	"$STEIGER" --db added.db import items.csv >/dev/null &&
	"$STEIGER" --db added.db check --today 2026-11-27 >out &&
	grep -F "Items nobody has assessed (1)" out &&
	grep -F "nieuw-item (Nieuw item) has no assessment yet" out
'

test_expect_success 'check --today moves the contract window' '
	"$STEIGER" --db "$TMP/db" check --json --today 2020-01-01 >c.json &&
	jq -e "[.findings[] | select(.check == \"contract_ending\")] | length == 0" c.json &&
	"$STEIGER" --db "$TMP/db" check --json --today 2026-11-27 >c.json &&
	jq -e "[.findings[] | select(.check == \"contract_ending\")] | length == 5" c.json
'

test_expect_success 'check finds a link to a stopped item, and --full is clean' '
	"$STEIGER" --db "$TMP/db" set woonvisie-zoetermeer-2015 status stopped >/dev/null &&
	"$STEIGER" --db "$TMP/db" check --json --full >c.json &&
	jq -e "any(.findings[]; .check == \"stale_link\" and (.message | contains(\"woonvisie-zoetermeer-2015\")))" c.json &&
	jq -e ".errors == 0" c.json
'

test_expect_success 'check reports an error (exit 1) for a broken reference' '
	cp "$TMP/db" broken.db &&
	sqlite3 broken.db "PRAGMA foreign_keys = OFF; DROP TRIGGER audit_contract_insert;
		INSERT INTO contract(id, item_id, title, end_date) VALUES ('"'"'x'"'"', '"'"'ghost'"'"', '"'"'X'"'"', '"'"'2030-01-01'"'"');" &&
	test_expect_code 1 "$STEIGER" --db broken.db check --full >out &&
	grep -F "References to records that do not exist" out
'

test_expect_success 'check and status on a missing database exit 5' '
	test_expect_code 5 "$STEIGER" --db "$TMP/none.db" status 2>err &&
	grep "steiger init" err &&
	test_expect_code 5 "$STEIGER" --db "$TMP/none.db" check 2>err
'

test_done
