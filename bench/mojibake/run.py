#!/usr/bin/env python3
"""Mojibake benchmark: postlint (release build) against ftfy's fix_encoding, side by side.

Builds clean multilingual text (samples.py), damages it the ways the `mojibake` rule
repairs (UTF-8 read through a legacy code page, undefined bytes kept as C1 controls or
dropped, double damage), and checks, per kind of damage:
  - exact recovery: the repaired text equals the clean text;
  - false changes: a negative (clean or odd-but-right text) came back changed;
and the throughput of both tools on large mixed documents.

Usage (from the repository root):
    pip install ftfy
    swift build -c release --scratch-path .build
    python3 bench/mojibake/run.py [--postlint .build/release/postlint]
"""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import samples  # noqa: E402

try:
    import ftfy
except ImportError:
    sys.exit("ftfy is missing: pip install ftfy")

# kind -> (Python codec, what happens to the bytes the code page leaves undefined, rounds)
KINDS = {
    "windows-1252": ("cp1252", "keep", 1),
    "windows-1252 dropped": ("cp1252", "drop", 1),
    "windows-1254": ("cp1254", "keep", 1),
    "windows-1254 dropped": ("cp1254", "drop", 1),
    "iso-8859-1": ("latin-1", "keep", 1),
    "iso-8859-15": ("iso8859_15", "keep", 1),
    "mac-roman": ("mac_roman", "keep", 1),
    "windows-1250": ("cp1250", "keep", 1),
    "iso-8859-2": ("iso8859_2", "keep", 1),
    "windows-1251": ("cp1251", "keep", 1),
    "windows-1253": ("cp1253", "keep", 1),
    "windows-1257": ("cp1257", "keep", 1),
    "windows-1252 twice": ("cp1252", "keep", 2),
    # Text saved decomposed (NFD, as macOS does: `e` + U+0301, Hangul as jamo), then damaged.
    "windows-1252 decomposed": ("cp1252", "keep", "nfd"),
    "windows-1252 decomposed dropped": ("cp1252", "drop", "nfd"),
    # East Asian double-byte code pages: only samples whose damage is reversible at all
    # (every byte pair defined) are kept. Python's cp932 stands for ICU's Shift_JIS but
    # maps 0xA0, 0xFD-0xFF to private use where ICU leaves them undefined: those drop out.
    "cp949": ("cp949", "whole", 1),
    "shift_jis": ("cp932", "whole", 1),
    "gbk": ("gbk", "whole", 1),
}


def damage(text, codec, undefined, rounds):
    """UTF-8 bytes decoded through `codec`; undefined bytes kept as C1 controls (as ICU and
    many editors do) or dropped. None when the damage would not be reversible at all.
    rounds "nfd": the text is decomposed first (as macOS saves it), then damaged once."""
    if rounds == "nfd":
        text, rounds = unicodedata.normalize("NFD", text), 1
    if undefined == "whole":
        try:
            damaged = text.encode("utf-8").decode(codec)
        except UnicodeDecodeError:
            return None
        return None if any("\uf8f0" <= c <= "\uf8f2" for c in damaged) else damaged
    for _ in range(rounds):
        out = []
        for byte in text.encode("utf-8"):
            try:
                out.append(bytes([byte]).decode(codec))
            except UnicodeDecodeError:
                if undefined == "drop":
                    continue
                if not 0x80 <= byte <= 0x9F:
                    return None
                out.append(chr(byte))
        text = "".join(out)
    return text


def postlint_fix(binary, text, unsafe=False):
    result = subprocess.run(
        [binary, "lint", "--fix", "--select", "mojibake", "--stdin-filename", "sample.md", "-"] + (["--unsafe-fixes"] if unsafe else []),
        input=text.encode("utf-8"), capture_output=True)
    return result.stdout.decode("utf-8")


def clean_samples():
    clean = [s for group in samples.SENTENCES.values() for s in group]
    return clean + samples.catalog_korean()


def measure(binary, pairs, unsafe=False):
    """pairs: [(input, expected)] -> (postlint exact, ftfy exact, failures, postlint wrong):
    wrong counts outputs that are neither the expected text nor the input (a wrong repair)."""
    inputs = [damaged + "\n" for damaged, _ in pairs]
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        ours = list(pool.map(lambda text: postlint_fix(binary, text, unsafe), inputs))
    theirs = [ftfy.fix_encoding(text) for text in inputs]
    expected = [clean + "\n" for _, clean in pairs]
    wrong = sum(o != e and o != i for o, e, i in zip(ours, expected, inputs))
    return (sum(a == b for a, b in zip(ours, expected)), sum(a == b for a, b in zip(theirs, expected)),
            [(p[0], o, e) for p, o, e in zip(pairs, ours, expected) if o != e], wrong)


def timed(binary, document):
    size = len(document.encode("utf-8")) / 1e6
    start = time.perf_counter()
    postlint_fix(binary, document)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    ftfy.fix_encoding(document)
    theirs = time.perf_counter() - start
    return size, size / ours, size / theirs


def throughput(binary, clean):
    """Documents of about 4 MB: a typical post collection (clean text in every language,
    one damaged line in fifty), a worst case where half the lines are damaged (both built
    by repeating a few thousand lines, as generated posts repeat theirs), and the worst
    case again with no line repeated (pairs of samples joined), where every damaged line
    costs its full search."""
    kinds = list(KINDS.values())
    results = []
    for damaged_share, repeated in ((50, True), (2, True), (50, False)):
        texts = clean * 3 if repeated else (a + " " + b for a in clean for b in clean)
        lines = []
        size = 0
        for index, text in enumerate(texts):
            codec, undefined, rounds = kinds[index % len(kinds)]
            damaged = index % 100 < damaged_share
            lines.append((damage(text, codec, undefined, rounds) or text) if damaged else text)
            lines.append("Plain ASCII prose line number %d, the most common kind of text in a post." % index)
            size += len(lines[-1]) + len(lines[-2].encode("utf-8")) + 4
            if not repeated and size > 4_000_000:
                break
        document = "\n\n".join(lines) + "\n"
        while len(document.encode("utf-8")) < 4_000_000:
            document += document
        results.append((damaged_share, repeated) + timed(binary, document))
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--postlint", default=".build/release/postlint")
    parser.add_argument("--show-failures", type=int, nargs="?", const=5, default=0, metavar="N",
                        help="print up to N failed cases per kind (all negatives), with the expected text")
    parser.add_argument("--kinds", help="comma-separated kinds to run (default: all)")
    parser.add_argument("--no-throughput", action="store_true")
    args = parser.parse_args()
    kinds = KINDS if not args.kinds else {k: KINDS[k] for k in args.kinds.split(",")}
    clean = clean_samples()
    print(f"{len(clean)} clean samples; ftfy {ftfy.__version__}; postlint {args.postlint}\n")
    print(f"{'kind':24} {'cases':>5}  {'postlint exact':>14}  {'ftfy exact':>10}  {'postlint wrong':>14}  {'exact, --unsafe-fixes':>21}")
    for kind, (codec, undefined, rounds) in kinds.items():
        pairs = []
        for text in clean:
            damaged = damage(text, codec, undefined, rounds)
            expected = unicodedata.normalize("NFD", text) if rounds == "nfd" else text
            if damaged is not None and damaged != expected:
                pairs.append((damaged, expected))
        ours, theirs, failures, wrong = measure(args.postlint, pairs)
        # Dropped bytes guessed where two words fit are unsafe fixes: their exact share with --unsafe-fixes.
        unsafe = f"{100 * measure(args.postlint, pairs, unsafe=True)[0] / len(pairs):20.1f}%" if undefined == "drop" else ""
        print(f"{kind:24} {len(pairs):5}  {100 * ours / len(pairs):13.1f}%  {100 * theirs / len(pairs):9.1f}%  {100 * wrong / len(pairs):13.1f}%  {unsafe}")
        for damaged, got, want in failures[:args.show_failures]:
            print(f"      {damaged!r}\n        -> {got!r}\n      want {want!r}")
    negatives = clean + samples.TRICKY
    ours, theirs, failures, _ = measure(args.postlint, [(text, text) for text in negatives])
    print(f"\n{'negatives (false changes)':24} {len(negatives):5}  {100 * (len(negatives) - ours) / len(negatives):13.1f}%  "
          f"{100 * (len(negatives) - theirs) / len(negatives):9.1f}%")
    if args.show_failures:
        for text, got, _ in failures:
            print(f"      {text!r} -> {got!r}")
    if args.no_throughput:
        return
    for share, repeated, size, ours, theirs in throughput(args.postlint, clean):
        lines = "lines repeated" if repeated else "no line repeated"
        print(f"throughput, {size:.1f} MB with {share}% of the lines damaged, {lines}: postlint {ours:.1f} MB/s, "
              f"ftfy {theirs:.1f} MB/s ({ours / theirs:.1f}x)")


if __name__ == "__main__":
    main()
