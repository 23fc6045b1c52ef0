/*
 * areas.c - the areas of the API (the municipality, its districts and
 * neighbourhoods, development areas):
 *
 *   GET /api/v1/areas          a page of areas, by code
 *   GET /api/v1/areas/{code}   one area with the areas within it, the
 *                              pillars that cover it and its indicator
 *                              values
 *
 * The items in an area are at /api/v1/items?area={code} (which leaves out
 * archived items for those who may not see them).
 */
#include "steiger.h"
#include "api/api.h"
#include "pages/pages.h"

/* The related sections an area comes with. */
static const char *const area_sections[] = { "parts", "pillars", "indicator_values", NULL };

/* See pages.h. */
int api_areas(struct request *req)
{
	return api_register_page(req, reg_get(REG_AREAS));
}

/* See pages.h. */
int api_area(struct request *req)
{
	return api_detail(req, reg_get(REG_AREAS), area_sections, NULL, _("There is no area with this code."));
}
