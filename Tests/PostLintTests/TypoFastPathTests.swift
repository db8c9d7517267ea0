import Foundation
import XCTest

@testable import PostLint

/// Each fast path of the typo rule against the simple path it stands in for: the shipped
/// en_US word forms against Hunspell, the shipped Korean stems against the installed
/// ko_KR.dic, and the byte word segmentation against ICU's iterator. Set
/// `POSTLINT_TYPO_CORPUS` to a folder of posts to compare the segmentations on every line
/// of it too (e.g. `../shared/corpus`).
final class TypoFastPathTests: XCTestCase {
    func testSortedWordListFindsExactlyItsWords() {
        let list = SortedWordList(words: ["beta", "alpha", "alp", "", "데이터", "alpha", "alphabet"].map { Array($0.utf8) })
        XCTAssertEqual(list.count, 5)
        for word in ["alp", "alpha", "alphabet", "beta", "데이터"] { XCTAssertTrue(list.contains(word), word) }
        for word in ["", "al", "alph", "alphab", "alphabets", "bet", "betas", "데이", "gamma", "Alpha"] {
            XCTAssertFalse(list.contains(word), word)
        }
        XCTAssertEqual(String(decoding: list.lines, as: UTF8.self), "alp\nalpha\nalphabet\nbeta\n데이터\n")
    }

    private var englishForms: EnglishWordForms {
        get throws {
            try XCTSkipUnless(HunspellDictionary.english.files != nil, "hunspell-en-us is not installed")
            return try XCTUnwrap(EnglishWordForms.shared, "Rules/typo/en_US-words.txt does not match the installed en_US")
        }
    }

    func testEnglishWordFormsAgreeWithHunspell() throws {
        let forms = try englishForms
        let fast = EnglishSpellCache(forms: forms)
        let hunspell = EnglishSpellCache(forms: nil)
        var words = [
            "reasoning", "Reasoning", "reasoing", "hypothesis", "Hyphothesis", "Context", "Conatext", "iPhone", "Iphone",
            "eBay", "Ebay", "McDonald", "Mcdonald", "paris", "Paris", "a", "A", "I", "i", "colour", "developped", "Chanllenges",
            "Proposed", "prposed", "xyzzy", "JavaScript", "Javascript", "javascript", "GitHub", "github", "Github",
        ]
        var index = 0
        forms.list.forEach { word in
            // Every 97th form, and its edits in three cases.
            index += 1
            guard index % 97 == 0 else { return }
            let text = String(decoding: word, as: UTF8.self)
            let lower = text.lowercased()
            words.append(text)
            for edit in EnglishEdits.of(lower).prefix(40) { words += [edit, EnglishTypoJudge.matchCase(edit, true)] }
        }
        for word in words {
            XCTAssertEqual(fast.accepts(word), hunspell.accepts(word), word)
        }
        for word in ["reasoing", "hyphothesis", "conatext", "chanllenges", "perforamnce", "developped", "tokenizr"] {
            XCTAssertEqual(fast.dictionaryCandidates(of: word), hunspell.dictionaryCandidates(of: word), word)
        }
    }

    /// The word list's Bloom filter (built once a run has asked for the dictionary
    /// candidates of `wordsBeforeListFilter` words) may only turn away strings that are no
    /// word of the list: the candidates found with it are those found without it.
    func testDictionaryCandidatesAreTheSameWithTheListFilter() throws {
        let forms = try englishForms
        let filter = WordFilter(count: forms.list.allBytes.count / 8) { add in forms.list.forEach(add) }
        var listWords = 0
        forms.list.forEach { word in
            listWords += 1
            XCTAssertTrue(filter.mayContain(Array(word)), String(decoding: word, as: UTF8.self))
        }
        var turnedAway = 0
        var edits = 0
        EnglishEdits.forEach(of: Array("perforamnce".utf8)) { edit in
            edits += 1
            if !filter.mayContain(edit) { turnedAway += 1 }
        }
        XCTAssertGreaterThan(turnedAway * 100, edits * 95, "the filter should turn away nearly every edit")

        let cache = EnglishSpellCache(forms: forms)
        let words = ["reasoing", "hyphothesis", "conatext", "chanllenges", "perforamnce", "developped", "tokenizr", "teh", "wrold"]
        let unfiltered = words.map { cache.dictionaryCandidates(of: $0) }
        // Distinct lower-case filler words, each asking for candidates once.
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let fillers = (0...EnglishSpellCache.wordsBeforeListFilter).map { (index: Int) -> String in
            String(["z", "q", letters[index / 26 % 26], letters[index % 26]])
        }
        XCTAssertFalse(cache.hasListFilter)
        for filler in fillers { _ = cache.dictionaryCandidates(of: filler) }
        XCTAssertTrue(cache.hasListFilter)
        let other = EnglishSpellCache(forms: forms)
        for filler in fillers { _ = other.dictionaryCandidates(of: filler) }
        XCTAssertEqual(words.map { other.dictionaryCandidates(of: $0) }, unfiltered)
        XCTAssertTrue(unfiltered.contains(["reasoning"]))
    }

    func testAllCapitalsWordsAreLeftToHunspell() throws {
        let forms = try englishForms
        // Hunspell matches EBAY against eBay: the list alone cannot say.
        XCTAssertNil(forms.accepts("EBAY"))
        XCTAssertNil(forms.accepts("don't"))
        XCTAssertEqual(EnglishSpellCache(forms: forms).accepts("EBAY"), true)
    }

    func testShippedKoreanStemsAreTheInstalledDictionarys() throws {
        try XCTSkipUnless(HunspellDictionary.korean.files != nil, "hunspell-ko is not installed")
        let shipped = try XCTUnwrap(KoreanWordList.shippedStems(), "Rules/typo/ko_KR-stems.txt does not match the installed ko_KR")
        let installed = KoreanWordList.installedStems()
        XCTAssertEqual(shipped.count, installed.count)
        XCTAssertTrue(shipped.lines == installed.lines, "the shipped stems differ from the installed dictionary's")
        let contents = KoreanWordList.Contents(stems: shipped)
        XCTAssertTrue(contents.attests(("셋" as Unicode.Scalar).value))
        XCTAssertFalse(contents.attests(("셑" as Unicode.Scalar).value))
        let shippedContents = try XCTUnwrap(KoreanWordList.shippedContents())
        XCTAssertEqual(shippedContents.syllableBits, contents.syllableBits, "Rules/typo/ko_KR-syllables.txt differs from the syllables of the stems")
        XCTAssertTrue(shippedContents.attests(("셋" as Unicode.Scalar).value))
    }

    /// The words of a text through the fast segmentation and through ICU.
    private func bothScans(_ text: String) -> (fast: [String], icu: [String]) {
        let document = TestSupport.document(text, fileName: "post.md")
        let read = { (words: [ProseWord]) in words.map { String(decoding: document.utf8[$0.range], as: UTF8.self) } }
        return (
            read(ProseWordScanner(document: document).words()),
            read(ProseWordScanner(document: document, icuForNonASCIILetters: true).words())
        )
    }

    func testFastSegmentationFindsTheWordsICUFinds() {
        let lines = [
            "SOTA혹은 3번의 데이터.모델 데이터’s abc_데이터 데이터_1 가나다라 1.5배 가:나 e.g. 데이터셑을",
            "이것은아주긴한국어문장입니다띄어쓰기없이 “데이터셋” — 가…나 가-나 (모델) [링크] 😀 데이터",
            "don't 데이터 rock'n'roll 데이터 ab''cd 'tis 데이터 dogs' 데이터 x,y 1,000 a.b.c 데이터",
            "GPT模型 模型GPT的 abc_カタ カタ_abc 3月 用LoRA微调 テスト・ケース abcー ひらがなabc 的reasoing",
            "foo·bar 데이터 a‘b 데이터 a‿b 데이터 ｱｲｳabc 데이터 ㅋㅋ웃기다 데이터 Ａｂｃ 데이터 café 데이터",
            "中文，English words：here，1，000 and 1；2 a，b x：y 1：2 a﹕b 数据reasoing，模型",
            "漢字를 데이터 가\u{FEFF}나 데이터 👍🏻데이터 데이터 👨‍👩‍👧 데이터 éa데이터",
        ]
        for line in lines {
            let (fast, icu) = bothScans(line + "\n")
            XCTAssertEqual(fast, icu, line)
        }
    }

    func testFastSegmentationOnACorpus() throws {
        guard let folder = ProcessInfo.processInfo.environment["POSTLINT_TYPO_CORPUS"] else {
            throw XCTSkip("set POSTLINT_TYPO_CORPUS to a folder of posts")
        }
        let walker = try XCTUnwrap(FileManager.default.enumerator(atPath: folder))
        var files = 0
        while let name = walker.nextObject() as? String {
            guard [".md", ".mdx", ".markdown", ".txt"].contains(where: name.hasSuffix),
                let data = FileManager.default.contents(atPath: folder + "/" + name),
                let document = Document(source: SourceFile(path: name, bytes: Array(data)))
            else { continue }
            files += 1
            let fast = ProseWordScanner(document: document).words().map(\.range)
            let icu = ProseWordScanner(document: document, icuForNonASCIILetters: true).words().map(\.range)
            XCTAssertEqual(fast, icu, name)
        }
        XCTAssertGreaterThan(files, 0)
    }
}
