/*
 * places.h - the HTML pieces the vision, area and organisation pages
 * (vision.c, areas.c, organisations.c) share: tables with caption and
 * scoped headers, the mark of an illustrative value (an asterisk with a
 * text for screen readers, never colour alone), numbers and money for
 * people in the request's language, and links to records.
 *
 * Everything goes through buf_printf with %h (text) and %t (parts of a
 * URL).
 */
#ifndef STEIGER_PLACES_H
#define STEIGER_PLACES_H

#include "web/http.h"

/* Open a table with its caption and header row: headers[i] are the column
 * labels (translated already), numeric[i] (may be NULL) marks
 * right-aligned numeric columns; n columns. Opens the body. */
void places_table_begin(struct buf *o, const char *caption, const char *const *headers, const int *numeric, size_t n);

/* Close the body and the table. */
void places_table_end(struct buf *o);

/* Open a row with its header cell (scope=row); the caller writes the
 * cell's content and closes it with "</th>". */
void places_row_begin(struct buf *o);

/* Open a data cell, numeric (right-aligned) or not; the caller closes it
 * with "</td>". */
void places_cell(struct buf *o, int numeric);

/* Append the mark of a value of provenance source when that is
 * "illustrative": an asterisk (title and hidden text "illustrative"). */
void places_source_mark(struct buf *o, const char *source);

/* Append the notice that figures marked with an asterisk are
 * illustrative. */
void places_illustrative_notice(struct buf *o);

/* Append a number for people (at most maxdec decimals). */
void places_number(struct request *req, double v, int maxdec);

/* Append an amount of euros for people, the sign and the number kept
 * together (a no-break space). */
void places_eur(struct request *req, double v);

/* Append a link to /PREFIX/ID showing text. */
void places_link(struct buf *o, const char *prefix, const char *id, const char *text);

/* The human label of an organisation type (translated). */
const char *org_type_label(const char *code);

/* Append the first cells of an item's row after places_row_begin: its
 * title linked (with "(archived)" when it is), its kind and its state as
 * a badge; the row stays open after the state cell. */
void places_item_cells(struct buf *o, const char *id, const char *title, int archived, const char *kind,
		       const char *status);

/* Whether the request's user may see internal details (contacts, partner
 * details, archived items, contracts). */
int places_internal(const struct request *req);

/* Append "<dt>term</dt><dd>" (the caller writes the value and "</dd>"). */
void places_term(struct buf *o, const char *term);

#endif
