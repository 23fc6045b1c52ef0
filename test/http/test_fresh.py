"""test_fresh.py - the home page shows a change at once, on every thread.

The server keeps the overview and the findings of the home page per
thread until the data changes (src/db/memo.h). These tests change the
data from outside (the command line, another connection) and then ask for
the page on many new connections, so that every thread of the server
answers: each must show the change at once."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from steiger_http import Server, expect, run, test  # noqa: E402

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


run(srv)
