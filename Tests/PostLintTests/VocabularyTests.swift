import Foundation
import XCTest

@testable import PostLint

/// `Vocabulary.count` works on raw bytes for speed; these tests hold it to the plain
/// definition (maximal runs of letters, ASCII and other letters never mixed, ASCII
/// lower-cased, words of one byte left out).
final class VocabularyTests: XCTestCase {
    /// The definition, written for clarity: decode scalars, split, lower-case.
    private func referenceCount(_ text: String) -> [String: Int] {
        var counts: [String: Int] = [:]
        var word = ""
        var wordIsASCII = true
        func finish() {
            if word.utf8.count > 1 { counts[word, default: 0] += 1 }
            word = ""
        }
        for scalar in text.unicodeScalars {
            let isASCIILetter = scalar.isASCII && scalar.properties.isAlphabetic
            if isASCIILetter || (!scalar.isASCII && scalar.properties.isAlphabetic) {
                if !word.isEmpty && wordIsASCII != isASCIILetter { finish() }
                wordIsASCII = isASCIILetter
                word.unicodeScalars.append(isASCIILetter ? Unicode.Scalar(scalar.value | 0x20)! : scalar)
            } else {
                finish()
            }
        }
        finish()
        return counts
    }

    private func fastCount(_ text: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for (word, count) in Vocabulary.count(Array(text.utf8)).elements { result[String(decoding: word.bytes, as: UTF8.self)] = count }
        return result
    }

    func testCountMatchesTheDefinitionOnTrickyText() {
        let samples = [
            "SOTA혹은 GRPO를 Qwen2.5로 — “quoted” ‘words’… x y", "ⁱⁿ superscripts, ℎ and ℓ", "naïve café Ærø ß",
            "日本語のテキストと中文文本", "Привет, мир! Γειά σου", "a-b_c'd 123abc abc123", "emoji 👍🏽 done", "",
            "데이터셋을 데이터셋의 데이터셋", String(repeating: "longwordwithmorethansixteenletters ", count: 3),
        ]
        for sample in samples { XCTAssertEqual(fastCount(sample), referenceCount(sample), sample) }
    }

    /// The ranges decided from bytes alone: general punctuation, CJK ideographs, Hangul syllables.
    func testCountDecidesByteRangesLikeTheUnicodeProperty() {
        for value in Array(UInt32(0x2000)...0x207F) + Array(UInt32(0x4DF0)...0xA00F) + Array(UInt32(0xABF0)...0xD7B0) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "ab\(Character(scalar))cd"
            XCTAssertEqual(fastCount(text), referenceCount(text), String(format: "U+%04X", value))
        }
    }

    func testCountMatchesTheDefinitionOnTheCorpus() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/corpus")
        guard let walker = FileManager.default.enumerator(at: corpus.standardizedFileURL, includingPropertiesForKeys: nil) else {
            throw XCTSkip("no corpus next to the repository")
        }
        var checked = 0
        for case let url as URL in walker where url.pathExtension == "md" && checked < 150 {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            XCTAssertEqual(fastCount(text), referenceCount(text), url.path)
            checked += 1
        }
        if checked == 0 { throw XCTSkip("no corpus posts found") }
    }

    /// Keys loaded as two integers from inside a longer text equal keys copied out of it,
    /// at every length around the 8- and 16-byte boundaries and at the text's end.
    func testWordKeysLoadedInPlaceEqualCopiedKeys() {
        let text = Array("MixedCaseWordsAndMore 데이터셋을 exactlysixteenab seventeenletterss tail".utf8)
        text.withUnsafeBufferPointer { buffer in
            for start in 0..<buffer.count {
                for end in start...min(buffer.count, start + 18) {
                    for lowercasing in [false, true] {
                        let copied = Vocabulary.WordBytes(UnsafeBufferPointer(rebasing: buffer[start..<end]), lowercasingASCII: lowercasing)
                        XCTAssertEqual(Vocabulary.WordBytes(in: buffer, start, end, lowercasingASCII: lowercasing), copied, "\(start)..<\(end)")
                    }
                }
            }
        }
    }

    func testWordKeysFromBuffersEqualKeysFromArrays() {
        for word in ["ab", "reasoning", "exactlysixteenab", "seventeenletterss", "데이터셋"] {
            let bytes = Array(word.utf8)
            let key = bytes.withUnsafeBufferPointer { Vocabulary.WordBytes($0, lowercasingASCII: false) }
            XCTAssertEqual(key, Vocabulary.WordBytes(bytes: bytes))
            let upper = Array(word.uppercased().utf8)
            if word.allSatisfy(\.isASCII) {
                XCTAssertEqual(upper.withUnsafeBufferPointer { Vocabulary.WordBytes($0, lowercasingASCII: true) }, key)
            }
        }
    }
}
