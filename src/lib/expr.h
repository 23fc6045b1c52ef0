/*
 * expr.h - small arithmetic and logical expressions over named numbers,
 * for rules that staff write and change as data ("alignment < 0 and
 * contract_months > 0").
 *
 * Grammar (whitespace between tokens is free; names are case-sensitive):
 *
 *   expr    = or
 *   or      = and { "or" and }
 *   and     = not { "and" not }
 *   not     = "not" not | compare
 *   compare = sum [ ("<" | "<=" | ">" | ">=" | "=" | "!=") sum ]
 *   sum     = product { ("+" | "-") product }
 *   product = unary { ("*" | "/") unary }
 *   unary   = "-" unary | primary
 *   primary = NUMBER | NAME | "(" expr ")" | "missing" "(" NAME ")"
 *
 * NUMBER is a decimal with a point (0.5, 12, 1e6); NAME is a letter or
 * '_' followed by letters, digits and '_', and must be one of the names
 * the caller allows. Values are doubles; a comparison or logical operator
 * gives 1 (true) or 0 (false), and any other non-zero number is true. A
 * name whose value is missing is NaN, "unknown": arithmetic with it and
 * every comparison with it are unknown, and logic is three-valued as in
 * SQL (false and unknown = false, true or unknown = true, not unknown =
 * unknown). missing(NAME) is 1 when the value is missing, else 0.
 * Division by zero is unknown. A condition that comes out unknown does
 * not hold (expr_true), so a missing value never makes a rule apply by
 * accident, also not under "not".
 */
#ifndef STEIGER_EXPR_H
#define STEIGER_EXPR_H

#include <stddef.h>
#include "err.h"

/* The longest expression accepted, in bytes, and the deepest nesting. */
#define EXPR_MAX_TEXT 2000
#define EXPR_MAX_DEPTH 50

/* A parsed expression: a program for a small stack machine. */
struct expr {
	struct expr_op *ops; /* the operations in order */
	size_t n;            /* their number */
};

/* Parse text. names (n of them) are the names it may use; a NAME is
 * stored as its index in names. Returns 0, or E_INPUT with a message in e
 * that gives the position (1-based character) and what was expected.
 * Free with expr_free (also after an error). */
int expr_parse(const char *text, const char *const *names, size_t n, struct expr *out, struct err *e);

/* Evaluate x with values[i] the value of names[i] (NaN: missing); NaN
 * when the result is unknown. */
double expr_eval(const struct expr *x, const double *values);

/* Whether x holds for values: its value is known and not 0. */
int expr_true(const struct expr *x, const double *values);

/* Free what x holds. */
void expr_free(struct expr *x);

#endif
