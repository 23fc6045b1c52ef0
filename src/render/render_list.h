/*
 * render_list.h - printing listings (db/list.h) for people and as JSON.
 */
#ifndef STEIGER_RENDER_LIST_H
#define STEIGER_RENDER_LIST_H

#include "db/list.h"

/* Append res as a text table (header underlined, numbers right-aligned,
 * illustrative values starred with a note below), each line indented. */
void render_list_table(struct buf *out, const struct list_result *res, int indent);

/* Append res as a JSON array of objects. */
void render_list_json(struct buf *out, const struct list_result *res);

/* Write res to standard output: as a JSON array and a newline when json,
 * else as a text table. */
void render_list_print(const struct list_result *res, int json);

#endif
