/*
 * places.c - HTML pieces of the vision, area and organisation pages; see
 * places.h.
 */
#include "steiger.h"
#include "core/register.h"
#include "pages/places.h"
#include "render/html.h"

/* See places.h. */
void places_table_begin(struct buf *o, const char *caption, const char *const *headers, const int *numeric, size_t n)
{
	buf_printf(o,
		   "<div class=\"steiger-table-scroll\"><table class=\"utrecht-table utrecht-table--html-table "
		   "steiger-table\">\n"
		   "<caption class=\"utrecht-table__caption\">%h</caption>\n<thead class=\"utrecht-table__header\">"
		   "<tr class=\"utrecht-table__row\">",
		   caption);
	for (size_t i = 0; i < n; i++)
		buf_printf(o, "<th class=\"utrecht-table__header-cell%s\" scope=\"col\">%h</th>",
			   numeric && numeric[i] ? " utrecht-table__header-cell--numeric" : "",
			   headers[i]); /* literal */
	buf_adds(o, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
}

/* See places.h. */
void places_table_end(struct buf *o)
{
	buf_adds(o, "</tbody>\n</table></div>\n");
}

/* See places.h. */
void places_row_begin(struct buf *o)
{
	buf_adds(o, "<tr class=\"utrecht-table__row\"><th class=\"utrecht-table__cell\" scope=\"row\">");
}

/* See places.h. */
void places_cell(struct buf *o, int numeric)
{
	buf_adds(o, numeric ? "<td class=\"utrecht-table__cell utrecht-table__cell--numeric\">"
			    : "<td class=\"utrecht-table__cell\">");
}

/* See places.h. */
void places_source_mark(struct buf *o, const char *source)
{
	if (source && strcmp(source, "illustrative") == 0)
		buf_printf(o,
			   "<span class=\"steiger-illustrative\" title=\"%h\" aria-hidden=\"true\">*</span>"
			   "<span class=\"visually-hidden\"> (%h)</span>",
			   _("illustrative"), _("illustrative"));
}

/* See places.h. */
void places_illustrative_notice(struct buf *o)
{
	buf_printf(o,
		   "<div class=\"utrecht-alert utrecht-alert--info steiger-notice\" role=\"note\"><p "
		   "class=\"utrecht-paragraph\">%h</p></div>\n",
		   _("Figures marked * are illustrative: examples, not figures of the municipality. They are "
		     "replaced when the municipality imports its own data."));
}

/* See places.h. */
void places_number(struct request *req, double v, int maxdec)
{
	struct buf b = BUF_INIT;
	num_format_short(&b, v, maxdec, req->lang == LANG_NL);
	buf_printf(&req->out, "%h", b.data);
	buf_free(&b);
}

/* See places.h. */
void places_eur(struct request *req, double v)
{
	struct buf b = BUF_INIT;
	const char *space;
	eur_format_human(&b, v, req->lang == LANG_NL);
	if ((space = strstr(b.data, "\xe2\x82\xac ")) != NULL) {
		/* "€ 1.234" stays on one line */
		buf_printf(&req->out, "%h\xe2\x82\xac\xc2\xa0%h",
			   arena_strndup(req->a, b.data, (size_t)(space - b.data)), space + 4);
	} else {
		buf_printf(&req->out, "%h", b.data);
	}
	buf_free(&b);
}

/* See places.h. */
void places_link(struct buf *o, const char *prefix, const char *id, const char *text)
{
	buf_printf(o, "<a class=\"utrecht-link\" href=\"/%h/%t\">%h</a>", prefix, id, text);
}

/* See places.h. */
void places_item_cells(struct buf *o, const char *id, const char *title, int archived, const char *kind,
		       const char *status)
{
	places_link(o, "items", id, title);
	if (archived)
		buf_printf(o, " (%h)", code_label("archived"));
	buf_adds(o, "</th>");
	places_cell(o, 0);
	buf_printf(o, "%h</td>", code_label(kind));
	places_cell(o, 0);
	status_badge(o, status);
	buf_adds(o, "</td>");
}

/* See places.h. */
const char *org_type_label(const char *code)
{
	static const struct {
		const char *code, *label;
	} labels[] = {
		{ "gemeente", N_("municipality") },
		{ "corporatie", N_("housing corporation") },
		{ "onderwijs", N_("education") },
		{ "zorg", N_("care") },
		{ "welzijn", N_("welfare") },
		{ "bedrijf", N_("company") },
		{ "netwerk", N_("network") },
		{ "overheid", N_("government") },
		{ "kennisinstelling", N_("knowledge institution") },
		{ "bewonersorganisatie", N_("residents' organisation") },
		{ "vereniging", N_("association") },
		{ "overig", N_("other") },
	};
	for (size_t i = 0; code && i < ARRAY_SIZE(labels); i++)
		if (strcmp(labels[i].code, code) == 0)
			return tr(labels[i].label);
	return code ? code : "";
}

/* See places.h. */
int places_internal(const struct request *req)
{
	return req->logged_in && role_can(req->user.role, PERM_READ_INTERNAL);
}

/* See places.h. */
void places_term(struct buf *o, const char *term)
{
	buf_printf(o, "<dt>%h</dt><dd>", term);
}
