/*
 * auth.c - roles, permissions and passwords; see auth.h.
 */
#include "steiger.h"
#include "core/auth.h"
#include <sodium.h>

/* The permission table: rows are roles, columns permissions. */
static const unsigned char can[ROLE_COUNT][PERM_COUNT] = {
	/*                 READ INT EDIT COMM AUDIT ASSESS DECIDE ADMIN */
	[ROLE_BEHEERDER] = { 1, 1, 1, 1, 1, 1, 1, 1 }, [ROLE_MEDEWERKER] = { 1, 1, 1, 1, 1, 1, 0, 0 },
	[ROLE_BESTUUR] = { 1, 1, 0, 1, 1, 0, 1, 0 },   [ROLE_RAAD] = { 1, 1, 0, 1, 1, 0, 0, 0 },
	[ROLE_PARTNER] = { 1, 0, 0, 0, 0, 0, 0, 0 },   [ROLE_INWONER] = { 1, 0, 0, 0, 0, 0, 0, 0 },
};

static const char *const role_codes[ROLE_COUNT] = {
	"beheerder", "medewerker", "bestuur", "raad", "partner", "inwoner"
};

/* See auth.h. */
int role_can(enum role r, enum perm p)
{
	if (r < 0 || r >= ROLE_COUNT || p < 0 || p >= PERM_COUNT)
		return 0;
	return can[r][p];
}

/* See auth.h. */
int role_by_code(const char *code)
{
	for (int i = 0; code && i < ROLE_COUNT; i++)
		if (strcmp(code, role_codes[i]) == 0)
			return i;
	return -1;
}

/* See auth.h. */
const char *role_code(enum role r)
{
	return r >= 0 && r < ROLE_COUNT ? role_codes[r] : "?";
}

/* See auth.h. */
const char *perm_label(enum perm p)
{
	static const char *const labels[PERM_COUNT] = {
		N_("read the agenda"), N_("read internal details"), N_("edit registers"),
		N_("comment"),         N_("read the audit log"),    N_("assess"),
		N_("decide"),          N_("manage accounts"),
	};
	return p >= 0 && p < PERM_COUNT ? tr(labels[p]) : "?";
}

/* The argon2id cost: 2 passes over 19 MiB, OWASP's recommendation for
 * argon2id; with 64 MiB (libsodium's "interactive") a few logins at once
 * would take more memory than the whole server may use. */
#define PW_OPSLIMIT 2
#define PW_MEMLIMIT (19u * 1024 * 1024)

/* See auth.h. */
int password_hash(const char *password, char out[PASSWORD_HASH_SIZE])
{
	size_t n = strlen(password);
	if (n < PASSWORD_MIN || n > PASSWORD_MAX)
		return -1;
	if (crypto_pwhash_str_alg(out, password, n, PW_OPSLIMIT, PW_MEMLIMIT, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return -1;
	return 0;
}

/* A hash of nobody's password, to spend the time of a real check on an
 * unknown account (made by auth_init). */
static char dummy[crypto_pwhash_STRBYTES];

/* See auth.h. */
int password_verify(const char *hash, const char *password)
{
	size_t n = strlen(password);
	if (!hash || !*hash || n > PASSWORD_MAX) {
		/* Spend the time of a real check, so that the answer does not
		 * tell whether the account exists. */
		if (dummy[0] && crypto_pwhash_str_verify(dummy, password, n > PASSWORD_MAX ? PASSWORD_MAX : n) == 0)
			return 0; /* cannot happen: nobody's password */
		return 0;
	}
	return crypto_pwhash_str_verify(hash, password, n) == 0;
}

/* See auth.h. */
void random_hex(char *out, size_t n)
{
	unsigned char *bytes = xmalloc(n);
	randombytes_buf(bytes, n);
	sodium_bin2hex(out, 2 * n + 1, bytes, n);
	sodium_memzero(bytes, n);
	free(bytes);
}

/* See auth.h. */
void sha256_hex(const char *s, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
	sodium_bin2hex(out, 65, h, sizeof(h));
}

/* See auth.h. */
int equal_secret(const char *a, const char *b)
{
	size_t n = strlen(a);
	if (n != strlen(b))
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

/* See auth.h. */
int auth_init(void)
{
	if (sodium_init() < 0)
		return -1;
	if (!dummy[0] && crypto_pwhash_str_alg(dummy, "not a password of anyone", 24, PW_OPSLIMIT, PW_MEMLIMIT,
					       crypto_pwhash_ALG_ARGON2ID13) != 0)
		dummy[0] = '\0';
	return 0;
}
