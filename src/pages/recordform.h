/*
 * recordform.h - a register record from an HTML form or an API body, so
 * that pages and the API write through the same validation, import and
 * audit as the command line (db/import.c): one transaction, every value
 * checked, the errors given back per field.
 */
#ifndef STEIGER_RECORDFORM_H
#define STEIGER_RECORDFORM_H

#include "core/record.h"
#include "db/import.h"
#include "render/html.h"
#include "web/http.h"

/* Build a record of register r with key (NULL for a new record: then the
 * form's key field is used) from the form fields named in fields[] (a
 * NULL-ended list of field keys, key_YYYY for yearly ones). A field listed
 * but absent from the form counts as empty (an unticked checkbox), so every
 * listed field is written. List fields come as repeated form fields (check
 * boxes) or one text with '|' or ','. The fields that differ from the
 * stored record get the provenance "manual" (entered by hand). Then import
 * it. Errors go to fe per form field; returns 0, E_INPUT (see fe) or E_DB. */
int form_write(struct request *req, const struct register_def *r, const char *key, const char *const *fields,
	       struct form_errors *fe, struct import_result *res);

/* The same for a JSON object body (the API): body is the object of one
 * record; errors go to invalid_params as a JSON array text ("[{\"name\":
 * ..., \"reason\": ...}]") allocated in the request's arena. */
int json_write(struct request *req, const struct register_def *r, const char *key, const char *body, size_t len,
	       const char **invalid_params, struct import_result *res, int *created);

#endif
