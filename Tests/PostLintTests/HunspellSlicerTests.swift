import Foundation
import XCTest

@testable import PostLint

/// Korean Hunspell through slices (`HunspellSlicer`) against the whole dictionary: the
/// same verdict on every word, right and wrong, inflected and compound.
final class HunspellSlicerTests: XCTestCase {
    private func slicer() throws -> HunspellSlicer {
        try XCTSkipUnless(HunspellDictionary.korean.files != nil, "hunspell-ko is not installed")
        return try XCTUnwrap(
            HunspellSlicer.shipped(for: .korean), "Rules/typo/ko_KR-slicing.txt does not match the installed ko_KR")
    }

    /// Words of every kind the typo rule asks about: dictionary stems with endings,
    /// verb forms, compounds, and one-jamo slips of each.
    private func probes() throws -> [String] {
        let stems = try XCTUnwrap(KoreanWordList.shippedStems())
        var sampled: [String] = []
        var index = 0
        stems.forEach { word in
            if index % 400 == 0 { sampled.append(String(decoding: word, as: UTF8.self)) }
            index += 1
        }
        let endings = ["", "을", "를", "이", "의", "에서", "으로", "이다", "했다", "합니다", "하여", "하는", "적인", "들은"]
        var words = [
            "왔다", "찼을", "뜹니다", "없앴습니다", "켭니다", "그러고", "그럴지", "개만큼", "이어나", "마시지", "뺐다", "두도록",
            "데이터셋", "데이터셑", "데이터셋을", "방해함", "방해합", "네터워크", "큼퓨터", "확인헀습니다", "않읐으므로", "고려햐여",
            "최대값", "어쨋든", "인라인", "온전성", "사화적", "랜더링", "리모트", "수집되었습니다", "논문이", "일간", "페이지",
            "학습데이터", "멀티모달", "한국어", "가나다라마바사", "ㄱ", "각", "A형", "3번", "누가", "무엇을",
        ]
        for (number, stem) in sampled.enumerated() { words.append(stem + endings[number % endings.count]) }
        return words + words.map(Self.slip)
    }

    /// The word with one jamo of one syllable changed, chosen by the word itself.
    private static func slip(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        guard let position = scalars.indices.first(where: { Hangul.isSyllable(scalars[$0]) && $0 >= scalars.count / 2 }) else {
            return word + "다"
        }
        let (lead, vowel, tail) = Hangul.parts(scalars[position])
        let seed = UInt32(word.unicodeScalars.count + position)
        scalars[position] = Hangul.syllable(lead: lead, vowel: (vowel + 1 + seed) % 21, tail: tail)
        return KoreanTypoJudge.text(scalars[...])
    }

    func testSlicesGiveTheWholeDictionarysVerdicts() throws {
        let slicer = try slicer()
        let whole = HunspellDictionary(name: "ko_KR", maximumHandles: 1)
        var accepted = 0
        for word in try probes() {
            let expected = try XCTUnwrap(whole.acceptsWithWholeDictionary(word))
            XCTAssertEqual(slicer.accepts(word), expected, word)
            if expected { accepted += 1 }
        }
        // Both kinds of verdict were compared, not only one.
        XCTAssertGreaterThan(accepted, 80)
    }

    /// Set `POSTLINT_SLICER_WORDS` to a file of words, one a line, to compare them all.
    func testSlicesAgreeOnAWordFile() throws {
        let path = ProcessInfo.processInfo.environment["POSTLINT_SLICER_WORDS"]
        try XCTSkipIf(path == nil, "set POSTLINT_SLICER_WORDS to a file of words")
        let slicer = try slicer()
        let whole = HunspellDictionary(name: "ko_KR", maximumHandles: 1)
        let words = try String(contentsOfFile: path!, encoding: .utf8).split(separator: "\n").map(String.init)
        var disagreeing: [String] = []
        for word in words where slicer.accepts(word) != whole.acceptsWithWholeDictionary(word) { disagreeing.append(word) }
        XCTAssertEqual(disagreeing, [], "of \(words.count) words")
    }

    func testASliceHoldsOnlyWhatTheWordCanUse() throws {
        let slicer = try slicer()
        let word = Array("왔다".decomposedStringWithCanonicalMapping.utf8)
        let slice = slicer.slice(for: word)
        XCTAssertLessThan(slice.affix.count, 200_000, "the affix slice should be a small part of the 11 MB file")
        XCTAssertLessThan(slice.dictionary.count, 20_000)
        let dictionaryText = String(decoding: slice.dictionary, as: UTF8.self)
        XCTAssertTrue(dictionaryText.contains("\n" + "오".decomposedStringWithCanonicalMapping + "/"), "the stem of 왔다 (오다)")
    }

    /// With `AF`, a dictionary word's flags and a suffix entry's continuation classes are
    /// alias numbers: the slice keeps the aliases they name and writes the rest as `AF 1`.
    func testAliasesNamedByTheSlicesLinesAreKept() throws {
        var aliases = Set<Int>()
        HunspellSlicer.collectAliases(ofField: 0, in: Array("1루/25".utf8), into: &aliases)
        HunspellSlicer.collectAliases(ofField: 3, in: Array("SFX 530 0 이/12,13 [ᆨ]".utf8), into: &aliases)
        HunspellSlicer.collectAliases(ofField: 3, in: Array("SFX 531 0 가 ./7".utf8), into: &aliases)
        XCTAssertEqual(aliases, [25, 12, 13])

        let slicer = try slicer()
        let slice = slicer.slice(for: Array("왔다".decomposedStringWithCanonicalMapping.utf8))
        let affixLines = String(decoding: slice.affix, as: UTF8.self).split(separator: "\n")
        let aliasLines = affixLines.filter { $0.hasPrefix("AF ") }.dropFirst()
        XCTAssertEqual(aliasLines.count, Int(affixLines.first { $0.hasPrefix("AF ") }!.dropFirst(3)), "every alias keeps its number")
        var named = Set<Int>()
        for line in String(decoding: slice.dictionary, as: UTF8.self).split(separator: "\n").dropFirst() {
            HunspellSlicer.collectAliases(ofField: 0, in: Array(line.utf8), into: &named)
        }
        for line in affixLines where line.hasPrefix("SFX ") { HunspellSlicer.collectAliases(ofField: 3, in: Array(line.utf8), into: &named) }
        XCTAssertFalse(named.isEmpty)
        for (number, line) in zip(1..., aliasLines) where named.contains(number) { XCTAssertNotEqual(line, "AF 1", "alias \(number)") }
        XCTAssertTrue(aliasLines.contains("AF 1"), "aliases no line names are blanked")
    }

    func testSubstringsAreCutAtCharacterBoundaries() {
        let found = HunspellSlicer.substrings(of: Array("가a나".utf8)).map { String(decoding: $0, as: UTF8.self) }.sorted()
        XCTAssertEqual(found, ["a", "a나", "가", "가a", "가a나", "나"])
    }

    func testTheKoreanDictionaryIsAskedThroughSlices() throws {
        _ = try slicer()
        XCTAssertEqual(HunspellDictionary.korean.accepts("왔다"), true)
        XCTAssertEqual(HunspellDictionary.korean.accepts("데이터셑"), false)
    }
}
