/* The game's files as store_serve_level gives them: the text, its ETag and X-Pakopeli-Release
 * always of one release, even when a volunteer publishes while a player's room is being read.
 * A browser keeps a room under its ETag: release 2's text under "r1" would be kept by a 304
 * and shown while the game's answers are judged on release 1 (or the other way round).
 *
 * The publish is made to land at the worst moment, deterministically: store.c is included
 * (STYLE.md 12) with its read of the current release number renamed to seam_release_current,
 * which reads it and then, when armed, publishes a new release before store.c goes on, as
 * another thread's publish may. Nothing in store.c changes for the test. http_header is
 * renamed too: the request's If-None-Match without a libmicrohttpd connection. */
#include <cjson/cJSON.h>
#include <unistd.h>

#define db_release_current seam_release_current
#define http_header seam_header
#include "../../game/server/store.c"
#undef db_release_current
#undef http_header
#include "harness.h"

int64_t db_release_current(db *d);

static db *d;
static store *st;
static const char *if_none_match;
static const char *publish_next; /* the title the next read of the release number publishes */

const char *seam_header(const http_req *r, const char *name)
{
    (void)r;
    return strcmp(name, "If-None-Match") == 0 ? if_none_match : NULL;
}

/* outlook.json of the fixture with its Finnish title replaced. The caller frees it. */
static char *outlook_titled(const char *title)
{
    char *text = read_text("tests/fixtures/first-room/outlook.json", NULL);
    cJSON *room = cJSON_Parse(text);
    free(text);
    cJSON *t = cJSON_GetObjectItemCaseSensitive(room, "title");
    cJSON_ReplaceItemInObjectCaseSensitive(t, "fi", cJSON_CreateString(title));
    char *out = cJSON_PrintUnformatted(room);
    cJSON_Delete(room);
    return out;
}

static int64_t publish(const char *title)
{
    char *body = outlook_titled(title);
    db_content_put put = {"outlook.json", body};
    int64_t rel = 0;
    if (db_content_publish(d, &put, NULL, 1, "anna", "uusi otsikko", false, 1000, &rel) != DB_OK) rel = 0;
    free(body);
    return rel;
}

int64_t seam_release_current(db *dd)
{
    int64_t release = db_release_current(dd);
    if (publish_next) {
        const char *title = publish_next;
        publish_next = NULL;
        CHECK(publish(title) == release + 1); /* landed between the number and the text */
    }
    return release;
}

typedef struct served {
    int status;
    char etag[64], release[32], cache[80];
    char *body;
} served;

/* levels/NAME (release 0: the current one) or levels/r/N/NAME (release N) as a browser gets it */
static served serve_at(const char *name, int64_t release, bool drafts)
{
    http_req req = {.method = "GET", .path = name, .body = ""};
    http_resp resp = {0};
    store_serve_level(st, name, release, drafts, &req, &resp);
    served s = {.status = resp.status};
    for (int i = 0; i < resp.header_count; i++) {
        if (strcmp(resp.headers[i][0], "ETag") == 0) snprintf(s.etag, sizeof s.etag, "%s", resp.headers[i][1]);
        if (strcmp(resp.headers[i][0], "X-Pakopeli-Release") == 0)
            snprintf(s.release, sizeof s.release, "%s", resp.headers[i][1]);
        if (strcmp(resp.headers[i][0], "Cache-Control") == 0) snprintf(s.cache, sizeof s.cache, "%s", resp.headers[i][1]);
    }
    s.body = buf_take(&resp.body, NULL);
    return s;
}

static served serve(const char *name, bool drafts) { return serve_at(name, 0, drafts); }

/* The Finnish title of a served room, or of the room "outlook" in a served manifest. */
static const char *title_of(const char *json, char *out, size_t cap)
{
    cJSON *doc = cJSON_Parse(json);
    const cJSON *room = doc, *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(doc, "rooms"))
    {
        if (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(it, "file")) &&
            strcmp(cJSON_GetObjectItemCaseSensitive(it, "file")->valuestring, "outlook.json") == 0)
            room = it;
    }
    const cJSON *fi = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(room, "title"), "fi");
    snprintf(out, cap, "%s", cJSON_IsString(fi) ? fi->valuestring : "(none)");
    cJSON_Delete(doc);
    return out;
}

TEST(a_room_read_while_a_release_is_published_is_the_text_of_the_release_its_etag_names)
{
    int64_t before = db_release_current(d);
    char title[160], t[160];
    snprintf(title, sizeof title, "Julkaisu %lld", (long long)before + 1);
    CHECK(publish(title) == before + 1);
    const int64_t shown = before + 1; /* the release the player loads */
    char next[160];
    snprintf(next, sizeof next, "Julkaisu %lld", (long long)shown + 1);
    publish_next = next;
    served s = serve("outlook.json", false);
    CHECK(publish_next == NULL); /* the publish landed */
    char etag[64], rel[32];
    snprintf(etag, sizeof etag, "\"r%lld\"", (long long)shown);
    snprintf(rel, sizeof rel, "%lld", (long long)shown);
    CHECK(s.status == 200);
    CHECK_STR(s.etag, etag);
    CHECK_STR(s.release, rel);
    CHECK_STR(title_of(s.body, t, sizeof t), title); /* not the next release's */
    free(s.body);

    /* the browser revalidates its copy: the new release, and the new release's text */
    if_none_match = etag;
    s = serve("outlook.json", false);
    if_none_match = NULL;
    snprintf(etag, sizeof etag, "\"r%lld\"", (long long)shown + 1);
    CHECK(s.status == 200);
    CHECK_STR(s.etag, etag);
    CHECK_STR(title_of(s.body, t, sizeof t), next);
    free(s.body);
    if_none_match = etag;
    s = serve("outlook.json", false);
    if_none_match = NULL;
    CHECK(s.status == 304);
    free(s.body);
}

TEST(the_manifest_and_the_preview_read_while_a_release_is_published_are_of_one_release)
{
    char t[160];
    static const bool drafts[] = {false, true};
    for (int i = 0; i < 2; i++) {
        int64_t shown = db_release_current(d);
        char had[160];
        served s = serve("outlook.json", false);
        title_of(s.body, had, sizeof had);
        free(s.body);
        char rel[32];
        snprintf(rel, sizeof rel, "%lld", (long long)shown);
        static const char *const files[] = {"game.json", "outlook.json"};
        for (int f = 0; f < 2; f++) {
            publish_next = f == 0 ? "Manifestin aikana" : "Esikatselun aikana";
            s = serve(files[f], drafts[i]);
            CHECK(publish_next == NULL);
            CHECK(s.status == 200);
            CHECK_STR(s.release, rel);
            CHECK_STR(title_of(s.body, t, sizeof t), had);
            free(s.body);
            shown++;
            snprintf(rel, sizeof rel, "%lld", (long long)shown);
            s = serve("outlook.json", false);
            title_of(s.body, had, sizeof had);
            free(s.body);
        }
    }
}

/* ---- a game in progress stays on its release (levels/r/N/) ---- */

static const char *const IMMUTABLE = "public, max-age=31536000, immutable";

/* The "release" a served manifest says, 0 when none. */
static int64_t release_of(const char *json)
{
    cJSON *doc = cJSON_Parse(json);
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(doc, "release");
    int64_t v = cJSON_IsNumber(r) ? (int64_t)r->valuedouble : 0;
    cJSON_Delete(doc);
    return v;
}

TEST(a_release_by_number_is_what_levels_served_while_it_was_current_after_the_next_is_published)
{
    /* a comic in the release too: served plain, as the current one's */
    const char *comic = "{\"title\":\"Sarjakuva\",\"pages\":[]}";
    db_content_put put = {"comics/vartti.json", comic};
    int64_t was = 0;
    CHECK(db_content_publish(d, &put, NULL, 1, "anna", "sarjakuva", false, 1000, &was) == DB_OK);
    static const char *const files[] = {"game.json", "outlook.json", "comics/vartti.json"};
    served then[3];
    for (int f = 0; f < 3; f++) {
        then[f] = serve(files[f], false);
        CHECK(then[f].status == 200);
    }
    CHECK(release_of(then[0].body) == was); /* the current manifest says its release */
    char etag[64], rel[32], t[160];
    snprintf(etag, sizeof etag, "\"r%lldr\"", (long long)was);
    CHECK_STR(then[0].etag, etag); /* marked: a copy without "release" is not kept by a 304 */
    CHECK_STR(then[0].cache, "no-cache");
    CHECK(publish("Seuraava julkaisu") == was + 1);

    snprintf(rel, sizeof rel, "%lld", (long long)was);
    for (int f = 0; f < 3; f++) {
        served now = serve(files[f], false), old = serve_at(files[f], was, false);
        CHECK(old.status == 200);
        CHECK_STR(old.body, then[f].body); /* byte for byte: the seal is the plain file's */
        CHECK_STR(old.etag, then[f].etag);
        CHECK_STR(old.release, rel);
        CHECK_STR(old.cache, IMMUTABLE);
        if (f < 2) CHECK(strcmp(now.body, old.body) != 0); /* the current release has the new title */
        free(now.body);
        free(old.body);
    }
    served cur = serve("game.json", false);
    CHECK(release_of(cur.body) == was + 1);
    CHECK_STR(title_of(cur.body, t, sizeof t), "Seuraava julkaisu");
    /* the current release by its number: the current one's text, kept for good */
    served pinned = serve_at("game.json", was + 1, false);
    CHECK(pinned.status == 200);
    CHECK_STR(pinned.body, cur.body);
    CHECK_STR(pinned.cache, IMMUTABLE);
    free(pinned.body);
    free(cur.body);
    /* the cache of the current manifest is not taken by an older release's */
    served again = serve("game.json", false);
    CHECK(release_of(again.body) == was + 1);
    free(again.body);
    CHECK(st->manifest_release == was + 1);

    /* revalidated: the same ETag is a 304 with the same headers */
    if_none_match = then[1].etag;
    served same = serve_at("outlook.json", was, false);
    if_none_match = NULL;
    CHECK(same.status == 304);
    CHECK_STR(same.cache, IMMUTABLE);
    free(same.body);
    for (int f = 0; f < 3; f++) free(then[f].body);
}

TEST(a_release_that_is_not_committed_or_a_file_not_in_it_is_not_found)
{
    int64_t cur = db_release_current(d);
    /* the comic is removed in the next release: still in the one before, not in the new one */
    db_content_put gone = {"comics/vartti.json", NULL};
    int64_t rel = 0;
    CHECK(db_content_publish(d, &gone, NULL, 1, "anna", "pois", false, 1000, &rel) == DB_OK && rel == cur + 1);
    served s = serve_at("comics/vartti.json", cur, false);
    CHECK(s.status == 200);
    free(s.body);
    const struct {
        const char *name;
        int64_t release;
    } missing[] = {{"comics/vartti.json", 0}, {"comics/vartti.json", cur + 1}, {"game.json", cur + 2},
                   {"outlook.json", cur + 2}, {"game.json", INT64_C(9007199254740991)}, {"game.json", -1},
                   {"nothing.json", cur}, {"../test.db", cur}, {"r/1/game.json", 0}};
    for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++) {
        s = serve_at(missing[i].name, missing[i].release, false);
        CHECK(s.status == 404);
        CHECK_STR(s.body, "Not found\n");
        CHECK(!s.etag[0] && !s.cache[0] && !s.release[0]); /* nothing kept, no release named */
        free(s.body);
    }
}

TEST(the_preview_never_pins_a_game_to_a_release)
{
    CHECK(db_draft_save(d, "game.json",
                        "{\"title\":\"Luonnos\",\"release\":1,\"rooms\":[{\"id\":\"outlook\",\"file\":\"outlook.json\"}]}",
                        db_content_revision(d, "game.json"), "anna", 1000, NULL) == DB_OK);
    served s = serve("game.json", true);
    CHECK(s.status == 200);
    CHECK(release_of(s.body) == 0); /* the draft's own "release" removed too */
    CHECK_CONTAINS(s.body, "Luonnos");
    free(s.body);
    /* and a release's path asks for no drafts: release 1 as published */
    s = serve_at("game.json", 1, true);
    CHECK(s.status == 200 && release_of(s.body) == 1);
    CHECK_STR(s.cache, IMMUTABLE);
    free(s.body);
}

int main(void)
{
    char dir[] = "/tmp/pakopeli-store-XXXXXX", path[80], err[256];
    if (!mkdtemp(dir)) return 2;
    snprintf(path, sizeof path, "%s/test.db", dir);
    if (!db_open(&d, path, err, sizeof err) ||
        !store_open(&st, &(store_desc){.db = d, .data = dir, .web = dir, .seed = "tests/fixtures/first-room"}, 1000, err,
                    sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    RUN(a_room_read_while_a_release_is_published_is_the_text_of_the_release_its_etag_names);
    RUN(the_manifest_and_the_preview_read_while_a_release_is_published_are_of_one_release);
    RUN(a_release_by_number_is_what_levels_served_while_it_was_current_after_the_next_is_published);
    RUN(a_release_that_is_not_committed_or_a_file_not_in_it_is_not_found);
    RUN(the_preview_never_pins_a_game_to_a_release);
    store_close(st);
    db_close(d);
    remove_tree(dir);
    return harness_done();
}
