"""Keep the Vietnamese we supply for Wagtail's admin in step with the installed Wagtail.

Wagtail's own Vietnamese catalogs are far from complete. Django reads LOCALE_PATHS before any
app's catalog, so locale/vi/LC_MESSAGES/django.po (and djangojs.po) fill the gaps, and may also
override an upstream translation that is wrong or breaks our glossary (see locale/README.md).

Every entry this tool manages carries a translator comment "# from: <package>" naming the
package whose catalog it comes from; entries without it (the project's own strings, added by
makemessages) are never touched.

    .venv/bin/python locale/tools/wagtail_vi.py status          # what is covered, what is missing
    .venv/bin/python locale/tools/wagtail_vi.py update          # add new msgids (empty), revive
                                                                # entries makemessages made obsolete
    .venv/bin/python locale/tools/wagtail_vi.py update --prune  # ... and drop msgids gone upstream
    .venv/bin/python locale/tools/wagtail_vi.py check           # placeholders, tags, whitespace
    .venv/bin/python locale/tools/wagtail_vi.py todo            # list what still needs Vietnamese

Only the standard library is used, plus Django's app registry to find the installed packages.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
LOCALE_DIR = BASE_DIR / "locale"
LANGUAGE = "vi"
DOMAINS = ("django", "djangojs")
# Packages whose strings show in Wagtail's admin and which we therefore supply ("django" is
# Django itself and its contrib apps: its Vietnamese misses a few dozen strings, e.g. timesince).
SCOPE = ("wagtail", "taggit", "django_filters", "django")
MARK = "from: "

HEADER = {
    "django": "Vietnamese for Wagtail's admin (and the libraries it shows), supplied by Học Tập.",
    "djangojs": "Vietnamese for Wagtail's admin JavaScript, supplied by Học Tập.",
}


# --- A small PO reader and writer -------------------------------------------------------------


@dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=lambda: [""])
    flags: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # translator comments, without "# "
    references: list[str] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)
    obsolete: bool = False

    @property
    def key(self):
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self):
        return "fuzzy" in self.flags

    @property
    def translated(self):
        return not self.fuzzy and all(self.msgstr) and bool(self.msgstr)

    @property
    def origin(self):
        for comment in self.comments:
            if comment.startswith(MARK):
                return comment[len(MARK) :].strip()
        return None


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(text):
    text = text.strip()
    if not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"not a PO string: {text!r}")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text[1:-1])


def _quote(text):
    return (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .replace("\r", "\\r")
    )


def read_po(path):
    """Return (header Entry or None, [Entry]) from a PO file, obsolete entries included."""
    entries = []
    pending = Entry(msgid="")
    seen_keyword = False  # the pending entry has a msgctxt/msgid already
    last = None  # where a continuation line goes: (attribute, msgstr index or None)

    def flush():
        nonlocal pending, seen_keyword, last
        if seen_keyword:
            entries.append(pending)
        pending, seen_keyword, last = Entry(msgid=""), False, None

    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].lstrip()
            if line.startswith("|"):
                continue  # previous msgid of an obsolete entry
        if not line.strip():
            flush()
            continue
        if line.startswith("#") and not obsolete:
            if seen_keyword:
                flush()
            if line.startswith("#,"):
                pending.flags += [f.strip() for f in line[2:].split(",") if f.strip()]
            elif line.startswith("#:"):
                pending.references += line[2:].split()
            elif line.startswith("#."):
                pending.extracted.append(line[2:].strip())
            elif not line.startswith("#|"):
                pending.comments.append(line[1:].strip())
            continue
        if line.startswith('"'):
            attribute, index = last
            if index is None:
                setattr(pending, attribute, getattr(pending, attribute) + _unquote(line))
            else:
                pending.msgstr[index] += _unquote(line)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and last and last[0] == "msgstr":
            flush()  # a new entry with no blank line before it
        pending.obsolete = pending.obsolete or obsolete
        seen_keyword = True
        if keyword in ("msgctxt", "msgid", "msgid_plural"):
            setattr(pending, keyword, _unquote(rest))
            last = (keyword, None)
        elif keyword == "msgstr":
            pending.msgstr = [_unquote(rest)]
            last = ("msgstr", 0)
        elif keyword.startswith("msgstr["):
            index = int(keyword[7:-1])
            while len(pending.msgstr) <= index:
                pending.msgstr.append("")
            pending.msgstr[index] = _unquote(rest)
            last = ("msgstr", index)
        else:
            raise ValueError(f"{path}: cannot read line {raw!r}")
    flush()
    header = None
    if entries and entries[0].msgid == "" and entries[0].msgctxt is None:
        header = entries.pop(0)
    return header, entries


def _wrap(text, width=76):
    """Split an escaped string into pieces no longer than width, after spaces, like gettext."""
    pieces, line = [], ""
    for word in re.findall(r"[^ ]* *", text):
        if line and len(line) + len(word) > width:
            pieces.append(line)
            line = ""
        line += word
    if line:
        pieces.append(line)
    return pieces


def _string_lines(keyword, text, prefix=""):
    quoted = [_quote(part) for part in re.findall(r"[^\n]*\n|[^\n]+$", text)] or [""]
    if len(quoted) == 1 and len(keyword) + len(quoted[0]) + 3 <= 79:
        return [f'{prefix}{keyword} "{quoted[0]}"']
    lines = [f'{prefix}{keyword} ""']
    for part in quoted:
        lines += [f'{prefix}"{piece}"' for piece in _wrap(part)]
    return lines


def format_entry(entry):
    prefix = "#~ " if entry.obsolete else ""
    lines = [f"# {c}" if c else "#" for c in entry.comments]
    lines += [f"#. {c}" for c in entry.extracted]
    if entry.references:
        lines.append("#: " + " ".join(entry.references))
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    if entry.msgctxt is not None:
        lines += _string_lines("msgctxt", entry.msgctxt, prefix)
    lines += _string_lines("msgid", entry.msgid, prefix)
    if entry.msgid_plural is not None:
        lines += _string_lines("msgid_plural", entry.msgid_plural, prefix)
        for index, text in enumerate(entry.msgstr):
            lines += _string_lines(f"msgstr[{index}]", text, prefix)
    else:
        lines += _string_lines("msgstr", entry.msgstr[0], prefix)
    return "\n".join(lines)


def write_po(path, header, entries):
    blocks = [format_entry(header)] + [format_entry(e) for e in entries]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def new_header(domain):
    header = Entry(msgid="")
    header.comments = [
        HEADER[domain],
        "Refresh with locale/tools/wagtail_vi.py (locale/README.md).",
    ]
    header.msgstr = [
        "Project-Id-Version: hoctap\n"
        "Report-Msgid-Bugs-To: \n"
        "PO-Revision-Date: 2026-01-01 00:00+0700\n"
        "Last-Translator: Học Tập\n"
        "Language-Team: Học Tập\n"
        "Language: vi\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "Plural-Forms: nplurals=1; plural=0;\n"
    ]
    return header


# --- What the installed packages ship ---------------------------------------------------------


def installed_packages():
    """(package name, path) of every installed app, in INSTALLED_APPS order, then Django."""
    sys.path[:0] = [str(BASE_DIR), str(BASE_DIR / "site")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    import django
    from django.apps import apps

    django.setup()
    packages = [(app.name, Path(app.path)) for app in apps.get_app_configs()]
    packages.append(("django", Path(django.__file__).parent / "conf"))
    return packages


def source_catalog(path, domain):
    """The msgids a package ships: its English catalog, else any other language's."""
    english = path / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
    if english.exists():
        return english
    others = sorted((path / "locale").glob(f"*/LC_MESSAGES/{domain}.po"))
    return others[0] if others else None


def in_scope(package):
    return any(package == s or package.startswith(s + ".") for s in SCOPE)


def gather(domain):
    """Return (sources, upstream): the in-scope msgids by key, the shipped Vietnamese by key."""
    sources = {}  # key -> (package, Entry from the source catalog)
    upstream = {}  # key -> (package, msgstr list); the first app in INSTALLED_APPS wins
    for package, path in installed_packages():
        vi = path / "locale" / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"
        if vi.exists():
            for entry in read_po(vi)[1]:
                if entry.translated and not entry.obsolete and entry.key not in upstream:
                    upstream[entry.key] = (package, entry.msgstr)
        if not in_scope(package):
            continue
        source = source_catalog(path, domain)
        if source is None:
            continue
        for entry in read_po(source)[1]:
            if not entry.obsolete and entry.key not in sources:
                sources[entry.key] = (package, entry)
    return sources, upstream


def merge_flags(ours, source):
    """Our flags plus the source's format flags; "#, no-python-format" on ours wins."""
    flags = list(ours)
    for flag in source:
        if flag != "fuzzy" and flag not in flags and f"no-{flag}" not in flags:
            flags.append(flag)
    return flags


def ours_path(domain):
    return LOCALE_DIR / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def read_ours(domain):
    path = ours_path(domain)
    if not path.exists():
        return new_header(domain), []
    header, entries = read_po(path)
    return header or new_header(domain), entries


# --- Commands ---------------------------------------------------------------------------------


def cmd_status(args):
    for domain in DOMAINS:
        sources, upstream = gather(domain)
        _, ours = read_ours(domain)
        ours_by_key = {e.key: e for e in ours if not e.obsolete}
        by_package = {}
        for key, (package, _entry) in sources.items():
            row = by_package.setdefault(package, [0, 0, 0, 0])
            row[0] += 1
            mine = ours_by_key.get(key)
            if mine is not None and mine.translated:
                row[1] += 1
            elif key in upstream:
                row[2] += 1
            else:
                row[3] += 1
        print(f"\n{domain}: msgids | supplied by us | only upstream | missing")
        total = [0, 0, 0, 0]
        for package, row in sorted(by_package.items()):
            print(f"  {package:40} {row[0]:5} {row[1]:5} {row[2]:5} {row[3]:5}")
            total = [a + b for a, b in zip(total, row, strict=True)]
        print(f"  {'total':40} {total[0]:5} {total[1]:5} {total[2]:5} {total[3]:5}")
        overrides = sum(1 for k, e in ours_by_key.items() if e.translated and k in upstream)
        print(f"  of ours, {overrides} override an upstream translation")


def restore_from_git(domain, entries):
    """Fill our untranslated entries from the committed catalog, where it translates them.

    msgmerge (run by makemessages) may spend an entry of ours on a fuzzy guess for a new
    msgid of the project's, and the entry is then gone from the file; git still has it."""
    path = ours_path(domain).relative_to(BASE_DIR).as_posix()
    try:
        git = ["git", "show", f"HEAD:{path}"]  # fixed arguments; git from PATH
        done = subprocess.run(git, cwd=BASE_DIR, capture_output=True, check=True)  # noqa: S603
        committed = done.stdout.decode("utf-8")
    except (OSError, subprocess.CalledProcessError):
        return 0
    with tempfile.NamedTemporaryFile("w", suffix=".po", encoding="utf-8") as copy:
        copy.write(committed)
        copy.flush()
        previous = {e.key: e for e in read_po(copy.name)[1] if e.translated and not e.obsolete}
    restored = 0
    for entry in entries:
        old = previous.get(entry.key)
        if not entry.translated and old is not None and old.origin:
            entry.msgstr = list(old.msgstr[:1] if entry.msgid_plural else old.msgstr)
            entry.flags = [f for f in entry.flags if f != "fuzzy"]
            restored += 1
    return restored


def cmd_update(args):
    for domain in DOMAINS:
        sources, upstream = gather(domain)
        order = {key: index for index, key in enumerate(sources)}
        header, entries = read_ours(domain)
        project, supplied, obsolete = [], {}, []
        active = {e.key for e in entries if not e.obsolete}
        revived = pruned = unmarked = 0
        for entry in entries:
            if entry.obsolete:
                if entry.key in sources and entry.key not in active and entry.origin:
                    # makemessages marks "#~" the msgids it did not find in our code: revive ours.
                    entry.obsolete = False
                    active.add(entry.key)
                    revived += 1
                else:
                    obsolete.append(entry)
                    continue
            if entry.origin and entry.key not in sources and entry.fuzzy:
                # msgmerge guessed a translation for one of our own new msgids from an entry of
                # ours and copied our mark with it: the entry is the project's, not Wagtail's.
                entry.comments = [c for c in entry.comments if not c.startswith(MARK)]
                unmarked += 1
            if not entry.origin:
                project.append(entry)
                continue
            if entry.key not in sources:
                if args.prune:
                    pruned += 1
                    continue
                print(f"{domain}: gone upstream (drop with --prune): {entry.msgid!r}")
            else:
                source = sources[entry.key][1]
                entry.flags = merge_flags(entry.flags, source.flags)
                entry.msgid_plural = source.msgid_plural
                if source.msgid_plural is not None:
                    entry.msgstr = entry.msgstr[:1] or [""]
            supplied[entry.key] = entry
        added = 0
        for key, (package, source) in sources.items():
            if key in supplied or (key in upstream and not args.all):
                continue
            supplied[key] = Entry(
                msgid=source.msgid,
                msgctxt=source.msgctxt,
                msgid_plural=source.msgid_plural,
                flags=merge_flags([], source.flags),
                comments=[MARK + package],
            )
            added += 1
        restored = restore_from_git(domain, supplied.values())
        # The project's own entries first (in makemessages' order), then ours in the order of
        # the installed packages' catalogs, so that every refresh writes the same file.
        ours = sorted(supplied.values(), key=lambda e: order.get(e.key, len(order)))
        if project or ours or ours_path(domain).exists():
            write_po(ours_path(domain), header, project + ours + obsolete)
        print(
            f"{domain}: {added} added, {revived} revived from obsolete, {restored} restored from "
            f"git HEAD, {unmarked} unmarked (msgmerge guesses), {pruned} pruned"
        )


PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|%[sd]|\{[a-z_0-9]*\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def problems(entry):
    sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
    found = []
    for text in entry.msgstr:
        if not text:
            continue
        want = set()
        for source in sources:
            want |= set(PLACEHOLDER.findall(source))
        have = set(PLACEHOLDER.findall(text))
        # The plural form carries every placeholder; the singular may spell "one" instead.
        expected = set(PLACEHOLDER.findall(sources[-1]))
        if "no-python-format" in entry.flags:
            expected = set()  # an upstream msgid with a stray placeholder; see its comment
        if have - want or not expected <= have:
            found.append(f"placeholders {sorted(want)} vs {sorted(have)}")
        if sorted(TAG.findall(entry.msgid)) != sorted(TAG.findall(text)):
            found.append("HTML tags differ")
        for edge, name in ((str.startswith, "leading"), (str.endswith, "trailing")):
            for char in (" ", "\n"):
                if edge(entry.msgid, char) != edge(text, char):
                    found.append(f"{name} {char!r} differs")
    return found


def cmd_check(args):
    bad = 0
    for domain in DOMAINS:
        _, ours = read_ours(domain)
        for entry in ours:
            if entry.obsolete:
                continue
            for problem in problems(entry):
                bad += 1
                print(f"{domain}: {entry.msgid!r}: {problem}")
    print(f"{bad} problem(s)")
    return 1 if bad else 0


def cmd_todo(args):
    for domain in DOMAINS:
        _, ours = read_ours(domain)
        for entry in ours:
            if not entry.obsolete and entry.origin and not entry.translated:
                print(f"{domain}\t{entry.origin}\t{entry.msgctxt or ''}\t{entry.msgid!r}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("status").set_defaults(func=cmd_status)
    update = sub.add_parser("update")
    update.add_argument("--prune", action="store_true", help="drop msgids gone from upstream")
    update.add_argument(
        "--all", action="store_true", help="also add msgids upstream already translates"
    )
    update.set_defaults(func=cmd_update)
    sub.add_parser("check").set_defaults(func=cmd_check)
    sub.add_parser("todo").set_defaults(func=cmd_todo)
    args = parser.parse_args(argv)
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
