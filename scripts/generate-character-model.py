#!/usr/bin/env python3
"""Builds Rules/encoding/cjk-frequencies.txt and letter-frequencies.txt, the Japanese and
Chinese character-frequency model (and the Cyrillic, Greek and Vietnamese letter model) the
`mojibake` rule uses to choose among candidate repairs (which dropped byte was where: `日`
is E6 97 A5, and Windows-1252 may have dropped bytes of its neighbours) and to tell
real Chinese/Japanese text from UTF-8 misread through CP949, Shift_JIS or GBK.

Sources (character counts only; no text is copied into the output):
- Japanese: the message catalogs under /usr/share/locale/ja/LC_MESSAGES/*.mo (the
  translations Debian packages ship; each catalog carries its package's licence, mostly
  GPL/LGPL; counting characters in them is a statistic, not a copy of the text);
- Chinese: the catalogs under /usr/share/locale/zh_CN and zh_TW, plus the word list of
  the PyPI package jieba 0.42.1 (MIT licence, `jieba/dict.txt`: word, frequency, tag),
  where every character of a word counts with the word's frequency, scaled down so that
  the catalogs' real prose still weighs in.

Install with `pip install jieba==0.42.1` and run
`python3 scripts/generate-character-model.py` from the repository root.

Output format of both files (plain text, one entry a line, `#` comments):
    J <character> <count>     Japanese unigram (kana, kanji, CJK punctuation)
    Z <character> <count>     Chinese unigram
    P <pair> <count>          two characters in a row: Japanese and Chinese together, and
                              Cyrillic or Greek letters
    R/E/V <letter> <count>    Cyrillic (ru, uk), Greek (el) and Vietnamese (vi) letters from
                              the same catalogs: which letter a dropped byte most likely was
                              (`с` D1 81 against `э` D1 8D, `ờ` E1 BB 9D against `ề` E1 BB 81)
Characters seen fewer than MIN_COUNT times and pairs seen fewer than MIN_PAIR_COUNT
times are left out.

A third file, Rules/encoding/latin-pairs.txt, holds `<group> <pair> <count>`: lower-case
letter pairs where one letter is accented beyond ASCII and `_` marks a word boundary, from
the catalogs of the languages each group of code pages is used for (LATIN_GROUPS: W
Western European, C Central European, T Turkish, B Baltic), every language scaled to the
same total so that none outweighs the others by the size of its catalogs. Two code pages
that read a run as different letters at the same cost (ISO-8859-2 `Ĺź` is `ż`,
Windows-1250 reads it as `ş`) are told apart by which letter fits its neighbours in the
languages of those code pages (`uży`, not `uşy`).
"""
import collections
import gettext
import glob
import os
import sys

CJK_OUTPUT = "Rules/encoding/cjk-frequencies.txt"
LETTER_OUTPUT = "Rules/encoding/letter-frequencies.txt"
LATIN_OUTPUT = "Rules/encoding/latin-pairs.txt"
LATIN_GROUPS = {
    "W": "ca da de es fi fr is it nb pt pt_BR sv".split(),
    "C": "cs hr hu pl ro sk sl".split(),
    "T": ["tr"],
    "B": "et lt lv".split(),
}
# Every language's pairs are scaled to this many, and each group to the same total.
LATIN_SCALE = 1_000_000
BOUNDARY = "_"
MIN_COUNT = 3
MIN_PAIR_COUNT = 10
# jieba's frequencies come from a large corpus; this brings its total near the catalogs'.
JIEBA_SCALE = 0.02


def is_cjk(character):
    code = ord(character)
    return 0x3000 <= code <= 0x30FF or 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xFF00 <= code <= 0xFFEF


def is_letter_of_interest(character):
    code = ord(character)
    return 0x370 <= code <= 0x52F or 0x1E00 <= code <= 0x1EFF or character in "ăâđêôơưĂÂĐÊÔƠƯ"


def catalog_strings(languages, report_missing=False):
    """Every translated string in the installed message catalogs of these languages."""
    for language in languages:
        files = sorted(glob.glob(f"/usr/share/locale/{language}/LC_MESSAGES/*.mo"))
        if report_missing and not files:
            print(f"skipped (missing): /usr/share/locale/{language}", file=sys.stderr)
        for path in files:
            try:
                with open(path, "rb") as handle:
                    catalog = gettext.GNUTranslations(handle)._catalog
            except Exception:
                continue
            yield from (value for value in catalog.values() if isinstance(value, str))


def letter_counts(languages, pairs=None):
    counts = collections.Counter()
    for value in catalog_strings(languages):
        counts.update(c for c in value if is_letter_of_interest(c))
        if pairs is not None:
            pairs.update(a + b for a, b in zip(value, value[1:]) if is_alphabet_letter(a) and is_alphabet_letter(b))
    return counts


def is_alphabet_letter(character):
    """Cyrillic and Greek letters, whose pairs the model keeps too (`ся` against `сс`)."""
    return 0x370 <= ord(character) <= 0x45F and character.isalpha()


def catalog_counts(languages, pairs):
    counts = collections.Counter()
    for value in catalog_strings(languages, report_missing=True):
        counts.update(c for c in value if is_cjk(c))
        pairs.update(a + b for a, b in zip(value, value[1:]) if is_cjk(a) and is_cjk(b))
    return counts


def jieba_counts(pairs):
    counts = collections.Counter()
    try:
        import jieba
    except ImportError:
        print("skipped (missing): jieba (pip install jieba==0.42.1)", file=sys.stderr)
        return counts
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            fields = line.split()
            if len(fields) >= 2 and fields[1].isdigit():
                word = fields[0]
                for character in word:
                    if is_cjk(character):
                        counts[character] += int(fields[1])
                for a, b in zip(word, word[1:]):
                    if is_cjk(a) and is_cjk(b):
                        pairs[a + b] += int(fields[1]) * JIEBA_SCALE
    return collections.Counter({c: n * JIEBA_SCALE for c, n in counts.items()})


def kept_counts(counts):
    return [(c, round(n)) for c, n in counts.most_common() if round(n) >= MIN_COUNT]


def write_model(path, header, tables, pairs):
    """One model file: the header, each tagged table of character counts, then the pairs."""
    with open(path, "w", encoding="utf-8") as out:
        out.write("".join(f"# {line}\n" for line in header))
        for tag, counts in tables:
            kept = kept_counts(counts)
            out.write(f"# {tag}: {len(kept)} characters, {sum(n for _, n in kept)} tokens\n")
            for character, count in kept:
                out.write(f"{tag} {character} {count}\n")
        kept = [(p, round(n)) for p, n in pairs.most_common() if round(n) >= MIN_PAIR_COUNT]
        out.write(f"# P: {len(kept)} pairs\n")
        # Pairs in code point order: the rule loads them into a sorted table as they come.
        for pair, count in sorted(kept, key=lambda item: (ord(item[0][0]), ord(item[0][1]))):
            out.write(f"P {pair} {count}\n")


def is_accented_latin(character):
    code = ord(character)
    return character.isalpha() and (0xC0 <= code <= 0x17F or 0x218 <= code <= 0x21B)


def latin_pairs(language):
    """Lower-case letter pairs with an accented Latin letter, `_` for a word boundary."""
    pairs = collections.Counter()
    for value in catalog_strings([language]):
        text = value.lower()
        for a, b in zip(" " + text, text + " "):
            if is_accented_latin(a) or is_accented_latin(b):
                pairs[(a if a.isalpha() else BOUNDARY) + (b if b.isalpha() else BOUNDARY)] += 1
    return pairs


def group_pairs(languages):
    pooled = collections.Counter()
    for language in languages:
        pairs = latin_pairs(language)
        total = sum(pairs.values())
        if not total:
            print(f"skipped (missing): /usr/share/locale/{language}", file=sys.stderr)
            continue
        for pair, count in pairs.items():
            pooled[pair] += count * LATIN_SCALE / total / len(languages)
    return sorted((p, round(n)) for p, n in pooled.items() if round(n) >= MIN_PAIR_COUNT)


def write_latin_pairs():
    with open(LATIN_OUTPUT, "w", encoding="utf-8") as out:
        out.write("# Lower-case letter pairs with an accented Latin letter (`_`: a word boundary), for the\n")
        out.write("# mojibake rule to choose between code pages that read a run at the same cost, per group\n")
        out.write("# of code pages: the languages' Debian message catalogs, each scaled to the same total.\n")
        out.write("# Generated by scripts/generate-character-model.py; do not edit by hand.\n")
        for group, languages in LATIN_GROUPS.items():
            kept = group_pairs(languages)
            out.write(f"# {group}: {' '.join(languages)}; {len(kept)} pairs\n")
            for pair, count in kept:
                out.write(f"{group} {pair} {count}\n")


def main():
    pairs = collections.Counter()
    japanese = catalog_counts(["ja"], pairs)
    chinese = catalog_counts(["zh_CN", "zh_TW"], pairs) + jieba_counts(pairs)
    letters = [("R", letter_counts(["ru", "uk"], pairs)), ("E", letter_counts(["el"], pairs)), ("V", letter_counts(["vi"]))]
    # Two files, so that the rule loads only the part a repair needs (a repaired Russian
    # word never needs the 30,000 CJK entries).
    letter_pairs = collections.Counter({p: n for p, n in pairs.items() if is_letter_of_interest(p[0])})
    cjk_pairs = collections.Counter({p: n for p, n in pairs.items() if not is_letter_of_interest(p[0])})
    write_model(CJK_OUTPUT, [
        "Japanese and Chinese character frequencies for the mojibake rule (kana, kanji, hanzi, CJK",
        "punctuation, and pairs of them). Generated by scripts/generate-character-model.py from",
        "Debian's ja/zh message catalogs and jieba 0.42.1's word list (MIT); do not edit by hand.",
    ], [("J", japanese), ("Z", chinese)], cjk_pairs)
    write_model(LETTER_OUTPUT, [
        "Cyrillic (ru, uk), Greek (el) and Vietnamese (vi) letter frequencies for the mojibake rule,",
        "and pairs of Cyrillic or Greek letters. Generated by scripts/generate-character-model.py from",
        "Debian's message catalogs; do not edit by hand.",
    ], letters, letter_pairs)
    write_latin_pairs()


if __name__ == "__main__":
    main()
