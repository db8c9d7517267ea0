#!/usr/bin/env python3
"""`invalid-encoding --fix` on real text saved in legacy code pages.

Where `sweep.py` writes posts from a few hundred sentences, this takes text people wrote:
the corpus's posts (whole), and the machine's localized man pages and message catalogs
(`/usr/share/man/LANG`, `/usr/share/locale/LANG/LC_MESSAGES/*.mo`; chunks of about 1,800
characters, 700 for Chinese, Japanese and Korean; at most 150 a language and source). Each
text is saved in every usual code page of its language (typographic characters a page
lacks are typed plainly; a text the page cannot hold is skipped), `postlint lint --fix
--select invalid-encoding` runs over the files, and each is counted converted right,
converted wrong, or left alone, per language group and page. With `--baseline`, a second
binary runs the same files; every post the binary under test writes wrong that the baseline
did not, or leaves alone that the baseline converted right, is listed, and the first makes
the exit status 1.

    python3 bench/encoding/realtext.py .build/release/postlint [--baseline OLD] [--corpus DIR] [--quoting N]

Takes about eight minutes here (32,000 files); `man` and `col` render the man pages. With
`--quoting N`, the files are instead English corpus posts quoting one to three real lines
of another language, N a language and page, saved in that language's page (most of the
post is ASCII: a few marks among few non-ASCII characters).
"""
import argparse, collections, glob, gettext, json, os, random, re, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sweep import typed

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLAIN = {'“': '"', '”': '"', '„': '"', '‘': "'", '’': "'", '‚': "'", '–': '-', '—': '--', '−': '-', '…': '...', '•': '*',
         '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\u200b': '', '\ufeff': '', '′': "'", '″': '"', '«': '"', '»': '"',
         '‹': '<', '›': '>'}
WEST = ['cp1252', 'latin_1', 'iso8859_15', 'mac_roman', 'cp850']
CENTRAL = ['cp1250', 'iso8859_2', 'mac_latin2', 'cp852']
CYRILLIC = ['cp1251', 'iso8859_5', 'mac_cyrillic', 'cp866']
PAGES = {language: WEST for language in
         ['en', 'de', 'fr', 'es', 'pt', 'pt_BR', 'it', 'nl', 'da', 'sv', 'nb', 'nn', 'fi', 'ca', 'gl', 'eu', 'ga', 'is', 'af', 'id',
          'ms', 'br', 'fo', 'oc', 'ast']}
PAGES.update({language: CENTRAL for language in ['pl', 'cs', 'sk', 'hu', 'sl', 'hr', 'ro', 'bs']})
PAGES.update({language: CYRILLIC for language in ['be', 'bg', 'sr', 'mk']})
PAGES.update(tr=['cp1254', 'iso8859_9', 'mac_turkish', 'cp857'], lt=['cp1257', 'iso8859_13', 'iso8859_4'],
             lv=['cp1257', 'iso8859_13', 'iso8859_4'], et=['cp1257', 'iso8859_13', 'iso8859_4', 'cp1252', 'iso8859_15'],
             ru=CYRILLIC + ['koi8_r'], uk=CYRILLIC + ['koi8_u'], el=['cp1253', 'iso8859_7'], ko=['cp949', 'euc_kr'],
             ja=['cp932', 'shift_jis', 'euc_jp'], zh_CN=['gb18030', 'gbk', 'gb2312'], zh_TW=['big5', 'cp950'])
EAST_ASIAN = {'ko', 'ja', 'zh_CN', 'zh_TW'}
PER_LANGUAGE = 150


def corpus_language(text):
    for pattern, language in (('[\uac00-\ud7a3]', 'ko'), ('[\u3040-\u30ff]', 'ja'), ('[\u4e00-\u9fff]', 'zh_CN')):
        if re.search(pattern, text):
            return language
    return 'en'


def chunks(paragraphs, limit):
    out, current, size = [], [], 0
    for paragraph in paragraphs:
        current.append(paragraph)
        size += len(paragraph)
        if size >= limit:
            out.append('\n\n'.join(current))
            current, size = [], 0
    if current and size >= limit // 2:
        out.append('\n\n'.join(current))
    return out


def man_lines(path):
    environment = dict(os.environ, MANWIDTH='3000')
    try:
        shown = subprocess.run(['man', '-l', '-E', 'UTF-8', '--no-hyphenation', '--no-justification', path], env=environment,
                               capture_output=True, timeout=30).stdout
        text = subprocess.run(['col', '-bx'], input=shown, capture_output=True).stdout.decode('utf-8', 'replace')
    except (OSError, subprocess.TimeoutExpired):
        return []
    lines = [line.strip() for line in text.split('\n') if line.strip()]
    return [re.sub(r' {2,}', ' ', line) for line in lines[1:-1] if '\ufffd' not in line]


def catalog_messages(path):
    try:
        catalog = gettext.GNUTranslations(open(path, 'rb'))._catalog
    except Exception:
        return []
    seen = set()
    return [v.strip() for k, v in catalog.items() if k and isinstance(v, str) and len(v.split()) >= 6 and '\ufffd' not in v
            and not (v.strip() in seen or seen.add(v.strip()))]


def texts(corpus):
    random.seed(15)
    found = []
    for folder, _, names in os.walk(corpus):
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name.endswith(('.md', '.mdx', '.markdown', '.txt')) and os.path.getsize(path) > 0:
                text = open(path, encoding='utf-8', errors='replace').read()
                found.append((corpus_language(text), os.path.relpath(path, corpus), text))
    for language in PAGES:
        limit = 700 if language in EAST_ASIAN else 1800
        for pattern, read in ((f'/usr/share/man/{language}/man*/*', man_lines), (f'/usr/share/locale/{language}/LC_MESSAGES/*.mo', catalog_messages)):
            pieces = [(path, piece) for path in sorted(glob.glob(pattern)) for piece in chunks(read(path), limit)]
            random.shuffle(pieces)
            found += [(language, path, piece) for path, piece in pieces[:PER_LANGUAGE]]
    return found


def saved(text, page):
    """The text as a file in the page, and the text it holds; (None, None) when it cannot be."""
    text = typed(text, page, PLAIN)
    if text is None:
        return None, None
    data = text.encode(page)
    try:
        if data.decode(page) != text:
            return None, None
        data.decode('utf-8')
        return None, None  # ASCII, or valid UTF-8 by chance: nothing to convert
    except UnicodeDecodeError:
        return data, text


def quoting_posts(found, per_page):
    """English corpus posts, each quoting real lines of another language (`> …`)."""
    random.seed(7)
    english = [text for language, origin, text in found if language == 'en' and origin.endswith('.md') and text.count('\n\n') >= 3]
    lines = collections.defaultdict(list)
    for language, _, text in found:
        if language in EAST_ASIAN or language == 'en':
            continue
        for line in (line.strip() for line in text.splitlines()):
            if 30 <= len(line) <= 180 and sum(ord(c) > 127 for c in line) >= 2 and not line.startswith(('-', '#', '.', '|', '`')):
                lines[language].append(line)
    posts = []
    for language in sorted(lines):
        for page in PAGES[language]:
            for _ in range(per_page):
                paragraphs = random.choice(english).split('\n\n')
                kept = paragraphs[:random.randint(3, min(12, len(paragraphs)))]
                quoted = random.sample(lines[language], min(len(lines[language]), random.randint(1, 3)))
                kept.insert(random.randint(1, len(kept) - 1), '\n'.join('> ' + line for line in quoted))
                posts.append((language, page, '\n\n'.join(kept) + '\n'))
    return posts


def group(language):
    for name, members in (('Western', PAGES['en']), ('Central', CENTRAL)):
        if PAGES.get(language) is members:
            return name
    return language


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('binary')
    parser.add_argument('--baseline')
    parser.add_argument('--corpus', default=os.path.join(ROOT, '..', 'shared', 'corpus'))
    parser.add_argument('--quoting', type=int, metavar='N', help='English posts quoting other languages, N a language and page')
    arguments = parser.parse_args()
    found = texts(arguments.corpus)
    if arguments.quoting:
        found = [(language, f'quoting {page}', text, page) for language, page, text in quoting_posts(found, arguments.quoting)]
    else:
        found = [(language, origin, text, page) for language, origin, text in found for page in PAGES.get(language, [])]
    cases = []
    for language, origin, text, page in found:
        data, expected = saved(text, page)
        if data is not None:
            cases.append((f'{page}/{len(cases):05d}.md', language, origin, data, expected))
    binaries = {'tested': os.path.abspath(arguments.binary), **({'baseline': os.path.abspath(arguments.baseline)} if arguments.baseline else {})}
    folder = tempfile.mkdtemp(prefix='postlint-realtext.')
    outcomes = collections.defaultdict(dict)
    for side, binary in binaries.items():
        for name, _, _, data, _ in cases:
            os.makedirs(os.path.dirname(f'{folder}/{side}/{name}'), exist_ok=True)
            open(f'{folder}/{side}/{name}', 'wb').write(data)
        subprocess.run([binary, 'lint', '--no-cache', '--fix', '--select', 'invalid-encoding', '.'], cwd=f'{folder}/{side}', capture_output=True)
        for name, _, _, data, expected in cases:
            written = open(f'{folder}/{side}/{name}', 'rb').read()
            outcomes[name][side] = 'left' if written == data else 'right' if written == expected.encode('utf-8') else 'wrong'
    tally = collections.defaultdict(collections.Counter)
    worse = []
    for name, language, origin, _, _ in cases:
        states = outcomes[name]
        key = states['tested'] if len(states) == 1 else f"{states['baseline']} -> {states['tested']}"
        tally[(group(language), name.split('/')[0])][key] += 1
        if 'baseline' in states and states['baseline'] != states['tested'] and (states['tested'] == 'wrong' or states['baseline'] == 'right'):
            worse.append(f"{states['baseline']} -> {states['tested']}: {name} ({language}, {origin})")
    for (language_group, page), counts in sorted(tally.items()):
        print(f'{language_group:9}{page:14}', ', '.join(f'{k}: {v}' for k, v in sorted(counts.items())))
    totals = sum(tally.values(), collections.Counter())
    print(f'\n{len(cases)} files:', ', '.join(f'{k}: {v}' for k, v in sorted(totals.items())))
    if arguments.baseline:
        print(f'written wrong where the baseline was not, or left alone where it converted right: {len(worse)}')
        for line in worse[:60]:
            print('  ', line)
    shutil.rmtree(folder, ignore_errors=True)
    return 1 if any('-> wrong' in line for line in worse) else 0


if __name__ == '__main__':
    sys.exit(main())
