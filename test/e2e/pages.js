/*
 * pages.js - the pages every browser check visits (axe-core in Dutch and
 * English, styles, keyboard, reflow at 320 px, pointer targets), per role:
 * "anonymous" is not logged in. Each role sees its pages (src/web/routes.c);
 * together they are every page of the application.
 *
 * One line per page: the path; or [path, status] when the page answers
 * with another status than 200 (an error page); or an object for a page
 * reached by sending a form (lib.js submitForm):
 *   { path, status, post: { from, form, fill } }
 * where path only names the page in the test's name. A path with an id in
 * it names a record of the example data (data/zoetermeer); the area pages
 * also have the values of test/e2e/data (more years, so a line chart).
 */
"use strict";

let newUser = 0; /* each account made by the form gets a name of its own */

module.exports = {
  anonymous: [
    "/login",
    { path: "/login (wrong password)", status: 401,
      post: { from: "/login", fill: { "#field-name": "niemand", "#field-password": "niet-het-wachtwoord" } } },
    ["/no-such-page", 404],
  ],
  beheerder: [
    "/",
    "/items/beleidsplan-wmo-en-jeugdhulp", /* with contracts and partners */
    "/audit",
    "/audit?table=item&action=insert",
    "/users",
    "/users/new",
    "/users/raad",
    { path: "/users (new account, its password shown once)", status: 200,
      post: { from: "/users/new", fill: { "#field-name": () => `nieuw-${++newUser}`, "#field-role": "raad" } } },
    ["/no-such-page", 404],
    ["/logout", 405],
  ],
  medewerker: [
    "/items",
    "/items?q=wonen&status=active&sort=budget&dir=desc",
    "/items?kind=policy&domain=sociaal",
    "/items?page=2",
    "/items/new",
    "/items/hotelnota-2001",
    "/items/hotelnota-2001/edit",
    { path: "/items/hotelnota-2001 (edit form with errors)", status: 422,
      post: { from: "/items/hotelnota-2001/edit", fill: { "#field-title": "", "input[name^='budget_']": "abc" } } },
    { path: "/items/hotelnota-2001/archive (confirmation)", status: 200,
      post: { from: "/items/hotelnota-2001/edit", form: "main form[action$='/archive']" } },
    "/organisations/new",
    "/organisations/stadsbouwakkoord/edit",
    "/account",
  ],
  raad: [
    "/vision",
    "/vision/hl-thuis",
    "/vision/wijken-van-de-toekomst",
    "/areas",
    "/areas/WK063701",
    "/areas/GM0637",
    "/organisations",
    "/organisations?type=corporatie&sort=items&dir=desc",
    "/organisations/stadsbouwakkoord",
    "/items/de-entree",
    "/review", /* the round of test/e2e/data/review */
  ],
  bestuur: [
    "/",
  ],
  partner: [
    "/items",
    "/organisations/woningcorporatie-a",
    ["/review", 403],
  ],
  inwoner: [
    "/",
    "/items/beleidsplan-wmo-en-jeugdhulp",
    "/areas/OG-ENTREE",
    ["/audit", 403],
  ],
};
