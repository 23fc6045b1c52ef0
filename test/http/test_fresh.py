"""test_fresh.py - a change shows at once, on every thread.

The server keeps the overview and the findings of the home page, and the
sessions and accounts it looked up, per thread until the data changes
(src/db/memo.h). These tests change the data from outside (the command
line, another connection, another request) and then ask on many new
connections, so that every thread of the server answers: each must show
the change at once."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from steiger_http import PASSWORDS, Server, expect, run, test  # noqa: E402

srv = Server(threads=4)
client = srv.client("medewerker")
ASKS = 16  # requests per check, each on a new connection (several per thread)


def policies(body):
    """The number of policy documents in the overview's table of kinds."""
    m = re.search(r'href="/items\?kind=policy">[^<]*</a></th><td[^>]*>(\d+)</td>', body)
    return int(m.group(1)) if m else None


def attention(body):
    """The findings under "needs attention": {title: count}."""
    return {t: int(n) for t, n in re.findall(r"<li><strong>([^<]*)</strong> \((\d+)\)", body)}


def every_answer(fn):
    """fn of the body of ASKS answers to GET / (each 200)."""
    seen = []
    for _ in range(ASKS):
        r = client.get("/")
        expect(r.status == 200, r)
        seen.append(fn(r.body))
    return seen


before_policies = every_answer(policies)
before_attention = every_answer(attention)


@test("without changes every thread shows the same overview")
def _():
    expect(before_policies[0] and len(set(before_policies)) == 1, before_policies)
    expect(all(a == before_attention[0] for a in before_attention), before_attention)


@test("archiving a policy from the command line shows in the overview at once, on every thread")
def _():
    srv.steiger("set", "actieplan-economie", "archived", "ja")
    seen = every_answer(policies)
    expect(seen == [before_policies[0] - 1] * ASKS, seen)


@test("a new finding (budget without fte) shows under 'needs attention' at once, on every thread")
def _():
    base = every_answer(attention)[0]
    srv.steiger("set", "actieplan-geluid-zoetermeer-2018", "fte_2026", "")
    seen = every_answer(attention)
    changed = [k for k in seen[0] if seen[0][k] != base.get(k)]
    expect(len(changed) == 1 and seen[0][changed[0]] == base[changed[0]] + 1, (base, seen[0]))
    expect(all(s == seen[0] for s in seen), seen)


@test("undoing the change shows the earlier overview again")
def _():
    srv.steiger("set", "actieplan-economie", "archived", "nee")
    seen = every_answer(policies)
    expect(seen == [before_policies[0]] * ASKS, seen)


def statuses(c, path="/"):
    """The status of ASKS answers to GET path for client c."""
    return [c.get(path).status for _ in range(ASKS)]


@test("a disabled account is logged out at once on every thread; enabled again, it can log in")
def _():
    c = srv.client("raad")
    expect(statuses(c) == [200] * ASKS)
    srv.steiger("user", "disable", "raad")
    seen = statuses(c)
    expect(seen == [303] * ASKS, seen)
    expect(c.login("raad", PASSWORDS["raad"]).status != 303)
    srv.steiger("user", "enable", "raad")
    expect(c.login("raad", PASSWORDS["raad"]).status == 303)
    seen = statuses(c)
    expect(seen == [200] * ASKS, seen)


@test("a new role counts at once on every thread (the Users page is in the menu of a beheerder only)")
def _():
    c = srv.client("partner")
    seen = ['href="/users"' in c.get("/").body for _ in range(ASKS)]
    expect(seen == [False] * ASKS, seen)
    srv.steiger("user", "role", "partner", "beheerder")
    seen = ['href="/users"' in c.get("/").body for _ in range(ASKS)]
    expect(seen == [True] * ASKS, seen)
    srv.steiger("user", "role", "partner", "partner")


@test("after logging out, the old session cookie works on no thread")
def _():
    c = srv.client("bestuur")
    expect(statuses(c) == [200] * ASKS)
    cookie = c.cookies["steiger_session"]
    r = c.post("/logout")
    expect(r.status == 303, r)
    c.cookies["steiger_session"] = cookie  # the browser kept it anyway
    seen = statuses(c)
    expect(seen == [303] * ASKS, seen)


run(srv)
