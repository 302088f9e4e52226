/* resume.h - the compact resume state: a play-through's answer events in a few characters,
 * for a learning platform's cmi.suspend_data (SCORM 1.2 allows 4,096 characters, 2004 64,000).
 *
 * The state is the answer events themselves, as the browser save keeps them, written against
 * the loaded content (rooms, puzzles, options by index), and read back as report_events that
 * the caller replays through play_apply(), the one path every saved game takes. What makes it
 * small and bounded: events that change nothing but a count are merged. Every wrong answer to
 * a puzzle after its first adds one to the first one's count, and so does every repeat and
 * every hint. A wrong answer changes only the puzzle's mistake count, a hint only its hint
 * count, a repeat nothing, so replaying a merged entry's copies at the first one's place
 * reaches the same state: the same solved puzzles, found places, items, mistakes, hints, room
 * times (the first and the last time of the merged events are kept) and so the same score.
 * Per puzzle there are then at most one wrong, one repeat and one hint entry, and one entry per
 * right answer: resume_max_len() computes the largest state content can produce, and the
 * linter refuses content whose state could exceed a package's limit.
 *
 * Format (version 1, ASCII letters, digits and - _ . * + ~ ! only, safe in any platform):
 *   "1" ROOMS FINGERPRINT{ROOMS} WHERE ("." ENTRY)*
 *   ENTRY = ROOM PUZZLE WHAT PAYLOAD ["*" COUNT] ["+" DT] ["~" SPAN]
 * one character per index (0-9 A-Z a-z - _), numbers in the same base 64. WHAT is r (right or
 * a place found), w (wrong), p (repeat), h (hint); DT is milliseconds since the previous
 * entry's first event, SPAN from an entry's first event to its last. A room's fingerprint
 * (its ids) must match the loaded room, else that room's entries are skipped, as the browser
 * save skips events that no longer fit changed content.
 *
 *   resume_writer w;
 *   resume_writer_init(&w, &game, rooms);       // allocates for the worst case; resume_writer_free
 *   after each kept event:  resume_writer_add(&w, &ev, &res);
 *   resume_writer_encode(&w, room_on_screen, out, cap);
 *
 *   resume_reader r;
 *   if (resume_reader_init(&r, text, &play))    // play: begun, every room attached
 *       while (resume_reader_next(&r, &play, &ev)) play_apply(&play, &ev, &res);
 */
#ifndef PK_RESUME_H
#define PK_RESUME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "play.h"
#include "report.h"

enum {
    RESUME_VERSION = 1,
    RESUME_PAYLOAD_MAX = 2 * LEVEL_MAX_OPTIONS, /* a match: two characters per pair */
    RESUME_TEXT_MAX = RESUME_PAYLOAD_MAX * 6 / 8, /* a sealed room's typed answer, in bytes */
    RESUME_COUNT_MAX = 65535,                   /* a game_puzzle_state counts to this */
    RESUME_LIMIT_SCORM12 = 4096,                /* cmi.suspend_data: CMIString4096 */
    RESUME_LIMIT_SCORM2004 = 64000              /* cmi.suspend_data: characterstring SPM 64000 */
};

typedef struct resume_entry {
    uint8_t room, puzzle;
    char what;                          /* 'r', 'w', 'p' or 'h' */
    uint8_t payload_len;
    char payload[RESUME_PAYLOAD_MAX];   /* the answer as index characters */
    uint32_t count;                     /* events merged into this entry, 1.. */
    long long t_first, t_last;          /* client ms of the first and the last of them */
} resume_entry;

typedef struct resume_writer {
    const level_game *game;             /* not owned */
    const level_room *const *rooms;     /* not owned: rooms[i] is manifest room i */
    resume_entry *entries;              /* owned: capacity for the content's worst case */
    int count, cap;
    int merge[LEVEL_MAX_ROOMS][LEVEL_MAX_PUZZLES][3]; /* entry + 1 of a puzzle's w, p, h; 0 none */
    bool lossy;                         /* an event could not be written (never with valid events) */
} resume_writer;

/* Allocates for the largest state the content can produce. False when out of memory. */
bool resume_writer_init(resume_writer *w, const level_game *game, const level_room *const *rooms);
void resume_writer_free(resume_writer *w);
/* Forgets every event (a new play-through). */
void resume_writer_reset(resume_writer *w);
/* Adds an event play_apply() has just applied with this result (not GAME_INVALID). */
void resume_writer_add(resume_writer *w, const report_event *ev, const game_result *res);
/* Writes the state with the room on screen (-1: none). Returns its length, or 0 when cap is
   too small (out is then ""). */
size_t resume_writer_encode(const resume_writer *w, int where, char *out, size_t cap);

/* The longest state this content can produce: every puzzle answered wrong and repeated as
   often as the game counts, every hint, every right answer, every time at its largest. */
size_t resume_max_len(const level_game *game, const level_room *const *rooms);

typedef struct resume_reader {
    const char *text;                   /* not owned; must outlive the reader */
    size_t pos;                         /* the next entry's '.' */
    int where;                          /* the room on screen when it was written, or -1 */
    bool room_ok[LEVEL_MAX_ROOMS];      /* the room's fingerprint matches the loaded content */
    resume_entry cur;                   /* the entry being replayed */
    uint32_t left;                      /* copies of cur still to give */
    long long t;                        /* the previous entry's first time */
    uint32_t seq;
    bool malformed;                     /* reading stopped at something that is not an entry */
} resume_reader;

/* Reads the header against the loaded play (its manifest and attached rooms). False when the
   text is not a resume state of this version or of this game. */
bool resume_reader_init(resume_reader *r, const char *text, const play_state *p);
/* Gives the next event to replay into p (the same p, advanced by play_apply after each), or
   false at the end. Entries of rooms whose content changed, and anything malformed, are
   skipped; never more than RESUME_COUNT_MAX copies of an entry, nor more than PLAY_MAX_EVENTS
   events in all (a play takes no more). */
bool resume_reader_next(resume_reader *r, const play_state *p, report_event *ev);
/* How many events the text holds (the sum of its counts), without replaying it; 0 when it
   is not a resume state. Used to pick the newer of two saves. */
uint32_t resume_event_count(const char *text);

#endif
