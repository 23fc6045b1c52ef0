/*
 * schema.c - the database schema, as a list of migrations.
 *
 * PRAGMA user_version holds the number of migrations applied. Migration i
 * (1-based) takes a database from version i-1 to version i; db_migrate()
 * applies the missing ones in one transaction and then (re)creates the audit
 * triggers for every table (audit.c). A migration is never edited after it
 * has been released: a change is a new migration. Each one is tested from
 * an empty database and from every earlier version (test/unit/test_migrate.c).
 *
 * The model covers the whole mission (doc/architecture.md, "Data model"):
 *   1 foundation: vision tree, areas, organisations, the registers of items
 *     with budgets, contracts, partners and links, field-level provenance,
 *     accounts, the audit log (parts A, B, C);
 *   2 review: assessment rounds and scores, weights (direct and AHP
 *     judgments), verdict rules and proposals, decisions (parts B, C);
 *   3 planning: scenarios with their parameters and results, programme
 *     proposals with their start options, housing stock per segment and
 *     vacancy-chain parameters (parts D, E);
 *   4 participation and reporting: processes with phases, participants
 *     and their selection, issues, agendas and activities, covenants and
 *     signatures, lessons, agenda versions and council reports (parts F, G);
 *   5 the web application: sessions, login throttling, API tokens, comments
 *     on items, and full-text search over the items (FTS5).
 *
 * Conventions: STRICT tables; text ids chosen by people (stable across
 * imports); every row of a register carries `source` and `source_note`
 * (provenance, see doc/formats.md), with per-field exceptions in
 * value_source; foreign keys with ON DELETE rules; CHECK constraints for
 * enumerations and ranges, so that the database refuses what the readers
 * would refuse too.
 */
#include "steiger.h"
#include "db/db.h"

/* The SQL below is laid out as SQL, not as C. */
// clang-format off

/* The provenance columns every register row has. */
#define PROVENANCE \
	"  source TEXT NOT NULL DEFAULT 'import' CHECK(source IN " \
	"('seed','cbs','gemeente','illustrative','import','manual')),\n" \
	"  source_note TEXT\n"

static const char migration_1[] =
	/* Key-value facts about the database: the data set's name, when it
	 * was created and by which version of steiger. */
	"CREATE TABLE meta(\n"
	"  key TEXT PRIMARY KEY,\n"
	"  value TEXT NOT NULL\n"
	") STRICT;\n"

	/* Areas by CBS code: the municipality, wijken, buurten, and
	 * development areas with own codes. */
	"CREATE TABLE area(\n"
	"  code TEXT PRIMARY KEY,\n"
	"  name TEXT NOT NULL,\n"
	"  type TEXT NOT NULL CHECK(type IN ('gemeente','wijk','buurt','ontwikkelgebied')),\n"
	"  parent_code TEXT REFERENCES area(code) ON DELETE SET NULL,\n"
	PROVENANCE ") STRICT;\n"
	/* Adjacency as entered (area lists its neighbour); read symmetrically. */
	"CREATE TABLE area_adjacent(\n"
	"  area_code TEXT NOT NULL REFERENCES area(code) ON DELETE CASCADE,\n"
	"  adjacent_code TEXT NOT NULL REFERENCES area(code) ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  PRIMARY KEY(area_code, adjacent_code),\n"
	"  CHECK(area_code <> adjacent_code)\n"
	") STRICT, WITHOUT ROWID;\n"

	/* The vision tree and what stands beside it: the vision, its
	 * hoofdlijnen and their goals; pillars, urgent issues and mechanisms. */
	"CREATE TABLE vision_element(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  kind TEXT NOT NULL CHECK(kind IN ('vision','hoofdlijn','goal','pillar','urgent_issue','mechanism')),\n"
	"  parent_id TEXT REFERENCES vision_element(id) ON DELETE RESTRICT,\n"
	"  title TEXT NOT NULL,\n"
	"  description TEXT,\n"
	"  weight REAL CHECK(weight >= 0),\n"
	"  position INTEGER,\n"
	"  status TEXT NOT NULL DEFAULT 'vastgesteld' CHECK(status IN ('vastgesteld','te_bevestigen','concept')),\n"
	PROVENANCE ") STRICT;\n"
	"CREATE INDEX vision_element_parent ON vision_element(parent_id);\n"
	/* The areas of a pillar, in the order of approach. */
	"CREATE TABLE vision_element_area(\n"
	"  element_id TEXT NOT NULL REFERENCES vision_element(id) ON DELETE CASCADE,\n"
	"  area_code TEXT NOT NULL REFERENCES area(code) ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  PRIMARY KEY(element_id, area_code)\n"
	") STRICT, WITHOUT ROWID;\n"

	/* Indicators of goals, with baseline and target; values per area
	 * and year. */
	"CREATE TABLE indicator(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  goal_id TEXT REFERENCES vision_element(id) ON DELETE SET NULL,\n"
	"  title TEXT NOT NULL,\n"
	"  unit TEXT NOT NULL,\n"
	"  direction TEXT NOT NULL CHECK(direction IN ('up','down')),\n"
	"  baseline REAL,\n"
	"  baseline_year INTEGER,\n"
	"  target REAL,\n"
	"  target_year INTEGER,\n"
	"  cbs_column TEXT UNIQUE,\n"
	"  description TEXT,\n"
	PROVENANCE ") STRICT;\n"
	"CREATE TABLE indicator_value(\n"
	"  indicator_id TEXT NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,\n"
	"  area_code TEXT NOT NULL REFERENCES area(code) ON DELETE CASCADE,\n"
	"  year INTEGER NOT NULL CHECK(year BETWEEN 1800 AND 2200),\n"
	"  value REAL NOT NULL,\n"
	PROVENANCE ",\n"
	"  PRIMARY KEY(indicator_id, area_code, year)\n"
	") STRICT, WITHOUT ROWID;\n"

	/* Organisations (partners, networks) and their contact persons. */
	"CREATE TABLE organisation(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  name TEXT NOT NULL,\n"
	"  type TEXT NOT NULL CHECK(type IN ('gemeente','corporatie','onderwijs','zorg','welzijn','bedrijf',"
	"'netwerk','overheid','kennisinstelling','bewonersorganisatie','vereniging','overig')),\n"
	"  description TEXT,\n"
	"  website TEXT,\n"
	PROVENANCE ") STRICT;\n"
	"CREATE TABLE organisation_member(\n"
	"  network_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,\n"
	"  member_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  PRIMARY KEY(network_id, member_id),\n"
	"  CHECK(network_id <> member_id)\n"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE TABLE contact(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,\n"
	"  name TEXT NOT NULL,\n"
	"  role TEXT,\n"
	"  email TEXT,\n"
	"  phone TEXT,\n"
	PROVENANCE ") STRICT;\n"

	/* People who use steiger. Passwords (argon2id hashes) and sessions
	 * come with the web application. */
	"CREATE TABLE account(\n"
	"  name TEXT PRIMARY KEY,\n"
	"  display_name TEXT,\n"
	"  role TEXT NOT NULL CHECK(role IN ('beheerder','medewerker','bestuur','raad','partner','inwoner')),\n"
	"  email TEXT,\n"
	"  organisation_id TEXT REFERENCES organisation(id) ON DELETE SET NULL,\n"
	"  disabled INTEGER NOT NULL DEFAULT 0 CHECK(disabled IN (0,1)),\n"
	"  password_hash TEXT,\n"
	"  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n"
	PROVENANCE ") STRICT;\n"

	/* The registers: policy documents, programmes, projects,
	 * regulations and actions. */
	"CREATE TABLE item(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  kind TEXT NOT NULL CHECK(kind IN ('policy','programme','project','regulation','action')),\n"
	"  title TEXT NOT NULL,\n"
	"  description TEXT,\n"
	"  instrument TEXT CHECK(instrument IN ('beleid','regelgeving','uitvoering')),\n"
	"  programme_type TEXT CHECK(programme_type IN ('beleid','gebied')),\n"
	"  owner TEXT,\n"
	"  year_adopted INTEGER CHECK(year_adopted BETWEEN 1800 AND 2200),\n"
	"  status TEXT NOT NULL DEFAULT 'active' CHECK(status IN ('planned','active','completed','stopped')),\n"
	"  legal_task INTEGER NOT NULL DEFAULT 0 CHECK(legal_task IN (0,1)),\n"
	"  archived INTEGER NOT NULL DEFAULT 0 CHECK(archived IN (0,1)),\n"
	PROVENANCE ") STRICT;\n"
	"CREATE INDEX item_kind ON item(kind, status);\n"
	"CREATE TABLE item_domain(\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  domain TEXT NOT NULL CHECK(domain IN ('sociaal','fysiek','economie','veiligheid')),\n"
	"  position INTEGER NOT NULL,\n"
	"  PRIMARY KEY(item_id, domain)\n"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE TABLE item_area(\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  area_code TEXT NOT NULL REFERENCES area(code) ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  PRIMARY KEY(item_id, area_code)\n"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE INDEX item_area_area ON item_area(area_code);\n"
	/* The vision elements an item declares to serve. */
	"CREATE TABLE item_serves(\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  element_id TEXT NOT NULL REFERENCES vision_element(id) ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  PRIMARY KEY(item_id, element_id)\n"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE INDEX item_serves_element ON item_serves(element_id);\n"
	/* Links between items: a project implements a policy, an item is
	 * part of a programme, an item replaces another. */
	"CREATE TABLE item_link(\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  type TEXT NOT NULL CHECK(type IN ('implements','part_of','replaces')),\n"
	"  target_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  PRIMARY KEY(item_id, type, target_id),\n"
	"  CHECK(item_id <> target_id)\n"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE INDEX item_link_target ON item_link(target_id, type);\n"
	/* Budget (euros) and staff (fte) per item and year. */
	"CREATE TABLE item_year(\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  year INTEGER NOT NULL CHECK(year BETWEEN 1800 AND 2200),\n"
	"  budget REAL CHECK(budget >= 0),\n"
	"  fte REAL CHECK(fte >= 0),\n"
	"  PRIMARY KEY(item_id, year)\n"
	") STRICT, WITHOUT ROWID;\n"
	/* Contracts that bind an item: nothing stops before end_date unless
	 * exit_cost is paid. */
	"CREATE TABLE contract(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  title TEXT NOT NULL,\n"
	"  end_date TEXT NOT NULL CHECK(end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
	"  exit_cost REAL CHECK(exit_cost >= 0),\n"
	PROVENANCE ") STRICT;\n"
	"CREATE INDEX contract_item ON contract(item_id);\n"
	"CREATE TABLE contract_party(\n"
	"  contract_id TEXT NOT NULL REFERENCES contract(id) ON DELETE CASCADE,\n"
	"  organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,\n"
	"  position INTEGER NOT NULL,\n"
	"  PRIMARY KEY(contract_id, organisation_id)\n"
	") STRICT, WITHOUT ROWID;\n"
	/* Partners of an item and their willingness to change (1-5). */
	"CREATE TABLE item_partner(\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,\n"
	"  role TEXT,\n"
	"  willingness INTEGER CHECK(willingness BETWEEN 1 AND 5),\n"
	"  note TEXT,\n"
	PROVENANCE ",\n"
	"  PRIMARY KEY(item_id, organisation_id)\n"
	") STRICT;\n"
	"CREATE INDEX item_partner_org ON item_partner(organisation_id);\n"

	/* Field-level provenance: where one field of one record comes from
	 * when that differs from its row's source. field is a register field
	 * key ('description'), a yearly family ('budget') or one year
	 * ('budget_2024'). */
	"CREATE TABLE value_source(\n"
	"  entity TEXT NOT NULL,\n"
	"  entity_id TEXT NOT NULL,\n"
	"  field TEXT NOT NULL,\n"
	"  source TEXT NOT NULL CHECK(source IN ('seed','cbs','gemeente','illustrative','import','manual')),\n"
	"  position INTEGER NOT NULL,\n"
	"  PRIMARY KEY(entity, entity_id, field)\n"
	") STRICT, WITHOUT ROWID;\n"

	/* The audit log: every write to any table, by triggers (audit.c). */
	"CREATE TABLE audit_log(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  at TEXT NOT NULL,\n"
	"  actor TEXT NOT NULL,\n"
	"  action TEXT NOT NULL CHECK(action IN ('insert','update','delete')),\n"
	"  tbl TEXT NOT NULL,\n"
	"  record TEXT NOT NULL,\n"
	"  before TEXT,\n"
	"  after TEXT,\n"
	"  context TEXT\n"
	") STRICT;\n"
	"CREATE INDEX audit_log_record ON audit_log(tbl, record);\n";

static const char migration_2[] =
	/* Assessment rounds: who scores what on which scale. */
	"CREATE TABLE assessment_round(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  title TEXT NOT NULL,\n"
	"  scale_min INTEGER NOT NULL,\n"
	"  scale_max INTEGER NOT NULL,\n"
	"  allow_na INTEGER NOT NULL DEFAULT 1 CHECK(allow_na IN (0,1)),\n"
	"  blind INTEGER NOT NULL DEFAULT 0 CHECK(blind IN (0,1)),\n"
	"  status TEXT NOT NULL DEFAULT 'open' CHECK(status IN ('open','closed')),\n"
	"  opened_at TEXT,\n"
	"  closed_at TEXT,\n"
	PROVENANCE ",\n"
	"  CHECK(scale_max > scale_min)\n"
	") STRICT;\n"
	/* One score: an assessor's judgment of an item against a criterion
	 * (a hoofdlijn, pillar or urgent issue). score NULL with na = 1 is
	 * "n.v.t."; score NULL with na = 0 is not yet scored. */
	"CREATE TABLE assessment(\n"
	"  round_id TEXT NOT NULL REFERENCES assessment_round(id) ON DELETE CASCADE,\n"
	"  assessor TEXT NOT NULL REFERENCES account(name) ON UPDATE CASCADE,\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  criterion_id TEXT NOT NULL REFERENCES vision_element(id) ON DELETE CASCADE,\n"
	"  score INTEGER,\n"
	"  na INTEGER NOT NULL DEFAULT 0 CHECK(na IN (0,1)),\n"
	"  rationale TEXT,\n"
	"  assessed_at TEXT,\n"
	PROVENANCE ",\n"
	/* Criterion first: the scores of one criterion (coverage, agreement)
	 * are one range of the table. */
	"  PRIMARY KEY(criterion_id, item_id, round_id, assessor),\n"
	"  CHECK(na = 0 OR score IS NULL)\n"
	") STRICT, WITHOUT ROWID;\n"
	/* The scores of one item, covering whether it was scored at all. */
	"CREATE INDEX assessment_item ON assessment(item_id, score, na);\n"
	/* Weight sets of the criteria: direct points or AHP. */
	"CREATE TABLE weight_set(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  title TEXT NOT NULL,\n"
	"  method TEXT NOT NULL CHECK(method IN ('direct','ahp')),\n"
	"  consistency_ratio REAL,\n"
	"  chosen INTEGER NOT NULL DEFAULT 0 CHECK(chosen IN (0,1)),\n"
	"  created_by TEXT,\n"
	"  created_at TEXT,\n"
	PROVENANCE ") STRICT;\n"
	"CREATE TABLE weight(\n"
	"  set_id TEXT NOT NULL REFERENCES weight_set(id) ON DELETE CASCADE,\n"
	"  element_id TEXT NOT NULL REFERENCES vision_element(id) ON DELETE CASCADE,\n"
	"  weight REAL NOT NULL CHECK(weight >= 0),\n"
	"  PRIMARY KEY(set_id, element_id)\n"
	") STRICT, WITHOUT ROWID;\n"
	/* AHP pairwise judgments, per judge: how much more important a is
	 * than b (Saaty's 1/9 .. 9). */
	"CREATE TABLE pairwise_judgment(\n"
	"  set_id TEXT NOT NULL REFERENCES weight_set(id) ON DELETE CASCADE,\n"
	"  judge TEXT NOT NULL,\n"
	"  a_id TEXT NOT NULL REFERENCES vision_element(id) ON DELETE CASCADE,\n"
	"  b_id TEXT NOT NULL REFERENCES vision_element(id) ON DELETE CASCADE,\n"
	"  ratio REAL NOT NULL CHECK(ratio > 0),\n"
	"  PRIMARY KEY(set_id, judge, a_id, b_id),\n"
	"  CHECK(a_id < b_id)\n"
	") STRICT, WITHOUT ROWID;\n"
	/* Policy/regulation/execution questionnaire answers per item. */
	"CREATE TABLE classification_answer(\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  question TEXT NOT NULL,\n"
	"  answer TEXT NOT NULL,\n"
	"  answered_by TEXT,\n"
	"  answered_at TEXT,\n"
	"  PRIMARY KEY(item_id, question)\n"
	") STRICT, WITHOUT ROWID;\n"
	/* The verdict rules, kept as data staff can change. */
	"CREATE TABLE verdict_rule(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  applies_to TEXT NOT NULL CHECK(applies_to IN ('policy','portfolio')),\n"
	"  position INTEGER NOT NULL,\n"
	"  condition TEXT NOT NULL,\n"
	"  verdict TEXT NOT NULL,\n"
	"  reason TEXT NOT NULL,\n"
	"  enabled INTEGER NOT NULL DEFAULT 1 CHECK(enabled IN (0,1))\n"
	") STRICT;\n"
	/* A proposed verdict per item, with its reasons (JSON list). */
	"CREATE TABLE verdict_proposal(\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  round_id TEXT REFERENCES assessment_round(id) ON DELETE CASCADE,\n"
	"  verdict TEXT NOT NULL,\n"
	"  reasons TEXT NOT NULL,\n"
	"  computed_at TEXT NOT NULL,\n"
	"  PRIMARY KEY(item_id)\n"
	") STRICT;\n"
	/* Decisions: what was decided about an item, by whom, why, and the
	 * mix of puzzling, powering and participation (Hoppe 2011). */
	"CREATE TABLE decision(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  decision TEXT NOT NULL CHECK(decision IN ('keep','bend','merge','scrap','to_regulation','to_execution',"
	"'continue','slow_down','phase_out','stop','accelerate','supplement')),\n"
	"  rationale TEXT NOT NULL,\n"
	"  decided_by TEXT NOT NULL,\n"
	"  body TEXT CHECK(body IN ('raad','college','wethouder','ambtelijk','partners')),\n"
	"  decided_on TEXT NOT NULL,\n"
	"  puzzling INTEGER CHECK(puzzling BETWEEN 0 AND 100),\n"
	"  powering INTEGER CHECK(powering BETWEEN 0 AND 100),\n"
	"  participation INTEGER CHECK(participation BETWEEN 0 AND 100),\n"
	PROVENANCE ") STRICT;\n"
	"CREATE INDEX decision_item ON decision(item_id, decided_on);\n";

static const char migration_3[] =
	/* Tempo scenarios: named parameter sets of the portfolio model and
	 * their solved results (the model and result as JSON, formats.md). */
	"CREATE TABLE scenario(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  title TEXT NOT NULL,\n"
	"  tempo TEXT CHECK(tempo IN ('rustig','gemiddeld','versneld','eigen')),\n"
	"  max_changes_per_year INTEGER,\n"
	"  disruption_cap REAL,\n"
	"  first_year INTEGER,\n"
	"  last_year INTEGER,\n"
	"  model TEXT,\n"
	"  result TEXT,\n"
	"  status TEXT CHECK(status IN ('optimal','infeasible','time_limit','error')),\n"
	"  objective REAL,\n"
	"  solved_at TEXT,\n"
	"  chosen INTEGER NOT NULL DEFAULT 0 CHECK(chosen IN (0,1)),\n"
	PROVENANCE ") STRICT;\n"
	/* Per scenario, overrides of an item's option (what-if, locks). */
	"CREATE TABLE scenario_item(\n"
	"  scenario_id TEXT NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  locked_option TEXT,\n"
	"  excluded_options TEXT,\n"
	"  PRIMARY KEY(scenario_id, item_id)\n"
	") STRICT, WITHOUT ROWID;\n"
	/* The options of an item in the portfolio model: continue, bend,
	 * slow down, phase out, stop, accelerate, supplement, with cost and
	 * value per year. */
	"CREATE TABLE item_option(\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  option TEXT NOT NULL CHECK(option IN ('continue','bend','slow_down','phase_out','stop','accelerate',"
	"'supplement','start')),\n"
	"  start_year INTEGER,\n"
	"  effect REAL,\n"
	"  budget_delta TEXT,\n"
	"  fte_delta TEXT,\n"
	PROVENANCE ",\n"
	"  PRIMARY KEY(item_id, option, start_year)\n"
	") STRICT;\n"
	/* Ordering constraints of the portfolio (Meerzicht before Buytenwegh
	 * before Seghwaert) and exclusions. */
	"CREATE TABLE portfolio_constraint(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  type TEXT NOT NULL CHECK(type IN ('precedes','excludes','requires')),\n"
	"  first_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  then_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  lag INTEGER NOT NULL DEFAULT 0,\n"
	PROVENANCE ") STRICT;\n"
	/* Resources per year: budget and staff available to the agenda. */
	"CREATE TABLE resource_capacity(\n"
	"  resource TEXT NOT NULL CHECK(resource IN ('budget','fte')),\n"
	"  year INTEGER NOT NULL,\n"
	"  capacity REAL NOT NULL CHECK(capacity >= 0),\n"
	PROVENANCE ",\n"
	"  PRIMARY KEY(resource, year)\n"
	") STRICT;\n"
	/* Housing stock per area, segment and year (the woonroltrap). */
	"CREATE TABLE housing_stock(\n"
	"  area_code TEXT NOT NULL REFERENCES area(code) ON DELETE CASCADE,\n"
	"  year INTEGER NOT NULL,\n"
	"  segment TEXT NOT NULL,\n"
	"  dwellings INTEGER NOT NULL CHECK(dwellings >= 0),\n"
	PROVENANCE ",\n"
	"  PRIMARY KEY(area_code, year, segment)\n"
	") STRICT;\n"
	/* Housing plans: new homes per segment, area and year. */
	"CREATE TABLE housing_plan(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  item_id TEXT REFERENCES item(id) ON DELETE SET NULL,\n"
	"  area_code TEXT REFERENCES area(code) ON DELETE SET NULL,\n"
	"  segment TEXT NOT NULL,\n"
	"  dwellings INTEGER NOT NULL CHECK(dwellings >= 0),\n"
	"  year INTEGER,\n"
	PROVENANCE ") STRICT;\n"
	/* Vacancy-chain parameters (White 1970): moves between segments. */
	"CREATE TABLE chain_transition(\n"
	"  from_segment TEXT NOT NULL,\n"
	"  to_segment TEXT NOT NULL,\n"
	"  probability REAL NOT NULL CHECK(probability BETWEEN 0 AND 1),\n"
	PROVENANCE ",\n"
	"  PRIMARY KEY(from_segment, to_segment)\n"
	") STRICT;\n";

static const char migration_4[] =
	/* Participation processes (the Buytenwegh pilot) and their phases. */
	"CREATE TABLE process(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  title TEXT NOT NULL,\n"
	"  area_code TEXT REFERENCES area(code) ON DELETE SET NULL,\n"
	"  description TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'planned' CHECK(status IN ('planned','active','paused','completed')),\n"
	PROVENANCE ") STRICT;\n"
	"CREATE TABLE process_phase(\n"
	"  process_id TEXT NOT NULL REFERENCES process(id) ON DELETE CASCADE,\n"
	"  phase INTEGER NOT NULL CHECK(phase BETWEEN 0 AND 9),\n"
	"  title TEXT NOT NULL,\n"
	"  starts_on TEXT,\n"
	"  ends_on TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'planned' CHECK(status IN ('planned','active','completed')),\n"
	"  evaluation TEXT,\n"
	"  PRIMARY KEY(process_id, phase)\n"
	") STRICT;\n"
	/* Participants: residents, organisations, companies, networks;
	 * selected by the fair selection of issue 6. */
	"CREATE TABLE participant(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  process_id TEXT NOT NULL REFERENCES process(id) ON DELETE CASCADE,\n"
	"  kind TEXT NOT NULL CHECK(kind IN ('inwoner','organisatie','bedrijf','netwerk')),\n"
	"  account_name TEXT REFERENCES account(name) ON DELETE SET NULL,\n"
	"  organisation_id TEXT REFERENCES organisation(id) ON DELETE SET NULL,\n"
	"  features TEXT,\n"
	"  selection_probability REAL,\n"
	"  selected INTEGER NOT NULL DEFAULT 0 CHECK(selected IN (0,1)),\n"
	PROVENANCE ") STRICT;\n"
	/* Issues raised in phase 2, with their size and scope. */
	"CREATE TABLE issue(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  process_id TEXT NOT NULL REFERENCES process(id) ON DELETE CASCADE,\n"
	"  title TEXT NOT NULL,\n"
	"  description TEXT,\n"
	"  size TEXT CHECK(size IN ('klein','middel','groot')),\n"
	"  term TEXT CHECK(term IN ('kort','middellang','lang')),\n"
	"  scope TEXT CHECK(scope IN ('smal','breed')),\n"
	"  chosen INTEGER NOT NULL DEFAULT 0 CHECK(chosen IN (0,1)),\n"
	PROVENANCE ") STRICT;\n"
	/* Phase 3: per issue an agenda of activities for 1, 5 and 10 years. */
	"CREATE TABLE agenda_activity(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  issue_id TEXT NOT NULL REFERENCES issue(id) ON DELETE CASCADE,\n"
	"  horizon INTEGER NOT NULL CHECK(horizon IN (1,5,10)),\n"
	"  title TEXT NOT NULL,\n"
	"  responsible_id TEXT REFERENCES organisation(id) ON DELETE SET NULL,\n"
	"  budget REAL CHECK(budget >= 0),\n"
	"  fte REAL CHECK(fte >= 0),\n"
	"  item_id TEXT REFERENCES item(id) ON DELETE SET NULL,\n"
	PROVENANCE ") STRICT;\n"
	/* Phase 4: covenants and who signed them. */
	"CREATE TABLE covenant(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  process_id TEXT NOT NULL REFERENCES process(id) ON DELETE CASCADE,\n"
	"  title TEXT NOT NULL,\n"
	"  text TEXT,\n"
	"  review_rule TEXT,\n"
	"  success_measure TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK(status IN ('draft','signing','signed','ended')),\n"
	PROVENANCE ") STRICT;\n"
	"CREATE TABLE covenant_signature(\n"
	"  covenant_id TEXT NOT NULL REFERENCES covenant(id) ON DELETE CASCADE,\n"
	"  organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,\n"
	"  signer TEXT NOT NULL,\n"
	"  signed_at TEXT,\n"
	"  PRIMARY KEY(covenant_id, organisation_id)\n"
	") STRICT, WITHOUT ROWID;\n"
	/* The learning process: reflections and lessons, reused elsewhere. */
	"CREATE TABLE lesson(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  process_id TEXT REFERENCES process(id) ON DELETE SET NULL,\n"
	"  phase INTEGER,\n"
	"  title TEXT NOT NULL,\n"
	"  text TEXT,\n"
	"  recorded_by TEXT,\n"
	"  recorded_on TEXT,\n"
	PROVENANCE ") STRICT;\n"
	/* Versions of the strategic agenda and reports to the council. */
	"CREATE TABLE agenda_version(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  title TEXT NOT NULL,\n"
	"  period_from INTEGER,\n"
	"  period_to INTEGER,\n"
	"  adopted_on TEXT,\n"
	"  snapshot TEXT,\n"
	PROVENANCE ") STRICT;\n"
	"CREATE TABLE report(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  title TEXT NOT NULL,\n"
	"  version_id TEXT REFERENCES agenda_version(id) ON DELETE SET NULL,\n"
	"  scenario_id TEXT REFERENCES scenario(id) ON DELETE SET NULL,\n"
	"  quarter TEXT,\n"
	"  body TEXT,\n"
	"  status TEXT NOT NULL DEFAULT 'draft' CHECK(status IN ('draft','final','sent')),\n"
	PROVENANCE ") STRICT;\n";

static const char migration_5[] =
	/* Web sessions: the SHA-256 of the 256-bit token in the cookie (the
	 * token itself is never stored), the CSRF token of the session, and
	 * when it was made and last used (Unix seconds). Not audited. */
	"CREATE TABLE session(\n"
	"  token_hash TEXT PRIMARY KEY,\n"
	"  account TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE ON UPDATE CASCADE,\n"
	"  csrf TEXT NOT NULL,\n"
	"  created_at INTEGER NOT NULL,\n"
	"  seen_at INTEGER NOT NULL,\n"
	"  address TEXT\n"
	") STRICT, WITHOUT ROWID;\n"
	"CREATE INDEX session_account ON session(account);\n"
	/* Failed logins per account and per address, for throttling. */
	"CREATE TABLE login_attempt(\n"
	"  key TEXT PRIMARY KEY,\n"
	"  failures INTEGER NOT NULL,\n"
	"  first_at INTEGER NOT NULL,\n"
	"  locked_until INTEGER NOT NULL DEFAULT 0\n"
	") STRICT, WITHOUT ROWID;\n"
	/* Tokens for other systems to use the API (the hash is stored). */
	"CREATE TABLE api_token(\n"
	"  id TEXT PRIMARY KEY,\n"
	"  token_hash TEXT NOT NULL UNIQUE,\n"
	"  account TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE ON UPDATE CASCADE,\n"
	"  description TEXT,\n"
	"  created_at TEXT NOT NULL,\n"
	"  revoked_at TEXT,\n"
	"  last_used_at TEXT\n"
	") STRICT;\n"
	/* Comments on items (the council's questions, staff's notes). */
	"CREATE TABLE comment(\n"
	"  id INTEGER PRIMARY KEY,\n"
	"  item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,\n"
	"  author TEXT NOT NULL REFERENCES account(name) ON UPDATE CASCADE,\n"
	"  text TEXT NOT NULL CHECK(length(text) BETWEEN 1 AND 5000),\n"
	"  created_at TEXT NOT NULL\n"
	") STRICT;\n"
	"CREATE INDEX comment_item ON comment(item_id, id);\n"
	/* Full-text search over the items' titles and descriptions, kept in
	 * step with the item table by triggers; diacritics are folded (café
	 * finds cafe). */
	"CREATE VIRTUAL TABLE item_fts USING fts5(id UNINDEXED, title, description, owner, content='item',"
	" content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');\n"
	"CREATE TRIGGER item_fts_insert AFTER INSERT ON item BEGIN\n"
	"  INSERT INTO item_fts(rowid, id, title, description, owner) VALUES(NEW.rowid, NEW.id, NEW.title,"
	" NEW.description, NEW.owner);\n"
	"END;\n"
	"CREATE TRIGGER item_fts_delete AFTER DELETE ON item BEGIN\n"
	"  INSERT INTO item_fts(item_fts, rowid, id, title, description, owner) VALUES('delete', OLD.rowid, OLD.id,"
	" OLD.title, OLD.description, OLD.owner);\n"
	"END;\n"
	"CREATE TRIGGER item_fts_update AFTER UPDATE OF id, title, description, owner ON item BEGIN\n"
	"  INSERT INTO item_fts(item_fts, rowid, id, title, description, owner) VALUES('delete', OLD.rowid, OLD.id,"
	" OLD.title, OLD.description, OLD.owner);\n"
	"  INSERT INTO item_fts(rowid, id, title, description, owner) VALUES(NEW.rowid, NEW.id, NEW.title,"
	" NEW.description, NEW.owner);\n"
	"END;\n"
	"INSERT INTO item_fts(item_fts) VALUES('rebuild');\n";

// clang-format on

/* See db.h. */
const char *const db_migrations[] = { migration_1, migration_2, migration_3, migration_4, migration_5 };

/* See db.h. */
const int db_migration_count = (int)ARRAY_SIZE(db_migrations);
