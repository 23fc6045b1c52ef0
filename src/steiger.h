/*
 * steiger.h - what every source file of steiger includes first.
 *
 * It pulls in the C library headers the code uses everywhere, the
 * dependency-free helpers of src/lib, the invariant macros, and last
 * banned.h, so that a banned function cannot be called anywhere.
 */
#ifndef STEIGER_H
#define STEIGER_H

#define _GNU_SOURCE 1

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/xalloc.h"
#include "lib/buf.h"
#include "lib/fmt.h"
#include "lib/err.h"
#include "lib/utf8.h"
#include "lib/arena.h"
#include "lib/num.h"
#include "lib/csv.h"
#include "lib/json.h"
#include "lib/i18n.h"
#include "lib/util.h"
#include "lib/strmap.h"
#include "lib/form.h"

#define STEIGER_VERSION "0.1.0"

/*
 * ALWAYS(x) and NEVER(x), as in SQLite: conditions that must hold. In a
 * debug build (without NDEBUG) a violation aborts at once; in a release
 * build the test stays in, so the code after it can recover defensively:
 *     if (NEVER(n < 0)) return E_INTERNAL;
 */
#ifndef NDEBUG
#define ALWAYS(x) (assert(x), 1)
#define NEVER(x) (assert(!(x)), 0)
#else
#define ALWAYS(x) (!!(x))
#define NEVER(x) (!!(x))
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#include "lib/banned.h"

#endif
