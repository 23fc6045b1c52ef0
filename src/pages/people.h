/*
 * people.h - what the pages about people share (account.c, users.c,
 * audit.c): the human names of the roles, new passwords (generated or
 * typed twice) and times as people read them.
 */
#ifndef STEIGER_PEOPLE_H
#define STEIGER_PEOPLE_H

#include "core/auth.h"
#include "render/html.h"
#include "web/http.h"

/* The human name of role r in the current language ("administrator";
 * Dutch "beheerder"). */
const char *role_label(enum role r);

/* The human name of role r with its code when they differ
 * ("administrator (beheerder)"; Dutch just "beheerder"), in the arena. */
const char *role_text(struct request *req, enum role r);

/* The role codes and their human names as NULL-ended lists for
 * field_select (in the request's arena). */
void role_choices(struct request *req, const char ***codes, const char ***labels);

/* The length of a generated password. */
#define GENERATED_PASSWORD_LEN 20

/* Make a password people can type: GENERATED_PASSWORD_LEN characters from
 * an alphabet without look-alikes (0/O, 1/l/I), about 115 bits. */
void password_generate(char out[GENERATED_PASSWORD_LEN + 1]);

/* Check a new password typed twice (form fields field and again_field):
 * PASSWORD_MIN to PASSWORD_MAX characters, both the same. Errors go to fe
 * at the field; returns 0 when it is good, -1 otherwise. */
int password_check_new(struct request *req, struct form_errors *fe, const char *field, const char *again_field);

/* Unix time t as local date and time "2026-03-01 14:05" (in the arena). */
const char *time_text(struct request *req, long long t);

/* An ISO UTC time of the database ("2026-03-01T13:05:07.123Z" or without
 * milliseconds) as local date and time "2026-03-01 14:05:07"; the text
 * itself when it cannot be read. */
const char *iso_time_text(struct request *req, const char *iso);

/* Whether s has a control character (a line break, a tab, ...). */
int text_has_control(const char *s);

/* The longest display name and e-mail address, in bytes. */
#define DETAILS_MAX 200

/* Check the form fields display_name (one line, at most DETAILS_MAX) and
 * email (empty, or an address), when present; errors go to fe at the
 * field. */
void details_check(struct request *req, struct form_errors *fe);

/* Append a notice (role=status) with text to the page. */
void notice(struct request *req, const char *text);

#endif
