#!/usr/bin/env bash
#
# t0300-export.sh - `steiger export`: JSON and CSV exports import again
# without loss (into an empty database, the export is the same again);
# XLSX has a sheet per register with Dutch headers, a frozen header row and
# the illustrative values marked; bad options exit 2. (libxlsxwriter's
# constant-memory mode writes strings inline in the sheets.)

. "$(dirname "$0")/lib.sh"
export STEIGER_LANG=en

test_expect_success 'setup: the example database' '
	"$STEIGER" --db "$TMP/db" init --example >/dev/null
'

test_expect_success 'JSON: export, import into an empty database, export: the same' '
	"$STEIGER" --db "$TMP/db" export --output a.json &&
	jq -e ".items | length == 59" a.json &&
	"$STEIGER" --db "$TMP/copy.db" init >/dev/null &&
	"$STEIGER" --db "$TMP/copy.db" import a.json >/dev/null &&
	"$STEIGER" --db "$TMP/copy.db" export >b.json &&
	test_cmp a.json b.json
'

test_expect_success 'CSV (both delimiters): export, import, export: the same' '
	for d in ";" ","; do
		rm -rf ex1 ex2 "$TMP/csv.db"* &&
		"$STEIGER" --db "$TMP/db" export --format csv --delimiter "$d" --output ex1 2>/dev/null &&
		"$STEIGER" --db "$TMP/csv.db" init >/dev/null &&
		"$STEIGER" --db "$TMP/csv.db" import ex1/*.csv >/dev/null &&
		"$STEIGER" --db "$TMP/csv.db" export --format csv --delimiter "$d" --output ex2 2>/dev/null &&
		diff -r ex1 ex2 || return 1
	done
'

test_expect_success 'CSV of one register goes to standard output, with a BOM' '
	"$STEIGER" --db "$TMP/db" export --format csv areas >areas.csv &&
	head -c 3 areas.csv | od -An -tx1 | grep -q "ef bb bf" &&
	grep -q "^GM0637;Zoetermeer;gemeente" areas.csv
'

test_expect_success 'XLSX: a sheet per register, Dutch headers, frozen header row' '
	"$STEIGER" --db "$TMP/db" export --format xlsx --output agenda.xlsx 2>err &&
	unzip -o -q agenda.xlsx -d x &&
	grep -o "<sheet name=\"[^\"]*\"" x/xl/workbook.xml >sheets &&
	grep -F "name=\"Toelichting\"" sheets &&
	grep -F "name=\"items\"" sheets &&
	grep -F "name=\"gebieden\"" sheets &&
	grep -F "name=\"organisaties\"" sheets &&
	cat x/xl/worksheets/*.xml >all.xml &&
	grep -F ">titel<" all.xml &&
	grep -F ">omschrijving<" all.xml &&
	grep -F ">budget_2024<" all.xml &&
	for s in x/xl/worksheets/sheet[2-9].xml; do grep -q "state=\"frozen\"" "$s" || return 1; done
'

test_expect_success 'XLSX: illustrative values have their own fill, explained on the first sheet' '
	grep -F "FFF2CC" x/xl/styles.xml &&
	grep -F "voorbeeldwaarden" x/xl/worksheets/sheet1.xml &&
	grep -q " s=\"2\"" x/xl/worksheets/sheet8.xml
'

test_expect_success 'bad options exit 2' '
	test_expect_code 2 "$STEIGER" --db "$TMP/db" export --format pdf 2>err &&
	grep "unknown format" err &&
	test_expect_code 2 "$STEIGER" --db "$TMP/db" export --format csv 2>err &&
	test_expect_code 2 "$STEIGER" --db "$TMP/db" export dingen 2>err
'

test_done
