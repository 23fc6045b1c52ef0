/*
 * expr.c - parsing expressions into a stack program and running it; see
 * expr.h for the language.
 */
#include "steiger.h"
#include "lib/expr.h"
#include <math.h>

/* The operations of the stack machine. */
enum op_code {
	OP_NUMBER,  /* push value */
	OP_NAME,    /* push values[index] */
	OP_MISSING, /* push 1 when values[index] is NaN, else 0 */
	OP_NEG,     /* unary minus */
	OP_ADD,
	OP_SUB,
	OP_MUL,
	OP_DIV,
	OP_LT,
	OP_LE,
	OP_GT,
	OP_GE,
	OP_EQ,
	OP_NE,
	OP_AND,
	OP_OR,
	OP_NOT
};

/* One operation. */
struct expr_op {
	enum op_code code; /* what it does */
	double value;      /* OP_NUMBER: the number */
	size_t index;      /* OP_NAME, OP_MISSING: the name's index */
};

/* The state of the parser. */
struct parser {
	const char *text;         /* the whole text */
	const char *p;            /* the next character */
	const char *const *names; /* the names allowed */
	size_t nnames;
	struct expr *out; /* the program being built */
	size_t cap;       /* room in out->ops */
	int depth;        /* nesting of parentheses and operators */
	struct err *e;    /* where errors go */
	int failed;       /* an error was set */
};

static void parse_or(struct parser *ps);

/* Note an error at the current position (only the first counts). */
static void fail(struct parser *ps, const char *expected)
{
	if (ps->failed)
		return;
	ps->failed = 1;
	size_t at = (size_t)(ps->p - ps->text) + 1;
	if (*ps->p)
		err_set(ps->e, E_INPUT, _("at character %zu: expected %s, found \"%.20s\""), at, expected, ps->p);
	else
		err_set(ps->e, E_INPUT, _("at the end: expected %s"), expected);
}

/* Append an operation to the program. */
static void emit(struct parser *ps, enum op_code code, double value, size_t index)
{
	ARRAY_GROW(ps->out->ops, ps->cap, ps->out->n + 1);
	ps->out->ops[ps->out->n++] = (struct expr_op){ code, value, index };
}

/* Skip white space. */
static void skip_blank(struct parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
		ps->p++;
}

/* Whether c may start a name. */
static int name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Whether c may continue a name. */
static int name_char(char c)
{
	return name_start(c) || (c >= '0' && c <= '9');
}

/* The length of the name at p (0 when none). */
static size_t name_len(const char *p)
{
	size_t n = 0;
	if (!name_start(*p))
		return 0;
	while (name_char(p[n]))
		n++;
	return n;
}

/* Whether the word at the current position is keyword (a whole name). */
static int at_word(struct parser *ps, const char *keyword)
{
	size_t n = strlen(keyword);
	skip_blank(ps);
	return name_len(ps->p) == n && strncmp(ps->p, keyword, n) == 0;
}

/* Consume punctuation tok when it is next; returns whether it was. */
static int accept(struct parser *ps, const char *tok)
{
	skip_blank(ps);
	size_t n = strlen(tok);
	if (strncmp(ps->p, tok, n) != 0)
		return 0;
	ps->p += n;
	return 1;
}

/* The index of the name of length n at p among the allowed names, or
 * SIZE_MAX. */
static size_t name_index(struct parser *ps, const char *p, size_t n)
{
	for (size_t i = 0; i < ps->nnames; i++)
		if (strlen(ps->names[i]) == n && strncmp(ps->names[i], p, n) == 0)
			return i;
	return SIZE_MAX;
}

/* Parse a name that must be allowed; returns its index or SIZE_MAX. */
static size_t parse_name(struct parser *ps)
{
	size_t n, i;
	skip_blank(ps);
	n = name_len(ps->p);
	if (!n) {
		fail(ps, _("a name"));
		return SIZE_MAX;
	}
	if ((i = name_index(ps, ps->p, n)) == SIZE_MAX) {
		struct buf known = BUF_INIT;
		for (size_t k = 0; k < ps->nnames; k++)
			buf_printf(&known, "%s%s", k ? ", " : "", ps->names[k]);
		ps->failed = 1;
		err_set(ps->e, E_INPUT, _("at character %zu: unknown name \"%.*s\"; known are %s"),
			(size_t)(ps->p - ps->text) + 1, (int)n, ps->p, known.data);
		buf_free(&known);
		return SIZE_MAX;
	}
	ps->p += n;
	return i;
}

/* primary = NUMBER | NAME | "(" expr ")" | "missing" "(" NAME ")" */
static void parse_primary(struct parser *ps)
{
	skip_blank(ps);
	if ((*ps->p >= '0' && *ps->p <= '9') || *ps->p == '.') {
		char *end;
		double v = strtod(ps->p, &end);
		if (end == ps->p || !isfinite(v))
			return fail(ps, _("a number"));
		ps->p = end;
		emit(ps, OP_NUMBER, v, 0);
	} else if (at_word(ps, "missing")) {
		ps->p += 7;
		if (!accept(ps, "("))
			return fail(ps, "\"(\"");
		size_t i = parse_name(ps);
		if (i == SIZE_MAX)
			return;
		if (!accept(ps, ")"))
			return fail(ps, "\")\"");
		emit(ps, OP_MISSING, 0, i);
	} else if (accept(ps, "(")) {
		if (++ps->depth > EXPR_MAX_DEPTH)
			return fail(ps, _("less deeply nested parentheses"));
		parse_or(ps);
		ps->depth--;
		if (!ps->failed && !accept(ps, ")"))
			fail(ps, "\")\"");
	} else if (name_len(ps->p) && !at_word(ps, "and") && !at_word(ps, "or") && !at_word(ps, "not")) {
		size_t i = parse_name(ps);
		if (i != SIZE_MAX)
			emit(ps, OP_NAME, 0, i);
	} else {
		fail(ps, _("a number, a name or \"(\""));
	}
}

/* unary = "-" unary | primary */
static void parse_unary(struct parser *ps)
{
	if (accept(ps, "-")) {
		if (++ps->depth > EXPR_MAX_DEPTH)
			return fail(ps, _("fewer signs in a row"));
		parse_unary(ps);
		ps->depth--;
		emit(ps, OP_NEG, 0, 0);
	} else {
		parse_primary(ps);
	}
}

/* product = unary { ("*" | "/") unary } */
static void parse_product(struct parser *ps)
{
	parse_unary(ps);
	while (!ps->failed) {
		enum op_code c;
		if (accept(ps, "*"))
			c = OP_MUL;
		else if (accept(ps, "/"))
			c = OP_DIV;
		else
			break;
		parse_unary(ps);
		emit(ps, c, 0, 0);
	}
}

/* sum = product { ("+" | "-") product } */
static void parse_sum(struct parser *ps)
{
	parse_product(ps);
	while (!ps->failed) {
		enum op_code c;
		if (accept(ps, "+"))
			c = OP_ADD;
		else if (accept(ps, "-"))
			c = OP_SUB;
		else
			break;
		parse_product(ps);
		emit(ps, c, 0, 0);
	}
}

/* compare = sum [ op sum ] */
static void parse_compare(struct parser *ps)
{
	static const struct {
		const char *tok;   /* the operator */
		enum op_code code; /* its operation */
	} ops[] = { { "<=", OP_LE }, { ">=", OP_GE }, { "!=", OP_NE }, { "<", OP_LT }, { ">", OP_GT }, { "=", OP_EQ } };
	parse_sum(ps);
	for (size_t i = 0; !ps->failed && i < ARRAY_SIZE(ops); i++)
		if (accept(ps, ops[i].tok)) {
			parse_sum(ps);
			emit(ps, ops[i].code, 0, 0);
			break;
		}
}

/* not = "not" not | compare */
static void parse_not(struct parser *ps)
{
	if (at_word(ps, "not")) {
		ps->p += 3;
		if (++ps->depth > EXPR_MAX_DEPTH)
			return fail(ps, _("fewer \"not\" in a row"));
		parse_not(ps);
		ps->depth--;
		emit(ps, OP_NOT, 0, 0);
	} else {
		parse_compare(ps);
	}
}

/* and = not { "and" not } */
static void parse_and(struct parser *ps)
{
	parse_not(ps);
	while (!ps->failed && at_word(ps, "and")) {
		ps->p += 3;
		parse_not(ps);
		emit(ps, OP_AND, 0, 0);
	}
}

/* or = and { "or" and } */
static void parse_or(struct parser *ps)
{
	parse_and(ps);
	while (!ps->failed && at_word(ps, "or")) {
		ps->p += 2;
		parse_and(ps);
		emit(ps, OP_OR, 0, 0);
	}
}

/* See expr.h. */
int expr_parse(const char *text, const char *const *names, size_t n, struct expr *out, struct err *e)
{
	struct parser ps = { text, text, names, n, out, 0, 0, e, 0 };
	memset(out, 0, sizeof(*out));
	if (strlen(text) > EXPR_MAX_TEXT)
		return err_set(e, E_INPUT, _("the expression is longer than %d characters"), EXPR_MAX_TEXT);
	parse_or(&ps);
	skip_blank(&ps);
	if (!ps.failed && *ps.p)
		fail(&ps, _("an operator or the end"));
	return ps.failed ? E_INPUT : 0;
}

/* Three-valued truth of v: 1 true, 0 false, NaN unknown. */
static double truth(double v)
{
	return isnan(v) ? NAN : v != 0;
}

/* See expr.h. */
double expr_eval(const struct expr *x, const double *values)
{
	double stack[EXPR_MAX_TEXT + 1];
	size_t top = 0;
	for (size_t i = 0; i < x->n; i++) {
		const struct expr_op *o = &x->ops[i];
		double b = top ? stack[top - 1] : NAN, a = top > 1 ? stack[top - 2] : NAN, r;
		switch (o->code) {
		case OP_NUMBER: stack[top++] = o->value; continue;
		case OP_NAME: stack[top++] = values[o->index]; continue;
		case OP_MISSING: stack[top++] = isnan(values[o->index]); continue;
		case OP_NEG: stack[top - 1] = -b; continue;
		case OP_NOT: stack[top - 1] = isnan(b) ? NAN : !truth(b); continue;
		case OP_ADD: r = a + b; break;
		case OP_SUB: r = a - b; break;
		case OP_MUL: r = a * b; break;
		case OP_DIV: r = b == 0 ? NAN : a / b; break;
		case OP_LT: r = isnan(a) || isnan(b) ? NAN : a < b; break;
		case OP_LE: r = isnan(a) || isnan(b) ? NAN : a <= b; break;
		case OP_GT: r = isnan(a) || isnan(b) ? NAN : a > b; break;
		case OP_GE: r = isnan(a) || isnan(b) ? NAN : a >= b; break;
		case OP_EQ: r = isnan(a) || isnan(b) ? NAN : a == b; break;
		case OP_NE: r = isnan(a) || isnan(b) ? NAN : a != b; break;
		case OP_AND:
			a = truth(a), b = truth(b);
			r = (a == 0 || b == 0) ? 0 : (isnan(a) || isnan(b)) ? NAN : 1;
			break;
		case OP_OR:
			a = truth(a), b = truth(b);
			r = (a == 1 || b == 1) ? 1 : (isnan(a) || isnan(b)) ? NAN : 0;
			break;
		default: r = NAN;
		}
		stack[top - 2] = r;
		top--;
	}
	return top ? stack[top - 1] : NAN;
}

/* See expr.h. */
int expr_true(const struct expr *x, const double *values)
{
	double v = expr_eval(x, values);
	return !isnan(v) && v != 0;
}

/* See expr.h. */
void expr_free(struct expr *x)
{
	free(x->ops);
	memset(x, 0, sizeof(*x));
}
