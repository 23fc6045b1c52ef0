/*
 * items.c - the items of the API (policy documents, programmes, projects,
 * regulations, actions):
 *
 *   GET    /api/v1/items        a page of items, with filters and sorting
 *   POST   /api/v1/items        create one (201 with Location)
 *   GET    /api/v1/items/{id}   one item; contracts and partners for those
 *                               who may read internal details
 *   PATCH  /api/v1/items/{id}   change the fields given, and only those
 *   DELETE /api/v1/items/{id}   archive it (204); nothing is ever deleted
 *
 * An archived item does not exist for those who may not read internal
 * details (404). Writes go through json_write (pages/recordform.h): the
 * validation, transaction and audit of `steiger import`.
 */
#include "steiger.h"
#include "api/api.h"
#include "pages/pages.h"
#include "pages/recordform.h"

/* The related sections of an item that only internal readers get. */
static const char *const internal_sections[] = { "contracts", "partners", NULL };

/* Respond 404 for item id. */
static int no_item(struct request *req)
{
	return http_error(req, 404, _("There is no item with this id."));
}

/* Respond with item id (status 200 or 201). Returns the status. */
static int respond_item(struct request *req, const char *id, int status)
{
	struct buf b = BUF_INIT;
	int archived = 0, rc = api_record_json(req, reg_get(REG_ITEMS), id, &b, &archived);
	if (rc == E_NOTFOUND || (rc == 0 && archived && !api_internal(req))) {
		buf_free(&b);
		return no_item(req);
	}
	if (rc == 0 && api_internal(req)) {
		buf_truncate(&b, b.len - 1); /* the object's '}' */
		rc = api_related_json(req, reg_get(REG_ITEMS), id, internal_sections, &b);
		buf_addch(&b, '}');
	}
	if (rc < 0) {
		buf_free(&b);
		return api_db_error(req);
	}
	api_json(req);
	req->status = status;
	buf_add(&req->out, b.data, b.len);
	buf_addch(&req->out, '\n');
	buf_free(&b);
	return status;
}

/* See pages.h. */
int api_item(struct request *req)
{
	return respond_item(req, req->params[0], 200);
}

/* Whether item id exists for the asker (archived ones only for internal
 * readers). Responds 404 (or 500) and returns 0 when not. */
static int item_visible(struct request *req, const char *id)
{
	struct buf b = BUF_INIT;
	int archived = 0, rc = api_record_json(req, reg_get(REG_ITEMS), id, &b, &archived);
	buf_free(&b);
	if (rc == E_DB) {
		api_db_error(req);
		return 0;
	}
	if (rc < 0 || (archived && !api_internal(req))) {
		no_item(req);
		return 0;
	}
	return 1;
}

/* Write body (a JSON object) to item key (NULL: a new item) and respond
 * with the problem when it fails. Returns 0 on success, else the status
 * of the response made. */
static int write_item(struct request *req, const char *key, const char *body, size_t len, int *created)
{
	const char *invalid = NULL;
	struct import_result res;
	int rc;
	import_result_init(&res);
	rc = json_write(req, reg_get(REG_ITEMS), key, body, len, &invalid, &res, created);
	import_result_free(&res);
	if (rc == E_NOTFOUND)
		return no_item(req);
	if (rc == E_INPUT)
		return http_problem(req, 422, _("Invalid input"),
				    _("The item has values that are not valid; see invalid-params."), invalid);
	if (rc < 0)
		return api_db_error(req);
	return 0;
}

/* See pages.h. */
int api_item_create(struct request *req)
{
	const struct json_value *body = api_json_body(req);
	int created = 0, rc;
	const struct json_value *idv;
	const char *id;
	if (!body)
		return req->status;
	if ((rc = write_item(req, NULL, req->body.data, req->body.len, &created)) != 0)
		return rc;
	idv = json_get(body, "id");
	if (NEVER(!idv || idv->type != JSON_STRING)) /* json_write checked it */
		return api_db_error(req);
	id = idv->str;
	http_header(req, "Location", arena_printf(req->a, API_BASE "/items/%t", id));
	return respond_item(req, id, 201);
}

/* See pages.h. */
int api_item_update(struct request *req)
{
	const char *id = req->params[0];
	int created = 0, rc;
	if (!api_json_body(req))
		return req->status;
	if (!item_visible(req, id))
		return req->status;
	if ((rc = write_item(req, id, req->body.data, req->body.len, &created)) != 0)
		return rc;
	return respond_item(req, id, 200);
}

/* See pages.h. */
int api_item_archive(struct request *req)
{
	static const char archive[] = "{\"archived\": true}";
	const char *id = req->params[0];
	int created = 0, rc;
	if (!item_visible(req, id))
		return req->status;
	if ((rc = write_item(req, id, archive, sizeof(archive) - 1, &created)) != 0)
		return rc;
	api_json(req);
	req->status = 204;
	return 204;
}
