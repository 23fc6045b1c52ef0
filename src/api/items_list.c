/*
 * items_list.c - GET /api/v1/items (provisional: all visible items).
 */
#include "steiger.h"
#include "api/api.h"
#include "pages/pages.h"

/* See pages.h. */
int api_items(struct request *req)
{
	return api_register_page(req, reg_get(REG_ITEMS));
}
