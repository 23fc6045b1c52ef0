"""steiger_http.py - the library of the HTTP tests (test/http/test_*.py).

Each test file starts the real server on a free port over a fresh copy of
the Zoetermeer example, with one account per role, and talks to it over
HTTP with the standard library only:

    from steiger_http import Server, test, run

    srv = Server()                       # init --example, accounts, serve

    @test("the home page needs a login")
    def _():
        r = srv.client().get("/")
        expect(r.status == 303, r)

    run(srv)                             # TAP output, stops the server

Accounts: one per role, named after it (beheerder, medewerker, bestuur,
raad, partner, inwoner), password PASSWORDS[role]. srv.client(role) is a
logged-in Client; srv.client() an anonymous one.

Output is TAP ("ok N - name" / "not ok N - name" with '#' diagnostics), as
test/run-all counts it. Environment: STEIGER (the binary), REPO.
"""
import http.client
import json as jsonlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse

REPO = os.environ.get("REPO") or os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STEIGER = os.environ.get("STEIGER") or os.path.join(REPO, "steiger")
ROLES = ["beheerder", "medewerker", "bestuur", "raad", "partner", "inwoner"]
PASSWORDS = {r: "wachtwoord-van-" + r for r in ROLES}

_tests = []


class Failure(Exception):
    """A failed expectation."""


def expect(cond, what=""):
    """Fail the current test unless cond holds; what says what was seen
    (a Response prints its status, headers and the start of its body)."""
    if not cond:
        raise Failure(str(what))


def test(name):
    """Decorator: register a test function under name (run in order)."""
    def register(fn):
        _tests.append((name, fn))
        return fn
    return register


class Response:
    """A response: status, headers (lower-case names; set-cookie as a
    list), body (text) and json()."""

    def __init__(self, method, path, resp):
        self.method, self.path = method, path
        self.status = resp.status
        self.headers = {}
        self.cookies = []
        for k, v in resp.getheaders():
            k = k.lower()
            if k == "set-cookie":
                self.cookies.append(v)
            else:
                self.headers[k] = v
        self.raw = resp.read()
        self.body = self.raw.decode("utf-8", "replace")

    def json(self):
        """The body as JSON."""
        return jsonlib.loads(self.body)

    def header(self, name):
        """Header name, or None."""
        return self.headers.get(name.lower())

    def __str__(self):
        head = "\n".join("%s: %s" % kv for kv in self.headers.items())
        return "%s %s -> %d\n%s\n\n%s" % (self.method, self.path, self.status, head, self.body[:1500])


class Client:
    """A browser-like client with a cookie jar: it sends the Origin of the
    server on state changes and the form's CSRF token unless told not to."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}
        self.csrf = None

    def request(self, method, path, body=None, headers=None):
        """Send one request; remember cookies and the page's CSRF token."""
        h = {"Host": "127.0.0.1:%d" % self.server.port}
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        h.update(headers or {})
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=h)
            r = Response(method, path, conn.getresponse())
        finally:
            conn.close()
        for c in r.cookies:
            name, _, rest = c.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in c or "max-age=0" in c.lower():
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', r.body)
        if m:
            self.csrf = m.group(1)
        return r

    def get(self, path, headers=None):
        """GET path."""
        return self.request("GET", path, headers=headers)

    def post(self, path, fields=None, csrf=True, origin=True, headers=None):
        """POST a form (a dict or a list of pairs) to path, with the CSRF
        token of the last page seen (csrf=True) or the one given, and this
        site's Origin (origin=True) or the one given (None: none)."""
        pairs = list(fields.items()) if isinstance(fields, dict) else list(fields or [])
        if csrf is True:
            if self.csrf is None:
                self.get("/account" if "steiger_session" in self.cookies else "/login")
            pairs.append(("csrf", self.csrf or ""))
        elif csrf:
            pairs.append(("csrf", csrf))
        h = {"Content-Type": "application/x-www-form-urlencoded"}
        if origin is True:
            h["Origin"] = self.server.origin
        elif origin:
            h["Origin"] = origin
        h.update(headers or {})
        return self.request("POST", path, urllib.parse.urlencode(pairs).encode(), h)

    def send_json(self, method, path, value, token=None, headers=None):
        """Send value as a JSON body (with an API token when given)."""
        h = {"Content-Type": "application/json", "Accept": "application/json"}
        if token:
            h["Authorization"] = "Bearer " + token
        elif "steiger_session" in self.cookies:
            h["Origin"] = self.server.origin
            if self.csrf is None:
                self.get("/account")
            h["X-CSRF-Token"] = self.csrf or ""
        h.update(headers or {})
        body = value if isinstance(value, (bytes, str)) else jsonlib.dumps(value)
        if isinstance(body, str):
            body = body.encode()
        return self.request(method, path, body, h)

    def login(self, name, password):
        """Log in through the login form; returns the response of the POST."""
        self.get("/login")
        r = self.post("/login", {"name": name, "password": password, "next": "/"}, csrf=self.cookies.get("steiger_login"))
        self.csrf = None  # the session's token comes with the next page
        return r


class Server:
    """The steiger server over a fresh example database in a temporary
    directory, with one account per role. Stop it with stop()."""

    def __init__(self, example=True, threads=4, extra_args=()):
        self.dir = tempfile.mkdtemp(prefix="steiger-http-")
        self.db = os.path.join(self.dir, "steiger.db")
        self.log = os.path.join(self.dir, "access.log")
        env = dict(os.environ, STEIGER_LANG="en")
        self.env = env
        self.steiger("init", *(["--example"] if example else []))
        for r in ROLES:
            self.steiger("user", "add", r, "--role", r, "--display-name", "Test " + r, input=PASSWORDS[r] + "\n")
        self.proc = subprocess.Popen([STEIGER, "--db", self.db, "serve", "--listen", "127.0.0.1:0", "--threads",
                                      str(threads), "--access-log", self.log, *extra_args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = self.proc.stdout.readline()
        m = re.search(r"http://[^:]+:(\d+)/", line)
        if not m:
            raise RuntimeError("the server did not start: %r %s" % (line, self.proc.stderr.read()))
        self.port = int(m.group(1))
        self.origin = "http://127.0.0.1:%d" % self.port
        self._clients = {}

    def steiger(self, *args, input=None, check=True):
        """Run the steiger command line on this server's database."""
        p = subprocess.run([STEIGER, "--db", self.db, *args], input=input, capture_output=True, text=True,
                           env=self.env)
        if check and p.returncode != 0:
            raise RuntimeError("steiger %s: %s%s" % (" ".join(args), p.stdout, p.stderr))
        return p

    def client(self, role=None):
        """A new client, logged in as the account of role when given."""
        c = Client(self)
        if role:
            r = c.login(role, PASSWORDS[role])
            if r.status != 303:
                raise RuntimeError("login as %s failed: %s" % (role, r))
        return c

    def sql(self, query):
        """The rows of a read-only query on the database (sqlite3 shell)."""
        p = subprocess.run(["sqlite3", "-readonly", "-json", self.db, query], capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError(p.stderr)
        return jsonlib.loads(p.stdout) if p.stdout.strip() else []

    def stop(self):
        """Stop the server with SIGTERM; returns its exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def cleanup(self):
        """Remove the temporary directory (unless STEIGER_TEST_KEEP=1)."""
        if os.environ.get("STEIGER_TEST_KEEP") == "1":
            print("# kept " + self.dir)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)


def run(server=None):
    """Run the registered tests in order, print TAP, stop the server (its
    clean exit is one more test) and exit 1 when a test failed."""
    failed = 0
    n = len(_tests) + (1 if server else 0)
    print("1..%d" % n)
    for i, (name, fn) in enumerate(_tests, 1):
        try:
            fn()
            print("ok %d - %s" % (i, name))
        except Exception as e:  # every failure is reported, none stops the run
            failed += 1
            print("not ok %d - %s" % (i, name))
            text = str(e) if isinstance(e, Failure) else traceback.format_exc()
            for line in text.rstrip().split("\n")[:60]:
                print("# " + line)
        sys.stdout.flush()
    if server:
        rc = server.stop()
        if rc == 0:
            print("ok %d - the server stops cleanly on SIGTERM" % n)
        else:
            failed += 1
            print("not ok %d - the server stops cleanly on SIGTERM (exit %s)" % (n, rc))
            for line in server.proc.stderr.read().split("\n")[-30:]:
                print("# " + line)
        server.cleanup()
    sys.exit(1 if failed else 0)
