/*
 * status.h - the agenda at a glance (`steiger status`, the home page): how
 * many items of each kind, domain, hoofdlijn and pillar, with their budget
 * and fte in one year, and where the values come from.
 */
#ifndef STEIGER_STATUS_H
#define STEIGER_STATUS_H

#include "core/register.h"

/* Counts and money of one group of items (a kind, a domain, a hoofdlijn,
 * a pillar). */
struct status_group {
	char *key;                  /* the code or id of the group */
	char *label;                /* its title (hoofdlijnen, pillars) or NULL */
	int count;                  /* items, archived ones excluded */
	int active;                 /* of which planned or active */
	int by_status[4];           /* per state, in the order of item_status_values */
	double budget;              /* their budget in the year */
	double fte;                 /* their fte in the year */
	double budget_illustrative; /* of which illustrative */
	double fte_illustrative;
};

/* A list of groups. */
struct status_groups {
	struct status_group *g;
	size_t n, cap;
};

/* Where the records of one register come from. */
struct status_provenance {
	int total;               /* records */
	int by_source[6];        /* records per source_values[i] */
	int illustrative_fields; /* field-level "illustrative" entries */
};

/* A field that is illustrative in some records of a register. */
struct status_field {
	enum reg_id reg; /* the register */
	char *field;     /* the field key (or yearly family) */
	int records;     /* in how many records */
};

struct status {
	int year;                   /* the year of the budget and fte */
	char *dataset;              /* meta "dataset", or NULL */
	char *vision;               /* the title of the vision, or NULL */
	int vision_counts[6];       /* per vision kind, see vision_kind_index */
	int hoofdlijnen_to_confirm; /* hoofdlijnen with status te_bevestigen */
	int indicators, indicator_values;
	int areas_by_type[4]; /* gemeente, wijk, buurt, ontwikkelgebied */
	int organisations, networks, contacts, contracts, partners, users, rounds, assessments, decisions;
	int archived; /* archived items */
	struct status_groups by_kind, by_domain, by_hoofdlijn, by_pillar;
	struct status_group total; /* all items */
	struct status_provenance prov[REG_COUNT];
	struct status_field *fields; /* illustrative fields */
	size_t nfields, capfields;
	char *pool;       /* one block holding the strings status_copy made
			     (the home page copies them on every request), or NULL */
	size_t pool_size; /* its size */
};

/* The vision kinds in the order of vision_counts. */
extern const char *const status_vision_kinds[];

/* The area types in the order of areas_by_type. */
extern const char *const status_area_types[];

/* Add a group with key and label (copied) to gs; returns it zeroed. */
struct status_group *status_add_group(struct status_groups *gs, const char *key, const char *label);

/* The share (0..1) of x in total, 0 when total is 0. */
double status_share(double x, double total);

/* Make dst a deep copy of src, its strings in one block (free it with
 * status_free). */
void status_copy(struct status *dst, const struct status *src);

/* Free what st holds. */
void status_free(struct status *st);

#endif
