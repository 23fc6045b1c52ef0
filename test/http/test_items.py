"""test_items.py - the registers of items in the browser (src/pages/items.c,
item_show.c, item_form.c): every route for every role, the object rule for
archived items, the list's filters, orders, search and pages, every kind of
validation error of the forms, what the writes put in the database and the
audit log, escaping of stored text on every page that shows it, CSRF, and
SQL metacharacters in every parameter.

The forms are filled in as a browser would: the fields of the form on the
page (inputs, check boxes that are ticked, selected options, text areas)
are sent back with the changes of the test."""
import html
import html.parser
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from steiger_http import ROLES, Server, expect, run, test  # noqa: E402

srv = Server()
_clients = {}

EDITORS = ["beheerder", "medewerker"]
COMMENTERS = ["beheerder", "medewerker", "bestuur", "raad"]
INTERNAL = ["beheerder", "medewerker", "bestuur", "raad"]
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SQL_VALUES = ["' OR 1=1 --", "\"; DROP TABLE item; --", "1' UNION SELECT name FROM account --", "%", "*", "\\"]


def client(role):
    """The logged-in client of role (one per role, reused)."""
    if role not in _clients:
        _clients[role] = srv.client(role)
    return _clients[role]


def count(sql):
    """The single number a query gives."""
    row = srv.sql(sql)[0]
    return list(row.values())[0]


def q(s):
    """s as a quoted SQL literal (for the tests' own read-only queries)."""
    return "'" + s.replace("'", "''") + "'"


class FormParser(html.parser.HTMLParser):
    """The fields of the form with a given action, as a browser sends them."""

    def __init__(self, action):
        super().__init__(convert_charrefs=True)
        self.action, self.inside, self.pairs = action, False, []
        self.select, self.textarea, self.text = None, None, ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == self.action
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.pairs.append((a["name"], a.get("value", "on")))
            elif kind not in ("submit", "button"):
                self.pairs.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select and "selected" in a:
            self.pairs.append((self.select, a.get("value", "")))
        elif tag == "textarea":
            self.textarea, self.text = a.get("name"), ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.pairs.append((self.textarea, self.text[1:] if self.text.startswith("\n") else self.text))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text += data


def form_of(body, action, changes=None, drop=()):
    """The pairs the form with action on the page body sends, without the
    CSRF token (the client adds it), with the names in changes set to their
    values (a list value: one pair each) and the names in drop left out."""
    p = FormParser(action)
    p.feed(body)
    changes = changes or {}
    pairs = [(n, v) for n, v in p.pairs if n != "csrf" and n not in changes and n not in drop]
    for n, v in changes.items():
        for one in (v if isinstance(v, list) else [v]):
            pairs.append((n, one))
    expect(p.pairs, "no form with action %s" % action)
    return pairs


def field_errors(body):
    """The errors shown at fields: {field name: message}."""
    return {m.group(1): html.unescape(re.sub(r"<[^>]+>", "", m.group(2))).strip()
            for m in re.finditer(r'class="utrecht-form-field-error-message" id="error-([^"]+)">(.*?)</div>', body, re.S)}


def described_by(body, field):
    """The aria-describedby of the element with id field-FIELD."""
    m = re.search(r'id="field-%s"[^>]*aria-describedby="([^"]*)"' % re.escape(field), body)
    return m.group(1).split() if m else []


def new_item_form(role="medewerker", **changes):
    """The pairs of the new-item form with changes."""
    page = client(role).get("/items/new")
    expect(page.status == 200, page)
    return form_of(page.body, "/items", changes)


def audit_count():
    """The number of audit log entries."""
    return count("SELECT count(*) FROM audit_log")


def item_row(item_id):
    """The item's row, or None."""
    rows = srv.sql("SELECT * FROM item WHERE id = %s" % q(item_id))
    return rows[0] if rows else None


def rows_of(body):
    """The ids of the items in the list's table, in order."""
    table = body.split('<tbody class="utrecht-table__body">', 1)[1].split("</tbody>", 1)[0] if "<tbody" in body else ""
    return re.findall(r'<th class="utrecht-table__cell" scope="row"><a class="utrecht-link" href="/items/([^"]+)"', table)


# ---- routes for every role ------------------------------------------------

@test("the list and an item's page: every role may read them; anonymous visitors go to the login page")
def _():
    for path in ("/items", "/items/hotelnota-2001"):
        for role in ROLES:
            r = client(role).get(path)
            expect(r.status == 200 and "Hotelnota 2001" in r.body, r)
        r = srv.client().get(path)
        expect(r.status == 303 and r.header("location") == "/login?next=" + urllib.parse.quote(path, safe=""), r)


@test("the new-item and edit forms: only roles that may edit (403 for the others, login for anonymous)")
def _():
    for path in ("/items/new", "/items/de-entree/edit"):
        for role in ROLES:
            r = client(role).get(path)
            expect(r.status == (200 if role in EDITORS else 403), (role, r))
        r = srv.client().get(path)
        expect(r.status == 303 and r.header("location").startswith("/login?next="), r)


@test("creating an item: 303 for editors, 403 for the others (nothing written), login for anonymous")
def _():
    for role in ROLES:
        c = client(role)
        item_id = "route-test-" + role
        pairs = [("id", item_id), ("kind", "action"), ("title", "Route test " + role), ("status", "planned")]
        r = c.post("/items", pairs)
        if role in EDITORS:
            expect(r.status == 303 and r.header("location") == "/items/%s?created=1" % item_id, (role, r))
            expect(item_row(item_id) is not None, role)
        else:
            expect(r.status == 403, (role, r))
            expect(item_row(item_id) is None, role)
    r = srv.client().post("/items", {"id": "route-test-anon", "kind": "action", "title": "x"}, csrf=False)
    expect(r.status == 303 and r.header("location").startswith("/login"), r)
    expect(item_row("route-test-anon") is None)


@test("saving an item: 303 for editors, 403 for the others (nothing written)")
def _():
    page = client("medewerker").get("/items/route-test-medewerker/edit")
    for role in ROLES:
        pairs = form_of(page.body, "/items/route-test-medewerker", {"title": "Saved by " + role})
        r = client(role).post("/items/route-test-medewerker", pairs)
        expect(r.status == (303 if role in EDITORS else 403), (role, r))
        saved = item_row("route-test-medewerker")["title"] == "Saved by " + role
        expect(saved == (role in EDITORS), (role, item_row("route-test-medewerker")))
    r = srv.client().post("/items/route-test-medewerker", {"title": "anon"}, csrf=False)
    expect(r.status == 303 and r.header("location").startswith("/login"), r)


@test("archiving: editors get the confirmation page (nothing archived yet), the others 403")
def _():
    for role in ROLES:
        r = client(role).post("/items/route-test-beheerder/archive", {})
        if role in EDITORS:
            expect(r.status == 200 and 'name="confirm" value="1"' in r.body, (role, r))
        else:
            expect(r.status == 403, (role, r))
        expect(item_row("route-test-beheerder")["archived"] == 0, role)
        r = client(role).post("/items/route-test-beheerder/archive", {"confirm": "1"})
        expect(r.status == (303 if role in EDITORS else 403), (role, r))
        expect(item_row("route-test-beheerder")["archived"] == (1 if role in EDITORS else 0), role)
        if role in EDITORS:  # restore for the next role
            r = client(role).post("/items/route-test-beheerder/archive", {"confirm": "1", "restore": "1"})
            expect(r.status == 303 and r.header("location").endswith("?restored=1"), r)
            expect(item_row("route-test-beheerder")["archived"] == 0, role)


@test("commenting: the roles that may comment (303), not partner and inwoner (403)")
def _():
    for role in ROLES:
        before = count("SELECT count(*) FROM comment")
        r = client(role).post("/items/hotelnota-2001/comments", {"text": "Opmerking van " + role})
        expect(r.status == (303 if role in COMMENTERS else 403), (role, r))
        expect(count("SELECT count(*) FROM comment") == before + (1 if role in COMMENTERS else 0), role)
    r = srv.client().post("/items/hotelnota-2001/comments", {"text": "anon"}, csrf=False)
    expect(r.status == 303 and r.header("location").startswith("/login"), r)


@test("an unknown item is 404 on every route")
def _():
    c = client("beheerder")
    for r in (c.get("/items/no-such-item"), c.get("/items/no-such-item/edit"),
              c.post("/items/no-such-item", {"kind": "action", "title": "x", "status": "active"}),
              c.post("/items/no-such-item/archive", {"confirm": "1"}),
              c.post("/items/no-such-item/comments", {"text": "x"})):
        expect(r.status == 404, r)
    expect(item_row("no-such-item") is None)


# ---- archived items -------------------------------------------------------

@test("an archived item is not found for partner and inwoner, not even by its address; internal roles see it")
def _():
    srv.steiger("set", "grondbeleid", "archived", "ja")
    try:
        for role in ROLES:
            r = client(role).get("/items/grondbeleid")
            expect(r.status == (200 if role in INTERNAL else 404), (role, r))
            if role in INTERNAL:
                expect("archived" in r.body or "gearchiveerd" in r.body, r)
            lst = client(role).get("/items?archived=1&q=grondbeleid")
            expect(("/items/grondbeleid\"" in lst.body) == (role in INTERNAL), (role, lst))
            default = client(role).get("/items?q=grondbeleid")
            expect("/items/grondbeleid\"" not in default.body, (role, default))
            # The link from an item that carries it out shows for internal roles only.
            entree = client(role).get("/items/de-entree")
            expect(('href="/items/grondbeleid"' in entree.body) == (role in INTERNAL), (role, entree))
            r = client(role).post("/items/grondbeleid/comments", {"text": "x"})
            expect(r.status == (303 if role in COMMENTERS else 403), (role, r))
        # The archive checkbox is only offered to internal roles.
        expect('name="archived"' in client("raad").get("/items").body)
        expect('name="archived"' not in client("inwoner").get("/items").body)
    finally:
        srv.steiger("set", "grondbeleid", "archived", "nee")


# ---- the list -------------------------------------------------------------

@test("list: filters by kind, status, main line, pillar, area, domain and owner")
def _():
    c = client("raad")
    cases = {
        "kind=project": "SELECT id FROM item WHERE kind = 'project' AND archived = 0",
        "status=planned": "SELECT id FROM item WHERE status = 'planned' AND archived = 0",
        "hoofdlijn=hl-thuis": "SELECT DISTINCT s.item_id AS id FROM item_serves s JOIN vision_element v ON v.id = s.element_id"
                              " JOIN item i ON i.id = s.item_id AND i.archived = 0"
                              " WHERE v.id = 'hl-thuis' OR v.parent_id = 'hl-thuis'",
        "area=WK063701": "SELECT DISTINCT x.item_id AS id FROM item_area x JOIN item i ON i.id = x.item_id AND i.archived = 0"
                         " WHERE x.area_code = 'WK063701'",
        "domain=veiligheid": "SELECT d.item_id AS id FROM item_domain d JOIN item i ON i.id = d.item_id AND i.archived = 0"
                             " WHERE d.domain = 'veiligheid'",
        "owner=Vastgoed": "SELECT id FROM item WHERE owner = 'Vastgoed' AND archived = 0",
        "kind=policy&owner=Economie": "SELECT id FROM item WHERE owner = 'Economie' AND kind = 'policy' AND archived = 0",
        "pillar=wijken-van-de-toekomst": "SELECT id FROM item WHERE archived = 0 AND (id IN (SELECT item_id FROM item_serves"
                                         " WHERE element_id = 'wijken-van-de-toekomst') OR id IN (SELECT x.item_id FROM"
                                         " item_area x JOIN vision_element_area p ON p.area_code = x.area_code"
                                         " WHERE p.element_id = 'wijken-van-de-toekomst'))",
    }
    for query, sql in cases.items():
        want = sorted(r["id"] for r in srv.sql(sql))
        r = c.get("/items?" + query)
        expect(r.status == 200, r)
        got = rows_of(r.body)
        expect(want and sorted(got) == want, (query, got, want))
        expect("of %d" % len(want) in r.body or "van %d" % len(want) in r.body, (query, r))
    # The chosen filter is selected in its select.
    r = c.get("/items?kind=project")
    expect('<option value="project" selected>' in r.body, r)


@test("list: sorting by each column header, both ways, with aria-sort on the sorted column")
def _():
    c = client("medewerker")
    r = c.get("/items")
    expect('aria-sort="ascending"><a class="utrecht-link" href="/items?sort=title&amp;dir=desc"' in r.body, r)
    expect('href="/items?sort=budget"' in r.body, r)
    r = c.get("/items?sort=budget&dir=desc")
    rows = rows_of(r.body)
    expect(rows[0] == "beleidsplan-wmo-en-jeugdhulp", rows)
    expect(re.search(r'aria-sort="descending"><a class="utrecht-link" href="/items\?sort=budget"', r.body), r)
    expect(r.body.count("aria-sort=") == 1, r)
    r = c.get("/items?sort=title&dir=desc")
    expect(rows_of(r.body)[0] == "zoetermeers-speelruimteplan-2016-2026", rows_of(r.body))
    r = c.get("/items?sort=kind")
    first = rows_of(r.body)[0]
    expect(item_row(first)["kind"] == "policy", first)
    r = c.get("/items?sort=kind&dir=desc")
    expect(item_row(rows_of(r.body)[0])["kind"] == "action", rows_of(r.body))
    r = c.get("/items?sort=contract_end&dir=desc")
    expect(rows_of(r.body)[0] == "vastgoed" and "2031" in r.body, rows_of(r.body))
    # Not for those who may not see contracts: the column is not there and the order is the default.
    r = client("inwoner").get("/items?sort=contract_end&dir=desc")
    header_links = re.findall(r"<th[^>]*>(?:(?!</th>).)*</th>", r.body, re.S)
    text = re.sub(r"[0-9a-f]{16,}", "", r.body)  # without the random tokens (nonce, CSRF)
    expect(r.status == 200 and not any("sort=contract_end" in h for h in header_links) and "2031" not in text, r)
    # The filters stay in the sort links.
    r = c.get("/items?kind=policy&sort=status")
    expect('href="/items?kind=policy&amp;sort=budget"' in r.body, r)


@test("list: the search finds an item by a word of its title, with or without diacritics, and by the start of a word")
def _():
    c = client("inwoner")
    for word in ("Hotelnota", "hotelnota", "HOTÉLNOTA", "hotélnota", "hotel"):
        r = c.get("/items?q=" + urllib.parse.quote(word))
        expect(r.status == 200 and "hotelnota-2001" in rows_of(r.body), (word, r))
    r = c.get("/items?q=Speelruimteplan+2016")
    expect(rows_of(r.body) == ["zoetermeers-speelruimteplan-2016-2026"], rows_of(r.body))
    r = c.get("/items?q=" + urllib.parse.quote("café-woord-dat-nergens-staat"))
    expect(rows_of(r.body) == [] and ("no items" in r.body.lower() or "geen items" in r.body.lower()), r)
    # The search text comes back in the search box.
    r = c.get("/items?q=hotelnota")
    expect('name="q" value="hotelnota"' in r.body, r)


@test("list: FTS syntax and SQL in the search do no harm (200, nothing changed)")
def _():
    c = client("medewerker")
    n = count("SELECT count(*) FROM item")
    for text in ['"', "*", "AND(", "NEAR", "NEAR(a b, 2)", "title:x", "a OR b", "' OR 1=1 --", "^x", "-", "()",
                 '"unclosed', "x AND", "{title}: y", "\u2013", "a" * 3000]:
        r = c.get("/items?q=" + urllib.parse.quote(text))
        expect(r.status == 200 and "<table" in r.body or "items-count" in r.body, (text, r))
    r = c.get("/items?q=" + urllib.parse.quote("' OR 1=1 --"))
    expect(rows_of(r.body) == [], rows_of(r.body))
    expect(count("SELECT count(*) FROM item") == n)


@test("list: 50 a page, 'x–y of N', links to the previous and next page; a page past the end shows the last")
def _():
    c = client("raad")
    total = count("SELECT count(*) FROM item WHERE archived = 0")
    r = c.get("/items")
    expect(len(rows_of(r.body)) == 50, len(rows_of(r.body)))
    expect("1\u201350 of %d" % total in r.body or "1\u201350 van %d" % total in r.body, r)
    expect('rel="next" href="/items?page=2"' in r.body and 'rel="prev"' not in r.body, r)
    r2 = c.get("/items?page=2")
    expect(len(rows_of(r2.body)) == total - 50, (total, rows_of(r2.body)))
    expect("51\u2013%d" % total in r2.body, r2)
    expect('rel="prev" href="/items"' in r2.body and 'rel="next"' not in r2.body, r2)
    expect('aria-current="page"' in r2.body, r2)
    expect(not set(rows_of(r.body)) & set(rows_of(r2.body)))
    r3 = c.get("/items?page=999")
    expect(rows_of(r3.body) == rows_of(r2.body), r3)
    for bad in ("0", "-1", "x", "1e9", "99999999999999999999"):
        r = c.get("/items?page=" + bad)
        expect(r.status == 200, (bad, r))
    # Paging keeps the filters and the order.
    r = c.get("/items?kind=policy&sort=budget")
    expect('href="/items?kind=policy&amp;sort=budget&amp;page=2"' not in r.body, r)  # 40 policies: one page
    r = c.get("/items?sort=budget&dir=desc")
    expect('href="/items?sort=budget&amp;dir=desc&amp;page=2"' in r.body, r)


@test("list: budget and fte of the year with the illustrative marker and its explanation")
def _():
    r = client("partner").get("/items")
    expect('class="steiger-illustrative"' in r.body, r)
    expect("illustratief" in r.body or "illustrative" in r.body, r)
    year = re.search(r"Budget (\d{4})", r.body)
    expect(year, r)


# ---- the page of one item -------------------------------------------------

@test("an item's page: fields with labels and provenance, figures per year with a chart, links both ways")
def _():
    r = client("partner").get("/items/de-entree")
    expect(r.status == 200, r)
    body = r.body
    expect("<h1 class=\"utrecht-heading-1\">De Entree</h1>" in body, r)
    expect('class="steiger-illustrative"' in body, r)
    expect("<svg" in body and "steiger-chart" in body, r)  # several years
    expect(re.search(r"<th class=\"utrecht-table__cell\" scope=\"row\">2025</th>", body), r)
    expect('href="/items/grondbeleid"' in body, r)  # de-entree carries out grondbeleid
    expect('href="/areas/OG-ENTREE"' in body and 'href="/vision/hl-thuis"' not in body, r)
    expect('href="/vision/wijken-van-de-toekomst"' in body, r)
    # The link seen from the other side.
    r = client("partner").get("/items/grondbeleid")
    expect('href="/items/de-entree"' in r.body, r)
    # Contracts, partners, history and comments only for internal roles.
    expect("ovk-entree-oost" not in body and "projectontwikkelaar-a" not in body, r)
    expect('id="comments"' not in body and 'id="history"' not in body, r)
    r = client("raad").get("/items/de-entree")
    expect("ovk-entree-oost" in r.body and "projectontwikkelaar-a" in r.body, r)
    expect('id="history"' in r.body and 'id="comments"' in r.body, r)
    expect('action="/items/de-entree/comments"' in r.body, r)  # raad may comment


# ---- validation -----------------------------------------------------------

INVALID = [
    # (field, value, what is wrong)
    ("title", "", "required field missing"),
    ("kind", "", "required field missing"),
    ("status", "", "required field missing"),
    ("title", "t" * 301, "text too long"),
    ("description", "d" * 20001, "text too long"),
    ("owner", "o" * 201, "text too long"),
    ("year_adopted", "3000", "number out of range"),
    ("year_adopted", "twee", "not a number"),
    ("budget_2025", "-5", "number out of range"),
    ("budget_2025", "veel", "not a number"),
    ("fte_2024", "2000000", "number out of range"),
    ("kind", "ministry", "unknown enumeration value"),
    ("status", "busy", "unknown enumeration value"),
    ("instrument", "hammer", "unknown enumeration value"),
    ("domains", "cultuur", "unknown enumeration value in a list"),
    ("new_year", "20x5", "bad year of a new row"),
    ("new_year", "1700", "year of a new row out of range"),
    ("implements", "no-such-item", "unknown linked item"),
    ("part_of", "no-such-item", "unknown linked item"),
    ("serves", "no-such-goal", "unknown vision element"),
    ("areas", "XX99", "unknown area"),
    ("areas", "lowercase", "malformed area code"),
]


def check_invalid(path, pairs_for, field, value, what):
    """Post the form with field set to value; expect 422, the error at the
    field (its id and aria-describedby), the value kept, nothing written."""
    n_audit, n_items = audit_count(), count("SELECT count(*) FROM item")
    changes = {field: value}
    if field == "new_year":
        changes["new_budget"] = "1000"
    r = client("medewerker").post(path, pairs_for(changes))
    expect(r.status == 422, (field, value, r))
    errs = field_errors(r.body)
    expect(field in errs, (field, value, what, errs))
    expect('href="#field-%s"' % field in r.body, (field, "summary link"))
    expect(f'role="alert"' in r.body, "summary")
    if field not in ("domains", "serves", "areas"):
        expect("error-" + field in described_by(r.body, field), (field, described_by(r.body, field)))
    if value and field not in ("kind", "status", "instrument"):
        esc = html.escape(value, quote=True)
        expect(esc in r.body, (field, "value not kept"))
    elif value:
        expect('value="%s" selected' % value in r.body, (field, "unknown value not kept"))
    expect(audit_count() == n_audit and count("SELECT count(*) FROM item") == n_items, (field, "written"))


@test("new item: every kind of wrong value gives 422 with the message at its field, the values kept, nothing written")
def _():
    page = client("medewerker").get("/items/new").body

    def pairs_for(changes):
        base = {"id": "invalid-test", "kind": "project", "title": "Geldig", "status": "planned"}
        base.update(changes)
        return form_of(page, "/items", base)
    for field, value, what in INVALID:
        check_invalid("/items", pairs_for, field, value, what)
    expect(item_row("invalid-test") is None)
    # A wrong id, and one that is taken.
    for bad in ("Hoofdletters", "met spatie", "x" * 101, "hotelnota-2001"):
        r = client("medewerker").post("/items", pairs_for({"id": bad}))
        expect(r.status == 422 and "id" in field_errors(r.body), (bad, r))
    # Several errors at once: all are shown, in the order of the form.
    r = client("medewerker").post("/items", pairs_for({"title": "", "year_adopted": "3000", "budget_2025": "x",
                                                       "kind": "ministry"}))
    errs = field_errors(r.body)
    expect({"title", "year_adopted", "budget_2025", "kind"} <= set(errs), errs)
    summary = r.body.split('id="error-summary"')[1].split("</div>")[0]
    order = [summary.index("#field-" + f) for f in ("kind", "title", "year_adopted", "budget_2025")]
    expect(order == sorted(order), summary)


@test("editing: every kind of wrong value gives 422 at its field and changes nothing")
def _():
    page = client("medewerker").get("/items/hotelnota-2001/edit").body
    before = item_row("hotelnota-2001")

    def pairs_for(changes):
        return form_of(page, "/items/hotelnota-2001", changes)
    for field, value, what in INVALID:
        if field == "new_year":
            continue  # a year that has a row is another error, below
        check_invalid("/items/hotelnota-2001", pairs_for, field, value, what)
    r = client("medewerker").post("/items/hotelnota-2001", pairs_for({"new_year": "2025", "new_budget": "5"}))
    expect(r.status == 422 and "new_year" in field_errors(r.body), r)
    r = client("medewerker").post("/items/hotelnota-2001", pairs_for({"implements": "hotelnota-2001"}))
    expect(r.status == 422, r)  # a link with itself
    expect(item_row("hotelnota-2001") == before)


@test("a comment of 0 or more than 5000 characters is refused at its field (422), nothing written")
def _():
    c = client("raad")
    for text in ("", "   ", "x" * 5001, "\u00e9" * 5001):
        n = count("SELECT count(*) FROM comment")
        r = c.post("/items/hotelnota-2001/comments", {"text": text})
        expect(r.status == 422 and "text" in field_errors(r.body), (len(text), r))
        expect("error-text" in described_by(r.body, "text"), r)
        if text.strip():
            expect(text in r.body, "the text is kept")
        expect(count("SELECT count(*) FROM comment") == n)
    r = c.post("/items/hotelnota-2001/comments", {"text": "\u00e9" * 5000})  # characters, not bytes
    expect(r.status == 303, r)


# ---- writes and the audit log ---------------------------------------------

@test("creating an item writes every field and the audit log names the user")
def _():
    pairs = new_item_form(**{
        "id": "", "kind": "project", "title": "Nieuw café aan het Meerzicht", "description": "Regel 1\nRegel 2",
        "status": "planned", "instrument": "uitvoering", "owner": "Economie", "year_adopted": "2024",
        "legal_task": "true", "domains": ["economie", "sociaal"], "serves": ["hl-economie"],
        "areas": ["WK063701"], "implements": ["actieplan-economie"], "part_of": ["programma-wijken-van-de-toekomst"],
        "budget_2025": "450.000", "fte_2025": "0,5", "new_year": "2030", "new_budget": "1.000", "new_fte": "",
        "source_note": "Raadsbesluit 2024"})
    r = client("medewerker").post("/items", pairs)
    item_id = "nieuw-cafe-aan-het-meerzicht"  # made from the title
    expect(r.status == 303 and r.header("location") == "/items/%s?created=1" % item_id, field_errors(r.body))
    row = item_row(item_id)
    expect(row and row["title"] == "Nieuw café aan het Meerzicht" and row["kind"] == "project", row)
    expect(row["description"] == "Regel 1\nRegel 2" and row["owner"] == "Economie" and row["year_adopted"] == 2024, row)
    expect(row["legal_task"] == 1 and row["instrument"] == "uitvoering" and row["source"] == "manual", row)
    years = {y["year"]: (y["budget"], y["fte"]) for y in srv.sql("SELECT * FROM item_year WHERE item_id = %s" % q(item_id))}
    expect(years == {2025: (450000.0, 0.5), 2030: (1000.0, None)}, years)  # Dutch numbers in Dutch
    expect(srv.sql("SELECT domain FROM item_domain WHERE item_id = %s ORDER BY position" % q(item_id))
           == [{"domain": "economie"}, {"domain": "sociaal"}])
    expect(count("SELECT count(*) FROM item_link WHERE item_id = %s" % q(item_id)) == 2)
    audit = srv.sql("SELECT actor, action, context, after FROM audit_log WHERE tbl = 'item' AND record = %s" % q(item_id))
    expect(len(audit) == 1 and audit[0]["actor"] == "medewerker" and audit[0]["action"] == "insert", audit)
    expect(audit[0]["context"] == "web: POST /items" and "Nieuw caf" in audit[0]["after"], audit)
    page = client("medewerker").get(r.header("location"))
    expect('role="status"' in page.body and "Regel 1<br>" in page.body, page)
    # The same title again gets another id.
    r = client("medewerker").post("/items", pairs)
    expect(r.header("location") == "/items/%s-2?created=1" % item_id, field_errors(r.body))


@test("editing an item changes what was changed, audited with the user; saving it unchanged writes nothing")
def _():
    c = client("beheerder")
    page = c.get("/items/woonvisie-zoetermeer-2015/edit")
    n = audit_count()
    r = c.post("/items/woonvisie-zoetermeer-2015", form_of(page.body, "/items/woonvisie-zoetermeer-2015"))
    expect(r.status == 303 and r.header("location") == "/items/woonvisie-zoetermeer-2015?saved=1", r)
    expect(audit_count() == n, srv.sql("SELECT * FROM audit_log WHERE id > %d" % n))
    r = c.post("/items/woonvisie-zoetermeer-2015", form_of(page.body, "/items/woonvisie-zoetermeer-2015",
                                                          {"title": "Woonvisie 2015 (herzien)", "fte_2025": "2,5"}))
    expect(r.status == 303, r)
    row = item_row("woonvisie-zoetermeer-2015")
    expect(row["title"] == "Woonvisie 2015 (herzien)", row)
    expect(count("SELECT fte * 10 FROM item_year WHERE item_id = 'woonvisie-zoetermeer-2015' AND year = 2025") == 25)
    audit = srv.sql("SELECT actor, action, before, after, context FROM audit_log WHERE id > %d" % n)
    expect(len(audit) == 1 and audit[0]["actor"] == "beheerder" and audit[0]["action"] == "update", audit)
    expect('"title": "Woonvisie Zoetermeer 2015"' in audit[0]["before"] and "herzien" in audit[0]["after"], audit)
    expect("description" not in audit[0]["after"].split("field_sources")[0], audit)  # only what changed
    page = c.get(r.header("location"))
    expect('role="status"' in page.body and "Woonvisie 2015 (herzien)" in page.body, page)


@test("archiving and restoring are audited with the user; the archived item leaves the list")
def _():
    c = client("medewerker")
    n = audit_count()
    r = c.post("/items/hotelnota-2001/archive", {})
    expect(r.status == 200 and "Hotelnota 2001" in r.body, r)
    expect(audit_count() == n and item_row("hotelnota-2001")["archived"] == 0)
    r = c.post("/items/hotelnota-2001/archive", {"confirm": "1"})
    expect(r.status == 303 and r.header("location") == "/items/hotelnota-2001?archived=1", r)
    expect(item_row("hotelnota-2001")["archived"] == 1)
    audit = srv.sql("SELECT actor, action, after, context FROM audit_log WHERE id > %d" % n)
    expect(len(audit) == 1 and audit[0]["actor"] == "medewerker" and '"archived": true' in audit[0]["after"]
           and audit[0]["context"] == "web: POST /items/hotelnota-2001/archive", audit)
    expect("hotelnota-2001" not in rows_of(client("raad").get("/items?q=hotelnota").body))
    page = c.get("/items/hotelnota-2001/edit")
    expect('name="restore" value="1"' in page.body, page)
    r = c.post("/items/hotelnota-2001/archive", {"confirm": "1", "restore": "1"})
    expect(r.status == 303 and item_row("hotelnota-2001")["archived"] == 0, r)
    expect(count("SELECT count(*) FROM audit_log WHERE id > %d AND actor = 'medewerker'" % n) == 2)


@test("a comment is stored with its author and audited; internal roles read it")
def _():
    n = audit_count()
    r = client("bestuur").post("/items/woningbouwagenda-zoetermeer/comments", {"text": "Graag een toelichting.\nDank."})
    expect(r.status == 303 and r.header("location") == "/items/woningbouwagenda-zoetermeer?commented=1#comments", r)
    rows = srv.sql("SELECT author, text FROM comment WHERE item_id = 'woningbouwagenda-zoetermeer'")
    expect(rows == [{"author": "bestuur", "text": "Graag een toelichting.\nDank."}], rows)
    audit = srv.sql("SELECT actor, tbl, action FROM audit_log WHERE id > %d" % n)
    expect(audit == [{"actor": "bestuur", "tbl": "comment", "action": "insert"}], audit)
    page = client("raad").get("/items/woningbouwagenda-zoetermeer")
    expect("Graag een toelichting.<br>" in page.body and "Test bestuur" in page.body, page)
    expect("Graag een toelichting" not in client("partner").get("/items/woningbouwagenda-zoetermeer").body)


# ---- injection --------------------------------------------------------------

@test("script and markup stored in every text field (and a comment) come out escaped on every page")
def _():
    for item_id, a, b in (("inject-a", SCRIPT, IMG), ("inject-b", IMG, SCRIPT)):
        pairs = new_item_form(**{"id": item_id, "kind": "action", "title": a + " titel", "description": b,
                                 "owner": a, "source_note": b, "status": "active", "budget_2025": "1"})
        r = client("medewerker").post("/items", pairs)
        expect(r.status == 303, r)
        expect(item_row(item_id)["title"] == a + " titel" and item_row(item_id)["owner"] == a)
        r = client("raad").post("/items/%s/comments" % item_id, {"text": b})
        expect(r.status == 303, r)
    # A link to it, so it shows on another item's page too.
    page = client("medewerker").get("/items/actieplan-economie/edit")
    r = client("medewerker").post("/items/actieplan-economie",
                                  form_of(page.body, "/items/actieplan-economie", {"part_of": ["inject-a"]}))
    expect(r.status == 303, r)
    pages = ["/items", "/items?q=script", "/items?q=alert", "/items?sort=title&dir=desc&kind=action",
             "/items?owner=" + urllib.parse.quote(SCRIPT), "/items/inject-a", "/items/inject-b",
             "/items/inject-a/edit", "/items/inject-b/edit", "/items/actieplan-economie",
             "/items/actieplan-economie/edit", "/items/new", "/"]
    for role in ("medewerker", "raad", "inwoner"):
        for path in pages:
            r = client(role).get(path)
            if r.status == 403:
                continue
            expect(r.status == 200, (role, path, r))
            for payload in (SCRIPT, IMG, "<img src=x", "<script>"):
                expect(payload not in r.body, (role, path, payload))
    body = client("medewerker").get("/items/inject-a").body
    expect(html.escape(SCRIPT) in body and "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in body, body[:500])
    body = client("medewerker").get("/items?q=script").body
    expect("inject-a" in rows_of(body) and "inject-b" in rows_of(body), rows_of(body))
    # The archive confirmation and the error page of the form show the title escaped too.
    r = client("medewerker").post("/items/inject-a/archive", {})
    expect(r.status == 200 and SCRIPT not in r.body and html.escape(SCRIPT) in r.body, r)
    r = client("medewerker").post("/items/inject-a", form_of(client("medewerker").get("/items/inject-a/edit").body,
                                                             "/items/inject-a", {"year_adopted": IMG}))
    expect(r.status == 422 and IMG not in r.body and SCRIPT not in r.body, r)


@test("markup in the address and the query is never reflected unescaped")
def _():
    c = client("medewerker")
    for path in ("/items/" + urllib.parse.quote(SCRIPT), "/items?q=" + urllib.parse.quote(SCRIPT),
                 "/items?kind=" + urllib.parse.quote(IMG), "/items?sort=" + urllib.parse.quote(IMG),
                 "/items?owner=" + urllib.parse.quote(IMG) + "&area=" + urllib.parse.quote(SCRIPT),
                 "/items/new?kind=" + urllib.parse.quote(IMG)):
        r = c.get(path)
        expect(r.status in (200, 404), (path, r))
        expect(SCRIPT not in r.body and IMG not in r.body, (path, r))


# ---- CSRF and SQL ---------------------------------------------------------------

@test("a POST without a valid CSRF token is refused (403) on every items route and changes nothing")
def _():
    c = client("beheerder")
    n, items = audit_count(), count("SELECT count(*) FROM item")
    for token in (False, "0" * 64, ""):
        for path, fields in (("/items", {"id": "csrf-test", "kind": "action", "title": "x", "status": "active"}),
                             ("/items/hotelnota-2001", {"kind": "action", "title": "CSRF", "status": "active"}),
                             ("/items/hotelnota-2001/archive", {"confirm": "1"}),
                             ("/items/hotelnota-2001/comments", {"text": "csrf"})):
            r = c.post(path, fields, csrf=token)
            expect(r.status == 403, (path, token, r))
    # From another origin, with the right token.
    r = c.post("/items/hotelnota-2001/archive", {"confirm": "1"}, origin="http://evil.example")
    expect(r.status == 403, r)
    expect(audit_count() == n and count("SELECT count(*) FROM item") == items)
    expect(item_row("hotelnota-2001")["title"] == "Hotelnota 2001" and item_row("hotelnota-2001")["archived"] == 0)


@test("SQL metacharacters in every query parameter and in the id do no harm")
def _():
    c = client("beheerder")
    n, items, accounts = audit_count(), count("SELECT count(*) FROM item"), count("SELECT count(*) FROM account")
    params = ["q", "kind", "status", "domain", "hoofdlijn", "pillar", "area", "owner", "archived", "sort", "dir", "page"]
    for value in SQL_VALUES:
        for p in params:
            r = c.get("/items?%s=%s" % (p, urllib.parse.quote(value)))
            expect(r.status == 200, (p, value, r))
            if p in ("kind", "status", "domain", "hoofdlijn", "pillar", "area", "owner"):
                expect(rows_of(r.body) == [], (p, value, rows_of(r.body)))  # a filter nothing matches
        r = c.get("/items?" + "&".join("%s=%s" % (p, urllib.parse.quote(value)) for p in params))
        expect(r.status == 200, r)
        quoted = urllib.parse.quote(value, safe="")
        for r in (c.get("/items/" + quoted), c.get("/items/%s/edit" % quoted),
                  c.post("/items/" + quoted, {"kind": "action", "title": "x", "status": "active"}),
                  c.post("/items/%s/archive" % quoted, {"confirm": "1"}),
                  c.post("/items/%s/comments" % quoted, {"text": "x"})):
            expect(r.status == 404, (value, str(r)[:300]))
        r = c.post("/items", {"id": value, "kind": "action", "title": value, "status": "active"})
        expect(r.status == 422 and "id" in field_errors(r.body), (value, r.status, field_errors(r.body)))
    expect(audit_count() == n and count("SELECT count(*) FROM item") == items)
    # one account per role of the tests, and the example's four assessors
    expect(count("SELECT count(*) FROM account") == accounts == len(ROLES) + 4, accounts)


run(srv)
