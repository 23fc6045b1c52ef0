"""test_matrix.py - the security matrix of doc/security.md against the
running server.

The matrix has one row per route (Method | Path | one column per role |
anonymous) with the cells yes / no / login. This test reads it and the
route table in src/web/routes.c, and

- fails when a route of routes.c has no row in the matrix (or a row is
  malformed or doubled);
- for every row whose route exists, asks the server as each of the six
  roles and anonymously, and checks the cell:
    GET   yes: 200 (or a redirect that is not to the login page)
          no: 403; login: redirect to /login (pages) or 401 (API)
    other yes: neither 403, 401 nor a redirect to the login page, no 405
          and no server error (a 303, 400, 404 or 422 is fine: the
          request reached its handler, which answered by what was sent)
          no: 403; login: as for GET
  State changes carry a valid CSRF token of the client's own session and
  this site's Origin, so that a refusal is the role's and not the CSRF
  check's. Routes of the API (ROUTE_API) are also asked with an API token
  of each role (steiger token create).
Rows whose route is not in routes.c (yet) are reported as skipped.

Parameters in paths get real examples from the database: an item that is
not archived for reading, another one for state changes (which may archive
it), and so on.
"""
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from steiger_http import REPO, ROLES, Client, Server, expect, run, test  # noqa: E402

COLUMNS = ROLES + ["anonymous"]


def normal(path):
    """A path pattern with its parameter names left out (/items/:id and
    /items/:key are the same route)."""
    return re.sub(r":[A-Za-z_]+", ":", path)


def parse_routes(text):
    """The routes of routes.c: (method, pattern, permission, is_api)."""
    out = []
    for m in re.finditer(r'\{\s*"([A-Z]+)",\s*"(/[^"]*)",\s*(\w+),\s*(\w+),\s*([^}]*?)\s*\}', text):
        out.append((m.group(1), m.group(2), m.group(4), "ROUTE_API" in m.group(5)))
    return out


def parse_matrix(text):
    """The rows of the matrix table in security.md: a list of (method,
    path, {column: cell}), and a list of problems found while reading."""
    rows, problems, header = [], [], None
    for n, line in enumerate(text.split("\n"), 1):
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else None
        if cells is None:
            if header:
                break  # the table ended
            continue
        if cells[:2] == ["Method", "Path"]:
            header = cells
            if cells[2:] != COLUMNS:
                problems.append("line %d: expected the columns %s, found %s" % (n, COLUMNS, cells[2:]))
            continue
        if not header or set(cells[0]) <= set("-: "):
            continue
        if len(cells) != len(header):
            problems.append("line %d: %d cells, expected %d" % (n, len(cells), len(header)))
            continue
        row = dict(zip(COLUMNS, cells[2:]))
        for col, v in row.items():
            allowed = ("yes", "no", "login") if col == "anonymous" else ("yes", "no")
            if v not in allowed:
                problems.append("line %d: %s is %r, expected one of %s" % (n, col, v, allowed))
        rows.append((cells[0], cells[1], row))
    if not header:
        problems.append("no table with the columns Method | Path | ... found")
    return rows, problems


with open(os.path.join(REPO, "src", "web", "routes.c")) as f:
    ROUTES = parse_routes(f.read())
with open(os.path.join(REPO, "doc", "security.md")) as f:
    MATRIX, MATRIX_PROBLEMS = parse_matrix(f.read())
ROUTE_KEYS = {(m, normal(p)): api for m, p, _, api in ROUTES}

srv = Server()


def one(query):
    """The first column of the first row of query."""
    rows = srv.sql(query)
    if not rows:
        raise RuntimeError("no example for: " + query)
    return list(rows[0].values())[0]


# Examples for the parameters: for reading, and for state changes (which
# may change or archive what they are given).
ITEM = one("SELECT id FROM item WHERE archived = 0 ORDER BY id LIMIT 1")
ITEM_W = one("SELECT id FROM item WHERE archived = 0 ORDER BY id DESC LIMIT 1")
ORG = one("SELECT id FROM organisation ORDER BY id LIMIT 1")
ORG_W = one("SELECT id FROM organisation ORDER BY id DESC LIMIT 1")
VISION = one("SELECT id FROM vision_element WHERE kind = 'hoofdlijn' ORDER BY id LIMIT 1")
AREA = one("SELECT code FROM area WHERE type = 'wijk' ORDER BY code LIMIT 1")
TOKEN_ID = srv.steiger("token", "create", "inwoner", "--description", "matrix").stdout.split()[1]


def import_round():
    """A small open round that is not blind, opened last, so that the review
    (/review, /api/v1/review) has one to show to every role that may."""
    files = {
        "rounds.csv": "id;title;scale_min;scale_max;blind\nmatrix-round;Matrix;-2;2;nee\n",
        "assessments.csv": "round;assessor;item;criterion;score\nmatrix-round;medewerker;%s;%s;1\n" % (ITEM, VISION),
    }
    paths = []
    for name, text in files.items():
        paths.append(os.path.join(srv.dir, name))
        with open(paths[-1], "w") as f:
            f.write(text)
    srv.steiger("import", *paths)


import_round()
EXAMPLES = {  # the segment before a parameter -> (for reading, for writing)
    "items": (ITEM, ITEM_W),
    "organisations": (ORG, ORG_W),
    "vision": (VISION, VISION),
    "areas": (AREA, AREA),
    "users": ("inwoner", "inwoner"),
    "tokens": (TOKEN_ID, TOKEN_ID),
}


def example_path(method, pattern):
    """pattern with each parameter replaced by an example."""
    segs = pattern.split("/")
    for i, s in enumerate(segs):
        if s.startswith(":"):
            ex = EXAMPLES.get(segs[i - 1])
            if not ex:
                raise RuntimeError("no example for %s in %s" % (s, pattern))
            segs[i] = urllib.parse.quote(ex[0] if method == "GET" else ex[1], safe="")
    return "/".join(segs)


# One logged-in client and one API token per role.
CLIENTS = {r: srv.client(r) for r in ROLES}
TOKENS = {}
for r in ROLES:
    out = srv.steiger("token", "create", r, "--description", "matrix " + r).stdout
    TOKENS[r] = re.search(r"\b[0-9a-f]{64}\b", out).group(0)


def ask(who, method, path, api, token=None):
    """Send the request of one cell; returns the response."""
    if who == "anonymous":
        c = Client(srv)
    elif method == "POST" and path == "/logout":
        c = srv.client(who)  # logging out ends the session: use a new one
    else:
        c = CLIENTS[who]
    if token:
        if method == "GET":
            return c.request("GET", path, headers={"Authorization": "Bearer " + token, "Accept": "application/json"})
        return c.send_json(method, path, {}, token=token)
    if path == "/login" and method == "POST":
        # The login form's own double-submit token, as a browser has it
        # after showing the form; empty fields.
        c = Client(srv)
        c.cookies = dict(CLIENTS[who].cookies) if who != "anonymous" else {}
        c.cookies["steiger_login"] = "a" * 64
        return c.post("/login", {"name": "", "password": ""}, csrf="a" * 64)
    if method == "GET":
        return c.get(path)
    if api:
        return c.send_json(method, path, {})
    if who != "anonymous" and c.csrf is None:
        c.get("/account")
    return c.post(path, {})


def to_login(r):
    """Whether r sends the asker to log in."""
    loc = r.header("location") or ""
    return (r.status == 303 and loc.startswith("/login?next=")) or r.status == 401


def judge(method, cell, r):
    """None when response r is what cell says, else what is wrong."""
    if cell == "login":
        return None if to_login(r) else "expected a redirect to /login or 401"
    if cell == "no":
        return None if r.status == 403 else "expected 403"
    if to_login(r) or r.status in (401, 403, 405) or r.status >= 500:
        return "expected to be allowed"
    if method == "GET" and r.status != 200 and r.status != 303:
        return "expected 200"
    return None


@test("the matrix in doc/security.md is well-formed: the columns, yes/no/login cells, no route twice")
def _():
    expect(not MATRIX_PROBLEMS, "\n".join(MATRIX_PROBLEMS))
    keys = [(m, normal(p)) for m, p, _ in MATRIX]
    doubled = sorted(set(k for k in keys if keys.count(k) > 1))
    expect(not doubled, "rows given twice: %s" % doubled)
    expect(len(MATRIX) >= 20, "only %d rows" % len(MATRIX))


@test("every route of src/web/routes.c has a row in the matrix of doc/security.md")
def _():
    expect(len(ROUTES) >= 10, "routes.c was not read: %d routes" % len(ROUTES))
    rows = set((m, normal(p)) for m, p, _ in MATRIX)
    missing = ["%s %s" % (m, p) for m, p, _, _ in ROUTES if (m, normal(p)) not in rows]
    expect(not missing, "routes without a row in the matrix: " + ", ".join(missing))


def check_row(method, pattern, cells, api):
    """Check every cell of one row against the server."""
    path = example_path(method, pattern)
    wrong = []
    # Reading first, then writing: rows run in the order of the matrix.
    for who in COLUMNS:
        r = ask(who, method, path, api)
        problem = judge(method, cells[who], r)
        if problem:
            wrong.append("%s: %s, got %d (%s)\n%s" % (who, problem, r.status, r.header("location") or "",
                                                       r.body[:300]))
        if api and who != "anonymous":
            r = ask(who, method, path, api, token=TOKENS[who])
            problem = judge(method, cells[who], r)
            if problem:
                wrong.append("%s with an API token: %s, got %d\n%s" % (who, problem, r.status, r.body[:300]))
    expect(not wrong, "%s %s:\n" % (method, path) + "\n".join(wrong))


def register(method, pattern, cells):
    """Register the test of one row (skipped when routes.c lacks it)."""
    key = (method, normal(pattern))
    name = "%s %s: %s" % (method, pattern, ", ".join("%s %s" % (w, cells[w]) for w in COLUMNS))
    if key not in ROUTE_KEYS:
        test(name + " # SKIP not in src/web/routes.c")(lambda: None)
        return
    test(name)(lambda: check_row(method, pattern, cells, ROUTE_KEYS[key]))


# GET rows first (reading changes nothing), then the state changes.
for m, p, c in [row for row in MATRIX if row[0] == "GET"] + [row for row in MATRIX if row[0] != "GET"]:
    register(m, p, c)


@test("after the state changes every role can still log in (the matrix test changed no account)")
def _():
    for r in ROLES:
        expect(srv.client(r).get("/account").status == 200, r)


run(srv)
