/* platform.h - what differs between the browser and the desktop, behind one interface.
 *
 * The only files that test __EMSCRIPTEN__ are platform_web.c and platform_native.c.
 * Game and front-end code call these functions and never ask where they run.
 *
 *   plat_run(frame, app);      // native: loops until plat_quit(); web: returns at once
 *   plat_fetch h = plat_fetch_start("levels/game.json");
 *   ... each frame: if (plat_fetch_state(h) == PLAT_FETCH_DONE) use plat_fetch_data(h, &len);
 *   plat_fetch_release(h);
 */
#ifndef PK_PLATFORM_H
#define PK_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- main loop ---------------------------------------------------------------------------- */

/* Remembers the command line (native flags such as --room=outlook --mirror); call first. */
void plat_init(int argc, char **argv);

typedef void (*plat_frame_fn)(void *user);

/* Calls frame once per display frame until plat_quit(). On the web this hands the loop to the
   browser (requestAnimationFrame) and returns; natively it blocks. No ASYNCIFY needed. */
void plat_run(plat_frame_fn frame, void *user);
void plat_quit(void);
/* The frame had nothing to draw. On the web the loop then stops asking the browser for frames
   until input, a finished fetch, the page's text field or wake_in_ms (< 0: none) wakes it, so a
   still screen costs no CPU; page state the engine polls is still seen within half a second.
   Natively nothing changes (the loop keeps its pace). */
void plat_idle(double wake_in_ms);
/* Milliseconds since start, monotonic. */
double plat_now_ms(void);

/* ---- assets: a request, a state, a result (STYLE.md 4) ------------------------------------ */

/* The one size of the game's file pool: the requests in flight or held at once (fonts, the
   manifest, rooms and comics while they load; images and the comic lettering while a screen
   uses them). The front end's asset pool (ASSET_MAX, game/front/asset.h) and image cache are
   this size, and pakopeli-lint refuses content whose files cannot all be held at once. */
enum { PLAT_FETCH_SLOTS = 64 };

/* A request: its slot and the slot's generation when it was made, so a handle kept after its
   release (the slot taken by another file) reads as no request, never as the other file. */
typedef struct plat_fetch {
    int id;       /* slot + 1; 0 is "no request" */
    uint32_t gen; /* the slot's generation at the request */
} plat_fetch;

typedef enum plat_fetch_state { PLAT_FETCH_NONE, PLAT_FETCH_PENDING, PLAT_FETCH_DONE, PLAT_FETCH_FAILED } plat_fetch_state_t;

/* Starts loading a file relative to the game's root (the served folder on the web, the
   working directory natively). Returns {0} when all PLAT_FETCH_SLOTS are in use. */
plat_fetch plat_fetch_start(const char *path);
plat_fetch_state_t plat_fetch_state(plat_fetch h);
/* The loaded bytes, NUL-terminated (len excludes the NUL); owned by the request until released. */
const char *plat_fetch_data(plat_fetch h, size_t *len);
void plat_fetch_release(plat_fetch h);

/* The pixels of a PNG, JPEG or SVG file, decoded by the platform: w * h pixels, 4 bytes each in
   the order R, G, B, A (straight alpha), rows without padding, in a malloc'd buffer the caller
   frees; NULL when the bytes are not an image the platform can decode. PNG and JPEG come at
   their own size (fit_w and fit_h are not used); an SVG is drawn to fit within fit_w x fit_h
   keeping its shape (w and h rounded up), or at its own size when both are 0 (the root's width
   and height, else its viewBox's). On the web the browser decodes and draws them
   (createImageBitmap, an <img> of the SVG) while the file is fetched, so bytes must be
   plat_fetch_data of a request still held, and the WebAssembly carries no image decoder or SVG
   renderer of its own (docs/performance.md, issue 18); the decoded picture waits in the page,
   outside the wasm heap, and each call draws its pixels again (an SVG at the asked size, so it
   stays sharp at any zoom). Natively SDL_image decodes any bytes (nanosvg for SVG: the subset
   pakopeli-lint lets content use draws the same in both). */
unsigned char *plat_decode_image(const char *bytes, size_t len, int fit_w, int fit_h, int *w, int *h);

/* ---- settings and progress storage (localStorage on the web, a file natively) ------------- */

/* Stores a small value under key; false if storage refused it. */
bool plat_store_set(const char *key, const char *value);
/* Copies the stored value into out (NUL-terminated); false when there is none. */
bool plat_store_get(const char *key, char *out, size_t cap);

/* ---- the page around the game ------------------------------------------------------------- */

/* A query parameter of the page URL (?room=outlook), or a command-line --name=value natively. */
bool plat_param(const char *name, char *out, size_t cap);
/* The user's preferred language code ("fi-FI", "en-GB" ...), or "" when unknown. */
void plat_preferred_language(char *out, size_t cap);

/* Screen-reader mirror: `screen` is every text on screen, one item per line (with the
   structure lines of ui.h: headings, groups, dialogs), `focus` the focused control, and
   `news` what is new since the last call, each line to be said once (may be ""). On the web
   they become the page's text version of the game, and two live regions (news, focus);
   natively they go to stdout when --mirror is given (so headless tests can read the game). */
void plat_mirror(const char *screen, const char *focus, const char *news);
/* Hands one answer event (JSON, see core/report.h) to the page's reporter (web/report.js),
   which keeps it in browser storage until the report server has it. Natively: printed
   with --mirror, so tests can see what would be sent. */
void plat_send_event(const char *json);
/* A real text field of the page over the game at the logical rectangle (x, y, w, h), so a
   phone shows its keyboard and a screen reader knows it is a field. Returns false where there
   is none (natively, where SDL's text input is used instead). */
bool plat_text_field_open(int x, int y, int w, int h, const char *label, const char *value);
void plat_text_field_close(void);
/* Copies the field's text; false once the field has closed (the player tapped elsewhere).
   *submitted is set when Enter was pressed in it since the last call. */
bool plat_text_field_poll(char *out, size_t cap, bool *submitted);

/* The completion code the report server gave for this play-through (HR can verify it), or
   false while there is none (no server, not sent yet). */
bool plat_completion_code(char *out, size_t cap);

/* Hands the player's rating (1-5) and optional comment of the game to the page's reporter. */
void plat_send_feedback(int rating, const char *comment);
/* Tells the page the game's language ("fi", "sv", "en"): its own texts and <html lang> follow. */
void plat_page_language(const char *code);
/* Tells the page the game's size in units (CSS px on the web; it maps mirrored control
   rectangles with it). */
void plat_layout(int w, int h);
/* The user asked the system for reduced motion (prefers-reduced-motion on the web). */
bool plat_prefers_reduced_motion(void);
/* Moves keyboard focus from the game to the page element after (forward) or before it. */
void plat_leave_focus(bool forward);
/* Tells the page the game reached a named milestone ("first-frame", "interactive"), for
   tests and benchmarks. */
void plat_mark(const char *name);
/* Reports one drawn frame: how long the frame function took (ms, plat_now_ms) and how many
   texts it rasterised, for the benchmark (tests/bench). The web keeps the recent ones for the
   page (window.pakopeli.frames); natively it does nothing. shown: false when the frame was left
   for later (a text over the frame's budget, app.c): the page still shows the one before, and
   window.pakopeli.held says so until a frame is shown (tests wait for it after their input). */
void plat_frame_stats(double ms, int text_renders, bool shown);

/* ---- a learning platform (SCORM: web/scorm.js, only in the packages `make scorm` builds) ---- */

/* True when the game runs in a learning platform's package: it then reports its progress with
   plat_lms_progress. On the web, when scorm.js is on the page; natively never. */
bool plat_lms_active(void);
/* The resume state the platform kept for this learner (cmi.suspend_data, core/resume.h);
   false when there is none or it does not fit cap. */
bool plat_lms_resume(char *out, size_t cap);
/* Hands the platform the play-through after an answer or a room change: the resume state
   (NULL when it could not be written), the score 0-100 and whether every required room is
   solved. The page writes them to the platform and commits at once. */
void plat_lms_progress(const char *resume, int score, bool completed);

/* ---- live preview (make dev, docs/authoring.md) ------------------------------------------- */

/* True once after an author saved a content file, so the game loads its content again: on the
   web when the dev server's page glue (web/dev.js) sets window.pakopeli.reloadRequested;
   natively with --dev, when a levels/ file changes (checked once a second). Else never. */
bool plat_reload_requested(void);

#endif
