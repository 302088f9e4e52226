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
    char etag[64], release[32];
    char *body;
} served;

static served serve(const char *name, bool drafts)
{
    http_req req = {.method = "GET", .path = name, .body = ""};
    http_resp resp = {0};
    store_serve_level(st, name, drafts, &req, &resp);
    served s = {.status = resp.status};
    for (int i = 0; i < resp.header_count; i++) {
        if (strcmp(resp.headers[i][0], "ETag") == 0) snprintf(s.etag, sizeof s.etag, "%s", resp.headers[i][1]);
        if (strcmp(resp.headers[i][0], "X-Pakopeli-Release") == 0)
            snprintf(s.release, sizeof s.release, "%s", resp.headers[i][1]);
    }
    s.body = buf_take(&resp.body, NULL);
    return s;
}

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
    store_close(st);
    db_close(d);
    remove_tree(dir);
    return harness_done();
}
