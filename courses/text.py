"""Vietnamese text: one place for how names and search terms are normalised, folded and sorted.

Lives in `courses`, the bottom of the app stack, so every app can use it."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")

# Combining marks that make a different letter of the Vietnamese alphabet (ă â ê ô ơ ư)…
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
# …and the five tone marks, in the order Vietnamese dictionaries sort them.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]  # fmt: skip
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET, start=10)}


def nfc(text: str) -> str:
    """Text as we store it: NFC, trimmed, inner runs of white space made one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def fold(text: str) -> str:
    """Lower case without diacritics, for matching: "Nguyễn Thị Đào" -> "nguyen thi dao"."""
    decomposed = unicodedata.normalize("NFD", nfc(text).lower())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("đ", "d")


def sort_key(text: str) -> str:
    """A key that sorts words in Vietnamese alphabetical order (a < ă < â < b … d < đ …),
    letters first and tones second, as an ASCII string the database can order by."""
    letters, tones = [], []
    for char in unicodedata.normalize("NFD", nfc(text).lower()):
        if char in _TONES:
            tones[-1:] = [str(_TONES[char])] if tones else []
            continue
        if char in (_BREVE, _CIRCUMFLEX, _HORN) and letters:
            base = _ALPHABET[int(letters[-1]) - 10]
            combined = unicodedata.normalize("NFC", base + char)
            if combined in _LETTER_RANK:
                letters[-1] = str(_LETTER_RANK[combined])
            continue
        if unicodedata.combining(char):
            continue
        rank = _LETTER_RANK.get(char)
        if rank is not None:
            letters.append(str(rank))
            tones.append("0")
        elif char.isdigit():
            letters.append(f"0{char}")
            tones.append("0")
        else:
            letters.append("00")
            tones.append("0")
    return "".join(letters) + "." + "".join(tones)


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) of a Vietnamese name written family - middle - given."""
    words = nfc(full_name).split(" ")
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def name_sort_key(full_name: str) -> str:
    """Sort people as Vietnamese lists do: by given name, then family name, then middle."""
    family, middle, given = split_name(full_name)
    return " ".join(sort_key(part) for part in (given, family, middle))[:255]


_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The folded words of a text, punctuation dropped: "Bồi dưỡng (BDTX)" -> ["boi", "duong",
    "bdtx"]. Search keys store these joined by spaces, so a query word can match a word start."""
    return _WORD.findall(fold(text))
