/*
 * vision_tree.h - the vision as a tree (the vision, its hoofdlijnen and
 * goals, the pillars, urgent issues and mechanisms) with, for every
 * element, the number, budget and fte of the items that serve it; and the
 * items that serve one element. The web pages /vision and /vision/:id are
 * built on it.
 *
 * An item serves an element when it declares to serve that element or an
 * element below it, or lies in an area of that element or of an element
 * below it (the areas of a pillar). Each item counts once per element.
 * For hoofdlijnen and pillars this is the rule of `steiger status`
 * (db/status.h), so the sums agree with the overview.
 */
#ifndef STEIGER_VISION_TREE_H
#define STEIGER_VISION_TREE_H

#include "core/status.h"
#include "db/db.h"
#include "db/list.h"

/* One element of the vision with the sums of the items serving it. */
struct vision_node {
	char *id;                /* its id */
	char *kind;              /* vision, hoofdlijn, goal, pillar, urgent_issue, mechanism */
	char *parent;            /* the id of the element it belongs to, or NULL */
	char *title;             /* its title */
	char *status;            /* vastgesteld, te_bevestigen, concept */
	char *title_source;      /* the provenance of the title */
	int depth;               /* 0 for an element without a parent */
	long parent_index;       /* index of the parent in the tree, or -1 */
	struct status_group sum; /* items (not archived) serving it, their
				    budget and fte in the tree's year; key
				    and label are not used */
};

/* The whole vision, parents before their children, siblings by position
 * and id (depth-first). */
struct vision_tree {
	struct vision_node *n; /* the elements */
	size_t count;          /* how many */
	int year;              /* the year of the budget and fte */
};

/* Fill t with the vision and the sums for year (0: db_default_year()).
 * Elements in a cycle of parents (which the import refuses, but a
 * database may hold) come last, as if they had no parent. Returns 0 or
 * E_DB. */
int db_vision_tree(struct db *db, int year, struct vision_tree *t, struct err *e);

/* The index of the element id in t, or -1. */
long vision_tree_find(const struct vision_tree *t, const char *id);

/* Free what t holds. */
void vision_tree_free(struct vision_tree *t);

/* One item that serves an element, and how. */
struct vision_item {
	char *id, *title, *kind, *status; /* the item */
	int archived;                     /* it is archived */
	int has_budget, has_fte;          /* the item has figures for the year */
	double budget, fte;               /* in the year */
	char *budget_source;              /* provenance of that budget, or NULL */
	int direct;                       /* it declares to serve the element itself */
	char *through;                    /* titles of the elements below it that it
					     serves, "; " between them, or NULL */
	char *areas;                      /* names of the areas of the element (or
					     below) it lies in, "; " between, or NULL */
};

/* The items serving an element. */
struct vision_items {
	struct vision_item *i; /* by kind, then title */
	size_t n, cap;
};

/* Fill out with the items that serve element id (see above), with their
 * budget and fte in year; archived items only when with_archived. Returns
 * 0 or E_DB. */
int db_vision_items(struct db *db, const char *id, int year, int with_archived, struct vision_items *out,
		    struct err *e);

/* Free what items holds. */
void vision_items_free(struct vision_items *items);

/* The areas of element id (code, name, type), in their order (a pillar's
 * order of approach). Returns 0 or E_DB. */
int db_vision_areas(struct db *db, const char *id, struct list_result *res, struct err *e);

/* The indicators that measure element id, a goal (id, title, unit,
 * direction, baseline, baseline_year, target, target_year, source).
 * Returns 0 or E_DB. */
int db_vision_indicators(struct db *db, const char *id, struct list_result *res, struct err *e);

#endif
