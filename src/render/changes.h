/*
 * changes.h - one audit log entry as people read it: the fields that
 * changed, each as "label: old -> new", with the register's field labels
 * and the human names of codes ("status: active -> stopped").
 *
 * The log holds the values before and after as JSON objects: whole rows
 * (written by the triggers) or only the changed fields of a record
 * (written by the register writer). For a change only the fields that
 * differ are shown, also inside the field-level provenance; for an
 * addition or removal every value that is set. Secrets are never in the
 * log (only "set"), so a change of a password or token alone is named as
 * such.
 */
#ifndef STEIGER_CHANGES_H
#define STEIGER_CHANGES_H

#include "lib/arena.h"
#include "lib/buf.h"

/* The longest value shown, in characters; longer ones end in "...". */
#define CHANGE_VALUE_MAX 300

/* Append the changes of an entry of table tbl with action ("insert",
 * "update", "delete") and the JSON texts before and after (either may be
 * NULL) to out as HTML: a list, in <details> when it is long. Temporary
 * memory comes from a. */
void changes_html(struct buf *out, struct arena *a, const char *tbl, const char *action, const char *before,
		  const char *after);

#endif
