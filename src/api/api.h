/*
 * api.h - what the handlers of the JSON API (the files of src/api) share: JSON
 * responses, problem details for bad input, request bodies, pagination
 * with links, records in the form of the JSON import format.
 *
 * The API follows the Dutch government's API Design Rules (doc/api.md):
 * plural nouns, JSON bodies, application/problem+json errors with
 * "invalid-params", pagination with page/pageSize and links, the major
 * version in the path, an API-Version header (server.c).
 */
#ifndef STEIGER_API_H
#define STEIGER_API_H

#include "core/register.h"
#include "db/list.h"
#include "web/http.h"

/* The base path of this major version of the API. */
#define API_BASE "/api/v1"

/* The default and largest number of records on one page. */
#define API_PAGE_SIZE 20
#define API_PAGE_SIZE_MAX 100

/* A page of a collection, as the query asked for it. */
struct api_page {
	long long number; /* 1-based page number (?page=) */
	long long size;   /* records per page (?pageSize=) */
};

/* Start a 200 JSON response (Content-Type application/json, empty body). */
void api_json(struct request *req);

/* Respond 400 or 422 with a problem whose "invalid-params" hold one entry:
 * name (a query parameter or body member) and reason. Returns status. */
int api_invalid(struct request *req, int status, const char *name, const char *reason);

/* The body as JSON (allocated in the request's arena). Responds 415 when
 * it is not sent as JSON, 400 when it is empty or not well-formed JSON
 * (invalid-params then say where), and returns NULL; the caller then just
 * returns req->status. */
const struct json_value *api_json_body(struct request *req);

/* Append the entries of d to inv, the text of an invalid-params array so
 * far (its '[' and earlier entries), as its items ({"name", "reason",
 * "line", "column"}); name_of gives the name of an
 * entry (NULL: the entry's file, "body" when none). */
void api_diag_params(struct buf *inv, const struct diag *d,
		     const char *(*name_of)(const struct diag_entry *en, void *arg), void *arg);

/* Whether the caller may see internal details (contracts, partners,
 * archived items, contacts). */
int api_internal(const struct request *req);

/* Read ?page= and ?pageSize= into pg. Responds 400 with invalid-params and
 * returns -1 when either is not a whole number in range. */
int api_page_parse(struct request *req, struct api_page *pg);

/* The offset of the first record of pg. */
long long api_page_offset(const struct api_page *pg);

/* Begin the body of a page of a collection: the links (self, first, prev,
 * next, last: the request's own query with another page), the total, the
 * page and its size, and "_embedded": {"NAME": [ . Also sets the headers
 * X-Total-Count and Link. Follow with the records, separated by ",", then
 * api_collection_end(). */
void api_collection_begin(struct request *req, const char *name, const struct api_page *pg, long long total);

/* End what api_collection_begin began. */
void api_collection_end(struct request *req);

/* Append record key of register r to out as the JSON object of the import
 * format (doc/formats.md). *archived (may be NULL) is set when the record
 * has an "archived" field that is true. Returns 0, E_NOTFOUND or E_DB. */
int api_record_json(struct request *req, const struct register_def *r, const char *key, struct buf *out, int *archived);

/* Append the related sections (db/related.h) of record key of register r
 * whose keys are in the NULL-ended list keys, each as a member
 * ", \"KEY\": [...]" of an object being written to out. A key must not be
 * the key of a field of r. Returns 0 or E_DB. */
int api_related_json(struct request *req, const struct register_def *r, const char *key, const char *const *keys,
		     struct buf *out);

/* Respond with record req->params[0] of register r and its related
 * sections named in sections and, for internal readers, in
 * internal_sections (NULL-ended lists; either may be NULL); 404 with
 * not_found when there is no such record. Returns the status. */
int api_detail(struct request *req, const struct register_def *r, const char *const *sections,
	       const char *const *internal_sections, const char *not_found);

/* Respond with a page of all records of register r in key order, under
 * the name of the register. Returns the status. */
int api_register_page(struct request *req, const struct register_def *r);

/* Respond 500 with a problem that says the database failed, without any
 * detail of it. Returns 500. */
int api_db_error(struct request *req);

#endif
