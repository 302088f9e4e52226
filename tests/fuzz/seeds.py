#!/usr/bin/env python3
"""seeds.py OUT LINT SEAL - the fuzzers' starting corpora, made from the repository's own files.

JSON loaders start from levels/, tests/fixtures/ and tests/lint/cases/; the event, replay and
request targets start from whole plays of levels/ written from the linter's
solutions (pakopeli-lint --solution levels/); the phrasebook from pakopeli-lint --phrases; the sealed loader from the rooms of levels/ and
tests/fixtures/ as pakopeli-seal seals them, and plain (which it seals); every target
also starts from its found-and-fixed inputs in tests/fuzz/regress/<target>/. Nothing here is
committed twice: the seeds are copies made at build time."""
import base64
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

out = sys.argv[1]
targets = ["room", "game", "comic", "event", "replay", "request", "csv", "lint", "oidc", "resume", "ingest", "sealed", "phrases"]
for t in targets:
    shutil.rmtree(os.path.join(out, t), ignore_errors=True)
    os.makedirs(os.path.join(out, t))


def put(target, name, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(os.path.join(out, target, name.replace("/", "_")), mode) as f:
        f.write(data)


def kind(path):
    try:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
    except (ValueError, UnicodeDecodeError):
        return "broken"
    if not isinstance(d, dict):
        return "broken"
    if "rooms" in d:
        return "game"
    if "pages" in d:
        return "comic"
    return "room"


files = sorted(set(glob.glob("levels/**/*.json", recursive=True) + glob.glob("tests/fixtures/**/*.json", recursive=True)
                   + glob.glob("tests/lint/cases/**/*.json", recursive=True)))
for path in files:
    if "/schema/" in path or path.endswith("solutions.json"):
        continue
    with open(path, "rb") as f:
        data = f.read()
    k = kind(path)
    for t in (["room", "game", "comic"] if k == "broken" else [k]):
        put(t, path, data)
    if k == "room":
        put("sealed", path, data)
    if k in ("room", "comic", "broken"):
        put("lint", path, (b"\x01" if k == "comic" else b"\x00") + data)

# the sealed form of every room of levels/ and of each fixture game, as the web build makes it
for src in ["levels"] + sorted(os.path.dirname(g) for g in glob.glob("tests/fixtures/*/game.json")):
    with tempfile.TemporaryDirectory() as tmp:
        dst = os.path.join(tmp, "levels")
        shutil.copytree(src, dst)
        if subprocess.run([sys.argv[3], dst], capture_output=True).returncode != 0:
            continue  # a fixture made to be broken
        with open(os.path.join(dst, "game.json"), encoding="utf-8") as f:
            for r in json.load(f).get("rooms", []):
                with open(os.path.join(dst, r["file"]), "rb") as f2:
                    put("sealed", "sealed-" + src + "-" + r["file"], f2.read())

solutions = json.loads(subprocess.run([sys.argv[2], "--solution", "levels/"], check=True, capture_output=True,
                                      encoding="utf-8").stdout)
with open("levels/game.json", encoding="utf-8") as f:
    hub = json.load(f).get("hub")
events, seq = [], 0
for room in sorted(solutions, key=lambda r: r == hub):  # the hub's last door at the end
    for a in solutions[room]:
        seq += 1
        ev = {"v": 1, "seq": seq, "room": room, "puzzle": a["puzzle"], "t": seq * 4000}
        if a.get("hint"):
            ev["hint"] = True
        else:
            ev["answer"] = a.get("answer", [])
        events.append(ev)
put("replay", "whole-play.json", json.dumps(events))
put("replay", "first-room.json", json.dumps(events[:12]))
# resume (fuzz_resume.c): mode 1 plays an event list and round-trips its resume state
put("resume", "whole-play", b"\x01" + json.dumps(events).encode("utf-8"))
put("resume", "first-room", b"\x01" + json.dumps(events[:12]).encode("utf-8"))
for i, ev in enumerate(events[:40]):
    put("event", "event-%02d.json" % i, json.dumps(ev))
put("event", "hint.json", json.dumps({"v": 1, "seq": 2, "room": "outlook", "puzzle": "signs", "hint": True, "t": 5}))
for i in range(0, len(events), 25):
    batch = [{"key": "k%d" % (i + j), "event": ev} for j, ev in enumerate(events[i:i + 25])]
    put("request", "batch-%02d.json" % i, json.dumps({"play": "p1", "events": batch}))
# what follows /levels/r/ in a game in progress's request (valid_release_path): a release and a
# file, and the shapes refused (no number, a leading zero, a sign, past 2^53 - 1, no slash)
for name, path in [("release-room", "12/outlook.json"), ("release-comic", "3/comics/digituki.json"),
                   ("release-largest", "9007199254740991/game.json"), ("release-zero", "0/game.json"),
                   ("release-leading-zero", "007/game.json"), ("release-sign", "+1/game.json"),
                   ("release-too-large", "9007199254740992/game.json"), ("release-overflow", "99999999999999999999/x.json"),
                   ("release-no-slash", "12")]:
    put("request", name, path)
# a manifest as the report server serves it: with its release (level_game.release)
put("game", "served-with-release.json", json.dumps({"title": "Peli", "release": 7, "rooms": [{"id": "a", "file": "a.json"}]}))
put("csv", "invite.csv", "\ufeffnimi;sähköposti;yksikkö;eräpäivä\r\nAino Kallio;aino@example.fi;Päivystys;2026-12-31\r\n"
    "\"Öhman; Väinö\";vaino@example.fi;\"Kotihoito \"\"Itä\"\"\";\r\n".encode("utf-8"))
put("csv", "comma.csv", b"name,email,unit\nA,a@b.fi,X\n\nB,b@c.fi,\"multi\nline\"\n")

# the intake (fuzz_ingest.c reads bytes as requests): per request its size and the time passed,
# per event (twist, time, how): twist 5 = numbered and timed as the game does, how 0 = the right
# answer to the next puzzle, 4 = a hint, 5 = options of the task in any order
def requests(pattern, count=10):
    return bytes(b for _ in range(count) for b in [11, 1] + [x for ev in pattern for x in ev])
put("ingest", "whole-game", requests([(5, 1, 0)] * 12))
put("ingest", "hints-and-misses", requests([(5, 1, 4), (5, 1, 5), (0, 1, 0), (5, 1, 0)] * 3))
put("ingest", "resent-and-skipped", requests([(5, 1, 0), (0, 1, 0), (1, 1, 0), (3, 1, 0, 2), (2, 9, 0)] * 2 + [(5, 1, 0)] * 2))

# ID tokens (oidc): a well-formed one as a provider sends it, and the shapes the checks refuse
def jwt(header, payload, sig=b"signature"):
    enc = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=")
    return b".".join([enc(json.dumps(header).encode()), enc(json.dumps(payload).encode()), enc(sig)])
claims = {"iss": "https://login.example.fi", "aud": "pakopeli", "exp": 1700000300, "iat": 1700000000,
          "nonce": "n-123", "sub": "s1", "email": "maija@example.fi", "name": "Maija", "groups": ["hr-admins"],
          "unit": "P\u00e4ivystys"}
put("oidc", "good.jwt", jwt({"alg": "RS256", "kid": "k1"}, claims))
put("oidc", "audiences.jwt", jwt({"alg": "RS256"}, dict(claims, aud=["pakopeli", "x"], azp="pakopeli")))
put("oidc", "none.jwt", jwt({"alg": "none"}, claims, b""))
put("oidc", "malformed.jwt", b"not.a-token")

# the loaders' phrasebook (phrases) as the web build ships it, and a book with a capture too many
book = subprocess.run([sys.argv[2], "--phrases"], check=True, capture_output=True).stdout
put("phrases", "diag-phrases.json", book)
put("phrases", "stale.json", b'{"patterns": [["% and %", "%1 ja %3", "%2 och %1"]], "words": [["file", "tiedosto", null]]}')

for t in targets:
    for path in glob.glob(os.path.join("tests/fuzz/regress", t, "*")):
        shutil.copy(path, os.path.join(out, t, "regress-" + os.path.basename(path)))
print("fuzz seeds: " + ", ".join("%s %d" % (t, len(os.listdir(os.path.join(out, t)))) for t in targets))
