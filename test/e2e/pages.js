/*
 * pages.js - the pages every browser check visits (axe-core in Dutch and
 * English, styles, reflow at 320 px, pointer targets), per role: "anonymous"
 * is not logged in. One line per page: the path, or [path, status] when the
 * page answers with another status than 200 (an error page).
 *
 * A new page is one more line here. A path with an id in it names a record
 * of the example data (data/zoetermeer).
 */
"use strict";
module.exports = {
  anonymous: [
    "/login",
    ["/no-such-page", 404],
  ],
  beheerder: [
    "/",
    ["/no-such-page", 404],
    ["/logout", 405],
  ],
  inwoner: [
    "/",
  ],
};
