/*
 * org_query.h - the organisations as the pages /organisations and
 * /organisations/:id show them: the list with a filter by type, a search
 * by name and a chosen order; and what belongs to one organisation (the
 * items it is a partner in, its contact persons, its members and the
 * networks it is in, the contracts it is a party to). Each is a listing
 * (list.h); what a role may see is the page's decision.
 */
#ifndef STEIGER_ORG_QUERY_H
#define STEIGER_ORG_QUERY_H

#include "db/list.h"

/* The orders of the list. */
enum org_sort {
	ORG_SORT_NAME,  /* by name */
	ORG_SORT_TYPE,  /* by type, then name */
	ORG_SORT_ITEMS, /* by the number of items it is a partner in, then name */
	ORG_SORT_COUNT
};

/* The sort key of the query parameter ("name", "type", "items"), or -1. */
int org_sort_parse(const char *s);

/* The query parameter of sort s. */
const char *org_sort_code(enum org_sort s);

/* Fill res with the organisations (id, name, type, items, members,
 * source): of type type only (NULL or "": all), whose name contains text
 * (NULL or "": all; case-insensitive for ASCII letters, '%' and '_' are
 * plain characters), in order sort, descending when desc. items counts the
 * items it is a partner in, archived ones only when with_archived.
 * Returns 0 or E_DB. */
int db_organisations(struct db *db, const char *type, const char *text, enum org_sort sort, int desc, int with_archived,
		     struct list_result *res, struct err *e);

/* The items organisation id is a partner in (id, title, kind, status,
 * archived, role, willingness, note, source), archived ones only when
 * with_archived. Returns 0 or E_DB. */
int db_org_items(struct db *db, const char *id, int with_archived, struct list_result *res, struct err *e);

/* The contact persons of organisation id (id, name, role, email, phone,
 * source). Returns 0 or E_DB. */
int db_org_contacts(struct db *db, const char *id, struct list_result *res, struct err *e);

/* The members of network id (id, name, type), in their order. Returns 0
 * or E_DB. */
int db_org_members(struct db *db, const char *id, struct list_result *res, struct err *e);

/* The networks organisation id is a member of (id, name, type). Returns 0
 * or E_DB. */
int db_org_networks(struct db *db, const char *id, struct list_result *res, struct err *e);

/* The contracts organisation id is a party to (id, title, end_date,
 * exit_cost, item, archived), archived items' contracts only when
 * with_archived. Returns 0 or E_DB. */
int db_org_contracts(struct db *db, const char *id, int with_archived, struct list_result *res, struct err *e);

#endif
