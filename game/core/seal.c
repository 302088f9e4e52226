#include "seal.h"

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonx.h"

/* ---- hashing (libsodium: no cryptography of our own) --------------------------------------- */

/* One piece of an answer ("id@3", "left=r0a1b2c3d4e", "item@place"): ids are short, and the
   sealing and the check build it in the same size, so a cut would cut both alike. */
enum { VALUE_MAX = 512 };

void seal_salt_of(const char *text, size_t len, unsigned char salt[SEAL_SALT])
{
    static const unsigned char key[16] = "pakopeli-seal-1";
    crypto_generichash(salt, SEAL_SALT, (const unsigned char *)text, len, key, sizeof key);
}

void seal_tag(const unsigned char salt[SEAL_SALT], const char *puzzle, const char *what, const char *value,
              unsigned char out[SEAL_TAG])
{
    crypto_generichash_state st;
    crypto_generichash_init(&st, salt, SEAL_SALT, SEAL_TAG);
    /* each part with its NUL, so "ab","c" differs from "a","bc" */
    crypto_generichash_update(&st, (const unsigned char *)(puzzle ? puzzle : ""), strlen(puzzle ? puzzle : "") + 1);
    crypto_generichash_update(&st, (const unsigned char *)what, strlen(what) + 1);
    crypto_generichash_update(&st, (const unsigned char *)(value ? value : ""), strlen(value ? value : ""));
    crypto_generichash_final(&st, out, SEAL_TAG);
}

void seal_hex(const unsigned char *bytes, size_t n, char *out)
{
    static const char hexd[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hexd[bytes[i] >> 4];
        out[2 * i + 1] = hexd[bytes[i] & 15];
    }
    out[2 * n] = '\0';
}

void seal_pair_id(const unsigned char salt[SEAL_SALT], const char *puzzle, const char *pair, char out[SEAL_PAIR_ID])
{
    unsigned char t[SEAL_TAG];
    seal_tag(salt, puzzle, "pair-id", pair, t);
    out[0] = 'r';
    seal_hex(t, 5, out + 1);
}

static bool tag_is(const level_room *room, const level_puzzle *p, const char *what, const char *value,
                   const unsigned char want[SEAL_TAG])
{
    unsigned char t[SEAL_TAG];
    seal_tag(room->salt, p->id, what, value, t);
    return sodium_memcmp(t, want, SEAL_TAG) == 0;
}

static bool tag_hex_is(const level_room *room, const level_puzzle *p, const char *what, const char *value,
                       const char *want_hex)
{
    unsigned char t[SEAL_TAG];
    char hex[SEAL_HEX];
    seal_tag(room->salt, p->id, what, value, t);
    seal_hex(t, SEAL_TAG, hex);
    return want_hex && strcmp(hex, want_hex) == 0;
}

/* ---- the checks ------------------------------------------------------------------------------ */

bool seal_option_right(const level_room *room, const level_puzzle *p, int o)
{
    if (o < 0 || o >= p->option_count) return false;
    if (!room->sealed) return p->options[o].correct;
    return tag_is(room, p, "right", p->options[o].id, p->options[o].tag);
}

bool seal_step_right(const level_room *room, const level_puzzle *p, int o, int at)
{
    if (o < 0 || o >= p->option_count) return false;
    if (!room->sealed) return o == at;
    char v[VALUE_MAX];
    snprintf(v, sizeof v, "%s@%d", p->options[o].id, at);
    return tag_is(room, p, "at", v, p->options[o].tag);
}

bool seal_pair_right(const level_room *room, const level_puzzle *p, int left, int right)
{
    if (left < 0 || right < 0 || left >= p->option_count || right >= p->option_count) return false;
    if (!room->sealed) return left == right;
    char v[VALUE_MAX];
    snprintf(v, sizeof v, "%s=%s", p->options[left].id, p->options[right].pair_id ? p->options[right].pair_id : "");
    return tag_is(room, p, "pair", v, p->options[left].tag);
}

bool seal_typed_right(const level_room *room, const level_puzzle *p, const char *answer)
{
    for (int i = 0; i < p->answer_count; i++) {
        if (!room->sealed) {
            if (p->kind == LEVEL_P_CODE) { /* codes are compared without spaces: "47 21" opens "4721" */
                char b[256];
                size_t nb = 0;
                for (const char *c = p->answers[i]; *c && nb + 1 < sizeof b; c++) if (*c != ' ') b[nb++] = *c;
                b[nb] = '\0';
                if (strcmp(answer, b) == 0) return true;
            } else if (strcmp(answer, p->answers[i]) == 0) {
                return true;
            }
        } else if (tag_hex_is(room, p, "answer", answer, p->answers[i])) {
            return true;
        }
    }
    return false;
}

bool seal_use_right(const level_room *room, const level_puzzle *p, int item, const char *place)
{
    if (item < 0 || item >= room->item_count || !place) return false;
    if (!room->sealed) return item == p->use_item && p->use_place && strcmp(place, p->use_place) == 0;
    char v[VALUE_MAX];
    snprintf(v, sizeof v, "%s@%s", room->items[item].id, place);
    return p->answer_count == 1 && tag_hex_is(room, p, "use", v, p->answers[0]);
}

int seal_find_right(const level_room *room, const level_puzzle *p, const char *id)
{
    for (int i = 0; id && i < p->option_count; i++)
        if (p->options[i].pair_id && strcmp(p->options[i].pair_id, id) == 0) return i;
    /* a plain room also knows its pairs by their own ids ("a=b", as the studio's preview sends);
       a sealed room by the opaque ids alone, or "a=a" would pair by the file's structure */
    return room->sealed ? -1 : level_find_option(p, id);
}

/* ---- the code part ------------------------------------------------------------------------- */

/* Puzzles whose right answer is one text: a typed answer has variants, the last door is the
   game's, so neither makes a piece. */
static bool gives_piece(const level_puzzle *p)
{
    return p->kind != LEVEL_P_TEXT && !(p->kind == LEVEL_P_CODE && p->final_code);
}

void seal_piece(const level_room *room, int puzzle, uint32_t mask, const char *const *ids, int n,
                unsigned char out[SEAL_TAG])
{
    const level_puzzle *p = &room->puzzles[puzzle];
    char v[2048];
    size_t len = 0;
    v[0] = '\0';
    if (p->kind == LEVEL_P_CHOICE || p->kind == LEVEL_P_HOTSPOTS) {
        for (int o = 0; o < p->option_count; o++)
            if (mask & (1u << o)) len += (size_t)snprintf(v + len, sizeof v - len, "%s,", p->options[o].id);
    } else {
        for (int i = 0; i < n && len < sizeof v; i++)
            len += (size_t)snprintf(v + len, sizeof v - len, "%s,", ids[i] ? ids[i] : "");
    }
    seal_tag(room->salt, p->id, "piece", v, out);
}

static void code_key(const level_room *room, const unsigned char (*pieces)[SEAL_TAG], unsigned char key[32],
                     unsigned char nonce[crypto_secretbox_NONCEBYTES])
{
    crypto_generichash_state st;
    crypto_generichash_init(&st, room->salt, SEAL_SALT, 32);
    crypto_generichash_update(&st, (const unsigned char *)"code-key", 9);
    for (int i = 0; i < room->puzzle_count; i++)
        if (gives_piece(&room->puzzles[i])) crypto_generichash_update(&st, pieces[i], SEAL_TAG);
    crypto_generichash_final(&st, key, 32);
    crypto_generichash(nonce, crypto_secretbox_NONCEBYTES, (const unsigned char *)"code-nonce", 10, room->salt,
                       SEAL_SALT);
}

static int unhex(const char *s, unsigned char *out, size_t cap)
{
    size_t n = s ? strlen(s) : 0;
    if (n % 2 || n / 2 > cap) return -1;
    for (size_t i = 0; i < n / 2; i++) {
        int v = 0;
        for (int k = 0; k < 2; k++) {
            char c = s[2 * i + (size_t)k];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        out[i] = (unsigned char)v;
    }
    return (int)(n / 2);
}

bool seal_open_code(const level_room *room, const unsigned char (*pieces)[SEAL_TAG], char out[SEAL_CODE_MAX])
{
    unsigned char key[32], nonce[crypto_secretbox_NONCEBYTES], box[SEAL_CODE_MAX + crypto_secretbox_MACBYTES];
    out[0] = '\0';
    int n = unhex(room->code_box, box, sizeof box);
    if (n < (int)crypto_secretbox_MACBYTES || n - (int)crypto_secretbox_MACBYTES >= SEAL_CODE_MAX) return false;
    code_key(room, pieces, key, nonce);
    bool ok = crypto_secretbox_open_easy((unsigned char *)out, box, (unsigned long long)n, nonce, key) == 0;
    out[ok ? n - crypto_secretbox_MACBYTES : 0] = '\0';
    sodium_memzero(key, sizeof key);
    return ok;
}

/* ---- sealing a plain room ------------------------------------------------------------------ */

/* Every field of this name: a duplicate key the loader never read must not stay in sight either. */
static void drop(cJSON *obj, const char *key)
{
    while (cJSON_GetObjectItemCaseSensitive(obj, key)) cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
}

static bool add_hex(cJSON *obj, const char *key, const unsigned char *bytes, size_t n)
{
    char hex[2 * 64 + 1];
    seal_hex(bytes, n, hex);
    return cJSON_AddStringToObject(obj, key, hex) != NULL;
}

/* The puzzle's own deterministic shuffle of an array (salt and puzzle id), never the order it
   had (a list of two is swapped): the shipped order says nothing. */
static void shuffle(const level_room *room, const level_puzzle *p, cJSON *arr)
{
    cJSON *items[LEVEL_MAX_OPTIONS];
    int n = 0;
    while (arr->child && n < LEVEL_MAX_OPTIONS) items[n++] = cJSON_DetachItemViaPointer(arr, arr->child);
    unsigned char rnd[2 * LEVEL_MAX_OPTIONS];
    crypto_generichash(rnd, sizeof rnd, (const unsigned char *)p->id, strlen(p->id), room->salt, SEAL_SALT);
    int perm[LEVEL_MAX_OPTIONS];
    for (int i = 0; i < n; i++) perm[i] = i;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(((unsigned)rnd[2 * i] << 8 | rnd[2 * i + 1]) % (unsigned)(i + 1));
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    bool same = true;
    for (int i = 0; i < n; i++) same = same && perm[i] == i;
    if (same && n > 1) /* rotate by one: no item keeps its place */
        for (int i = 0; i < n; i++) perm[i] = (i + 1) % n;
    for (int i = 0; i < n; i++) cJSON_AddItemToArray(arr, items[perm[i]]);
}

static void spaceless(const char *in, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *c = in; *c && n + 1 < cap; c++) if (*c != ' ') out[n++] = *c;
    out[n] = '\0';
}

static bool seal_puzzle(const level_room *room, int pi, cJSON *pj, unsigned char piece[SEAL_TAG])
{
    const level_puzzle *p = &room->puzzles[pi];
    unsigned char t[SEAL_TAG];
    const char *ids[LEVEL_MAX_OPTIONS];
    char pair_ids[LEVEL_MAX_OPTIONS][SEAL_PAIR_ID];
    bool ok = true;
    uint32_t mask = 0;
    int n = 0;
    switch (p->kind) {
    case LEVEL_P_CHOICE:
    case LEVEL_P_HOTSPOTS: {
        cJSON *arr = cJSON_GetObjectItemCaseSensitive(pj, p->kind == LEVEL_P_CHOICE ? "options" : "places");
        int k = 0;
        for (cJSON *o = arr ? arr->child : NULL; o && k < p->option_count; o = o->next, k++) {
            drop(o, "correct");
            if (p->options[k].correct) mask |= 1u << k;
            seal_tag(room->salt, p->id, p->options[k].correct ? "right" : "wrong", p->options[k].id, t);
            ok &= add_hex(o, "tag", t, SEAL_TAG);
        }
        ok &= cJSON_AddNumberToObject(pj, "right_count", p->correct_count) != NULL;
        break;
    }
    case LEVEL_P_ORDER: {
        cJSON *arr = cJSON_GetObjectItemCaseSensitive(pj, "steps");
        int k = 0;
        for (cJSON *o = arr ? arr->child : NULL; o && k < p->option_count; o = o->next, k++) {
            char v[VALUE_MAX];
            snprintf(v, sizeof v, "%s@%d", p->options[k].id, k);
            seal_tag(room->salt, p->id, "at", v, t);
            ok &= add_hex(o, "tag", t, SEAL_TAG);
            ids[n++] = p->options[k].id;
        }
        if (arr) shuffle(room, p, arr);
        break;
    }
    case LEVEL_P_MATCH: {
        cJSON *arr = cJSON_GetObjectItemCaseSensitive(pj, "pairs"), *rights = cJSON_CreateArray();
        int k = 0;
        for (cJSON *o = arr ? arr->child : NULL; o && rights && k < p->option_count; o = o->next, k++) {
            seal_pair_id(room->salt, p->id, p->options[k].id, pair_ids[k]);
            for (int j = 0; j < k; j++) ok &= strcmp(pair_ids[j], pair_ids[k]) != 0;
            char v[VALUE_MAX];
            snprintf(v, sizeof v, "%s=%s", p->options[k].id, pair_ids[k]);
            seal_tag(room->salt, p->id, "pair", v, t);
            ok &= add_hex(o, "tag", t, SEAL_TAG);
            cJSON *r = cJSON_CreateObject();
            cJSON *text = cJSON_DetachItemFromObjectCaseSensitive(o, "right");
            drop(o, "right");
            ok &= r && text && cJSON_AddStringToObject(r, "id", pair_ids[k]) != NULL;
            if (r && text) cJSON_AddItemToObject(r, "right", text);
            else cJSON_Delete(text);
            if (r) cJSON_AddItemToArray(rights, r);
            ids[n++] = pair_ids[k];
        }
        if (!rights) return false;
        shuffle(room, p, rights);
        cJSON_AddItemToObject(pj, "rights", rights);
        break;
    }
    case LEVEL_P_CODE: {
        if (p->final_code) break;
        char code[256];
        spaceless(p->answers[0], code, sizeof code);
        drop(pj, "answer");
        seal_tag(room->salt, p->id, "answer", code, t);
        ok &= add_hex(pj, "answer_tag", t, SEAL_TAG);
        ok &= cJSON_AddBoolToObject(pj, "letters", p->code_letters) != NULL;
        ids[n++] = code;
        seal_piece(room, pi, 0, ids, n, piece);
        return ok;
    }
    case LEVEL_P_TEXT: {
        drop(pj, "answers");
        char hex[LEVEL_MAX_ANSWERS][SEAL_HEX];
        int m = 0;
        for (int a = 0; a < p->answer_count; a++) {
            seal_tag(room->salt, p->id, "answer", p->answers[a], t);
            seal_hex(t, SEAL_TAG, hex[m]);
            bool dup = false;
            for (int b = 0; b < m; b++) dup = dup || strcmp(hex[b], hex[m]) == 0;
            if (!dup) m++;
        }
        /* sorted, so the list's order says nothing of which variant the author wrote first */
        qsort(hex, (size_t)m, SEAL_HEX, (int (*)(const void *, const void *))strcmp);
        cJSON *arr = cJSON_AddArrayToObject(pj, "answer_tags");
        for (int a = 0; arr && a < m; a++) cJSON_AddItemToArray(arr, cJSON_CreateString(hex[a]));
        ok &= arr != NULL;
        break;
    }
    case LEVEL_P_USE: {
        drop(pj, "item");
        drop(pj, "place");
        char v[VALUE_MAX];
        snprintf(v, sizeof v, "%s@%s", room->items[p->use_item].id, p->use_place);
        seal_tag(room->salt, p->id, "use", v, t);
        ok &= add_hex(pj, "use_tag", t, SEAL_TAG);
        ids[n++] = room->items[p->use_item].id;
        ids[n++] = p->use_place;
        break;
    }
    default: break;
    }
    seal_piece(room, pi, mask, ids, n, piece);
    return ok;
}

bool seal_room(const char *file, const char *text, size_t len, char **out, diag_list *diags)
{
    *out = NULL;
    level_room room;
    if (!level_load_room(&room, file, text, len, diags)) return false;
    bool ok = !room.sealed;
    if (room.sealed) diag_add(diags, DIAG_ERROR, DIAG_BAD_VALUE, file, 0, 0, "sealed", "the room is sealed already");
    cJSON *root = ok ? cJSON_ParseWithLength(text, len) : NULL;
    cJSON *puzzles = root ? cJSON_GetObjectItemCaseSensitive(root, "puzzles") : NULL;
    unsigned char(*pieces)[SEAL_TAG] = calloc(LEVEL_MAX_PUZZLES, SEAL_TAG);
    ok = ok && puzzles && pieces;
    int i = 0;
    for (cJSON *pj = ok ? puzzles->child : NULL; pj && i < room.puzzle_count; pj = pj->next, i++)
        ok &= seal_puzzle(&room, i, pj, pieces[i]);
    if (ok && room.code_part) {
        unsigned char key[32], nonce[crypto_secretbox_NONCEBYTES], box[SEAL_CODE_MAX + crypto_secretbox_MACBYTES];
        size_t n = strlen(room.code_part);
        ok = n < SEAL_CODE_MAX;
        if (ok) {
            code_key(&room, (const unsigned char(*)[SEAL_TAG])pieces, key, nonce);
            crypto_secretbox_easy(box, (const unsigned char *)room.code_part, n, nonce, key);
            drop(root, "code_part");
            ok = add_hex(root, "code_box", box, n + crypto_secretbox_MACBYTES);
            sodium_memzero(key, sizeof key);
        }
    }
    if (ok) {
        cJSON *s = cJSON_AddObjectToObject(root, "sealed");
        ok = s && cJSON_AddNumberToObject(s, "version", 1) && add_hex(s, "salt", room.salt, SEAL_SALT);
    }
    if (ok) *out = cJSON_PrintUnformatted(root);
    if (!*out && !diags->errors)
        diag_add(diags, DIAG_ERROR, DIAG_IO, file, 0, 0, "", "could not seal the room (out of memory?)");
    free(pieces);
    cJSON_Delete(root);
    level_free_room(&room);
    return *out != NULL;
}

/* ---- the manifest's titles (issue 18) -------------------------------------------------------- */

char *seal_manifest_titles(const char *file, const char *manifest, size_t len, int64_t release,
                           seal_room_text_fn room_text, void *user, diag_list *diags)
{
    jx_reader mr = jx_reader_make(file, manifest, len, diags);
    cJSON *root = jx_parse(&mr); /* a syntax error is reported with its line and column */
    const cJSON *rooms = cJSON_GetObjectItemCaseSensitive(root, "rooms");
    bool ok = root != NULL, oom = false;
    /* at most the rooms a manifest may have (the loader refuses more): linear in the texts */
    int n = 0;
    for (cJSON *entry = cJSON_IsArray(rooms) ? rooms->child : NULL; ok && entry && n < LEVEL_MAX_ROOMS;
         entry = entry->next, n++) {
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(entry, "file");
        if (!cJSON_IsObject(entry) || !cJSON_IsString(name)) continue; /* the loader below says why */
        size_t rlen = 0;
        const char *rtext = room_text(user, name->valuestring, &rlen);
        if (!rtext) continue;
        /* a room that is there but no JSON is refused, never passed over: cJSON cannot tell a
           syntax error from memory running out, and a title missing for either is a part lost */
        jx_reader rr = jx_reader_make(name->valuestring, rtext, rlen, diags);
        cJSON *room = jx_parse(&rr);
        const cJSON *title = cJSON_GetObjectItemCaseSensitive(room, "title");
        ok = room != NULL;
        if (title) { /* as written: the game applies the manifest's settings to it as to the room's */
            cJSON *copy = cJSON_Duplicate(title, true);
            ok = copy && (cJSON_GetObjectItemCaseSensitive(entry, "title") ? cJSON_ReplaceItemInObjectCaseSensitive(entry, "title", copy)
                                                                           : cJSON_AddItemToObject(entry, "title", copy));
            if (!ok) cJSON_Delete(copy);
            oom |= !ok;
        }
        cJSON_Delete(room);
    }
    /* the release the server serves it as (seal.h), in place of any other; none: none at all */
    if (ok && cJSON_IsObject(root)) {
        cJSON_DeleteItemFromObjectCaseSensitive(root, "release");
        if (release > 0) { /* in digits: cJSON prints a number past 15 digits rounded */
            char digits[24];
            snprintf(digits, sizeof digits, "%lld", (long long)release);
            ok = cJSON_AddRawToObject(root, "release", digits) != NULL;
            oom |= !ok;
        }
    }
    char *out = ok ? cJSON_PrintUnformatted(root) : NULL;
    oom |= ok && !out;
    cJSON_Delete(root);
    if (oom) diag_add(diags, DIAG_ERROR, DIAG_IO, file, 0, 0, "", "could not add the rooms' titles (out of memory?)");
    /* The loader says what else is wrong with the manifest; and a title it refuses would stop
       every player at the error screen, so the result must load. */
    level_game game;
    if (out && !level_load_game(&game, file, out, strlen(out), diags)) {
        free(out);
        return NULL;
    }
    if (out) level_free_game(&game);
    return out;
}
