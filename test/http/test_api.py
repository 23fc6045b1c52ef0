"""test_api.py - the JSON API under /api/v1 (doc/api.md): every endpoint for
every role, with an API token and with a session; problem+json errors
(400, 401, 403, 404, 405, 413, 415, 422) with invalid-params; pagination
links; filters; PATCH changing only the given fields; writes audited with
the token's account; injection strings kept intact as JSON; SQL
metacharacters harmless; the API-Version header; the OpenAPI document
linted with the API Design Rules ruleset (Spectral) and checked against
what the server really returns."""
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from steiger_http import REPO, ROLES, Server, expect, run, test  # noqa: E402

srv = Server()

# Assessment rounds to score in: open (1-5, no n.v.t.), closed, and open but blind.
ROUNDS_CSV = ("id;title;scale_min;scale_max;allow_na;blind;status\n"
              "r-open;Open ronde;1;5;false;false;open\n"
              "r-closed;Gesloten ronde;1;5;true;false;closed\n"
              "r-blind;Blinde ronde;0;10;true;true;open\n")
with open(os.path.join(srv.dir, "rounds.csv"), "w") as f:
    f.write(ROUNDS_CSV)
srv.steiger("import", os.path.join(srv.dir, "rounds.csv"))

TOKENS = {}
for _role in ROLES:
    _out = srv.steiger("token", "create", _role, "--description", "test " + _role).stdout
    TOKENS[_role] = _out.strip().split("\n")[-1].strip()

INTERNAL = {"beheerder", "medewerker", "bestuur", "raad"}  # PERM_READ_INTERNAL
EDITORS = {"beheerder", "medewerker"}                     # PERM_EDIT
ASSESSORS = {"beheerder", "medewerker"}                   # PERM_ASSESS
API = "/api/v1"
OPENAPI = json.load(open(os.path.join(REPO, "api", "openapi.json")))
SQL_WORDS = re.compile(r"SQLITE|sqlite3|syntax error|SELECT |constraint failed|/tmp/|\.c:\d", re.I)


def call(method, path, role=None, body=None, headers=None, client=None, content_type="application/json"):
    """One API request: with the API token of role (when given), a JSON
    body (a value, or bytes/str sent as is), through client (a new one by
    default)."""
    h = {"Accept": "application/json"}
    if role:
        h["Authorization"] = "Bearer " + TOKENS[role]
    if body is not None:
        if not isinstance(body, (bytes, str)):
            body = json.dumps(body)
        if isinstance(body, str):
            body = body.encode()
        if content_type:
            h["Content-Type"] = content_type
    h.update(headers or {})
    return (client or srv.client()).request(method, path, body, h)


def session(role):
    """A logged-in browser client of role that knows its session's CSRF token."""
    c = srv.client(role)
    c.get("/")
    return c


def session_call(c, method, path, body=None, csrf=True):
    """A state change from the browser session c (Origin of this site; the
    X-CSRF-Token header unless csrf is False)."""
    h = {"Origin": srv.origin, "Content-Type": "application/json", "Accept": "application/json"}
    if csrf:
        h["X-CSRF-Token"] = c.csrf or ""
    return c.request(method, path, json.dumps(body).encode() if body is not None else None, h)


def is_problem(r, status):
    """Whether r is an RFC 9457 problem with status, title and detail."""
    if r.status != status or not (r.header("content-type") or "").startswith("application/problem+json"):
        return False
    p = r.json()
    return p.get("status") == status and p.get("title") and p.get("detail") and not SQL_WORDS.search(r.body)


def invalid_names(r):
    """The names in the invalid-params of problem r."""
    return [p["name"] for p in r.json().get("invalid-params", [])]


def db_count(sql):
    """The number of the first column of the first row of sql."""
    return list(srv.sql(sql)[0].values())[0]


# ---- a small validator for the subset of JSON Schema the document uses ----

def resolve(schema):
    """Schema with its $ref followed."""
    while "$ref" in schema:
        node = OPENAPI
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def validate(value, schema, where="$"):
    """The list of places where value does not match the OpenAPI schema."""
    schema = resolve(schema)
    errors = []
    if value is None:
        return [] if schema.get("nullable") else [where + ": null is not allowed"]
    if "oneOf" in schema:
        ok = [s for s in schema["oneOf"] if not validate(value, s, where)]
        return [] if len(ok) == 1 else [where + ": matches %d of oneOf" % len(ok)]
    t = schema.get("type")
    types = {"object": dict, "array": list, "string": str, "boolean": bool}
    if t in types and not isinstance(value, types[t]):
        return [where + ": expected %s, found %r" % (t, value)]
    if t == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        return [where + ": expected an integer, found %r" % (value,)]
    if t == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return [where + ": expected a number, found %r" % (value,)]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(where + ": %r is not one of %s" % (value, schema["enum"]))
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(where + ": %r does not match %s" % (value, schema["pattern"]))
        if schema.get("format") == "date" and not re.match(r"^\d{4}-\d\d-\d\d$", value):
            errors.append(where + ": %r is not a date" % value)
        if schema.get("format") == "date-time" and not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", value):
            errors.append(where + ": %r is not a date-time" % value)
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(where + ": too long")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(where + ": %r below the minimum" % value)
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(where + ": %r above the maximum" % value)
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for k in schema.get("required", []):
            if k not in value:
                errors.append(where + ": missing required member %s" % k)
        for k, v in value.items():
            if k in props:
                errors += validate(v, props[k], where + "." + k)
            elif schema.get("additionalProperties") is False:
                errors.append(where + ": member %s is not in the document" % k)
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += validate(v, schema["additionalProperties"], where + "." + k)
    if isinstance(value, list) and "items" in schema:
        for i, v in enumerate(value):
            errors += validate(v, schema["items"], "%s[%d]" % (where, i))
    return errors


def response_schema(path, method, status, ctype="application/json"):
    """The schema the document gives for this response."""
    op = OPENAPI["paths"][path][method]
    resp = resolve(op["responses"][str(status)])
    return resp["content"][ctype]["schema"]


def expect_valid(r, path, method="get"):
    """r has the status, content type and body the document says for it."""
    doc_path = path
    ops = OPENAPI["paths"][doc_path][method]
    expect(str(r.status) in ops["responses"], "%s %s: status %d is not in the document\n%s" % (method, path, r.status, r))
    ctype = "application/problem+json" if r.status >= 400 else "application/json"
    expect((r.header("content-type") or "").startswith(ctype), r)
    errors = validate(r.json(), response_schema(doc_path, method, r.status, ctype))
    expect(not errors, "\n".join(errors[:20]) + "\n" + str(r)[:1500])


# ---- the document ----------------------------------------------------------

@test("the OpenAPI document is public at /api/v1/openapi.json, readable from any origin, and its version is the API-Version")
def _():
    r = srv.client().get(API + "/openapi.json")
    expect(r.status == 200 and r.header("content-type") == "application/json", r)
    doc = r.json()
    expect(doc == OPENAPI, "the server serves another document than api/openapi.json")
    expect(doc["openapi"].startswith("3.0."), doc["openapi"])
    expect(r.header("access-control-allow-origin") == "*", r)
    expect(r.header("api-version") == doc["info"]["version"], r)
    expect(doc["servers"][0]["url"] == API, doc["servers"])


@test("the OpenAPI document passes the API Design Rules ruleset (Spectral) without errors")
def _():
    spectral = os.path.join(REPO, "node_modules", ".bin", "spectral")
    p = subprocess.run([spectral, "lint", "--quiet", "-f", "json", "-r",
                        os.path.join(REPO, "test", "api", "adr-core.spectral.yaml"),
                        os.path.join(REPO, "api", "openapi.json")], capture_output=True, text=True)
    results = json.loads(p.stdout or "[]")
    errors = [x for x in results if x["severity"] == 0]
    expect(p.returncode == 0 and not errors, p.stdout[:3000] + p.stderr[:1000])


@test("the ruleset catches what the API Design Rules forbid (a broken copy of the document fails each rule)")
def _():
    d = json.loads(json.dumps(OPENAPI))
    d["paths"]["/items/"] = d["paths"].pop("/vision")                    # trailing slash, not plural
    del d["paths"]["/openapi.json"]                                       # not published
    del d["paths"]["/items"]["get"]["responses"]["200"]["headers"]["API-Version"]
    d["servers"][0]["url"] = "/api"                                       # no major version
    d["info"]["version"] = "1.0"                                          # not semver
    del d["info"]["contact"]["email"]
    d["paths"]["/Areas_X"] = d["paths"].pop("/areas")                     # not kebab-case
    d["paths"]["/items"]["get"]["parameters"][0]["name"] = "page_size"   # not camelCase
    d["paths"]["/items/{id}"]["get"]["responses"]["404"] = {"description": "x", "content": {"application/json": {"schema": {"type": "object"}}}}
    d["paths"]["/items/{id}"]["head"] = d["paths"]["/items/{id}"]["get"]  # not a standard method here
    path = os.path.join(srv.dir, "broken.json")
    with open(path, "w") as f:
        json.dump(d, f)
    p = subprocess.run([os.path.join(REPO, "node_modules", ".bin", "spectral"), "lint", "--quiet", "-f", "json", "-r",
                        os.path.join(REPO, "test", "api", "adr-core.spectral.yaml"), path], capture_output=True, text=True)
    codes = {x["code"] for x in json.loads(p.stdout or "[]") if x["severity"] == 0}
    want = {"paths-no-trailing-slash", "collections-plural", "openapi-root-exists", "missing-version-header",
            "include-major-version-in-uri", "semver", "info-contact-fields-exist", "paths-kebab-case",
            "query-keys-camel-case", "use-problem-schema", "http-methods"}
    expect(p.returncode != 0 and want <= codes, "missing: %s\n%s" % (want - codes, p.stdout[:2000]))


# ---- authentication and roles ----------------------------------------------

READ_PATHS = [API + "/items", API + "/items/de-entree", API + "/areas", API + "/areas/WK063701", API + "/vision",
              API + "/vision/hl-thuis", API + "/organisations", API + "/organisations/gemeente-zoetermeer"]


@test("without a token, or with a wrong or revoked one, the API answers 401 problem+json with WWW-Authenticate")
def _():
    out = srv.steiger("token", "create", "raad").stdout.strip().split("\n")
    tid = re.search(r"\b([0-9a-f]{16})\b", out[0]).group(1)
    revoked = out[-1].strip()
    srv.steiger("token", "revoke", tid)
    for path in READ_PATHS + [API + "/assessments"]:
        for auth in (None, "Bearer " + "0" * 64, "Bearer " + revoked, "Basic cmFhZDp4"):
            r = srv.client().request("GET", path, None, {"Authorization": auth} if auth else {})
            expect(is_problem(r, 401), r)
            expect((r.header("www-authenticate") or "").startswith("Bearer"), r)
            expect(r.header("api-version") == "1.0.0", r)


@test("every read endpoint answers every role, with a token and with a session; assessments only internal readers")
def _():
    for role in ROLES:
        c = session(role)
        for path in READ_PATHS + [API + "/assessments"]:
            want = 403 if path.endswith("/assessments") and role not in INTERNAL else 200
            for r in (call("GET", path, role), c.get(path, headers={"Accept": "application/json"})):
                expect(r.status == want, "%s as %s: %s" % (path, role, r))
                if want == 403:
                    expect(is_problem(r, 403), r)
                else:
                    expect(r.header("content-type") == "application/json" and r.json(), r)


@test("writes per role: create, change, archive items and put scores only for roles that may, with a token and with a session")
def _():
    for role in ROLES:
        for how in ("token", "session"):
            c = session(role) if how == "session" else None
            new_id = "api-%s-%s" % (role, how)
            body = {"id": new_id, "kind": "action", "title": "Actie van " + role}
            r = call("POST", API + "/items", role, body) if c is None else session_call(c, "POST", API + "/items", body)
            expect(r.status == (201 if role in EDITORS else 403), "POST as %s by %s: %s" % (role, how, r))
            target = new_id if role in EDITORS else "de-entree"
            patch = {"owner": "Team " + role}
            r = call("PATCH", API + "/items/" + target, role, patch) if c is None else \
                session_call(c, "PATCH", API + "/items/" + target, patch)
            expect(r.status == (200 if role in EDITORS else 403), "PATCH as %s by %s: %s" % (role, how, r))
            scores = {"assessments": [{"round": "r-open", "item": "de-entree", "criterion": "hl-thuis", "score": 3}]}
            r = call("PUT", API + "/assessments", role, scores) if c is None else \
                session_call(c, "PUT", API + "/assessments", scores)
            expect(r.status == (200 if role in ASSESSORS else 403), "PUT as %s by %s: %s" % (role, how, r))
            r = call("DELETE", API + "/items/" + target, role) if c is None else \
                session_call(c, "DELETE", API + "/items/" + target)
            expect(r.status == (204 if role in EDITORS else 403), "DELETE as %s by %s: %s" % (role, how, r))
            if role not in EDITORS:
                expect(is_problem(r, 403), r)
    rows = srv.sql("SELECT archived, owner FROM item WHERE id = 'de-entree'")
    expect(rows == [{"archived": 0, "owner": "Stedelijke Ontwikkeling"}], rows)


@test("a state change with a session cookie needs the X-CSRF-Token header and this site's Origin; nothing changes without")
def _():
    c = session("medewerker")
    before = srv.sql("SELECT title FROM item WHERE id = 'binnenstad'")
    r = session_call(c, "PATCH", API + "/items/binnenstad", {"title": "Zonder token"}, csrf=False)
    expect(is_problem(r, 403), r)
    r = c.request("PATCH", API + "/items/binnenstad", b'{"title": "Vreemde herkomst"}',
                  {"Content-Type": "application/json", "Origin": "https://evil.example", "X-CSRF-Token": c.csrf})
    expect(is_problem(r, 403), r)
    r = session_call(c, "PATCH", API + "/items/binnenstad", {"title": "Ander"}, csrf=True)
    expect(r.status == 200, r)
    r = session_call(c, "PATCH", API + "/items/binnenstad", {"title": before[0]["title"]})
    expect(r.status == 200 and srv.sql("SELECT title FROM item WHERE id = 'binnenstad'") == before, r)


@test("an API token is for the API only: on a page it is refused")
def _():
    r = srv.client().request("GET", "/", None, {"Authorization": "Bearer " + TOKENS["beheerder"]})
    expect(r.status == 403, r)


# ---- errors ----------------------------------------------------------------

@test("unknown addresses are 404, wrong methods 405 with Allow, trailing slashes are not addresses: all problem+json")
def _():
    for path in (API + "/nothing", API + "/items/", API + "/items/no-such-item", API + "/areas/XX999",
                 API + "/vision/no-such", API + "/organisations/no-such", "/api/v2/items"):
        r = call("GET", path, "raad")
        expect(is_problem(r, 404) and r.header("api-version") == "1.0.0", r)
    for method, path, allow in (("PUT", API + "/items", "GET, POST"), ("DELETE", API + "/areas", "GET"),
                                ("POST", API + "/items/de-entree", "GET, PATCH, DELETE"),
                                ("PATCH", API + "/assessments", "GET, PUT"), ("POST", API + "/openapi.json", "GET")):
        r = call(method, path, "beheerder", {} if method != "DELETE" else None)
        expect(is_problem(r, 405) and r.header("allow") == allow, r)


@test("a body that is not JSON is 415, malformed JSON 400 with where, too large 413: all problem+json, nothing written")
def _():
    n = db_count("SELECT count(*) FROM item")
    r = call("POST", API + "/items", "medewerker", "id=x&kind=action", content_type="application/x-www-form-urlencoded")
    expect(is_problem(r, 415), r)
    r = call("POST", API + "/items", "medewerker", '{"id": "x"}', content_type=None)
    expect(is_problem(r, 415), r)
    r = call("PATCH", API + "/items/de-entree", "medewerker", '{"id": "x"}', content_type="text/plain")
    expect(is_problem(r, 415), r)
    r = call("POST", API + "/items", "medewerker", '{"id": "x", "kind": }')
    expect(is_problem(r, 400) and r.json()["invalid-params"][0]["line"] == 1, r)
    r = call("PUT", API + "/assessments", "medewerker", "")
    expect(is_problem(r, 400), r)
    r = call("POST", API + "/items", "medewerker", '{"id": "big", "kind": "action", "title": "' + "x" * (5 << 20) + '"}')
    expect(is_problem(r, 413), r)
    expect(db_count("SELECT count(*) FROM item") == n, "an item was written")


@test("an empty object is 422 naming each required field (id, kind, title), for a new item and a PATCH of none")
def _():
    n = db_count("SELECT count(*) FROM item")
    r = call("POST", API + "/items", "medewerker", {})
    expect(is_problem(r, 422), r)
    names = invalid_names(r)
    for field in ("id", "kind", "title"):
        expect(field in names, (field, names))
    r = call("PATCH", API + "/items/binnenstad", "medewerker", {})
    expect(r.status in (200, 204), r)
    expect(db_count("SELECT count(*) FROM item") == n, "nothing may be written")


@test("invalid values are 422 with invalid-params naming each field and what was expected; nothing changes")
def _():
    before = call("GET", API + "/items/binnenstad", "raad").json()
    bad = {"status": "bogus", "kind": "book", "year_adopted": "twee", "domains": ["sport"], "legal_task": "misschien",
           "areas": ["XX999"], "budget": {"2025": -5}, "colour": "red"}
    r = call("PATCH", API + "/items/binnenstad", "medewerker", bad)
    expect(is_problem(r, 422), r)
    names = invalid_names(r)
    for field in ("status", "kind", "year_adopted", "domains", "legal_task", "budget", "colour"):
        expect(field in names, "%s not in %s" % (field, names))
    for p in r.json()["invalid-params"]:
        expect(p["reason"] and not SQL_WORDS.search(p["reason"]), p)
    expect(call("GET", API + "/items/binnenstad", "raad").json() == before, "the item changed")
    r = call("PATCH", API + "/items/binnenstad", "medewerker", {"areas": ["XX999"]})
    expect(is_problem(r, 422) and "areas" in invalid_names(r), r)
    r = call("POST", API + "/items", "medewerker", {"kind": "action"})
    expect(is_problem(r, 422) and "id" in invalid_names(r), r)
    r = call("POST", API + "/items", "medewerker", {"id": "nieuw-zonder-titel", "kind": "action"})
    expect(is_problem(r, 422) and "title" in " ".join(p["reason"] + p["name"] for p in r.json()["invalid-params"]), r)
    r = call("POST", API + "/items", "medewerker", {"id": "binnenstad", "kind": "action", "title": "Dubbel"})
    expect(is_problem(r, 422) and "id" in invalid_names(r), r)
    r = call("PATCH", API + "/items/binnenstad", "medewerker", {"id": "ander-id"})
    expect(is_problem(r, 422) and "id" in invalid_names(r), r)
    r = call("PATCH", API + "/items/binnenstad", "medewerker", [1, 2])
    expect(is_problem(r, 422), r)
    r = call("PATCH", API + "/items/no-such-item", "medewerker", {"title": "x"})
    expect(is_problem(r, 404), r)
    r = call("DELETE", API + "/items/no-such-item", "medewerker")
    expect(is_problem(r, 404), r)


@test("problem titles and details follow the language: Dutch by default, English by Accept-Language or ?lang=en")
def _():
    r = call("GET", API + "/items/no-such-item", "raad")
    expect(r.json()["title"] == "Niet gevonden", r)
    r = call("GET", API + "/items/no-such-item", "raad", headers={"Accept-Language": "en-GB,en;q=0.9,nl;q=0.5"})
    expect(r.json()["title"] == "Not found", r)
    r = call("GET", API + "/items/no-such-item", "raad", headers={"Accept-Language": "nl,en;q=0.5"})
    expect(r.json()["title"] == "Niet gevonden", r)
    r = call("GET", API + "/items/no-such-item?lang=en", "raad")
    expect(r.json()["title"] == "Not found", r)
    r = call("GET", API + "/items?pageSize=0", "raad", headers={"Accept-Language": "en"})
    expect(is_problem(r, 400) and "pageSize" in invalid_names(r) and "expected" in r.json()["invalid-params"][0]["reason"], r)


@test("every API response carries the API-Version header, success or error")
def _():
    rs = [srv.client().get(API + "/openapi.json"), call("GET", API + "/items", "inwoner"),
          call("GET", API + "/items/none", "inwoner"), call("GET", API + "/items"),
          call("PUT", API + "/items", "inwoner", {}), call("POST", API + "/items", "inwoner", {}),
          call("PATCH", API + "/items/de-entree", "medewerker", {"status": "x"})]
    for r in rs:
        expect(r.header("api-version") == OPENAPI["info"]["version"], r)


# ---- pagination and filters ------------------------------------------------

@test("items come in pages with self/first/prev/next/last links, a total and X-Total-Count; following next visits each once")
def _():
    total = db_count("SELECT count(*) FROM item WHERE archived = 0")
    r = call("GET", API + "/items?pageSize=7&sort=id", "inwoner")
    expect_valid(r, "/items")
    page = r.json()
    expect(page["total"] == total and r.header("x-total-count") == str(total), r)
    expect(page["pages"] == (total + 6) // 7 and "prev" not in page["_links"], page["_links"])
    expect('rel="next"' in r.header("link") and 'rel="last"' in r.header("link"), r)
    seen, pages = [], 0
    while True:
        seen += [i["id"] for i in page["_embedded"]["items"]]
        pages += 1
        if "next" not in page["_links"]:
            break
        r = call("GET", page["_links"]["next"]["href"], "inwoner")
        expect(r.status == 200, r)
        page = r.json()
        expect(page["_links"]["prev"]["href"].endswith("page=%d&pageSize=7" % (page["page"] - 1)), page["_links"])
    expect(len(seen) == total == len(set(seen)) and seen == sorted(seen), seen)
    expect(pages == (total + 6) // 7 and page["_links"]["last"] == page["_links"]["self"], page["_links"])
    r = call("GET", API + "/items?page=999&pageSize=7", "inwoner")
    expect(r.status == 200 and r.json()["_embedded"]["items"] == [] and "prev" in r.json()["_links"], r)
    for bad in ("page=0", "page=abc", "pageSize=101", "pageSize=-1", "page=1e3"):
        r = call("GET", API + "/items?" + bad, "inwoner")
        expect(is_problem(r, 400) and invalid_names(r) == [bad.split("=")[0]], r)


@test("the other collections are paged the same way and match the document")
def _():
    for name, table in (("areas", "area"), ("vision", "vision_element"), ("organisations", "organisation")):
        r = call("GET", API + "/%s?pageSize=5" % name, "partner")
        expect_valid(r, "/" + name)
        total = db_count("SELECT count(*) FROM " + table)
        expect(r.json()["total"] == total and len(r.json()["_embedded"][name]) == min(5, total), r)
        r = call("GET", API + "/%s?pageSize=100" % name, "partner")
        expect(len(r.json()["_embedded"][name]) == total, r)


@test("item filters: kind, status, domain, area, hoofdlijn, owner, q (full text) and sort, as the database has them")
def _():
    def ids(query, role="raad"):
        r = call("GET", API + "/items?pageSize=100&" + query, role)
        expect(r.status == 200, r)
        expect_valid(r, "/items")
        return [i["id"] for i in r.json()["_embedded"]["items"]]

    expect(set(ids("kind=project")) == {x["id"] for x in srv.sql("SELECT id FROM item WHERE kind = 'project' AND archived = 0")}, "kind")
    expect(set(ids("status=active&kind=policy")) == {x["id"] for x in srv.sql(
        "SELECT id FROM item WHERE kind = 'policy' AND status = 'active' AND archived = 0")}, "status")
    expect(set(ids("domain=veiligheid")) == {x["id"] for x in srv.sql(
        "SELECT i.id FROM item i JOIN item_domain d ON d.item_id = i.id WHERE d.domain = 'veiligheid' AND archived = 0")}, "domain")
    expect("de-entree" in ids("area=OG-ENTREE") and "binnenstad" not in ids("area=OG-ENTREE"), "area")
    hl = ids("hoofdlijn=hl-thuis")
    expect(hl and "versnellingsagenda-zoetermeer" in hl, hl)
    owner = srv.sql("SELECT owner FROM item WHERE id = 'versnellingsagenda-zoetermeer'")[0]["owner"]
    expect(set(ids("owner=" + urllib.parse.quote(owner))) == {x["id"] for x in srv.sql(
        "SELECT id FROM item WHERE owner = '%s' AND archived = 0" % owner.replace("'", "''"))}, "owner")
    found = ids("q=versnellingsagenda")
    expect(found and found[0] == "versnellingsagenda-zoetermeer", found)
    expect(ids("q=xyzzy-niets") == [], "q without hits")
    titles = [x["title"] for x in call("GET", API + "/items?pageSize=100&sort=title", "raad").json()["_embedded"]["items"]]
    expect(titles == sorted(titles, key=str.lower), titles[:5])
    down = ids("sort=-id")
    expect(down == sorted(down, reverse=True), down[:5])
    budgets = call("GET", API + "/items?pageSize=100&sort=-budget&year=2025", "raad").json()["_embedded"]["items"]
    values = [i["budget"]["2025"] for i in budgets if "budget" in i]
    expect(values and values == sorted(values, reverse=True) and all(list(i.get("budget", {"2025": 0})) == ["2025"] for i in budgets), budgets[:3])
    for bad in ("kind=book", "status=x", "domain=sport", "sort=colour", "archived=maybe", "year=99"):
        r = call("GET", API + "/items?" + bad, "raad")
        expect(is_problem(r, 400) and invalid_names(r) == [bad.split("=")[0]], r)


# ---- items: reading, internal details, archiving ---------------------------

@test("an item is the import format; contracts and partners only for internal readers, and they match the document")
def _():
    for role in ROLES:
        r = call("GET", API + "/items/de-entree", role)
        expect_valid(r, "/items/{id}")
        item = r.json()
        expect(item["id"] == "de-entree" and item["kind"] == "programme" and item["budget"], item)
        if role in INTERNAL:
            expect([c["id"] for c in item["contracts"]] == ["ovk-entree-oost"] and item["partners"], item)
        else:
            expect("contracts" not in item and "partners" not in item, "%s sees internal details" % role)
            expect("contract_end" not in r.body, r)
    lst = call("GET", API + "/items?q=entree", "inwoner")
    expect(all("contract_end" not in i for i in lst.json()["_embedded"]["items"]), lst)
    lst = call("GET", API + "/items?q=entree", "raad")
    expect(any(i.get("contract_end") == "2029-12-31" for i in lst.json()["_embedded"]["items"]), lst)


@test("areas, the vision and organisations in detail match the document; contacts and partnerships only for internal readers")
def _():
    r = call("GET", API + "/areas/WK063701", "inwoner")
    expect_valid(r, "/areas/{code}")
    area = r.json()
    expect(area["code"] == "WK063701" and area["indicator_values"], area)
    expect(len(area["indicator_values"]) == db_count("SELECT count(*) FROM indicator_value WHERE area_code = 'WK063701'"), area)
    r = call("GET", API + "/vision/hl-thuis", "inwoner")
    expect_valid(r, "/vision/{id}")
    expect({c["id"] for c in r.json()["children"]} == {x["id"] for x in srv.sql(
        "SELECT id FROM vision_element WHERE parent_id = 'hl-thuis'")}, r)
    for role in ROLES:
        r = call("GET", API + "/organisations/gemeente-zoetermeer", role)
        expect_valid(r, "/organisations/{id}")
        org = r.json()
        if role in INTERNAL:
            expect(org["contacts"] and "items" in org and "contracts" in org, org)
        else:
            expect(not {"contacts", "items", "contracts"} & set(org) and "@" not in r.body, "%s sees contacts" % role)


@test("create: 201 with Location, the item as stored, audited with the token's account as actor")
def _():
    body = {"id": "api-nieuw", "kind": "project", "title": "Nieuw project", "status": "planned",
            "domains": ["fysiek", "sociaal"], "areas": ["WK063701"], "serves": ["hl-thuis"],
            "budget": {"2025": 125000.5, "2026": 130000}, "fte": {"2025": 1.5}, "legal_task": True}
    r = call("POST", API + "/items", "medewerker", body)
    expect(r.status == 201 and r.header("location") == API + "/items/api-nieuw", r)
    expect_valid(r, "/items", "post")
    item = r.json()
    for k, v in body.items():
        expect(item[k] == v, "%s: %r != %r" % (k, item.get(k), v))
    got = call("GET", r.header("location"), "inwoner")
    expect(got.status == 200 and got.json()["title"] == "Nieuw project", got)
    rows = srv.sql("SELECT actor, action, context FROM audit_log WHERE tbl = 'item' AND record = 'api-nieuw'")
    expect(rows and all(x["actor"] == "medewerker" for x in rows) and rows[0]["action"] == "insert", rows)
    expect("POST /api/v1/items" in rows[0]["context"], rows)


@test("PATCH changes only the fields given (null empties one); everything else stays as it was")
def _():
    before = call("GET", API + "/items/versnellingsagenda-zoetermeer", "raad").json()
    r = call("PATCH", API + "/items/versnellingsagenda-zoetermeer", "beheerder",
             {"owner": "Team Versnelling", "budget": {"2027": 99}, "year_adopted": None})
    expect(r.status == 200, r)
    expect_valid(r, "/items/{id}", "patch")
    after = r.json()
    expect(after["owner"] == "Team Versnelling" and after["budget"]["2027"] == 99, after)
    expect("year_adopted" not in after, after)
    for k in set(before) | set(after):
        if k in ("owner", "budget", "year_adopted", "field_sources"):
            continue
        expect(before.get(k) == after.get(k), "%s changed: %r -> %r" % (k, before.get(k), after.get(k)))
    for y, v in before["budget"].items():
        expect(after["budget"][y] == v, "budget %s changed" % y)
    rows = srv.sql("SELECT actor, before, after FROM audit_log WHERE tbl = 'item' AND record = 'versnellingsagenda-zoetermeer'"
                   " ORDER BY id DESC LIMIT 1")
    changed = set(json.loads(rows[0]["after"]))
    expect(rows[0]["actor"] == "beheerder" and "owner" in changed and "title" not in changed, rows)


@test("DELETE archives (204, empty body): the item is gone for partner and resident, visible with archived=true for the council")
def _():
    r = call("POST", API + "/items", "medewerker", {"id": "api-weg", "kind": "action", "title": "Verdwijnt"})
    expect(r.status == 201, r)
    r = call("DELETE", API + "/items/api-weg", "medewerker")
    expect(r.status == 204 and r.body == "", r)
    expect(srv.sql("SELECT archived FROM item WHERE id = 'api-weg'") == [{"archived": 1}], "not archived")
    expect(call("DELETE", API + "/items/api-weg", "medewerker").status == 204, "archiving twice")
    for role in ROLES:
        r = call("GET", API + "/items/api-weg", role)
        listed = [i["id"] for i in call("GET", API + "/items?q=verdwijnt", role).json()["_embedded"]["items"]]
        expect("api-weg" not in listed, "%s lists an archived item" % role)
        if role in INTERNAL:
            expect(r.status == 200 and r.json()["archived"] is True, r)
            arch = [i["id"] for i in call("GET", API + "/items?archived=true&pageSize=100", role).json()["_embedded"]["items"]]
            expect("api-weg" in arch, arch)
            both = call("GET", API + "/items?archived=all&pageSize=1", role).json()["total"]
            expect(both == db_count("SELECT count(*) FROM item"), both)
        else:
            expect(is_problem(r, 404), r)
            expect(is_problem(call("GET", API + "/items?archived=true", role), 403), role)
            expect(is_problem(call("PATCH", API + "/items/api-weg", "partner", {"title": "x"}), 403), role)
    rows = srv.sql("SELECT actor, after FROM audit_log WHERE tbl = 'item' AND record = 'api-weg' ORDER BY id")
    expect(rows[-1]["actor"] == "medewerker" and '"archived"' in rows[-1]["after"], rows)


# ---- injection -------------------------------------------------------------

INJECT = ["<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>", "Robert'); DROP TABLE item;--",
          "quote \" backslash \\ slash / tab\tend", "é ñ ü 漢字 😀", "&amp; &lt;b&gt; %s %n %25 {{7*7}}"]


@test("injection strings in every text field are stored and returned intact as JSON strings, never HTML-escaped")
def _():
    for n, s in enumerate(INJECT):
        body = {"id": "api-inject-%d" % n, "kind": "action", "title": s, "description": s + "\nregel 2", "owner": s}
        r = call("POST", API + "/items", "medewerker", body)
        expect(r.status == 201 and r.header("content-type") == "application/json", r)
        for got in (r, call("GET", API + "/items/api-inject-%d" % n, "inwoner")):
            item = got.json()
            expect(item["title"] == s and item["description"] == s + "\nregel 2" and item["owner"] == s, got)
            expect("&lt;" not in got.body.replace("&amp; &lt;b&gt;", "") and "\\u003c" not in got.body, got)
        stored = srv.sql("SELECT title, description FROM item WHERE id = 'api-inject-%d'" % n)[0]
        expect(stored["title"] == s and stored["description"] == s + "\nregel 2", stored)
        r = call("PATCH", API + "/items/api-inject-%d" % n, "medewerker", {"title": s + s})
        expect(r.status == 200 and r.json()["title"] == s + s, r)
    listed = call("GET", API + "/items?pageSize=100&q=regel", "raad")
    expect(listed.status == 200 and json.loads(listed.body), listed)
    expect(db_count("SELECT count(*) FROM item WHERE id LIKE 'api-inject-%'") == len(INJECT), "items")


SQL_META = ["'", "\"", "' OR '1'='1", "1; DROP TABLE item; --", "%", "_", "\\", "*", "NEAR(", "\" OR \"\"=\"",
            "') UNION SELECT token_hash FROM api_token --", "x' AND 1=0 UNION SELECT 1,2,3--", "%00", "\u202e"]


@test("SQL metacharacters in every query and path parameter do no harm: no 500, no SQL text, nothing changed")
def _():
    counts = (db_count("SELECT count(*) FROM item"), db_count("SELECT count(*) FROM api_token"),
              db_count("SELECT count(*) FROM assessment"))
    current = db_count("SELECT count(*) FROM item WHERE archived = 0")
    params = {"/items": ["kind", "status", "domain", "hoofdlijn", "pillar", "area", "owner", "q", "archived", "year",
                         "sort", "page", "pageSize"],
              "/areas": ["page", "pageSize"], "/vision": ["page"], "/organisations": ["pageSize"],
              "/assessments": ["item", "round", "assessor", "page"]}
    for s in SQL_META:
        enc = urllib.parse.quote(s, safe="")
        echo = json.dumps(s)[1:-1]  # the value itself may be named in a message
        for path, names in params.items():
            for name in names:
                r = call("GET", API + path + "?" + name + "=" + enc, "beheerder")
                expect(r.status in (200, 400, 403) and not SQL_WORDS.search(r.body.replace(echo, "")), r)
                if r.status == 200 and name in ("owner", "item", "round", "assessor"):
                    expect(r.json()["total"] == 0, "%s=%r found %s" % (name, s, r.json()["total"]))
                if r.status == 200 and name == "q":  # words without a letter or digit are no search terms
                    expect(r.json()["total"] == (0 if re.search(r"[^\W_]|[^\x00-\x7f]", s) else current), "q=%r found %s" % (s, r.json()["total"]))
        for path in ("/items/", "/areas/", "/vision/", "/organisations/"):
            r = call("GET", API + path + enc, "beheerder")
            expect(r.status in (404, 400) and not SQL_WORDS.search(r.body.replace(echo, "")), r)
        r = call("PATCH", API + "/items/" + enc, "beheerder", {"title": "x"})
        expect(r.status in (404, 400) and not SQL_WORDS.search(r.body.replace(echo, "")), r)
    after = (db_count("SELECT count(*) FROM item"), db_count("SELECT count(*) FROM api_token"),
             db_count("SELECT count(*) FROM assessment"))
    expect(after == counts, (counts, after))
    expect(srv.proc.poll() is None, "the server stopped")


# ---- assessments -----------------------------------------------------------

@test("PUT scores: written as the asker in one transaction, audited, listed with filters; the document matches")
def _():
    body = {"assessments": [
        {"round": "r-open", "item": "binnenstad", "criterion": "hl-thuis", "score": 4, "rationale": "Draagt veel bij."},
        {"round": "r-open", "item": "binnenstad", "criterion": "hl-mozaiek", "score": 1},
        {"round": "r-blind", "item": "binnenstad", "criterion": "hl-thuis", "score": "n.v.t."}]}
    r = call("PUT", API + "/assessments", "medewerker", body)
    expect(r.status == 200 and r.json() == {"added": 3, "changed": 0, "unchanged": 0}, r)
    expect_valid(r, "/assessments", "put")
    r = call("PUT", API + "/assessments", "medewerker", body)
    expect(r.json()["added"] == 0 and r.json()["unchanged"] + r.json()["changed"] == 3, r)
    rows = srv.sql("SELECT assessor, score, na, assessed_at FROM assessment WHERE item_id = 'binnenstad' "
                   "AND round_id IN ('r-open', 'r-blind') ORDER BY round_id, criterion_id")
    expect(len(rows) == 3 and all(x["assessor"] == "medewerker" and x["assessed_at"] for x in rows), rows)
    # the example's own round is left alone: four assessors, every criterion, none of them medewerker
    example = srv.sql("SELECT assessor, count(*) AS n FROM assessment WHERE item_id = 'binnenstad' "
                      "AND round_id = 'ronde-2026-1' GROUP BY assessor ORDER BY assessor")
    criteria = srv.sql("SELECT count(*) AS n FROM vision_element WHERE kind IN ('hoofdlijn', 'pillar', 'urgent_issue')")
    expect([x["assessor"] for x in example] == ["beoordelaar-anne", "beoordelaar-bram", "beoordelaar-fatima",
                                                 "beoordelaar-joost"]
           and all(x["n"] == criteria[0]["n"] for x in example), example)
    audit = srv.sql("SELECT DISTINCT actor FROM audit_log WHERE tbl = 'assessment' AND record LIKE '%/binnenstad/%' "
                    "AND record NOT LIKE 'ronde-2026-1/%'")
    expect(audit == [{"actor": "medewerker"}], audit)
    r = call("GET", API + "/assessments?item=binnenstad&round=r-open", "medewerker")
    expect_valid(r, "/assessments")
    got = {(a["criterion"], a["score"]) for a in r.json()["_embedded"]["assessments"]}
    expect(got == {("hl-thuis", 4), ("hl-mozaiek", 1)}, got)
    r = call("GET", API + "/assessments?assessor=medewerker&round=r-blind", "medewerker")
    expect([a["score"] for a in r.json()["_embedded"]["assessments"]] == ["n.v.t."], r)


@test("in a blind round that is open, others do not see an assessor's scores (an administrator does)")
def _():
    q = API + "/assessments?round=r-blind&item=binnenstad"
    expect(call("GET", q, "raad").json()["total"] == 0, "the council sees blind scores")
    expect(call("GET", q, "beheerder").json()["total"] == 1, "the administrator does not see them")
    expect(call("GET", q, "medewerker").json()["total"] == 1, "the assessor does not see her own")


@test("invalid scores are 422 with invalid-params per score and field; nothing of the body is written")
def _():
    n = db_count("SELECT count(*) FROM assessment")
    valid = {"round": "r-open", "item": "vastgoed", "criterion": "hl-thuis", "score": 3}
    # The values themselves are checked first ...
    body = {"assessments": [
        valid,
        {"round": "r-closed", "item": "vastgoed", "criterion": "hl-thuis", "score": 2},        # closed round
        {"round": "r-open", "item": "vastgoed", "criterion": "hl-ontplooien", "score": 2, "assessor": "raad"},
        {"round": "r-open", "item": "vastgoed", "criterion": "hl-ontplooien", "score": "veel"},
        {"round": "r-open", "item": "vastgoed", "criterion": "hl-ontplooien", "colour": "red"},
        {"round": "r-open", "item": "vastgoed", "criterion": "hl-ontplooien", "assessed_at": "2020-01-01T00:00:00Z"},
        {"round": "r-open", "item": "vastgoed", "score": 2},                                  # no criterion
        "vijf",
    ]}
    r = call("PUT", API + "/assessments", "medewerker", body)
    expect(is_problem(r, 422), r)
    names = invalid_names(r)
    for want in ("assessments[1].round", "assessments[2].assessor", "assessments[3].score", "assessments[4].colour",
                 "assessments[5].assessed_at", "assessments[6]", "assessments[7]"):
        expect(want in names, "%s not in %s" % (want, names))
    expect(not any(x.startswith("assessments[0]") for x in names), names)
    # ... then scales, n.v.t., references and criteria, against the database.
    body = {"assessments": [
        valid,
        {"round": "r-open", "item": "vastgoed", "criterion": "hl-duurzaam", "score": 9},       # out of scale
        {"round": "r-open", "item": "vastgoed", "criterion": "hl-mozaiek", "score": "n.v.t."},  # n.v.t. not allowed
        {"round": "r-open", "item": "no-such-item", "criterion": "hl-thuis", "score": 2},      # unknown item
        {"round": "r-open", "item": "vastgoed", "criterion": "doel-passende-woningen", "score": 2},  # a goal
        {"round": "no-such-round", "item": "vastgoed", "criterion": "hl-thuis", "score": 2},
    ]}
    r = call("PUT", API + "/assessments", "medewerker", body)
    expect(is_problem(r, 422), r)
    names = invalid_names(r)
    for want in ("assessments[1].score", "assessments[2].score", "assessments[3].item", "assessments[4].criterion",
                 "assessments[5].round"):
        expect(want in names, "%s not in %s" % (want, names))
    expect(not any(x.startswith("assessments[0]") for x in names), names)
    for p in r.json()["invalid-params"]:
        expect(p["reason"] and not SQL_WORDS.search(p["reason"]), p)
    expect(db_count("SELECT count(*) FROM assessment") == n, "scores were written")
    for bad in ({}, {"assessments": []}, {"assessments": "x"}, [1]):
        r = call("PUT", API + "/assessments", "medewerker", bad)
        expect(is_problem(r, 422) and invalid_names(r) == ["assessments"], r)


run(srv)
