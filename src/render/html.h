/*
 * html.h - the HTML of steiger's pages: the layout every page shares
 * (NL Design System / Utrecht component classes, skip link, navigation by
 * role, language switch, CSP nonce), and form fields that show their
 * error next to them (WCAG 3.3.1: the error names the field and says
 * what is expected; an error summary at the top links to each field).
 *
 * All text goes through buf_printf with %h; attribute values too.
 */
#ifndef STEIGER_HTML_H
#define STEIGER_HTML_H

#include "lib/buf.h"

struct request;

/* Start a page: doctype, head with the stylesheet and title, the header
 * with navigation (nav names the active section, e.g. "items"), and the
 * opening of <main>. */
void page_begin(struct request *req, const char *title, const char *nav);

/* End the page: close <main>, the footer, the document. Sets the content
 * type. */
void page_end(struct request *req);

/* The errors of a form, by field name. */
struct form_errors {
	const char *field[64];   /* field names (the name attribute) */
	const char *message[64]; /* what is wrong, for people */
	size_t n;
};

/* Add an error for field (strings are not copied; keep them alive). */
void form_error(struct form_errors *fe, const char *field, const char *message);

/* The error of field, or NULL. */
const char *form_error_of(const struct form_errors *fe, const char *field);

/* An error summary (role=alert, linking to each field), when there are
 * errors. */
void form_error_summary(struct request *req, const struct form_errors *fe);

/* Open a POST form to action with the CSRF token; close it. */
void form_begin(struct request *req, const char *action);
void form_end(struct request *req);

/* Append the description (hint, when not NULL) and the error message
 * (err, when not NULL) of field name, with the ids hint-NAME and
 * error-NAME that its aria-describedby points at. */
void field_notes(struct request *req, const char *name, const char *hint, const char *err);

/* A text input. type is "text", "email", "password", "number", "date" or
 * "search"; hint (may be NULL) is shown under the label; required marks
 * the field (and says so in the label). */
void field_input(struct request *req, const struct form_errors *fe, const char *type, const char *name,
		 const char *label, const char *value, const char *hint, int required);

/* A multi-line text input. */
void field_textarea(struct request *req, const struct form_errors *fe, const char *name, const char *label,
		    const char *value, const char *hint, int required);

/* A select among codes[i] shown as labels[i] (NULL-ended lists); with an
 * empty first option unless required. */
void field_select(struct request *req, const struct form_errors *fe, const char *name, const char *label,
		  const char *const *codes, const char *const *labels, const char *value, int required);

/* A group of checkboxes (a fieldset) for a list field: each code checked
 * when it is in the |-separated selected list. */
void field_checkboxes(struct request *req, const struct form_errors *fe, const char *name, const char *label,
		      const char *const *codes, const char *const *labels, const char *selected);

/* A submit button (primary or secondary). */
void button(struct request *req, const char *label, int primary);

/* Append "<a class=utrecht-link href=HREF>TEXT</a>" (href built by the
 * caller with %t for its parts). */
void html_link(struct buf *b, const char *href, const char *text);

/* A single checkbox for a yes/no field (value "true"); hint may be NULL.
 * The error, when there is one, is shown above it. (items) */
void field_checkbox(struct request *req, const struct form_errors *fe, const char *name, const char *label, int checked,
		    const char *hint);

/* Append the status of an item (planned, active, completed, stopped) as
 * an NL Design System status badge: its word, in a calm colour per status
 * (the colour only adds to the word). Nothing for an empty status. */
void status_badge(struct buf *o, const char *status);

/* A select of several values among codes[i] shown as labels[i]
 * (NULL-ended lists), each selected when it is in the |-separated list
 * selected; a selected value that is not among the codes is kept as an
 * option of its own (so what was sent comes back). size is the number of
 * rows shown. (items) */
void field_multiselect(struct request *req, const struct form_errors *fe, const char *name, const char *label,
		       const char *const *codes, const char *const *labels, const char *selected, const char *hint,
		       int size);

#endif
