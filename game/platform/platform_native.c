/* platform_native.c - the desktop implementation of platform.h, on SDL and stdio. */
#if !defined(__EMSCRIPTEN__)

#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <time.h>

#include <SDL.h>
#include <SDL_image.h>

typedef struct fetch_slot {
    plat_fetch_state_t state;
    uint32_t generation; /* counts the slot's requests: a released handle no longer matches */
    char *data; /* owned by the slot */
    size_t len;
} fetch_slot;

static struct {
    int argc;
    char **argv;
    bool quit;
    fetch_slot fetches[PLAT_FETCH_SLOTS];
    bool mirror;            /* --mirror: print the screen-reader mirror to stdout */
    char last_screen[16384]; /* print only changes */
} plat;

void plat_init(int argc, char **argv)
{
    plat.argc = argc;
    plat.argv = argv;
    char v[8];
    plat.mirror = plat_param("mirror", v, sizeof v);
}

void plat_run(plat_frame_fn frame, void *user)
{
    const double frame_ms = 1000.0 / 60.0;
    while (!plat.quit) {
        double start = plat_now_ms();
        frame(user);
        double spent = plat_now_ms() - start;
        if (spent < frame_ms) SDL_Delay((Uint32)(frame_ms - spent));
    }
}

void plat_quit(void) { plat.quit = true; }

void plat_idle(double wake_in_ms) { (void)wake_in_ms; }

double plat_now_ms(void)
{
    return (double)SDL_GetPerformanceCounter() * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

/* Natively a file is read at once, so a request is done (or failed) as soon as it starts. */
plat_fetch plat_fetch_start(const char *path)
{
    for (int i = 0; i < PLAT_FETCH_SLOTS; i++) {
        fetch_slot *s = &plat.fetches[i];
        if (s->state != PLAT_FETCH_NONE) continue;
        s->state = PLAT_FETCH_FAILED;
        s->generation = (s->generation + 1) & 0xffffff;
        FILE *f = fopen(path, "rb");
        if (f && fseek(f, 0, SEEK_END) == 0) {
            long n = ftell(f);
            if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (s->data = malloc((size_t)n + 1))) {
                if (fread(s->data, 1, (size_t)n, f) == (size_t)n) {
                    s->data[n] = '\0';
                    s->len = (size_t)n;
                    s->state = PLAT_FETCH_DONE;
                } else {
                    free(s->data);
                    s->data = NULL;
                }
            }
        }
        if (f) fclose(f);
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
    free(s->data);
    s->data = NULL;
    s->len = 0;
    s->state = PLAT_FETCH_NONE; /* the generation stays: this handle is stale from now on */
}

/* SDL_image's PNG and JPEG decoders and its nanosvg (the web build leaves them to the browser). */
unsigned char *plat_decode_image(const char *bytes, size_t len, int fit_w, int fit_h, int *w, int *h)
{
    SDL_RWops *rw = SDL_RWFromConstMem(bytes, (int)len);
    if (!rw) return NULL;
    SDL_Surface *s = IMG_isPNG(rw)   ? IMG_LoadPNG_RW(rw)
                     : IMG_isJPG(rw) ? IMG_LoadJPG_RW(rw)
                     : IMG_isSVG(rw) ? IMG_LoadSizedSVG_RW(rw, fit_w, fit_h)
                                     : NULL;
    SDL_RWclose(rw);
    SDL_Surface *rgba = s ? SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0) : NULL;
    SDL_FreeSurface(s);
    unsigned char *out = rgba ? malloc((size_t)rgba->w * (size_t)rgba->h * 4) : NULL;
    if (out) {
        for (int y = 0; y < rgba->h; y++)
            memcpy(out + (size_t)y * (size_t)rgba->w * 4, (const unsigned char *)rgba->pixels + (size_t)y * (size_t)rgba->pitch,
                   (size_t)rgba->w * 4);
        *w = rgba->w;
        *h = rgba->h;
    }
    SDL_FreeSurface(rgba);
    return out;
}

/* One small file per key under $XDG_DATA_HOME/pakopeli (or ~/.local/share/pakopeli). */
static bool store_path(const char *key, char *out, size_t cap)
{
    const char *base = getenv("XDG_DATA_HOME");
    char dir[512];
    if (base && base[0]) snprintf(dir, sizeof dir, "%s/pakopeli", base);
    else if (getenv("HOME")) snprintf(dir, sizeof dir, "%s/.local/share/pakopeli", getenv("HOME"));
    else return false;
    for (const char *k = key; *k; k++)
        if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '-' || *k == '_' || *k == '.'))
            return false;
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%s", dir);
    for (char *p = tmp + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(tmp, 0700);
            *p = '/';
        }
    }
    mkdir(tmp, 0700);
    return snprintf(out, cap, "%s/%s", dir, key) < (int)cap;
}

bool plat_store_set(const char *key, const char *value)
{
    char path[600], tmp[610];
    if (!store_path(key, path, sizeof path)) return false;
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) return false;
    bool ok = fputs(value, f) >= 0;
    ok = (fclose(f) == 0) && ok;
    /* write-then-rename: a crash leaves the old value, never half of the new one */
    return ok && rename(tmp, path) == 0;
}

bool plat_store_get(const char *key, char *out, size_t cap)
{
    char path[600];
    if (!store_path(key, path, sizeof path) || cap == 0) return false;
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    size_t n = fread(out, 1, cap - 1, f);
    out[n] = '\0';
    fclose(f);
    return true;
}

bool plat_param(const char *name, char *out, size_t cap)
{
    size_t nl = strlen(name);
    for (int i = 1; i < plat.argc; i++) {
        const char *a = plat.argv[i];
        if (strncmp(a, "--", 2) != 0 || strncmp(a + 2, name, nl) != 0) continue;
        const char *rest = a + 2 + nl;
        if (*rest == '=') {
            snprintf(out, cap, "%s", rest + 1);
            return true;
        }
        if (*rest == '\0') {
            snprintf(out, cap, "1");
            return true;
        }
    }
    return false;
}

void plat_preferred_language(char *out, size_t cap)
{
    const char *l = getenv("LANGUAGE");
    if (!l || !l[0]) l = getenv("LANG");
    snprintf(out, cap, "%s", l ? l : "");
}

void plat_mirror(const char *screen, const char *focus, const char *news)
{
    if (!plat.mirror) return;
    if (news[0]) printf("--- news\n%s\n", news);
    if (strcmp(screen, plat.last_screen) != 0) {
        snprintf(plat.last_screen, sizeof plat.last_screen, "%s", screen);
        printf("--- screen\n%s\n", screen);
    }
    printf("--- focus: %s\n", focus);
    fflush(stdout);
}

void plat_send_event(const char *json)
{
    if (plat.mirror) printf("--- event: %s\n", json);
}

bool plat_text_field_open(int x, int y, int w, int h, const char *label, const char *value)
{
    (void)x, (void)y, (void)w, (void)h, (void)label, (void)value;
    return false; /* a desktop has a keyboard: SDL_TEXTINPUT reaches the game directly */
}

void plat_text_field_close(void) {}

bool plat_text_field_poll(char *out, size_t cap, bool *submitted)
{
    (void)out, (void)cap;
    *submitted = false;
    return false;
}

bool plat_completion_code(char *out, size_t cap)
{
    (void)out, (void)cap;
    return false; /* the desktop build reports to no server */
}

/* The desktop build runs in no learning platform (packages are for the browser). */
bool plat_lms_active(void) { return false; }

bool plat_lms_resume(char *out, size_t cap)
{
    (void)out, (void)cap;
    return false;
}

void plat_lms_progress(const char *resume, int score, bool completed) { (void)resume, (void)score, (void)completed; }

void plat_send_feedback(int rating, const char *comment)
{
    if (plat.mirror) printf("--- feedback: %d %s\n", rating, comment);
}

void plat_page_language(const char *code) { (void)code; }

void plat_layout(int w, int h)
{
    (void)w;
    (void)h;
}

bool plat_prefers_reduced_motion(void) { return false; }

void plat_leave_focus(bool forward)
{
    (void)forward; /* a desktop window has no page around it: focus simply wraps to nothing */
}

void plat_mark(const char *name)
{
    if (plat.mirror) printf("--- mark: %s\n", name);
}

void plat_frame_stats(double ms, int text_renders, bool shown)
{
    (void)ms;
    (void)text_renders;
    (void)shown;
}

/* The newest change time of the content files (levels/ and levels/comics/), 0 when none. */
static time_t content_mtime(void)
{
    static const char *const dirs[] = {"levels", "levels/comics"};
    time_t newest = 0;
    for (int d = 0; d < 2; d++) {
        DIR *dir = opendir(dirs[d]);
        for (struct dirent *e; dir && (e = readdir(dir));) {
            char path[512];
            struct stat st;
            snprintf(path, sizeof path, "%s/%s", dirs[d], e->d_name);
            if (e->d_name[0] != '.' && stat(path, &st) == 0 && st.st_mtime > newest) newest = st.st_mtime;
        }
        if (dir) closedir(dir);
    }
    return newest;
}

bool plat_reload_requested(void)
{
    static int dev = -1;
    static time_t seen;
    static double next_ms;
    char v[8];
    if (dev < 0) {
        dev = plat_param("dev", v, sizeof v) && strcmp(v, "0") != 0;
        seen = dev ? content_mtime() : 0;
    }
    if (!dev || plat_now_ms() < next_ms) return false;
    next_ms = plat_now_ms() + 1000.0;
    time_t now = content_mtime();
    if (now == seen) return false;
    seen = now;
    return true;
}

#endif
