/*
 * basic.js - the browser tests of the pages every version has: logging in
 * and out, keyboard-only use (skip link, navigation, visible focus), print,
 * the script's confirm question; and every page of pages.js, one test each
 * (checkPage): axe-core in Dutch and English, styles under the CSP (every
 * class styled), keyboard reachability with visible focus, 44 px pointer
 * targets, no sideways scrolling at 1280 px and at 320 px. A page is
 * loaded twice (Dutch, English); the contexts of a role are shared.
 */
"use strict";
const e2e = require("./lib");
const PAGES = require("./pages");
const { expect, test } = e2e;

/* The pages of pages.js as { role, who, path, status, post }. */
function allPages() {
  const list = [];
  for (const [who, entries] of Object.entries(PAGES))
    for (const p of entries) {
      const [path, status, post] = typeof p === "string" ? [p, 200] : Array.isArray(p) ? [...p, null] : [p.path, p.status || 200, p.post];
      list.push({ role: who === "anonymous" ? null : who, who, path, status, post });
    }
  return list;
}

/* Open path in ctx (or, with post, send the form that leads to it; see
 * lib.js submitForm); fail unless it answers with status. Resolves to the
 * page, with page.problems: console errors (a CSP refusal, say; not the
 * error status of the page itself). */
async function open(ctx, env, path, status, post) {
  const page = await ctx.newPage();
  page.problems = [];
  page.on("console", (m) => {
    const loc = m.location().url || "";
    if (m.type() === "error" && !(/^Failed to load resource/.test(m.text()) && !loc.includes("/assets/"))) page.problems.push(m.text());
  });
  page.on("pageerror", (err) => page.problems.push(String(err)));
  const res = post ? await e2e.submitForm(page, env.srv, post) : await page.goto(env.srv.url + path);
  expect(res.status() === status, `${post ? "the form of " + post.from : "GET " + path} answered ${res.status()}, expected ${status} (now at ${page.url()})`);
  return page;
}

/* The text of the element matching selector, or "". */
async function textOf(page, selector) {
  const el = await page.$(selector);
  return el ? (await el.innerText()).trim() : "";
}

/* The pointer targets on page under 44 px high: the header's links, and
 * every button, text box, select and checkbox label. */
async function smallTargets(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll(".steiger-header a, .utrecht-button, .utrecht-button-link, .utrecht-textbox, .utrecht-select, " +
      ".utrecht-form-label--checkbox, .steiger-nav__link, .utrecht-pagination__page-link, .utrecht-pagination__relative-link")]
      .filter((e) => e.getClientRects().length)
      .map((e) => [e.textContent.trim() || e.id || e.className, e.getBoundingClientRect().height])
      .filter(([, h]) => h < 44)
      .map(([t, h]) => `${t}: ${h} px`));
}

/*
 * Every check of one page, as role, one after the other on the same page:
 * in Dutch at 1280 px the styles (stylesheet, script, console, classes),
 * pointer targets, keyboard (Tab reaches everything, visibly), axe-core and
 * no sideways scrolling; at 320 px the reflow; then in English axe-core
 * again. Resolves to the problems found, each a line naming its check.
 */
async function checkPage(env, ctx, p) {
  const problems = [];
  const note = (check, lines) => { if (lines.length) problems.push(`${check}:\n  ` + lines.join("\n  ")); };
  await ctx.addCookies([{ name: "lang", value: "nl", url: env.srv.url }]);
  let page = await open(ctx, env, p.path, p.status, p.post);
  await page.waitForLoadState("load");
  const themed = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--steiger-primary").trim());
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => ({ src: s.src, nonce: s.nonce.length > 0 })));
  note("styles", [
    ...(themed === "" ? ["the theme's tokens are not there: the stylesheet did not load"] : []),
    ...(scripts.length >= 1 && scripts.every((s) => s.src && s.nonce) ? [] : [`a script inline or without a nonce: ${JSON.stringify(scripts)}`]),
    ...(await e2e.unstyledClasses(page)).map((c) => `${c}: a class of an NL Design System component that is not in the embedded CSS (NLDS_COMPONENTS in the Makefile)`),
    ...(await e2e.unstyledOwnClasses(page)).map((c) => `${c}: no rule of steiger.css styles it`),
    ...page.problems.map((t) => `console: ${t}`),
  ]);
  note("pointer targets under 44 px", await smallTargets(page));
  const wide = await e2e.overflow(page);
  note("no sideways scrolling at 1280 px", wide.scroll > wide.width ? [`the page is ${wide.scroll} px wide`, ...wide.out] : []);
  const walk = await e2e.keyboardWalk(page);
  note("keyboard", [
    ...(walk.reached >= 2 ? [] : [`Tab reached only ${walk.reached} elements`]),
    ...walk.missing.map((m) => `never reached by Tab: ${m}`),
    ...walk.invisible.map((m) => `no visible focus indicator: ${m}`),
  ]);
  const lang = await page.evaluate(() => document.documentElement.lang);
  note("axe-core (nl)", [...(lang === "nl" ? [] : [`the page says lang="${lang}"`]), ...(await e2e.axeViolations(page))]);
  await page.setViewportSize({ width: 320, height: 800 });
  const narrow = await page.evaluate(() => ({
    out: [...document.querySelectorAll(".steiger-header a, .steiger-header button, .steiger-main h1")]
      .map((e) => [e.textContent.trim(), e.getBoundingClientRect()])
      .filter(([, b]) => b.left < 0 || b.right > 320 || b.width === 0)
      .map(([t, b]) => `${t} (${Math.round(b.left)}..${Math.round(b.right)})`),
  }));
  const reflow = await e2e.overflow(page);
  note("reflow at 320 px", [...(reflow.scroll > 320 ? [`the page is ${reflow.scroll} px wide`, ...reflow.out] : []),
    ...narrow.out.map((t) => `outside the viewport: ${t}`)]);
  await page.close();
  await ctx.addCookies([{ name: "lang", value: "en", url: env.srv.url }]);
  page = await open(ctx, env, p.path, p.status, p.post);
  const langEn = await page.evaluate(() => document.documentElement.lang);
  note("axe-core (en)", [...(langEn === "en" ? [] : [`the page says lang="${langEn}"`]), ...(await e2e.axeViolations(page))]);
  await page.close();
  return problems;
}

module.exports = function (env) {
  test("log in: a wrong password shows the error at the form, the right one opens the overview", async () => {
    const ctx = await e2e.newContext(env.browser, env.srv, "nl");
    const page = await ctx.newPage();
    await page.goto(env.srv.url + "/");
    expect(new URL(page.url()).pathname === "/login", `not logged in, / should lead to /login, got ${page.url()}`);
    await page.fill("#field-name", "medewerker");
    await page.fill("#field-password", "not-the-password");
    const [res] = await Promise.all([page.waitForNavigation(), page.click("form[action='/login'] button[type=submit]")]);
    expect(res.status() === 401, `wrong password: status ${res.status()}, expected 401`);
    const alert = await textOf(page, ".utrecht-alert--error[role=alert]");
    expect(/wachtwoord/i.test(alert), `no error alert about the password; got "${alert}"`);
    expect(await page.inputValue("#field-name") === "medewerker", "the login name typed is not kept");
    expect(await page.inputValue("#field-password") === "", "the wrong password is sent back into the form");
    await page.fill("#field-password", e2e.PASSWORDS.medewerker);
    await Promise.all([page.waitForURL((u) => u.pathname === "/"), page.click("form[action='/login'] button[type=submit]")]);
    expect(await page.$("nav.steiger-nav") !== null, "after logging in there is no main navigation");
    const current = await textOf(page, ".steiger-nav__link[aria-current=page]");
    expect(current === "Overzicht", `the current page in the navigation is "${current}", expected "Overzicht"`);
    await ctx.close();
  });

  test("log in with the keyboard only (Tab, typing, Enter)", async () => {
    const ctx = await e2e.newContext(env.browser, env.srv, "en");
    const page = await ctx.newPage();
    await page.goto(env.srv.url + "/login");
    const reached = [];
    for (let i = 0; i < 15 && reached[reached.length - 1] !== "field-name"; i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement.id || document.activeElement.className));
    }
    expect(reached[reached.length - 1] === "field-name", `Tab never reached the login name: ${reached.join(", ")}`);
    await page.keyboard.type("raad");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement.id) === "field-password", "Tab from the name does not reach the password");
    await page.keyboard.type(e2e.PASSWORDS.raad);
    await Promise.all([page.waitForURL((u) => u.pathname === "/"), page.keyboard.press("Enter")]);
    expect(await page.evaluate(() => document.documentElement.lang) === "en", "the English page is not marked lang=en");
    await ctx.close();
  });

  test("language: the English link keeps the page and its query, and English stays chosen", async () => {
    const ctx = await e2e.newContext(env.browser, env.srv, "nl");
    const page = await ctx.newPage();
    await page.goto(env.srv.url + "/login?next=%2Fno-such-page");
    expect(await page.evaluate(() => document.documentElement.lang) === "nl", "the page is not Dutch by default");
    const link = page.locator(".steiger-lang");
    expect((await link.innerText()).trim() === "English" && await link.getAttribute("lang") === "en", "no English link marked lang=en");
    await Promise.all([page.waitForURL((u) => u.searchParams.get("lang") === "en"), link.click()]);
    const url = new URL(page.url());
    expect(url.pathname === "/login" && url.searchParams.get("next") === "/no-such-page", `the English link led to ${page.url()}`);
    expect(await page.evaluate(() => document.documentElement.lang) === "en", "the page after the English link is not English");
    expect(await page.inputValue("input[name=next]") === "/no-such-page", "the page lost its query");
    await page.goto(env.srv.url + "/login");
    const h1 = (await page.innerText("h1")).trim();
    expect(h1 === "Log in", `the next page is not English: "${h1}"`);
    await ctx.close();
  });

  test("keyboard: the first Tab reaches the skip link, visibly; Enter moves focus to the main content", async () => {
    const ctx = await e2e.contextAs(env.browser, env.srv, "beheerder");
    const page = await open(ctx, env, "/", 200);
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => ({ cls: document.activeElement.className, href: document.activeElement.getAttribute("href") }));
    expect(/utrecht-skip-link/.test(first.cls) && first.href === "#main", `the first Tab reached ${JSON.stringify(first)}`);
    const box = await page.evaluate(() => { const r = document.activeElement.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
    expect(box.w > 0 && box.h >= 44 && box.x >= 0 && box.y >= 0 && box.y < 900, `the focused skip link is not on screen or under 44 px: ${JSON.stringify(box)}`);
    const style = await e2e.focusStyle(page);
    expect(style && (style.outline || style.shadow), `the focused skip link has no focus indicator: ${JSON.stringify(style)}`);
    await page.keyboard.press("Enter");
    const focused = await page.evaluate(() => document.activeElement.id);
    expect(focused === "main", `after the skip link, focus is on "${focused}", not on main`);
    await page.keyboard.press("Tab");
    const next = await page.evaluate(() => !!document.activeElement.closest("main"));
    expect(next, "the Tab after the skip link does not go into the main content");
    await ctx.close();
  });

  test("keyboard: Tab reaches every link of the navigation and the header, each with a visible focus indicator", async () => {
    const ctx = await e2e.contextAs(env.browser, env.srv, "beheerder");
    const page = await open(ctx, env, "/", 200);
    const want = await page.$$eval(".steiger-header a, .steiger-header button", (els) => els.map((e) => e.getAttribute("href") || e.textContent.trim()));
    expect(want.length >= 10, `the beheerder's header has only ${want.length} links and buttons: ${want.join(", ")}`);
    const focused = new Map();
    for (let i = 0; i < want.length + 5; i++) {
      await page.keyboard.press("Tab");
      const inHeader = await page.evaluate(() => !!document.activeElement.closest(".steiger-header"));
      if (!inHeader && focused.size) break;
      if (inHeader) focused.set(await page.evaluate(() => document.activeElement.getAttribute("href") || document.activeElement.textContent.trim()), await e2e.focusStyle(page));
    }
    await page.evaluate(() => document.querySelector("main").focus());
    const unfocused = await page.$$eval(".steiger-header a, .steiger-header button", (els) => Object.fromEntries(els.map((e) => {
      const s = getComputedStyle(e);
      return [e.getAttribute("href") || e.textContent.trim(), { outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : "", shadow: s.boxShadow === "none" ? "" : s.boxShadow }];
    })));
    for (const key of want) {
      const f = focused.get(key), u = unfocused[key];
      expect(f, `Tab never reached "${key}" (reached: ${[...focused.keys()].join(", ")})`);
      expect((f.outline || f.shadow) && (f.outline !== u.outline || f.shadow !== u.shadow),
        `"${key}" shows no focus indicator: focused ${JSON.stringify(f)}, unfocused ${JSON.stringify(u)}`);
    }
    const nav = await page.$$eval(".steiger-nav__link", (els) => els.map((e) => e.getAttribute("href")));
    expect(nav.length === 7, `the beheerder sees ${nav.length} navigation links, expected 7: ${nav.join(", ")}`);
    await ctx.close();
  });

  const contexts = new Map(); /* role -> its browser context, shared by its pages (closed with the browser) */
  for (const p of allPages())
    test(`${p.path} as ${p.who}: axe-core WCAG 2.1 A/AA (nl, en), styles, keyboard, pointer targets, reflow at 320 px`, async () => {
      if (!contexts.has(p.who)) contexts.set(p.who, await e2e.contextAs(env.browser, env.srv, p.role));
      const problems = await checkPage(env, contexts.get(p.who), p);
      expect(problems.length === 0, () => problems.join("\n"));
    });

  test("print: the overview prints without navigation, header tools or buttons, in black on white", async () => {
    const ctx = await e2e.contextAs(env.browser, env.srv, "beheerder");
    const page = await open(ctx, env, "/", 200);
    await page.emulateMedia({ media: "print" });
    const r = await page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector(".steiger-nav")).display,
      user: getComputedStyle(document.querySelector(".steiger-user")).display,
      header: getComputedStyle(document.querySelector(".steiger-header")).backgroundColor,
      h1: getComputedStyle(document.querySelector("h1")).color,
      main: document.querySelector("main").getBoundingClientRect().height,
    }));
    expect(r.nav === "none" && r.user === "none", `navigation or header tools are printed: ${JSON.stringify(r)}`);
    expect(/rgba\(0, 0, 0, 0\)|transparent|rgb\(255, 255, 255\)/.test(r.header) && r.h1 === "rgb(0, 0, 0)", `the print is not black on white: ${JSON.stringify(r)}`);
    expect(r.main > 100, "the main content is not printed");
    await ctx.close();
  });

  test("script: a button with data-confirm asks first; declining does nothing, accepting goes ahead", async () => {
    const ctx = await e2e.contextAs(env.browser, env.srv, "beheerder");
    const page = await open(ctx, env, "/", 200);
    await page.evaluate(() => {
      const f = document.createElement("form");
      f.action = "/confirmed";
      f.method = "get";
      f.innerHTML = '<button type="submit" id="archive" data-confirm="Archiveren?">Archiveren</button>';
      document.querySelector("main").append(f);
    });
    const questions = [], sent = [];
    let answer = false;
    page.on("dialog", (d) => { questions.push(d.message()); return answer ? d.accept() : d.dismiss(); });
    page.on("request", (r) => { if (new URL(r.url()).pathname === "/confirmed") sent.push(r.url()); });
    await page.click("#archive");
    expect(questions.length === 1 && questions[0] === "Archiveren?", `the question asked: ${JSON.stringify(questions)}`);
    answer = true;
    await Promise.all([page.waitForURL((u) => u.pathname === "/confirmed"), page.click("#archive")]);
    expect(questions.length === 2, "accepting did not ask the question");
    /* a declined submit would have been sent before the accepted one */
    expect(sent.length === 1, `the form was sent ${sent.length} times for one yes and one no`);
    await ctx.close();
  });

  test("log out: the button in the header ends the session; the overview then asks for a login again", async () => {
    const ctx = await e2e.contextAs(env.browser, env.srv, "partner", "nl", 1280, true);
    const page = await open(ctx, env, "/", 200);
    await Promise.all([page.waitForURL((u) => u.pathname === "/login"), page.click(".steiger-header form[action='/logout'] button")]);
    expect(await page.$("nav.steiger-nav") === null, "the navigation is still shown after logging out");
    await page.goto(env.srv.url + "/");
    const url = new URL(page.url());
    expect(url.pathname === "/login" && url.searchParams.get("next") === "/", `after logging out, / leads to ${page.url()}`);
    await ctx.close();
  });
};
