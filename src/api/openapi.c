/*
 * openapi.c - GET /api/v1/openapi.json: the OpenAPI 3.0 description of the
 * API (api/openapi.json, compiled into the binary by tools/embed), public
 * and readable from any origin, as the API Design Rules ask (API-51).
 */
#include "steiger.h"
#include "core/embedded.h"
#include "pages/pages.h"

/* See pages.h. */
int api_openapi(struct request *req)
{
	req->status = 200;
	req->ctype = "application/json";
	buf_reset(&req->out);
	buf_add(&req->out, openapi_files[0].data, openapi_files[0].len);
	http_header(req, "Access-Control-Allow-Origin", "*");
	return 200;
}
