#!/usr/bin/env python3
"""Damage random lines of real Korean posts and judge `lint --fix --select mojibake`.

Each Korean post of the corpus (under 60 KB) has about half of its non-ASCII lines saved
through a code page: single-byte pages byte by byte, with the page's undefined bytes dropped
(--drop) or kept as C1 controls; CP949, GBK and Shift_JIS as a whole line. The damaged copy is
fixed in place and every line compared with the post:

  restored       a damaged line is the post's line again
  left           a damaged line is left as damaged
  partial        a damaged line changed only where the repair kept damaged text
  wrong          a damaged line changed into text that is neither (a wrong repair)
  clean changed  a line that was never damaged changed (must be 0)

Usage: python3 bench/mojibake/corpus_lines.py BIN [--baseline OLD] [--page cp1252] [--drop]
       [--posts 60] [--seed 1] [--corpus ../shared/corpus] [--show 20] [--foreign 5] [--unsafe-fixes]
--foreign N inserts N clean lines of other languages into each post: clean lines that
must stay as they are beside the damage.
(From a review's harness, session 16.)
"""
import argparse, difflib, os, random, re, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

EAST_ASIAN = {"cp949", "gbk", "shift_jis"}


def damaged(line, page, drop):
    if page in EAST_ASIAN:
        try:
            return line.encode("utf-8").decode(page)
        except UnicodeDecodeError:
            return None
    pieces = []
    for byte in line.encode("utf-8"):
        try:
            pieces.append(bytes([byte]).decode(page))
        except UnicodeDecodeError:
            if not drop:
                pieces.append(chr(byte))
    return "".join(pieces)


def foreign_lines():
    """Clean lines of other languages (the mojibake bench's samples) a post may quote."""
    import samples
    return [line for language, lines in samples.SENTENCES.items() if language != "korean" for line in lines] + samples.TRICKY


def prose_positions(lines):
    """Line numbers a paragraph may be inserted before: past the front matter, outside
    fenced code and HTML blocks (where a quote would not be prose)."""
    positions, fenced, start = [], False, 0
    if lines and lines[0].strip() == "---":
        start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), len(lines))
    depth = 0
    for number in range(start, len(lines) + 1):
        if number < len(lines) and lines[number].lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and depth == 0 and (number == len(lines) or not lines[number].startswith((" ", "\t", "<", "|", ">"))):
            positions.append(number)
        if number < len(lines) and not fenced:
            depth = max(0, depth + lines[number].count("<div") - lines[number].count("</div"))
    return positions or [len(lines)]


def make(corpus, folder, page, drop, posts, seed, foreign=0):
    rng = random.Random(seed)
    paths = sorted(os.path.join(root, name) for root, _, names in os.walk(corpus) for name in names
                   if name.endswith((".md", ".mdx")))
    korean = []
    for path in paths:
        text = open(path, encoding="utf-8").read()
        if re.search("[가-힣]", text) and 0 < len(text) < 60000:
            korean.append((path, text))
    rng.shuffle(korean)
    cases = []
    for index, (path, text) in enumerate(korean[:posts]):
        lines, marked = text.split("\n"), set()
        for number, line in enumerate(lines):
            if rng.random() < 0.5 and any(ord(c) > 127 for c in line):
                broken = damaged(line, page, drop)
                if broken is not None and broken != line:
                    lines[number] = broken
                    marked.add(number)
        # Clean lines of other languages, each its own paragraph, never damaged.
        others = foreign_lines() if foreign else []
        for _ in range(foreign):
            at = rng.choice(prose_positions(lines))
            lines[at:at] = ["", rng.choice(others), ""]
            text_lines = text.split("\n")
            text_lines[at:at] = ["", lines[at + 1], ""]
            text = "\n".join(text_lines)
            marked = {number + 3 if number >= at else number for number in marked}
        name = f"{index:03d}-{os.path.basename(path)}"
        open(os.path.join(folder, name), "w", encoding="utf-8", newline="").write("\n".join(lines))
        cases.append((name, text.split("\n"), lines, marked))
    return cases


def judge(folder, cases, show):
    counts = dict(restored=0, left=0, partial=0, wrong=0, clean_changed=0)
    examples = []
    for name, original, broken, marked in cases:
        fixed = open(os.path.join(folder, name), encoding="utf-8").read().split("\n")
        for number, (before, damage, after) in enumerate(zip(original, broken, fixed)):
            if number not in marked:
                if after != before:
                    counts["clean_changed"] += 1
                    examples.append(f"clean changed {name}:{number + 1}: {before[:80]!r} -> {after[:80]!r}")
                continue
            if after == before:
                counts["restored"] += 1
            elif after == damage:
                counts["left"] += 1
            else:
                opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
                wrong = [(before[i1:i2], after[j1:j2]) for op, i1, i2, j1, j2 in opcodes
                         if op != "equal" and after[j1:j2] and after[j1:j2] not in damage]
                counts["wrong" if wrong else "partial"] += 1
                if wrong:
                    first = next(i1 for op, i1, i2, j1, j2 in opcodes if op != "equal" and after[j1:j2] not in damage)
                    examples.append(f"wrong {name}:{number + 1}: " + ", ".join(f"{a!r} -> {b!r}" for a, b in wrong[:3])
                                    + f"   in {before[max(0, first - 12):first + 12]!r}")
    for line in examples[:show]:
        print("  " + line)
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--baseline")
    parser.add_argument("--page", default="cp1252")
    parser.add_argument("--drop", action="store_true")
    parser.add_argument("--posts", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "../../../shared/corpus"))
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--foreign", type=int, default=0,
                        help="insert this many clean lines of other languages into each post (they must not change)")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="fix with --unsafe-fixes too (how often the guesses left unsafe are right)")
    options = parser.parse_args()
    work = tempfile.mkdtemp(prefix="corpus-lines-")
    try:
        source = os.path.join(work, "damaged")
        os.makedirs(source)
        cases = make(options.corpus, source, options.page, options.drop, options.posts, options.seed, options.foreign)
        lines = sum(len(marked) for *_, marked in cases)
        print(f"{len(cases)} posts, {lines} lines damaged through {options.page}{' (undefined bytes dropped)' if options.drop else ''}, seed {options.seed}")
        for label, binary in [("baseline", options.baseline), ("postlint", options.binary)]:
            if not binary:
                continue
            folder = os.path.join(work, label)
            shutil.copytree(source, folder)
            unsafe = ["--unsafe-fixes"] if options.unsafe_fixes else []
            subprocess.run([binary, "lint", "--no-cache", "--fix", *unsafe, "--select", "mojibake", folder],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(f"{label}: {judge(folder, cases, options.show)}")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
