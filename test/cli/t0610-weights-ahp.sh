#!/usr/bin/env bash
#
# t0610-weights-ahp.sh - `steiger weights ahp` (pairwise matrices, AHP) and
# `steiger weights direct` (points to divide): the output lines, --json,
# the CR warning, several assessors, and every kind of bad input with its
# exit status 3 and a message naming the line and the column.

. "$(dirname "$0")/lib.sh"
export STEIGER_LANG=en

test_expect_success 'setup: matrices' '
	cat >m.csv <<-\EOF &&
	,Wonen,Groen,Werk
	Wonen,1,2,4
	Groen,1/2,1,2
	Werk,1/4,0.5,1
	EOF
	cat >house.csv <<-\EOF
	,Size,Bus,Neighbourhood,Age,Yard,Modern,Condition,Financing
	Size,1,5,3,7,6,6,1/3,1/4
	Bus,1/5,1,1/3,5,3,3,1/5,1/7
	Neighbourhood,1/3,3,1,6,3,4,6,1/5
	Age,1/7,1/5,1/6,1,1/3,1/4,1/7,1/8
	Yard,1/6,1/3,1/3,3,1,1/2,1/5,1/6
	Modern,1/6,1/3,1/4,4,2,1,1/5,1/6
	Condition,3,5,1/6,7,5,5,1,1/2
	Financing,4,7,5,8,6,6,2,1
	EOF
'

test_expect_success 'a consistent matrix: weights in input order, lambda_max = n, CI = CR = 0' '
	"$STEIGER" weights ahp m.csv >out 2>err &&
	cat >want <<-\EOF &&
	Wonen 0.571429
	Groen 0.285714
	Werk 0.142857
	lambda_max 3.000000
	CI 0.000000
	CR 0.000000
	EOF
	test_cmp want out &&
	test ! -s err
'

test_expect_success 'no database is needed' '
	"$STEIGER" --db "$TMP/none/x.db" weights ahp m.csv >/dev/null &&
	test ! -e "$TMP/none"
'

test_expect_success '--json gives the same as an object' '
	"$STEIGER" weights ahp --json m.csv >j.json &&
	jq -e "[.criteria[].name] == [\"Wonen\", \"Groen\", \"Werk\"]" j.json &&
	jq -e "(.criteria[0].weight - 4/7 | fabs) < 1e-9 and .lambda_max == 3 and .ci == 0 and .cr == 0" j.json &&
	jq -e ".consistent == true and .matrices == 1" j.json
'

test_expect_success 'Saaty'"'"'s house example: CR 0.169 and a warning on stderr, exit 0' '
	"$STEIGER" weights ahp house.csv >out 2>err &&
	grep -Fx "Financing 0.333189" out &&
	grep -Fx "lambda_max 9.668887" out &&
	grep -Fx "CR 0.169087" out &&
	grep -F "warning: the consistency ratio CR = 0.169 is above 0.10" err &&
	"$STEIGER" weights ahp --json house.csv 2>err2 | jq -e ".consistent == false and (.cr * 1000 | round) == 169" &&
	grep -F "warning" err2
'

test_expect_success 'the warning is Dutch by default' '
	env -u STEIGER_LANG "$STEIGER" weights ahp house.csv >/dev/null 2>err &&
	grep -F "consistentieratio" err
'

test_expect_success 'two assessors: the geometric mean of their judgments (weights 4:2:1 and 8:1:2 give 4:1:1)' '
	cat >b.csv <<-\EOF &&
	,Wonen,Groen,Werk
	Wonen,1,8,4
	Groen,1/8,1,1/2
	Werk,1/4,2,1
	EOF
	"$STEIGER" weights ahp --json m.csv b.csv >j.json &&
	jq -e ".matrices == 2" j.json &&
	jq -e "(.criteria[0].weight - (4/6) | fabs) < 1e-9" j.json &&
	jq -e "(.criteria[1].weight - (1/6) | fabs) < 1e-9" j.json
'

test_expect_success 'assessors with other criteria: exit 3' '
	sed -e "s/Werk/Economie/g" m.csv >c.csv &&
	test_expect_code 3 "$STEIGER" weights ahp m.csv c.csv 2>err &&
	grep -F "c.csv: expected the criteria of m.csv in the same order" err
'

# bad_case NAME EXPECTED-MESSAGE: the file NAME.csv exits 3 with the message
bad_case() {
	test_expect_code 3 "$STEIGER" weights ahp "$1.csv" >out 2>err &&
	test ! -s out &&
	grep -F "$2" err
}

test_expect_success 'a cell that is not the reciprocal' '
	printf ",Wonen,Groen\nWonen,1,3\nGroen,0.5,1\n" >r.csv &&
	bad_case r "r.csv:3: column \"Wonen\": expected 1/3 (the reciprocal of row \"Wonen\", column \"Groen\": 3), found 0.5"
'

test_expect_success 'zero and negative judgments' '
	printf ",A,B\nA,1,0\nB,1,1\n" >z.csv &&
	bad_case z "z.csv:2: column \"B\": expected a positive number, found 0" &&
	printf ",A,B\nA,1,1\nB,-1,1\n" >n.csv &&
	bad_case n "n.csv:3: column \"A\": expected a positive number, found -1"
'

test_expect_success 'text instead of a number' '
	printf ",A,B\nA,1,veel\nB,1,1\n" >t.csv &&
	bad_case t "t.csv:2: column \"B\": expected a positive number or a fraction such as 1/3, found \"veel\""
'

test_expect_success 'the wrong size: a row too long, a row missing, a row too many' '
	printf ",A,B\nA,1,1,1\nB,1,1\n" >w.csv &&
	bad_case w "w.csv:2: row \"A\": expected 3 cells (the name and 2 values), found 4" &&
	printf ",A,B\nA,1,1\n" >s.csv &&
	bad_case s "s.csv: expected a row for criterion \"B\", found the end of the file" &&
	printf ",A,B\nA,1,1\nB,1,1\nC,1,1\n" >l.csv &&
	bad_case l "l.csv:4: expected 2 rows (one per criterion), found more"
'

test_expect_success 'row names that differ from the header, duplicates, an empty file' '
	printf ",A,B\nA,1,1\nC,1,1\n" >d.csv &&
	bad_case d "d.csv:3: expected row \"B\" (rows in the order of the header), found \"C\"" &&
	printf ",A,A\nA,1,1\nA,1,1\n" >u.csv &&
	bad_case u "u.csv:1: criterion \"A\" occurs twice in the header" &&
	: >e.csv &&
	bad_case e "e.csv: empty file"
'

test_expect_success 'more than 10 criteria: exit 3' '
	awk "BEGIN { printf \",\"; for (i = 1; i <= 11; i++) printf \"c%d%s\", i, i < 11 ? \",\" : \"\n\";
		for (i = 1; i <= 11; i++) { printf \"c%d\", i; for (j = 1; j <= 11; j++) printf \",1\"; print \"\" } }" >big.csv &&
	test_expect_code 3 "$STEIGER" weights ahp big.csv 2>err &&
	grep -F "expected at most 10 criteria" err
'

test_expect_success 'a missing file exits 6, no file or subcommand exits 2' '
	test_expect_code 6 "$STEIGER" weights ahp nothing.csv 2>err &&
	test_expect_code 2 "$STEIGER" weights ahp 2>err &&
	grep -F "usage: steiger weights" err &&
	test_expect_code 2 "$STEIGER" weights frobnicate m.csv 2>err
'

test_expect_success 'weights direct: points to weights, --json' '
	printf "criterium;punten\nWonen;50\nGroen;30\nWerk;20\n" >p.csv &&
	"$STEIGER" weights direct p.csv >out &&
	printf "Wonen 0.500000\nGroen 0.300000\nWerk 0.200000\n" >want &&
	test_cmp want out &&
	"$STEIGER" weights direct --json p.csv | jq -e ".criteria[1].points == 30 and .criteria[1].weight == 0.3" &&
	printf "A,0\nB,0\n" >p0.csv &&
	test_expect_code 3 "$STEIGER" weights direct p0.csv 2>err &&
	grep -F "add up to more than zero" err &&
	printf "A,-1\nB,3\n" >pn.csv &&
	test_expect_code 3 "$STEIGER" weights direct pn.csv 2>err &&
	grep -F "pn.csv:1: column \"points\": expected zero or a positive number, found \"-1\"" err
'

test_expect_success 'weights --apply stores the weights on the main lines, audited as entered by hand; a bad id changes nothing' '
	"$STEIGER" --db "$TMP/w.db" init --example >/dev/null &&
	printf "hl-thuis;40\nhl-mozaiek;20\nhl-ontplooien;10\nhl-duurzaam;10\nhl-economie;10\nhl-groen;10\n" >pts.csv &&
	"$STEIGER" --db "$TMP/w.db" weights direct --apply pts.csv >out 2>err &&
	grep -F "The weights of 6 main lines are stored." err &&
	"$STEIGER" --db "$TMP/w.db" show hl-thuis >show &&
	grep -E "Weight +0\.4 +\(entered by hand\)" show &&
	grep -F "weights direct --apply" show &&
	printf ",hl-thuis,hl-groen\nhl-thuis,1,3\nhl-groen,1/3,1\n" >m2.csv &&
	"$STEIGER" --db "$TMP/w.db" weights ahp --apply m2.csv >out 2>err &&
	test "$(sqlite3 "$TMP/w.db" "SELECT weight FROM vision_element WHERE id = '"'"'hl-groen'"'"'")" = "0.25" &&
	printf "hl-thuis;40\nnope;60\n" >bad.csv &&
	test_expect_code 3 "$STEIGER" --db "$TMP/w.db" weights direct --apply bad.csv 2>err &&
	grep -F "criterion \"nope\" is not the id of a main line" err &&
	test "$(sqlite3 "$TMP/w.db" "SELECT weight FROM vision_element WHERE id = '"'"'hl-thuis'"'"'")" = "0.75"
'

test_done
