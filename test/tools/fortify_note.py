"""The fortify notes of a program (one per object the plugins built):
"fortify-plugins V; compiler=NAME VERSION; level=N; ...". A program
emulated-cc wrapped names the real one on a "# target:" line."""
import re


def notes(binary):
    """[(compiler name, level)] of each note in the binary, [] if none or unreadable."""
    try:
        with open(binary, "rb") as f:
            data = f.read()
        if data.startswith(b"#!"):
            target = re.search(rb"^# target: (.*)$", data, re.M)
            if target:
                with open(target.group(1).decode(), "rb") as f:
                    data = f.read()
    except OSError:
        return []
    return [(m.group(1).decode(), int(m.group(2)))
            for m in re.finditer(rb"fortify-plugins [^;\0]*; compiler=([a-z]+)[^;\0]*; level=([123])", data)]


def built_level(binary):
    """The lowest level of the binary's notes, or None."""
    levels = [level for _, level in notes(binary)]
    return min(levels) if levels else None
