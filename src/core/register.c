/*
 * register.c - the register tables; see register.h and doc/formats.md.
 */
#include "steiger.h"
#include "core/register.h"

/* Shorthands for the field table below. */
#define NOREF REG_NONE, NULL
#define TXT(n) FT_TEXT, 0, n, 0, 0, NULL, NOREF
#define TXTR(n) FT_TEXT, F_REQUIRED, n, 0, 0, NULL, NOREF
#define ID FT_ID, F_KEY | F_REQUIRED, 100, 0, 0, NULL, NOREF

/* The provenance fields every register ends with. */
// clang-format off
#define PROVENANCE_FIELDS \
	{ "source", "bron", N_("Source"), FT_SOURCE, F_NOSOURCE, 20, 0, 0, source_values, NOREF, "source", NULL }, \
	{ "source_note", "bronvermelding", N_("Source note"), FT_TEXT, F_NOSOURCE, 2000, 0, 0, NULL, NOREF, \
	  "source_note", NULL }
// clang-format on

const char *const source_values[] = { "seed", "cbs", "gemeente", "illustrative", "import", "manual", NULL };

static const char *const vision_kinds[] = {
	"vision", "hoofdlijn", "goal", "pillar", "urgent_issue", "mechanism", NULL
};
static const char *const criterion_kinds[] = { "hoofdlijn", "pillar", "urgent_issue", NULL };
static const char *const vision_status[] = { "vastgesteld", "te_bevestigen", "concept", NULL };
static const char *const area_types[] = { "gemeente", "wijk", "buurt", "ontwikkelgebied", NULL };
static const char *const directions[] = { "up", "down", NULL };
static const char *const org_types[] = {
	"gemeente", "corporatie",       "onderwijs",           "zorg",       "welzijn", "bedrijf", "netwerk",
	"overheid", "kennisinstelling", "bewonersorganisatie", "vereniging", "overig",  NULL
};
const char *const item_kind_values[] = { "policy", "programme", "project", "regulation", "action", NULL };
const char *const domain_values[] = { "sociaal", "fysiek", "economie", "veiligheid", NULL };
static const char *const instruments[] = { "beleid", "regelgeving", "uitvoering", NULL };
static const char *const programme_types[] = { "beleid", "gebied", NULL };
const char *const item_status_values[] = { "planned", "active", "completed", "stopped", NULL };
static const char *const roles[] = { "beheerder", "medewerker", "bestuur", "raad", "partner", "inwoner", NULL };
static const char *const round_status[] = { "open", "closed", NULL };
static const char *const decisions[] = { "keep",         "bend",       "merge",     "scrap",     "to_regulation",
					 "to_execution", "continue",   "slow_down", "phase_out", "stop",
					 "accelerate",   "supplement", NULL };
static const char *const bodies[] = { "raad", "college", "wethouder", "ambtelijk", "partners", NULL };

static const struct child_def pillar_areas = { "vision_element_area", "element_id", "area_code", NULL, NULL };
static const struct child_def adjacent_areas = { "area_adjacent", "area_code", "adjacent_code", NULL, NULL };
static const struct child_def org_members = { "organisation_member", "network_id", "member_id", NULL, NULL };
static const struct child_def item_domains = { "item_domain", "item_id", "domain", NULL, NULL };
static const struct child_def item_areas = { "item_area", "item_id", "area_code", NULL, NULL };
static const struct child_def item_serves = { "item_serves", "item_id", "element_id", NULL, NULL };
static const struct child_def item_implements = { "item_link", "item_id", "target_id", "type", "implements" };
static const struct child_def item_part_of = { "item_link", "item_id", "target_id", "type", "part_of" };
static const struct child_def item_replaces = { "item_link", "item_id", "target_id", "type", "replaces" };
static const struct child_def contract_parties = { "contract_party", "contract_id", "organisation_id", NULL, NULL };

static const struct field_def area_fields[] = {
	{ "code", "code", N_("Code"), FT_CODE, F_KEY | F_REQUIRED, 40, 0, 0, NULL, NOREF, "code", NULL },
	{ "name", "naam", N_("Name"), TXTR(200), "name", NULL },
	{ "type", "type", N_("Type"), FT_ENUM, F_REQUIRED, 20, 0, 0, area_types, NOREF, "type", NULL },
	{ "parent", "bovenliggend", N_("Part of"), FT_CODE, 0, 40, 0, 0, NULL, REG_AREAS, NULL, "parent_code", NULL },
	{ "adjacent", "grenst_aan", N_("Adjacent to"), FT_CODE, F_LIST, 40, 0, 0, NULL, REG_AREAS, NULL, NULL,
	  &adjacent_areas },
	PROVENANCE_FIELDS
};

static const struct field_def organisation_fields[] = {
	{ "id", "id", N_("Id"), ID, "id", NULL },
	{ "name", "naam", N_("Name"), TXTR(200), "name", NULL },
	{ "type", "type", N_("Type"), FT_ENUM, F_REQUIRED, 30, 0, 0, org_types, NOREF, "type", NULL },
	{ "description", "omschrijving", N_("Description"), TXT(20000), "description", NULL },
	{ "website", "website", N_("Website"), TXT(300), "website", NULL },
	{ "members", "leden", N_("Members"), FT_ID, F_LIST, 100, 0, 0, NULL, REG_ORGANISATIONS, NULL, NULL,
	  &org_members },
	PROVENANCE_FIELDS
};

static const struct field_def contact_fields[] = {
	{ "id", "id", N_("Id"), ID, "id", NULL },
	{ "organisation", "organisatie", N_("Organisation"), FT_ID, F_REQUIRED, 100, 0, 0, NULL, REG_ORGANISATIONS,
	  NULL, "organisation_id", NULL },
	{ "name", "naam", N_("Name"), TXTR(200), "name", NULL },
	{ "role", "functie", N_("Role"), TXT(200), "role", NULL },
	{ "email", "email", N_("E-mail"), FT_TEXT, F_EMAIL, 200, 0, 0, NULL, NOREF, "email", NULL },
	{ "phone", "telefoon", N_("Phone"), TXT(40), "phone", NULL },
	PROVENANCE_FIELDS
};

static const struct field_def vision_fields[] = {
	{ "id", "id", N_("Id"), ID, "id", NULL },
	{ "kind", "soort", N_("Kind"), FT_ENUM, F_REQUIRED, 20, 0, 0, vision_kinds, NOREF, "kind", NULL },
	{ "parent", "bovenliggend", N_("Part of"), FT_ID, 0, 100, 0, 0, NULL, REG_VISION, NULL, "parent_id", NULL },
	{ "title", "titel", N_("Title"), TXTR(300), "title", NULL },
	{ "description", "omschrijving", N_("Description"), TXT(20000), "description", NULL },
	{ "weight", "gewicht", N_("Weight"), FT_REAL, 0, 0, 0, 1e9, NULL, NOREF, "weight", NULL },
	{ "position", "volgorde", N_("Position"), FT_INT, 0, 0, -1e6, 1e6, NULL, NOREF, "position", NULL },
	{ "status", "status", N_("Status"), FT_ENUM, 0, 20, 0, 0, vision_status, NOREF, "status", NULL },
	{ "areas", "gebieden", N_("Areas"), FT_CODE, F_LIST, 40, 0, 0, NULL, REG_AREAS, NULL, NULL, &pillar_areas },
	PROVENANCE_FIELDS
};

static const struct field_def indicator_fields[] = {
	{ "id", "id", N_("Id"), ID, "id", NULL },
	{ "goal", "doel", N_("Goal"), FT_ID, 0, 100, 0, 0, NULL, REG_VISION, NULL, "goal_id", NULL },
	{ "title", "titel", N_("Title"), TXTR(300), "title", NULL },
	{ "unit", "eenheid", N_("Unit"), FT_TEXT, F_REQUIRED, 40, 0, 0, NULL, NOREF, "unit", NULL },
	{ "direction", "richting", N_("Direction"), FT_ENUM, F_REQUIRED, 10, 0, 0, directions, NOREF, "direction",
	  NULL },
	{ "baseline", "nulmeting", N_("Baseline"), FT_REAL, 0, 0, 0, 0, NULL, NOREF, "baseline", NULL },
	{ "baseline_year", "jaar_nulmeting", N_("Baseline year"), FT_INT, 0, 0, 1800, 2200, NULL, NOREF,
	  "baseline_year", NULL },
	{ "target", "streefwaarde", N_("Target"), FT_REAL, 0, 0, 0, 0, NULL, NOREF, "target", NULL },
	{ "target_year", "streefjaar", N_("Target year"), FT_INT, 0, 0, 1800, 2200, NULL, NOREF, "target_year", NULL },
	{ "cbs_column", "cbs_kolom", N_("CBS column"), TXT(100), "cbs_column", NULL },
	{ "description", "omschrijving", N_("Description"), TXT(20000), "description", NULL },
	PROVENANCE_FIELDS
};

static const struct field_def indicator_value_fields[] = {
	{ "indicator", "indicator", N_("Indicator"), FT_ID, F_KEY | F_REQUIRED, 100, 0, 0, NULL, REG_INDICATORS, NULL,
	  "indicator_id", NULL },
	{ "area", "gebied", N_("Area"), FT_CODE, F_KEY | F_REQUIRED, 40, 0, 0, NULL, REG_AREAS, NULL, "area_code",
	  NULL },
	{ "year", "jaar", N_("Year"), FT_INT, F_KEY | F_REQUIRED, 0, 1800, 2200, NULL, NOREF, "year", NULL },
	{ "value", "waarde", N_("Value"), FT_REAL, F_REQUIRED, 0, 0, 0, NULL, NOREF, "value", NULL },
	PROVENANCE_FIELDS
};

static const struct field_def user_fields[] = {
	{ "name", "naam", N_("Login name"), FT_ID, F_KEY | F_REQUIRED, 64, 0, 0, NULL, NOREF, "name", NULL },
	{ "display_name", "weergavenaam", N_("Display name"), TXT(200), "display_name", NULL },
	{ "role", "rol", N_("Role"), FT_ENUM, F_REQUIRED, 20, 0, 0, roles, NOREF, "role", NULL },
	{ "email", "email", N_("E-mail"), FT_TEXT, F_EMAIL, 200, 0, 0, NULL, NOREF, "email", NULL },
	{ "organisation", "organisatie", N_("Organisation"), FT_ID, 0, 100, 0, 0, NULL, REG_ORGANISATIONS, NULL,
	  "organisation_id", NULL },
	{ "disabled", "geblokkeerd", N_("Disabled"), FT_BOOL, 0, 0, 0, 0, NULL, NOREF, "disabled", NULL },
	PROVENANCE_FIELDS
};

static const struct field_def item_fields[] = {
	{ "id", "id", N_("Id"), ID, "id", NULL },
	{ "kind", "soort", N_("Kind"), FT_ENUM, F_REQUIRED, 20, 0, 0, item_kind_values, NOREF, "kind", NULL },
	{ "title", "titel", N_("Title"), TXTR(300), "title", NULL },
	{ "description", "omschrijving", N_("Description"), TXT(20000), "description", NULL },
	{ "domains", "domeinen", N_("Domains"), FT_ENUM, F_LIST, 20, 0, 0, domain_values, NOREF, NULL, &item_domains },
	{ "instrument", "instrument", N_("Instrument"), FT_ENUM, 0, 20, 0, 0, instruments, NOREF, "instrument", NULL },
	{ "programme_type", "programmatype", N_("Programme type"), FT_ENUM, 0, 20, 0, 0, programme_types, NOREF,
	  "programme_type", NULL },
	{ "owner", "eigenaar", N_("Owner"), TXT(200), "owner", NULL },
	{ "year_adopted", "jaar_vastgesteld", N_("Year adopted"), FT_INT, 0, 0, 1800, 2200, NULL, NOREF, "year_adopted",
	  NULL },
	{ "status", "status", N_("Status"), FT_ENUM, 0, 20, 0, 0, item_status_values, NOREF, "status", NULL },
	{ "legal_task", "wettelijke_taak", N_("Statutory task"), FT_BOOL, 0, 0, 0, 0, NULL, NOREF, "legal_task", NULL },
	{ "archived", "gearchiveerd", N_("Archived"), FT_BOOL, 0, 0, 0, 0, NULL, NOREF, "archived", NULL },
	{ "areas", "gebieden", N_("Areas"), FT_CODE, F_LIST, 40, 0, 0, NULL, REG_AREAS, NULL, NULL, &item_areas },
	{ "serves", "draagt_bij_aan", N_("Serves"), FT_ID, F_LIST, 100, 0, 0, NULL, REG_VISION, NULL, NULL,
	  &item_serves },
	{ "implements", "voert_uit", N_("Implements"), FT_ID, F_LIST, 100, 0, 0, NULL, REG_ITEMS, NULL, NULL,
	  &item_implements },
	{ "part_of", "onderdeel_van", N_("Part of"), FT_ID, F_LIST, 100, 0, 0, NULL, REG_ITEMS, NULL, NULL,
	  &item_part_of },
	{ "replaces", "vervangt", N_("Replaces"), FT_ID, F_LIST, 100, 0, 0, NULL, REG_ITEMS, NULL, NULL,
	  &item_replaces },
	{ "budget", "budget", N_("Budget"), FT_REAL, F_YEARLY, 0, 0, 1e12, NULL, NOREF, "budget", NULL },
	{ "fte", "fte", N_("FTE"), FT_REAL, F_YEARLY, 0, 0, 1e6, NULL, NOREF, "fte", NULL },
	PROVENANCE_FIELDS
};

static const struct field_def contract_fields[] = {
	{ "id", "id", N_("Id"), ID, "id", NULL },
	{ "item", "item", N_("Item"), FT_ID, F_REQUIRED, 100, 0, 0, NULL, REG_ITEMS, NULL, "item_id", NULL },
	{ "title", "titel", N_("Title"), TXTR(300), "title", NULL },
	{ "end_date", "einddatum", N_("End date"), FT_DATE, F_REQUIRED, 0, 0, 0, NULL, NOREF, "end_date", NULL },
	{ "exit_cost", "afkoopsom", N_("Exit cost"), FT_REAL, 0, 0, 0, 1e12, NULL, NOREF, "exit_cost", NULL },
	{ "counterparties", "contractpartijen", N_("Counterparties"), FT_ID, F_LIST, 100, 0, 0, NULL, REG_ORGANISATIONS,
	  NULL, NULL, &contract_parties },
	PROVENANCE_FIELDS
};

static const struct field_def item_partner_fields[] = {
	{ "item", "item", N_("Item"), FT_ID, F_KEY | F_REQUIRED, 100, 0, 0, NULL, REG_ITEMS, NULL, "item_id", NULL },
	{ "organisation", "organisatie", N_("Organisation"), FT_ID, F_KEY | F_REQUIRED, 100, 0, 0, NULL,
	  REG_ORGANISATIONS, NULL, "organisation_id", NULL },
	{ "role", "rol", N_("Role"), TXT(200), "role", NULL },
	{ "willingness", "bereidheid", N_("Willingness to change"), FT_INT, 0, 0, 1, 5, NULL, NOREF, "willingness",
	  NULL },
	{ "note", "toelichting", N_("Note"), TXT(2000), "note", NULL },
	PROVENANCE_FIELDS
};

static const struct field_def round_fields[] = {
	{ "id", "id", N_("Id"), ID, "id", NULL },
	{ "title", "titel", N_("Title"), TXTR(300), "title", NULL },
	{ "scale_min", "schaal_min", N_("Scale minimum"), FT_INT, F_REQUIRED, 0, -100, 100, NULL, NOREF, "scale_min",
	  NULL },
	{ "scale_max", "schaal_max", N_("Scale maximum"), FT_INT, F_REQUIRED, 0, -100, 100, NULL, NOREF, "scale_max",
	  NULL },
	{ "allow_na", "nvt_toegestaan", N_("N/a allowed"), FT_BOOL, 0, 0, 0, 0, NULL, NOREF, "allow_na", NULL },
	{ "blind", "blind", N_("Blind"), FT_BOOL, 0, 0, 0, 0, NULL, NOREF, "blind", NULL },
	{ "status", "status", N_("Status"), FT_ENUM, 0, 20, 0, 0, round_status, NOREF, "status", NULL },
	PROVENANCE_FIELDS
};

static const struct field_def assessment_fields[] = {
	{ "round", "ronde", N_("Round"), FT_ID, F_KEY | F_REQUIRED, 100, 0, 0, NULL, REG_ROUNDS, NULL, "round_id",
	  NULL },
	{ "assessor", "beoordelaar", N_("Assessor"), FT_ID, F_KEY | F_REQUIRED, 64, 0, 0, NULL, REG_USERS, NULL,
	  "assessor", NULL },
	{ "item", "item", N_("Item"), FT_ID, F_KEY | F_REQUIRED, 100, 0, 0, NULL, REG_ITEMS, NULL, "item_id", NULL },
	{ "criterion", "criterium", N_("Criterion"), FT_ID, F_KEY | F_REQUIRED, 100, 0, 0, NULL, REG_VISION,
	  criterion_kinds, "criterion_id", NULL },
	{ "score", "score", N_("Score"), FT_SCORE, 0, 0, -100, 100, NULL, NOREF, "score", NULL },
	{ "rationale", "motivering", N_("Rationale"), TXT(2000), "rationale", NULL },
	{ "assessed_at", "beoordeeld_op", N_("Assessed at"), FT_DATETIME, 0, 0, 0, 0, NULL, NOREF, "assessed_at",
	  NULL },
	PROVENANCE_FIELDS
};

static const struct field_def decision_fields[] = {
	{ "id", "id", N_("Id"), ID, "id", NULL },
	{ "item", "item", N_("Item"), FT_ID, F_REQUIRED, 100, 0, 0, NULL, REG_ITEMS, NULL, "item_id", NULL },
	{ "decision", "besluit", N_("Decision"), FT_ENUM, F_REQUIRED, 20, 0, 0, decisions, NOREF, "decision", NULL },
	{ "rationale", "motivering", N_("Rationale"), FT_TEXT, F_REQUIRED, 20000, 0, 0, NULL, NOREF, "rationale",
	  NULL },
	{ "decided_by", "besloten_door", N_("Decided by"), FT_TEXT, F_REQUIRED, 200, 0, 0, NULL, NOREF, "decided_by",
	  NULL },
	{ "body", "orgaan", N_("Body"), FT_ENUM, 0, 20, 0, 0, bodies, NOREF, "body", NULL },
	{ "decided_on", "besloten_op", N_("Decided on"), FT_DATE, F_REQUIRED, 0, 0, 0, NULL, NOREF, "decided_on",
	  NULL },
	{ "puzzling", "puzzling", N_("Puzzling"), FT_INT, 0, 0, 0, 100, NULL, NOREF, "puzzling", NULL },
	{ "powering", "powering", N_("Powering"), FT_INT, 0, 0, 0, 100, NULL, NOREF, "powering", NULL },
	{ "participation", "participation", N_("Participation"), FT_INT, 0, 0, 0, 100, NULL, NOREF, "participation",
	  NULL },
	PROVENANCE_FIELDS
};

static const struct file_alias no_aliases[] = { { NULL, NULL, NULL } };
static const struct file_alias item_aliases[] = {
	{ "policies", "kind", "policy" },       { "beleid", "kind", "policy" },
	{ "beleidsnotas", "kind", "policy" },   { "programmes", "kind", "programme" },
	{ "programmas", "kind", "programme" },  { "projects", "kind", "project" },
	{ "projecten", "kind", "project" },     { "regulations", "kind", "regulation" },
	{ "regelingen", "kind", "regulation" }, { "actions", "kind", "action" },
	{ "acties", "kind", "action" },         { NULL, NULL, NULL }
};
static const struct file_alias vision_aliases[] = { { "hoofdlijnen", "kind", "hoofdlijn" },
						    { "doelen", "kind", "goal" },
						    { NULL, NULL, NULL } };
static const struct file_alias assessment_aliases[] = { { "scores", NULL, NULL }, { NULL, NULL, NULL } };

#define REG(id, name, nl, label, table, ytable, fields, aliases)                        \
	{                                                                               \
		id, name, nl, label, table, ytable, fields, ARRAY_SIZE(fields), aliases \
	}

static const struct register_def registers[REG_COUNT] = {
	REG(REG_AREAS, "areas", "gebieden", N_("Areas"), "area", NULL, area_fields, no_aliases),
	REG(REG_ORGANISATIONS, "organisations", "organisaties", N_("Organisations"), "organisation", NULL,
	    organisation_fields, no_aliases),
	REG(REG_CONTACTS, "contacts", "contactpersonen", N_("Contact persons"), "contact", NULL, contact_fields,
	    no_aliases),
	REG(REG_VISION, "vision", "visie", N_("Vision"), "vision_element", NULL, vision_fields, vision_aliases),
	REG(REG_INDICATORS, "indicators", "indicatoren", N_("Indicators"), "indicator", NULL, indicator_fields,
	    no_aliases),
	REG(REG_INDICATOR_VALUES, "indicator_values", "indicatorwaarden", N_("Indicator values"), "indicator_value",
	    NULL, indicator_value_fields, no_aliases),
	REG(REG_USERS, "users", "gebruikers", N_("Users"), "account", NULL, user_fields, no_aliases),
	REG(REG_ITEMS, "items", "items", N_("Items"), "item", "item_year", item_fields, item_aliases),
	REG(REG_CONTRACTS, "contracts", "contracten", N_("Contracts"), "contract", NULL, contract_fields, no_aliases),
	REG(REG_ITEM_PARTNERS, "item_partners", "partners", N_("Partners of items"), "item_partner", NULL,
	    item_partner_fields, no_aliases),
	REG(REG_ROUNDS, "rounds", "rondes", N_("Assessment rounds"), "assessment_round", NULL, round_fields,
	    no_aliases),
	REG(REG_ASSESSMENTS, "assessments", "beoordelingen", N_("Assessments"), "assessment", NULL, assessment_fields,
	    assessment_aliases),
	REG(REG_DECISIONS, "decisions", "besluiten", N_("Decisions"), "decision", NULL, decision_fields, no_aliases),
};

/* See register.h. */
const struct register_def *reg_get(enum reg_id id)
{
	if (NEVER(id < 0 || id >= REG_COUNT))
		return NULL;
	return &registers[id];
}

/* See register.h. */
const struct register_def *reg_by_name(const char *name)
{
	for (int i = 0; i < REG_COUNT; i++)
		if (strcasecmp(name, registers[i].name) == 0 || strcasecmp(name, registers[i].name_nl) == 0)
			return &registers[i];
	return NULL;
}

/* See register.h. */
const struct register_def *reg_by_file(const char *path, const struct file_alias **alias)
{
	const char *base = path_basename(path);
	size_t n = strlen(base);
	char stem[128];
	const char *dot = strrchr(base, '.');
	if (dot)
		n = (size_t)(dot - base);
	if (n == 0 || n >= sizeof(stem))
		return NULL;
	memcpy(stem, base, n);
	stem[n] = '\0';
	*alias = NULL;
	const struct register_def *r = reg_by_name(stem);
	if (r)
		return r;
	for (int i = 0; i < REG_COUNT; i++)
		for (const struct file_alias *a = registers[i].aliases; a->stem; a++)
			if (strcasecmp(stem, a->stem) == 0) {
				*alias = a;
				return &registers[i];
			}
	return NULL;
}

/* See register.h. */
int reg_field(const struct register_def *r, const char *name, int *year)
{
	*year = 0;
	for (size_t i = 0; i < r->nfields; i++) {
		const struct field_def *f = &r->fields[i];
		if (f->flags & F_YEARLY) {
			size_t kl = strlen(f->key);
			const char *y = name + kl + 1;
			if (strncasecmp(name, f->key, kl) == 0 && name[kl] == '_' && isdigit((unsigned char)y[0]) &&
			    isdigit((unsigned char)y[1]) && isdigit((unsigned char)y[2]) &&
			    isdigit((unsigned char)y[3]) && !y[4]) {
				int yr = (y[0] - '0') * 1000 + (y[1] - '0') * 100 + (y[2] - '0') * 10 + (y[3] - '0');
				if (yr < 1800 || yr > 2200)
					return -1;
				*year = yr;
				return (int)i;
			}
			continue;
		}
		if (strcasecmp(name, f->key) == 0 || strcasecmp(name, f->label_nl) == 0)
			return (int)i;
	}
	return -1;
}

/* See register.h. */
int reg_field_index(const struct register_def *r, const char *key)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].key, key) == 0)
			return (int)i;
	return -1;
}

/* See register.h. */
size_t reg_nkeys(const struct register_def *r)
{
	size_t n = 0;
	while (n < r->nfields && (r->fields[n].flags & F_KEY))
		n++;
	return n;
}

/* See register.h. */
int enum_index(const char *const *values, const char *value)
{
	for (int i = 0; values && values[i]; i++)
		if (strcmp(values[i], value) == 0)
			return i;
	return -1;
}

/* See register.h. */
int enum_has(const char *const *values, const char *value)
{
	return enum_index(values, value) >= 0;
}

/* Dutch words people type for codes: accepted on import as the code. */
static const struct {
	const char *word;
	const char *code;
} code_aliases[] = {
	{ "beleidsnota", "policy" },
	{ "beleidsdocument", "policy" },
	{ "beleid", "policy" },
	{ "programma", "programme" },
	{ "regeling", "regulation" },
	{ "actie", "action" },
	{ "gepland", "planned" },
	{ "lopend", "active" },
	{ "actief", "active" },
	{ "afgerond", "completed" },
	{ "gestopt", "stopped" },
	{ "hoger", "up" },
	{ "lager", "down" },
	{ "behouden", "keep" },
	{ "ombuigen", "bend" },
	{ "bijbuigen", "bend" },
	{ "samenvoegen", "merge" },
	{ "schrappen", "scrap" },
	{ "naar regelgeving", "to_regulation" },
	{ "naar uitvoering", "to_execution" },
	{ "doorgaan", "continue" },
	{ "afremmen", "slow_down" },
	{ "afbouwen", "phase_out" },
	{ "stopzetten", "stop" },
	{ "stoppen", "stop" },
	{ "versnellen", "accelerate" },
	{ "aanvullen", "supplement" },
	{ "visie", "vision" },
	{ "doel", "goal" },
	{ "pijler", "pillar" },
	{ "urgent vraagstuk", "urgent_issue" },
	{ "mechanisme", "mechanism" },
	{ "te bevestigen", "te_bevestigen" },
	{ "gesloten", "closed" },
};

/* See register.h. */
const char *enum_resolve(const char *const *values, const char *text)
{
	for (size_t i = 0; values && values[i]; i++)
		if (strcasecmp(values[i], text) == 0)
			return values[i];
	for (size_t i = 0; i < ARRAY_SIZE(code_aliases); i++)
		if (strcasecmp(code_aliases[i].word, text) == 0 && enum_has(values, code_aliases[i].code))
			return code_aliases[i].code;
	return NULL;
}

/* Human labels of codes, English msgids; translated by code_label(). */
static const struct {
	const char *code;
	const char *label;
} code_labels[] = {
	{ "policy", N_("policy document") },
	{ "programme", N_("programme") },
	{ "project", N_("project") },
	{ "regulation", N_("regulation") },
	{ "action", N_("action") },
	{ "planned", N_("planned") },
	{ "active", N_("active") },
	{ "completed", N_("completed") },
	{ "stopped", N_("stopped") },
	{ "keep", N_("keep") },
	{ "bend", N_("bend") },
	{ "merge", N_("merge") },
	{ "scrap", N_("scrap") },
	{ "to_regulation", N_("move to regulation") },
	{ "to_execution", N_("move to execution") },
	{ "continue", N_("continue") },
	{ "slow_down", N_("slow down") },
	{ "phase_out", N_("phase out") },
	{ "stop", N_("stop") },
	{ "accelerate", N_("accelerate") },
	{ "supplement", N_("supplement") },
	{ "seed", N_("strategic agenda") },
	{ "cbs", N_("CBS") },
	{ "gemeente", N_("municipality") },
	{ "illustrative", N_("illustrative") },
	{ "import", N_("imported") },
	{ "manual", N_("entered by hand") },
	{ "vision", N_("vision") },
	{ "hoofdlijn", N_("main line") },
	{ "goal", N_("goal") },
	{ "pillar", N_("pillar") },
	{ "urgent_issue", N_("urgent issue") },
	{ "mechanism", N_("mechanism") },
	{ "vastgesteld", N_("adopted") },
	{ "te_bevestigen", N_("to be confirmed by the municipality") },
	{ "concept", N_("draft") },
	{ "sociaal", N_("social") },
	{ "fysiek", N_("physical") },
	{ "economie", N_("economy") },
	{ "veiligheid", N_("safety") },
	{ "beleid", N_("policy") },
	{ "regelgeving", N_("rules and regulations") },
	{ "uitvoering", N_("execution") },
	{ "wijk", N_("district") },
	{ "buurt", N_("neighbourhood") },
	{ "ontwikkelgebied", N_("development area") },
	{ "up", N_("higher is better") },
	{ "down", N_("lower is better") },
	{ "archived", N_("archived") },
	{ "open", N_("open") },
	{ "closed", N_("closed") },
	/* actions and tables of the audit log */
	{ "insert", N_("added") },
	{ "update", N_("changed") },
	{ "delete", N_("removed") },
	{ "item", N_("item") },
	{ "item_year", N_("budget and fte") },
	{ "value_source", N_("provenance") },
	{ "item_domain", N_("domains") },
	{ "item_area", N_("areas") },
	{ "item_serves", N_("serves") },
	{ "item_link", N_("links") },
	{ "vision_element", N_("vision") },
	{ "vision_element_area", N_("areas") },
	{ "area", N_("area") },
	{ "area_adjacent", N_("adjacent areas") },
	{ "organisation", N_("organisation") },
	{ "organisation_member", N_("members") },
	{ "contract", N_("contract") },
	{ "contract_party", N_("counterparties") },
};

/* See register.h. */
const char *code_word(const char *code)
{
	for (size_t i = 0; i < ARRAY_SIZE(code_aliases); i++)
		if (strcmp(code_aliases[i].code, code) == 0)
			return code_aliases[i].word;
	return NULL;
}

/* See register.h. */
const char *code_label(const char *code)
{
	for (size_t i = 0; i < ARRAY_SIZE(code_labels); i++)
		if (strcmp(code_labels[i].code, code) == 0)
			return tr(code_labels[i].label);
	return code;
}
