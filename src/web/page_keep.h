/*
 * page_keep.h - rendered pages kept on the connection until the data
 * changes.
 *
 * Most requests of the web application read a page that has not changed
 * since the same person last read it: the overview, a register list, an
 * item. Routes marked ROUTE_KEEP make a page that depends only on the
 * data, the account and session of the asker, the language, the day and
 * the address (path and query). Such a page, once rendered, is kept on the
 * thread's database connection (db/memo.h) under a key of exactly those
 * (the session by the hash of its token), and served again while the
 * version of the data is the one it was rendered at. Any committed change
 * (a form, the API, the command line, a session touched or ended, a role
 * changed) gives a new version and drops every kept page at once.
 *
 * The one part of a page that must differ per response, the CSP nonce of
 * its <script>, is written anew into the kept bytes at the place it was
 * found. Only complete 200 answers without extra headers (no cookie set)
 * are kept, and never when the handler itself wrote to the database.
 */
#ifndef STEIGER_PAGE_KEEP_H
#define STEIGER_PAGE_KEEP_H

#include "db/memo.h"
#include "web/http.h"

/* What page_keep_find saw, for page_keep_store. */
struct page_keep {
	struct db_memo_read r; /* the version of the data before the handler ran */
	const char *key;       /* the page's key (in the request's arena), NULL: not to keep */
};

/* Look for the kept page of req: when there is one, fill req's response
 * with it (a new nonce in place) and return 1; else note in k what
 * page_keep_store needs and return 0. */
int page_keep_find(struct request *req, struct page_keep *k);

/* After the handler answered req: keep its page under k when it may be
 * kept (see above). */
void page_keep_store(struct request *req, const struct page_keep *k);

#endif
