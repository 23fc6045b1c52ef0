/*
 * assets.c - serving the embedded assets; see assets.h.
 */
#include "steiger.h"
#include "core/embedded.h"
#include "web/assets.h"
#include "web/http.h"

/* The URL of each asset, "/assets/HASH/NAME", made by assets_init(). */
static char *urls[32];

/* See assets.h. */
void assets_init(void)
{
	for (size_t i = 0; i < asset_files_count && i < ARRAY_SIZE(urls); i++) {
		/* FNV-1a over the bytes (str_hash works on strings; the
		 * assets are text without NUL). */
		unsigned long long h = str_hash(asset_files[i].data);
		free(urls[i]);
		urls[i] = mprintf("/assets/%08llx/%s", h & 0xffffffffULL, asset_files[i].path);
	}
}

/* See assets.h. */
const char *asset_url(const char *name)
{
	for (size_t i = 0; i < asset_files_count && i < ARRAY_SIZE(urls); i++)
		if (strcmp(asset_files[i].path, name) == 0 && urls[i])
			return urls[i];
	return "/assets/missing";
}

/* The content type for a file name. */
static const char *type_of(const char *name)
{
	if (ends_with(name, ".css"))
		return "text/css; charset=utf-8";
	if (ends_with(name, ".js"))
		return "text/javascript; charset=utf-8";
	if (ends_with(name, ".svg"))
		return "image/svg+xml";
	if (ends_with(name, ".woff2"))
		return "font/woff2";
	return "application/octet-stream";
}

/* See assets.h. */
int asset_serve(struct request *req)
{
	for (size_t i = 0; i < asset_files_count && i < ARRAY_SIZE(urls); i++) {
		if (!urls[i] || strcmp(urls[i], req->path) != 0)
			continue;
		buf_add(&req->out, asset_files[i].data, asset_files[i].len);
		req->ctype = type_of(asset_files[i].path);
		req->cache_forever = 1;
		req->status = 200;
		return 200;
	}
	return http_error(req, 404, _("There is no such file."));
}
