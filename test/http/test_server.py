"""test_server.py - the server itself: login and logout, sessions, security
headers, CSRF and same-origin checks, errors, assets, the language switch,
login throttling and a graceful stop."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from steiger_http import PASSWORDS, ROLES, STEIGER, Server, expect, run, test  # noqa: E402

srv = Server()

SECURITY_HEADERS = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}


@test("a page without a login sends the browser to the login page, with where it was going")
def _():
    r = srv.client().get("/")
    expect(r.status == 303, r)
    expect(r.header("location") == "/login?next=%2F", r)


@test("the login page is Dutch by default and English on ?lang=en (remembered in a cookie)")
def _():
    c = srv.client()
    r = c.get("/login")
    expect(r.status == 200 and '<html lang="nl"' in r.body and "Inloggen" in r.body, r)
    r = c.get("/login?lang=en")
    expect('<html lang="en"' in r.body and "Log in" in r.body, r)
    r = c.get("/login")
    expect('<html lang="en"' in r.body, r)


@test("every role can log in and sees the overview; the session cookie is HttpOnly and SameSite=Lax")
def _():
    for role in ROLES:
        c = srv.client()
        c.get("/login")
        r = c.post("/login", {"name": role, "password": PASSWORDS[role], "next": "/"}, csrf=c.cookies["steiger_login"])
        expect(r.status == 303 and r.header("location") == "/", r)
        cookie = [k for k in r.cookies if k.startswith("steiger_session=")]
        expect(cookie and "HttpOnly" in cookie[0] and "SameSite=Lax" in cookie[0], r)
        expect(len(cookie[0].split(";")[0].split("=")[1]) == 64, cookie)
        r = c.get("/")
        expect(r.status == 200 and "Test " + role in r.body, r)


@test("a wrong password is refused with 401 and a clear message; the login name is kept")
def _():
    c = srv.client()
    r = c.login("medewerker", "not the password")
    expect(r.status == 401 and "steiger_session" not in c.cookies, r)
    expect('value="medewerker"' in r.body and "role=\"alert\"" in r.body, r)


@test("a login without the login form's token is refused (login CSRF)")
def _():
    c = srv.client()
    c.get("/login")
    r = c.post("/login", {"name": "beheerder", "password": PASSWORDS["beheerder"]}, csrf="0" * 64)
    expect(r.status == 403 and "steiger_session" not in c.cookies, r)


@test("after login the browser goes back to where it was going, but never to another site")
def _():
    c = srv.client()
    c.get("/login?next=/vision")
    r = c.post("/login", {"name": "raad", "password": PASSWORDS["raad"], "next": "/vision"}, csrf=c.cookies["steiger_login"])
    expect(r.header("location") == "/vision", r)
    for evil in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        c = srv.client()
        c.get("/login")
        r = c.post("/login", {"name": "raad", "password": PASSWORDS["raad"], "next": evil}, csrf=c.cookies["steiger_login"])
        expect(r.status == 303 and r.header("location") == "/", r)


@test("logout ends the session on the server: the old cookie no longer works")
def _():
    c = srv.client("medewerker")
    old = c.cookies["steiger_session"]
    r = c.post("/logout")
    expect(r.status == 303 and r.header("location") == "/login", r)
    other = srv.client()
    other.cookies["steiger_session"] = old
    r = other.get("/")
    expect(r.status == 303 and r.header("location").startswith("/login"), r)


@test("security headers are on every response: pages, redirects, errors and assets")
def _():
    c = srv.client("raad")
    page = c.get("/")
    asset = c.get(page.body.split('rel="stylesheet" href="')[1].split('"')[0])
    for r in (page, srv.client().get("/"), c.get("/no-such-page"), asset):
        for name, value in SECURITY_HEADERS.items():
            expect(r.header(name) == value, r)
        csp = r.header("content-security-policy") or ""
        expect("default-src 'none'" in csp and "frame-ancestors 'none'" in csp, r)
    expect(page.header("cache-control") == "no-store", page)
    nonce = page.header("content-security-policy").split("'nonce-")[1].split("'")[0]
    expect('<script nonce="%s"' % nonce in page.body, page)
    expect(asset.status == 200 and "immutable" in asset.header("cache-control"), asset)
    expect(asset.header("content-type").startswith("text/css") and ".utrecht-button" in asset.body, asset)


@test("each response has its own CSP nonce")
def _():
    c = srv.client("raad")
    a = c.get("/").header("content-security-policy")
    b = c.get("/").header("content-security-policy")
    expect(a != b, (a, b))


def nonce_of(r):
    """The CSP nonce of response r."""
    return r.header("content-security-policy").split("'nonce-")[1].split("'")[0]


@test("a kept page is the same page with a new nonce each time, in the header and in the body alike")
def _():
    c = srv.client("raad")
    pages = [c.get("/items?kind=policy") for _ in range(12)]  # every thread serves some more than once
    nonces = [nonce_of(r) for r in pages]
    expect(len(set(nonces)) == len(nonces), nonces)
    for r, n in zip(pages, nonces):
        expect(r.status == 200 and r.body.count(n) == 1 and '<script nonce="%s"' % n in r.body, r)
    bodies = {r.body.replace(n, "NONCE") for r, n in zip(pages, nonces)}
    expect(len(bodies) == 1, "the pages differ in more than the nonce")


@test("kept pages are per person and language: each sees their own name, role and language, never another's")
def _():
    raad, staff = srv.client("raad"), srv.client("medewerker")
    english = srv.client("bestuur")
    english.get("/?lang=en")
    for _ in range(8):
        for c, mine, other in ((raad, "Test raad", "Test medewerker"), (staff, "Test medewerker", "Test raad")):
            r = c.get("/items")
            expect(mine in r.body and other not in r.body and '<html lang="nl"' in r.body, r)
        expect("/items/new" in staff.get("/items").body and "/items/new" not in raad.get("/items").body,
               "the add button follows the role")
        r = english.get("/items")
        expect('<html lang="en"' in r.body and "Test bestuur" in r.body, r)


@test("a kept page changes at once with the data, a role or a logout, from the web or the command line")
def _():
    c = srv.client("medewerker")
    for _ in range(6):
        c.get("/organisations")
    srv.steiger("set", "--register", "organisations", "woningcorporatie-a", "name", "Woningcorporatie A (hernoemd)")
    for _ in range(6):
        r = c.get("/organisations")
        expect("Woningcorporatie A (hernoemd)" in r.body, r)
    for _ in range(6):
        expect("/items/new" in c.get("/items").body, "medewerker may add")
    srv.steiger("user", "role", "medewerker", "raad")
    try:
        for _ in range(6):
            r = c.get("/items")
            expect(r.status == 200 and "/items/new" not in r.body, r)
    finally:
        srv.steiger("user", "role", "medewerker", "medewerker")
    c.post("/logout")
    for _ in range(6):
        r = c.get("/items")
        expect(r.status == 303 and r.header("location").startswith("/login"), r)


@test("a state change without the session's CSRF token, or from another origin, is refused and changes nothing")
def _():
    c = srv.client("beheerder")
    r = c.post("/logout", csrf=False)
    expect(r.status == 403, r)
    r = c.post("/logout", csrf="f" * 64)
    expect(r.status == 403, r)
    r = c.post("/logout", origin="http://evil.example")
    expect(r.status == 403, r)
    r = c.post("/logout", origin=None, headers={"Referer": "http://evil.example/x"})
    expect(r.status == 403, r)
    expect(c.get("/").status == 200, "the session must still be valid")


@test("an unknown address is 404 and a wrong method 405 with Allow, as a page without internals")
def _():
    c = srv.client("raad")
    r = c.get("/no-such-page")
    expect(r.status == 404 and "text/html" in r.header("content-type"), r)
    r = c.request("DELETE", "/login")
    expect(r.status == 405 and "GET" in r.header("allow") and "POST" in r.header("allow"), r)
    for bad in ("/%00", "/..%2f..%2fetc/passwd", "/'; DROP TABLE item; --"):
        r = c.get(bad.replace(" ", "%20"))
        expect(r.status in (400, 404), r)
        expect("sqlite" not in r.body.lower() and "/tmp/" not in r.body, r)
    expect(srv.sql("SELECT count(*) AS n FROM item")[0]["n"] > 0, "items must survive")


@test("a body larger than the limit is refused with 413")
def _():
    c = srv.client("beheerder")
    r = c.post("/logout", {"x": "a" * (5 * 1024 * 1024)})
    expect(r.status == 413, r)


@test("an asset with a wrong hash is 404; assets cannot be written")
def _():
    c = srv.client()
    expect(c.get("/assets/00000000/steiger.css").status == 404)
    expect(c.post("/assets/00000000/steiger.css", {}).status == 405)


@test("the access log has one line per request with method, path (without the query) and status")
def _():
    srv.client().get("/access-log-probe?secret=search-terms")
    with open(srv.log) as f:
        lines = [l for l in f if "/access-log-probe" in l]
    expect(lines and " GET " in lines[0] and " 404 " in lines[0] and "search-terms" not in lines[0], lines)


@test("an API token's use is recorded at most once an hour, audited with its account as actor")
def _():
    out = srv.steiger("token", "create", "raad", "--description", "koppeling").stdout
    token = out.strip().split("\n")[-1]
    c = srv.client()
    for _ in range(3):
        r = c.request("GET", "/api/v1/items", headers={"Authorization": "Bearer " + token})
        expect(r.status == 200, r)
    rows = srv.sql("SELECT last_used_at FROM api_token WHERE description = 'koppeling'")
    expect(rows and rows[0]["last_used_at"], rows)
    audits = srv.sql("SELECT actor, after FROM audit_log WHERE tbl = 'api_token' AND action = 'update'")
    expect(len(audits) == 1 and audits[0]["actor"] == "raad", audits)


@test("serve --listen unix:PATH answers on the socket (mode 0660) and removes it on SIGTERM")
def _():
    import subprocess
    sock = os.path.join(srv.dir, "steiger.sock")
    p = subprocess.Popen([STEIGER, "--db", srv.db, "serve", "--listen", "unix:" + sock],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=srv.env)
    try:
        line = p.stdout.readline()
        expect(sock in line, line)
        expect(oct(os.stat(sock).st_mode & 0o777) == "0o660", oct(os.stat(sock).st_mode))
        out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--unix-socket", sock,
                              "http://localhost/login"], capture_output=True, text=True).stdout
        expect(out == "200", out)
    finally:
        p.terminate()
        p.wait(timeout=20)
    expect(p.returncode == 0 and not os.path.exists(sock), (p.returncode, os.path.exists(sock)))


@test("serve --listen unix:PATH never removes a file that is not a socket (exit 6, file intact)")
def _():
    import subprocess
    path = os.path.join(srv.dir, "not-a-socket.txt")
    with open(path, "w") as f:
        f.write("keep me")
    p = subprocess.run([STEIGER, "--db", srv.db, "serve", "--listen", "unix:" + path], capture_output=True,
                       text=True, env=srv.env, timeout=20)
    expect(p.returncode == 6 and open(path).read() == "keep me", (p.returncode, p.stderr))


throttled = Server()


@test("five failed logins lock the account for a while (429 with Retry-After), also for the right password")
def _():
    for i in range(5):
        r = throttled.client().login("partner", "wrong password %d" % i)
        expect(r.status == 401, r)
    r = throttled.client().login("partner", PASSWORDS["partner"])
    expect(r.status == 429 and int(r.header("retry-after")) > 0, r)


@test("failures of one account do not lock another account at the same address")
def _():
    expect(throttled.client("raad").get("/").status == 200)


@test("a disabled account cannot log in and its sessions end")
def _():
    c = throttled.client("inwoner")
    throttled.steiger("user", "disable", "inwoner")
    r = c.get("/")
    expect(r.status == 303, r)
    r = throttled.client().login("inwoner", PASSWORDS["inwoner"])
    expect(r.status in (401, 429), r)


@test("the throttled server also stops cleanly")
def _():
    expect(throttled.stop() == 0)
    throttled.cleanup()


run(srv)
