/*
 * flow.js - the flow of an adviser, as issue 3 asks: log in, find an item
 * by searching the register (/items, field "q"), open it, edit it
 * (/items/:id/edit) with a wrong budget ("abc"), see the error at the
 * field and in the error summary, correct it, save, see the change in the
 * audit log (/audit), log out. One browser session, one TAP line per step;
 * a step after a failed one fails as "skipped".
 *
 * The item is hotelnota-2001 of the example data ("Hotelnota 2001"); the
 * budget field is the edit form's last input named budget* (one per year,
 * budget_YYYY), with id field-NAME as every field of html.c.
 */
"use strict";
const e2e = require("./lib");
const { expect, test } = e2e;

const ITEM = "hotelnota-2001";
const TITLE = "Hotelnota 2001";
const SEARCH = "hotelnota";
const OTHER = "beleidsplan-wmo-en-jeugdhulp"; /* an item the search must not find */
const NEW_BUDGET = "123456";
const NEW_BUDGET_SHOWN = /123[.,\u00a0 ]?456/; /* 123.456 (nl), 123,456 (en) */

module.exports = function (env) {
  const s = { ok: true }; /* the shared page; ok until a step fails */

  /* Register a step: it runs only when every step before it passed. */
  function step(name, fn) {
    test("flow: " + name, async () => {
      expect(s.ok, "skipped: an earlier step of the flow failed");
      s.ok = false;
      await fn();
      s.ok = true;
    });
  }

  /* Where the page is, for diagnostics. */
  async function where() {
    const h1 = await s.page.$("h1");
    return `at ${s.page.url()} ("${h1 ? (await h1.innerText()).trim() : "no h1"}")`;
  }

  step(`log in as medewerker and find "${TITLE}" by searching /items`, async () => {
    s.ctx = await e2e.newContext(env.browser, env.srv, "nl");
    s.page = await s.ctx.newPage();
    await e2e.login(s.page, env.srv, "medewerker");
    const res = await s.page.goto(env.srv.url + "/items");
    expect(res.status() === 200, `GET /items answered ${res.status()}`);
    const all = await s.page.$$eval("main a[href^='/items/']", (as) => as.map((a) => a.getAttribute("href")));
    expect(all.includes("/items/" + OTHER), `the unfiltered list does not link /items/${OTHER} ${await where()}`);
    const q = s.page.locator("main input[name=q]");
    expect(await q.count() === 1, `no single search field named q on /items ${await where()}`);
    await q.fill(SEARCH);
    await Promise.all([s.page.waitForURL((u) => u.searchParams.get("q") === SEARCH), q.press("Enter")]);
    const found = await s.page.$$eval("main a[href^='/items/']", (as) => as.map((a) => a.getAttribute("href")));
    expect(found.includes("/items/" + ITEM), `the search for "${SEARCH}" does not link /items/${ITEM}: ${found.slice(0, 20).join(", ")}`);
    expect(!found.includes("/items/" + OTHER), `the search for "${SEARCH}" also finds /items/${OTHER}`);
  });

  step("open the item and its edit form", async () => {
    await Promise.all([s.page.waitForURL((u) => u.pathname === "/items/" + ITEM), s.page.click(`main a[href='/items/${ITEM}']`)]);
    const h1 = (await s.page.innerText("h1")).trim();
    expect(h1.includes(TITLE), `the item page's heading is "${h1}", expected it to name "${TITLE}"`);
    const edit = s.page.locator(`main a[href='/items/${ITEM}/edit']`);
    expect(await edit.count() >= 1, `no link to /items/${ITEM}/edit on the item page ${await where()}`);
    await Promise.all([s.page.waitForURL((u) => u.pathname === `/items/${ITEM}/edit`), edit.first().click()]);
    const budgets = await s.page.$$eval("main form input[name^='budget']", (els) => els.map((e) => e.name));
    expect(budgets.length > 0, `the edit form has no budget field ${await where()}`);
    s.field = budgets[budgets.length - 1];
    s.title = await s.page.inputValue("#field-title").catch(() => null);
  });

  /* Submit the form the budget field is in with its first submit button;
   * resolves to the response of the page it leads to. */
  async function submit() {
    const form = s.page.locator(`main form:has(input[name='${s.field}'])`);
    const [res] = await Promise.all([s.page.waitForNavigation(), form.locator("button[type=submit]").first().click()]);
    return res;
  }

  step(`a wrong budget ("abc") comes back (422) with the error at the field and in a focused error summary`, async () => {
    await s.page.fill(`#field-${s.field}`, "abc");
    const res = await submit();
    expect(res.status() === 422, `the wrong budget answered ${res.status()}, expected 422 ${await where()}`);
    const summary = s.page.locator(".steiger-error-summary");
    expect(await summary.count() === 1 && await summary.isVisible(), `no visible error summary ${await where()}`);
    const focused = await s.page.evaluate(() => !!document.activeElement.closest(".steiger-error-summary"));
    expect(focused, "the error summary does not have the focus (steiger.js)");
    const link = summary.locator(`a[href='#field-${s.field}']`);
    expect(await link.count() === 1, `the error summary does not link #field-${s.field}: ${await summary.innerText()}`);
    const input = s.page.locator(`#field-${s.field}`);
    expect(await input.inputValue() === "abc", `the field does not keep what was typed: "${await input.inputValue()}"`);
    expect(await input.getAttribute("aria-invalid") === "true", "the field is not aria-invalid");
    const error = s.page.locator(`#error-${s.field}`);
    expect(await error.isVisible() && (await error.innerText()).trim().length > 5, `no visible error message at the field (#error-${s.field})`);
    const described = ((await input.getAttribute("aria-describedby")) || "").split(/\s+/);
    expect(described.includes(`error-${s.field}`), `the field's aria-describedby (${described.join(" ")}) does not name its error`);
    if (s.title !== null)
      expect(await s.page.inputValue("#field-title") === s.title, "the other fields do not keep their values");
    await link.click();
    const active = await s.page.evaluate(() => document.activeElement.id);
    expect(active === `field-${s.field}`, `the summary's link moves focus to "${active}", not to the field`);
  });

  step(`the corrected budget (${NEW_BUDGET}) is saved and shown on the item page`, async () => {
    await s.page.fill(`#field-${s.field}`, NEW_BUDGET);
    const res = await submit();
    expect(res.status() === 200 && new URL(s.page.url()).pathname === "/items/" + ITEM,
      `saving answered ${res.status()} ${await where()}; expected the item page`);
    expect(await s.page.locator(".steiger-error-summary").count() === 0, "the saved form still shows errors");
    const text = await s.page.innerText("main");
    expect(NEW_BUDGET_SHOWN.test(text), `the item page does not show the new budget ${NEW_BUDGET}`);
  });

  step("the change is in the audit log (/audit)", async () => {
    const res = await s.page.goto(env.srv.url + "/audit");
    expect(res.status() === 200, `GET /audit answered ${res.status()}`);
    const text = await s.page.innerText("main");
    expect(text.includes(ITEM) || text.includes(TITLE), `the audit log does not name ${ITEM} ${await where()}`);
    expect(NEW_BUDGET_SHOWN.test(text), `the audit log does not show the new budget ${NEW_BUDGET}`);
  });

  step("log out", async () => {
    await Promise.all([s.page.waitForURL((u) => u.pathname === "/login"), s.page.click(".steiger-header form[action='/logout'] button")]);
    await s.page.goto(env.srv.url + "/items/" + ITEM);
    expect(new URL(s.page.url()).pathname === "/login", `after logging out the item page is at ${s.page.url()}`);
    await s.ctx.close();
  });
};
