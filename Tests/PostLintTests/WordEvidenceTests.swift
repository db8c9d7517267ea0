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
    /// The table of scripts below U+3000 says what the Unicode properties say, everywhere.
    func testScriptClassTableAgreesWithTheUnicodeProperties() {
        for scalar in UInt32(0)...0x3_FFFF where !(0xD800...0xDFFF).contains(scalar) {
            if ScriptClass(scalar) != ScriptClass.classify(scalar) {
                XCTFail(String(format: "U+%04X: %@ against %@", scalar, "\(String(describing: ScriptClass(scalar)))", "\(String(describing: ScriptClass.classify(scalar)))"))
                return
            }
        }
        XCTAssertEqual(ScriptClass(0xE9), .latin)
        XCTAssertEqual(ScriptClass(0x3B1), .greek)
        XCTAssertNil(ScriptClass(0xD7))
        XCTAssertEqual(ScriptClass(0xAA), .other)
    }

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

    private func reading(_ text: String) -> MojibakeDecoder.Reading {
        let scalars = text.unicodeScalars.map(\.value)
        return MojibakeDecoder.Reading(
            scalars: scalars, isRecovered: Array(repeating: true, count: scalars.count), recovered: scalars.count, restoredBytes: 1, cost: 0)
    }

    private func revised(_ text: String, guessedAt index: Int, could others: [String]) -> String {
        let reading = reading(text)
        var alternatives = reading.scalars.map { [$0] }
        alternatives[index] += others.map { $0.unicodeScalars.first!.value }
        let result = WordEvidence.revise(reading, alternatives: alternatives, before: [], after: [])
        return String(String.UnicodeScalarView(result.scalars.map { Unicode.Scalar($0)! }))
    }

    /// `класс` through Windows-1252 loses both 0x81 bytes: each `с` could be `с`, `э`, `я`...
    func testAlternativesAreTheOtherLettersOfTheSameBytes() {
        var decoder = MojibakeDecoder(model: RepairLanguageModel.shared, cache: nil)
        decoder.rebuildFromLead = true
        let bytes: [UInt8] = [0xD0, 0xBA, 0xD0, 0xBB, 0xD0, 0xB0, 0xD1, 0xD1]
        let insertable: [UInt8] = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
        let reading = decoder.read(bytes: bytes, original: bytes.map(UInt32.init), insertable: insertable, before: nil, hangulAfter: false)!
        let alternatives = decoder.alternatives(of: reading, bytes: bytes, insertable: insertable)
        XCTAssertEqual(alternatives.prefix(3).map(\.count), [1, 1, 1])
        for index in 3...4 {
            XCTAssertEqual(Set(alternatives[index]), Set([0x441, 0x44D, 0x44F, 0x450, 0x45D]), "\(index)")
            XCTAssertEqual(alternatives[index].first, reading.scalars[index])
        }
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
