/* lint_guess.c - a choice puzzle that can be passed without reading it (issue 17).
 *
 * One rule, "guessable" (lint_rules.c states it): a player who always picks the first option, or
 * the longest one, or the one in the same place as last time, must not pass. Until issue 17 this
 * was measured by a script beside the linter (game/tools/choice_stats.mjs); now the studio,
 * make lint and the tests all get it from here, with the file, line and field to change.
 *
 * Lengths are counted in letters after the organisation's {settings} are filled in, as the
 * player sees them. A tie for the longest counts as "the longest is right" when a right option is
 * among the tied ones, since a player who always picks a longest one cannot lose on it. The front
 * end shuffles options per player, but content must not rely on that (a report, a screenshot and
 * a screen reader's order all show them as written). */
#include <stdio.h>
#include <string.h>

#include "lint.h"

/* Letters as the player sees them: "ä" is one. */
static int letters(const char *s)
{
    int n = 0;
    for (; s && *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static bool is_choice(const level_puzzle *p) { return p->kind == LEVEL_P_CHOICE && p->option_count >= 2; }

static int first_right(const level_puzzle *p)
{
    for (int k = 0; k < p->option_count; k++)
        if (p->options[k].correct) return k;
    return -1;
}

/* The right option that is (one of) the longest in language l, or -1; *next gets the longest
   wrong option's length, so the message can say by how much. */
static int longest_right(const level_puzzle *p, int l, int *len, int *next)
{
    int max = -1, at = -1;
    *next = 0;
    for (int k = 0; k < p->option_count; k++) {
        int n = letters(i18n_get(&p->options[k].text, (i18n_lang)l));
        if (!p->options[k].correct && n > *next) *next = n;
        if (n > max) max = n;
    }
    for (int k = 0; k < p->option_count; k++) {
        int n = letters(i18n_get(&p->options[k].text, (i18n_lang)l));
        if (p->options[k].correct && n == max) at = k;
    }
    *len = max;
    return at;
}

void lint_check_guessable(lint_run *run, lint_file *f)
{
    (void)run;
    if (!lint_shipped(f)) return;
    const level_room *r = &f->room;
    char path[DIAG_PATH_MAX];
    int choices = 0, same_place = -2; /* -2: none seen yet, -1: right options in different places */
    for (int i = 0; i < r->puzzle_count; i++) {
        const level_puzzle *p = &r->puzzles[i];
        if (!is_choice(p)) continue;
        int right = first_right(p);
        if (right < 0) continue; /* the loader reports a choice with no right option */
        choices++;
        same_place = same_place == -2 ? right : same_place == right ? right : -1;
        if (right == 0) {
            snprintf(path, sizeof path, "puzzles[%d].options[0].correct", i);
            lint_flag(f, DIAG_GUESSABLE, path,
                      "in '%s' the first option is the right one: a player who always picks the first passes "
                      "without reading; put a wrong option (a real mistake) first",
                      "tehtävässä '%s' ensimmäinen vaihtoehto on oikea: aina ensimmäisen valitseva pelaaja pääsee "
                      "läpi lukematta; laita ensimmäiseksi väärä vaihtoehto (todellinen virhe)",
                      "i '%s' är det första alternativet det rätta: en spelare som alltid väljer det första klarar "
                      "sig utan att läsa; sätt ett felaktigt alternativ (ett verkligt misstag) först",
                      p->id);
        }
        char langs[32] = "";
        int at = -1, len = 0, next = 0;
        for (int l = 0; l < LANG_COUNT; l++) {
            int n, w;
            int k = longest_right(p, l, &n, &w);
            if (k < 0) continue;
            size_t used = strlen(langs);
            snprintf(langs + used, sizeof langs - used, "%s%s", used ? ", " : "", i18n_code((i18n_lang)l));
            if (at < 0) at = k, len = n, next = w;
        }
        if (at >= 0) {
            snprintf(path, sizeof path, "puzzles[%d].options[%d].text", i, at);
            lint_flag(f, DIAG_GUESSABLE, path,
                      "in '%s' the right option '%s' is the longest (%s: %d letters, the longest wrong one %d): a "
                      "player who picks the longest passes without reading; shorten it or give a wrong option more detail",
                      "tehtävässä '%s' oikea vaihtoehto '%s' on pisin (%s: %d merkkiä, pisin väärä %d): pisimmän "
                      "valitseva pääsee läpi lukematta; lyhennä sitä tai tarkenna väärää vaihtoehtoa",
                      "i '%s' är det rätta alternativet '%s' det längsta (%s: %d tecken, det längsta felaktiga %d): "
                      "den som väljer det längsta klarar sig utan att läsa; korta det eller ge ett felaktigt "
                      "alternativ fler detaljer",
                      p->id, p->options[at].id, langs, len, next);
        }
    }
    if (choices >= 3 && same_place >= 0)
        lint_flag(f, DIAG_GUESSABLE, "puzzles",
                  "all %d choice puzzles of the room have the right option in place %d: a player who noticed it passes "
                  "the rest without reading; move the right option in some of them",
                  "huoneen kaikissa %d monivalinnassa oikea vaihtoehto on kohdalla %d: sen huomannut pääsee loput läpi "
                  "lukematta; siirrä oikeaa vaihtoehtoa osassa tehtävistä",
                  "i alla %d flervalsuppgifter i rummet står det rätta alternativet på plats %d: den som märker det "
                  "klarar resten utan att läsa; flytta det rätta alternativet i några av dem",
                  choices, same_place + 1);
}

void lint_print_guess_stats(lint_run *run, FILE *out)
{
    int puzzles = 0, longest[LANG_COUNT] = {0}, first = 0;
    for (int i = 0; i < run->file_count; i++) {
        const lint_file *f = &run->files[i];
        if (!f->loaded || !lint_shipped(f)) continue;
        for (int k = 0; k < f->room.puzzle_count; k++) {
            const level_puzzle *p = &f->room.puzzles[k];
            if (!is_choice(p) || first_right(p) < 0) continue;
            puzzles++;
            first += first_right(p) == 0;
            for (int l = 0; l < LANG_COUNT; l++) {
                int n, w;
                longest[l] += longest_right(p, l, &n, &w) >= 0;
            }
        }
    }
    fprintf(out, "{\"choice_puzzles\": %d, \"first_right\": %d, \"longest_right\": {", puzzles, first);
    for (int l = 0; l < LANG_COUNT; l++)
        fprintf(out, "%s\"%s\": %d", l ? ", " : "", i18n_code((i18n_lang)l), longest[l]);
    fprintf(out, "}}\n");
}
