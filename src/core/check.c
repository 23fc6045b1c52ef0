/*
 * check.c - the integrity checks' catalogue and rules; see check.h.
 */
#include "steiger.h"
#include "core/check.h"

static const struct {
	const char *name;
	enum severity sev;
	const char *title;
} checks[CHK_COUNT] = {
	[CHK_FILE] = { "file", SEV_ERROR, N_("Damage to the database file") },
	[CHK_FOREIGN_KEY] = { "foreign_key", SEV_ERROR, N_("References to records that do not exist") },
	[CHK_CYCLE] = { "cycle", SEV_ERROR, N_("Records that are part of themselves") },
	[CHK_LINK_KIND] = { "link_kind", SEV_WARNING, N_("Links to records of an unexpected kind") },
	[CHK_STALE_LINK] = { "stale_link", SEV_WARNING, N_("Links to stopped or archived items") },
	[CHK_STALE_SOURCE] = { "stale_source", SEV_WARNING, N_("Provenance of records that no longer exist") },
	[CHK_VISION] = { "vision", SEV_WARNING, N_("The vision tree") },
	[CHK_WEIGHTS] = { "weights", SEV_WARNING, N_("Weights of the main lines") },
	[CHK_UNASSESSED] = { "unassessed", SEV_WARNING, N_("Items nobody has assessed") },
	[CHK_CONTRACT_ENDING] = { "contract_ending", SEV_WARNING, N_("Contracts that end within a year") },
	[CHK_CONTRACT_ENDED] = { "contract_ended", SEV_WARNING, N_("Contracts that have ended while the item runs") },
	[CHK_BUDGET_NO_FTE] = { "budget_without_fte", SEV_WARNING, N_("Budget without fte") },
	[CHK_FTE_NO_BUDGET] = { "fte_without_budget", SEV_WARNING, N_("Fte without budget") },
};

/* See check.h. */
enum severity check_severity(enum check_id c)
{
	return checks[c].sev;
}

/* See check.h. */
const char *check_name(enum check_id c)
{
	return checks[c].name;
}

/* See check.h. */
const char *check_title(enum check_id c)
{
	return tr(checks[c].title);
}

/* See check.h. */
void findings_add(struct findings *fs, enum check_id c, const char *record, const char *message)
{
	ARRAY_GROW(fs->f, fs->cap, fs->n + 1);
	fs->f[fs->n].check = c;
	fs->f[fs->n].record = xstrdup(record ? record : "");
	fs->f[fs->n].message = xstrdup(message ? message : "");
	fs->n++;
}

/* See check.h. */
void findings_copy(struct findings *dst, const struct findings *src)
{
	size_t size = 0, used = 0;
	char *pool = NULL;
	ARRAY_GROW(dst->f, dst->cap, dst->n + src->n);
	if (!dst->pool && src->n) {
		for (size_t i = 0; i < src->n; i++)
			size += strlen(src->f[i].record) + strlen(src->f[i].message) + 2;
		pool = dst->pool = xmalloc(size);
		dst->pool_size = size;
	}
	for (size_t i = 0; i < src->n; i++) {
		struct finding *f = &dst->f[dst->n++];
		f->check = src->f[i].check;
		if (pool) {
			size_t rl = strlen(src->f[i].record) + 1, ml = strlen(src->f[i].message) + 1;
			f->record = memcpy(pool + used, src->f[i].record, rl);
			f->message = memcpy(pool + used + rl, src->f[i].message, ml);
			used += rl + ml;
		} else {
			f->record = xstrdup(src->f[i].record);
			f->message = xstrdup(src->f[i].message);
		}
	}
}

/* Whether s lies in the pool of fs (and so is not freed on its own). */
static int in_pool(const struct findings *fs, const char *s)
{
	uintptr_t p = (uintptr_t)fs->pool, q = (uintptr_t)s;
	return fs->pool && q >= p && q < p + fs->pool_size;
}

/* Parse YYYY-MM-DD into a day number; -1 when it is not a date. */
static long day_number(const char *s)
{
	char iso[11];
	if (!s || date_parse(s, iso) < 0)
		return LONG_MIN;
	int y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
	int m = (iso[5] - '0') * 10 + (iso[6] - '0');
	int d = (iso[8] - '0') * 10 + (iso[9] - '0');
	return days_from_civil(y, m, d);
}

/* See check.h. */
long days_between(const char *a, const char *b)
{
	long da = day_number(a), db = day_number(b);
	if (da == LONG_MIN || db == LONG_MIN)
		return 0;
	return db - da;
}

/* See check.h. */
int contract_ends_within(const char *end_date, const char *today, long horizon_days)
{
	long dt = day_number(today), de = day_number(end_date);
	if (dt == LONG_MIN || de == LONG_MIN)
		return 0;
	return de >= dt && de - dt <= horizon_days;
}

/* See check.h. An insertion sort: stable, and the lists are short. */
void findings_sort(struct findings *fs)
{
	for (size_t i = 1; i < fs->n; i++) {
		struct finding f = fs->f[i];
		size_t j = i;
		while (j > 0 && fs->f[j - 1].check > f.check) {
			fs->f[j] = fs->f[j - 1];
			j--;
		}
		fs->f[j] = f;
	}
}

/* See check.h. */
void findings_free(struct findings *fs)
{
	for (size_t i = 0; i < fs->n; i++) {
		if (!in_pool(fs, fs->f[i].record))
			free(fs->f[i].record);
		if (!in_pool(fs, fs->f[i].message))
			free(fs->f[i].message);
	}
	free(fs->f);
	free(fs->pool);
	fs->f = NULL;
	fs->pool = NULL;
	fs->n = fs->cap = fs->pool_size = 0;
}
