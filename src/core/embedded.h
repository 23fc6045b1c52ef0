/*
 * embedded.h - files compiled into the binary (tools/embed.c): the example
 * data set of data/zoetermeer, and later the web assets.
 */
#ifndef STEIGER_EMBEDDED_H
#define STEIGER_EMBEDDED_H

#include <stddef.h>

/* One embedded file. */
struct embedded_file {
	const char *path; /* path relative to its directory, e.g. "items.csv" */
	const char *data; /* its bytes, followed by a NUL */
	size_t len;       /* number of bytes, without the NUL */
};

/* The example data set (data/zoetermeer). */
extern const struct embedded_file example_files[];
extern const size_t example_files_count;

/* The web assets (assets/: stylesheet, script, icons). */
extern const struct embedded_file asset_files[];
extern const size_t asset_files_count;

/* The OpenAPI document of the JSON API (api/openapi.json). */
extern const struct embedded_file openapi_files[];
extern const size_t openapi_files_count;

#endif
