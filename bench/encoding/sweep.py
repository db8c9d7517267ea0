#!/usr/bin/env python3
"""Sweep of `invalid-encoding --fix` over generated legacy-encoded posts.

Writes random posts (one line, paragraphs, front matter, headings, lists, code, tables,
links, all-caps headings) from `sentences.py` in each language's usual code pages,
including pages ICU never names (Mac OS Roman, ISO-8859-15) and DOS pages no rule reads,
runs `postlint lint --fix --select invalid-encoding` over them and counts, per language
and code page, the posts converted right, converted wrong, and left alone. With
`--baseline`, a second binary runs the same posts and every change between the two is
counted; a post the binary under test writes wrong that the baseline did not is listed,
and makes the exit status 1.

    python3 bench/encoding/sweep.py .build/release/postlint [--baseline OTHER] [--seed 1] [--count 20]
"""
import argparse, collections, os, random, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sentences import P

WEST = ['cp1252', 'latin_1', 'iso8859_15', 'mac_roman', 'cp437', 'cp850']
CENTRAL = ['cp1250', 'iso8859_2', 'cp852', 'mac_latin2']
PAGES = {language: WEST for language in ['en', 'fr', 'de', 'es', 'pt', 'it', 'ca', 'nl', 'sv', 'no', 'da', 'fi', 'is', 'af', 'ga']}
for language in ['de', 'fi', 'sv']: PAGES[language] = WEST + ['cp1250', 'iso8859_2', 'cp1257']
for language in ['fr', 'de', 'es', 'pt', 'en']: PAGES[language] = PAGES[language] + ['cp1254', 'iso8859_9']
PAGES['sq'] = WEST + ['cp1250', 'iso8859_2']
PAGES['et'] = ['cp1257', 'iso8859_13', 'iso8859_15', 'cp1252', 'iso8859_4', 'cp775']
for language in ['pl', 'cs', 'sk', 'hu', 'hr', 'sl', 'ro', 'ro_comma']:
    PAGES[language] = CENTRAL + (['iso8859_16'] if language in ('pl', 'hu', 'ro_comma') else [])
PAGES['tr'] = ['cp1254', 'iso8859_9', 'cp857']
PAGES['el'] = ['cp1253', 'iso8859_7', 'cp737', 'cp869']
PAGES['lt'] = PAGES['lv'] = ['cp1257', 'iso8859_13', 'iso8859_4', 'cp775']

# What a writer types where the code page has no such character.
PLAIN = {'’': "'", '‘': "'", '‚': "'", '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '—': '-', '–': '-', '…': '...', '€': 'EUR',
         '•': '*', '™': '(TM)', '©': '(c)', '®': '(R)', '°': ' deg', '±': '+/-', '×': 'x', '÷': '/', '½': '1/2', '¼': '1/4', '²': '2',
         '³': '3', 'µ': 'u', '§': 'S', '¶': 'P', '£': 'GBP', 'º': 'o', 'ª': 'a', '·': '.', '¿': '', '¡': '', '\u00a0': ' '}


def typed(sentence, page, plain=PLAIN):
    """The sentence as a writer types it in the page (`plain` for what it lacks), or None."""
    out = []
    for character in sentence:
        try:
            character.encode(page)
            out.append(character)
        except UnicodeEncodeError:
            if character not in plain:
                return None
            out.append(plain[character])
    return ''.join(out)


def sentences(language, page, count):
    pool = [s for s in (typed(x, page) for x in P.get(language, [])) if s is not None]
    return [random.choice(pool) for _ in range(count)] if pool else None


def post(language, page):
    shape = random.choice(['line', 'line', 'paragraphs', 'front matter', 'full', 'full', 'long'])
    if shape == 'line':
        return ' '.join(sentences(language, page, random.choice([1, 1, 2]))) + '\n'
    if shape == 'paragraphs':
        return '\n\n'.join(' '.join(sentences(language, page, random.randint(2, 4))) for _ in range(random.randint(1, 3))) + '\n'
    title = sentences(language, page, 1)[0].rstrip('.!?')
    front = f'---\ntitle: "{title}"\ndate: 2021-03-04\ntags: [blog, notes]\nslug: my-post\n---\n\n'
    if shape == 'front matter':
        return front + ' '.join(sentences(language, page, random.randint(1, 3))) + '\n'
    parts = [front, f'# {title}\n\n']
    for _ in range(random.randint(2, 4 if shape == 'full' else 14)):
        kind = random.choice(['p', 'p', 'p', 'h', 'list', 'code', 'table', 'link', 'caps'])
        s = sentences(language, page, 3)
        parts.append({
            'p': ' '.join(s) + '\n\n', 'h': f'## {s[0].rstrip(".!?")}\n\n', 'caps': f'## {s[0].upper()}\n\n',
            'list': ''.join(f'- {x}\n' for x in s) + '\n',
            'code': '```python\nprint("hello")  # ' + s[0] + '\nx = 1\n```\n\n',
            'table': '| Col | Note |\n|-----|------|\n' + ''.join(f'| {i} | {x} |\n' for i, x in enumerate(s)) + '\n',
            'link': f'See [{s[0]}](https://example.com/page) and <https://example.org>.\n\n',
        }[kind])
    return ''.join(parts)


def outcome(path, text, original):
    written = open(path, 'rb').read()
    if written == original:
        return 'left'
    return 'right' if written.decode('utf-8', 'replace').lstrip('\ufeff') == text else 'wrong'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('binary')
    parser.add_argument('--baseline')
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--count', type=int, default=20, help='posts per language and code page')
    arguments = parser.parse_args()
    random.seed(arguments.seed)
    cases = []
    for language, pages in PAGES.items():
        for page in pages:
            if sentences(language, page, 1) is None:
                continue
            for k in range(arguments.count):
                text = post(language, page)
                try:
                    data = text.encode(page)
                except UnicodeEncodeError:  # an upper-cased heading (`µ` is Greek `Μ`)
                    continue
                if all(byte < 0x80 for byte in data):
                    continue
                cases.append((f'{language}.{page}.{k}.md', text, data))
    binaries = {'tested': arguments.binary}
    if arguments.baseline:
        binaries['baseline'] = arguments.baseline
    folder = tempfile.mkdtemp(prefix='postlint-encoding-sweep.')
    for side, binary in binaries.items():
        os.makedirs(f'{folder}/{side}')
        for name, _, data in cases:
            open(f'{folder}/{side}/{name}', 'wb').write(data)
        subprocess.run([binary, 'lint', '--no-cache', '--fix', '--select', 'invalid-encoding', f'{folder}/{side}'], capture_output=True)
    tally = collections.defaultdict(collections.Counter)
    totals = collections.Counter()
    worse = []
    for name, text, data in cases:
        states = {side: outcome(f'{folder}/{side}/{name}', text, data) for side in binaries}
        key = states['tested'] if len(states) == 1 else f"{states['baseline']} -> {states['tested']}"
        language, page = name.split('.')[:2]
        tally[(language, page)][key] += 1
        totals[key] += 1
        if 'baseline' in states and states['tested'] == 'wrong' and states['baseline'] != 'wrong':
            worse.append(name)
    for (language, page), counts in sorted(tally.items()):
        print(f'{language:9}{page:12}', ', '.join(f'{k}: {v}' for k, v in sorted(counts.items())))
    print(f'\n{len(cases)} posts (seed {arguments.seed}):', ', '.join(f'{k}: {v}' for k, v in sorted(totals.items())))
    if arguments.baseline:
        print(f'written wrong where the baseline was not: {len(worse)}')
        for name in worse[:40]:
            print('  ', f'{folder}/tested/{name}')
    return 1 if worse else 0


if __name__ == '__main__':
    sys.exit(main())
