/*
 * test_item_detail.c - what the page of one item reads besides its fields
 * (src/db/item_detail.c): its state, the links in both directions with
 * archived items left out for those who may not see them, the titles of
 * vision elements and areas, and the comments (added through the audited
 * connection).
 */
#include "dbtest.h"
#include "db/item_detail.h"

/* Three items linked in a chain, one of them archived, and a comment
 * author. */
static const char items_sql[] =
	"INSERT INTO vision_element(id, kind, title) VALUES('h', 'hoofdlijn', 'Thuis');"
	"INSERT INTO area(code, name, type) VALUES('WK1', 'Meerzicht', 'wijk');"
	"INSERT INTO item(id, kind, title, archived) VALUES ('pol', 'policy', 'Beleid', 0),"
	" ('prog', 'programme', 'Programma', 0), ('proj', 'project', 'Project', 0), ('old', 'action', 'Oud', 1);"
	"INSERT INTO item_link(item_id, type, target_id, position) VALUES ('prog', 'implements', 'pol', 1),"
	" ('proj', 'part_of', 'prog', 1), ('old', 'part_of', 'prog', 1), ('prog', 'replaces', 'old', 1);"
	"INSERT INTO account(name, display_name, role) VALUES ('jan', 'Jan de Vries', 'raad'), ('piet', NULL, 'raad');";

/* A fresh database with the items above. */
static void open_items(struct dbtest *t)
{
	struct err e = { 0, "" };
	dbtest_open(t);
	if (db_exec(t->db, items_sql, &e) != 0)
		fail_msg("%s", e.msg);
}

/* db_item_state: current, archived, missing. */
static void test_state(void **state)
{
	struct dbtest t;
	struct err e = { 0, "" };
	(void)state;
	open_items(&t);
	assert_int_equal(db_item_state(t.db, "pol", &e), 0);
	assert_int_equal(db_item_state(t.db, "old", &e), 1);
	assert_int_equal(db_item_state(t.db, "nope", &e), E_NOTFOUND);
	assert_int_equal(db_item_state(t.db, "' OR 1=1 --", &e), E_NOTFOUND);
	dbtest_done(&t);
}

/* The links of the programme: outgoing first (implements, replaces),
 * then incoming (part of it); the archived one only when internal. */
static void test_links(void **state)
{
	struct dbtest t;
	struct arena a = ARENA_INIT;
	struct item_link *l;
	struct err e = { 0, "" };
	(void)state;
	open_items(&t);
	int n = db_item_links(t.db, "prog", 1, &a, &l, &e);
	assert_int_equal(n, 4);
	assert_string_equal(l[0].type, "implements");
	assert_false(l[0].incoming);
	assert_string_equal(l[0].id, "pol");
	assert_string_equal(l[0].title, "Beleid");
	assert_string_equal(l[1].type, "replaces");
	assert_string_equal(l[1].id, "old");
	assert_true(l[1].archived);
	assert_string_equal(l[2].type, "part_of"); /* incoming, by title: Oud, Project */
	assert_true(l[2].incoming);
	assert_string_equal(l[2].id, "old");
	assert_string_equal(l[3].id, "proj");
	assert_string_equal(l[3].kind, "project");
	n = db_item_links(t.db, "prog", 0, &a, &l, &e);
	assert_int_equal(n, 2);
	for (int i = 0; i < n; i++)
		assert_string_not_equal(l[i].id, "old");
	/* Seen from the policy: carried out by the programme. */
	n = db_item_links(t.db, "pol", 0, &a, &l, &e);
	assert_int_equal(n, 1);
	assert_true(l[0].incoming);
	assert_string_equal(l[0].id, "prog");
	assert_int_equal(db_item_links(t.db, "nope", 1, &a, &l, &e), 0);
	arena_free(&a);
	dbtest_done(&t);
}

/* The names of what an item refers to. */
static void test_names(void **state)
{
	struct dbtest t;
	struct arena a = ARENA_INIT;
	(void)state;
	open_items(&t);
	assert_string_equal(db_vision_title(t.db, "h", &a), "Thuis");
	assert_string_equal(db_area_name(t.db, "WK1", &a), "Meerzicht");
	assert_null(db_vision_title(t.db, "nope", &a));
	assert_null(db_area_name(t.db, "nope", &a));
	arena_free(&a);
	dbtest_done(&t);
}

/* Comments: added in order, with the display name of the author (or the
 * account name), audited with the connection's actor; an empty or too
 * long text is refused by the table. */
static void test_comments(void **state)
{
	struct dbtest t;
	struct arena a = ARENA_INIT;
	struct item_comment *c;
	struct err e = { 0, "" };
	(void)state;
	open_items(&t);
	db_set_actor(t.db, "jan", "web: POST /items/pol/comments");
	assert_int_equal(db_item_comment_add(t.db, "pol", "jan", "Eerste <b>", &e), 0);
	assert_int_equal(db_item_comment_add(t.db, "pol", "piet", "Tweede\nregel", &e), 0);
	assert_int_equal(db_item_comments(t.db, "pol", &a, &c, &e), 2);
	assert_string_equal(c[0].author_name, "Jan de Vries");
	assert_string_equal(c[0].text, "Eerste <b>");
	assert_string_equal(c[1].author_name, "piet");
	assert_string_equal(c[1].text, "Tweede\nregel");
	assert_int_equal(strlen(c[1].created_at), 20);
	assert_true(c[0].id < c[1].id);
	assert_int_equal(db_item_comments(t.db, "prog", &a, &c, &e), 0);
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM audit_log WHERE tbl = 'comment' AND actor = 'jan'"
					" AND action = 'insert' AND context = 'web: POST /items/pol/comments'"),
			 2);
	assert_int_equal(db_item_comment_add(t.db, "pol", "jan", "", &e), E_DB);
	char *longtext = xmalloc(COMMENT_MAX + 2);
	memset(longtext, 'x', COMMENT_MAX + 1);
	longtext[COMMENT_MAX + 1] = '\0';
	assert_int_equal(db_item_comment_add(t.db, "pol", "jan", longtext, &e), E_DB);
	longtext[COMMENT_MAX] = '\0';
	assert_int_equal(db_item_comment_add(t.db, "pol", "jan", longtext, &e), 0);
	free(longtext);
	assert_int_equal(db_item_comment_add(t.db, "nope", "jan", "x", &e), E_DB); /* no such item */
	assert_int_equal(dbtest_int(&t, "SELECT count(*) FROM comment"), 3);
	arena_free(&a);
	dbtest_done(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_comments),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
