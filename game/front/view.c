/* view.c - the actions a view gives back (see view.h). */
#include "view.h"

bool view_emit(view_ctx *c, const view_action *a)
{
    if (c->action_count >= VIEW_MAX_ACTIONS) return false;
    c->actions[c->action_count++] = *a;
    return true;
}

bool view_emit_kind(view_ctx *c, view_action_kind kind, int index)
{
    return view_emit(c, &(view_action){.kind = kind, .index = index});
}
