#!/usr/bin/env python3
"""A wider mojibake sweep than run.py: thousands of samples from the machine's message
catalogs, clean and damaged, through postlint and ftfy's fix_encoding side by side.

run.py measures a few hundred hand-picked samples per kind; this sweep looks for what they
miss: clean sentences and words of ~30 languages that a code page would by chance read as
UTF-8 (false changes), and damaged words, sentences, mixed clean/damaged posts, double
damage and emoji per code page (exact repairs). Samples are drawn from the installed
catalogs (`/usr/share/locale/<language>/LC_MESSAGES/*.mo`), so counts differ a little from
machine to machine; within one machine they are fixed by the seed.

    python3 bench/mojibake/sweep.py [--postlint .build/release/postlint]
    python3 bench/mojibake/sweep.py --against /tmp/postlint-before   # what a change moved
    python3 bench/mojibake/sweep.py --families clean,sentences --show 5

Each family is one folder of one-sample posts, fixed by one `postlint lint --fix
--select mojibake` run. A sample is "exact" when the fix gives back the clean text,
"unchanged" when the damage is left, "wrong" otherwise; for clean families, any change is
a false change. With --against, the second binary runs on the same samples and the sweep
prints which samples moved between those outcomes.
"""
import argparse
import collections
import gettext
import glob
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import damage  # noqa: E402

try:
    import ftfy
except ImportError:
    sys.exit("ftfy is missing: pip install ftfy")

LANGUAGES = ("bg ca cs da de el es et fi fr hr hu is it ja ko lt lv nb pl pt_BR ro ru sk sl sr sv tr uk vi "
             "zh_CN zh_TW").split()
# Code page (Python codec) -> the languages whose text is damaged through it.
PAGES = {
    "cp1252": "fr de es pt_BR it ca sv is vi pl cs ru ko el tr",
    "cp1250": "pl cs sk hu hr sl ro",
    "iso8859_2": "pl cs hu",
    "cp1251": "ru uk bg sr",
    "cp1253": "el",
    "cp1254": "tr",
    "cp1257": "lt lv et",
    "latin-1": "fr de es",
    "mac_roman": "fr de es",
}
PROSE = "The term {} appears in the settings dialog.\n"


def catalog_strings(language):
    found = set()
    for path in sorted(glob.glob(f"/usr/share/locale/{language}/LC_MESSAGES/*.mo")):
        try:
            with open(path, "rb") as handle:
                catalog = gettext.GNUTranslations(handle)._catalog
        except Exception:
            continue
        found.update(" ".join(v.split()) for v in catalog.values() if isinstance(v, str) and v.strip())
    return sorted(found)


class Texts:
    """Catalog sentences and words per language, drawn once with a fixed seed."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.cache = {}

    def strings(self, language):
        if language not in self.cache:
            self.cache[language] = catalog_strings(language)
        return self.cache[language]

    def sentences(self, language, count):
        # Markup characters would make the sample a different Markdown document.
        found = [s for s in self.strings(language) if 15 <= len(s) <= 140 and not re.search(r"[%$<>{}\[\]`*_#|\\&~]", s)
                 and any(ord(c) > 127 for c in s)]
        self.rng.shuffle(found)
        return found[:count]

    def words(self, language, count):
        found = sorted({w for s in self.strings(language) for w in re.findall(r"\w+", s)
                        if any(ord(c) > 127 for c in w) and not any(c.isdigit() or c == "_" for c in w)})
        self.rng.shuffle(found)
        return found[:count]


def damaged(text, codec, rounds=1):
    return damage(text, codec, "keep", rounds)


def families(texts, size):
    """name -> [(clean, damaged)]; clean families have damaged == clean."""
    result = {}
    result["clean sentences"] = [(s + "\n",) * 2 for language in LANGUAGES for s in texts.sentences(language, size)]
    result["clean words in prose"] = [(PROSE.format(w),) * 2 for language in LANGUAGES for w in texts.words(language, size // 2)]
    # Korean, Chinese and Japanese glued to ASCII words (`Enter키`, `Java女`), in a post with
    # a sentence of its own language above, as real posts have.
    glued = []
    for language in ("ko", "zh_CN", "ja"):
        sentences = texts.sentences(language, size // 4)
        for index, word in enumerate(texts.words(language, size // 4)):
            ascii_word = ("Enter", "Python", "Chrome", "API", "macOS")[index % 5]
            above = sentences[index % len(sentences)] if sentences else ""
            glued.append((f"{above}\n\n- {ascii_word}{word}, {word}{ascii_word}\n",) * 2)
    result["clean CJK glued to ASCII words"] = glued
    # Words in capitals before an apostrophe, a dash or an ellipsis (`AMANHÃ’s`, `ȚARĂ—și`).
    capitals = []
    for language in "fr es pt_BR de ro fi sv tr pl cs".split():
        for word in texts.words(language, size // 10):
            capitals.append((f"{word.upper()}’s plan, {word.upper()}—{word}, {word.upper()}…{word}.\n",) * 2)
    result["clean capitals before marks"] = capitals
    for codec, languages in PAGES.items():
        for kind, pick, template in (("words", texts.words, PROSE), ("sentences", texts.sentences, "{}\n")):
            pairs = []
            for language in languages.split():
                for text in pick(language, size // 10):
                    bad = damaged(text, codec)
                    if bad and bad != text:
                        pairs.append((template.format(text), template.format(bad)))
            result[f"{codec} {kind}"] = pairs
    for codec, languages in (("cp1252", "fr es de it"), ("cp1250", "cs pl sk"), ("cp1251", "uk ru bg")):
        pairs = []
        for language in languages.split():
            sentences = texts.sentences(language, size // 5)
            for clean, other in zip(sentences[::2], sentences[1::2]):
                bad = damaged(other, codec)
                if bad and bad != other:
                    pairs.append((f"{clean}\n\n{other}\n", f"{clean}\n\n{bad}\n"))
        result[f"{codec} mixed clean and damaged paragraphs"] = pairs
    pairs = []
    for language in "fr de es pl ru ko".split():
        for word in texts.words(language, size // 10):
            bad = damaged(word, "cp1252", rounds=2)
            if bad:
                pairs.append((PROSE.format(word), PROSE.format(bad)))
    result["cp1252 twice, words"] = pairs
    emoji = [chr(c) for c in list(range(0x1F300, 0x1F650)) + list(range(0x1F680, 0x1F6D0)) + list(range(0x1F900, 0x1FA00))
             if unicodedata.category(chr(c)) == "So"]
    for codec in ("cp1252", "cp1250", "mac_roman"):
        pairs = []
        for symbol in emoji:
            bad = damaged(symbol, codec)
            if bad:
                pairs.append((f"Ship it {symbol} today.\n", f"Ship it {bad} today.\n"))
        result[f"{codec} emoji"] = pairs
    return result


def postlint_fixed(binary, samples, folder):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for index, (_, bad) in enumerate(samples):
        with open(os.path.join(folder, f"s{index:05d}.md"), "w", encoding="utf-8") as handle:
            handle.write(bad)
    subprocess.run([binary, "lint", "--fix", "--no-cache", "--no-ignore", "--select", "mojibake", folder], capture_output=True)
    fixed = []
    for index in range(len(samples)):
        with open(os.path.join(folder, f"s{index:05d}.md"), encoding="utf-8", errors="surrogateescape") as handle:
            fixed.append(handle.read())
    return fixed


def outcome(clean, bad, got):
    return "exact" if got == clean else "unchanged" if got == bad else "wrong"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postlint", default=".build/release/postlint")
    parser.add_argument("--against", metavar="BINARY", help="another postlint to compare with, sample by sample")
    parser.add_argument("--families", help="comma-separated words a family's name must contain (default: all)")
    parser.add_argument("--size", type=int, default=200, help="clean sentences per language (other families scale with it)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=3, metavar="N", help="examples to print per family and outcome")
    args = parser.parse_args()
    all_families = families(Texts(args.seed), args.size)
    wanted = args.families.split(",") if args.families else None
    print(f"ftfy {ftfy.__version__}; postlint {args.postlint}" + (f"; against {args.against}" if args.against else ""))
    print(f"{'family':42} {'samples':>7}  {'postlint exact':>14} {'wrong':>6}  {'ftfy exact':>10}" + ("  moved" if args.against else ""))
    with tempfile.TemporaryDirectory() as scratch:
        for name, samples in all_families.items():
            if not samples or wanted and not any(word in name for word in wanted):
                continue
            ours = postlint_fixed(args.postlint, samples, os.path.join(scratch, "ours"))
            theirs = [ftfy.fix_encoding(bad) for _, bad in samples]
            counts = collections.Counter(outcome(c, b, g) for (c, b), g in zip(samples, ours))
            ftfy_exact = sum(g == c for (c, _), g in zip(samples, theirs))
            clean = name.startswith("clean")
            line = (f"{name:42} {len(samples):7}  {100 * counts['exact'] / len(samples):13.1f}% {counts['wrong']:6}  "
                    f"{100 * ftfy_exact / len(samples):9.1f}%")
            if clean:
                line = (f"{name + ' (false changes)':42} {len(samples):7}  {len(samples) - counts['exact']:14} {'':6}  "
                        f"{len(samples) - ftfy_exact:10}")
            examples = collections.defaultdict(list)
            if args.against:
                before = postlint_fixed(args.against, samples, os.path.join(scratch, "before"))
                moved = collections.Counter()
                for (c, b), old, new in zip(samples, before, ours):
                    if old != new:
                        key = f"{outcome(c, b, old)}->{outcome(c, b, new)}"
                        moved[key] += 1
                        examples[key].append((b, new, c))
                line += "  " + (", ".join(f"{k} {v}" for k, v in sorted(moved.items())) or "none")
            else:
                for (c, b), got in zip(samples, ours):
                    if got != c:
                        examples[outcome(c, b, got)].append((b, got, c))
            print(line)
            for key, cases in sorted(examples.items()):
                for bad, got, want in cases[:args.show]:
                    print(f"    [{key}] {bad!r}\n        -> {got!r}" + ("" if got == want else f"\n      want {want!r}"))


if __name__ == "__main__":
    main()
