/* lint_resume.c - the largest resume state the content can produce, against the limit of the
 * learning-platform package it is built for (`make scorm` runs pakopeli-lint --scorm 1.2|2004).
 *
 * A package keeps the player's progress in cmi.suspend_data (SCORM 1.2: 4,096 characters,
 * 2004: 64,000). The bound comes from the core's own encoder (resume_max_len, core/resume.h):
 * every puzzle answered wrong and repeated as often as the game counts, every hint, every
 * right answer, every time at its largest. Content that could exceed it is refused here,
 * before a learner's progress stops reaching the platform halfway through the game.
 */
#include <string.h>

#include "../core/resume.h"
#include "lint.h"

size_t lint_check_resume(lint_run *run)
{
    const char *v = run->opt.scorm;
    if (!v || !run->game || !run->manifest_ok) return 0;
    bool v12 = strcmp(v, "1.2") == 0 || strcmp(v, "12") == 0;
    size_t limit = v12 ? RESUME_LIMIT_SCORM12 : RESUME_LIMIT_SCORM2004;
    const level_room *rooms[LEVEL_MAX_ROOMS] = {0};
    for (int i = 0; i < run->manifest.room_count; i++) {
        lint_file *f = lint_room_file(run, i);
        if (!f || !f->loaded) return 0; /* its own errors say why; the bound needs every room */
        rooms[i] = &f->room;
    }
    size_t need = resume_max_len(&run->manifest, rooms) - 1; /* without the NUL */
    /* two sentences, not one with a tail: the phrasebook translates whole messages (diag_text.c) */
    if (need > limit && v12)
        lint_report(run->game, DIAG_ERROR, DIAG_TOO_MANY, "rooms",
                    "the resume state of this game can reach %zu characters, %zu more than SCORM %s keeps "
                    "(cmi.suspend_data, %zu): use fewer puzzles, options or hints, or the SCORM 2004 package",
                    need, need - limit, "1.2", limit);
    else if (need > limit)
        lint_report(run->game, DIAG_ERROR, DIAG_TOO_MANY, "rooms",
                    "the resume state of this game can reach %zu characters, %zu more than SCORM %s keeps "
                    "(cmi.suspend_data, %zu): use fewer puzzles, options or hints",
                    need, need - limit, "2004", limit);
    return need;
}
