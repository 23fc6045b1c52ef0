#include "steiger.h"
#include "cmd/cmd.h"
int cmd_export(struct cmd_ctx *ctx) { (void)ctx; return 0; }
int cmd_list(struct cmd_ctx *ctx) { (void)ctx; return 0; }
int cmd_show(struct cmd_ctx *ctx) { (void)ctx; return 0; }
int cmd_set(struct cmd_ctx *ctx) { (void)ctx; return 0; }
int cmd_status(struct cmd_ctx *ctx) { (void)ctx; return 0; }
int cmd_check(struct cmd_ctx *ctx) { (void)ctx; return 0; }
int cmd_help(struct cmd_ctx *ctx) { (void)ctx; return 0; }
int cmd_version(struct cmd_ctx *ctx) { (void)ctx; return 0; }
