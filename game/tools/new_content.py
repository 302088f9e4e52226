#!/usr/bin/python3
"""new_content.py - a new room or comic from levels/templates/ (make new-room, make new-comic).

    new_content.py room NAME [LEVELS]    levels/NAME.json, listed in levels/game.json "rooms"
    new_content.py comic NAME [LEVELS]   levels/comics/NAME.json

The copy gets NAME as its id and the template's "$schema" path fixed for its new folder.
game.json is edited as text, not re-written: only the new entry is added, so its layout and
any comments ("_..." fields) stay as the author left them.
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
        try:
            add_room(levels, name)
        except BaseException:
            os.remove(dest)  # all or nothing
            raise
        print(f"{dest} made from levels/templates/room.json and added to {levels}/game.json.")
        print(f"Preview it: make dev, then open http://127.0.0.1:8080/?room={name}")
    else:
        print(f"{dest} made from levels/templates/comic.json.")
        print(f"Preview it: make dev, then open http://127.0.0.1:8080/?comic={name}")


if __name__ == "__main__":
    main()
