/*
 * area_query.h - the areas with their indicators, as the pages /areas and
 * /areas/:code show them: every area, every indicator and every value
 * (with its provenance, so that illustrative figures can be marked), and
 * the look-ups the pages need (a value of an area in a year, the latest
 * year of an indicator, the municipality an area lies in).
 */
#ifndef STEIGER_AREA_QUERY_H
#define STEIGER_AREA_QUERY_H

#include "db/db.h"
#include "db/list.h"
#include "lib/arena.h"
#include "lib/strmap.h"

/* One area. */
struct area_row {
	char *code;        /* CBS code or own code */
	char *name;        /* its name */
	char *type;        /* gemeente, wijk, buurt, ontwikkelgebied */
	char *parent;      /* code of the area it lies in, or NULL */
	char *source;      /* provenance of the record */
	char *name_source; /* provenance of the name */
};

/* One indicator. */
struct indicator_row {
	char *id, *title, *unit; /* what it measures, in which unit */
	char *direction;         /* up or down: which way is better */
	char *goal;              /* the goal it measures, or NULL */
	int has_baseline, has_target;
	double baseline, target;             /* baseline and target, when set */
	int baseline_year, target_year;      /* their years, or 0 */
	char *source;                        /* provenance of the record */
	char *description;                   /* its description, or NULL */
	int nvalues;                         /* values it has */
	int cbs_values, illustrative_values; /* of which from CBS / illustrative */
};

/* One value of an indicator in an area and year. */
struct indicator_value_row {
	size_t indicator; /* index into the indicators */
	size_t area;      /* index into the areas */
	int year;         /* the year */
	double value;     /* the value */
	char *source;     /* its provenance (field-level, else the row's) */
};

/* All of it; every string lives in the arena. */
struct area_data {
	struct arena arena;     /* the strings and keys */
	struct area_row *areas; /* by type (gemeente, wijk, buurt,
				   ontwikkelgebied), then code */
	size_t nareas;
	struct indicator_row *indicators; /* by title */
	size_t nindicators;
	struct indicator_value_row *values; /* by indicator, area, year */
	size_t nvalues;
	int *years; /* the years that have values, ascending */
	size_t nyears;
	struct strmap by_code;  /* area code -> 1 + index */
	struct strmap by_value; /* "indicator\x1farea\x1fyear" -> 1 + index */
};

/* Read every area, indicator and value into d. Returns 0 or E_DB. */
int db_area_data(struct db *db, struct area_data *d, struct err *e);

/* Free what d holds. */
void area_data_free(struct area_data *d);

/* The index of the area with code, or -1. */
long area_find(const struct area_data *d, const char *code);

/* The value of indicator ind in area in year, or NULL. */
const struct indicator_value_row *area_value(const struct area_data *d, size_t ind, size_t area, int year);

/* The latest year in which indicator ind has a value for an area of type
 * type (NULL: any area), or 0. */
int indicator_latest_year(const struct area_data *d, size_t ind, const char *type);

/* The municipality of area a: the nearest area of type gemeente among a
 * and the areas it lies in, else the first area of type gemeente; -1 when
 * there is none. */
long area_municipality(const struct area_data *d, size_t a);

/* The position of v in [lo, hi] as 0..100 (50 when lo == hi): how the heat
 * map of /areas shades a value among those of the other wijken. */
double area_scale_0_100(double v, double lo, double hi);

/* The items that lie in area code (id, title, kind, status, archived),
 * archived ones only when with_archived. Returns 0 or E_DB. */
int db_area_items(struct db *db, const char *code, int with_archived, struct list_result *res, struct err *e);

/* The elements of the vision (pillars) that area code belongs to (id,
 * kind, title). Returns 0 or E_DB. */
int db_area_pillars(struct db *db, const char *code, struct list_result *res, struct err *e);

/* The areas adjacent to area code, either way round (code, name, type).
 * Returns 0 or E_DB. */
int db_area_adjacent(struct db *db, const char *code, struct list_result *res, struct err *e);

#endif
