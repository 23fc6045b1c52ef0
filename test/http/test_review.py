"""test_review.py - the review dashboard (src/pages/review.c, GET /review)
and the review in the API (src/api/review.c, GET /api/v1/review) over a
small crafted round in the example database: who may see them, the empty
state, the heat map with its table, known figures in Dutch, gaps and blind
spots, the contested order, merge reasons, escaping of a stored script,
SQL metacharacters in ?round, the API equal to `steiger review --json`,
problem+json on a bad round or year, and a blind round that is still open.

The round r-web (scale -2..2, assessors anna, bert, cor; all main lines
weigh the same):
  rv-groen-a  hl-groen 2, 2, 2; hl-thuis 1, 1; wijken-van-de-toekomst 1, 0
              budget 1 M, 2 fte: alignment (2 + 1) / 4 = 0.75, per M 0.75,
              per fte 0.375
  rv-groen-b  the same scores, budget 0.5 M, 1 fte: per M 1.5, per fte 0.75
  rv-script   hl-thuis -2, 2; hl-groen 0, 0: the most contested
  woningbouwagenda-zoetermeer  hl-thuis 2, 1, 2; hl-groen n.v.t.:
              alignment (5/3) / 4 = 0.42
The two groen items are merge candidates (same domain, profile and words);
wijken-van-de-toekomst is a gap (0.25 weighted against 1 for the other
pillar), the main lines no item helps are blind spots."""
import json
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from steiger_http import REPO, ROLES, Server, expect, run, test  # noqa: E402

INTERNAL = ["beheerder", "medewerker", "bestuur", "raad"]
PUBLIC_ROLES = ["partner", "inwoner"]
META = ["' OR '1'='1", "'; DROP TABLE assessment; --", "%", "_", "\\", '"', "x' UNION SELECT 1 --"]

FILES = {
    "items.csv": """id;kind;title;description;domains;budget_2026;fte_2026
rv-script;project;<script>alert(1)</script> Toets;Een toets van de pagina;sociaal;0;0
rv-groen-a;project;Groene schoolpleinen Buytenwegh;Meer bomen en groen op de schoolpleinen in Buytenwegh;fysiek;1000000;2
rv-groen-b;project;Groene schoolpleinen Seghwaert;Meer bomen en groen op de schoolpleinen in Seghwaert;fysiek;500000;1
""",
    "users.csv": "name;role\nanna;medewerker\nbert;medewerker\ncor;medewerker\n",
    "rounds.csv": "id;title;scale_min;scale_max;blind\nr-web;Ronde web;-2;2;nee\n",
    "assessments.csv": """round;assessor;item;criterion;score
r-web;anna;rv-script;hl-thuis;-2
r-web;bert;rv-script;hl-thuis;2
r-web;anna;rv-script;hl-groen;0
r-web;bert;rv-script;hl-groen;0
r-web;anna;rv-groen-a;hl-groen;2
r-web;bert;rv-groen-a;hl-groen;2
r-web;cor;rv-groen-a;hl-groen;2
r-web;anna;rv-groen-a;hl-thuis;1
r-web;bert;rv-groen-a;hl-thuis;1
r-web;anna;rv-groen-b;hl-groen;2
r-web;bert;rv-groen-b;hl-groen;2
r-web;cor;rv-groen-b;hl-groen;2
r-web;anna;rv-groen-b;hl-thuis;1
r-web;bert;rv-groen-b;hl-thuis;1
r-web;anna;rv-groen-a;wijken-van-de-toekomst;1
r-web;bert;rv-groen-a;wijken-van-de-toekomst;0
r-web;anna;woningbouwagenda-zoetermeer;hl-thuis;2
r-web;bert;woningbouwagenda-zoetermeer;hl-thuis;1
r-web;cor;woningbouwagenda-zoetermeer;hl-thuis;2
r-web;anna;woningbouwagenda-zoetermeer;hl-groen;n.v.t.
r-web;anna;woningbouwagenda-zoetermeer;woningbouw-als-katalysator;2
r-web;bert;woningbouwagenda-zoetermeer;woningbouw-als-katalysator;2
""",
}

srv = Server()
_clients = {}


def client(role, lang="en"):
    """The logged-in client of role reading lang (one login per role and
    language)."""
    key = (role, lang)
    if key not in _clients:
        _clients[key] = srv.client(role)
        _clients[key].get("/?lang=" + lang)
    return _clients[key]


def write_files(files, sub):
    """Write files (name -> text) into a directory sub of the server's; the
    paths in the order given."""
    d = os.path.join(srv.dir, sub)
    os.makedirs(d, exist_ok=True)
    paths = []
    for name, text in files.items():
        paths.append(os.path.join(d, name))
        with open(paths[-1], "w") as f:
            f.write(text)
    return paths


def api(role, path):
    """GET path of the API as role (session), asking for JSON."""
    return client(role).get(path, headers={"Accept": "application/json"})


def between(body, start, end):
    """The part of body from start up to end (both texts must be there)."""
    i = body.index(start)
    return body[i:body.index(end, i)]


@test("before any round: every internal role sees the empty state that says what a round is and how to import one")
def _():
    # A database of its own, without the example, so that an example round
    # (should the example get one) does not hide the empty state.
    empty = Server(example=False)
    try:
        for role in INTERNAL:
            c = empty.client(role)
            r = c.get("/review?lang=en")
            expect(r.status == 200, r)
            expect("There is no assessment round yet." in r.body, r)
            expect("steiger import rounds.csv assessments.csv" in r.body, r)
            expect('href="/review"' in c.get("/?lang=en").body, (role, "no link to /review on the home page"))
        r = c.get("/review?lang=nl")
        expect("Er is nog geen beoordelingsronde." in r.body, r)
        r = c.get("/api/v1/review", headers={"Accept": "application/json"})
        expect(r.status == 404 and r.header("content-type").startswith("application/problem+json"), r)
    finally:
        empty.stop()


@test("setup: import the crafted round")
def _():
    srv.steiger("import", *write_files(FILES, "round"))
    expect(srv.sql("SELECT count(*) AS n FROM assessment WHERE round_id = 'r-web'")[0]["n"] == 22)


@test("the internal roles see the review; partner and inwoner get 403, anonymous goes to the login page")
def _():
    for role in INTERNAL:
        r = client(role).get("/review")
        expect(r.status == 200 and "Ronde web" in r.body, r)
        expect(api(role, "/api/v1/review").status == 200, role)
    for role in PUBLIC_ROLES:
        expect(client(role).get("/review").status == 403, role)
        expect(api(role, "/api/v1/review").status == 403, role)
        expect('href="/review"' not in client(role).get("/").body, role)
    r = srv.client().get("/review")
    expect(r.status == 303 and r.header("location").startswith("/login?next="), r)
    r = srv.client().get("/api/v1/review", headers={"Accept": "application/json"})
    expect(r.status == 401, r)


@test("the heading names the round, its status, assessors and number of scores")
def _():
    r = client("medewerker").get("/review?year=2026")
    expect("Round r-web, open. 3 assessors gave 22 scores. Budget and fte of 2026." in r.body, r)
    expect("anna, bert, cor" in r.body, r)


@test("the heat map is one role=img SVG with its table, only items with scores, missing cells as missing")
def _():
    r = client("medewerker").get("/review?year=2026")
    block = between(r.body, 'class="steiger-chart steiger-chart--heatmap"', "</table>")
    expect('role="img"' in block and "<svg" in block, block[:500])
    expect('<table class="steiger-chart-table"' in block, block[:500])
    expect("Groene schoolpleinen Buytenwegh" in block and "Woningbouwagenda Zoetermeer" in block, block[:500])
    expect("Woonvisie Zoetermeer 2015" not in block, "an item without scores is in the heat map")
    expect("no value" in block, "missing cells are not marked as missing")


@test("known figures in Dutch number format: alignment, standard error, per million euro, per fte, alpha")
def _():
    r = client("medewerker", "nl").get("/review?year=2026")
    expect(r.status == 200, r)
    table = between(r.body, "Afstemming per item", "</table>")
    rows = table.split("<tr")
    a = [x for x in rows if "Groene schoolpleinen Buytenwegh" in x][0]
    for v in ["0,75", "0,375", "\u00b1\u00a00,08"]:
        expect(v in a, (v, a))
    b = [x for x in rows if "Groene schoolpleinen Seghwaert" in x][0]
    expect(">1,5<" in b, b)
    w = [x for x in rows if "Woningbouwagenda" in x][0]
    expect("0,42" in w, w)
    expect(table.index("Buytenwegh") < table.index("Woningbouwagenda") < table.index("Toets"), table)
    cov = between(r.body, "Dekking per criterium", "</table>")
    expect("1,83" in cov and "€\u00a01.522.500" in cov, cov)


@test("coverage says gap and blind spot in words")
def _():
    r = client("medewerker").get("/review")
    cov = between(r.body, "Coverage per criterion", "</table>")
    rows = cov.split("<tr")
    gap = [x for x in rows if "Wijken van de toekomst" in x][0]
    expect("gap: little help" in gap, gap)
    blind = [x for x in rows if "Duurzame stad" in x][0]
    expect("blind spot: no item helps" in blind, blind)
    ok = [x for x in rows if "Zoetermeer is mijn thuis" in x][0]
    expect("gap" not in ok and "blind" not in ok, ok)


@test("the contested items come largest spread first, linked, with alpha per main line")
def _():
    r = client("medewerker").get("/review")
    t = between(r.body, "The most contested items", "</table>")
    order = [t.index(x) for x in ["/items/rv-script", "/items/woningbouwagenda-zoetermeer", "/items/rv-groen-a",
                                  "/items/rv-groen-b"]]
    expect(order == sorted(order), t)
    expect(">1.41<" in t, t)
    a = between(r.body, "Agreement between the assessors per main line", "</table>")
    row = [x for x in a.split("<tr") if "Groen karakter" in x][0]
    expect(">1<" in row, row)
    row = [x for x in a.split("<tr") if "Duurzame stad" in x][0]
    expect("\u2014" in row, row)


@test("merge candidates: the two groen items, linked, with their reasons")
def _():
    r = client("medewerker").get("/review")
    m = between(r.body, "Items that could be merged", "How well each item")
    expect('href="/items/rv-groen-a"' in m and 'href="/items/rv-groen-b"' in m, m)
    expect("scores alike 0.98" in m and "texts alike 0.72" in m, m)
    expect("both have: domain" in m and "schoolplein" in m, m)
    expect("rv-script" not in m, m)


@test("a <script> in an item title is escaped everywhere on the page")
def _():
    r = client("medewerker").get("/review")
    expect("<script>alert(1)</script>" not in r.body, "unescaped script")
    expect(r.body.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 3, r.body.count("&lt;script&gt;"))


@test("SQL metacharacters in ?round do no harm: 404, the scores stay")
def _():
    for m in META:
        r = client("medewerker").get("/review?round=" + urllib.parse.quote(m))
        expect(r.status == 404, r)
        r = api("medewerker", "/api/v1/review?round=" + urllib.parse.quote(m))
        expect(r.status == 404 and r.header("content-type").startswith("application/problem+json"), r)
    expect(srv.sql("SELECT count(*) AS n FROM assessment WHERE round_id = 'r-web'")[0]["n"] == 22)


@test("the API answers the same object as steiger review --json, for the default and a named round and year")
def _():
    for q, args in [("", []), ("?round=r-web&year=2026", ["--round", "r-web", "--year", "2026"]),
                    ("?year=2025", ["--year", "2025"])]:
        r = api("bestuur", "/api/v1/review" + q)
        expect(r.status == 200 and r.header("content-type").startswith("application/json"), r)
        want = json.loads(srv.steiger("review", "--json", *args).stdout)
        expect(r.json() == want, (q, r.body[:500]))
    expect(r.json()["contested"][0] == "rv-script", r.body[:300])


@test("the API: problem+json 404 on an unknown round, 400 on a bad year; the page 400 on a bad year")
def _():
    r = api("medewerker", "/api/v1/review?round=nope")
    expect(r.status == 404 and r.header("content-type").startswith("application/problem+json"), r)
    for y in ["20x6", "1700", "99999"]:
        r = api("medewerker", "/api/v1/review?year=" + y)
        expect(r.status == 400 and r.json()["invalid-params"][0]["name"] == "year", r)
        expect(client("medewerker").get("/review?year=" + y).status == 400, y)


@test("with several rounds a chooser lists them; a blind open round is for administrators only")
def _():
    files = {
        "rounds.csv": "id;title;scale_min;scale_max;blind\nr-blind;Blinde ronde;-2;2;ja\n",
        "assessments.csv": "round;assessor;item;criterion;score\nr-blind;anna;rv-groen-a;hl-groen;2\n",
    }
    srv.steiger("import", *write_files(files, "blind"))
    r = client("medewerker").get("/review?round=r-web")
    expect('<select class="utrecht-select utrecht-select--html-select" id="review-round" name="round">' in r.body, r)
    expect('<option value="r-web" selected>' in r.body and '<option value="r-blind">' in r.body, r)
    r = client("medewerker").get("/review?round=r-blind")
    expect(r.status == 200 and "blind and still open" in r.body and "steiger-chart" not in r.body, r)
    expect(api("medewerker", "/api/v1/review?round=r-blind").status == 403)
    r = client("beheerder").get("/review?round=r-blind")
    expect(r.status == 200 and "steiger-chart--heatmap" in r.body, r)
    expect(api("beheerder", "/api/v1/review?round=r-blind").status == 200)



@test("the API's review has exactly the fields its OpenAPI schemas name, at every level")
def _():
    schemas = json.load(open(os.path.join(REPO, "api", "openapi.json")))["components"]["schemas"]

    def check(obj, name):
        props, required = set(schemas[name]["properties"]), set(schemas[name].get("required", []))
        expect(set(obj) <= props and required <= set(obj), (name, sorted(set(obj) ^ props)))

    r = api("medewerker", "/api/v1/review?round=r-web")
    expect(r.status == 200, r)
    body = r.json()
    check(body, "Review")
    check(body["criteria"][0], "ReviewCriterion")
    check(body["items"][0], "ReviewItem")
    check(body["verdicts"][0], "ReviewVerdict")
    expect(body["merges"], "the crafted round has merge candidates")
    check(body["merges"][0], "ReviewMerge")
    check(body["merges"][0]["pairs"][0], "ReviewMergePair")

run(srv)
