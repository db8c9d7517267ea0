import Foundation
import XCTest

@testable import PostLint

/// What keeps the typo rule quiet on clean published posts (foreign text, names, jargon,
/// British spelling, identifiers), the Korean unattested-syllable evidence, and the byte
/// fast paths that must find exactly what the slower ones did.
final class TypoPrecisionTests: XCTestCase {
    private func typos(_ text: String, fileName: String = "post.md", vocabulary: Vocabulary? = nil) -> [String] {
        let document = TestSupport.document(text, fileName: fileName)
        let context = RuleContext(fileExists: nil, severity: .warning, options: RuleOptions(), vocabulary: vocabulary)
        return TypoRule().check(document, context: context).map { document.string($0.range) }
    }

    func testForeignLinesAndPlaceholderTextAreLeftAlone() {
        XCTAssertEqual(typos("La solution imaginée consiste en une application mise à disposition des agents.\n"), [])
        let lorem = """
            Vivamus sagittis lacus vel augue rutrum faucibus dolor auctor.

            * Donec id elit non mi porta gravida at eget metus.

            * Nulla vitae elit libero, a pharetra augue.
            """
        XCTAssertEqual(typos(lorem), [])
        // The filler of a theme's example post, most of whose words the post repeats (so
        // the share of unknown words no longer gives it away): its Latin words do.
        let filler = "1. Vestibulum id ligula porta felis euismod semper.\n2. Maecenas sed diam eget risus varius blandit sit amet non magna.\n"
        let repeated = Vocabulary(texts: [filler] + (0..<4).map { _ in "Vestibulum ligula porta felis euismod. Maecenas diam eget risus blandit magna.\n" })
        XCTAssertEqual(typos(filler, vocabulary: repeated), [])
        // An English line with one slip is still English.
        XCTAssertEqual(typos("We trained the model on a larger corpus and the perforamnce improved.\n"), ["perforamnce"])
        // French among English links and names: its function words say so.
        // (In a repository with other French posts, French words are its vocabulary, so the
        // share of unknown words no longer gives the line away.)
        let french = "Dans une optique de conception, nous avons opté pour un [monolithe modulaire]"
            + "(https://example.org/blog/what-is-a-modular-monolith-and-why-teams-choose-it) en [architecture hexagonale]"
            + "(https://example.org/2017/11/16/explicit-architecture-ddd-hexagonal-onion-clean-how-to-put-it-all-together/). "
            + "Mais comme l'évaluation efficace d'un LLM demande une exécution sur un GPU nous avons déporté l'appel au LLM.\n"
        let repository = Vocabulary(texts: [french] + (1...5).map { _ in
            "Mais comme une exécution sur un GPU, nous avons déporté l'appel. The efficacy of demands.\n"
        })
        XCTAssertEqual(typos(french, vocabulary: repository), [])
        // Words that are English too, names and pieces of addresses are not French.
        XCTAssertEqual(typos("Les Misérables and the Dans quartet gave a perforamnce pour the ages.\n"), ["perforamnce"])
        XCTAssertEqual(typos("Pour the aux loss in at 9am EST, as des in Des Moines said; the perforamnce improved.\n"), ["perforamnce"])
        XCTAssertFalse(ForeignText.isOtherLanguage(Array("See https://example.com/nous/avons/une/dans/mais for notes.".utf8)[...]))
        XCTAssertTrue(ForeignText.isOtherLanguage(Array("Mais nous avons vu une erreur dans le code.".utf8)[...]))
    }

    /// A word the post's own links spell the same way is not a slip (a project's name, a
    /// query shown on purpose); the same word with no such link is.
    func testWordsOfThePostsOwnAddressesAreNotSlips() {
        let repository = Vocabulary(texts: (1...5).map { _ in "magnetic fields and magnetic resonance, widow and window" })
        let linked = "The agent scored well with magentic prompts ([code](https://github.com/example/magentic-one)).\n"
        XCTAssertEqual(typos(linked, vocabulary: repository), [])
        XCTAssertEqual(typos("The agent scored well with magentic prompts.\n", vocabulary: repository), ["magentic"])
    }

    func testNamesAmongNamesAreNotCorrectedToDictionaryWords() {
        XCTAssertEqual(typos("As Rolnick et al. (2019) argue, the effect is small.\n"), [])
        XCTAssertEqual(typos("- Rolnick et al. (2019) - Tackling Climate Change\n"), [])
        XCTAssertEqual(typos("Quantization by Chen, Zhu, Howard and D. Kalengichenko was fast.\n"), [])
        // In a long paragraph the checks read a window of whole words around the word: the
        // same verdicts, whatever stands far before or after.
        let filler = String(repeating: "Plain words of prose here. ", count: 12)
        let long = "supercalifragilisticexpialidocious-like-token-longer-than-the-window-reach-of-sixty-four-bytes"
        for sentence in ["As Rolnick et al. (2019) argue.", "By D. Kalengichenko today.", "Hugo \(long) Germain said."] {
            let short = TestSupport.document(sentence + "\n", fileName: "post.md")
            let padded = TestSupport.document(filler + sentence + " " + filler + "\n", fileName: "post.md")
            for (document, offset) in [(short, 0), (padded, filler.utf8.count)] {
                let words = ProseWordScanner(document: document).words().filter { $0.range.lowerBound >= offset }
                let verdicts = words.prefix(4).map { NameContext.isAmongNames($0, in: document) }
                XCTAssertEqual(verdicts, ProseWordScanner(document: short).words().prefix(4).map { NameContext.isAmongNames($0, in: short) }, sentence)
            }
        }
    }

    func testJargonStemsTakeAnyInflection() {
        let vocabulary = Vocabulary(texts: [
            "dequantize the weights", "we dequantize", "dequantize again", "then dequantize",
            "QLoRA dequantizes weights to bfloat16.",
        ])
        XCTAssertEqual(typos("QLoRA dequantizes weights to bfloat16.\n", vocabulary: vocabulary), [])
        // The dictionary knows how its own words inflect: a wrong form stays suspect.
        XCTAssertEqual(typos("The model was developped in Paris.\n"), ["developped"])
    }

    func testBritishSpellingsAreNotTypos() {
        XCTAssertEqual(typos("The tokenised text is visualised in greyscale, and the results catalogued.\n"), [])
    }

    func testTheFirstLetterIsNotEdited() {
        let edits = Set(EnglishEdits.of("pyenv"))
        XCTAssertFalse(edits.contains("myenv"))
        XCTAssertFalse(edits.contains("yenv"))
        XCTAssertTrue(edits.contains("ypenv"), "swapping the first two letters is a slip")
        XCTAssertTrue(edits.contains("pyen"))
    }

    /// `[label]: address` lines define links; their labels are names, not prose.
    func testLinkReferenceDefinitionsAreNotProse() {
        XCTAssertEqual(typos("Intro text.\n\n[perforamnce notes]: https://example.com/notes\n"), [])
        XCTAssertEqual(typos("Intro text.\n\n[perforamnce notes] are here.\n"), ["perforamnce"])
    }

    func testOptionsAndIdentifiersAreNotProse() {
        XCTAssertTrue(LineText.isNonWordChunk(Array("-mtime:".utf8)[...]))
        XCTAssertTrue(LineText.isNonWordChunk(Array("count:poisson,".utf8)[...]))
        XCTAssertFalse(LineText.isNonWordChunk(Array("Note:".utf8)[...]))
    }

    func testKoreanSyllableNoWordUsesIsRepairedToAWordTheRepositoryUses() throws {
        try XCTSkipUnless(KoreanWordList.shared.isAvailable, "hunspell-ko is not installed")
        let vocabulary = Vocabulary(texts: ["특성을 본다", "특성을 안다", "그 특성을 쓴다", "모델의 믁성을 본다."])
        XCTAssertEqual(typos("모델의 믁성을 본다.\n", vocabulary: vocabulary), ["믁성을"])
        // Without a repaired word the repository uses, nothing is said.
        XCTAssertEqual(typos("모델의 믁성을 본다.\n", vocabulary: Vocabulary(texts: ["모델의 믁성을 본다."])), [])
    }

    func testEveryOccurrenceIsReportedWhateverTheCache() {
        let vocabulary = Vocabulary(texts: ["reasoning reasoning reasoning reasoning", "Good reasoing and more reasoing."])
        let first = typos("Good reasoing and more reasoing.\n", vocabulary: vocabulary)
        let again = typos("Good reasoing and more reasoing.\n", vocabulary: vocabulary)
        XCTAssertEqual(first, ["reasoing", "reasoing"])
        XCTAssertEqual(again, first, "a warm cache gives the same findings")
    }

    func testByteFastPathsMatchTheStringOnes() {
        for line in ["ÏùºÍ∞Ñ Ï¥ù", "ê°œ", "café au lait", "plain text", "데이터셋 — ok", "\u{F8FF} logo"] {
            let bytes = Array(line.utf8)
            let viaString = line.unicodeScalars.contains { $0.value == 0xF8FF || $0.value == 0xFFFD }
                || zip(line.unicodeScalars, line.unicodeScalars.dropFirst()).contains { a, b in
                    let accented = { (s: Unicode.Scalar) in (0xC0...0x24F).contains(s.value) }
                    let legacy = { (s: Unicode.Scalar) in (0x80...0x2FF).contains(s.value) || (0x2000...0x22FF).contains(s.value) }
                    return accented(a) && legacy(b) || legacy(a) && accented(b)
                }
            XCTAssertEqual(LineText.hasMojibake(bytes[...]), viaString, line)
        }
        let line = Array("Don’t stop — it’s ‘quoted’ text.".utf8)
        let words = LineText.asciiSegments(line, 0..<line.count).map { String(decoding: line[$0], as: UTF8.self) }
        XCTAssertEqual(words, ["Don’t", "stop", "it’s", "quoted", "text"])
        XCTAssertFalse(LineText.needsWordBreakIterator(line, 0..<line.count))
        let korean = Array("데이터셋 text".utf8)
        XCTAssertTrue(LineText.needsWordBreakIterator(korean, 0..<korean.count))
    }

    /// The byte test of `hasMojibake` against decoding every scalar, for every BMP scalar
    /// alone and beside accented Latin letters and legacy symbols on either side.
    func testMojibakeByteTestAgreesWithDecodingOnEveryCharacter() {
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for context in ["\(scalar)", "é\(scalar)", "\(scalar)é", "a\(scalar)b", "€\(scalar)", "\(scalar)Ã"] {
                let bytes = Array(context.utf8)
                let decoded = bytes.withUnsafeBufferPointer { LineText.hasMojibakeDecoding($0) }
                XCTAssertEqual(LineText.hasMojibake(bytes[...]), decoded, "U+\(String(value, radix: 16)) in \(context)")
            }
        }
    }

    /// The foreign-text check's byte tokenizer against the same split made on scalars.
    func testLatinTokensAreTheRunsOfLatinLetters() {
        let lines = [
            "Le café où l’on dîne — Ça va ×2 ÷3", "Plain English, with 3 numbers.", "데이터셋 and résumé", "ÀÖØöøÿĀſƀɏ ɐ", "",
            "naïve×café", "ß-Straße", "emoji 👍 ok",
        ]
        for line in lines {
            var expected: [(String, Bool)] = []
            var current = ""
            var accented = false
            for scalar in line.unicodeScalars {
                let letter = scalar.isASCII && scalar.properties.isAlphabetic
                let accent = (0xC0...0x24F).contains(scalar.value) && scalar.value != 0xD7 && scalar.value != 0xF7
                if letter || accent {
                    current.unicodeScalars.append(scalar)
                    accented = accented || accent
                } else if !current.isEmpty {
                    expected.append((current, accented))
                    (current, accented) = ("", false)
                }
            }
            if !current.isEmpty { expected.append((current, accented)) }
            let tokens = ForeignText.latinTokens(Array(line.utf8)[...])
            XCTAssertEqual(tokens.map(\.text), expected.map(\.0), line)
            XCTAssertEqual(tokens.map(\.accented), expected.map(\.1), line)
        }
    }

    func testVocabularyKeysRoundTripTheirBytes() {
        for word in ["a", "reasoning", "sixteen-letters!", "a-much-longer-word-than-sixteen", "데이터셋을"] {
            let bytes = Array(word.utf8)
            XCTAssertEqual(Vocabulary.WordBytes(bytes: bytes).bytes, bytes)
            XCTAssertEqual(Vocabulary.WordBytes(bytes: bytes), Vocabulary.WordBytes(slice: bytes[...]))
        }
        XCTAssertNotEqual(Vocabulary.WordBytes(bytes: Array("ab".utf8)), Vocabulary.WordBytes(bytes: Array("ab\0".utf8)))
        let vocabulary = Vocabulary(texts: ["Reasoning reasoning", "reasoning"])
        XCTAssertEqual(vocabulary.usage(of: "REASONING"), Vocabulary.Usage(occurrences: 3, files: 2))
        XCTAssertEqual(vocabulary.usages["reasoning"], Vocabulary.Usage(occurrences: 3, files: 2))
    }
}
