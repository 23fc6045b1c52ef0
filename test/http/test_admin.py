"""test_admin.py - the audit log (/audit), the user's own account
(/account) and user management (/users): filters and pages of the log, who
is named as actor, password changes and sessions, creating and changing
accounts and API tokens, the last-administrator rule, every form's
validation errors (422, the error at the field, nothing written), CSRF, and
injected markup that must come out as text."""
import html
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from steiger_http import PASSWORDS, ROLES, Client, Server, expect, run, test  # noqa: E402

srv = Server()

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


def client(role):
    """A client logged in as role, with English pages."""
    c = srv.client(role)
    c.get("/account?lang=en")
    return c


def login(name, password):
    """A client logged in as name (raises when the login fails)."""
    c = Client(srv)
    r = c.login(name, password)
    if r.status != 303:
        raise AssertionError("login as %s failed: %s" % (name, r))
    c.get("/account?lang=en")
    return c


def field_error(r, name):
    """The error message shown at form field name, or None."""
    m = re.search(r'id="error-%s"[^>]*>(.*?)</div>' % re.escape(name), r.body, re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else None


def entry_ids(r):
    """The ids of the audit entries on a page of /audit, in order."""
    return [int(x) for x in re.findall(r'<tr class="utrecht-table__row" id="entry-(\d+)"', r.body)]


def link(r, rel):
    """The href of the page link rel ("next", "prev") on /audit, unescaped."""
    m = re.search(r'rel="%s" href="([^"]+)"' % rel, r.body)
    return html.unescape(m.group(1)) if m else None


def count(query):
    """The number in the first column of the first row of query."""
    return list(srv.sql(query)[0].values())[0]


def audit_count():
    """The number of audit entries."""
    return count("SELECT count(*) AS n FROM audit_log")


def account(name):
    """The account row of name, or None."""
    rows = srv.sql("SELECT name, display_name, email, role, disabled, password_hash FROM account WHERE name = '%s'"
                   % name.replace("'", "''"))
    return rows[0] if rows else None


ADMIN = client("beheerder")

# ---- the audit log ----------------------------------------------------------


@test("the audit log shows 50 entries newest first; the older/newer links walk every entry exactly once")
def _():
    r = ADMIN.get("/audit")
    expect(r.status == 200 and "<caption" in r.body and 'scope="col"' in r.body, r)
    ids = entry_ids(r)
    expect(len(ids) == 50 and ids == sorted(ids, reverse=True), ids)
    expect(ids[0] == count("SELECT max(id) AS n FROM audit_log"), ids[:3])
    expect(link(r, "prev") is None, "the first page has no newer page")
    seen, page, pages = list(ids), r, 1
    while link(page, "next"):
        page = ADMIN.get(link(page, "next"))
        more = entry_ids(page)
        expect(more and max(more) < min(seen), (more[:3], min(seen)))
        seen += more
        pages += 1
        expect(pages < 100, "too many pages")
    expect(sorted(seen) == sorted(x["id"] for x in srv.sql("SELECT id FROM audit_log")), "every entry once")
    # and back: the newer link of the last page gives the page before it
    back = ADMIN.get(link(page, "prev"))
    expect(entry_ids(back) == seen[-len(entry_ids(page)) - 50:-len(entry_ids(page))], entry_ids(back)[:3])


@test("a change made on the web shows up in the audit log with the user as actor and the fields old -> new")
def _():
    r = ADMIN.post("/users/raad", {"action": "role", "role": "medewerker"})
    expect(r.status == 303, r)
    row = srv.sql("SELECT actor, action, tbl, record, context FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    expect(row == {"actor": "beheerder", "action": "update", "tbl": "account", "record": "raad",
                   "context": "web: POST /users/raad"}, row)
    r = ADMIN.get("/audit?actor=beheerder&table=account&record=raad")
    expect(r.status == 200 and len(entry_ids(r)) == 1, r)
    text = html.unescape(re.sub(r"<[^>]+>", "", r.body))
    expect("Role: raad → becomes medewerker" in re.sub(r"\s+", " ", text), text[-2000:])
    expect('href="/users/raad"' in r.body and "web: POST /users/raad" in r.body, r)
    ADMIN.post("/users/raad", {"action": "role", "role": "raad"})


@test("the audit filters: actor, table, record (with its rows below it), action, free text; combined")
def _():
    total = count("SELECT count(*) AS n FROM audit_log")
    r = ADMIN.get("/audit?actor=cli:root")
    expect(r.status == 200 and ">%d changes found." % count(
        "SELECT count(*) AS n FROM audit_log WHERE actor = 'cli:root'") in r.body, r)
    expect(count("SELECT count(*) AS n FROM audit_log WHERE actor = 'cli:root'") < total)
    r = ADMIN.get("/audit?table=area")
    n = count("SELECT count(*) AS n FROM audit_log WHERE tbl = 'area'")
    expect(">%d changes found." % n in r.body and len(entry_ids(r)) == min(n, 50), r)
    ids = ",".join(str(i) for i in entry_ids(r))
    expect(count("SELECT count(*) AS n FROM audit_log WHERE id IN (%s) AND tbl <> 'area'" % ids) == 0, ids)
    # a record and its yearly figures, which a CLI change writes as rows
    item = srv.sql("SELECT id FROM item WHERE archived = 0 ORDER BY id LIMIT 1")[0]["id"]
    srv.steiger("set", item, "status", "stopped")
    r = ADMIN.get("/audit?record=" + item)
    ids = entry_ids(r)
    expect(len(ids) >= 2, r)  # added by init, changed by set
    expect(count("SELECT count(*) AS n FROM audit_log WHERE id IN (%s) AND record NOT LIKE '%s%%'"
                 % (",".join(map(str, ids)), item)) == 0, ids)
    expect('href="/items/%s"' % item in r.body, "the record links to its page")
    r = ADMIN.get("/audit?record=%s&action=update" % item)
    expect(len(entry_ids(r)) == 1 and "Status" in r.body and "set status" in r.body, r)
    r = ADMIN.get("/audit?table=contract")
    c = srv.sql("SELECT id, item_id FROM contract ORDER BY id LIMIT 1")[0]
    expect(re.search(r'href="/items/%s">%s</a>' % (re.escape(c["item_id"]), re.escape(c["id"])), r.body),
           "a contract links to its item")
    r = ADMIN.get("/audit?action=delete")
    expect(">0 changes found." in r.body and not entry_ids(r), r)
    title = srv.sql("SELECT title FROM item WHERE id = '%s'" % item)[0]["title"]
    word = max(re.findall(r"\w{5,}", title), key=len)
    r = ADMIN.get("/audit?q=" + word)
    ids = entry_ids(r)
    expect(ids and count("SELECT count(*) AS n FROM audit_log WHERE id IN (%s) AND (after LIKE '%%%s%%' OR "
                         "before LIKE '%%%s%%' OR record LIKE '%%%s%%')" % (",".join(map(str, ids)), word, word, word))
           == len(ids), (word, ids))
    # the example's assessments of the item match too (their record names it): count what should match
    n = count("SELECT count(*) AS n FROM audit_log WHERE record LIKE '%%%s%%' OR before LIKE '%%%s%%' OR after LIKE "
              "'%%%s%%' OR actor LIKE '%%%s%%' OR context LIKE '%%%s%%'" % ((word,) * 5))
    expect(">%d changes found." % n in r.body and len(ids) == min(n, 50), (word, n, len(ids)))
    expect(n < audit_count(), "the text filters")
    # the filter is kept in the page links
    r = ADMIN.get("/audit?actor=cli:root&table=indicator_value")
    expect(link(r, "next") and "actor=cli%3Aroot" in link(r, "next") and "table=indicator_value" in link(r, "next"), r)


@test("the audit date filter: today finds today's entries, yesterday none; wrong dates are errors at the field")
def _():
    import datetime
    today = datetime.date.today()
    r = ADMIN.get("/audit?from=%s&to=%s" % (today - datetime.timedelta(days=1), today + datetime.timedelta(days=1)))
    expect(r.status == 200 and len(entry_ids(r)) == 50, r)
    r = ADMIN.get("/audit?to=%s" % (today - datetime.timedelta(days=2)))
    expect(r.status == 200 and ">0 changes found." in r.body, r)
    r = ADMIN.get("/audit?from=%s" % (today + datetime.timedelta(days=2)).strftime("%d-%m-%Y"))
    expect(r.status == 200 and ">0 changes found." in r.body, r)
    r = ADMIN.get("/audit?from=yesterday")
    expect(r.status == 422 and "Expected a date" in (field_error(r, "from") or ""), r)
    expect('aria-invalid="true"' in r.body and 'href="#field-from"' in r.body and not entry_ids(r), r)
    r = ADMIN.get("/audit?from=2026-03-02&to=2026-03-01")
    expect(r.status == 422 and field_error(r, "to"), r)
    r = ADMIN.get("/audit?action=drop")
    expect(r.status == 422 and field_error(r, "action"), r)
    r = ADMIN.get("/audit?before=abc")
    expect(r.status == 400, r)


@test("the entries of accounts and tokens are only for administrators; other readers of the log do not see them")
def _():
    raad = client("raad")
    r = raad.get("/audit?table=account")
    expect(r.status == 200 and ">0 changes found." in r.body, r)
    r = raad.get("/audit")
    n = count("SELECT count(*) AS n FROM audit_log WHERE tbl NOT IN ('account', 'api_token')")
    expect(">%d changes found." % n in r.body and 'value="account"' not in r.body, r)
    r = ADMIN.get("/audit?table=account")
    expect(len(entry_ids(r)) > 0, r)
    expect(client("partner").get("/audit").status == 403)


@test("SQL metacharacters in every audit filter do no harm")
def _():
    for v in ("'; DROP TABLE item; --", "%", "_", "\\", "\" OR 1=1 --", "x' OR '1'='1"):
        for name in ("actor", "table", "record", "q"):
            r = ADMIN.get("/audit?%s=%s" % (name, re.sub(r"[^A-Za-z0-9]", lambda m: "%%%02X" % ord(m.group(0)), v)))
            expect(r.status == 200, r)
            expect("sqlite" not in r.body.lower(), r)
    r = ADMIN.get("/audit?q=%25")
    expect(">0 changes found." in r.body or entry_ids(r), r)
    expect(count("SELECT count(*) AS n FROM item") > 0)

# ---- the own account --------------------------------------------------------


@test("every role sees its own account: name, role and exactly what the role may do")
def _():
    may = {"beheerder": "manage accounts", "medewerker": "edit registers", "bestuur": "decide",
           "raad": "comment", "partner": "read the agenda", "inwoner": "read the agenda"}
    for role in ROLES:
        r = client(role).get("/account")
        expect(r.status == 200 and "Test " + role in r.body and may[role] in r.body, (role, r))
        expect(role == "beheerder" or "manage accounts" not in r.body, (role, "no admin rights"))
        expect(role in ("beheerder", "medewerker") or "edit registers" not in r.body, role)
        expect('id="field-current_password"' in r.body and 'autocomplete' in r.body, role)


@test("the own details: a good change is saved and audited; a wrong e-mail is an error at the field, nothing written")
def _():
    c = client("bestuur")
    before = audit_count()
    r = c.post("/account", {"display_name": "Wethouder Jansen", "email": "jansen@zoetermeer.nl"})
    expect(r.status == 303 and r.header("location").startswith("/account"), r)
    a = account("bestuur")
    expect(a["display_name"] == "Wethouder Jansen" and a["email"] == "jansen@zoetermeer.nl", a)
    row = srv.sql("SELECT actor, tbl, record FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    expect(row == {"actor": "bestuur", "tbl": "account", "record": "bestuur"} and audit_count() == before + 1, row)
    expect("Your details are saved" in c.get(r.header("location")).body)
    before = audit_count()
    r = c.post("/account", {"display_name": "Iets anders", "email": "geen adres"})
    expect(r.status == 422 and "e-mail" in (field_error(r, "email") or ""), r)
    expect('value="Iets anders"' in r.body and 'value="geen adres"' in r.body, "the typed values stay")
    expect(account("bestuur")["display_name"] == "Wethouder Jansen" and audit_count() == before)
    for bad in ("x" * 201, "twee\nregels"):
        r = c.post("/account", {"display_name": bad, "email": ""})
        expect(r.status == 422 and field_error(r, "display_name"), r)
    expect(account("bestuur")["display_name"] == "Wethouder Jansen")


@test("password change: a wrong current password, a short or mismatched new one are errors at the field")
def _():
    c = client("partner")
    hash_before = account("partner")["password_hash"]
    r = c.post("/account/password", {"current_password": "niet het wachtwoord",
                                      "new_password": "een heel nieuw wachtwoord", "new_password_again":
                                      "een heel nieuw wachtwoord"})
    expect(r.status == 422 and "not your current password" in (field_error(r, "current_password") or ""), r)
    r = c.post("/account/password", {"current_password": PASSWORDS["partner"], "new_password": "kort",
                                      "new_password_again": "kort"})
    expect(r.status == 422 and "12 to 1024" in (field_error(r, "new_password") or ""), r)
    r = c.post("/account/password", {"current_password": PASSWORDS["partner"],
                                      "new_password": "een heel nieuw wachtwoord", "new_password_again": "anders"})
    expect(r.status == 422 and field_error(r, "new_password_again"), r)
    r = c.post("/account/password", {"current_password": "", "new_password": "", "new_password_again": ""})
    expect(r.status == 422 and field_error(r, "current_password") and field_error(r, "new_password"), r)
    expect('role="alert"' in r.body and 'href="#field-current_password"' in r.body, r)
    expect(account("partner")["password_hash"] == hash_before, "nothing written")
    login("partner", PASSWORDS["partner"])  # the old password still works


@test("password change: success ends the other sessions, keeps this one (with a new token), and is audited")
def _():
    c, other = client("medewerker"), client("medewerker")
    old_cookie = c.cookies["steiger_session"]
    new = "correct paard batterij nietje"
    r = c.post("/account/password", {"current_password": PASSWORDS["medewerker"], "new_password": new,
                                      "new_password_again": new})
    expect(r.status == 303 and r.header("location").startswith("/account"), r)
    expect(c.cookies["steiger_session"] != old_cookie, "a new session token")
    r = c.get("/account")
    expect(r.status == 200 and "Your password is changed" in c.get("/account?done=password").body, r)
    r = other.get("/account")
    expect(r.status == 303 and r.header("location").startswith("/login"), r)
    stale = Client(srv)
    stale.cookies["steiger_session"] = old_cookie
    expect(stale.get("/account").status == 303, "the old token is dead")
    expect(Client(srv).login("medewerker", PASSWORDS["medewerker"]).status == 401, "the old password fails")
    login("medewerker", new)
    row = srv.sql("SELECT actor, action, tbl, record FROM audit_log WHERE tbl = 'account' ORDER BY id DESC LIMIT 1")
    expect(row[0] == {"actor": "medewerker", "action": "update", "tbl": "account", "record": "medewerker"}, row)
    r = ADMIN.get("/audit?record=medewerker&table=account")
    expect("A password or token was set" in r.body, r)
    PASSWORDS["medewerker"] = new


@test("wrong current passwords count as failed logins: after five the account is locked (429)")
def _():
    srv.steiger("user", "add", "gokker", "--role", "inwoner", input="het goede wachtwoord\n")
    c = login("gokker", "het goede wachtwoord")
    for i in range(5):
        r = c.post("/account/password", {"current_password": "fout %d" % i, "new_password": "x" * 12,
                                          "new_password_again": "x" * 12})
        expect(r.status == 422, r)
    r = c.post("/account/password", {"current_password": "het goede wachtwoord", "new_password": "y" * 12,
                                      "new_password_again": "y" * 12})
    expect(r.status == 429 and r.header("retry-after") and field_error(r, "current_password"), r)
    expect(Client(srv).login("gokker", "het goede wachtwoord").status == 429)


@test("the own sessions are listed (this one marked) and 'log out everywhere else' ends the others")
def _():
    c, other = client("inwoner"), client("inwoner")
    r = c.get("/account")
    expect(r.body.count("(this session)") == 1 and "Log out everywhere else" in r.body, r)
    r = c.post("/account/sessions")
    expect(r.status == 303, r)
    expect(other.get("/account").status == 303 and c.get("/account").status == 200)

# ---- user management -------------------------------------------------------


@test("the list of accounts shows every account with role and status; only for administrators")
def _():
    r = ADMIN.get("/users")
    expect(r.status == 200 and "<caption" in r.body, r)
    for role in ROLES:
        expect('href="/users/%s"' % role in r.body, role)
    expect(client("medewerker" if False else "raad").get("/users").status == 403)
    expect(ADMIN.get("/users/nobody").status == 404)


@test("the example's assessors (accounts without a password) are listed, shown and audited, and cannot log in")
def _():
    assessors = srv.sql("SELECT name, display_name, password_hash, source FROM account "
                        "WHERE name LIKE 'beoordelaar-%' ORDER BY name")
    expect(len(assessors) == 4 and all(a["password_hash"] is None and a["source"] == "illustrative"
                                       for a in assessors), assessors)
    r = ADMIN.get("/users")
    for a in assessors:
        expect('href="/users/%s"' % a["name"] in r.body and html.escape(a["display_name"]) in r.body, a)
        page = ADMIN.get("/users/" + a["name"])
        expect(page.status == 200 and html.escape(a["display_name"]) in page.body, page)
    r = ADMIN.get("/audit?table=account&record=beoordelaar-anne")
    expect(r.status == 200 and len(entry_ids(r)) == 1, r)
    sessions = count("SELECT count(*) AS n FROM session WHERE account LIKE 'beoordelaar-%'")
    for password in ("beoordelaar-anne", PASSWORDS["medewerker"]):
        r = Client(srv).login("beoordelaar-anne", password)
        expect(r.status == 401 and not any(c.startswith("steiger_session=") for c in r.cookies), r)
    expect(Client(srv).login("beoordelaar-bram", "").status == 422)
    expect(sessions == 0 and count("SELECT count(*) AS n FROM session WHERE account LIKE 'beoordelaar-%'") == 0)


@test("create an account with a generated password: shown once, it works, and the creation is audited")
def _():
    r = ADMIN.post("/users", {"name": "piet", "display_name": "Piet Puk", "email": "piet@zoetermeer.nl",
                              "role": "raad", "password": "", "password_again": ""})
    expect(r.status == 200 and r.header("cache-control") == "no-store", r)
    pw = re.search(r'<code class="utrecht-code steiger-secret">([^<]+)</code>', r.body).group(1)
    expect(len(pw) == 20, pw)
    a = account("piet")
    expect(a and a["role"] == "raad" and a["display_name"] == "Piet Puk" and a["disabled"] == 0, a)
    expect(pw not in ADMIN.get("/users/piet").body and pw not in ADMIN.get("/users").body, "shown only once")
    expect(pw not in str(srv.sql("SELECT * FROM audit_log WHERE record = 'piet'")), "never in the log")
    row = srv.sql("SELECT actor, action FROM audit_log WHERE tbl = 'account' AND record = 'piet'")
    expect(row == [{"actor": "beheerder", "action": "insert"}], row)
    p = login("piet", pw)
    expect(p.get("/account").status == 200 and p.get("/users").status == 403)


@test("create an account with a typed password; it works")
def _():
    r = ADMIN.post("/users", {"name": "klaas", "role": "partner", "password": "klaas zijn wachtwoord",
                              "password_again": "klaas zijn wachtwoord"})
    expect(r.status == 303 and r.header("location") == "/users/klaas?done=created", r)
    login("klaas", "klaas zijn wachtwoord")


@test("the new-account form: every wrong field is an error at that field (422), the values stay, nothing written")
def _():
    n, before = count("SELECT count(*) AS n FROM account"), audit_count()
    cases = [
        ({"name": "", "role": "raad"}, "name"),
        ({"name": "Piet Puk", "role": "raad"}, "name"),
        ({"name": "piet", "role": "raad"}, "name"),  # taken
        ({"name": "new", "role": "raad"}, "name"),  # would be the address of the form
        ({"name": "jan", "role": "koning"}, "role"),
        ({"name": "jan", "role": ""}, "role"),
        ({"name": "jan", "role": "raad", "email": "jan at zoetermeer"}, "email"),
        ({"name": "jan", "role": "raad", "display_name": "a\nb"}, "display_name"),
        ({"name": "jan", "role": "raad", "display_name": "x" * 201}, "display_name"),
        ({"name": "jan", "role": "raad", "password": "kort", "password_again": "kort"}, "password"),
        ({"name": "jan", "role": "raad", "password": "lang genoeg wachtwoord", "password_again": "anders"},
         "password_again"),
    ]
    for fields, wrong in cases:
        r = ADMIN.post("/users", fields)
        expect(r.status == 422 and field_error(r, wrong), (fields, r))
        expect('href="#field-%s"' % wrong in r.body, (fields, "the summary links to the field"))
        if fields.get("name") and "\n" not in fields["name"]:
            expect('value="%s"' % html.escape(fields["name"]) in r.body, (fields, "the name stays"))
    expect(count("SELECT count(*) AS n FROM account") == n and audit_count() == before, "nothing written")


@test("change an account's details and role; wrong values are errors at the field and write nothing")
def _():
    r = ADMIN.post("/users/klaas", {"action": "details", "display_name": "Klaas V.", "email": "klaas@partner.nl"})
    expect(r.status == 303 and account("klaas")["display_name"] == "Klaas V.", r)
    r = ADMIN.post("/users/klaas", {"action": "role", "role": "inwoner"})
    expect(r.status == 303 and account("klaas")["role"] == "inwoner", r)
    expect("The role is changed" in ADMIN.get(r.header("location")).body)
    before = audit_count()
    r = ADMIN.post("/users/klaas", {"action": "details", "display_name": "K", "email": "klaas"})
    expect(r.status == 422 and field_error(r, "email") and 'value="klaas"' in r.body, r)
    r = ADMIN.post("/users/klaas", {"action": "role", "role": "keizer"})
    expect(r.status == 422 and field_error(r, "role"), r)
    r = ADMIN.post("/users/klaas", {"action": "explode"})
    expect(r.status == 400, r)
    r = ADMIN.post("/users/klaas/tokens", {"description": "x" * 201})
    expect(r.status == 422 and field_error(r, "description"), r)
    a = account("klaas")
    expect(a["email"] == "klaas@partner.nl" and a["role"] == "inwoner" and audit_count() == before, a)
    r = ADMIN.post("/users/nobody", {"action": "role", "role": "raad"})
    expect(r.status == 404, r)


@test("disable an account: its sessions end and it cannot log in; enable: it can again")
def _():
    k = login("klaas", "klaas zijn wachtwoord")
    expect(re.search(r'data-confirm="Disable the account klaas\?[^"]*"[^>]*>Disable account<',
                     ADMIN.get("/users/klaas").body), "asks first (with JavaScript)")
    r = ADMIN.post("/users/klaas", {"action": "disable"})
    expect(r.status == 303 and account("klaas")["disabled"] == 1, r)
    expect(k.get("/account").status == 303, "the session has ended")
    expect(Client(srv).login("klaas", "klaas zijn wachtwoord").status == 401)
    page = ADMIN.get("/users/klaas")
    expect("Enable account" in page.body and "Disable account" not in page.body, page)
    r = ADMIN.post("/users/klaas", {"action": "enable"})
    expect(r.status == 303 and account("klaas")["disabled"] == 0, r)
    login("klaas", "klaas zijn wachtwoord")
    rows = srv.sql("SELECT actor FROM audit_log WHERE tbl = 'account' AND record = 'klaas' AND context LIKE 'web:%'")
    expect(rows and all(x["actor"] == "beheerder" for x in rows), rows)


@test("reset a password: a new one is shown once, the old one stops working, the sessions end")
def _():
    k = login("klaas", "klaas zijn wachtwoord")
    r = ADMIN.post("/users/klaas", {"action": "reset"})
    expect(r.status == 200, r)
    pw = re.search(r'steiger-secret">([^<]+)<', r.body).group(1)
    expect(k.get("/account").status == 303, "the session has ended")
    expect(Client(srv).login("klaas", "klaas zijn wachtwoord").status == 401)
    login("klaas", pw)


@test("API tokens: made (shown once, only its hash stored), listed, revoked; another account's token is 404")
def _():
    import hashlib
    r = ADMIN.post("/users/klaas/tokens", {"description": "Koppeling zaaksysteem"})
    expect(r.status == 200, r)
    token = re.search(r'steiger-secret">([0-9a-f]{64})<', r.body).group(1)
    row = srv.sql("SELECT id, token_hash, account, description, revoked_at FROM api_token "
                  "WHERE description = 'Koppeling zaaksysteem'")[0]
    expect(row["token_hash"] == hashlib.sha256(token.encode()).hexdigest() and row["account"] == "klaas", row)
    expect(token not in str(srv.sql("SELECT * FROM audit_log")), "never in the log")
    page = ADMIN.get("/users/klaas")
    expect(row["id"] in page.body and "Koppeling zaaksysteem" in page.body and token not in page.body, page)
    other = srv.steiger("token", "create", "piet").stdout.split()[1]
    r = ADMIN.post("/users/klaas/tokens/%s/revoke" % other)
    expect(r.status == 404, r)
    left = srv.sql("SELECT revoked_at FROM api_token WHERE id = '%s'" % other)
    expect(left and left[0]["revoked_at"] is None, (other, left))
    r = ADMIN.post("/users/klaas/tokens/%s/revoke" % row["id"])
    expect(r.status == 303, r)
    expect(srv.sql("SELECT revoked_at FROM api_token WHERE id = '%s'" % row["id"])[0]["revoked_at"], "revoked")
    expect("The token is revoked" in ADMIN.get(r.header("location").split("#")[0]).body, r.header("location"))
    acts = srv.sql("SELECT actor, action FROM audit_log WHERE tbl = 'api_token' AND record = '%s'" % row["id"])
    expect(acts == [{"actor": "beheerder", "action": "insert"}, {"actor": "beheerder", "action": "update"}], acts)


@test("the last active administrator can neither be disabled nor demoted (the error at the field); with two, yes")
def _():
    before = audit_count()
    r = ADMIN.post("/users/beheerder", {"action": "role", "role": "medewerker"})
    expect(r.status == 422 and "last active administrator" in (field_error(r, "role") or ""), r)
    r = ADMIN.post("/users/beheerder", {"action": "disable"})
    expect(r.status == 422 and "last active administrator" in (field_error(r, "status") or ""), r)
    expect('href="#field-status"' in r.body and 'id="field-status"' in r.body, r)
    a = account("beheerder")
    expect(a["role"] == "beheerder" and a["disabled"] == 0 and audit_count() == before, a)
    # A second administrator; then the first may step down, and the
    # second is the last.
    ADMIN.post("/users", {"name": "beheer2", "role": "beheerder", "password": "tweede beheerder",
                          "password_again": "tweede beheerder"})
    b2 = login("beheer2", "tweede beheerder")
    r = b2.post("/users/beheer2", {"action": "role", "role": "raad"})
    expect(r.status == 303 and r.header("location") == "/account" and account("beheer2")["role"] == "raad", r)
    expect(b2.get("/users").status == 403)
    r = ADMIN.post("/users/beheerder", {"action": "disable"})
    expect(r.status == 422, r)
    # a disabled administrator does not count
    ADMIN.post("/users/beheer2", {"action": "role", "role": "beheerder"})
    ADMIN.post("/users/beheer2", {"action": "disable"})
    r = ADMIN.post("/users/beheerder", {"action": "role", "role": "raad"})
    expect(r.status == 422 and account("beheerder")["role"] == "beheerder", r)

# ---- CSRF and injection ----------------------------------------------------


@test("state changes without the session's CSRF token or from another origin are refused and write nothing")
def _():
    before, n = audit_count(), count("SELECT count(*) AS n FROM account")
    cases = [("/users", {"name": "csrf1", "role": "raad"}), ("/users/raad", {"action": "disable"}),
             ("/users/raad/tokens", {"description": "x"}), ("/account", {"display_name": "csrf"}),
             ("/account/password", {"current_password": PASSWORDS["beheerder"], "new_password": "z" * 20,
                                    "new_password_again": "z" * 20}), ("/account/sessions", {})]
    for path, fields in cases:
        for kw in ({"csrf": False}, {"csrf": "0" * 64}, {"origin": "http://evil.example"},
                   {"csrf": client("raad").csrf}):
            r = ADMIN.post(path, fields, **kw)
            expect(r.status == 403, (path, kw, r))
    expect(audit_count() == before and count("SELECT count(*) AS n FROM account") == n, "nothing written")
    expect(account("raad")["disabled"] == 0 and ADMIN.get("/account").status == 200)


@test("injected markup in display names, e-mail and audited values is shown as text on /users, /account, /audit")
def _():
    r = ADMIN.post("/users", {"name": "xss", "display_name": SCRIPT, "role": "raad", "password": "xss wachtwoord 1",
                              "password_again": "xss wachtwoord 1"})
    expect(r.status == 303, r)
    c = login("xss", "xss wachtwoord 1")
    r = c.post("/account", {"display_name": IMG, "email": 'a"><b>@x.nl'})
    expect(r.status == 303 and account("xss")["display_name"] == IMG, r)
    ADMIN.post("/users/xss/tokens", {"description": SCRIPT})
    pages = [ADMIN.get("/users"), ADMIN.get("/users/xss"), c.get("/account"), ADMIN.get("/audit?record=xss"),
             ADMIN.get("/audit?table=api_token"), ADMIN.get("/audit?q=" + "%3Cscript%3E"),
             ADMIN.get("/audit?actor=%3Cscript%3E&record=%22%3E%3Cimg")]
    for p in pages:
        expect(p.status == 200, p)
        for bad in (SCRIPT, "<img src=x", "<b>@"):
            expect(bad not in p.body, (p.path, bad))
    expect("&lt;script&gt;alert(1)&lt;/script&gt;" in pages[4].body, "the token's description, escaped")
    expect("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in pages[0].body, "the display name, escaped")
    expect("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in pages[3].body, "the audited value, escaped")
    expect("&lt;script&gt;" in pages[3].body, "the old value, escaped")


run(srv)
