/*
 * banned.h - functions steiger never calls.
 *
 * Each of these either writes past the end of its destination when the input
 * is longer than expected (strcpy, strcat, sprintf, vsprintf, gets) or has
 * surprising semantics that have caused bugs elsewhere (strncpy does not
 * terminate, strtok keeps hidden state, atoi cannot report errors). Use the
 * buf_* functions of buf.h, buf_printf() of fmt.h, or strtol/strtod with
 * error checks instead. Modelled on git's banned.h: a call to a banned
 * function fails to compile with an error naming it.
 *
 * This header is included last by steiger.h so that it also covers the
 * system headers included before it.
 */
#ifndef STEIGER_BANNED_H
#define STEIGER_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef gets
#define gets(x) BANNED(gets)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef atof
#define atof(x) BANNED(atof)

#undef sprintf
#undef vsprintf
#define sprintf(...) BANNED(sprintf)
#define vsprintf(...) BANNED(vsprintf)

#endif
