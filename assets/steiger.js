/*
 * steiger.js - small comforts on top of pages that work without it:
 *  - a form that came back with errors: focus moves to its error summary
 *    (class steiger-error-summary), so it is read out first;
 *  - a button or form with data-confirm="question" (archiving, say) asks
 *    the question first and does nothing when it is declined. Without
 *    JavaScript the action goes ahead, as the server allows it anyway.
 * Loaded with the page's CSP nonce; no inline handlers, no styles.
 */
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".steiger-error-summary");
  if (summary) summary.focus();
});
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var question = (button && button.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
  if (question && !window.confirm(question)) event.preventDefault();
});
