"""test_places.py - the vision tree, the areas with their indicators and the
organisations in the browser (src/pages/vision.c, areas.c,
organisations.c): every route for every role, what partners and residents
may not see (also by URL), the content, the charts with their tables, 404s,
SQL metacharacters, stored script injection on every page that shows the
text, the organisation form's validation per field, its audit, and CSRF."""
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from steiger_http import ROLES, Server, expect, run, test  # noqa: E402

srv = Server()
_clients = {}


def client(role):
    """The logged-in client of role (one login per role), reading English:
    the texts checked are then the program's own (msgids), not the
    catalogue's; Dutch number formats are checked with ?lang=nl."""
    if role not in _clients:
        _clients[role] = srv.client(role)
        _clients[role].get("/?lang=en")
    return _clients[role]


def q(s):
    """s as one path segment."""
    return urllib.parse.quote(s, safe="")


def count(sql):
    """The single number a query returns."""
    return list(srv.sql(sql)[0].values())[0]


def errors(r):
    """The fields with an error message in a form page."""
    return [f for f in re.findall(r'id="error-([a-z_]+)"', r.body) if f != "summary"]


READ_ROUTES = ["/vision", "/vision/hl-thuis", "/vision/wijken-van-de-toekomst", "/areas", "/areas/WK063701",
               "/areas/GM0637", "/organisations", "/organisations?type=corporatie&sort=items&dir=desc",
               "/organisations/woningcorporatie-a"]
EDIT_ROUTES = ["/organisations/new", "/organisations/stadsbouwakkoord/edit"]
EDITORS = ["beheerder", "medewerker"]
INTERNAL = ["beheerder", "medewerker", "bestuur", "raad"]
PUBLIC_ROLES = ["partner", "inwoner"]
PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
ESCAPED = ["&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"]
META = ["' OR '1'='1", "'; DROP TABLE organisation; --", "%", "_", "\\", '"', "x' UNION SELECT 1 --"]


@test("every read route answers 200 to every role, with its section current in the navigation")
def _():
    for role in ROLES:
        for path in READ_ROUTES:
            r = client(role).get(path)
            expect(r.status == 200, r)
            section = path.split("/")[1].split("?")[0]
            expect(re.search(r'href="/%s" aria-current="page"' % section, r.body), (role, path))


@test("without a login every route sends the browser to the login page")
def _():
    for path in READ_ROUTES + EDIT_ROUTES:
        r = srv.client().get(path)
        expect(r.status == 303 and r.header("location").startswith("/login?next="), r)
    c = srv.client()
    c.get("/login")
    for path in ["/organisations", "/organisations/stadsbouwakkoord"]:
        r = c.post(path, {"id": "anon", "name": "Anon", "type": "overig"}, csrf="0" * 64)
        expect(r.status == 303 and r.header("location").startswith("/login"), r)
    expect(count("SELECT count(*) AS n FROM organisation WHERE id = 'anon'") == 0)


@test("the edit forms are for beheerder and medewerker; the other roles get 403, also on POST")
def _():
    before = count("SELECT count(*) AS n FROM audit_log")
    for role in ROLES:
        for path in EDIT_ROUTES:
            r = client(role).get(path)
            expect(r.status == (200 if role in EDITORS else 403), (role, r))
        if role in EDITORS:
            continue
        c = client(role)
        c.get("/organisations")
        r = c.post("/organisations", {"id": "door-" + role, "name": "X", "type": "overig"})
        expect(r.status == 403, r)
        r = c.post("/organisations/stadsbouwakkoord", {"name": "Overgenomen", "type": "netwerk"})
        expect(r.status == 403, r)
    expect(count("SELECT count(*) AS n FROM audit_log") == before, "a refused POST wrote something")
    expect(count("SELECT count(*) AS n FROM organisation WHERE name = 'Overgenomen' OR id LIKE 'door-%'") == 0)


@test("links to editing show only for those who may edit")
def _():
    for role in ROLES:
        r = client(role).get("/organisations/stadsbouwakkoord")
        expect(('href="/organisations/stadsbouwakkoord/edit"' in r.body) == (role in EDITORS), role)
        r = client(role).get("/organisations")
        expect(('href="/organisations/new"' in r.body) == (role in EDITORS), role)


@test("contact persons, partner details and contracts show for internal roles only, whatever the URL says")
def _():
    secret = ["corporatie-a@example.org", "Contactpersoon corporatie A", "afnemer sociale huurwoningen",
              "Bereid tot schuifruimte", "Samenwerkingsafspraken wijkaanpak Meerzicht"]
    for role in ROLES:
        for path in ["/organisations/woningcorporatie-a", "/organisations/woningcorporatie-a?internal=1&contacts=1",
                     "/organisations/woningcorporatie-a/", "/organisations/woningcorporatie-a/edit"]:
            r = client(role).get(path)
            if path.endswith("/edit") or path.endswith("/"):
                expect(r.status in (403, 404) or role in EDITORS, (role, r))
                if role not in EDITORS:
                    expect(not any(s in r.body for s in secret), (role, path))
                continue
            expect(r.status == 200, r)
            for s in secret:
                expect((s in r.body) == (role in INTERNAL), (role, path, s))
            # the items it is a partner in are public, without the details
            expect('href="/items/de-entree"' in r.body, role)
            expect(("Willingness to change (1-5)" in r.body) == (role in INTERNAL), role)


@test("archived items show only for internal roles: on the vision, area and organisation pages")
def _():
    srv.steiger("set", "wijkaanpak-meerzicht", "archived", "true")
    try:
        for role in ROLES:
            for path in ["/vision/hl-mozaiek", "/vision/wijken-van-de-toekomst", "/areas/WK063701",
                         "/organisations/woningcorporatie-a"]:
                r = client(role).get(path)
                expect(r.status == 200, r)
                shown = 'href="/items/wijkaanpak-meerzicht"' in r.body
                expect(shown == (role in INTERNAL), (role, path))
                if shown:
                    expect(re.search(r'wijkaanpak-meerzicht">Wijkaanpak Meerzicht</a> \(archived\)', r.body),
                           (role, path))
            # the count of items a partner is in leaves it out too
            r = client(role).get("/organisations?q=Woningcorporatie+A")
            cells = re.findall(r'<td class="utrecht-table__cell utrecht-table__cell--numeric">(\d+)</td>', r.body)
            expect(cells and cells[0] == ("3" if role in INTERNAL else "2"), (role, cells))
    finally:
        srv.steiger("set", "wijkaanpak-meerzicht", "archived", "false")


@test("the vision shows the tree with a known main line, its goals and the sums of the items serving them")
def _():
    r = client("inwoner").get("/vision")
    expect('<a class="utrecht-link" href="/vision/hl-thuis">Zoetermeer is mijn thuis</a>' in r.body, r)
    # the goals are nested in the main line's list item
    m = re.search(r'href="/vision/hl-thuis">.*?</li>\n</ul>', r.body, re.S)
    expect(m and 'href="/vision/doel-passende-woningen"' in m.group(0), "goal not nested under its main line")
    expect("Pillars" in r.body and 'href="/vision/wijken-van-de-toekomst"' in r.body)
    # the sums agree with the overview of `steiger status`
    year = re.search(r"Budget and fte are those of the year (\d{4})", r.body).group(1)
    n = count("SELECT count(DISTINCT s.item_id) AS n FROM item_serves s JOIN item i ON i.id = s.item_id"
              " JOIN vision_element v ON v.id = s.element_id WHERE i.archived = 0"
              " AND (v.id = 'hl-thuis' OR v.parent_id = 'hl-thuis')")
    expect(re.search(r'href="/vision/hl-thuis">Zoetermeer is mijn thuis</a> <span class="steiger-status">\(to be confirmed by the '
                     r'municipality\)</span> '
                     r'\u2014 <span class="steiger-sum">items: %d, budget \u20ac' % n, r.body), (n, year))
    h = client("inwoner").get("/")
    expect(re.search(r'href="/vision/hl-thuis">Zoetermeer is mijn thuis</a></th><td[^>]*>%d</td>' % n, h.body),
           "the overview counts differently")


@test("a vision element shows its text, parent, children, areas, totals and the items that serve it")
def _():
    r = client("partner").get("/vision/hl-thuis")
    expect("<h1 class=\"utrecht-heading-1\">Zoetermeer is mijn thuis" in r.body, r)
    expect("Inwoners voelen zich thuis in Zoetermeer" in r.body)
    expect('href="/vision/zoetermeer-2040"' in r.body and "Below this element" in r.body)
    expect('href="/vision/doel-passende-woningen"' in r.body)
    expect("Totals" in r.body and "Items that serve it" in r.body)
    expect(re.search(r'<th class="utrecht-table__cell" scope="row"><a class="utrecht-link" href="/items/', r.body))
    p = client("partner").get("/vision/wijken-van-de-toekomst")
    order = [p.body.find('href="/areas/%s"' % c) for c in ("WK063701", "WK063702", "WK063703")]
    expect(all(i > 0 for i in order) and order == sorted(order), "the pillar's areas in order of approach")
    g = client("partner").get("/vision/doel-werk-inkomen")
    expect("Werkloosheid" in g.body and "Indicators" in g.body, "a goal shows its indicators")


@test("the areas page has a table per level with CBS figures in Dutch number format, marked by source")
def _():
    r = client("inwoner").get("/areas")
    for heading in ("Municipality", "Districts", "Development areas"):
        expect('<h2 class="utrecht-heading-2">%s</h2>' % heading, heading)
    expect('href="/areas/WK063701">Meerzicht</a>' in r.body, r)
    # inwoners of Meerzicht (CBS 2024): 15915, in Dutch 15.915, without the illustrative mark
    expect(re.search(r"Aantal inwoners \(personen\) 2024, CBS</th>", r.body), "the CBS source in the row heading")
    expect(">15,915</td>" in r.body, "the CBS value in English format")
    # an illustrative value carries the mark (and text for screen readers)
    expect(re.search(r'>44<span class="steiger-illustrative" title="illustrative" aria-hidden="true">\*</span>'
                     r'<span class="visually-hidden"> \(illustrative\)</span></td>', r.body), "illustrative mark")
    expect("Figures marked * are illustrative" in r.body and "Statistics Netherlands" in r.body)
    # Dutch, the default language, writes 15.915
    n = client("inwoner").get("/areas?lang=nl")
    expect('<html lang="nl"' in n.body and ">15.915</td>" in n.body and ">15,915</td>" not in n.body, "Dutch format")
    d = srv.client("inwoner").get("/areas")
    expect(">15.915</td>" in d.body, "Dutch by default")
    client("inwoner").get("/areas?lang=en")


@test("the areas page has a heat map of the indicators over the wijken (role=img) with its table, saying how")
def _():
    r = client("partner").get("/areas")
    m = re.search(r'<div class="steiger-chart steiger-chart--heatmap">(.*?)</div>', r.body, re.S)
    expect(m, "no heat map")
    chart = m.group(1)
    expect(re.search(r'<svg [^>]*role="img"', chart) and "<title" in chart and "<desc" in chart, chart[:500])
    expect('<table class="steiger-chart-table">' in chart and "<caption>" in chart)
    expect("0 = lowest district, 100 = highest district" in chart, "the normalisation is named")
    expect("0 is the district with the lowest value" in r.body, "and explained")
    # Meerzicht has the highest share of social housing among the wijken: 100
    expect(re.search(r'Aandeel sociale huurwoningen \(corporatiebezit\) \* \(2024\)</th><td class="steiger-chart-num">76</td>'
                     r'<td class="steiger-chart-num">100</td>',
                     chart), "the normalised value")


@test("an area page shows its indicators beside the municipality, its pillar, sub-areas and items")
def _():
    r = client("inwoner").get("/areas/WK063701")
    expect("<h1 class=\"utrecht-heading-1\">Meerzicht" in r.body, r)
    expect(re.search(r"Aantal inwoners</th>.*?>15,915</td>.*?>128,434</td>.*?>CBS</td>", r.body, re.S),
           "value beside the municipality")
    expect('href="/vision/wijken-van-de-toekomst">Wijken van de toekomst</a>' in r.body, "pillar")
    expect('href="/items/wijkaanpak-meerzicht"' in r.body, "items in it")
    expect('href="/areas/GM0637"' in r.body, "part of")
    g = client("inwoner").get("/areas/GM0637")
    expect('href="/areas/WK063701"' in g.body and "Areas within it" in g.body, "sub-areas")


@test("with figures of several years an area page has a line chart (role=img) with its table")
def _():
    r = client("raad").get("/areas/WK063702")
    expect("steiger-chart--line" not in r.body, "a line chart with one year")
    path = os.path.join(srv.dir, "indicator_values.csv")
    with open(path, "w") as f:
        f.write("indicator;area;year;value;source\ninwoners;WK063702;2022;19500;cbs\ninwoners;WK063702;2023;19800;cbs\n"
                "inwoners;GM0637;2023;127000;cbs\n")
    srv.steiger("import", path)
    r = client("raad").get("/areas/WK063702")
    m = re.search(r'<div class="steiger-chart steiger-chart--line">(.*?)</div>', r.body, re.S)
    expect(m, r)
    expect(re.search(r'<svg [^>]*role="img"', m.group(1)) and '<table class="steiger-chart-table">' in m.group(1))
    expect("19,800" in m.group(1) and "127,000" in m.group(1), "both series in the table")


@test("the organisations list filters by type, searches by name and sorts, also by column heading")
def _():
    c = client("partner")
    r = c.get("/organisations")
    expect('href="/organisations/woningcorporatie-a">Woningcorporatie A (voorbeeld)</a>' in r.body, r)
    names = re.findall(r'href="/organisations/([a-z0-9-]+)">', r.body)
    r = c.get("/organisations?type=corporatie")
    found = re.findall(r'scope="row"><a class="utrecht-link" href="/organisations/([a-z0-9-]+)"', r.body)
    expect(sorted(found) == ["woningcorporatie-a", "woningcorporatie-b"], found)
    r = c.get("/organisations?q=ZORG")
    found = re.findall(r'scope="row"><a class="utrecht-link" href="/organisations/([a-z0-9-]+)"', r.body)
    expect(found == ["zoetermeer-2025", "zorgaanbieder-wijkzorg"] or found == ["zorgaanbieder-wijkzorg"], found)
    expect(all("zorg" in count("SELECT lower(name) AS n FROM organisation WHERE id = '%s'" % i) for i in found))
    r = c.get("/organisations?sort=name&dir=desc")
    desc = re.findall(r'scope="row"><a class="utrecht-link" href="/organisations/([a-z0-9-]+)"', r.body)
    r = c.get("/organisations?sort=name")
    asc = re.findall(r'scope="row"><a class="utrecht-link" href="/organisations/([a-z0-9-]+)"', r.body)
    expect(len(asc) == 30 and asc == list(reversed(desc)), (asc, desc))
    expect('aria-sort="ascending"' in r.body, "the sorted column says so")
    r = c.get("/organisations?sort=items&dir=desc")
    first = re.findall(r'scope="row"><a class="utrecht-link" href="/organisations/([a-z0-9-]+)"', r.body)[0]
    most = srv.sql("SELECT organisation_id AS o, count(*) AS n FROM item_partner p JOIN item i ON i.id = p.item_id"
                   " WHERE i.archived = 0 GROUP BY o ORDER BY n DESC LIMIT 1")[0]["o"]
    expect(first == most, (first, most))
    expect('href="/organisations?q=&amp;type=&amp;sort=items&amp;dir=asc"' in r.body, "heading link turns round")
    expect(names, "no organisations")


@test("unknown ids give 404, for every role")
def _():
    for role in ("medewerker", "inwoner"):
        for path in ["/vision/bestaat-niet", "/areas/WK999999", "/organisations/bestaat-niet"]:
            r = client(role).get(path)
            expect(r.status == 404, r)
    c = client("medewerker")
    expect(c.get("/organisations/bestaat-niet/edit").status == 404)
    c.get("/organisations")
    r = c.post("/organisations/bestaat-niet", {"name": "X", "type": "overig"})
    expect(r.status == 404, r)
    expect(count("SELECT count(*) AS n FROM organisation WHERE id = 'bestaat-niet'") == 0)


@test("SQL metacharacters in every parameter do no harm")
def _():
    orgs = count("SELECT count(*) AS n FROM organisation")
    c = client("medewerker")
    for m in META:
        for path in ["/vision/" + q(m), "/areas/" + q(m), "/organisations/" + q(m), "/organisations/" + q(m) + "/edit"]:
            r = c.get(path)
            expect(r.status == 404, r)
        qs = urllib.parse.urlencode({"q": m, "type": m, "sort": m, "dir": m})
        r = c.get("/organisations?" + qs)
        expect(r.status == 200, r)
        expect("Organisations found: 0" in r.body, (m, r))
        r = c.post("/organisations", {"id": m, "name": m, "type": m, "website": m, "description": m, "members": m})
        expect(r.status == 422 and "id" in errors(r), r)
        r = c.post("/organisations/" + q(m), {"name": m, "type": "overig"})
        expect(r.status == 404, r)
        r = c.post("/organisations/stadsbouwakkoord", {"name": "Stadsbouwakkoord", "type": m, "members": m})
        expect(r.status == 422 and "type" in errors(r), r)
    # a name with metacharacters is stored as text and found as text
    r = c.post("/organisations", {"id": "meta-org", "name": "O'Brien 100% _x_ \\ \"q\"", "type": "overig"})
    expect(r.status == 303, r)
    r = c.get("/organisations?q=" + q("100%"))
    expect("Organisations found: 1" in r.body and "O&#39;Brien 100% _x_ \\ &quot;q&quot;" in r.body, r)
    expect(count("SELECT count(*) AS n FROM organisation") == orgs + 1)
    expect(srv.sql("SELECT name FROM organisation WHERE id = 'meta-org'")[0]["name"] == "O'Brien 100% _x_ \\ \"q\"")


@test("the organisation form: each wrong field gets its error (422), the typed values stay, nothing is written")
def _():
    c = client("medewerker")
    c.get("/organisations/new")
    orgs = count("SELECT count(*) AS n FROM organisation")
    audits = count("SELECT count(*) AS n FROM audit_log")
    good = {"id": "nieuwe-partner", "name": "Nieuwe partner", "type": "zorg", "description": "Omschrijving",
            "website": "https://example.org", "members": ""}
    cases = [({"id": "Geen Id!"}, "id"), ({"id": ""}, "id"), ({"id": "woningcorporatie-a"}, "id"),
             ({"name": ""}, "name"), ({"type": "kapper"}, "type"), ({"type": ""}, "type"),
             ({"website": "w" * 301}, "website"), ({"description": "d" * 20001}, "description"),
             ({"members": "bestaat-niet"}, "members")]
    for change, field in cases:
        fields = dict(good, **change)
        r = c.post("/organisations", fields)
        expect(r.status == 422, (change, r))
        expect(errors(r) == [field], (change, errors(r)))
        expect('role="alert"' in r.body and 'href="#field-%s"' % field in r.body, "error summary")
        expect('aria-invalid="true"' in r.body or field == "members", "the field is marked invalid")
        expect('value="Nieuwe partner"' in r.body or field == "name", "typed name kept")
        expect('<option value="zorg" selected>' in r.body or field == "type", "typed type kept")
        expect(">Omschrijving</textarea>" in r.body or field == "description", "typed description kept")
    # all errors at once
    r = c.post("/organisations", {"id": "x y", "name": "", "type": "kapper", "website": "w" * 301})
    expect(r.status == 422 and sorted(errors(r)) == ["id", "name", "type", "website"], errors(r))
    # editing: an empty name is refused and the stored one stays
    r = c.post("/organisations/woningcorporatie-b", {"name": "", "type": "corporatie"})
    expect(r.status == 422 and errors(r) == ["name"], r)
    expect(count("SELECT name AS n FROM organisation WHERE id = 'woningcorporatie-b'") == "Woningcorporatie B (voorbeeld)")
    expect(count("SELECT count(*) AS n FROM organisation") == orgs, "something was written")
    expect(count("SELECT count(*) AS n FROM audit_log") == audits, "something was audited")


@test("creating and editing an organisation: 303 to it, the change shown and audited with the user as actor")
def _():
    c = client("medewerker")
    c.get("/organisations/new")
    r = c.post("/organisations", [("id", "buurtkracht"), ("name", "Buurtkracht"), ("type", "bewonersorganisatie"),
                                  ("description", "Bewoners van Meerzicht"), ("website", "https://buurtkracht.example"),
                                  ("members", "welzijnsorganisatie"), ("members", "gemeente-zoetermeer")])
    expect(r.status == 303 and r.header("location") == "/organisations/buurtkracht", r)
    a = srv.sql("SELECT actor, action, after FROM audit_log WHERE tbl = 'organisation' AND record = 'buurtkracht'")
    expect(len(a) == 1 and a[0]["actor"] == "medewerker" and a[0]["action"] == "insert", a)
    expect('"members": ["welzijnsorganisatie", "gemeente-zoetermeer"]' in a[0]["after"], a)
    r = c.get("/organisations/buurtkracht")
    expect("<h1 class=\"utrecht-heading-1\">Buurtkracht</h1>" in r.body and "Bewoners van Meerzicht" in r.body, r)
    expect('<a class="utrecht-link" href="https://buurtkracht.example" rel="noopener noreferrer">' in r.body)
    expect('href="/organisations/welzijnsorganisatie"' in r.body, "members listed")
    # the edit form shows the stored values; editing as another editor
    b = client("beheerder")
    r = b.get("/organisations/buurtkracht/edit")
    expect('value="Buurtkracht"' in r.body and 'id="field-members-welzijnsorganisatie" name="members" '
           'value="welzijnsorganisatie" checked' in r.body, r)
    r = b.post("/organisations/buurtkracht", {"name": "Buurtkracht Meerzicht", "type": "bewonersorganisatie",
                                              "description": "Bewoners van Meerzicht", "website": "",
                                              "members": "welzijnsorganisatie"})
    expect(r.status == 303 and r.header("location") == "/organisations/buurtkracht", r)
    a = srv.sql("SELECT actor, action, before, after FROM audit_log WHERE tbl = 'organisation'"
                " AND record = 'buurtkracht' ORDER BY id")
    expect(len(a) == 2 and a[1]["actor"] == "beheerder" and a[1]["action"] == "update", a)
    expect('"name": "Buurtkracht"' in a[1]["before"] and '"name": "Buurtkracht Meerzicht"' in a[1]["after"], a)
    r = b.get("/organisations/buurtkracht")
    expect("Buurtkracht Meerzicht" in r.body and "buurtkracht.example" not in r.body, r)
    expect(srv.sql("SELECT source FROM value_source WHERE entity = 'organisation' AND entity_id = 'buurtkracht'"
                   " AND field = 'name'") == [{"source": "manual"}], "the changed field is entered by hand")


@test("a POST without the CSRF token, with a wrong one or from another site is refused and writes nothing")
def _():
    c = client("medewerker")
    c.get("/organisations")
    audits = count("SELECT count(*) AS n FROM audit_log")
    for kw in ({"csrf": False}, {"csrf": "0" * 64}, {"origin": "http://evil.example"}):
        r = c.post("/organisations", {"id": "csrf-org", "name": "X", "type": "overig"}, **kw)
        expect(r.status == 403, (kw, r))
        r = c.post("/organisations/stadsbouwakkoord", {"name": "Gekaapt", "type": "netwerk"}, **kw)
        expect(r.status == 403, (kw, r))
    expect(count("SELECT count(*) AS n FROM audit_log") == audits)
    expect(count("SELECT count(*) AS n FROM organisation WHERE id = 'csrf-org' OR name = 'Gekaapt'") == 0)


def expect_escaped(r, where):
    """The payloads appear in r only escaped."""
    expect(r.status == 200, r)
    for p in PAYLOADS:
        expect(p not in r.body, "%s: raw %r" % (where, p))
    expect("<script>alert" not in r.body and "<img src=x" not in r.body, where)


@test("script stored in every text field of an organisation (via the form) renders escaped on every page")
def _():
    c = client("medewerker")
    c.get("/organisations/new")
    r = c.post("/organisations", {"id": "xss-org", "name": PAYLOADS[0], "type": "overig", "description": PAYLOADS[1],
                                  "website": PAYLOADS[1]})
    expect(r.status == 303, r)
    r = c.post("/organisations", {"id": "xss-org2", "name": PAYLOADS[1], "type": "overig",
                                  "description": PAYLOADS[0], "website": "javascript:alert(1)"})
    expect(r.status == 303, r)
    # members of a network, so that the names show on its page and in the form
    r = c.post("/organisations/stadsbouwakkoord", [("name", "Stadsbouwakkoord"), ("type", "netwerk"),
                                                   ("members", "xss-org"), ("members", "xss-org2")])
    expect(r.status == 303, r)
    pages = ["/organisations", "/organisations/xss-org", "/organisations/xss-org2", "/organisations/xss-org/edit",
             "/organisations/stadsbouwakkoord", "/organisations/stadsbouwakkoord/edit", "/organisations/new",
             "/organisations?q=" + q(PAYLOADS[0]), "/organisations?q=" + q(PAYLOADS[1]) + "&type=" + q(PAYLOADS[1])]
    for role in ("medewerker", "partner"):
        for path in pages:
            r = client(role).get(path)
            if role == "partner" and path.endswith(("/edit", "/new")):
                continue
            expect_escaped(r, (role, path))
    r = client("partner").get("/organisations/xss-org")
    expect(ESCAPED[0] in r.body and ESCAPED[1] in r.body, "escaped text shown")
    r = client("partner").get("/organisations/xss-org2")
    expect('href="javascript:' not in r.body and "javascript:alert(1)" in r.body, "a javascript: site is not a link")
    # typed into a failing form, the payload comes back escaped too
    r = c.post("/organisations", {"id": "xss-fail", "name": PAYLOADS[1], "type": "kapper",
                                  "description": PAYLOADS[0], "website": PAYLOADS[1], "members": PAYLOADS[0]})
    expect(r.status == 422, r)
    expect(PAYLOADS[0] not in r.body and PAYLOADS[1] not in r.body and "<img src=x" not in r.body, r.body)


@test("script stored in the text fields of an area, a vision element and an indicator renders escaped everywhere")
def _():
    srv.steiger("set", "WK063703", "name", PAYLOADS[0])
    srv.steiger("set", "OG-ENTREE", "name", PAYLOADS[1])
    srv.steiger("set", "WK063703", "source_note", PAYLOADS[1])
    srv.steiger("set", "hl-groen", "title", PAYLOADS[1])
    srv.steiger("set", "hl-groen", "description", PAYLOADS[0])
    srv.steiger("set", "hl-groen", "source_note", PAYLOADS[1])
    srv.steiger("set", "doel-groen-dichtbij", "title", PAYLOADS[0])
    srv.steiger("set", "wijken-van-de-toekomst", "description", PAYLOADS[1])
    srv.steiger("set", "--register", "indicators", "werkloosheid", "title", PAYLOADS[0])
    srv.steiger("set", "--register", "indicators", "werkloosheid", "unit", PAYLOADS[1])
    srv.steiger("set", "--register", "indicators", "groen-per-inwoner", "title", PAYLOADS[1])
    pages = ["/vision", "/vision/hl-groen", "/vision/doel-groen-dichtbij", "/vision/doel-werk-inkomen",
             "/vision/doel-groen-dichtbij", "/vision/wijken-van-de-toekomst", "/vision/zoetermeer-2040",
             "/areas", "/areas/WK063703", "/areas/WK063702", "/areas/OG-ENTREE", "/areas/WK063701", "/areas/GM0637",
             "/", "/vision/" + q(PAYLOADS[0]), "/areas/" + q(PAYLOADS[1])]
    for role in ("raad", "inwoner"):
        for path in pages:
            r = client(role).get(path)
            if path.startswith(("/vision/%3C", "/areas/%22")):
                expect(r.status == 404, r)
                for p in PAYLOADS:
                    expect(p not in r.body, path)
                continue
            expect_escaped(r, (role, path))
    r = client("inwoner").get("/areas")
    expect(ESCAPED[0] in r.body and ESCAPED[1] in r.body, "escaped text shown")
    r = client("inwoner").get("/vision/hl-groen")
    expect(ESCAPED[0] in r.body and ESCAPED[1] in r.body, "escaped text shown")


def kind_state_table(body):
    """The rows of the overview's table of items by kind and state:
    {kind label: [planned, active, completed, stopped, total]}."""
    i = body.index('id="steiger-chart-items-by-kind-and-state-title"')
    table = body[body.index('<table class="steiger-chart-table">', i):]
    table = table[:table.index("</table>")]
    return {m.group(1): [int(v) for v in re.findall(r'<td class="steiger-chart-num">(\d+)</td>', m.group(2))]
            for m in re.finditer(r'<tr><th scope="row">([^<]+)</th>(.*?)</tr>', table)}


@test("the overview counts the items by kind and state as the database has them, and follows a change")
def _():
    states = ["planned", "active", "completed", "stopped"]
    labels = {"policy": "policy document", "programme": "programme", "project": "project",
              "regulation": "regulation", "action": "action"}

    def expected():
        rows = srv.sql("SELECT kind, status, count(*) AS n FROM item WHERE archived = 0 GROUP BY 1, 2")
        want = {}
        for row in rows:
            counts = want.setdefault(labels[row["kind"]], [0] * 5)
            counts[states.index(row["status"])] += row["n"]
            counts[4] += row["n"]
        return want

    r = client("raad").get("/")
    expect('aria-labelledby="steiger-chart-items-by-kind-and-state-title' in r.body, "the chart is an image")
    got = kind_state_table(r.body)
    expect(got == expected() and got["programme"][0] > 0, (got, expected()))
    item = srv.sql("SELECT id FROM item WHERE kind = 'programme' AND status = 'planned' LIMIT 1")[0]["id"]
    srv.steiger("set", item, "status", "stopped")
    got2 = kind_state_table(client("raad").get("/").body)
    expect(got2 == expected(), (got2, expected()))
    expect(got2["programme"][0] == got["programme"][0] - 1 and got2["programme"][3] == got["programme"][3] + 1,
           (got, got2))


run(srv)
