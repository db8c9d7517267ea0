import XCTest

@testable import PostLint

/// Word evidence for dropped bytes (our own sentences): a letter that lost its only
/// continuation byte is the one that makes a real word, and evidence never moves a
/// reading that already is one (for Korean: a word Hunspell's ko_KR accepts).
final class WordEvidenceTests: XCTestCase {
    private func fixed(_ text: String, through page: String) -> String {
        TestSupport.fixed(EncodingRepairTests.dropped(text, through: page), fileName: "post.md", rules: ["mojibake"])
    }

    /// Without the word list these read `Процеся обученис`, `σρστημα ... πολρ`, `Ngưọi ... vọ`.
    func testLetterThatLostItsOnlyByteMakesAKnownWord() {
        let texts = [
            "Процесс обучения занял три дня.\n",
            "Этот класс описывает модель.\n",
            "Το σύστημα είναι πολύ γρήγορο.\n",
            "Người dùng có thể tải mô hình về máy.\n",
            "Mô hình mới tốt hơn nhiều so với trước.\n",
        ]
        for page in ["windows-1252", "windows-1254"] {
            for text in texts { XCTAssertEqual(fixed(text, through: page), text, page) }
        }
    }

    func testCleanTextInTheseScriptsNeverChanges() {
        for text in ["Процесс и класс.\n", "Το σύστημα είναι πολύ γρήγορο.\n", "Mô hình mới tốt hơn nhiều.\n"] {
            XCTAssertTrue(TestSupport.diagnostics(text, fileName: "post.md", rule: "mojibake").isEmpty, text)
        }
    }

    private func reading(_ text: String, guessedAt index: Int) -> MojibakeDecoder.Reading {
        let scalars = text.unicodeScalars.map(\.value)
        var inserted = [Int](repeating: 0, count: scalars.count)
        inserted[index] = 1
        return MojibakeDecoder.Reading(
            scalars: scalars, isRecovered: Array(repeating: true, count: scalars.count), recovered: scalars.count,
            restoredBytes: 1, cost: 0, inserted: inserted)
    }

    private func revised(_ text: String, guessedAt index: Int, could others: [String]) -> String {
        let reading = reading(text, guessedAt: index)
        var alternatives = reading.scalars.map { [$0] }
        alternatives[index] += others.map { $0.unicodeScalars.first!.value }
        let result = WordEvidence.revise(reading, alternatives: alternatives, before: [], after: [])
        return String(String.UnicodeScalarView(result.scalars.map { Unicode.Scalar($0)! }))
    }

    func testUnknownWordTakesTheKnownAlternative() {
        XCTAssertEqual(revised("клася", guessedAt: 4, could: ["с", "э"]), "класс")
        XCTAssertEqual(revised("αλεπορ", guessedAt: 5, could: ["ύ"]), "αλεπού")
    }

    func testKnownWordAndUnknownAlternativesStayAsTheyAre() {
        XCTAssertEqual(revised("класс", guessedAt: 4, could: ["я", "э"]), "класс")
        XCTAssertEqual(revised("щщя", guessedAt: 2, could: ["с"]), "щщя")
    }

    /// Without ko_KR's verdict these read `도어쓰기`, `데혔습니다`, `일습니다`.
    func testKoreanWordHunspellRejectsTakesAReadingItAccepts() throws {
        try XCTSkipUnless(HunspellDictionary.korean.files != nil, "hunspell-ko is not installed")
        let texts = ["띄어쓰기를 지켜 주세요.\n", "연구진은 새로운 결과를 밝혔습니다.\n", "어제 긴 편지를 썼습니다.\n"]
        for page in ["windows-1252", "windows-1254"] {
            for text in texts { XCTAssertEqual(fixed(text, through: page), text, page) }
        }
    }

    /// `일을` is a word, so the syllable model's choice stands (`썼을` would be one too).
    func testKoreanWordHunspellAcceptsStays() throws {
        try XCTSkipUnless(HunspellDictionary.korean.files != nil, "hunspell-ko is not installed")
        XCTAssertEqual(revised("일을", guessedAt: 0, could: ["썼"]), "일을")
        XCTAssertEqual(revised("도어쓰기", guessedAt: 0, could: ["띄"]), "띄어쓰기")
    }

    func testWordListHoldsFrequentWordsOnly() {
        XCTAssertNotNil(WordFrequencies.band(of: "русский".unicodeScalars.map(\.value)))
        XCTAssertNotNil(WordFrequencies.band(of: "Русский".unicodeScalars.map(\.value)))
        XCTAssertNil(WordFrequencies.band(of: "русякий".unicodeScalars.map(\.value)))
        XCTAssertGreaterThan(
            WordFrequencies.band(of: "nhiều".unicodeScalars.map(\.value))!, WordFrequencies.band(of: "mười".unicodeScalars.map(\.value))!)
    }
}
