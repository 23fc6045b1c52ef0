#!/usr/bin/env bash
#
# t0420-review.sh - `steiger review`: the coverage, gaps, contested items
# and alignment of an assessment round, on the small round worked out by
# hand in test/unit/test_review.c (three items, main lines h1 weight 2 and
# h2 weight 1, pillars p1 and p2, three assessors, scale -2..2), imported
# as CSV; its views, JSON, options and errors.

. "$(dirname "$0")/lib.sh"
export STEIGER_LANG=en

test_expect_success 'setup: a database with the hand-worked round' '
	"$STEIGER" --db "$TMP/db" init >/dev/null &&
	cat >"$TMP/vision.csv" <<-EOF &&
	id;kind;parent;title;weight
	v;vision;;Visie;
	h1;hoofdlijn;v;Hoofdlijn een;2
	h2;hoofdlijn;v;Hoofdlijn twee;1
	p1;pillar;v;Pijler een;
	p2;pillar;v;Pijler twee;
	EOF
	cat >"$TMP/items.csv" <<-EOF &&
	id;kind;title;budget_2026;fte_2026
	a;policy;Item A;2000000;4
	b;programme;Item B;0;2
	c;project;Item C;1000000;0
	EOF
	cat >"$TMP/users.csv" <<-EOF &&
	name;role
	anna;medewerker
	bert;medewerker
	cor;medewerker
	EOF
	cat >"$TMP/rounds.csv" <<-EOF &&
	id;title;scale_min;scale_max;blind
	r1;Ronde een;-2;2;ja
	EOF
	cat >"$TMP/assessments.csv" <<-EOF &&
	round;assessor;item;criterion;score
	r1;anna;a;h1;2
	r1;bert;a;h1;1
	r1;cor;a;h1;2
	r1;anna;a;h2;0
	r1;bert;a;h2;n.v.t.
	r1;cor;a;h2;1
	r1;anna;a;p1;1
	r1;bert;a;p1;1
	r1;anna;b;h1;-1
	r1;bert;b;h1;-2
	r1;anna;b;h2;0
	r1;anna;b;p1;nvt
	r1;bert;b;p1;nvt
	r1;cor;c;h2;2
	EOF
	"$STEIGER" --db "$TMP/db" import "$TMP/vision.csv" "$TMP/items.csv" "$TMP/users.csv" "$TMP/rounds.csv" \
		"$TMP/assessments.csv" >/dev/null
'

test_expect_success 'review --json: alignment, its error, per euro and fte, as worked out by hand' '
	"$STEIGER" --db "$TMP/db" review --json --year 2026 >r.json &&
	jq -e ".round == \"r1\" and .scores == 14 and (.assessors | length) == 3 and .scale == [-2, 2]" r.json &&
	jq -e ".items[] | select(.id == \"a\") | (.alignment - 11/18 | fabs) < 1e-9 and .assessors == 3" r.json &&
	jq -e ".items[] | select(.id == \"a\") | (.per_million_eur - 11/36 | fabs) < 1e-9" r.json &&
	jq -e ".items[] | select(.id == \"b\") | .alignment == -0.5 and .per_million_eur == null and .per_fte == -0.25" r.json &&
	jq -e ".items[] | select(.id == \"c\") | .alignment == 1 and .alignment_se == 0 and .spread == null" r.json &&
	jq -e ".items[] | select(.id == \"a\") | (.profile.h1 - 5/3 | fabs) < 1e-9 and (.profile.h2 - 1/3 | fabs) < 1e-9" r.json
'

test_expect_success 'review --json: coverage, gaps, blind spots and the contested order' '
	jq -e ".criteria[] | select(.id == \"h2\") | .items == 2 and (.weighted_items - 7/6 | fabs) < 1e-9" r.json &&
	jq -e ".criteria[] | select(.id == \"h1\") | (.budget - 2000000 * 5 / 6 | fabs) < 1e-6 and .gap == false" r.json &&
	jq -e ".criteria[] | select(.id == \"p2\") | .blind and .gap" r.json &&
	jq -e ".contested == [\"b\", \"a\"]" r.json
'

test_expect_success 'review: alpha per criterion equals steiger stats alpha on the same scores' '
	printf "unit,anna,bert,cor\na,2,1,2\nb,-1,-2,\n" >"$TMP/h1.csv" &&
	"$STEIGER" stats alpha --level ordinal "$TMP/h1.csv" | head -1 >want &&
	jq -r ".criteria[] | select(.id == \"h1\") | .alpha * 10000 | round / 10000" r.json >got &&
	test "$(cat got)" = "$(cat want | sed "s/0*$//")" &&
	jq -e ".criteria[] | select(.id == \"p2\") | .alpha == null" r.json
'

test_expect_success 'review without a view shows the gaps and the contested items' '
	"$STEIGER" --db "$TMP/db" review --year 2026 >out &&
	grep -F "Review of round r1 (Ronde een, open): 3 assessors, 14 scores" out &&
	grep -E "^  Pijler twee +pillar +0 .* blind spot$" out &&
	! grep -E "^  Hoofdlijn een +main line" out &&
	grep -F "  Hoofdlijn een: 0.73" out &&
	test "$(grep -nE "^  (a|b) " out | cut -d: -f2 | cut -c3)" = "$(printf "b\na")"
'

test_expect_success 'review coverage lists every criterion; --gap-share makes h1 a gap' '
	"$STEIGER" --db "$TMP/db" review coverage --year 2026 >out &&
	test "$(grep -cE "^  (Hoofdlijn|Pijler) " out)" = 4 &&
	"$STEIGER" --db "$TMP/db" review gaps --gap-share 0.9 --year 2026 >out &&
	grep -E "^  Hoofdlijn een .* gap$" out &&
	! grep -F "Hoofdlijn twee" out
'

test_expect_success 'review alignment lists every item; --limit cuts the list' '
	"$STEIGER" --db "$TMP/db" review alignment --year 2026 >out &&
	grep -E "^  a +policy document +0\.61 " out &&
	grep -E "^  c +project +1 " out &&
	"$STEIGER" --db "$TMP/db" review alignment --limit 1 >out &&
	grep -F "and 2 more" out
'

test_expect_success 'review merges: two housing items alike in profile, field and text, with the reasons' '
	mkdir -p "$TMP/r2" &&
	cat >"$TMP/r2/items.csv" <<-EOF &&
	id;kind;title;description;domains;budget_2026;fte_2026
	d;policy;Woningbouw Meerzicht;Nieuwe woningen bouwen in Meerzicht;fysiek;100000;1
	e;programme;Woningbouwprogramma Meerzicht;Woningen in de wijk Meerzicht;fysiek|sociaal;200000;2
	f;policy;Fietsbeleid;Veilige fietsroutes naar het centrum;fysiek;50000;1
	EOF
	cat >"$TMP/r2/rounds.csv" <<-EOF &&
	id;title;scale_min;scale_max
	r2;Ronde twee;-2;2
	EOF
	cat >"$TMP/r2/assessments.csv" <<-EOF &&
	round;assessor;item;criterion;score
	r2;anna;d;h1;2
	r2;anna;d;p1;1
	r2;anna;e;h1;2
	r2;anna;e;p1;2
	r2;anna;f;h1;2
	r2;anna;f;p1;1
	EOF
	"$STEIGER" --db "$TMP/db" import "$TMP/r2/items.csv" "$TMP/r2/rounds.csv" "$TMP/r2/assessments.csv" >/dev/null &&
	"$STEIGER" --db "$TMP/db" review merges --round r2 >out &&
	grep -E "^  1\. d, e \(0\.[0-9]+\)$" out &&
	grep -F "d + e: profiles 0.95 alike" out &&
	grep -F "both domain:fysiek; common words: " out &&
	grep -F "meerzicht" out &&
	! grep -E "(^|[ ,])f[ ,]" out &&
	"$STEIGER" --db "$TMP/db" review --round r2 --json >r2.json &&
	jq -e ".merges | length == 1 and .[0].items == [\"d\", \"e\"] and (.[0].pairs[0].shared | index(\"domain:fysiek\")) != null" r2.json &&
	"$STEIGER" --db "$TMP/db" review merges --round r2 --min-text 0.99 >out &&
	grep -F "none" out
'

test_expect_success 'review verdicts: steiger'"'"'s own rules, each proposal with its rule and reason' '
	"$STEIGER" --db "$TMP/db" review verdicts --round r1 --year 2026 >out &&
	grep -F "  a (policy document): keep [p-keep]" out &&
	grep -F "It clearly serves the vision (alignment 0.61)." out &&
	grep -F "  b (programme): stop [o-stop]" out &&
	grep -F "  c (project): continue [o-continue]" out &&
	grep -F "  d (policy document): no proposal (not scored)" out &&
	"$STEIGER" --db "$TMP/db" review --round r1 --json >v.json &&
	jq -e "[.verdicts[] | select(.item == \"b\")][0] | .verdict == \"stop\" and .rule == \"o-stop\"" v.json &&
	jq -e "[.verdicts[] | select(.item == \"d\")][0] | .verdict == null and .reason == null" v.json
'

test_expect_success 'review priority: track 2 without policy documents, by urgent, willingness, area, alignment' '
	jq -e ".priority == [\"c\", \"b\", \"e\"]" v.json &&
	"$STEIGER" --db "$TMP/db" review priority --round r1 >out &&
	grep -E "^  1 +c +— +— +— +1$" out &&
	grep -E "^  2 +b +— +— +— +-0\.5$" out &&
	! grep -E "^  [0-9]+ +(a|d|f) " out
'

test_expect_success 'review verdicts --rules: the rules staff wrote, as data' '
	cat >"$TMP/rules.csv" <<-EOF &&
	id;geldt_voor;als;voorstel;reden
	afbouwen;other;alignment < 0;phase_out;Afbouwen (bijdrage {alignment})
	houden;policy;alignment > 0.5 and assessors >= 3;keep;Drie beoordelaars vinden het goed
	EOF
	"$STEIGER" --db "$TMP/db" review verdicts --round r1 --rules "$TMP/rules.csv" >out &&
	grep -F "  b (programme): phase out [afbouwen]" out &&
	grep -F "Afbouwen (bijdrage -0.5)" out &&
	grep -F "  a (policy document): keep [houden]" out &&
	grep -F "  c (project): no proposal" out
'

test_expect_success 'review verdicts --rules: a faulty rule set is refused with the line, column or rule' '
	printf "id;applies;when;verdict;reason\nx;other;alignment >;stop;why\n" >"$TMP/bad1.csv" &&
	test_expect_code 3 "$STEIGER" --db "$TMP/db" review verdicts --rules "$TMP/bad1.csv" 2>err &&
	grep -F "rule x: the condition: at the end" err &&
	printf "id;applies;when;verdict;reason\nx;other;;stop;why\n" >"$TMP/bad2.csv" &&
	test_expect_code 3 "$STEIGER" --db "$TMP/db" review verdicts --rules "$TMP/bad2.csv" 2>err &&
	grep -F "bad2.csv:2:3" err &&
	printf "id;applies;when;verdict;reason\nx;policy;1;stop;why\n" >"$TMP/bad3.csv" &&
	test_expect_code 3 "$STEIGER" --db "$TMP/db" review verdicts --rules "$TMP/bad3.csv" 2>err &&
	grep -F "stop is not a verdict for policy documents" err &&
	test_expect_code 6 "$STEIGER" --db "$TMP/db" review verdicts --rules "$TMP/none.csv" 2>err
'

test_expect_success 'assess progress: per assessor the cells scored of items x criteria' '
	"$STEIGER" --db "$TMP/db" assess progress --round r1 --json >p.json &&
	jq -e "length == 3" p.json &&
	jq -e ".[] | select(.assessor == \"anna\") | .scored == 6 and .cells == 24" p.json &&
	jq -e ".[] | select(.assessor == \"cor\") | .scored == 3 and .percent == 12.5" p.json &&
	"$STEIGER" --db "$TMP/db" assess progress --round r1 >out &&
	grep -E "^ *bert +5 +24 " out
'

test_expect_success 'assess import: scores in one transaction; a bad row names line and column and writes nothing' '
	mkdir -p "$TMP/a3" &&
	printf "ronde;beoordelaar;item;criterium;score\nr1;cor;a;p2;2\nr1;cor;b;p2;1\n" >"$TMP/a3/scores.csv" &&
	"$STEIGER" --db "$TMP/db" assess import "$TMP/a3/scores.csv" >out &&
	"$STEIGER" --db "$TMP/db" assess progress --round r1 --json >p.json &&
	jq -e ".[] | select(.assessor == \"cor\") | .scored == 5" p.json &&
	printf "ronde;beoordelaar;item;criterium;score\nr1;cor;c;p2;1\nr1;cor;c;p1;7\n" >"$TMP/a3/bad.csv" &&
	test_expect_code 3 "$STEIGER" --db "$TMP/db" assess import "$TMP/a3/bad.csv" 2>err &&
	grep -F "bad.csv:3:" err &&
	"$STEIGER" --db "$TMP/db" assess progress --round r1 --json >p.json &&
	jq -e ".[] | select(.assessor == \"cor\") | .scored == 5" p.json &&
	test_expect_code 2 "$STEIGER" --db "$TMP/db" assess 2>err &&
	test_expect_code 2 "$STEIGER" --db "$TMP/db" assess import 2>err
'

test_expect_success 'review in Dutch' '
	STEIGER_LANG=nl "$STEIGER" --db "$TMP/db" review >out &&
	grep -F "blinde vlek" out
'

test_expect_success 'review: an unknown view, a bad option value, an unknown round' '
	test_expect_code 2 "$STEIGER" --db "$TMP/db" review decisions 2>err &&
	grep -F "expected coverage, gaps, contested, alignment, merges, verdicts or priority" err &&
	test_expect_code 2 "$STEIGER" --db "$TMP/db" review --gap-share 2 2>err &&
	test_expect_code 2 "$STEIGER" --db "$TMP/db" review --year 20x 2>err &&
	test_expect_code 4 "$STEIGER" --db "$TMP/db" review --round r9 2>err &&
	grep -F "r9" err
'

test_expect_success 'review on a database without rounds says so (exit 4)' '
	"$STEIGER" --db "$TMP/empty" init >/dev/null &&
	test_expect_code 4 "$STEIGER" --db "$TMP/empty" review 2>err &&
	grep -F "no assessment round yet" err
'

test_done
