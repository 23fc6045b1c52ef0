/*
 * organisations.c - the organisations of the API (the municipality's
 * partners: housing corporations, schools, care, networks, ...):
 *
 *   GET /api/v1/organisations        a page of organisations, by id
 *   GET /api/v1/organisations/{id}   one organisation (with the ids of its
 *                                    members) and the networks it is a
 *                                    member of; for those who may read
 *                                    internal details also its contact
 *                                    persons, the items it is a partner
 *                                    in and its contracts
 */
#include "steiger.h"
#include "api/api.h"
#include "pages/pages.h"

/* The related sections everyone gets, and those only internal readers get. */
static const char *const public_sections[] = { "networks", NULL };
static const char *const internal_sections[] = { "contacts", "items", "contracts", NULL };

/* See pages.h. */
int api_organisations(struct request *req)
{
	return api_register_page(req, reg_get(REG_ORGANISATIONS));
}

/* See pages.h. */
int api_organisation(struct request *req)
{
	return api_detail(req, reg_get(REG_ORGANISATIONS), public_sections, internal_sections,
			  _("There is no organisation with this id."));
}
