/*
 * assets.h - the stylesheet, script and icons compiled into the binary
 * (assets/, and the NL Design System CSS from npm), served under
 * /assets/HASH/NAME with a year of caching: a new build gives new URLs.
 */
#ifndef STEIGER_ASSETS_H
#define STEIGER_ASSETS_H

struct request;

/* The URL of asset name ("steiger.css"), with its content hash. */
const char *asset_url(const char *name);

/* Answer GET /assets/HASH/NAME. Returns the HTTP status. */
int asset_serve(struct request *req);

/* Compute the hashes; call once before serving. */
void assets_init(void);

#endif
