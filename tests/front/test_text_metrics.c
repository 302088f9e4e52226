/* test_text_metrics.c - the game's fonts letter correctly at every size it draws them.
 *
 * The comic's guided view once drew "Hei Eino, tervetuloa!" with its letters piled on top of each
 * other: the WebAssembly FreeType lacked the PostScript hinter that its CFF driver needs, so every
 * glyph of Comic Neue (a CFF font) was scaled twice, and the larger the lettering the worse. Only
 * the browser build was wrong, and only at large sizes, so this test runs twice: natively against
 * Debian's SDL_ttf, and as WebAssembly under Node against the very libraries the web game links
 * (game/deps/wasm-libs.sh). It measures the fonts the game ships (build/web/fonts, subset), with
 * the hinting text.c asks for, at every real pixel size the game can ask for: 12-32 px styles
 * times the text size setting times the screen's pixel density, and the comic's lettering
 * zoomed in the guided view.
 *
 * For each face and size:
 *   - each letter's ink is about as wide as its advance (a glyph scaled twice is far wider),
 *   - neighbouring letters of a sample line do not overlap beyond what the font's design does,
 *   - the rendered line's ink spans what the advances say, and
 *   - the width of the line grows in proportion to the size.
 *
 * Usage: test_text_metrics FONT...   (the Makefile passes the three shipped fonts)
 */
#include <SDL.h>
#include <SDL_ttf.h>

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdint.h>

#include "../unit/harness.h"

enum { PX_MIN = 6, PX_MAX = 160, PX_REF = 48, SAMPLE_MAX = 64 };

/* Finnish and Swedish letters, capitals, punctuation and digits: the content's alphabet. */
static const char *const SAMPLE = "Hei Eino, tervetuloa! Åsa ÖLJY mäki 2025";

static const char *font_paths[8];
static int font_count;

/* Decodes UTF-8 into code points; returns the count. */
static int codepoints(const char *s, Uint32 *out, int cap)
{
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n < cap;) {
        Uint32 c = *p;
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        c &= extra == 3 ? 0x07 : extra == 2 ? 0x0F : extra == 1 ? 0x1F : 0x7F;
        p++;
        for (int i = 0; i < extra && *p; i++, p++) c = (c << 6) | (*p & 0x3F);
        out[n++] = c;
    }
    return n;
}

/* The columns [first, last] of a surface that hold ink (alpha above a faint edge); false if none. */
static bool ink_columns(SDL_Surface *s, int *first, int *last)
{
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    if (!c) return false;
    *first = -1;
    *last = -1;
    for (int x = 0; x < c->w; x++) {
        for (int y = 0; y < c->h; y++) {
            Uint32 px = ((Uint32 *)((Uint8 *)c->pixels + y * c->pitch))[x];
            if ((px >> 24) > 48) {
                if (*first < 0) *first = x;
                *last = x;
                break;
            }
        }
    }
    SDL_FreeSurface(c);
    return *first >= 0;
}

typedef struct line_metrics {
    int advance;       /* the pen's travel over the whole sample, kerning included */
    int ink_first;     /* rendered ink of the whole line, columns */
    int ink_last;
    int worst_glyph;   /* code point whose ink is widest against its advance */
    double worst_ratio;
    int worst_overlap; /* largest overlap of two neighbours' ink, px */
    Uint32 overlap_pair[2];
} line_metrics;

static bool measure(TTF_Font *f, line_metrics *m)
{
    Uint32 cp[SAMPLE_MAX];
    int n = codepoints(SAMPLE, cp, SAMPLE_MAX);
    int pen = 0, prev_right = INT32_MIN;
    Uint32 prev = 0;
    *m = (line_metrics){0};
    SDL_Color white = {255, 255, 255, 255};
    for (int i = 0; i < n; i++) {
        int minx, maxx, miny, maxy, adv;
        if (TTF_GlyphMetrics32(f, cp[i], &minx, &maxx, &miny, &maxy, &adv) != 0) return false;
        if (prev) pen += TTF_GetFontKerningSizeGlyphs32(f, prev, cp[i]);
        if (cp[i] != ' ') {
            /* the letter alone, as rendered: its real ink, not what the metrics claim */
            SDL_Surface *g = TTF_RenderGlyph32_Blended(f, cp[i], white);
            int a, b;
            if (!g) return false;
            bool has = ink_columns(g, &a, &b);
            SDL_FreeSurface(g);
            if (has) {
                int ink = b - a + 1;
                /* 2 px of antialiased edge are not the letter's width */
                double ratio = (double)(ink - 2) / (double)(adv > 0 ? adv : 1);
                if (ratio > m->worst_ratio) {
                    m->worst_ratio = ratio;
                    m->worst_glyph = (int)cp[i];
                }
                int left = pen + minx;
                if (prev_right != INT32_MIN && prev_right - left > m->worst_overlap) {
                    m->worst_overlap = prev_right - left;
                    m->overlap_pair[0] = prev;
                    m->overlap_pair[1] = cp[i];
                }
                prev_right = pen + maxx;
            }
        }
        pen += adv;
        prev = cp[i];
    }
    m->advance = pen;
    SDL_Surface *line = TTF_RenderUTF8_Blended(f, SAMPLE, white);
    if (!line) return false;
    bool has = ink_columns(line, &m->ink_first, &m->ink_last);
    SDL_FreeSurface(line);
    return has;
}

TEST(every_shipped_face_letters_cleanly_and_in_proportion_at_every_size)
{
    CHECK(font_count >= 1);
    for (int fi = 0; fi < font_count; fi++) {
        TTF_Font *ref = TTF_OpenFont(font_paths[fi], PX_REF);
        CHECK(ref != NULL);
        if (!ref) {
            fprintf(stderr, "  cannot open %s: %s\n", font_paths[fi], TTF_GetError());
            continue;
        }
        TTF_SetFontHinting(ref, TTF_HINTING_LIGHT); /* as text.c does */
        line_metrics rm;
        CHECK(measure(ref, &rm));
        TTF_CloseFont(ref);
        double per_px = (double)rm.advance / PX_REF;
        int failures = 0;
        for (int px = PX_MIN; px <= PX_MAX && failures < 5; px++) {
            TTF_Font *f = TTF_OpenFont(font_paths[fi], px);
            if (!f) {
                CHECK(f != NULL);
                break;
            }
            TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
            line_metrics m;
            bool ok = measure(f, &m);
            TTF_CloseFont(f);
            const char *why = NULL;
            char detail[160] = "";
            /* Glyph ink wider than its advance by a third is not a design (the widest shipped
             * letters reach about 1.1); a glyph scaled twice is 1.5-5 times as wide. */
            if (!ok) {
                why = "could not be measured";
            } else if (m.worst_ratio > 1.35) {
                why = "a letter is far wider than its advance";
                snprintf(detail, sizeof detail, "U+%04X ink/advance %.2f", (unsigned)m.worst_glyph, m.worst_ratio);
            } else if (m.worst_overlap > 2 + px / 8) {
                /* Kerned pairs (T over e) and a round letter's overhang touch a little; piled-up
                 * letters overlap by most of a letter. */
                why = "neighbouring letters overlap";
                snprintf(detail, sizeof detail, "U+%04X U+%04X by %d px", (unsigned)m.overlap_pair[0],
                         (unsigned)m.overlap_pair[1], m.worst_overlap);
            } else if (abs((m.ink_last - m.ink_first + 1) - m.advance) > 2 + m.advance / 20) {
                /* the line as rendered spans what the pen travelled, up to the first letter's left
                 * bearing, the last one's right bearing and kerning (natively SDL_ttf shapes with
                 * HarfBuzz, whose kerning the metrics above do not see): 5 % */
                why = "the rendered line is not as wide as its advances";
                snprintf(detail, sizeof detail, "ink %d px, advances %d px", m.ink_last - m.ink_first + 1, m.advance);
            } else if (fabs((double)m.advance - per_px * px) > 0.04 * per_px * px + 0.5 * (double)strlen(SAMPLE)) {
                /* proportional, allowing each letter's advance to be rounded to whole pixels */
                why = "the line's width is not in proportion to the size";
                snprintf(detail, sizeof detail, "%d px wide, %.0f expected", m.advance, per_px * px);
            }
            if (why) {
                fprintf(stderr, "  %s at %d px: %s (%s)\n", font_paths[fi], px, why, detail);
                harness_current_failed = 1;
                failures++;
            }
        }
    }
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc && font_count < 8; i++) font_paths[font_count++] = argv[i];
    if (TTF_Init() != 0) {
        fprintf(stderr, "TTF_Init: %s\n", TTF_GetError());
        return 1;
    }
    RUN(every_shipped_face_letters_cleanly_and_in_proportion_at_every_size);
    TTF_Quit();
    return harness_done();
}
