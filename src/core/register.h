/*
 * register.h - the registers steiger holds and the fields of their records.
 *
 * One table describes each register (items, areas, organisations, ...): its
 * fields with their CSV/JSON keys, Dutch labels, types, bounds, whether they
 * are required or part of the key, and where the database keeps them. The
 * readers (record.c), the import (db/import.c), the exports, `list`, `show`
 * and `set` are all driven by these tables, so a field is described once.
 * The user-facing description of the same is doc/formats.md.
 */
#ifndef STEIGER_REGISTER_H
#define STEIGER_REGISTER_H

#include <stddef.h>

/* The registers, in the order an import writes them. */
enum reg_id {
	REG_AREAS,
	REG_ORGANISATIONS,
	REG_CONTACTS,
	REG_VISION,
	REG_INDICATORS,
	REG_INDICATOR_VALUES,
	REG_USERS,
	REG_ITEMS,
	REG_CONTRACTS,
	REG_ITEM_PARTNERS,
	REG_ROUNDS,
	REG_ASSESSMENTS,
	REG_DECISIONS,
	REG_COUNT,
	REG_NONE = -1
};

/* What a field holds. */
enum field_type {
	FT_ID,       /* identifier: a-z 0-9 - _ . (users: also upper case) */
	FT_CODE,     /* area code: CBS GM/WK/BU code or own upper-case code */
	FT_TEXT,     /* free text */
	FT_INT,      /* whole number in [min, max] */
	FT_REAL,     /* decimal number in [min, max] */
	FT_DATE,     /* calendar date, stored YYYY-MM-DD */
	FT_DATETIME, /* date and time, stored YYYY-MM-DDTHH:MM:SSZ */
	FT_BOOL,     /* yes/no, stored 0/1 */
	FT_ENUM,     /* one of a fixed list of codes */
	FT_SCORE,    /* an assessment score: whole number or n.v.t. */
	FT_SOURCE,   /* a provenance class (seed, cbs, ...) */
};

/* Field flags. */
enum {
	F_KEY = 1 << 0,      /* part of the record's identity */
	F_REQUIRED = 1 << 1, /* must be given when the record is created */
	F_LIST = 1 << 2,     /* several values (a child table) */
	F_YEARLY = 1 << 3,   /* one value per year: key_YYYY columns */
	F_EMAIL = 1 << 4,    /* text that must look like an e-mail address */
	F_NOSOURCE = 1 << 5, /* not a value with provenance (the provenance
				columns themselves) */
};

/* Where a list field's values live: a child table with one row per value. */
struct child_def {
	const char *table;      /* e.g. "item_domain" */
	const char *parent_col; /* column holding the record's key */
	const char *value_col;  /* column holding the value */
	const char *type_col;   /* column with a fixed value, or NULL */
	const char *type_val;   /* that fixed value */
};

/* One field of a register. */
struct field_def {
	const char *key;               /* the CSV/JSON key, e.g. "title" */
	const char *label_nl;          /* the Dutch column label, e.g. "titel" */
	const char *label;             /* a human label (English msgid; shown translated) */
	enum field_type type;          /* what it holds */
	unsigned flags;                /* F_* flags */
	int max_len;                   /* longest text in bytes (text-like types) */
	double min, max;               /* range of numbers (when min < max) */
	const char *const *values;     /* FT_ENUM: the allowed codes, NULL-ended */
	enum reg_id ref;               /* the register it refers to, or REG_NONE */
	const char *const *ref_kinds;  /* allowed `kind`s of the referred record */
	const char *column;            /* database column (scalar or yearly field) */
	const struct child_def *child; /* F_LIST: where the values live */
};

/* A file name that selects a register, with a default for one field. */
struct file_alias {
	const char *stem;          /* file name without .csv, e.g. "beleid" */
	const char *default_key;   /* field to default, e.g. "kind", or NULL */
	const char *default_value; /* its default, e.g. "policy" */
};

/* One register. */
struct register_def {
	enum reg_id id;                   /* its number */
	const char *name;                 /* key in JSON and the CSV file name */
	const char *name_nl;              /* the Dutch file name and sheet name */
	const char *label;                /* human name (English msgid) */
	const char *table;                /* database table */
	const char *year_table;           /* table of F_YEARLY fields, or NULL */
	const struct field_def *fields;   /* its fields; key fields first */
	size_t nfields;                   /* number of fields */
	const struct file_alias *aliases; /* extra file names, {NULL}-ended */
};

/* The register with number id. */
const struct register_def *reg_get(enum reg_id id);

/* The register named name (English or Dutch, case-insensitive), or NULL. */
const struct register_def *reg_by_name(const char *name);

/* The register a file name selects (e.g. "data/beleid.csv"), or NULL.
 * When the name is an alias with a default, *alias is set to it. */
const struct register_def *reg_by_file(const char *path, const struct file_alias **alias);

/* Index of the field with key or Dutch label name (case-insensitive), or
 * -1. A yearly field matches "budget_2024"; its year goes to *year (which
 * is set to 0 for other fields). */
int reg_field(const struct register_def *r, const char *name, int *year);

/* Index of the field with exactly this key, or -1. */
int reg_field_index(const struct register_def *r, const char *key);

/* The number of key fields of r (they come first). */
size_t reg_nkeys(const struct register_def *r);

/* The position of value in the NULL-ended list values, or -1. */
int enum_index(const char *const *values, const char *value);

/* Whether value is one of the codes in the NULL-ended list values. */
int enum_has(const char *const *values, const char *value);

/* The code of values that text stands for: the code itself (any case) or
 * a Dutch word for it ("beleidsnota" for policy, "lopend" for active).
 * NULL when it stands for none. */
const char *enum_resolve(const char *const *values, const char *text);

/* The provenance classes, NULL-ended: seed, cbs, gemeente, illustrative,
 * import, manual. */
extern const char *const source_values[];

/* The kinds of items, NULL-ended: policy, programme, project, regulation,
 * action. */
extern const char *const item_kind_values[];

/* The policy domains, NULL-ended: sociaal, fysiek, economie, veiligheid. */
extern const char *const domain_values[];

/* The states of an item, NULL-ended: planned, active, completed, stopped. */
extern const char *const item_status_values[];

/* The first Dutch word accepted for a code ("lopend" for active), or NULL. */
const char *code_word(const char *code);

/* A human label for a code (enum value) in the current language. */
const char *code_label(const char *code);

#endif
