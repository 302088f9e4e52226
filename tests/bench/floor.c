/* floor.c - the floor of this stack: the least a game on SDL2 + SDL_ttf in the browser costs.
 *
 * Opens a window, fetches one font, renders one text and presents it; nothing else. Built with
 * exactly the game's compiler and link flags (tests/bench/bench.mk), and measured by `make bench`
 * beside the game, so the engine's own cost shows as a ratio to this. It reports the same
 * milestones as the game (window.pakopeli.mark): "first-frame" after its first present (an empty
 * screen, as the game's loading screen) and "interactive" once the text is on screen.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_ttf.h>
#include <emscripten.h>

static struct {
    SDL_Window *window;
    SDL_Renderer *renderer;
    char *font;
    int font_len;
    int frames;
    bool failed, done;
} F;

static void on_load(void *arg, void *buf, int size)
{
    (void)arg;
    F.font = malloc((size_t)size);
    if (F.font) memcpy(F.font, buf, (size_t)size);
    F.font_len = size;
}

static void on_error(void *arg)
{
    (void)arg;
    F.failed = true;
}

EM_JS(void, js_mark, (const char *name), {
    if (window.pakopeli && window.pakopeli.mark) window.pakopeli.mark(UTF8ToString(name));
})

static void frame(void)
{
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
    }
    if (F.done || F.failed || (F.frames > 0 && !F.font)) return;
    SDL_SetRenderDrawColor(F.renderer, 233, 238, 242, 255);
    SDL_RenderClear(F.renderer);
    bool text = false;
    if (F.font) {
        TTF_Font *font = TTF_OpenFontRW(SDL_RWFromConstMem(F.font, F.font_len), 1, 32);
        SDL_Surface *s = font ? TTF_RenderUTF8_Blended(font, "Tervetuloa töihin!", (SDL_Color){27, 36, 48, 255}) : NULL;
        SDL_Texture *t = s ? SDL_CreateTextureFromSurface(F.renderer, s) : NULL;
        if (t) {
            SDL_RenderCopy(F.renderer, t, NULL, &(SDL_Rect){100, 100, s->w, s->h});
            text = true;
        }
        SDL_RenderPresent(F.renderer);
        if (t) SDL_DestroyTexture(t);
        if (s) SDL_FreeSurface(s);
        if (font) TTF_CloseFont(font);
        F.done = true;
    } else {
        SDL_RenderPresent(F.renderer);
    }
    if (F.frames++ == 0) js_mark("first-frame");
    if (text) js_mark("interactive");
}

int main(void)
{
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) return 1;
    F.window = SDL_CreateWindow("floor", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 1280, 720, 0);
    F.renderer = F.window ? SDL_CreateRenderer(F.window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC) : NULL;
    if (!F.renderer) return 1;
    emscripten_async_wget_data("fonts/ui-regular.ttf", NULL, on_load, on_error);
    js_mark("started");
    emscripten_set_main_loop(frame, 0, 1);
    return 0;
}
