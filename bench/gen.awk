# gen.awk - write the benchmark data set of issue 2 into directory DIR:
# 10,000 items (with domains, areas, vision links, budget and fte for five
# years, field-level provenance) and 100,000 assessments (1,000 items x 10
# assessors x 10 criteria), plus the areas, vision, users and round they
# refer to. Deterministic (a fixed linear congruential generator), so every
# run measures the same input.
#
#   awk -v DIR=bench/work -v ITEMS=10000 -f bench/gen.awk
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
BEGIN {
	seed = 42
	if (ITEMS == "") ITEMS = 10000
	split("policy programme project regulation action", kinds, " ")
	split("sociaal fysiek economie veiligheid", doms, " ")
	split("planned active completed stopped", stats, " ")
	f = DIR "/areas.csv"
	print "code;name;type;parent" > f
	print "GM0999;Benchstad;gemeente;" > f
	for (w = 0; w < 20; w++) printf "WK0999%02d;Wijk %d;wijk;GM0999\n", w, w > f
	close(f)
	f = DIR "/vision.csv"
	print "id;kind;parent;title;weight;areas" > f
	print "v;vision;;Visie 2040;;" > f
	for (h = 1; h <= 6; h++) printf "h%d;hoofdlijn;v;Hoofdlijn %d;0.1667;\n", h, h > f
	for (h = 1; h <= 6; h++) for (g = 1; g <= 3; g++) printf "g%d-%d;goal;h%d;Doel %d.%d;;\n", h, g, h, h, g > f
	print "p1;pillar;;Wijken van de toekomst;;WK099901|WK099902|WK099903" > f
	print "p2;pillar;;Woningbouw;;" > f
	print "u1;urgent_issue;;Urgent 1;;" > f
	print "u2;urgent_issue;;Urgent 2;;" > f
	close(f)
	f = DIR "/users.csv"
	print "name;role" > f
	for (a = 1; a <= 10; a++) printf "assessor%d;medewerker\n", a > f
	close(f)
	f = DIR "/rounds.csv"
	print "id;title;scale_min;scale_max;blind" > f
	print "r1;Ronde 1;-2;2;ja" > f
	close(f)
	f = DIR "/items.csv"
	print "id;kind;title;description;domains;instrument;owner;year_adopted;status;areas;serves;" \
	      "budget_2022;budget_2023;budget_2024;budget_2025;budget_2026;fte_2022;fte_2023;fte_2024;fte_2025;fte_2026;" \
	      "source;source_note;field_sources" > f
	for (i = 1; i <= ITEMS; i++) {
		k = kinds[1 + int(rnd() * 5)]
		d1 = doms[1 + int(rnd() * 4)]; d2 = doms[1 + int(rnd() * 4)]
		dl = (d1 == d2) ? d1 : d1 "|" d2
		b = int(10000 + rnd() * 5000000)
		fte = int(rnd() * 200) / 10
		line = sprintf("item-%05d;%s;Item %d over %s;Een beschrijving van item %d, lang genoeg om op een echte omschrijving te lijken.;%s;uitvoering;Afdeling %d;%d;%s;WK0999%02d;h%d|g%d-%d",
			i, k, i, d1, i, dl, 1 + int(rnd() * 12), 1990 + int(rnd() * 35), stats[1 + int(rnd() * 4)],
			int(rnd() * 20), 1 + int(rnd() * 6), 1 + int(rnd() * 6), 1 + int(rnd() * 3))
		for (y = 0; y < 5; y++) line = line sprintf(";%d", b + y * 1000)
		for (y = 0; y < 5; y++) line = line sprintf(";%s", fte)
		print line ";illustrative;benchmark;budget:illustrative|fte:illustrative" > f
	}
	close(f)
	f = DIR "/assessments.csv"
	print "round;assessor;item;criterion;score;rationale" > f
	split("h1 h2 h3 h4 h5 h6 p1 p2 u1 u2", crit, " ")
	for (i = 1; i <= 1000; i++)
		for (a = 1; a <= 10; a++)
			for (c = 1; c <= 10; c++) {
				s = int(rnd() * 6) - 2
				printf "r1;assessor%d;item-%05d;%s;%s;motivering %d\n", a, i * (ITEMS / 1000), crit[c],
				       (s > 2 ? "n.v.t." : s), c > f
			}
	close(f)
}
