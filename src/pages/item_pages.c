/*
 * item_pages.c - what the item pages share; see item_pages.h.
 */
#include "steiger.h"
#include "core/register.h"
#include "db/item_detail.h"
#include "pages/item_pages.h"
#include "render/html.h"

/* See item_pages.h. */
int item_internal(const struct request *req)
{
	return req->logged_in && role_can(req->user.role, PERM_READ_INTERNAL);
}

/* See item_pages.h. */
int item_find(struct request *req, const char *id, int *archived)
{
	struct err e = { 0, "" };
	int state = db_item_state(req->db, id, &e);
	if (archived)
		*archived = state == 1;
	if (state == E_DB)
		return http_error(req, 500, _("The item cannot be read now; try again later."));
	if (state == E_NOTFOUND || (state == 1 && !item_internal(req)))
		return http_error(req, 404, _("There is no item at this address."));
	return 0;
}

/* See item_pages.h. */
void item_mark_illustrative(struct buf *o)
{
	buf_printf(o,
		   "<span class=\"steiger-illustrative\" aria-hidden=\"true\" title=\"%h\">*</span>"
		   "<span class=\"visually-hidden steiger-visually-hidden\"> (%h)</span>",
		   _("illustrative"), _("illustrative"));
}

/* See item_pages.h. */
void item_figure(struct buf *o, double v, int euros, const char *source)
{
	struct buf t = BUF_INIT;
	int nl = i18n_get() == LANG_NL;
	if (euros)
		eur_format_human(&t, v, nl);
	else
		num_format_short(&t, v, 2, nl);
	buf_printf(o, "%h", t.data);
	if (source && strcmp(source, "illustrative") == 0)
		item_mark_illustrative(o);
	buf_free(&t);
}

/* See item_pages.h. */
void item_illustrative_note(struct request *req)
{
	buf_printf(&req->out,
		   "<div class=\"utrecht-alert utrecht-alert--info steiger-notice\" role=\"note\"><p "
		   "class=\"utrecht-paragraph\">%h</p></div>\n",
		   _("Values marked * are illustrative: examples, not figures of the municipality. They are "
		     "replaced when the municipality imports its own data."));
}

/* See item_pages.h. */
void item_enum_choices(struct request *req, const char *key, const char *const **codes, const char *const **labels)
{
	const struct register_def *r = reg_get(REG_ITEMS);
	int fi = reg_field_index(r, key);
	const char *const *values = fi >= 0 ? r->fields[fi].values : NULL;
	size_t n = 0;
	while (values && values[n])
		n++;
	const char **l = arena_calloc(req->a, n + 1, sizeof(*l));
	for (size_t i = 0; i < n; i++)
		l[i] = code_label(values[i]);
	static const char *const none[] = { NULL };
	*codes = values ? values : none;
	*labels = l;
}
