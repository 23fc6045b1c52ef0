/*
 * pages.h - the handlers of the HTML pages (one file per page group) and of
 * the JSON API (src/api/), as the route table (web/routes.c) names them.
 * Each takes the request, fills its response and returns the status.
 */
#ifndef STEIGER_PAGES_H
#define STEIGER_PAGES_H

#include "web/http.h"

/* login.c */
int page_login_form(struct request *req);
int page_login(struct request *req);
int page_logout(struct request *req);

/* home.c */
int page_home(struct request *req);

/* items.c */
int page_items(struct request *req);
int page_item(struct request *req);
int page_item_new(struct request *req);
int page_item_create(struct request *req);
int page_item_edit(struct request *req);
int page_item_update(struct request *req);
int page_item_archive(struct request *req);
int page_item_comment(struct request *req);

/* vision.c */
int page_vision(struct request *req);
int page_vision_element(struct request *req);

/* areas.c */
int page_areas(struct request *req);
int page_area(struct request *req);

/* organisations.c */
int page_organisations(struct request *req);
int page_organisation(struct request *req);
int page_organisation_new(struct request *req);
int page_organisation_create(struct request *req);
int page_organisation_edit(struct request *req);
int page_organisation_update(struct request *req);

/* review.c */
int page_review(struct request *req);

/* audit.c */
int page_audit(struct request *req);

/* account.c */
int page_account(struct request *req);
int page_account_update(struct request *req);
int page_account_password(struct request *req);
int page_account_sessions(struct request *req);

/* users.c */
int page_users(struct request *req);
int page_user_new(struct request *req);
int page_user_create(struct request *req);
int page_user(struct request *req);
int page_user_update(struct request *req);
int page_user_token_create(struct request *req);
int page_user_token_revoke(struct request *req);

/* api/ */
int api_openapi(struct request *req);
int api_items(struct request *req);
int api_item(struct request *req);
int api_item_create(struct request *req);
int api_item_update(struct request *req);
int api_item_archive(struct request *req);
int api_areas(struct request *req);
int api_area(struct request *req);
int api_vision(struct request *req);
int api_vision_element(struct request *req);
int api_organisations(struct request *req);
int api_organisation(struct request *req);
int api_assessments(struct request *req);
int api_assessments_put(struct request *req);
int api_review(struct request *req);

#endif
