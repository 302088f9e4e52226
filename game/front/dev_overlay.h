/* dev_overlay.h - the live preview's help for placing things on a scene (make dev).
 *
 * Only with ?dev=1 (the dev server adds it; natively --dev): the places of every hotspot
 * puzzle are outlined with their ids and rectangles (+ for a right place, × for a
 * decoy), and the pointer's position is shown in the scene's own coordinates, the
 * units of "rect" in a room file. Shift + drag on the scene measures a rectangle and prints
 * it as JSON ("rect": [x, y, w, h]) on the console, where web/dev.js shows it to copy.
 * Authors who use their own screenshot as the background mark places with no guessing.
 *
 *   dev_overlay_scene(g, ui, room, frame, scale);   // last thing of the scene pass
 *   if (dev_overlay_take_redraw()) dirty = true;    // each frame, after the events
 */
#ifndef PK_DEV_OVERLAY_H
#define PK_DEV_OVERLAY_H

#include <stdbool.h>

#include <SDL.h>

#include "../core/level.h"
#include "gfx.h"
#include "ui.h"

/* True when the page asked for the preview's overlay (?dev=1). */
bool dev_overlay_active(void);
/* Draws the overlay over a scene drawn into frame (logical units) at scale logical units per
   scene unit. Does nothing unless dev_overlay_active(). */
void dev_overlay_scene(gfx *g, ui *u, const level_room *room, SDL_Rect frame, float scale);
/* True once after the pointer moved over the overlay or a measure ended: draw again. */
bool dev_overlay_take_redraw(void);

#endif
