import ICUShim
import XCTest

@testable import PostLint

/// UTF-8 read through CP949, Shift_JIS or GBK (damaged here with ICU itself) is restored
/// exactly, and real Chinese, Japanese and Korean text is never touched.
final class EastAsianMojibakeTests: XCTestCase {
    /// The text's UTF-8 bytes decoded through `charset` by ICU, strictly.
    static func misread(_ text: String, as charset: String) -> String {
        let bytes = Array(text.utf8)
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let written = bytes.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { plicu_decode(charset, $0.baseAddress, Int32(bytes.count), &output, Int32(output.count)) }
        }
        precondition(written >= 0, "not reversible through \(charset): \(text)")
        return String(decoding: output.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func assertRestored(_ clean: String, through charset: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let damaged = Self.misread(clean, as: charset)
        XCTAssertNotEqual(damaged, clean, file: file, line: line)
        let found = TestSupport.diagnostics(damaged, fileName: "post.md", rule: "mojibake")
        XCTAssertFalse(found.isEmpty, file: file, line: line)
        XCTAssertTrue(found.allSatisfy { $0.message.hasPrefix("UTF-8 read as \(name)") }, "\(found.map(\.message))", file: file, line: line)
        let fixed = TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"], unsafe: false)
        XCTAssertEqual(fixed, clean, file: file, line: line)
        XCTAssertTrue(TestSupport.diagnostics(fixed, fileName: "post.md", rule: "mojibake").isEmpty, file: file, line: line)
    }

    /// Strong CP949 damage in a post is no licence to read its own Korean as CP949 too:
    /// `특징` and `첫째` spell `Ư¡` and `ù°` that way (a review found clean lines rewritten
    /// in 60 of 99 Korean posts with damaged lines).
    func testAPostsOwnKoreanStaysBesideCP949Damage() {
        let text = "# 특징\n\n첫째, 큰 차이.\n\n" + Self.misread("결론", as: "windows-949") + "\n"
        let fixed = TestSupport.fixed(text, fileName: "post.md", rules: ["mojibake"], unsafe: false)
        XCTAssertEqual(fixed, "# 특징\n\n첫째, 큰 차이.\n\n결론\n")
    }

    func testKoreanReadAsGBKIsRestored() {
        assertRestored("# 주간 요약\n\n명령 실행 실패: 접속 수락.\n", through: "GBK", named: "GBK")
    }

    func testLatinReadAsCP949IsRestored() {
        assertRestored("Le café est très chaud.\n\nDie Straße ist für Fußgänger gesperrt.\n", through: "windows-949", named: "CP949")
    }

    func testEmojiAndPunctuationReadAsShiftJISAreRestored() {
        assertRestored("Launch 🎉🚀 today: café, €20 and ™.\n", through: "Shift_JIS", named: "Shift_JIS")
    }

    /// Letters rare outside transliteration (`ṛ`, `ḥ`) are believed inside an ASCII word.
    func testTransliterationReadAsCP949IsRestored() {
        assertRestored("The chant names Kṛṣṇa, and Muḥammad too.\n", through: "windows-949", named: "CP949")
    }

    /// Central European letters beyond Latin-1 (`ż`, `ě`, `ů`) count as words inside ASCII ones.
    func testCentralEuropeanReadAsShiftJISIsRestored() {
        assertRestored("Różnica w stránce: důležité.\n", through: "Shift_JIS", named: "Shift_JIS")
    }

    func testCyrillicReadAsGBKIsRestored() {
        assertRestored("Модель обучена на большом корпусе данных.\n", through: "GBK", named: "GBK")
    }

    func testOnlyTheDamagedSpanChanges() {
        let damaged = "Real: 한국어 문장. Damaged: " + Self.misread("실패", as: "GBK") + " and `\(Self.misread("실패", as: "GBK"))`.\n"
        let found = TestSupport.diagnostics(damaged, fileName: "post.md", rule: "mojibake")
        XCTAssertEqual(found.count, 1)
        let fixed = TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"], unsafe: false)
        XCTAssertEqual(fixed, "Real: 한국어 문장. Damaged: 실패 and `\(Self.misread("실패", as: "GBK"))`.\n")
    }

    /// Real words whose bytes happen to be valid UTF-8 through another code page
    /// (`체크` through CP949 reads `üũ`, `为` through GBK reads `Ϊ`) stay as they are.
    func testRealCJKTextIsNeverRepaired() {
        let texts = [
            "# 체크리스트와 호환성\n\n첫 번째 체크: 큰 그림을 보고 표를 풀어 봅니다. 캡처와 치환.\n",
            "Docker체크 API를 호환 GPU가 있습니다. 칠 친 클.\n",
            "模式 为 图源 目录 学习 一些 系统 小时 水印。缺点 网格 的 原始 图。\n",
            "この論文では大規模言語モデルの推論を扱います。ﾃｽﾄ用の半角カナ。\n",
            "我们提出了一种新的视频生成方法。什么 也 位 住 使 伟大。\n",
            // Shift_JIS bytes of 盧巴 spell UTF-8 `Ḕb`: a Latin letter no language here uses.
            "書名 盧巴-加丹加語 再版。\n",
            // Beside an ASCII word, CP949 키 spells `Ű` and GBK 女 `Ů`: keys and names, not damage.
            "## API키\n\n- Enter키, PgUp키\n- Java女 and Python牛\n",
            // In a Korean post, 책 and 창 beside an ASCII word (`å`, `â` through CP949) are Korean.
            "# 추천 도서\n\nPython책, macOS책\n\n- Chrome창\n",
        ]
        for text in texts {
            XCTAssertEqual(TestSupport.diagnostics(text, fileName: "post.md", rule: "mojibake").map(\.message), [], text)
        }
    }
}
