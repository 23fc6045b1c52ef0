#!/usr/bin/env bash
#
# t0200-list-show-set.sh - reading and changing records: `list` of every
# kind the issue names (and --json with id and title or name), `show` with
# the provenance of each value, its related records and history, `set`
# through the import's validation, audited, with its exit codes.

. "$(dirname "$0")/lib.sh"
export STEIGER_LANG=en

test_expect_success 'setup: the example database' '
	"$STEIGER" --db "$TMP/db" init --example >/dev/null
'

for kind in hoofdlijnen policies programmes projects regulations actions areas organisations; do
	test_expect_success "list $kind --json: an array of objects with an id and a title or name" '
		"$STEIGER" --db "$TMP/db" list --json '"$kind"' >out.json &&
		jq -e "type == \"array\" and length > 0" out.json &&
		jq -e "all(.[]; ((.id // .code) | type == \"string\") and ((.title // .name) | type == \"string\"))" out.json
	'
done

test_expect_success 'list policies shows every policy document of the seed (40)' '
	"$STEIGER" --db "$TMP/db" list --json policies | jq -e "length == 40" &&
	"$STEIGER" --db "$TMP/db" list policies >out &&
	grep "Hotelnota 2001" out &&
	grep -F "* illustrative" out
'

test_expect_success 'list takes Dutch kind names, and refuses unknown ones (exit 2)' '
	"$STEIGER" --db "$TMP/db" list --json gebieden | jq -e "any(.[]; .code == \"WK063701\")" &&
	test_expect_code 2 "$STEIGER" --db "$TMP/db" list dingen 2>err &&
	grep "unknown kind" err
'

test_expect_success 'show: each value with its provenance' '
	"$STEIGER" --db "$TMP/db" show hotelnota-2001 >out &&
	grep -E "Title +Hotelnota 2001  \(strategic agenda\)" out &&
	grep -E "Description .*\(illustrative\)" out &&
	"$STEIGER" --db "$TMP/db" show --json hotelnota-2001 >show.json &&
	jq -e ".sources.title == \"seed\" and .sources.budget_2024 == \"illustrative\"" show.json
'

test_expect_success 'show: related records (a programme with its contracts and parts)' '
	"$STEIGER" --db "$TMP/db" show --json vastgoed >show.json &&
	jq -e ".related.contracts | length >= 1" show.json &&
	"$STEIGER" --db "$TMP/db" show --json WK063701 >area.json &&
	jq -e ".related.pillars[0].id == \"wijken-van-de-toekomst\"" area.json &&
	jq -e "any(.related.indicator_values[]; .indicator == \"inwoners\" and .value == 15915 and .source == \"cbs\")" area.json
'

test_expect_success 'show: unknown id exits 4' '
	test_expect_code 4 "$STEIGER" --db "$TMP/db" show geen-item 2>err &&
	grep "no record" err
'

test_expect_success 'set: changes one field, audited, and shows in the history' '
	"$STEIGER" --db "$TMP/db" set hotelnota-2001 status stopped >out &&
	grep -F "status changed from \"active\" to \"stopped\"" out &&
	"$STEIGER" --db "$TMP/db" show --json hotelnota-2001 >show.json &&
	jq -e ".record.status == \"stopped\" and .sources.status == \"manual\"" show.json &&
	jq -e ".related.history[0].action == \"update\" and .related.history[0].context == \"set status\"" show.json &&
	sqlite3 "$TMP/db" "SELECT json_extract(before, '"'"'$.status'"'"') || '"'"' '"'"' || json_extract(after, '"'"'$.status'"'"') FROM audit_log WHERE record = '"'"'hotelnota-2001'"'"' AND context = '"'"'set status'"'"'" >got &&
	echo "active stopped" >expect && test_cmp expect got
'

test_expect_success 'set: the same value again changes nothing' '
	"$STEIGER" --db "$TMP/db" set hotelnota-2001 status stopped >out &&
	grep "nothing changed" out
'

test_expect_success 'set: a yearly figure, with a Dutch label and number' '
	"$STEIGER" --db "$TMP/db" set hotelnota-2001 budget_2025 "1.500" --source gemeente >out &&
	"$STEIGER" --db "$TMP/db" show --json hotelnota-2001 >show.json &&
	jq -e ".record.budget[\"2025\"] == 1.5 and .sources.budget_2025 == \"gemeente\" and .sources.budget_2024 == \"illustrative\"" show.json &&
	"$STEIGER" --db "$TMP/db" set hotelnota-2001 titel "Hotelnota 2001 (herzien)" &&
	"$STEIGER" --db "$TMP/db" show --json hotelnota-2001 | jq -e ".record.title == \"Hotelnota 2001 (herzien)\""
'

test_expect_success 'set: invalid value exits 3 and names the field' '
	test_expect_code 3 "$STEIGER" --db "$TMP/db" set hotelnota-2001 status weg 2>err &&
	grep -F "status: expected planned, active, completed or stopped, found \"weg\"" err &&
	"$STEIGER" --db "$TMP/db" show --json hotelnota-2001 | jq -e ".record.status == \"stopped\""
'

test_expect_success 'set: unknown record exits 4, unknown field and the key exit 2' '
	test_expect_code 4 "$STEIGER" --db "$TMP/db" set geen-item status active 2>err &&
	test_expect_code 2 "$STEIGER" --db "$TMP/db" set hotelnota-2001 kleur rood 2>err &&
	grep "has no field \"kleur\"" err &&
	test_expect_code 2 "$STEIGER" --db "$TMP/db" set hotelnota-2001 id iets-anders 2>err &&
	grep "key of the record" err
'

test_expect_success 'set: a reference must exist' '
	test_expect_code 3 "$STEIGER" --db "$TMP/db" set hotelnota-2001 areas WK069999 2>err &&
	grep -F "unknown reference in areas: \"WK069999\" is not in areas" err
'

test_done
