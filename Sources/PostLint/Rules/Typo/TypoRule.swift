import Foundation

/// A misspelled word in English or Korean prose.
public struct TypoRule: Rule {
    public static let description = RuleDescription(
        id: "typo",
        summary: "A word of prose is misspelled (English or Korean)",
        rationale: """
            Typos in published posts look careless, and list-based checkers miss most of \
            them. This rule reads prose only (never code, URLs, paths, e-mail, hashtags, \
            LaTeX, MDX syntax or front matter) and skips acronyms, CamelCase and mixed-case \
            names and words with digits. English words are checked with Hunspell (en_US); \
            Korean words are split with ICU's word-break iterator, lose their particles \
            (데이터셑을 is judged as 데이터셑) and are compared jamo by jamo against the \
            Korean Hunspell word list. The files linted together are evidence: a word used \
            across many files is vocabulary, and a rare word one edit from a frequent one \
            is a likely slip. A word is reported only with a suggestion. The fix is safe \
            when the correction is unambiguous (a curated correction, or the one candidate \
            the repository itself uses). Allow words, or add corrections (`wrong -> right`), \
            with the rule's `words` option.
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
        ],
        triggering: [
            Example("We tested the ↓hypotesis twice.\n", fileName: "post.md"),
            Example("Reasoning models need reasoning data: ↓reasoing is hard.\n", fileName: "post.md"),
            Example("I ↓recieve mail daily.\n", fileName: "post.md"),
            Example("고품질 ↓데이터셑을 구축했다.\n"),
            Example("Strong Context matters.\n\n**CAES(↓Conatext-AwarE Sampling)**\n"),
        ],
        corrections: [
            Correction(Example("I recieve mail daily.\n", fileName: "post.md"), "I receive mail daily.\n"),
            Correction(
                Example("Reasoning models need reasoning data: reasoing is hard.\n", fileName: "post.md"),
                "Reasoning models need reasoning data: reasoning is hard.\n"),
            Correction(Example("고품질 데이터셑을 구축했다.\n"), "고품질 데이터셋을 구축했다.\n"),
        ])

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
        let words = ProseWordScanner(document: document).words()
        let verdicts = words.compactMap { word in
            cache.verdict(for: word) { word.script == .latin ? english.judge(word) : korean.judge(word) }
                .map { (word, $0) }
        }
        let flaggedLatin = verdicts.filter { $0.0.script == .latin && !$0.1.curated }.map(\.0)
        let foreignLines = ForeignText.lines(of: flaggedLatin, in: document, vocabulary)
        return verdicts.compactMap { word, verdict -> TypoVerdict? in
            guard word.script == .latin, !verdict.curated else { return verdict }
            if foreignLines.contains(document.lines.lineNumber(at: word.range.lowerBound)) { return nil }
            return NameContext.isAmongNames(word, in: document) ? verdict.limited(to: verdict.nameSuggestions) : verdict
        }
        .map { diagnostic(for: $0, severity: context.severity) }
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
/// its word starts, so it is stored by length and moved to each occurrence.
final class TypoVerdictCache: @unchecked Sendable {
    private struct Key: Hashable {
        let text: String
        let startsSentence: Bool
    }

    private let lock = NSLock()
    private var verdicts: [Key: TypoVerdict?] = [:]

    func verdict(for word: ProseWord, judge: () -> TypoVerdict?) -> TypoVerdict? {
        let key = Key(text: word.text, startsSentence: word.startsSentence)
        lock.lock()
        let known = verdicts[key]
        lock.unlock()
        let found: TypoVerdict?
        if let known {
            found = known
        } else {
            found = judge()
            lock.lock()
            verdicts[key] = .some(found)
            lock.unlock()
        }
        return found.map { verdict in
            let start = word.range.lowerBound
            return TypoVerdict(
                range: start..<start + verdict.range.count, word: verdict.word, suggestions: verdict.suggestions,
                safe: verdict.safe)
        }
    }
}
