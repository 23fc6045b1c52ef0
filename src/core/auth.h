/*
 * auth.h - who may do what: the roles, the permissions of each role, and
 * password hashing (argon2id through libsodium).
 *
 * The roles are those of the mission: beheerder (administrator),
 * medewerker (staff: edit registers, assess), bestuur (executive: decide,
 * sign), raad (council: read all, comment), partner and inwoner
 * (resident). Every route and every object access is checked against
 * role_can() on the server; doc/security.md is the same table for people.
 */
#ifndef STEIGER_AUTH_H
#define STEIGER_AUTH_H

#include <stddef.h>

enum role { ROLE_BEHEERDER, ROLE_MEDEWERKER, ROLE_BESTUUR, ROLE_RAAD, ROLE_PARTNER, ROLE_INWONER, ROLE_COUNT };

/* What a role may do. */
enum perm {
	PERM_READ,          /* the vision, the running items, areas, organisations */
	PERM_READ_INTERNAL, /* contracts, partners' willingness, archived items, history */
	PERM_EDIT,          /* create, change and archive register records */
	PERM_COMMENT,       /* comment on items */
	PERM_AUDIT,         /* read the audit log */
	PERM_ASSESS,        /* score items in assessment rounds */
	PERM_DECIDE,        /* record decisions */
	PERM_ADMIN,         /* manage accounts and API tokens */
	PERM_COUNT
};

/* Whether role r has permission p. */
int role_can(enum role r, enum perm p);

/* The role named code ("medewerker"), or -1. */
int role_by_code(const char *code);

/* The code of role r ("medewerker"). */
const char *role_code(enum role r);

/* The human name of permission p (translated). */
const char *perm_label(enum perm p);

/* The shortest and longest password accepted. */
#define PASSWORD_MIN 12
#define PASSWORD_MAX 1024

/* The size of a stored password hash, with its NUL. */
#define PASSWORD_HASH_SIZE 128

/* Hash password into out (argon2id, its parameters and salt in the
 * string). Returns 0, or -1 when the password is too short or too long or
 * memory ran out. */
int password_hash(const char *password, char out[PASSWORD_HASH_SIZE]);

/* Whether password matches hash (in constant time). A NULL or empty hash
 * never matches, but costs the same time as a real check. */
int password_verify(const char *hash, const char *password);

/* Fill out (2*n + 1 bytes) with n random bytes as lower-case hex. */
void random_hex(char *out, size_t n);

/* The SHA-256 of s as 64 hex characters and a NUL, into out. */
void sha256_hex(const char *s, char out[65]);

/* Whether a and b (NUL-terminated) are equal, in time that depends only on
 * their lengths. */
int equal_secret(const char *a, const char *b);

/* Initialise libsodium; call once before the functions above. Returns 0
 * or -1. */
int auth_init(void);

#endif
