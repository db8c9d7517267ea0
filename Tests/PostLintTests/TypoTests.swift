import Foundation
import ICUShim
import XCTest

@testable import PostLint

/// The typo rule end to end (Hunspell, ICU word break, the run's vocabulary), and the
/// pieces it is built from.
final class TypoTests: XCTestCase {
    private func typos(_ text: String, fileName: String = "post.mdx", vocabulary: Vocabulary? = nil, words: [String] = [])
        -> [(word: String, message: String, safe: Bool)]
    {
        let document = TestSupport.document(text, fileName: fileName)
        var options = RuleOptions()
        if !words.isEmpty { options.lists["words"] = words }
        let context = RuleContext(fileExists: nil, severity: .warning, options: options, vocabulary: vocabulary)
        return TypoRule().check(document, context: context).map {
            (document.string($0.range), $0.message, $0.fix?.safety == .safe)
        }
    }

    func testFindsEnglishAndKoreanSlipsWithTheirSuggestions() {
        let text = """
            hypotesis:
            - 고품질 multimodal reasoning 데이터셑의 부재. Better reasoing is needed.
            - **CAES(Conatext-AwarE Sampling)**, Context windows and InfoNCE.

            Chalenges:
            - 새 데이터셑을 만든다.
            """
        let found = typos(text)
        XCTAssertEqual(found.map(\.word), ["hypotesis", "데이터셑", "reasoing", "Conatext", "Chalenges", "데이터셑"])
        XCTAssertEqual(found[2].message, "'reasoing' — did you mean 'reasoning'?")
        XCTAssertTrue(found[1].message.contains("did you mean '데이터셋'"), found[1].message)
        XCTAssertTrue(found[3].message.contains("'Context'"), found[3].message)
        XCTAssertTrue(found[4].message.contains("'Challenges'"), found[4].message)
    }

    /// Plain `--fix` applies a curated correction, or an inferred one with strong evidence:
    /// a long lower-case word used once whose only candidate the repository uses often and
    /// in many files. The same slip with weaker evidence is an unsafe fix.
    func testFixIsSafeOnlyForCuratedOrStronglyEvidencedCorrections() {
        let post = "Reasoning needs reasoning: reasoing fails.\nWe recieve data.\nThe hypotesis holds.\n"
        let alone = typos(post, fileName: "post.md")
        XCTAssertEqual(alone.map(\.word), ["reasoing", "recieve", "hypotesis"])
        XCTAssertEqual(alone.map(\.safe), [false, true, false], "'reasoning' is in one file only")
        let repository = Vocabulary(texts: [post] + (1...5).map { _ in "reasoning and reasoning on reasoning" })
        XCTAssertEqual(typos(post, fileName: "post.md", vocabulary: repository).map(\.safe), [true, true, false])
        // A capitalised word (a name, as often as not) is never fixed by plain --fix.
        let capitalised = typos("Reasoning needs reasoning. Yes, Reasoing fails.\n", fileName: "post.md", vocabulary: repository)
        XCTAssertEqual(capitalised.map(\.safe), [false])
        // Korean slips found by comparison (not curated) are unsafe fixes too.
        XCTAssertEqual(typos("고품질 데이터셑을 구축했다.\n").map(\.safe), [false])
    }

    func testRepositoryVocabularyIsNotATypo() {
        let post = "The glorbix output is fine.\n"
        XCTAssertEqual(typos(post, fileName: "post.md").count, 0, "no candidate one edit away")
        let spread = Vocabulary(texts: [post, "glorbix again", "more glorbix", "and glorbix"])
        XCTAssertEqual(typos(post, fileName: "post.md", vocabulary: spread).count, 0)
        // A rare word one edit from a word the repository uses often is a slip.
        let frequent = Vocabulary(texts: ["tokenizers tokenizers", "tokenizers", "tokenizers", "The tokenizera"])
        let found = typos("The tokenizera splits text.\n", fileName: "post.md", vocabulary: frequent)
        XCTAssertEqual(found.map(\.word), ["tokenizera"])
        XCTAssertTrue(found[0].message.contains("'tokenizers'"), found[0].message)
    }

    func testSkipsNamesCodeAndMarkup() {
        let text = """
            ---
            titel: reasoing
            ---

            GRPO, DeepSeek, Qwen2.5, H200 and InfoNCE see https://exmaple.com/reasoing or a@exmaple.com.
            Run `reasoing` and #reasoing with $reasoing$ and \\textbf{reasoing} here.

            ```
            reasoing
            ```
            """
        XCTAssertEqual(typos(text, fileName: "post.md").map(\.word), [])
    }

    func testMojibakeLinesAreLeftToTheMojibakeRule() {
        XCTAssertEqual(typos("ÏùºÍ∞Ñ reasoing Ïùò\n", fileName: "post.md").count, 0)
        XCTAssertEqual(typos("ê°œ reasoing\n", fileName: "post.md").count, 0)
    }

    func testWordsOptionAllowsAndCorrects() {
        let text = "Better reasoing and teh quality.\n"
        XCTAssertEqual(typos(text, fileName: "post.md", words: ["reasoing"]).map(\.word), ["teh"])
        let custom = typos("A frobnicatr here.\n", fileName: "post.md", words: ["frobnicatr -> frobnicator"])
        XCTAssertEqual(custom.map(\.message), ["'frobnicatr' — did you mean 'frobnicator'?"])
        XCTAssertEqual(custom.map(\.safe), [true])
    }

    /// The lexicon's byte filter answers as the lists do: every shipped entry is found, and
    /// a word configured in decomposed form (as macOS may save it) still allows the
    /// precomposed word of the post.
    func testLexiconLookUpsAgreeWithItsLists() {
        let shipped = TypoLexicon.shipped
        for (wrong, right) in shipped.corrections { XCTAssertEqual(shipped.correction(of: wrong), right, wrong) }
        for word in shipped.allowed { XCTAssertTrue(shipped.allows(word), word) }
        XCTAssertNil(shipped.correction(of: "reasoning"))
        XCTAssertFalse(shipped.allows("reasoing"))
        var options = RuleOptions()
        options.lists["words"] = ["데이터셑".decomposedStringWithCanonicalMapping, "wrnog -> wrong"]
        let configured = TypoLexicon.with(options: options)
        XCTAssertTrue(configured.allows("데이터셑"))
        XCTAssertEqual(configured.correction(of: "wrnog"), "wrong")
        XCTAssertEqual(typos("고품질 데이터셑을 구축했다.\n", words: ["데이터셑".decomposedStringWithCanonicalMapping]).map(\.word), [])
    }

    func testKoreanParticlesAreCutBeforeJudging() {
        XCTAssertEqual(KoreanTypoJudge.splits(of: "데이터셑을").map(\.stem), ["데이터셑을", "데이터셑"])
        XCTAssertTrue(KoreanTypoJudge.splits(of: "데이터셑에서는").map(\.stem).contains("데이터셑"))
        let found = typos("기존 데이터셑에서는 부족하다.\n")
        XCTAssertEqual(found.map(\.word), ["데이터셑"])
    }

    func testJamoComparisonPrefersTheFinalThatSoundsTheSame() {
        let first = KoreanTypoJudge.sameSoundFinals(of: "셑").first
        XCTAssertEqual(first, "셋")
        XCTAssertEqual(Hangul.parts("셋").tail, 19)
        XCTAssertEqual(Hangul.syllable(lead: 9, vowel: 5, tail: 19), "셋")
    }

    func testVocabularyCountsWordsAcrossFiles() {
        let vocabulary = Vocabulary(texts: ["SOTA혹은 Reasoning reasoning", "reasoning 혹은"])
        XCTAssertEqual(vocabulary.usage(of: "Reasoning"), Vocabulary.Usage(occurrences: 3, files: 2))
        XCTAssertEqual(vocabulary.usage(of: "sota"), Vocabulary.Usage(occurrences: 1, files: 1))
        XCTAssertEqual(vocabulary.usage(of: "혹은"), Vocabulary.Usage(occurrences: 2, files: 2))
        XCTAssertEqual(vocabulary.fileCount, 2)
    }

    func testICUWordSegmentsAreUTF8Offsets() {
        let text = Array("데이터셑을 SOTA혹은, don't 2.5".utf8)
        var bounds = [Int32](repeating: 0, count: 64)
        let count = text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { plicu_word_segments($0.baseAddress, Int32(text.count), &bounds, 64) }
        }
        let words = (0..<Int(count)).map { String(decoding: text[Int(bounds[2 * $0])..<Int(bounds[2 * $0 + 1])], as: UTF8.self) }
        XCTAssertEqual(words, ["데이터셑을", "SOTA", "혹은", "don't"])
    }

    func testRunnerHandsTheRunsVocabularyToTheRule() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("typo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, text) in ["Our glorbix works.\n", "A glorbix.\n", "The glorbix.\n", "Its glorbiz.\n"].enumerated() {
            let path = folder.appendingPathComponent("post\(index).md").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let linter = Linter(selected: ["typo"])
        XCTAssertTrue(linter.usesVocabulary)
        XCTAssertFalse(Linter(selected: ["duplicate-import"]).usesVocabulary)
        let runner = Runner(configuration: Configuration(baseDirectory: folder.path), linter: linter, fixMode: .report, includeUnsafe: false)
        let findings = runner.run(files: paths).flatMap(\.findings)
        XCTAssertEqual(findings.map(\.message), ["'glorbiz' — did you mean 'glorbix'?"])
    }
}
