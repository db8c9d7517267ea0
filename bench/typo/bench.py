#!/usr/bin/env python3
"""Typo checkers side by side: postlint (typo rule only), codespell and typos.

1. Clean corpus (../shared/corpus by default): findings per 20k words and throughput.
   Every finding on published posts is a false alarm unless it is one of the typos
   confirmed by hand in corpus-confirmed.tsv (file, line, word): the rate is printed
   raw and with those confirmed typos left out (false alarms per 20k words).
2. Injected set: a copy of the corpus in which N posts get typos injected into real
   prose words (English: insert/delete/substitute/transpose a letter; Korean: change,
   add or drop one jamo, or swap two syllables). Recall = injected typos found (same
   file, line and word); precision = those hits / all findings in the injected posts,
   leaving out the corpus typos confirmed in corpus-confirmed.tsv.

Throughput: each tool checks the clean corpus --repeat times (default 5), the tools
alternating, through their own executables (not pyenv's shims, which add ~80 ms a call);
the median is reported, and how many times typos' time postlint takes.

Usage: bench/typo/bench.py [--postlint PATH] [--corpus DIR] [--posts N] [--seed S] [--tools postlint,typos] [--repeat N]
Needs: `pip install codespell typos` (codespell 2.4.3 and typos 1.52 were measured).
"""
import argparse, json, os, random, re, shutil, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
POST_EXT = (".md", ".mdx", ".markdown", ".txt")
WORD = re.compile(r"[A-Za-z]+|[\uac00-\ud7a3]+")
HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")


def posts(folder):
    found = []
    for base, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = os.path.join(base, name)
            if name.endswith(POST_EXT) and os.path.getsize(path) > 0:
                found.append(path)
    return sorted(found)


def count_words(paths):
    total = 0
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as handle:
            total += len(WORD.findall(handle.read()))
    return total


# --- the tools: each returns [(path, line, word)] -------------------------------------

def executable(name):
    """The tool's own executable beside this Python, else the one on PATH."""
    beside_python = os.path.join(os.path.dirname(sys.executable), name)
    return beside_python if os.access(beside_python, os.X_OK) else (shutil.which(name) or name)


# postlint's first suggestion for each finding of its last run, (path, line, word) -> word:
# the other tools' findings have no ranked suggestions to compare.
FIRST_SUGGESTIONS = {}


def run_postlint(binary, folder, paths):
    # --no-cache: the results cache would make the throughput figure that of a re-run.
    out = subprocess.run([binary, "lint", "--no-cache", "--select", "typo", "--format", "json", "--exit-zero", folder],
                         capture_output=True, text=True)
    found = []
    FIRST_SUGGESTIONS.clear()
    for d in json.loads(out.stdout)["diagnostics"]:
        word = re.match(r"'(.*?)'", d["message"]).group(1)
        found.append((os.path.realpath(d["path"]), d["line"], word))
        suggestion = re.search(r"did you mean '(.*?)'", d["message"])
        if suggestion:
            FIRST_SUGGESTIONS[found[-1]] = suggestion.group(1)
    return found


def run_codespell(folder, paths):
    out = subprocess.run([executable("codespell"), "--quiet-level=2", *paths], capture_output=True, text=True)
    found = []
    for line in out.stdout.splitlines():
        m = re.match(r"(.*?):(\d+): (\S+) ==>", line)
        if m:
            found.append((os.path.realpath(m.group(1)), int(m.group(2)), m.group(3)))
    return found


def run_typos(folder, paths):
    # On the folder, as users run it: given 1500 paths instead, typos 1.52 checks them
    # about four times slower (here 4 s against 1 s). Findings outside `paths` are dropped.
    out = subprocess.run([executable("typos"), "--format", "brief", folder], capture_output=True, text=True)
    wanted = {os.path.realpath(p) for p in paths}
    found = []
    for line in out.stdout.splitlines():
        m = re.match(r"(.*?):(\d+):\d+: (?:error: )?`(.*?)` (?:->|should be)", line)
        if m and os.path.realpath(m.group(1)) in wanted:
            found.append((os.path.realpath(m.group(1)), int(m.group(2)), m.group(3)))
    return found


def confirmed_typos(corpus):
    """(path, line, word) -> the intended word, for the corpus typos confirmed by hand
    (corpus-confirmed.tsv)."""
    found = {}
    with open(os.path.join(HERE, "corpus-confirmed.tsv"), encoding="utf-8") as handle:
        for row in handle:
            if row.startswith("#") or not row.strip():
                continue
            path, line, word, correction = row.rstrip("\n").split("\t")[:4]
            found[(os.path.realpath(os.path.join(corpus, path)), int(line), word)] = correction
    return found


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


# --- injecting typos ------------------------------------------------------------------

def prose_lines(text):
    """Indexes of lines that are plain prose: no code, front matter, markup or URLs."""
    lines = text.split("\n")
    fence = False
    front = lines[:1] == ["---"]
    result = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if front:
            if index > 0 and stripped == "---":
                front = False
            continue
        if stripped.startswith("```") or stripped.startswith("~~~"):
            fence = not fence
            continue
        if fence or not stripped or re.search(r"[`<>{}|$\\/@_=\[\]]|https?:|import |export ", line):
            continue
        if line.startswith("    ") or line.startswith("\t"):
            continue
        result.append(index)
    return result


def english_typo(word, rng):
    i = rng.randrange(1, len(word) - 1)
    letters = "abcdefghijklmnopqrstuvwxyz"
    kind = rng.choice(["insert", "delete", "substitute", "transpose"])
    if kind == "insert":
        return word[:i] + rng.choice(letters) + word[i:]
    if kind == "delete":
        return word[:i] + word[i + 1:]
    if kind == "substitute":
        return word[:i] + rng.choice([c for c in letters if c != word[i]]) + word[i + 1:]
    return word[:i] + word[i + 1] + word[i] + word[i + 2:] if word[i] != word[i + 1] else word[:i] + word[i + 1:]


def korean_typo(word, rng):
    syllables = [ord(c) - 0xAC00 for c in word]
    i = rng.randrange(len(syllables))
    lead, vowel, tail = syllables[i] // 588, (syllables[i] % 588) // 28, syllables[i] % 28
    kind = rng.choice(["lead", "vowel", "tail", "transpose"])
    if kind == "transpose" and len(word) >= 3 and i + 1 < len(word) and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "lead":
        lead = rng.choice([x for x in range(19) if x != lead])
    elif kind == "vowel":
        vowel = rng.choice([x for x in range(21) if x != vowel])
    else:
        tail = rng.choice([x for x in range(28) if x != tail])
    syllables[i] = lead * 588 + vowel * 28 + tail
    return "".join(chr(0xAC00 + s) for s in syllables)


def inject(copy_root, paths, count, per_post, rng, vocabulary):
    truth = []
    candidates = paths[:]
    rng.shuffle(candidates)
    chosen = 0
    for path in candidates:
        if chosen >= count:
            break
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        lines = text.split("\n")
        spots = []
        for index in prose_lines(text):
            for m in WORD.finditer(lines[index]):
                word = m.group(0)
                korean = bool(HANGUL.match(word))
                if (korean and len(word) >= 3) or (not korean and len(word) >= 5 and word.islower()):
                    if vocabulary.get(word, 0) >= 3:
                        spots.append((index, m.start(), word, korean))
        if len(spots) < per_post:
            continue
        chosen += 1
        used_lines = set()
        for index, start, word, korean in rng.sample(spots, len(spots)):
            if len([t for t in truth if t[0] == path]) >= per_post:
                break
            if index in used_lines:
                continue
            typo = korean_typo(word, rng) if korean else english_typo(word, rng)
            if typo == word or typo in vocabulary:
                continue
            line = lines[index]
            lines[index] = line[:start] + typo + line[start + len(word):]
            used_lines.add(index)
            truth.append((path, index + 1, typo, word, "ko" if korean else "en"))
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines))
    return truth


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--postlint", default=os.path.join(ROOT, ".build", "release", "postlint"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--posts", type=int, default=150)
    parser.add_argument("--per-post", type=int, default=4)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--verbose", action="store_true", help="list postlint's unconfirmed findings on the clean corpus")
    parser.add_argument("--misses", action="store_true", help="list the injected typos postlint misses and its false alarms there")
    parser.add_argument("--tools", default="postlint,codespell,typos", help="comma-separated tools to run")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each tool on the clean corpus (median)")
    args = parser.parse_args()
    corpus = os.path.realpath(args.corpus)
    tools = {
        "postlint": lambda folder, paths: run_postlint(args.postlint, folder, paths),
        "codespell": run_codespell,
        "typos": run_typos,
    }
    tools = {name: tool for name, tool in tools.items() if name in args.tools.split(",")}
    confirmed = confirmed_typos(corpus)

    clean = posts(corpus)
    words = count_words(clean)
    size = sum(os.path.getsize(p) for p in clean)
    print(f"clean corpus: {len(clean)} posts, {words} words, {size / 1e6:.1f} MB")
    clean_results = {}
    times = {name: [] for name in tools}
    for _ in range(max(1, args.repeat)):
        for name, tool in tools.items():
            found, seconds = timed(tool, corpus, clean)
            clean_results.setdefault(name, (found, None))
            times[name].append(seconds)
    clean_results = {name: (found, statistics.median(times[name])) for name, (found, _) in clean_results.items()}

    vocabulary = {}
    for path in clean:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for word in WORD.findall(handle.read()):
                vocabulary[word] = vocabulary.get(word, 0) + 1

    work = tempfile.mkdtemp(prefix="typo-bench-")
    try:
        copy = os.path.join(work, "corpus")
        shutil.copytree(corpus, copy)
        copied = posts(copy)
        rng = random.Random(args.seed)
        truth = inject(copy, copied, args.posts, args.per_post, rng, vocabulary)
        injected_files = {os.path.realpath(t[0]) for t in truth}
        confirmed_in_copy = confirmed_typos(copy)
        expected = {(os.path.realpath(t[0]), t[1], t[2]): t for t in truth}
        print(f"injected set: {len(truth)} typos ({sum(t[4] == 'en' for t in truth)} English, "
              f"{sum(t[4] == 'ko' for t in truth)} Korean) in {len(injected_files)} posts, seed {args.seed}\n")
        header = f"{'tool':<10} {'per 20k words':>13} {'unconfirmed':>11} {'findings':>8} {'seconds':>8} {'MB/s':>6} | {'recall':>6} {'EN':>5} {'KO':>5} {'precision':>9}"
        print(header)
        print("-" * len(header))
        for name, tool in tools.items():
            found, seconds = clean_results[name]
            rate = len(found) / words * 20000
            unconfirmed = [f for f in found if f not in confirmed]
            false_rate = len(unconfirmed) / words * 20000
            injected = [f for f in tool(copy, copied) if f[0] in injected_files]
            # postlint names a Korean word's stem (데이터셑 in 데이터셑을): a finding at the
            # start of an injected word, on its line, is that word.
            found_at = {}
            for f in injected:
                found_at.setdefault((f[0], f[1]), []).append(f[2])
            def matches(key, word):
                return word == key[2] or (expected[key][4] == "ko" and key[2].startswith(word) and len(word) >= 2)
            hits = {key for key in expected if any(matches(key, w) for w in found_at.get(key[:2], []))}
            matched = {(key[0], key[1], w) for key in hits for w in found_at[key[:2]] if matches(key, w)}
            recall = len(hits) / len(truth)
            by_language = {lang: (sum(1 for k in hits if expected[k][4] == lang),
                                  sum(1 for t in truth if t[4] == lang)) for lang in ("en", "ko")}
            # The corpus's own confirmed typos are neither injected hits nor false alarms.
            judged = [f for f in injected if f in matched or f not in confirmed_in_copy]
            precision = len([f for f in judged if f in matched]) / len(judged) if judged else 0.0
            print(f"{name:<10} {rate:>13.2f} {false_rate:>11.2f} {len(found):>8} {seconds:>8.2f} {size / 1e6 / seconds:>6.1f} | "
                  f"{recall:>6.1%} {by_language['en'][0] / max(1, by_language['en'][1]):>5.0%} "
                  f"{by_language['ko'][0] / max(1, by_language['ko'][1]):>5.0%} {precision:>9.1%}")
            if name == "postlint" and args.misses:
                for key, t in sorted(expected.items()):
                    if key not in hits:
                        print(f"  missed {t[4]}: {t[2]} (for {t[3]}) {os.path.relpath(t[0], copy)}:{t[1]}")
                for f in judged:
                    if f not in matched:
                        print(f"  false: {f[2]} {os.path.relpath(f[0], copy)}:{f[1]}")
        if "postlint" in tools:
            # Again on the clean corpus: the suggestions kept are those of the last run (the copy).
            found_again, _ = timed(tools["postlint"], corpus, clean)
            ranked = [(f, FIRST_SUGGESTIONS[f]) for f in found_again if f in confirmed and f in FIRST_SUGGESTIONS]
            right = sum(suggestion.lower() == confirmed[f].lower() for f, suggestion in ranked)
            print(f"\nfirst suggestion is the intended word for {right} of the {len(ranked)} confirmed corpus typos postlint finds")
        if "postlint" in tools and "typos" in tools:
            ratio = clean_results["postlint"][1] / clean_results["typos"][1]
            print(f"\nthroughput: postlint takes {ratio:.2f}x typos' time on the clean corpus "
                  f"(median of {max(1, args.repeat)} alternating runs each; target: at most 2x)")
        if args.verbose:
            print("\npostlint on the clean corpus, findings not in corpus-confirmed.tsv:")
            for f in clean_results["postlint"][0]:
                if f not in confirmed:
                    print(f"  {f[0]}:{f[1]}: {f[2]}")
            print(f"confirmed typos found: {len([f for f in clean_results['postlint'][0] if f in confirmed])} of {len(confirmed)}")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
