/*
 * lib.js - the library of the browser tests (test/e2e): the real server
 * over a fresh example database, Debian's Chromium driven by playwright-core,
 * TAP output as test/run-all counts it, and the checks every page gets
 * (axe-core, visible focus, reflow, styles).
 *
 *   const e2e = require("./lib");
 *   const srv = await e2e.startServer();          // init --example, accounts, serve
 *   const srv = await e2e.startServer({ imports: [e2e.AREA_HISTORY] });  // and more data
 *   const browser = await e2e.launch();
 *   e2e.test("the login page has a form", async () => { ... e2e.expect(cond, "what") });
 *   await e2e.run([srv], [browser]);              // TAP; stops the server and browser
 *
 * Accounts: one per role, named after it, password PASSWORDS[role] (as in
 * test/http/steiger_http.py). Environment: STEIGER (the binary; else
 * ./steiger), CHROMIUM (default /usr/bin/chromium),
 * STEIGER_TEST_KEEP=1 keeps the temporary directory.
 */
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const os = require("os");
const path = require("path");

const REPO = process.env.REPO || path.resolve(__dirname, "..", "..");
const STEIGER = path.resolve(process.env.STEIGER || path.join(REPO, "steiger"));
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ROLES = ["beheerder", "medewerker", "bestuur", "raad", "partner", "inwoner"];
const PASSWORDS = Object.fromEntries(ROLES.map((r) => [r, "wachtwoord-van-" + r]));
/* The WCAG 2.1 A and AA rules of axe-core, and the impacts that fail a test. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const AXE_FAIL_IMPACTS = ["serious", "critical"];
/* Illustrative values of earlier years for one wijk (WK063701) and the
 * municipality, so that the area pages have a course to draw (the example
 * data has one year); imported by startServer({ imports }). */
const AREA_HISTORY = path.join(__dirname, "data", "indicator_values.csv");
/* A small assessment round (two items of its own, three assessors), so
 * that the review page has figures: users, items, the round, its scores,
 * in the order they must be imported. */
const REVIEW_ROUND = ["users.csv", "items.csv", "rounds.csv", "assessments.csv"].map((f) =>
  path.join(__dirname, "data", "review", f));

/* A failed expectation: its message is the diagnostic. */
class Failure extends Error {}

/* Fail the current test unless cond holds; what says what was seen. */
function expect(cond, what) {
  if (!cond) throw new Failure(typeof what === "function" ? what() : String(what || "expectation failed"));
}

const tests = [];

/* Register test fn (async) under name; tests run in order. */
function test(name, fn) {
  tests.push({ name, fn });
}

/* Run steiger's command line on db; throws with its output when it fails. */
function steiger(db, args, input) {
  const p = spawnSync(STEIGER, ["--db", db, ...args], { input: input || "", encoding: "utf8" });
  if (p.status !== 0)
    throw new Error(`${STEIGER} ${args.join(" ")}: ${p.error || "exit " + p.status}\n${p.stdout || ""}${p.stderr || ""}`);
  return p.stdout;
}

/*
 * Start the real server over a fresh example database in a temporary
 * directory, with one account per role, on a free port of 127.0.0.1;
 * options.imports: files to import into it first (steiger import).
 * Resolves to { url, db, dir, proc, stderr(), stop() }; stop() sends
 * SIGTERM and resolves to the exit status.
 */
async function startServer(options = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "steiger-e2e-"));
  const db = path.join(dir, "steiger.db");
  steiger(db, ["init", "--example"]);
  if (options.imports && options.imports.length) steiger(db, ["import", ...options.imports]);
  for (const r of ROLES)
    steiger(db, ["user", "add", r, "--role", r, "--display-name", "Test " + r], PASSWORDS[r] + "\n");
  const proc = spawn(STEIGER, ["--db", db, "serve", "--listen", "127.0.0.1:0", "--threads", "4",
    "--access-log", path.join(dir, "access.log")], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "", err = "";
  proc.stderr.on("data", (d) => { err += d; });
  const url = await new Promise((resolve, reject) => {
    proc.stdout.on("data", (d) => {
      out += d;
      const m = /(http:\/\/[^\s/]+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    proc.on("exit", (code) => reject(new Error(`the server exited (${code}) before it listened: ${out}${err}`)));
  });
  const exited = new Promise((resolve) => proc.on("exit", (code, signal) => resolve(signal ? 128 : code)));
  return {
    url, db, dir, proc,
    stderr: () => err,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      return exited;
    },
    cleanup: () => {
      if (process.env.STEIGER_TEST_KEEP === "1") console.log("# kept " + dir);
      else fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/* GET url without a browser; resolves to { status, headers, body }. */
function fetchPlain(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => { body += d; });
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
    }).on("error", reject);
  });
}

/* Launch Debian's Chromium headless (no sandbox as root, where it cannot
 * have one). */
async function launch() {
  const { chromium } = require("playwright-core");
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: run scripts/setup (apt chromium)`);
  const args = process.getuid && process.getuid() === 0 ? ["--no-sandbox"] : [];
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

/* A new browser context (its own cookies) at the given language ("nl" or
 * "en", set as the lang cookie the server reads) and viewport width. */
async function newContext(browser, srv, lang = "nl", width = 1280) {
  const ctx = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === "en" ? "en-GB" : "nl-NL" });
  await ctx.addCookies([{ name: "lang", value: lang, url: srv.url }]);
  return ctx;
}

/* Log page in as role through the login form; resolves when the home
 * page is there. */
async function login(page, srv, role) {
  await page.goto(srv.url + "/login");
  await page.fill("#field-name", role);
  await page.fill("#field-password", PASSWORDS[role]);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.click("form[action='/login'] button[type=submit]")]);
}

/*
 * Reach a page by sending a form, as a person would: open post.from, fill
 * in post.fill ({ selector: value }; a value may be a function, called
 * each time; a select gets the option, a checkbox is ticked when the value
 * is true) in the form post.form (a selector; default: the form of the
 * first field to fill, else the first form in main) and press its first
 * submit button. Resolves to the response of the page the form leads to.
 */
async function submitForm(page, srv, post) {
  const fill = Object.entries(post.fill || {});
  const res = await page.goto(srv.url + post.from);
  if (!res || res.status() !== 200) throw new Failure(`GET ${post.from} (the page of the form) answered ${res && res.status()}`);
  const form = page.locator(post.form || (fill.length ? `main form:has(${fill[0][0]})` : "main form")).first();
  if (await form.count() === 0) throw new Failure(`no form ${post.form || "with " + (fill[0] || ["a field"])[0]} on ${post.from}`);
  for (const [selector, v] of fill) {
    const value = typeof v === "function" ? v() : v;
    const field = form.locator(selector).first();
    const kind = await field.evaluate((e) => e.tagName.toLowerCase() + (e.type === "checkbox" ? ":checkbox" : ""));
    if (kind === "select") await field.selectOption(String(value));
    else if (kind.endsWith(":checkbox")) await field.setChecked(!!value);
    else await field.fill(String(value));
  }
  const [answer] = await Promise.all([page.waitForNavigation(), form.locator("button[type=submit]").first().click()]);
  return answer;
}

const sessions = new Map(); /* role -> the cookies of its logged-in session */

/* A context of role (null: anonymous) at lang, logged in. The session of
 * a role is made once (through the login form) and shared by its contexts;
 * fresh: log in anew (for a test that ends the session). */
async function contextAs(browser, srv, role, lang = "nl", width = 1280, fresh = false) {
  const ctx = await newContext(browser, srv, lang, width);
  if (role && !fresh && sessions.has(role)) {
    await ctx.addCookies(sessions.get(role));
  } else if (role) {
    const page = await ctx.newPage();
    await login(page, srv, role);
    await page.close();
    if (!fresh) sessions.set(role, (await ctx.cookies()).filter((c) => c.name !== "lang"));
  }
  return ctx;
}

/*
 * Run axe-core's WCAG 2.1 A/AA rules on page; resolves to the violations
 * of serious or critical impact, each as a readable line with its nodes.
 * axe-core (the one @axe-core/playwright brings) is put into the page
 * directly and run there: the pages have no frames, and this takes half
 * the time of AxeBuilder, which prepares every frame on every run.
 */
let axeSource = null;
async function axeViolations(page) {
  if (!axeSource) {
    const from = path.dirname(require.resolve("@axe-core/playwright"));
    axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js", { paths: [from] }), "utf8");
  }
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.evaluate(axeSource);
  const violations = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: "tag", values: tags }, resultTypes: ["violations"],
  }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary || "" })) }))), AXE_TAGS);
  return violations
    .filter((v) => AXE_FAIL_IMPACTS.includes(v.impact))
    .map((v) => `${v.impact}: ${v.id} - ${v.help}\n` +
      v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")}: ${n.failureSummary.replace(/\n/g, " ")}`).join("\n"));
}

/* The focus indicator of the focused element: its outline, box shadow and
 * background, as the browser computes them. */
async function focusStyle(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : "",
      shadow: s.boxShadow === "none" ? "" : s.boxShadow, background: s.backgroundColor };
  });
}

/*
 * Press Tab through the whole page from its start. Resolves to
 * { reached, missing, invisible }: how many elements Tab reached, the
 * visible links, buttons and fields it never reached (of a group of radio
 * buttons one suffices), and those it reached without a visible focus
 * indicator (an outline or ring, or a background, that differs from the
 * element's look unfocused).
 */
async function keyboardWalk(page) {
  const look = (e) => {
    const s = getComputedStyle(e);
    return (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 ? `outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : "") +
      (s.boxShadow !== "none" ? ` shadow ${s.boxShadow}` : "") + ` background ${s.backgroundColor}`;
  };
  /* Mark the elements Tab should reach; record the look of each as it
   * gets the focus (one round trip a key press). */
  const total = await page.evaluate((lookSrc) => {
    const sel = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), " +
      "textarea:not([disabled]), details > summary:first-of-type, [tabindex]:not([tabindex='-1'])";
    const els = [...document.querySelectorAll(sel)].filter((e) => e.checkVisibility({ visibilityProperty: true }));
    els.forEach((e, i) => e.setAttribute("data-e2e-key", String(i)));
    const lookFn = new Function("return " + lookSrc)();
    window.e2eFocused = {};
    document.addEventListener("focusin", (ev) => {
      const e = ev.target;
      if (e.hasAttribute && e.hasAttribute("data-e2e-key") && !(e.getAttribute("data-e2e-key") in window.e2eFocused))
        window.e2eFocused[e.getAttribute("data-e2e-key")] = lookFn(e);
    });
    document.activeElement && document.activeElement.blur();
    return els.length;
  }, look.toString());
  /* A date field takes a Tab per part (day, month, year); then go on
   * while Tab still finds new elements. */
  const parts = await page.evaluate(() => document.querySelectorAll("input[type=date], input[type=time], input[type=datetime-local]").length);
  for (let i = 0; i < total + 3 + 2 * parts; i++) await page.keyboard.press("Tab");
  const reached = () => page.evaluate(() => Object.keys(window.e2eFocused).length);
  for (let seen = -1, now = await reached(); now > seen && now < total; ) {
    seen = now;
    for (let i = 0; i < 10; i++) await page.keyboard.press("Tab");
    now = await reached();
  }
  return page.evaluate((lookSrc) => {
    const lookFn = new Function("return " + lookSrc)();
    const seen = window.e2eFocused;
    document.activeElement && document.activeElement.blur();
    const name = (e) => `${e.tagName.toLowerCase()} "${(e.textContent || e.name || e.id || "").trim().slice(0, 40)}"`;
    const missing = [], invisible = [], radioGroups = new Set();
    for (const e of document.querySelectorAll("[data-e2e-key]")) {
      const k = e.getAttribute("data-e2e-key");
      if (!(k in seen)) {
        if (e.type === "radio") { radioGroups.add(e.name); continue; }
        missing.push(name(e));
      } else {
        if (e.type === "radio") radioGroups.delete(e.name);
        const f = seen[k], u = lookFn(e);
        if (!/outline|shadow/.test(f) || f === u) invisible.push(`${name(e)}: focused ${f}; unfocused ${u}`);
      }
    }
    for (const g of radioGroups) missing.push(`radio group "${g}"`);
    return { reached: Object.keys(seen).length, missing, invisible };
  }, look.toString());
}

/* The classes utrecht-* used on page that the whole NL Design System
 * library styles but the embedded stylesheet does not: a component the
 * pages use that is missing from NLDS_COMPONENTS in the Makefile. */
async function unstyledClasses(page) {
  const full = fs.readFileSync(path.join(REPO, "node_modules/@utrecht/component-library-css/dist/index.css"), "utf8");
  const known = new Set(full.match(/\.utrecht-[a-z0-9_-]+/g).map((c) => c.slice(1)));
  const { used, served } = await page.evaluate(() => {
    const used = new Set(), served = new Set();
    for (const el of document.querySelectorAll("[class]"))
      for (const c of el.classList) if (c.startsWith("utrecht-")) used.add(c);
    for (const sheet of document.styleSheets) {
      const walk = (rules) => {
        for (const r of rules) {
          if (r.selectorText) for (const m of r.selectorText.matchAll(/\.(utrecht-[a-z0-9_-]+)/g)) served.add(m[1]);
          if (r.cssRules) walk(r.cssRules);
        }
      };
      walk(sheet.cssRules);
    }
    return { used: [...used], served: [...served] };
  });
  const have = new Set(served);
  return used.filter((c) => known.has(c) && !have.has(c));
}

/* The classes steiger-* used on page (outside the SVG of a chart, whose
 * look is in its attributes) that no rule of the page's stylesheets names:
 * a look that was meant but is missing. The classes in HOOKS only name
 * what a thing is (for tests, scripts, print): the kind of a chart. */
const HOOKS = ["steiger-chart--bar", "steiger-chart--stacked", "steiger-chart--line"];
async function unstyledOwnClasses(page) {
  return page.evaluate((hooks) => {
    const used = new Set(), served = new Set();
    for (const el of document.querySelectorAll("[class]"))
      if (!el.closest("svg"))
        for (const c of el.classList) if (c.startsWith("steiger-") && !hooks.includes(c)) used.add(c);
    for (const sheet of document.styleSheets) {
      const walk = (rules) => {
        for (const r of rules) {
          if (r.selectorText) for (const m of r.selectorText.matchAll(/\.(steiger-[a-z0-9_-]+)/g)) served.add(m[1]);
          if (r.cssRules) walk(r.cssRules);
        }
      };
      walk(sheet.cssRules);
    }
    return [...used].filter((c) => !served.has(c));
  }, HOOKS);
}

/* Where page is wider than its viewport: the document's scroll width and
 * the elements (at most 8) whose right edge lies beyond the viewport,
 * outside anything that scrolls sideways itself (an absolutely positioned
 * one, a visually hidden text say, counts anyway: it widens the page
 * unless its scrolling parent is positioned). */
async function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth, out = [];
    const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll" || o === "hidden") return true; } return false; };
    for (const e of document.querySelectorAll("body *")) {
      const b = e.getBoundingClientRect();
      const abs = getComputedStyle(e).position === "absolute"; /* escapes a scrolling parent unless it is positioned */
      if (b.width && (b.right > width + 1 || (b.left < -1 && !abs)) && (abs || !scrolls(e)))
        out.push(`${e.tagName.toLowerCase()}${e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : ""} (${Math.round(b.left)}..${Math.round(b.right)})`);
    }
    return { scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 8) };
  });
}

/* Print the plan, run every test in order with TAP output, then stop the
 * browsers and servers (a server's clean exit is one more test). Exits the
 * process: 1 when anything failed. */
async function run(servers, browsers) {
  let failed = 0, n = 0;
  const total = tests.length + servers.length;
  console.log(`1..${total}`);
  for (const t of tests) {
    n++;
    try {
      await t.fn();
      console.log(`ok ${n} - ${t.name}`);
    } catch (e) {
      failed++;
      console.log(`not ok ${n} - ${t.name}`);
      const text = e instanceof Failure ? e.message : (e && e.stack) || String(e);
      for (const line of text.split("\n").slice(0, 60)) console.log("# " + line);
    }
  }
  for (const b of browsers) await b.close().catch(() => {});
  for (const srv of servers) {
    n++;
    const code = await srv.stop();
    if (code === 0) {
      console.log(`ok ${n} - the server stops cleanly on SIGTERM`);
    } else {
      failed++;
      console.log(`not ok ${n} - the server stops cleanly on SIGTERM (exit ${code})`);
      for (const line of srv.stderr().split("\n").slice(-30)) console.log("# " + line);
    }
    srv.cleanup();
  }
  process.exit(failed ? 1 : 0);
}

module.exports = {
  REPO, STEIGER, ROLES, PASSWORDS, AREA_HISTORY, REVIEW_ROUND, Failure, expect, test, startServer, fetchPlain, launch, newContext, login,
  contextAs, submitForm, axeViolations, focusStyle, keyboardWalk, unstyledClasses, unstyledOwnClasses, overflow, run,
};
