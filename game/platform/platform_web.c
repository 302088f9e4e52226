/* platform_web.c - the browser implementation of platform.h. Browser glue lives here only:
 * the page (web/index.html) provides window.pakopeli.{mirror,mark}. */
#if defined(__EMSCRIPTEN__)

#include "platform.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

typedef struct fetch_slot {
    plat_fetch_state_t state;
    uint32_t generation; /* a released slot may be reused; late callbacks must not fill it */
    char *data;
    size_t len;
    float w, h; /* the picture's own size, decoded by the browser (plat_decode_image); 0: none */
    bool svg;   /* drawn at the size asked, not copied at its own */
} fetch_slot;

static struct {
    fetch_slot fetches[PLAT_FETCH_SLOTS];
} plat;

void plat_init(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    /* Take keys only while the canvas has focus, so the page's own keys keep working. */
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
}

/* The loop asks the browser for one animation frame at a time and stops asking while the game
   is idle (plat_idle), so a still screen costs no CPU; input (any SDL event), a finished fetch,
   the page's text field or a deadline asks again. Emscripten's own main loop cannot do this:
   resuming it from an event handler would unwind the C stack. */
enum { IDLE_POLL_MS = 500 }; /* longest sleep: page state the engine polls is seen this soon */

static struct {
    plat_frame_fn frame;
    void *user;
    bool scheduled, idle, quit;
    long timer;
} loop;

static EM_BOOL on_animation_frame(double t, void *arg);

static void schedule(void)
{
    if (loop.scheduled || loop.quit || !loop.frame) return;
    loop.scheduled = true;
    emscripten_request_animation_frame(on_animation_frame, NULL);
}

static EM_BOOL on_animation_frame(double t, void *arg)
{
    (void)t;
    (void)arg;
    loop.scheduled = false;
    loop.idle = false;
    loop.frame(loop.user);
    if (!loop.idle) schedule();
    return EM_FALSE;
}

static void on_timeout(void *arg)
{
    (void)arg;
    loop.timer = 0;
    schedule();
}

static int SDLCALL on_sdl_event(void *arg, SDL_Event *e)
{
    (void)arg;
    if (e->type != SDL_POLLSENTINEL) schedule(); /* SDL_PollEvent pushes that one itself */
    return 1;
}

/* Called by the page (a key in the answer field, see js_field_open). */
EMSCRIPTEN_KEEPALIVE void plat_web_wake(void);
void plat_web_wake(void) { schedule(); }

void plat_idle(double wake_in_ms)
{
    loop.idle = true;
    if (wake_in_ms < 0 || wake_in_ms > IDLE_POLL_MS) wake_in_ms = IDLE_POLL_MS;
    if (loop.timer) emscripten_clear_timeout(loop.timer);
    loop.timer = emscripten_set_timeout(on_timeout, wake_in_ms, NULL);
}

void plat_run(plat_frame_fn frame, void *user)
{
    loop.frame = frame;
    loop.user = user;
    SDL_AddEventWatch(on_sdl_event, NULL);
    schedule();
    emscripten_exit_with_live_runtime(); /* never return into main: the page keeps running */
}

void plat_quit(void) { loop.quit = true; }

double plat_now_ms(void) { return emscripten_get_now(); }

static void *pack(int slot, uint32_t gen) { return (void *)(uintptr_t)((gen << 8) | (uint32_t)slot); }

static fetch_slot *unpack(void *arg)
{
    uintptr_t v = (uintptr_t)arg;
    fetch_slot *s = &plat.fetches[v & 0xff];
    return (s->generation == (uint32_t)(v >> 8) && s->state == PLAT_FETCH_PENDING) ? s : NULL;
}

/* Pictures are decoded by the browser, whose decoders and SVG renderer every page has anyway,
   instead of SDL_image's stb_image and nanosvg in the WebAssembly (docs/performance.md, issue
   18: 8.5 kB and 9 kB of the first load's brotli, and nanosvg took 50-60 ms to draw the lobby's
   scene in the first frame that Chromium draws in a few). Decoding is asynchronous in a browser,
   so it runs while the file is still "pending": its request is done when the picture is
   decoded. The decoded picture (an ImageBitmap, or for an SVG an <img> of it) stays in the
   page, outside the wasm heap, until the request is released; plat_decode_image draws its
   pixels synchronously through a canvas, each time it is asked (the comic view drops other
   pages' textures and decodes again; an SVG is drawn again at a new size when the zoom
   grows). Straight alpha and no colour management, as stb_image and nanosvg gave (a canvas
   keeps premultiplied pixels, so a half-transparent pixel may differ by a step of rounding; a
   JPEG's by its decoder's IDCT, a step or two; an SVG's edges by the renderers' antialiasing).
   A file the browser cannot decode is done without a picture: gfx draws nothing for it, as
   before. */
EM_JS(void, js_decode_image, (void *arg, const char *bytes, int len, int svg), {
    var pics = Module.pkImages = Module.pkImages || {};
    var copy = HEAPU8.slice(bytes, bytes + len);
    function done(pic, w, h) {
        if (pic && _plat_image_done(arg, w, h)) pics[arg] = pic;
        else if (pic && pic.close) pic.close(); /* released meanwhile, or not a picture */
        if (!pic) _plat_image_done(arg, 0, 0);
    }
    if (svg) {
        /* Its own size as nanosvg reads it (natively, and in pakopeli-lint): the root's width
           and height in px, else its viewBox's. A percentage is no size. */
        var root = new DOMParser().parseFromString(new TextDecoder().decode(copy), 'image/svg+xml').documentElement;
        var box = (root.getAttribute('viewBox') || "").trim().split(/[^0-9eE.+-]+/).map(Number);
        function size(name, i) {
            var v = root.getAttribute(name) || "";
            return v.indexOf('%') < 0 && parseFloat(v) > 0 ? parseFloat(v) : box.length == 4 ? box[i] : 0;
        }
        var w = size('width', 2), h = size('height', 3);
        /* decoded by the page already when it was a preload (web/shell.js, pictures) */
        var early = Module.pkDecoding && Module.pkDecoding[arg];
        if (early) delete Module.pkDecoding[arg];
        /* decoded already: done now, so the frame that asked draws it (a promise's callback
           would come after that frame, which would show the loading screen instead) */
        if (early && early.img) return done(w > 0 && h > 0 ? early.img : null, w, h);
        var decoding = early || new Promise(function(ok, fail) {
            var img = new Image(), url = URL.createObjectURL(new Blob([copy], {type: 'image/svg+xml'}));
            img.src = url;
            img.decode().then(function() { URL.revokeObjectURL(url); ok(img); },
                              function(e) { URL.revokeObjectURL(url); fail(e); });
        });
        decoding.then(function(img) { done(w > 0 && h > 0 ? img : null, w, h); }, function() { done(null); });
        return;
    }
    if (typeof createImageBitmap != 'function') return setTimeout(function() { done(null); });
    createImageBitmap(new Blob([copy]), {premultiplyAlpha: 'none', colorSpaceConversion: 'none'}).then(function(bmp) {
        done(bmp, bmp.width, bmp.height);
    }).catch(function() { done(null); });
})

EM_JS(int, js_image_pixels, (void *arg, int w, int h, unsigned char *out), {
    var pic = Module.pkImages && Module.pkImages[arg];
    if (!pic) return 0;
    var c;
    if (typeof OffscreenCanvas == 'function') c = new OffscreenCanvas(w, h);
    else { c = document.createElement('canvas'); c.width = w; c.height = h; }
    var x = c.getContext('2d', {willReadFrequently: true});
    x.drawImage(pic, 0, 0, w, h);
    HEAPU8.set(x.getImageData(0, 0, w, h).data, out);
    return 1;
})

EM_JS(void, js_image_forget, (void *arg), {
    var pics = Module.pkImages;
    if (pics && pics[arg]) { if (pics[arg].close) pics[arg].close(); delete pics[arg]; }
})

static bool is_raster(const unsigned char *b, size_t n)
{
    return (n >= 8 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0) || (n >= 3 && b[0] == 0xff && b[1] == 0xd8 && b[2] == 0xff);
}

/* As SDL_image's IMG_isSVG, which decides natively: "<svg" in the first 4 kB. */
static bool is_svg(const char *b, size_t n)
{
    char head[4096];
    size_t k = n < sizeof head - 1 ? n : sizeof head - 1;
    memcpy(head, b, k);
    head[k] = '\0';
    return strstr(head, "<svg") != NULL;
}

/* Called from js_decode_image's JavaScript (exported, so it can). */
int plat_image_done(void *arg, double w, double h);

/* The browser decoded this request's picture, of its own size w x h (0 x 0: it could not):
   the request is done. 0 when the request was released meanwhile (the page then drops it). */
EMSCRIPTEN_KEEPALIVE int plat_image_done(void *arg, double w, double h)
{
    fetch_slot *s = unpack(arg);
    if (!s) return 0;
    bool ok = w > 0 && h > 0 && w <= 16384 && h <= 16384;
    s->w = ok ? (float)w : 0;
    s->h = ok ? (float)h : 0;
    s->state = PLAT_FETCH_DONE;
    schedule();
    return ok;
}

/* Called from js_fetch's JavaScript (exported, so it can). */
char *plat_fetch_buffer(void *arg, int size);
void plat_fetch_done(void *arg, int ok);

/* Room for a fetched file of size bytes in its request's slot (NUL-terminated), which
   js_fetch fills; NULL when the request was released meanwhile or memory ran out. */
EMSCRIPTEN_KEEPALIVE char *plat_fetch_buffer(void *arg, int size)
{
    fetch_slot *s = unpack(arg);
    if (!s || size < 0 || s->data) return NULL;
    s->data = malloc((size_t)size + 1);
    if (!s->data) return NULL;
    s->data[size] = '\0';
    s->len = (size_t)size;
    return s->data;
}

/* The request's bytes are in its slot (ok), or it failed. */
EMSCRIPTEN_KEEPALIVE void plat_fetch_done(void *arg, int ok)
{
    fetch_slot *s = unpack(arg);
    if (!s) return;
    if (!ok || !s->data) {
        free(s->data);
        s->data = NULL;
        s->len = 0;
        s->state = PLAT_FETCH_FAILED;
    } else if (is_raster((const unsigned char *)s->data, s->len) || is_svg(s->data, s->len)) {
        s->w = s->h = 0;
        s->svg = !is_raster((const unsigned char *)s->data, s->len);
        js_decode_image(arg, s->data, (int)s->len, s->svg); /* done when decoded: plat_image_done */
        return;
    } else {
        s->state = PLAT_FETCH_DONE;
    }
    schedule();
}

/* A file by fetch(). The page asks for the first load's files before the engine is there
   (web/shell.js, window.pakopeli.prefetched: the page's preloads, as bytes); such a file is
   taken from there, once (a reload of the content, make dev, fetches it anew), so the engine
   has it at once instead of a request later: through the browser's loader even a preloaded
   file took 30-40 ms to come back, one after another on the first load's path
   (docs/performance.md, issue 18's fifth round). */
EM_JS(void, js_fetch, (void *arg, const char *path), {
    var url = UTF8ToString(path);
    var page = window.pakopeli || {};
    var pre = page.prefetched || {}, ready = page.fetched || {}, pics = page.pictures || {};
    var got = pre[url], buf = ready[url];
    if (page.asked) page.asked[url] = 1; /* the page prefetches it no more */
    if (pics[url]) (Module.pkDecoding = Module.pkDecoding || {})[arg] = pics[url]; /* js_decode_image takes it */
    delete pre[url];
    delete ready[url];
    delete pics[url];
    function take(buf) {
        var bytes = new Uint8Array(buf);
        var at = _plat_fetch_buffer(arg, bytes.length);
        if (at) HEAPU8.set(bytes, at);
        _plat_fetch_done(arg, at ? 1 : 0);
    }
    if (buf) return take(buf); /* here already: done before plat_fetch_start returns */
    (got || fetch(url, {credentials: 'same-origin'}).then(function(r) {
        if (!r.ok) throw new Error(url + ': ' + r.status);
        return r.arrayBuffer();
    })).then(take, function() { _plat_fetch_done(arg, 0); });
})

unsigned char *plat_decode_image(const char *bytes, size_t len, int fit_w, int fit_h, int *w, int *h)
{
    for (int i = 0; bytes && i < PLAT_FETCH_SLOTS; i++) {
        const fetch_slot *s = &plat.fetches[i];
        if (s->state != PLAT_FETCH_DONE || s->data != bytes || s->len != len || s->w <= 0) continue;
        /* an SVG's size as IMG_LoadSizedSVG_RW gives it natively */
        float scale = 1.0f;
        if (s->svg && fit_w > 0 && fit_h > 0) scale = SDL_min((float)fit_w / s->w, (float)fit_h / s->h);
        else if (s->svg && fit_w > 0) scale = (float)fit_w / s->w;
        else if (s->svg && fit_h > 0) scale = (float)fit_h / s->h;
        int ow = (int)SDL_ceilf(s->w * scale), oh = (int)SDL_ceilf(s->h * scale);
        unsigned char *out = ow > 0 && oh > 0 ? malloc((size_t)ow * (size_t)oh * 4) : NULL;
        if (out && js_image_pixels(pack(i, s->generation), ow, oh, out)) {
            *w = ow;
            *h = oh;
            return out;
        }
        free(out);
        return NULL;
    }
    return NULL;
}

plat_fetch plat_fetch_start(const char *path)
{
    for (int i = 0; i < PLAT_FETCH_SLOTS; i++) {
        fetch_slot *s = &plat.fetches[i];
        if (s->state != PLAT_FETCH_NONE) continue;
        s->state = PLAT_FETCH_PENDING;
        s->generation = (s->generation + 1) & 0xffffff;
        js_fetch(pack(i, s->generation), path);
        return (plat_fetch){i + 1, s->generation};
    }
    return (plat_fetch){0};
}

plat_fetch_state_t plat_fetch_state(plat_fetch h)
{
    if (h.id < 1 || h.id > PLAT_FETCH_SLOTS || plat.fetches[h.id - 1].generation != h.gen) return PLAT_FETCH_NONE;
    return plat.fetches[h.id - 1].state;
}

const char *plat_fetch_data(plat_fetch h, size_t *len)
{
    if (plat_fetch_state(h) != PLAT_FETCH_DONE) return NULL;
    *len = plat.fetches[h.id - 1].len;
    return plat.fetches[h.id - 1].data;
}

void plat_fetch_release(plat_fetch h)
{
    if (h.id < 1 || h.id > PLAT_FETCH_SLOTS) return;
    fetch_slot *s = &plat.fetches[h.id - 1];
    if (s->generation != h.gen) return; /* released already, and maybe reused */
    if (s->w > 0) js_image_forget(pack(h.id - 1, s->generation));
    free(s->data);
    s->data = NULL;
    s->len = 0;
    s->w = s->h = 0;
    s->svg = false;
    s->state = PLAT_FETCH_NONE; /* generation stays: a late callback is ignored */
}

/* localStorage can throw (private mode, storage full): treat that as "not stored". */
/* In a learning platform's package scorm.js sets storePrefix, so learners sharing a browser,
   and packages sharing the platform's origin, keep their saves apart. */
EM_JS(int, js_store_set, (const char *key, const char *value), {
    var prefix = (window.pakopeli && window.pakopeli.storePrefix) || "";
    try { localStorage.setItem(prefix + UTF8ToString(key), UTF8ToString(value)); return 1; }
    catch (e) { return 0; }
})

EM_JS(int, js_store_get, (const char *key, char *out, int cap), {
    var prefix = (window.pakopeli && window.pakopeli.storePrefix) || "";
    var v = null;
    try { v = localStorage.getItem(prefix + UTF8ToString(key)); } catch (e) { v = null; }
    if (v === null) return 0;
    stringToUTF8(v, out, cap);
    return 1;
})

EM_JS(int, js_param, (const char *name, char *out, int cap), {
    var v = new URLSearchParams(window.location.search).get(UTF8ToString(name));
    if (v === null) return 0;
    stringToUTF8(v, out, cap);
    return 1;
})

EM_JS(void, js_language, (char *out, int cap), {
    stringToUTF8(navigator.language || "", out, cap);
})

EM_JS(void, js_mirror, (const char *screen, const char *focus, const char *news), {
    if (window.pakopeli && window.pakopeli.mirror)
        window.pakopeli.mirror(UTF8ToString(screen), UTF8ToString(focus), UTF8ToString(news));
})

EM_JS(void, js_mark, (const char *name), {
    if (window.pakopeli && window.pakopeli.mark) window.pakopeli.mark(UTF8ToString(name));
})

EM_JS(void, js_send_event, (const char *json), {
    if (window.pakopeli && window.pakopeli.report) window.pakopeli.report(UTF8ToString(json));
})

void plat_send_event(const char *json) { js_send_event(json); }

EM_JS(int, js_field_open, (int x, int y, int w, int h, const char *label, const char *value), {
    if (!window.pakopeli || !window.pakopeli.fieldOpen) return 0;
    window.pakopeli.fieldOpen(x, y, w, h, UTF8ToString(label), UTF8ToString(value));
    var input = window.pakopeli.field && window.pakopeli.field.input;
    if (input && !input.wakesEngine) { /* the engine sleeps when idle: typing must wake it */
        input.wakesEngine = true;
        ['input', 'keydown', 'blur'].forEach(function(t) {
            input.addEventListener(t, function() { setTimeout(Module['_plat_web_wake'], 0); });
        });
    }
    return 1;
})

EM_JS(void, js_field_close, (void), {
    if (window.pakopeli && window.pakopeli.fieldClose) window.pakopeli.fieldClose();
})

EM_JS(int, js_field_poll, (char *out, int cap), {
    var f = window.pakopeli && window.pakopeli.field;
    if (!f || !f.open) return 0;
    stringToUTF8(f.input.value, out, cap);
    var r = f.submitted ? 2 : 1;
    f.submitted = false;
    return r;
})

bool plat_text_field_open(int x, int y, int w, int h, const char *label, const char *value)
{
    return js_field_open(x, y, w, h, label, value) != 0;
}

void plat_text_field_close(void) { js_field_close(); }

bool plat_text_field_poll(char *out, size_t cap, bool *submitted)
{
    int r = cap > 0 ? js_field_poll(out, (int)cap) : 0;
    *submitted = r == 2;
    return r != 0;
}

EM_JS(int, js_completion, (char *out, int cap), {
    var c = window.pakopeli && window.pakopeli.completion;
    if (!c) return 0;
    stringToUTF8(String(c.code || c), out, cap);
    return 1;
})

bool plat_completion_code(char *out, size_t cap) { return cap > 0 && js_completion(out, (int)cap) != 0; }

EM_JS(void, js_feedback, (int rating, const char *comment), {
    if (window.pakopeli && window.pakopeli.feedback) window.pakopeli.feedback(rating, UTF8ToString(comment));
})

void plat_send_feedback(int rating, const char *comment) { js_feedback(rating, comment); }

EM_JS(void, js_page_language, (const char *code), {
    if (window.pakopeli && window.pakopeli.language) window.pakopeli.language(UTF8ToString(code));
})

void plat_page_language(const char *code) { js_page_language(code); }

EM_JS(void, js_layout, (int w, int h), {
    if (window.pakopeli) window.pakopeli.logical = { w: w, h: h };
})

EM_JS(int, js_reduced_motion, (void), {
    return (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) ? 1 : 0;
})

void plat_layout(int w, int h) { js_layout(w, h); }

bool plat_prefers_reduced_motion(void) { return js_reduced_motion() != 0; }

EM_JS(void, js_leave_focus, (int forward), {
    if (window.pakopeli && window.pakopeli.leaveFocus) window.pakopeli.leaveFocus(!!forward);
})

void plat_leave_focus(bool forward) { js_leave_focus(forward ? 1 : 0); }

bool plat_store_set(const char *key, const char *value) { return js_store_set(key, value) != 0; }

bool plat_store_get(const char *key, char *out, size_t cap)
{
    return cap > 0 && js_store_get(key, out, (int)cap) != 0;
}

bool plat_param(const char *name, char *out, size_t cap)
{
    return cap > 0 && js_param(name, out, (int)cap) != 0;
}

void plat_preferred_language(char *out, size_t cap)
{
    if (cap > 0) js_language(out, (int)cap);
}

EM_JS(void, js_mirror_same, (void), {
    if (window.pakopeli) window.pakopeli.passes++; /* tests wait for the engine to have seen their input */
})

/* The page's mirror is rewritten only when its text changed: a pass that changes nothing on
   screen but a hover or a focus ring costs no DOM work (it was a fifth of a drawn frame). */
void plat_mirror(const char *screen, const char *focus, const char *news)
{
    static char *last;
    static size_t cap;
    size_t ns = strlen(screen), nf = strlen(focus);
    if (!news[0] && last && strncmp(last, screen, ns + 1) == 0 && strcmp(last + ns + 1, focus) == 0) {
        js_mirror_same();
        return;
    }
    js_mirror(screen, focus, news);
    if (ns + nf + 2 > cap) {
        char *grown = realloc(last, ns + nf + 2);
        if (!grown) {
            free(last);
            last = NULL;
            cap = 0;
            return;
        }
        last = grown;
        cap = ns + nf + 2;
    }
    memcpy(last, screen, ns + 1);
    memcpy(last + ns + 1, focus, nf + 1);
}

void plat_mark(const char *name) { js_mark(name); }

EM_JS(void, js_frame_stats, (double ms, int renders, int shown), {
    if (window.pakopeli && window.pakopeli.frame) window.pakopeli.frame(ms, renders, shown);
})

void plat_frame_stats(double ms, int text_renders, bool shown) { js_frame_stats(ms, text_renders, shown); }

/* The learning platform's side lives in web/scorm.js (window.pakopeli.lms). */
EM_JS(int, js_lms_active, (void), { return (window.pakopeli && window.pakopeli.lms) ? 1 : 0; })

EM_JS(int, js_lms_resume, (char *out, int cap), {
    var lms = window.pakopeli && window.pakopeli.lms;
    var s = lms && typeof lms.resume === 'string' ? lms.resume : "";
    if (!s || s.length >= cap) return 0; /* ASCII (core/resume.h); stringToUTF8 cuts anything else safely */
    stringToUTF8(s, out, cap);
    return 1;
})

EM_JS(void, js_lms_progress, (const char *resume, int score, int completed), {
    var lms = window.pakopeli && window.pakopeli.lms;
    if (lms && lms.progress)
        lms.progress({ resume: resume ? UTF8ToString(resume) : null, score: score, completed: !!completed });
})

bool plat_lms_active(void) { return js_lms_active() != 0; }

bool plat_lms_resume(char *out, size_t cap) { return cap > 0 && js_lms_resume(out, (int)cap) != 0; }

void plat_lms_progress(const char *resume, int score, bool completed)
{
    js_lms_progress(resume, score, completed ? 1 : 0);
}

/* Polled every frame: a property read, cheap. Only the dev server's page ever sets it. */
EM_JS(int, js_reload_requested, (void), {
    if (!window.pakopeli || !window.pakopeli.reloadRequested) return 0;
    window.pakopeli.reloadRequested = false;
    return 1;
})

bool plat_reload_requested(void) { return js_reload_requested() != 0; }

#endif
