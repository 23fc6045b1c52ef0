#!/usr/bin/env bash
#
# t0600-stats-alpha.sh - `steiger stats alpha`: Krippendorff's alpha of
# reliability data on the worked example of Krippendorff (2011, section C:
# 4 observers, 12 units, missing values) at every level, the --json
# fields, the default level, and the errors: bad cells named by line,
# column and coder (exit 3), a bad --level (exit 2), a missing file (exit
# 6), undefined alpha (exit 3). No database is needed.

. "$(dirname "$0")/lib.sh"
export STEIGER_LANG=en
data="$TEST_DATA/alpha-krippendorff-2011-c.csv"

# first_line_rounded FILE: the first line of FILE rounded to 3 decimals.
first_line_rounded() {
	awk 'NR == 1 { printf "%.3f\n", $1 }' "$1"
}

test_expect_success 'the paper values at every level (first line, rounded)' '
	for lv in nominal:0.743 ordinal:0.815 interval:0.849 ratio:0.797; do
		"$STEIGER" --db "$TMP/none.db" stats alpha --level "${lv%%:*}" "$data" >out &&
		test "$(first_line_rounded out)" = "${lv#*:}" || { echo "$lv: $(head -1 out)"; return 1; }
	done &&
	test ! -e "$TMP/none.db"
'

test_expect_success 'numbers default to interval; the output names level and counts' '
	"$STEIGER" stats alpha "$data" >out &&
	test "$(first_line_rounded out)" = 0.849 &&
	grep -F "interval level" out &&
	grep -F "40 pairable values in 11 of 12 units; 4 coders" out &&
	grep -F "Coincidence matrix" out
'

test_expect_success 'the first line is the same in Dutch' '
	env -u STEIGER_LANG "$STEIGER" stats alpha --level ordinaal "$data" >nl &&
	test "$(head -1 nl)" = 0.8154 &&
	grep -F "ordinaal" nl
'

test_expect_success '--json: alpha, level, pairable values, units, coincidence' '
	"$STEIGER" stats alpha --json --level nominal "$data" >a.json &&
	jq -e ".level == \"nominal\" and .pairable_values == 40 and .units == 11 and .coders == 4" a.json &&
	jq -e "(.alpha * 1000 | round) == 743" a.json &&
	jq -e ".coincidence.values == [\"1\",\"2\",\"3\",\"4\",\"5\"]" a.json &&
	jq -e ".coincidence.matrix[0][0] == 7 and (.coincidence.matrix | length) == 5" a.json &&
	jq -e "[.coincidence.matrix[][]] | add | round == 40" a.json &&
	"$STEIGER" stats alpha --json --level=ratio "$data" >r.json &&
	jq -e "(.alpha * 1000 | round) == 797 and .coincidence.values == [1,2,3,4,5]" r.json
'

test_expect_success 'labels default to nominal (Krippendorff 2011, section B: .692)' '
	cat >b.csv <<-\EOT &&
	unit,Ben,Gerry
	1,a,b
	2,a,a
	3,b,b
	4,b,b
	5,d,b
	6,c,c
	7,c,c
	8,c,c
	9,e,e
	10,d,d
	11,d,d
	12,a,d
	EOT
	"$STEIGER" stats alpha b.csv >out &&
	test "$(first_line_rounded out)" = 0.692 &&
	grep -F "nominal level" out
'

test_expect_success 'a Dutch ; file with decimal commas' '
	printf "eenheid;An;Bo\n1;1,5;1,5\n2;2,5;3\n3;4;4\n" >nl.csv &&
	"$STEIGER" stats alpha --json nl.csv >nl.json &&
	jq -e ".coincidence.values == [1.5, 2.5, 3, 4]" nl.json
'

test_expect_success 'a cell that is not a number: exit 3, line, column and coder' '
	printf "unit,coder1,coder2\n1,1,2\n2,2,2\n3,3,x\n" >bad.csv &&
	test_expect_code 3 "$STEIGER" stats alpha --level interval bad.csv 2>err &&
	grep -F "bad.csv:4:5: coder \"coder2\": expected a number, found \"x\"" err
'

test_expect_success 'wrong number of cells, duplicate unit, duplicate coder: exit 3' '
	printf "unit,a,b\n1,1,2\n2,2\n" >short.csv &&
	test_expect_code 3 "$STEIGER" stats alpha short.csv 2>err &&
	grep -F "short.csv:3:1: expected 3 cells (the unit and one per coder), found 2" err &&
	printf "unit,a,b\nu1,1,2\nu1,2,2\n" >dup.csv &&
	test_expect_code 3 "$STEIGER" stats alpha dup.csv 2>err &&
	grep -F "dup.csv:3:1: unit \"u1\" occurs twice (first on line 2)" err &&
	printf "unit,a,a\nu1,1,2\n" >dupc.csv &&
	test_expect_code 3 "$STEIGER" stats alpha dupc.csv 2>err &&
	grep -F "dupc.csv:1:8: coder \"a\" occurs twice" err
'

test_expect_success 'empty file, no coders, no units, all missing: exit 3' '
	: >empty.csv &&
	test_expect_code 3 "$STEIGER" stats alpha empty.csv 2>err &&
	grep -F "empty.csv" err &&
	printf "unit\n1\n" >nocoders.csv &&
	test_expect_code 3 "$STEIGER" stats alpha nocoders.csv 2>err &&
	grep -F "nocoders.csv:1:1: expected a header: unit, then one column per coder" err &&
	printf "unit,a,b\n" >nounits.csv &&
	test_expect_code 3 "$STEIGER" stats alpha nounits.csv 2>err &&
	grep -F "nounits.csv: expected rows of units after the header, found none" err &&
	printf "unit,a,b\n1,1,\n2,,2\n" >missing.csv &&
	test_expect_code 3 "$STEIGER" stats alpha missing.csv 2>err &&
	grep -F "no unit has values of two or more coders" err
'

test_expect_success 'identical values: alpha is undefined, exit 3' '
	printf "unit,a,b\n1,4,4\n2,4,4\n3,4,\n" >same.csv &&
	test_expect_code 3 "$STEIGER" stats alpha same.csv >out 2>err &&
	test ! -s out &&
	grep -F "alpha is undefined: every pairable value is 4" err
'

test_expect_success 'a negative value at the ratio level: exit 3' '
	printf "unit,a,b\n1,1,-2\n2,2,2\n" >neg.csv &&
	test_expect_code 3 "$STEIGER" stats alpha --level ratio neg.csv 2>err &&
	grep -F "neg.csv:2:5: coder \"b\": expected a number that is not negative (ratio level)" err
'

test_expect_success 'usage errors exit 2: bad --level, no file, unknown subcommand' '
	test_expect_code 2 "$STEIGER" stats alpha --level metric "$data" 2>err &&
	grep -F "expected --level nominal, ordinal, interval or ratio, found '"'"'metric'"'"'" err &&
	grep -F "usage: steiger stats alpha" err &&
	test_expect_code 2 "$STEIGER" stats alpha 2>err &&
	test_expect_code 2 "$STEIGER" stats 2>err &&
	test_expect_code 2 "$STEIGER" stats beta "$data" 2>err &&
	grep -F "unknown subcommand '"'"'beta'"'"'" err &&
	test_expect_code 2 "$STEIGER" stats alpha --frob "$data" 2>err
'

test_expect_success 'a file that does not exist: exit 6' '
	test_expect_code 6 "$STEIGER" stats alpha "$TMP/nothere.csv" 2>err &&
	grep -F "nothere.csv" err
'

test_done
