/*
 * steiger.js - small comforts on top of pages that work without it:
 * move focus to the error summary of a form that came back with errors.
 */
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".steiger-error-summary");
  if (summary) summary.focus();
});
