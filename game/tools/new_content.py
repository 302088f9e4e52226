#!/usr/bin/python3
"""new_content.py - a new room or comic from levels/templates/ (make new-room, make new-comic).

    new_content.py room NAME [LEVELS]    levels/NAME.json, listed in levels/game.json "rooms"
    new_content.py comic NAME [LEVELS]   levels/comics/NAME.json, with a lobby button that opens it

The copy gets NAME as its id and the template's "$schema" path fixed for its new folder.
A new room keeps the game whole (issue 12; pakopeli-lint refuses a game without these): the
lobby gets a door to it, next to the last door to a room; the room gets a code part of its own;
and the last door's last hint, which lists the rooms in the order of their code parts, names it.
game.json and the lobby are edited as text, not re-written: only the new parts are added, so
their layout and any comments ("_..." fields) stay as the author left them.
"""
import json
import os
import re
import sys

ID = re.compile(r"^[a-z0-9_-]+$")


def fail(msg):
    sys.stderr.write(f"new_content: {msg}\n")
    sys.exit(1)


def copy_template(levels, kind, name, dest):
    with open(os.path.join(levels, "templates", f"{kind}.json"), encoding="utf-8") as f:
        text = f.read()
    doc = json.loads(text)  # the template must be valid before it is copied
    old_id = doc["id"]
    # only the top-level "id" (the first one in the file) and the schema path change
    text = re.sub(r'("id"\s*:\s*)"%s"' % re.escape(old_id), r'\1"%s"' % name, text, count=1)
    schema = os.path.relpath(os.path.join(levels, "schema", f"{kind}.schema.json"), os.path.dirname(dest))
    text = re.sub(r'("\$schema"\s*:\s*)"[^"]*"', r'\1"%s"' % schema.replace(os.sep, "/"), text, count=1)
    if json.loads(text)["id"] != name:
        fail("could not set the id in the copy")
    with open(dest, "x", encoding="utf-8") as f:
        f.write(text)


def skip_string(s, i):
    i += 1
    while s[i] != '"':
        i += 2 if s[i] == "\\" else 1
    return i + 1


def rooms_array_end(text):
    """Index of the ']' that closes the top-level "rooms" array, found by scanning the text."""
    depth, i, key = 0, 0, None
    while i < len(text):
        c = text[i]
        if c == '"':
            j = skip_string(text, i)
            if depth == 1:
                key = text[i + 1 : j - 1]
            i = j
            continue
        if c in "{[":
            depth += 1
            if depth == 2 and c == "[" and key == "rooms":
                start = i
                d = 0
                while True:
                    ch = text[i]
                    if ch == '"':
                        i = skip_string(text, i)
                        continue
                    if ch in "{[":
                        d += 1
                    elif ch in "}]":
                        d -= 1
                        if d == 0:
                            return start, i
                    i += 1
        elif c in "}]":
            depth -= 1
        i += 1
    fail('game.json has no "rooms" list')


def object_around(text, pos):
    """(start, end) of the innermost {...} that contains text[pos], end index of its '}'."""
    depth, i, stack = 0, 0, []
    while i < len(text):
        c = text[i]
        if c == '"':
            j = skip_string(text, i)
            if i <= pos < j and stack:
                break
            i = j
            continue
        if i == pos and stack:
            break
        if c == "{":
            stack.append(i)
        elif c == "}":
            stack.pop()
        i += 1
    start = stack[-1]
    d, i = 0, start
    while True:
        ch = text[i]
        if ch == '"':
            i = skip_string(text, i)
            continue
        if ch == "{":
            d += 1
        elif ch == "}":
            d -= 1
            if d == 0:
                return start, i
        i += 1


def display_name(name):
    return re.sub(r"[-_]+", " ", name).strip().capitalize()


def add_door(levels, name):
    """The lobby's door to the new room, and the new room in the last door's hint."""
    game = json.loads(open(os.path.join(levels, "game.json"), encoding="utf-8").read())
    hub_id = game.get("hub")
    ref = next((r for r in game.get("rooms", []) if r.get("id") == hub_id), None)
    if not ref:
        return None
    path = os.path.join(levels, ref["file"])
    text = open(path, encoding="utf-8").read()
    hub = json.loads(text)
    widgets = hub.get("scene", {}).get("widgets", [])
    doors = [w for w in widgets if isinstance(w.get("opens"), str) and not w["opens"].startswith("comic:") and "rect" in w]
    title = display_name(name)
    size = hub.get("scene", {}).get("size", [800, 560])
    if doors:
        last = doors[-1]
        x, y, w, h = last["rect"]
        first_x = doors[0]["rect"][0]
        # the next place in the row of doors, or the start of a new row below it
        nx, ny = (x + w + 16, y) if x + 2 * w + 16 <= size[0] else (first_x, y + h + 20)
        anchor = text.index('"id": "%s"' % last["id"]) if last.get("id") else text.index('"opens": "%s"' % last["opens"])
    else:
        nx, ny, w, h = 24, 196, 140, 60
        anchor = None
    door = (
        '{ "id": "door-%s", "type": "button", "rect": [%d, %d, %d, %d], "opens": "%s",\n'
        '        "text": { "fi": "%s", "sv": "%s", "en": "%s" },\n'
        '        "label": { "fi": "Ovi: %s", "sv": "Dörr: %s", "en": "Door: %s" } }'
        % (name, nx, ny, w, h, name, title, title, title, title, title, title)
    )
    if anchor is not None:
        _, end = object_around(text, anchor)
        text = text[: end + 1] + ",\n      " + door + text[end + 1 :]
    else:
        m = re.search(r'"widgets"\s*:\s*\[', text)
        if not m:
            fail(f"{path} has no scene.widgets list to put the door in")
        text = text[: m.end()] + "\n      " + door + ("," if widgets else "") + text[m.end() :]
    # the last door's last hint lists the rooms in the order of the code: the new part comes last
    final = next((p for p in hub.get("puzzles", []) if p.get("final")), None)
    if final and final.get("hints"):
        hint = final["hints"][-1]
        langs = hint if isinstance(hint, dict) else {"fi": hint}
        for lang, s in langs.items():
            old = json.dumps(s, ensure_ascii=False)
            if old not in text:
                continue
            new = s[:-1] + ", " + title + "." if s.endswith(".") else s + ", " + title
            text = text.replace(old, json.dumps(new, ensure_ascii=False), 1)
    json.loads(text)  # still valid JSON
    return path, text


def free_spot(widgets, size, w, h):
    """The first place of w x h in the scene that no widget covers, read like a page (else None)."""
    rects = [x["rect"] for x in widgets if isinstance(x.get("rect"), list) and len(x["rect"]) == 4]
    for y in range(16, size[1] - h - 7, 8):
        for x in range(16, size[0] - w - 7, 8):
            if all(x + w + 8 <= rx or rx + rw + 8 <= x or y + h + 8 <= ry or ry + rh + 8 <= y for rx, ry, rw, rh in rects):
                return x, y
    return None


def add_comic_button(levels, name):
    """A button in the lobby that opens the new comic: a comic no room opens is never seen
    (the linter's comic-unreached); the studio places one the same way."""
    game = json.loads(open(os.path.join(levels, "game.json"), encoding="utf-8").read())
    ref = next((r for r in game.get("rooms", []) if r.get("id") == game.get("hub")), None)
    if not ref:
        return None
    path = os.path.join(levels, ref["file"])
    text = open(path, encoding="utf-8").read()
    hub = json.loads(text)
    widgets = hub.get("scene", {}).get("widgets", [])
    spot = free_spot(widgets, hub.get("scene", {}).get("size", [800, 560]), 240, 52)
    if not spot:
        fail(f"{path}: the lobby has no free place for the comic's button; add one with \"opens\": \"comic:{name}\"")
    title = display_name(name)
    button = (
        '{ "id": "comic-%s", "type": "button", "rect": [%d, %d, 240, 52], "opens": "comic:%s",\n'
        '        "text": { "fi": "%s", "sv": "%s", "en": "%s" },\n'
        '        "label": { "fi": "Sarjakuva: %s", "sv": "Serie: %s", "en": "Comic: %s" } }'
        % (name, spot[0], spot[1], name, title, title, title, title, title, title)
    )
    m = re.search(r'"widgets"\s*:\s*\[', text)
    if not m:
        fail(f"{path} has no scene.widgets list to put the comic's button in")
    text = text[: m.end()] + "\n      " + button + ("," if widgets else "") + text[m.end() :]
    json.loads(text)  # still valid JSON
    return path, text


def fresh_code_part(levels, dest):
    """A digit that the other rooms' parts do not use yet (else any): the player can tell them apart."""
    used = set()
    for f in os.listdir(levels):
        if f.endswith(".json") and f != "game.json":
            try:
                used.add(str(json.load(open(os.path.join(levels, f), encoding="utf-8")).get("code_part", "")))
            except (ValueError, OSError):
                pass
    part = next((d for d in "1234567890" if d not in used), "1")
    text = open(dest, encoding="utf-8").read()
    text = re.sub(r'("code_part"\s*:\s*)"[^"]*"', r'\1"%s"' % part, text, count=1)
    with open(dest, "w", encoding="utf-8") as f:
        f.write(text)


def add_room(levels, name):
    path = os.path.join(levels, "game.json")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    game = json.loads(text)
    if any(r.get("id") == name for r in game.get("rooms", [])):
        fail(f"game.json already has a room '{name}'")
    start, end = rooms_array_end(text)
    inside = text[start + 1 : end]
    # indent like the entries already there
    m = re.search(r"\n([ \t]*)\{", inside)
    indent = m.group(1) if m else "    "
    inner = indent + ("  " if indent.startswith(" ") else "\t")
    entry = f'{{\n{inner}"id": "{name}",\n{inner}"file": "{name}.json"\n{indent}}}'
    body = inside.rstrip()
    sep = "," if body.strip() else ""
    closing_ws = inside[len(body):]
    new = text[: start + 1] + body + f"{sep}\n{indent}{entry}" + (closing_ws if "\n" in closing_ws else "\n  ") + text[end:]
    json.loads(new)  # still valid JSON
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("room", "comic"):
        fail("usage: new_content.py room|comic NAME [LEVELS]")
    kind, name = sys.argv[1], sys.argv[2]
    levels = sys.argv[3] if len(sys.argv) > 3 else "levels"
    if not ID.match(name):
        fail(f"'{name}' cannot be an id: use only a-z, 0-9, '-' and '_' (for example NAME=kalenteri)")
    dest = os.path.join(levels, f"{name}.json") if kind == "room" else os.path.join(levels, "comics", f"{name}.json")
    if os.path.exists(dest):
        fail(f"{dest} already exists")
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    copy_template(levels, kind, name, dest)
    if kind == "room":
        game_path = os.path.join(levels, "game.json")
        game_before = open(game_path, encoding="utf-8").read()
        try:
            fresh_code_part(levels, dest)
            lobby = add_door(levels, name)  # computed before anything is written
            add_room(levels, name)
            if lobby:
                with open(lobby[0], "w", encoding="utf-8") as f:
                    f.write(lobby[1])
        except BaseException:
            os.remove(dest)  # all or nothing
            with open(game_path, "w", encoding="utf-8") as f:
                f.write(game_before)
            raise
        print(f"{dest} made from levels/templates/room.json and added to {levels}/game.json.")
        if lobby:
            print(f"The lobby ({lobby[0]}) has a door to it, and the last door's hint names it: move the door")
            print("and rename it as you like (make dev shows it).")
        print(f"Preview it: make dev, then open http://127.0.0.1:8080/?room={name}")
    else:
        try:
            lobby = add_comic_button(levels, name)
        except BaseException:
            os.remove(dest)  # all or nothing
            raise
        if lobby:
            with open(lobby[0], "w", encoding="utf-8") as f:
                f.write(lobby[1])
        print(f"{dest} made from levels/templates/comic.json.")
        if lobby:
            print(f"The lobby ({lobby[0]}) has a button that opens it: move it and rename it as you like.")
        print(f"Preview it: make dev, then open http://127.0.0.1:8080/?comic={name}")


if __name__ == "__main__":
    main()
