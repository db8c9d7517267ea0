import Foundation

/// A misspelled word in English or Korean prose.
public struct TypoRule: Rule {
    public static let description = RuleDescription(
        id: "typo",
        summary: "A word of prose is misspelled (English or Korean)",
        rationale: """
            Typos in published posts look careless, and list-based checkers miss most of \
            them. This rule reads prose only (never code, URLs, paths, e-mail, hashtags, \
            LaTeX, MDX syntax or front matter other than the title, subtitle, description, summary \
            and excerpt, which readers see) and skips acronyms, CamelCase and mixed-case \
            names and words with digits. English words are checked with Hunspell (en_US); \
            Korean words are split with ICU's word-break iterator, lose their particles \
            (데이터셑을 is judged as 데이터셑) and are compared jamo by jamo against the \
            Korean Hunspell word list. The files linted together are evidence: a word used \
            across many files is vocabulary, and a rare word one edit from a frequent one \
            is a likely slip. A word is reported only with a suggestion. The fix is safe \
            for a curated correction, or for a long lower-case word used once whose only \
            candidate the repository uses often and in many files; every other suggestion is \
            an unsafe fix (`--fix --unsafe-fixes`), since a rare word near a common one is as \
            often a name, a foreign word or an identifier as a slip. Allow words, or add \
            corrections (`wrong -> right`), with the rule's `words` option.
            """,
        severity: .warning,
        fixSafety: .safe,
        scope: .prose,
        nonTriggering: [
            Example("InfoNCE loss, CAES sampling, GRPO and DeepSeek on Qwen2.5 with an H200.\n"),
            Example("See https://example.com/reasoing, ./docs/conatext.md or mail me@exampel.com #hashtg\n"),
            Example("The loss $\\alpha + reasoing$ uses \\textbf{Conatext} and `reasoing`.\n", fileName: "post.md"),
            Example("고품질 데이터셋을 구축하고 모델을 학습했다.\n"),
            Example("ÏùºÍ∞Ñ Ï¥ù reasoing\n", fileName: "post.md"),
            Example("---\ntitlle: reasoing\n---\n\nA plain sentence.\n", fileName: "post.md"),
            Example("<div class=\"reasoing\"><pre>teh conatext</pre> &nbsp;<!-- reasoing --></div>\n", fileName: "post.md"),
            Example("<TabItem value=\"py\">\n```python\ndef recieve(): pass  # teh\n```\nRun `recieve()` once.\n  ~~~bash\n  echo teh recieve\n  ~~~\n</TabItem>\n", fileName: "post.mdx"),
            Example("{% highlight python %}\ndef recieve(): pass  # teh\n{% endhighlight %}\n", fileName: "post.md"),
            Example("+++\nslug = \"recieve\"\n[params]\n+++\n\n{{< highlight go >}}\nx := \"recieve\"\n{{< /highlight >}}\n\n{% comment %}teh{% endcomment %}\n", fileName: "post.md"),
            Example("A note[^recieve] here.\n\n[^recieve]: See the notes.\n", fileName: "post.md"),
        ],
        triggering: [
            Example("We tested the ↓hypotesis twice.\n", fileName: "post.md"),
            Example("Reasoning models need reasoning data: ↓reasoing is hard.\n", fileName: "post.md"),
            Example("I ↓recieve mail daily.\n", fileName: "post.md"),
            Example("We ↓retreive ↓thier greyscale images.\n", fileName: "post.md"),
            Example("고품질 ↓데이터셑을 구축했다.\n"),
            Example("Strong Context matters.\n\n**CAES(↓Conatext-AwarE Sampling)**\n"),
            Example("<table><tr><td>I ↓recieve mail daily.</td></tr></table>\n", fileName: "post.md"),
            Example("<TabItem value=\"mail\" label=\"Mail\">I ↓recieve mail daily.</TabItem>\n", fileName: "post.mdx"),
            Example("<div>\n<img src=\"/img/language-support.png\">\n<p class=\"highlight\">I ↓recieve mail.</p>\n</div>\n", fileName: "post.md"),
        ],
        corrections: [
            Correction(Example("I recieve mail daily.\n", fileName: "post.md"), "I receive mail daily.\n"),
            Correction(
                Example("## How to recieve mail\n\nSee [above](#how-to-recieve-mail).\n", fileName: "post.md"),
                "## How to receive mail\n\nSee [above](#how-to-recieve-mail).\n", unsafe: true),
            Correction(
                Example("Reasoning models need reasoning data: reasoing is hard.\n", fileName: "post.md"),
                "Reasoning models need reasoning data: reasoning is hard.\n", unsafe: true),
            Correction(Example("고품질 데이터셑을 구축했다.\n"), "고품질 데이터셋을 구축했다.\n", unsafe: true),
            Correction(
                Example("+++\ntitle = \"How to recieve mail\"\ndraft = false\n+++\n\nBody.\n", fileName: "post.md"),
                "+++\ntitle = \"How to receive mail\"\ndraft = false\n+++\n\nBody.\n", unsafe: true),
        ],
        options: [RuleOptionDescription("words", "words to allow, and corrections written `wrong -> right`")],
        fixSafetyVaries: true)

    public static var usesVocabulary: Bool { true }

    public init() {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let lexicon = TypoLexicon.with(options: context.options)
        let vocabulary = context.vocabulary ?? Vocabulary(texts: [document.text])
        let english = EnglishTypoJudge(lexicon: lexicon, vocabulary: vocabulary)
        let korean = KoreanTypoJudge(lexicon: lexicon, vocabulary: vocabulary)
        // Each distinct word is judged once per run: the verdict depends only on the word,
        // the run's vocabulary and the options.
        let cache = vocabulary.derived("typo.verdicts.\(context.options.hashValue)") { _ in TypoVerdictCache() }
        Self.prepareKoreanDictionary(for: vocabulary)
        let words = ProseWordScanner(document: document).words()
        let verdicts = cache.verdicts(for: words, in: document.utf8) { word in
            word.script == .latin ? english.judge(word) : korean.judge(word)
        }
        // Curated corrections too: `teh` is Indonesian tea in a line of Indonesian, and Teh
        // a surname among names (Y. W. Teh).
        let flaggedLatin = verdicts.filter { $0.0.script == .latin }.map(\.0)
        let foreignLines = ForeignText.lines(of: flaggedLatin, in: document, vocabulary)
        let inAddresses = flaggedLatin.isEmpty ? [] : URLWords.of(document.utf8)
        return verdicts.compactMap { word, verdict -> TypoVerdict? in
            guard word.script == .latin else { return verdict }
            let line = document.lines.lineNumber(at: word.range.lowerBound)
            // A curated slip is an unknown word itself: only the function words of another
            // language (`le code existant`) make its line foreign, not a line of slips.
            if foreignLines.contains(line), !verdict.curated || ForeignText.isOtherLanguage(document.utf8[document.lines.contentRange(ofLine: line)]) {
                return nil
            }
            // A word the post's own links spell the same way is a name (`Magentic-One` at
            // github.com/…/magentic-one), a query shown on purpose, or a project's slug.
            if !verdict.curated, inAddresses.contains(word.text.lowercased()) { return nil }
            if !verdict.curated, Self.isJoinedWithItsPrefix(word, in: document.utf8) { return nil }
            return NameContext.isAmongNames(word, in: document) ? verdict.limited(to: verdict.nameSuggestions) : verdict
        }
        .map {
            $0.safe && (Self.isInHeadingOrTitle($0, document) || Self.isQuoted($0.range, in: document.utf8) || Self.isShownBesideItsCorrection($0, document))
                ? $0.unsafe : $0
        }
        .map { diagnostic(for: $0, severity: context.severity) }
    }

    /// The second half of a hyphenated word that the dictionary knows written solid
    /// (`pre-empted` is `preempted`, `re-usable` `reusable`): no slip of its own (`empted`).
    static func isJoinedWithItsPrefix(_ word: ProseWord, in bytes: [UInt8]) -> Bool {
        var start = word.range.lowerBound
        guard start > 1, bytes[start - 1] == UInt8(ascii: "-") else { return false }
        start -= 1
        let isLetter = { (byte: UInt8) in (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        while start > 0, isLetter(bytes[start - 1]) { start -= 1 }
        guard start < word.range.lowerBound - 1 else { return false }
        let joined = String(decoding: bytes[start..<(word.range.lowerBound - 1)] + bytes[word.range], as: UTF8.self).lowercased()
        return EnglishSpellCache.shared.accepts(joined) == true
    }

    /// A heading's words make its anchor (`## How to recieve mail` is `#how-to-recieve-mail`):
    /// this post or another may link to it, and correcting the heading alone would break
    /// the link, so a heading's fix needs a look (`--unsafe-fixes`). So does one in the
    /// front matter's title or description: some sites make addresses of them.
    static func isInHeadingOrTitle(_ verdict: TypoVerdict, _ document: Document) -> Bool {
        document.headings.contains { $0.range.contains(verdict.range.lowerBound) }
            || document.frontMatter?.range.contains(verdict.range.lowerBound) == true
    }

    /// A word alone in quotes is as often a mention as a slip: a post on spelling shows the
    /// wrong form on purpose (`"몇일"이 아니라 "며칠"`, `"recieve" is a common misspelling`),
    /// so its fix needs a look.
    static func isQuoted(_ range: Range<Int>, in bytes: [UInt8]) -> Bool {
        guard range.lowerBound > 0, range.upperBound < bytes.count else { return false }
        var start = range.lowerBound - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let before = String(decoding: bytes[start..<range.lowerBound], as: UTF8.self).unicodeScalars.first
        let after = String(decoding: bytes[range.upperBound..<min(range.upperBound + 4, bytes.count)], as: UTF8.self).unicodeScalars.first
        guard let before, let after, let closing = quotePairs[before] else { return false }
        return closing.contains(after)
    }

    /// A table row that holds the correction in another cell (a model's output beside the
    /// reference: `| artifficial intelligence | artificial intelligence |`) shows the slip
    /// on purpose as often as not.
    static func isShownBesideItsCorrection(_ verdict: TypoVerdict, _ document: Document) -> Bool {
        guard let correction = verdict.suggestions.first?.lowercased() else { return false }
        let bytes = document.utf8
        let line = document.lines.contentRange(ofLine: document.lines.lineNumber(at: verdict.range.lowerBound))
        guard bytes[line].first(where: { $0 != 0x20 }) == UInt8(ascii: "|") else { return false }
        let bar = UInt8(ascii: "|")
        let cellStart = bytes[line.lowerBound..<verdict.range.lowerBound].lastIndex(of: bar) ?? line.lowerBound
        let cellEnd = bytes[verdict.range.upperBound..<line.upperBound].firstIndex(of: bar) ?? line.upperBound
        let others = String(decoding: bytes[line.lowerBound..<cellStart], as: UTF8.self) + "|"
            + String(decoding: bytes[cellEnd..<line.upperBound], as: UTF8.self)
        let words = others.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" }
        return words.contains { $0 == correction || $0.hasPrefix(correction) && $0.unicodeScalars.first.map(Hangul.isSyllable) == true }
    }

    /// Opening quotation marks and the marks that may close them (a typographic opening mark
    /// is often closed by a straight one).
    private static let quotePairs: [Unicode.Scalar: Set<Unicode.Scalar>] = [
        "\"": ["\"", "\u{201D}"], "'": ["'", "\u{2019}"], "\u{201C}": ["\u{201D}", "\""], "\u{2018}": ["\u{2019}", "'"],
        "\u{300C}": ["\u{300D}"], "\u{300E}": ["\u{300F}"], "\u{00AB}": ["\u{00BB}"],
    ]

    /// A large run with much Korean prose needs the run's Korean stem index (tens of
    /// milliseconds to build) and asks Korean Hunspell about a few words (where the
    /// installed ko_KR cannot be sliced, `HunspellSlicer`, its 11 MB affix file takes a
    /// third of a second to open): start both beside the linting threads, rather than in
    /// one of them while the others, linting Korean posts, wait for it.
    static func prepareKoreanDictionary(for vocabulary: Vocabulary) {
        _ = vocabulary.derived("typo.korean-dictionary-prepared") { vocabulary in
            if vocabulary.fileCount >= 100, vocabulary.wordCount(startingWithByteIn: 0xEA...0xED) >= 1000 {
                Thread.detachNewThread { _ = KoreanStemIndex.of(vocabulary) }
                HunspellDictionary.korean.openInBackground()
            }
            return true
        }
    }

    private func diagnostic(for verdict: TypoVerdict, severity: Severity) -> Diagnostic {
        let quoted = verdict.suggestions.map { "'\($0)'" }
        let choices = quoted.count > 1 ? quoted.dropLast().joined(separator: ", ") + " or " + quoted.last! : quoted[0]
        let best = verdict.suggestions[0]
        let fix = Fix("replace with '\(best)'", safety: verdict.safe ? .safe : .unsafe, edits: [Edit(verdict.range, best)])
        return Diagnostic(
            rule: Self.description.id, severity: severity, range: verdict.range,
            message: "'\(verdict.word)' — did you mean \(choices)?", fix: fix)
    }
}

/// Verdicts by word, shared by the files of a run. A verdict's range always starts where
/// its word starts, so it is stored by length and moved to each occurrence. Words are
/// keyed by their bytes, held inline for words of up to 16 bytes and hashed in one step:
/// hashing a String normalises it first, and a slice of the document retains it, both of
/// which cost more than judging most words (this runs for every word of every file).
final class TypoVerdictCache: @unchecked Sendable {
    /// A word's bytes, exactly, and whether it starts a sentence (a capital there says
    /// nothing of a name, so the verdict may differ).
    struct Key: Hashable, CheapHashable {
        private let word: Vocabulary.WordBytes
        private let startsSentence: Bool

        init(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, startsSentence: Bool) {
            word = Vocabulary.WordBytes(in: buffer, range.lowerBound, range.upperBound, lowercasingASCII: false)
            self.startsSentence = startsSentence
        }

        var cheapHash: UInt64 { startsSentence ? Self.mix(word.cheapHash) : word.cheapHash }
    }

    /// Shards, each with its own lock: with one lock, the threads linting files in
    /// parallel queue on it (every first use of a word in a file asks the shared table).
    private final class Shard: @unchecked Sendable {
        let lock = NSLock()
        /// A word's verdict as an index into `verdicts`, -1 for none (nearly every word):
        /// a small value keeps the table's entries, read for every first use of a word in a
        /// file, a third of the size.
        var known = CheapHashTable<Key, Int32>(minimumCapacity: 256)
        var verdicts: [TypoVerdict] = []

        func verdict(at slot: Int32) -> TypoVerdict? { slot < 0 ? nil : verdicts[Int(slot)] }
    }

    private static let shardBits = 5
    private let shards = (0..<(1 << TypoVerdictCache.shardBits)).map { _ in Shard() }

    /// The verdicts on a document's words, in order: each distinct word is looked up once
    /// per document, and judged once per run.
    func verdicts(for words: [ProseWord], in bytes: [UInt8], judge: (ProseWord) -> TypoVerdict?) -> [(ProseWord, TypoVerdict)] {
        // Per document, a word's verdict as an index into `judged` (-1 for none): a small
        // value is cheaper to probe and copy than the optional verdict itself.
        var local = CheapHashTable<Key, Int32>(minimumCapacity: words.count / 2)
        var judged: [TypoVerdict] = []
        var result: [(ProseWord, TypoVerdict)] = []
        for word in words {
            // Latin words under three letters and one-syllable Korean words are never judged
            // typos: the most frequent words, skipped before any hashing.
            if word.range.count < 3 || (word.script == .hangul && word.range.count < 6) { continue }
            let key = bytes.withUnsafeBufferPointer { Key(in: $0, word.range, startsSentence: word.startsSentence) }
            let slot: Int32
            if let seen = local[key] {
                slot = seen
            } else {
                let verdict = shared(key) { judge(word.withText(bytes)) }
                if let verdict { judged.append(verdict) }
                slot = verdict == nil ? -1 : Int32(judged.count - 1)
                local.update(key, initial: slot) { _ in }
            }
            guard slot >= 0 else { continue }
            let verdict = judged[Int(slot)]
            let start = word.range.lowerBound
            result.append(
                (
                    word.withText(bytes),
                    TypoVerdict(
                        range: start..<start + verdict.range.count, word: verdict.word, suggestions: verdict.suggestions,
                        safe: verdict.safe, curated: verdict.curated, nameSuggestions: verdict.nameSuggestions)
                ))
        }
        return result
    }

    private func shared(_ key: Key, _ judge: () -> TypoVerdict?) -> TypoVerdict? {
        // The table's slot uses the hash's low bits; the shard takes its high ones.
        let shard = shards[Int(truncatingIfNeeded: key.cheapHash >> UInt64(64 - Self.shardBits))]
        shard.lock.lock()
        let found = shard.known[key].map { shard.verdict(at: $0) }
        shard.lock.unlock()
        if let found { return found }
        let verdict = judge()
        shard.lock.lock()
        shard.known.update(key, initial: -1) { slot in
            // Another thread may have judged the word meanwhile: the first verdict stays.
            guard slot < 0, let verdict else { return }
            shard.verdicts.append(verdict)
            slot = Int32(shard.verdicts.count - 1)
        }
        shard.lock.unlock()
        return verdict
    }
}
