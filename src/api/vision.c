/*
 * vision.c - the vision of the API: the vision, its hoofdlijnen (main
 * lines), goals, pillars, urgent issues and mechanisms, as one register of
 * elements that point to their parent:
 *
 *   GET /api/v1/vision        a page of the elements, by id
 *   GET /api/v1/vision/{id}   one element with the elements below it and
 *                             its indicators
 *
 * The items that serve an element are at /api/v1/items?hoofdlijn={id}.
 */
#include "steiger.h"
#include "api/api.h"
#include "pages/pages.h"

/* The related sections an element comes with. */
static const char *const element_sections[] = { "children", "indicators", NULL };

/* See pages.h. */
int api_vision(struct request *req)
{
	return api_register_page(req, reg_get(REG_VISION));
}

/* See pages.h. */
int api_vision_element(struct request *req)
{
	return api_detail(req, reg_get(REG_VISION), element_sections, NULL,
			  _("There is no element of the vision with this id."));
}
