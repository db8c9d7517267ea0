#!/usr/bin/env python3
"""Builds the typo rule's precomputed dictionaries from Debian's Hunspell dictionaries, so
that the rule answers most look-ups without opening Hunspell (en_US takes ~45 ms to open,
and the rule used to NFC-normalise the 4 MB ko_KR.dic at every start):

- Rules/typo/en_US-words.txt: every word form en_US accepts that is made of ASCII letters
  only (roots of en_US.dic with their prefixes and suffixes from en_US.aff applied, as
  Hunspell's `unmunch` would list them), sorted bytewise. The rule uses it for words of
  ASCII letters that are lower-case or capitalised, and asks Hunspell for anything else.
- Rules/typo/ko_KR-stems.txt: the stems of ko_KR.dic (the text before `/` on each line),
  composed to NFC (the file stores conjoining jamo), unique, sorted bytewise.
- Rules/typo/ko_KR-syllables.txt: the Hangul syllables those stems use, in code point
  order (a one-post run reads these 2,000-odd syllables instead of the 1 MB stem list).
- Rules/typo/ko_KR-slicing.txt: what the rule needs to hand Hunspell a small slice of
  ko_KR (HunspellSlicer.swift) instead of opening its 11 MB affix file: the affix file's
  lines other than suffix entries and conversions, each suffix group's cross-product
  letter, and two sorted indexes of byte offsets into the installed files: suffix entries
  by the text they append, dictionary lines by their word.

Each file's header records the sizes of the Hunspell files it came from; at run time the
rule uses the shipped list only when the installed dictionary has those sizes, and reads
the installed dictionary itself otherwise (so findings never depend on which is used).

Before writing, every en_US form is checked against Hunspell itself (libhunspell through
ctypes), and so are all edit-distance-1 variants of a sample of the forms: the list must
agree with Hunspell on each of them.

Sources and licences: Debian `hunspell-en-us` (SCOWL by Kevin Atkinson, BSD-style
permissive licence: see /usr/share/doc/hunspell-en-us/copyright); Debian `hunspell-ko`
(hunspell-dict-ko by Changwoo Ryu, MPL-1.1 / GPL-2+ / LGPL-2.1+; the stem list is
distributed under MPL-1.1). Needs only python3 and libhunspell (libhunspell-dev).
Run `python3 scripts/generate-typo-dictionaries.py` from the repository root.
"""
import ctypes, ctypes.util, os, random, sys, unicodedata

FOLDER = "/usr/share/hunspell"
OUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "Rules", "typo")


def read_affixes(path):
    """{flag: (kind, cross_product, [(strip, add, condition)])} from an .aff file."""
    affixes = {}
    for line in open(path, encoding="utf-8"):
        parts = line.split()
        if len(parts) < 4 or parts[0] not in ("PFX", "SFX"):
            continue
        kind, flag = parts[0], parts[1]
        if flag not in affixes:
            affixes[flag] = (kind, parts[2] == "Y", [])
            continue
        strip = "" if parts[2] == "0" else parts[2]
        add = "" if parts[3] == "0" else parts[3].split("/")[0]
        affixes[flag][2].append((strip, add, parts[4] if len(parts) > 4 else "."))
    return affixes


def condition_matches(condition, text, at_end):
    """Hunspell's affix condition: a sequence of characters and [...] / [^...] classes."""
    pieces, index = [], 0
    while index < len(condition):
        if condition[index] == "[":
            close = condition.index("]", index)
            body = condition[index + 1:close]
            pieces.append((body[1:], True) if body.startswith("^") else (body, False))
            index = close + 1
        else:
            pieces.append((condition[index], False) if condition[index] != "." else (None, False))
            index += 1
    if len(pieces) > len(text):
        return False
    segment = text[len(text) - len(pieces):] if at_end else text[:len(pieces)]
    for character, (allowed, negated) in zip(segment, pieces):
        if allowed is None:
            continue
        if (character in allowed) == negated:
            return False
    return True


def apply(entries, root, kind):
    for strip, add, condition in entries:
        if kind == "SFX":
            if condition_matches(condition, root, True) and root.endswith(strip):
                yield root[:len(root) - len(strip)] + add
        elif condition_matches(condition, root, False) and root.startswith(strip):
            yield add + root[len(strip):]


def english_forms(aff, dic, only_in_compound="c"):
    affixes = read_affixes(aff)
    forms = set()
    lines = open(dic, encoding="utf-8").read().split("\n")[1:]
    for line in lines:
        if not line.strip():
            continue
        root, _, flags = line.partition("/")
        flags = flags.strip()
        if only_in_compound in flags:
            continue
        forms.add(root)
        suffixed = []
        for flag in flags:
            if flag in affixes and affixes[flag][0] == "SFX":
                for form in apply(affixes[flag][2], root, "SFX"):
                    forms.add(form)
                    if affixes[flag][1]:
                        suffixed.append(form)
        for flag in flags:
            if flag in affixes and affixes[flag][0] == "PFX":
                kind, cross, entries = affixes[flag]
                forms.update(apply(entries, root, "PFX"))
                if cross:
                    for form in suffixed:
                        forms.update(apply(entries, form, "PFX"))
    return sorted(f for f in forms if f.isascii() and f.isalpha())


class Hunspell:
    def __init__(self, aff, dic):
        library = ctypes.CDLL(ctypes.util.find_library("hunspell-1.7") or "libhunspell-1.7.so.0")
        library.Hunspell_create.restype = ctypes.c_void_p
        library.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        self.library = library
        self.handle = library.Hunspell_create(aff.encode(), dic.encode())

    def accepts(self, word):
        return self.library.Hunspell_spell(ctypes.c_void_p(self.handle), word.encode()) != 0


def edits(word):
    letters = "abcdefghijklmnopqrstuvwxyz"
    for i in range(len(word)):
        yield word[:i] + word[i + 1:]
        for c in letters:
            yield word[:i] + c + word[i + 1:]
            yield word[:i] + c + word[i:]
        if i + 1 < len(word):
            yield word[:i] + word[i + 1] + word[i] + word[i + 2:]


def fast_accepts(known, word):
    """What the rule's fast path answers for a word of ASCII letters (as Hunspell does:
    the exact form; a capitalised word also in lower case; a mixed-case word only as it
    is). All-capitals words of two letters or more also match mixed-case entries (`EBAY`
    for `eBay`): those are left to Hunspell (None)."""
    if len(word) > 1 and word.isupper():
        return None
    if word[0].isupper():
        return word in known or (word[1:].islower() or len(word) == 1) and word.lower() in known
    return word in known


def check_english(forms, hunspell, sample_size=4000):
    known = set(forms)
    wrong = [f for f in forms if not hunspell.accepts(f)]
    rng = random.Random(1)
    probes = set()
    for word in rng.sample(forms, min(sample_size, len(forms))):
        for variant in edits(word.lower()):
            if variant:
                mixed = "".join(c.upper() if rng.random() < 0.3 else c for c in variant)
                probes.update([variant, variant.capitalize(), variant.upper(), mixed])
        probes.update([word, word.upper(), word.lower(), word.capitalize()])
    for variant in probes:
        verdict = fast_accepts(known, variant)
        if verdict is not None and verdict != hunspell.accepts(variant):
            wrong.append(variant)
    print(f"en_US: {len(forms)} forms, {len(probes)} edit probes checked against Hunspell, {len(wrong)} disagree",
          file=sys.stderr)
    return wrong


def korean_stems(dic):
    text = unicodedata.normalize("NFC", open(dic, encoding="utf-8").read())
    stems = set()
    for line in text.split("\n")[1:]:
        stem = line.split("/", 1)[0].rstrip("\r")
        if stem:
            stems.add(stem)
    return sorted(stems, key=lambda s: s.encode())


def korean_slicing(aff, dic):
    """The sections of ko_KR-slicing.txt. Offsets are six hexadecimal digits (fixed width,
    so the rule bisects the text without indexing its lines first)."""
    aff_bytes, dic_bytes = open(aff, "rb").read(), open(dic, "rb").read()
    assert len(aff_bytes) < 1 << 24 and len(dic_bytes) < 1 << 24, "offsets need more than six digits"
    header, groups, suffixes, pending, offset = [], [], [], 0, 0
    for line in aff_bytes.split(b"\n"):
        start, offset = offset, offset + len(line) + 1
        fields = line.split()
        keyword = fields[0] if fields else b""
        if pending and keyword == b"SFX" and len(fields) >= 4:
            pending -= 1
            append_at = start + line.index(fields[3], line.index(fields[2], line.index(fields[1]) + len(fields[1])) + len(fields[2]))
            key = fields[3].split(b"/")[0]
            suffixes.append((b"" if key == b"0" else key, append_at))
        elif keyword == b"SFX":
            groups.append(f"{fields[1].decode()} {fields[2].decode()}")
            pending = int(fields[3])
        elif keyword == b"PFX" or keyword in (b"COMPLEXPREFIXES", b"IGNORE", b"FULLSTRIP"):
            sys.exit(f"ko_KR uses {keyword.decode()}, which HunspellSlicer does not slice")
        elif keyword == b"ICONV" and len(fields) == 3:
            pattern, replacement = fields[1].decode(), fields[2].decode()
            if len(pattern) != 1 or not 0xAC00 <= ord(pattern) <= 0xD7A3 or unicodedata.normalize("NFD", pattern) != replacement:
                sys.exit(f"ko_KR's input conversion is not Hangul decomposition: {pattern} -> {replacement}")
        elif keyword not in (b"ICONV", b"OCONV") and not keyword.startswith(b"#") and fields:
            header.append(line.decode())
    words, offset = [], 0
    for number, line in enumerate(dic_bytes.split(b"\n")):
        start, offset = offset, offset + len(line) + 1
        key = line.split(b"/")[0].split(b"\t")[0].split(b" ")[0]
        if number > 0 and key:
            words.append((key, start))
    assert b"\\" not in dic_bytes, "escaped slashes in ko_KR.dic"
    def hexes(records):
        return "".join(f"{at:06x}\n" for _, at in sorted(records))
    return ("[header]\n" + "\n".join(header) + "\n[groups]\n" + "\n".join(groups)
            + f"\n[suffixes {len(suffixes)}]\n" + hexes(suffixes) + f"[words {len(words)}]\n" + hexes(words))


def header(lines, sources):
    sizes = " ".join(f"{os.path.basename(p)}={os.path.getsize(p)}" for p in sources)
    return "".join(f"# {line}\n" for line in lines) + f"# source-sizes: {sizes}\n"


def main():
    aff, dic = f"{FOLDER}/en_US.aff", f"{FOLDER}/en_US.dic"
    forms = english_forms(aff, dic)
    wrong = check_english(forms, Hunspell(aff, dic))
    if wrong:
        sys.exit(f"en_US list disagrees with Hunspell on {len(wrong)} words, e.g. {wrong[:10]}")
    with open(os.path.join(OUT, "en_US-words.txt"), "w", encoding="utf-8") as out:
        out.write(header([
            "Every ASCII-letter word form Hunspell's en_US accepts, sorted bytewise. Generated by",
            "scripts/generate-typo-dictionaries.py from Debian hunspell-en-us (SCOWL, Kevin Atkinson;",
            "BSD-style licence, see /usr/share/doc/hunspell-en-us/copyright). Do not edit.",
        ], [aff, dic]))
        out.write("\n".join(sorted(forms, key=lambda s: s.encode())) + "\n")
    ko_dic = os.path.realpath(f"{FOLDER}/ko_KR.dic")
    stems = korean_stems(ko_dic)
    print(f"ko_KR: {len(stems)} stems", file=sys.stderr)
    with open(os.path.join(OUT, "ko_KR-stems.txt"), "w", encoding="utf-8") as out:
        out.write(header([
            "The stems of Hunspell's ko_KR.dic in NFC, unique, sorted bytewise. Generated by",
            "scripts/generate-typo-dictionaries.py from Debian hunspell-ko (hunspell-dict-ko,",
            "Changwoo Ryu; MPL-1.1 / GPL-2+ / LGPL-2.1+, distributed here under MPL-1.1). Do not edit.",
        ], [f"{FOLDER}/ko_KR.aff", f"{FOLDER}/ko_KR.dic"]))
        out.write("\n".join(stems) + "\n")
    syllables = sorted({c for stem in stems for c in stem if 0xAC00 <= ord(c) <= 0xD7A3})
    with open(os.path.join(OUT, "ko_KR-syllables.txt"), "w", encoding="utf-8") as out:
        out.write(header([
            "The Hangul syllables the stems of Hunspell's ko_KR.dic use (ko_KR-stems.txt), in code",
            "point order, 64 a line. Generated by scripts/generate-typo-dictionaries.py from Debian",
            "hunspell-ko (hunspell-dict-ko, Changwoo Ryu; MPL-1.1 / GPL-2+ / LGPL-2.1+, distributed",
            "here under MPL-1.1). Do not edit.",
        ], [f"{FOLDER}/ko_KR.aff", f"{FOLDER}/ko_KR.dic"]))
        out.write("".join("".join(syllables[i:i + 64]) + "\n" for i in range(0, len(syllables), 64)))
    slicing = korean_slicing(os.path.realpath(f"{FOLDER}/ko_KR.aff"), ko_dic)
    with open(os.path.join(OUT, "ko_KR-slicing.txt"), "w", encoding="utf-8") as out:
        out.write(header([
            "How to cut a small slice of Hunspell's ko_KR for one word (HunspellSlicer.swift): the",
            "affix file's other lines, the suffix groups, and byte offsets into the installed",
            "ko_KR.aff (suffix entries by what they append) and ko_KR.dic (lines by word), sorted.",
            "Generated by scripts/generate-typo-dictionaries.py from Debian hunspell-ko",
            "(hunspell-dict-ko, Changwoo Ryu; MPL-1.1 / GPL-2+ / LGPL-2.1+, distributed here under",
            "MPL-1.1). Do not edit.",
        ], [f"{FOLDER}/ko_KR.aff", f"{FOLDER}/ko_KR.dic"]))
        out.write(slicing)


if __name__ == "__main__":
    main()
