/*
 * html.c - page layout and form fields; see html.h.
 */
#include "steiger.h"
#include "render/html.h"
#include "web/http.h"
#include "web/assets.h"
#include "core/register.h"

/* A navigation entry: its section, path, label and the permission it
 * needs (PERM_COUNT: any logged-in user). */
static const struct {
	const char *section;
	const char *path;
	const char *label;
	enum perm perm;
} nav_entries[] = {
	{ "home", "/", N_("Overview"), PERM_READ },
	{ "vision", "/vision", N_("Vision"), PERM_READ },
	{ "items", "/items", N_("Policy and projects"), PERM_READ },
	{ "areas", "/areas", N_("Areas"), PERM_READ },
	{ "organisations", "/organisations", N_("Organisations"), PERM_READ },
	{ "audit", "/audit", N_("Audit log"), PERM_AUDIT },
	{ "users", "/users", N_("Users"), PERM_ADMIN },
};

/* The mark beside the name: a scaffold (two standards, three ledgers and
 * a brace), drawn in the current colour; decorative. */
#define BRAND_MARK                                                                                              \
	"<svg class=\"steiger-brand__mark\" viewBox=\"0 0 24 24\" width=\"28\" height=\"28\" "                  \
	"aria-hidden=\"true\" focusable=\"false\"><path d=\"M4 2v20M20 2v20M4 4h16M4 12h16M4 20h16M4 4l16 8\" " \
	"fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.5\" stroke-linecap=\"square\"/></svg>"

/* The address of this page in the other language: its path and query
 * with lang set to other (the router remembers it in a cookie). Allocated
 * in the request's arena. */
static const char *other_language_href(struct request *req, const char *other)
{
	struct buf b = BUF_INIT;
	const char *href;
	for (const char *c = req->path; *c; c++) {
		char one[2] = { *c, 0 };
		if (*c == '/')
			buf_addch(&b, '/'); /* the path, its slashes kept */
		else
			buf_printf(&b, "%t", one);
	}
	buf_addch(&b, '?');
	for (size_t i = 0; i < req->query.n; i++)
		if (strcmp(req->query.p[i].name, "lang") != 0)
			buf_printf(&b, "%t=%t&", req->query.p[i].name, req->query.p[i].value);
	buf_printf(&b, "lang=%t", other);
	href = arena_strndup(req->a, b.data, b.len);
	buf_free(&b);
	return href;
}

/* See html.h. */
void page_begin(struct request *req, const char *title, const char *nav)
{
	struct buf *o = &req->out;
	int en = i18n_get() == LANG_EN;
	req->ctype = "text/html; charset=utf-8";
	buf_printf(o,
		   "<!DOCTYPE html>\n<html lang=\"%s\" class=\"utrecht-theme\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		   "<title>%h \xe2\x80\x93 steiger</title>\n"
		   "<link rel=\"stylesheet\" href=\"%h\">\n"
		   "<script nonce=\"%s\" src=\"%h\" defer></script>\n</head>\n",
		   en ? "en" : "nl", title, asset_url("steiger.css"), req->nonce,
		   asset_url("steiger.js")); /* literal */
	buf_printf(o,
		   "<body class=\"utrecht-document utrecht-document--surface steiger-page\">\n"
		   "<a class=\"utrecht-skip-link utrecht-skip-link--visible-on-focus\" href=\"#main\">%h</a>\n"
		   "<header class=\"utrecht-page-header steiger-header\">\n"
		   "<div class=\"utrecht-page-header__content steiger-header__bar\">\n"
		   "<a class=\"steiger-brand\" href=\"/\">" BRAND_MARK
		   "<span class=\"steiger-brand__name\">steiger</span>"
		   "<span class=\"steiger-brand__sub\">%h</span></a>\n",
		   _("Skip to the content"), _("Strategic agenda"));
	buf_adds(o, "<div class=\"steiger-user\">\n");
	if (req->logged_in) {
		buf_printf(o,
			   "<a class=\"utrecht-link steiger-user__link\" href=\"/account\"%s>"
			   "%h<span class=\"steiger-visually-hidden\"> %h</span></a>\n",
			   nav && strcmp(nav, "account") == 0 ? " aria-current=\"page\"" : "", req->user.display,
			   _("(your account)")); /* literal */
		buf_printf(
			o,
			"<form method=\"post\" action=\"/logout\" class=\"steiger-inline-form\">"
			"<input type=\"hidden\" name=\"csrf\" value=\"%h\">"
			"<button type=\"submit\" class=\"utrecht-button utrecht-button--subtle\">%h</button></form>\n",
			req->has_session ? req->session.csrf : "", _("Log out"));
	}
	buf_printf(o,
		   "<a class=\"utrecht-link steiger-user__link steiger-lang\" href=\"%h\" lang=\"%s\" "
		   "hreflang=\"%s\">%h</a>\n</div>\n</div>\n",
		   other_language_href(req, en ? "nl" : "en"), en ? "nl" : "en", en ? "nl" : "en",
		   en ? "Nederlands" : "English"); /* literal */
	if (req->logged_in) {
		buf_printf(o,
			   "<nav class=\"steiger-nav\" aria-label=\"%h\">\n"
			   "<ul class=\"utrecht-page-header__content steiger-nav__list\">\n",
			   _("Main navigation"));
		for (size_t i = 0; i < ARRAY_SIZE(nav_entries); i++) {
			int active = nav && strcmp(nav, nav_entries[i].section) == 0;
			if (!role_can(req->user.role, nav_entries[i].perm))
				continue;
			buf_printf(o,
				   "<li class=\"steiger-nav__item\"><a class=\"steiger-nav__link\" "
				   "href=\"%h\"%s>%h</a></li>\n",
				   nav_entries[i].path, active ? " aria-current=\"page\"" : "",
				   tr(nav_entries[i].label)); /* literal */
		}
		buf_adds(o, "</ul>\n</nav>\n");
	}
	buf_adds(o, "</header>\n<main class=\"utrecht-page-content steiger-main\" id=\"main\" tabindex=\"-1\">\n");
}

/* See html.h. */
void page_end(struct request *req)
{
	buf_printf(
		&req->out,
		"</main>\n<footer class=\"utrecht-page-footer steiger-footer\">\n"
		"<div class=\"utrecht-page-footer__content\"><p class=\"utrecht-paragraph utrecht-paragraph--small\">"
		"steiger %h \xe2\x80\x94 %h</p></div>\n</footer>\n</body>\n</html>\n",
		STEIGER_VERSION, _("values marked illustrative are examples, not figures of the municipality"));
	req->ctype = "text/html; charset=utf-8";
}

/* See html.h. */
void form_error(struct form_errors *fe, const char *field, const char *message)
{
	if (fe->n < ARRAY_SIZE(fe->field) && !form_error_of(fe, field)) {
		fe->field[fe->n] = field;
		fe->message[fe->n] = message;
		fe->n++;
	}
}

/* See html.h. */
const char *form_error_of(const struct form_errors *fe, const char *field)
{
	for (size_t i = 0; fe && i < fe->n; i++)
		if (strcmp(fe->field[i], field) == 0)
			return fe->message[i];
	return NULL;
}

/* See html.h. */
void form_error_summary(struct request *req, const struct form_errors *fe)
{
	if (!fe || !fe->n)
		return;
	buf_printf(
		&req->out,
		"<div class=\"utrecht-alert utrecht-alert--error steiger-error-summary\" role=\"alert\" tabindex=\"-1\""
		" id=\"error-summary\">\n<h2 class=\"utrecht-heading-2\">%h</h2>\n<ul "
		"class=\"utrecht-unordered-list\">\n",
		fe->n == 1 ? _("There is 1 error in the form") : _("There are errors in the form"));
	for (size_t i = 0; i < fe->n; i++)
		buf_printf(&req->out, "<li><a class=\"utrecht-link\" href=\"#field-%h\">%h</a></li>\n", fe->field[i],
			   fe->message[i]);
	buf_adds(&req->out, "</ul>\n</div>\n");
}

/* See html.h. */
void form_begin(struct request *req, const char *action)
{
	buf_printf(&req->out,
		   "<form method=\"post\" action=\"%h\" class=\"steiger-form\" novalidate>\n"
		   "<input type=\"hidden\" name=\"csrf\" value=\"%h\">\n",
		   action, req->has_session ? req->session.csrf : "");
}

/* See html.h. */
void form_end(struct request *req)
{
	buf_adds(&req->out, "</form>\n");
}

/* See html.h. */
void field_notes(struct request *req, const char *name, const char *hint, const char *err)
{
	if (hint)
		buf_printf(&req->out, "<div class=\"utrecht-form-field-description\" id=\"hint-%h\">%h</div>\n", name,
			   hint);
	if (err)
		buf_printf(&req->out,
			   "<div class=\"utrecht-form-field-error-message\" id=\"error-%h\"><span "
			   "class=\"visually-hidden steiger-visually-hidden\">%h </span>%h</div>\n",
			   name, _("Error:"), err);
}

/* Open a form field: the wrapper, label, hint and error. */
static void field_open(struct request *req, const struct form_errors *fe, const char *name, const char *label,
		       const char *hint, int required, const char *kind)
{
	const char *err = form_error_of(fe, name);
	buf_printf(&req->out, "<div class=\"utrecht-form-field utrecht-form-field--%s%s\">\n", kind,
		   err ? " utrecht-form-field--invalid" : ""); /* literal */
	buf_printf(&req->out,
		   "<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" "
		   "for=\"field-%h\">%h</label></div>\n",
		   name, label);
	if (required)
		buf_printf(&req->out, "<div class=\"utrecht-form-field-description\" id=\"req-%h\">%h</div>\n", name,
			   _("Required"));
	field_notes(req, name, hint, err);
}

/* Append the aria-describedby and aria-invalid attributes of a field. */
static void field_aria(struct request *req, const struct form_errors *fe, const char *name, const char *hint,
		       int required)
{
	const char *err = form_error_of(fe, name);
	if (err || hint || required) {
		buf_adds(&req->out, " aria-describedby=\"");
		int first = 1;
		if (required) {
			buf_printf(&req->out, "req-%h", name);
			first = 0;
		}
		if (hint) {
			buf_printf(&req->out, "%shint-%h", first ? "" : " ", name);
			first = 0;
		}
		if (err)
			buf_printf(&req->out, "%serror-%h", first ? "" : " ", name);
		buf_addch(&req->out, '"');
	}
	if (err)
		buf_adds(&req->out, " aria-invalid=\"true\"");
	if (required)
		buf_adds(&req->out, " aria-required=\"true\"");
}

/* See html.h. */
void field_input(struct request *req, const struct form_errors *fe, const char *type, const char *name,
		 const char *label, const char *value, const char *hint, int required)
{
	const char *err = form_error_of(fe, name);
	field_open(req, fe, name, label, hint, required, "text");
	buf_printf(&req->out,
		   "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-textbox "
		   "utrecht-textbox--html-input%s\" type=\"%h\" id=\"field-%h\" name=\"%h\" value=\"%h\"",
		   err ? " utrecht-textbox--invalid" : "", type, name, name, value ? value : ""); /* literal */
	if (strcmp(type, "password") == 0) /* so password managers fill or propose the right one */
		buf_adds(&req->out, strcmp(name, "current_password") == 0 ? " autocomplete=\"current-password\""
									  : " autocomplete=\"new-password\"");
	field_aria(req, fe, name, hint, required);
	buf_adds(&req->out, "></div>\n</div>\n");
}

/* See html.h. */
void field_textarea(struct request *req, const struct form_errors *fe, const char *name, const char *label,
		    const char *value, const char *hint, int required)
{
	const char *err = form_error_of(fe, name);
	field_open(req, fe, name, label, hint, required, "text");
	buf_printf(&req->out,
		   "<div class=\"utrecht-form-field__input\"><textarea class=\"utrecht-textarea "
		   "utrecht-textarea--html-textarea%s\" id=\"field-%h\" name=\"%h\" rows=\"5\"",
		   err ? " utrecht-textarea--invalid" : "", name, name); /* literal */
	field_aria(req, fe, name, hint, required);
	buf_printf(&req->out, ">%h</textarea></div>\n</div>\n", value ? value : "");
}

/* See html.h. */
void field_select(struct request *req, const struct form_errors *fe, const char *name, const char *label,
		  const char *const *codes, const char *const *labels, const char *value, int required)
{
	const char *err = form_error_of(fe, name);
	field_open(req, fe, name, label, NULL, required, "select");
	buf_printf(&req->out,
		   "<div class=\"utrecht-form-field__input\"><select class=\"utrecht-select "
		   "utrecht-select--html-select%s\" id=\"field-%h\" name=\"%h\"",
		   err ? " utrecht-select--invalid" : "", name, name); /* literal */
	field_aria(req, fe, name, NULL, required);
	buf_adds(&req->out, ">\n");
	if (!required)
		buf_printf(&req->out, "<option value=\"\">%h</option>\n", _("(none)"));
	for (size_t i = 0; codes[i]; i++)
		buf_printf(&req->out, "<option value=\"%h\"%s>%h</option>\n", codes[i],
			   value && strcmp(value, codes[i]) == 0 ? " selected" : "", labels[i]); /* literal */
	buf_adds(&req->out, "</select></div>\n</div>\n");
}

/* See html.h. */
void field_checkboxes(struct request *req, const struct form_errors *fe, const char *name, const char *label,
		      const char *const *codes, const char *const *labels, const char *selected)
{
	const char *err = form_error_of(fe, name);
	buf_printf(&req->out,
		   "<fieldset class=\"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset%s\" id=\"field-%h\"",
		   err ? " utrecht-form-fieldset--invalid" : "", name); /* literal */
	if (err)
		buf_printf(&req->out, " aria-describedby=\"error-%h\"", name);
	buf_printf(&req->out,
		   "><legend class=\"utrecht-form-fieldset__legend "
		   "utrecht-form-fieldset__legend--html-legend\">%h</legend>\n",
		   label);
	field_notes(req, name, NULL, err);
	for (size_t i = 0; codes[i]; i++)
		buf_printf(&req->out,
			   "<div class=\"utrecht-form-field utrecht-form-field--checkbox\"><input "
			   "class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" "
			   "id=\"field-%h-%h\" name=\"%h\" value=\"%h\"%s>"
			   " <label class=\"utrecht-form-label utrecht-form-label--checkbox\" "
			   "for=\"field-%h-%h\">%h</label></div>\n",
			   name, codes[i], name, codes[i], list_has(selected, codes[i]) ? " checked" : "", name,
			   codes[i], labels[i]); /* literal */
	buf_adds(&req->out, "</fieldset>\n");
}

/* See html.h. */
void button(struct request *req, const char *label, int primary)
{
	buf_printf(&req->out,
		   "<button type=\"submit\" class=\"utrecht-button utrecht-button--%s-action\">%h</button>\n",
		   primary ? "primary" : "secondary", label); /* literal */
}

/* See html.h. */
void html_link(struct buf *b, const char *href, const char *text)
{
	buf_printf(b, "<a class=\"utrecht-link\" href=\"%h\">%h</a>", href, text);
}

/* See html.h. */
void field_checkbox(struct request *req, const struct form_errors *fe, const char *name, const char *label, int checked,
		    const char *hint)
{
	const char *err = form_error_of(fe, name);
	buf_printf(&req->out,
		   "<div class=\"utrecht-form-field utrecht-form-field--checkbox%s\">\n<div "
		   "class=\"utrecht-form-field__label utrecht-form-field__label--checkbox\"><label "
		   "class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"field-%h\">%h</label></div>\n",
		   err ? " utrecht-form-field--invalid" : "", name, label); /* literal */
	field_notes(req, name, hint, err);
	buf_printf(&req->out,
		   "<div class=\"utrecht-form-field__input\"><input class=\"utrecht-checkbox "
		   "utrecht-checkbox--html-input\" type=\"checkbox\" id=\"field-%h\" name=\"%h\" value=\"true\"%s",
		   name, name, checked ? " checked" : ""); /* literal */
	field_aria(req, fe, name, hint, 0);
	buf_adds(&req->out, "></div>\n</div>\n");
}

/* See html.h. */
void field_multiselect(struct request *req, const struct form_errors *fe, const char *name, const char *label,
		       const char *const *codes, const char *const *labels, const char *selected, const char *hint,
		       int size)
{
	const char *err = form_error_of(fe, name);
	field_open(req, fe, name, label, hint, 0, "select");
	buf_printf(&req->out,
		   "<div class=\"utrecht-form-field__input\"><select class=\"utrecht-select "
		   "utrecht-select--html-select%s\" id=\"field-%h\" name=\"%h\" multiple size=\"%d\"",
		   err ? " utrecht-select--invalid" : "", name, name, size); /* literal */
	field_aria(req, fe, name, hint, 0);
	buf_adds(&req->out, ">\n");
	/* What was selected but is not a choice (an unknown id sent back). */
	for (const char *p = selected; p && *p;) {
		const char *end = strchr(p, '|');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		int known = 0;
		for (size_t i = 0; codes[i] && !known; i++)
			known = strlen(codes[i]) == len && strncmp(codes[i], p, len) == 0;
		if (!known && len)
			buf_printf(&req->out, "<option value=\"%h\" selected>%h</option>\n",
				   arena_strndup(req->a, p, len), arena_strndup(req->a, p, len));
		p = end ? end + 1 : NULL;
	}
	for (size_t i = 0; codes[i]; i++)
		buf_printf(&req->out, "<option value=\"%h\"%s>%h</option>\n", codes[i],
			   list_has(selected, codes[i]) ? " selected" : "", labels[i]); /* literal */
	buf_adds(&req->out, "</select></div>\n</div>\n");
}

/* See html.h. */
void status_badge(struct buf *o, const char *status)
{
	static const struct {
		const char *status; /* item status code */
		const char *look;   /* the badge's modifier */
	} looks[] = {
		{ "planned", "neutral" },
		{ "active", "active" },
		{ "completed", "success" },
		{ "stopped", "inactive" },
	};
	const char *look = "neutral";
	if (!status || !*status)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(looks); i++)
		if (strcmp(status, looks[i].status) == 0)
			look = looks[i].look;
	buf_printf(o, "<span class=\"utrecht-status-badge utrecht-status-badge--%s\">%h</span>", look,
		   code_label(status)); /* literal */
}
