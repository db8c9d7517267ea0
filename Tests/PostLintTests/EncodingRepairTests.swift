import XCTest

@testable import PostLint

/// End-to-end behaviour of the mojibake repair on whole documents damaged like the seeds
/// (our own text): exact restoration, partial damage, and text that must not change.
final class EncodingRepairTests: XCTestCase {
    /// UTF-8 read through Windows-1254 with the undefined bytes dropped, as in the seed.
    static func windows1254Dropped(_ text: String) -> String { dropped(text, through: "windows-1254") }

    /// UTF-8 read through a single-byte code page, with the bytes it leaves undefined dropped.
    static func dropped(_ text: String, through icuName: String) -> String {
        let page = SingleByteCodePage.all.first { $0.icuName == icuName }!
        let characterOf = Dictionary(uniqueKeysWithValues: page.byteOf.map { ($0.value, $0.key) })
        var view = String.UnicodeScalarView()
        for byte in text.utf8 where !page.undefinedContinuationBytes.contains(byte) {
            view.append(Unicode.Scalar(byte < 0x80 ? UInt32(byte) : characterOf[byte]!)!)
        }
        return String(view)
    }

    let post = """
        ---
        categories: ['Daily Papers', '일간']
        ---

        총 **7개**의 논문이 수집되었습니다.

        ## 📊 좋아요 순위

        1. **A Paper Title** - 👍 12
           - [HF 페이지](https://example.com/p/1)

        """

    func testDroppedBytesAreRestoredExactly() {
        let damaged = Self.windows1254Dropped(post)
        XCTAssertNotEqual(damaged, post)
        let fixed = TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"], unsafe: false)
        XCTAssertEqual(fixed, post)
        XCTAssertTrue(TestSupport.diagnostics(fixed, fileName: "post.md", rule: "mojibake").isEmpty)
    }

    /// The emoji posts use beat the rare signs a dropped byte also spells: `⭐` (E2 AD 90,
    /// 0x90 dropped) was `⍭`, `❭` or `₭`, and `❌` (E2 9D 8C) `⍌` or `➌`.
    func testDroppedEmojiBytesGiveTheEmojiNotARareSign() {
        let damaged = "\u{ED}\u{2030}\u{EA}\u{B0}\u{20AC} \u{E2}\u{AD}\u{E2}\u{AD}\u{E2}\u{AD}\u{E2}\u{AD}\n\n- \u{E2}\u{152} \u{EC}\u{2039}\u{A4}\u{ED}\u{152}\u{A8}.\n"
        let fixed = TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"], unsafe: true)
        XCTAssertEqual(fixed, "평가 ⭐⭐⭐⭐\n\n- ❌ 실패.\n")
    }

    /// A dropped byte that could have made another word as well is an unsafe fix: `생명주기`
    /// lost the byte that tells it from `상명주기`, no dictionary knows either, and the
    /// syllable model barely prefers the wrong one. (A review found plain `--fix` writing
    /// such guesses wrong on 178 of 1,868 damaged lines of real Korean posts.)
    func testAnUncertainGuessIsNoSafeFix() {
        let damaged = "\u{EC}\u{192}\u{EB}\u{AA}\u{2026}\u{EC}\u{A3}\u{BC}\u{EA}\u{B8}\u{B0}\u{EC}\u{2122}\u{20AC}\n"
        let found = TestSupport.diagnostics(damaged, fileName: "post.md", rule: "mojibake")
        XCTAssertEqual(found.map { $0.fix?.safety }, [.unsafe])
        XCTAssertTrue(found[0].message.contains("a dropped byte could have made another word as well"), found[0].message)
        XCTAssertEqual(TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"], unsafe: false), damaged)
        // The post's own undamaged text settles it: `생명주기를` written clean elsewhere.
        let shown = "생명주기를 알아보자.\n\n" + damaged
        XCTAssertEqual(TestSupport.fixed(shown, fileName: "post.md", rules: ["mojibake"], unsafe: false), "생명주기를 알아보자.\n\n생명주기와\n")
    }

    /// The message says how many rounds of damage it undid, and when only part of the line
    /// took them: `Ã¬Â¡Â°` (조, twice) beside `ë°ì´í„°` (데이터, once).
    func testTheMessageSaysWhichPartWasDamagedTwice() {
        let twice = TestSupport.diagnostics("A double-damaged cafÃƒÂ©.\n", fileName: "post.md", rule: "mojibake")
        XCTAssertTrue(twice.first?.message.hasPrefix("UTF-8 read as Windows-1252 twice:") == true, twice.first?.message ?? "")
        let mixed = "Text about Ã¬Â¡Â° here and ë°ì´í„° there.\n"
        let found = TestSupport.diagnostics(mixed, fileName: "post.md", rule: "mojibake")
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.hasPrefix("UTF-8 read as Windows-1252 (part of it twice);") == true, found.first?.message ?? "")
        XCTAssertEqual(TestSupport.fixed(mixed, fileName: "post.md", rules: ["mojibake"], unsafe: false), "Text about 조 here and 데이터 there.\n")
    }

    /// A one-syllable word is uncertain when another syllable the model nearly prefers
    /// lost the same byte: `데` (EB 8D B0) and `및` (EB B0 8F) both read `ë°` through
    /// Windows-1252, which drops 0x8D and 0x8F. The model likes `및` a little more, and
    /// wrote `구축하는 및 드는` as a safe fix. A count still settles `총` (the seed's line).
    func testAOneSyllableWordWithANearRivalIsNoSafeFix() {
        let damaged = Self.dropped("환경을 구축하는 데 드는 비용\n", through: "windows-1252")
        let found = TestSupport.diagnostics(damaged, fileName: "post.md", rule: "mojibake")
        XCTAssertEqual(found.map { $0.fix?.safety }, [.unsafe])
        XCTAssertEqual(TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"], unsafe: false), damaged)
        let counted = "총 **10개**의 논문이 수집되었습니다.\n"
        XCTAssertEqual(
            TestSupport.fixed(Self.dropped(counted, through: "windows-1252"), fileName: "post.md", rules: ["mojibake"], unsafe: false), counted)
    }

    /// A post damaged through Windows-1252 shows its `„` and `Ž`; a line of it without such
    /// letters (`총점: 9/15`, `ì´ì` + U+00A0) also reads through ISO-8859-1, which leaves
    /// every byte 0x80...0x9F undefined, and its best reading there guessed 0x9C back (`이유`,
    /// safe): through Windows-1252 that byte would have shown as `œ`. The line is read
    /// through the post's page, where the syllables are a guess among words.
    func testALineIsNotGuessedThroughAPageThePostsDamageRulesOut() {
        let post = "# 일간 리뷰\n\n총점: 9/15\n\n오늘은 논문 세 편을 읽었습니다.\n"
        let damaged = Self.dropped(post, through: "windows-1252")
        let found = TestSupport.diagnostics(damaged, fileName: "post.md", rule: "mojibake")
        let score = found.first { !$0.message.contains("일간") && !$0.message.contains("오늘은") }
        XCTAssertEqual(found.count, 3)
        XCTAssertEqual(score?.fix?.safety, .unsafe)
        XCTAssertTrue(score?.message.hasPrefix("UTF-8 read as Windows-1252;") == true, score?.message ?? "no finding for the score")
        let fixed = TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"], unsafe: false)
        XCTAssertTrue(fixed.contains("\n\(Self.dropped("총점: 9/15", through: "windows-1252"))\n"), fixed)
    }

    /// Hunspell's ko_KR rejects the common `상세` and accepts `샐세`; both lost the byte that
    /// tells them apart (EC 83 81 and EC 83 90 through Windows-1252). Taking the reading
    /// Hunspell accepts over one the model likes far better is a guess, not a safe fix.
    func testAReadingOnlyHunspellPrefersIsNoSafeFix() {
        let post = "**점수**: 11/15\n\n🎯 점수 상세:\n"
        let damaged = "**점수**: 11/15\n\n" + Self.dropped("🎯 점수 상세:\n", through: "windows-1252")
        let found = TestSupport.diagnostics(damaged, fileName: "post.md", rule: "mojibake")
        XCTAssertEqual(found.map { $0.fix?.safety }, [.unsafe])
        XCTAssertNotEqual(TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"], unsafe: false), post.replacingOccurrences(of: "상세", with: "샐세"))
        XCTAssertEqual(TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"], unsafe: false), damaged)
    }

    /// `깃헙` through Windows-1252 is `ê¹ƒí—™`. Mac OS Roman has no `¹`, so it reads only
    /// `ƒí—™`, as `ĒѪ`: a Latin and an Old Cyrillic letter side by side, which no word
    /// writes. Its fewer characters cost less than the whole run's two rare syllables, and
    /// plain `--fix` wrote it.
    func testAReadingThatMixesAlphabetsInAWordIsNoRepair() {
        let fixed = TestSupport.fixed("[k9s ê¹ƒí—™](https://github.com/derailed/k9s)\n", fileName: "post.md", rules: ["mojibake"], unsafe: false)
        XCTAssertEqual(fixed, "[k9s 깃헙](https://github.com/derailed/k9s)\n")
    }

    /// A quote in another language in a damaged Korean post stays as it is: its letters read
    /// as words, so what the damage elsewhere made believable is chance there. Czech `ěť`
    /// with Windows-1250's dropped 0x98 is `의` (`paměť` became `pam의`), French `é…»` is
    /// E9 85 BB, `酻`, and Spanish `í…”` is `텔` in a post that shows Hangul.
    func testAQuoteInAnotherLanguageBesideDamageStaysAsItIs() {
        let korean = "한국어 문장입니다. 메모리 관리가 중요합니다.\n"
        let czech = "Česká věta: paměť počítače je důležitá.\n"
        let text = "\(Self.dropped(korean, through: "windows-1250"))\n\(czech)\nAPI의 설명.\n"
        XCTAssertEqual(TestSupport.fixed(text, fileName: "post.md", rules: ["mojibake"]), "\(korean)\n\(czech)\nAPI의 설명.\n")
        let quotes = "«Je suis arrivé…» et « été ».\n\nDijo que sí…” y luego se fue; “está bien”.\n\n日本語の文。\n"
        let post = "\(Self.dropped(korean, through: "windows-1252"))\n\(quotes)"
        XCTAssertEqual(TestSupport.fixed(post, fileName: "post.md", rules: ["mojibake"]), "\(korean)\n\(quotes)")
    }

    /// A damaged line that repeats is read once and its repair moved to each copy: every
    /// copy is repaired as the line alone is. Lines with the same characters are not the
    /// same line when code covers them differently: `cafÃ©` ends a code span that started
    /// on the line before in the first paragraph, and is prose after a stray backtick in
    /// the second.
    func testRepeatedDamagedLinesAreEachRepairedAndCodeStaysAlone() {
        let line = "총 **7개**의 논문이 수집되었습니다. 👍"
        let damaged = Self.windows1254Dropped(line)
        XCTAssertEqual(TestSupport.fixed(damaged + "\n", fileName: "post.md", rules: ["mojibake"]), line + "\n")
        let text = "\(damaged)\n\nAn ASCII line between.\n\n\(damaged)\n\n- \(damaged)\n"
        XCTAssertEqual(
            TestSupport.fixed(text, fileName: "post.md", rules: ["mojibake"]),
            "\(line)\n\nAn ASCII line between.\n\n\(line)\n\n- \(line)\n")
        // Read on the first pass: the fixer's later passes would hide a fix moved wrongly.
        let spans = "Start `code\ncafÃ©` and cafÃ©\n\ncafÃ©` and cafÃ©\n"
        let repairs = TestSupport.diagnostics(spans, fileName: "post.md", rule: "mojibake").flatMap { $0.fix?.edits ?? [] }.map(\.replacement)
        XCTAssertEqual(repairs, ["é", "é` and café"])
    }

    /// ISO-8859-2 and Windows-1250 share most letters but hold `Š` (A9 / 8A) and `ť` (BB / 9D)
    /// at different bytes: `brĂťlĂŠ` reads as `brûlé` through one and `brÝlÊ` through the
    /// other, letters the model scores alike. A capital inside a lowercase word decides.
    func testTheCodePageThatKeepsTheWordsLowercaseWins() {
        let text = "Le gâteau a brûlé, mais le café reste très bon.\n"
        let damaged = "Le gĂ˘teau a brĂťlĂŠ, mais le cafĂŠ reste trĂ¨s bon.\n"
        XCTAssertEqual(TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"]), text)
        XCTAssertEqual(MojibakeRepair.caseCost(
            MojibakeDecoder.Reading(scalars: [0x43, 0xCA], isRecovered: [false, true], recovered: 1, restoredBytes: 0, cost: 0), after: 0x66),
            0, "a capital after a capital")
    }

    /// `き` (E3 81 8D) loses both continuation bytes through Windows-1252 and is left as a
    /// lone `ã`; the run's other characters already show dropped bytes, so it is rebuilt
    /// from its lead byte on the first reading too, and the right code page wins.
    func testCharacterThatLostEveryContinuationByteIsRebuiltFromTheFirstReading() {
        for text in ["データセットは誰でもダウンロードできます。\n", "我们提出了一种新的视频生成方法。\n"] {
            for page in ["windows-1252", "windows-1254"] {
                let damaged = Self.dropped(text, through: page)
                XCTAssertEqual(TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"]), text, page)
            }
        }
    }

    /// `엔` is EC 97 94, all bytes present; `에` (EC 97 90) with 0x90 re-inserted and `”`
    /// left standing next to it is likelier by the syllable model alone, but damage never
    /// drops a byte that is then found right where it would go.
    func testRealContinuationByteIsNotLeftBesideARestoredCharacter() {
        let text = "이번엔 정말로 날려버렸습니다\n"
        let damaged = Self.dropped(text, through: "windows-1252")
        XCTAssertEqual(TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"]), text)
    }

    /// Every syllable of `동영상` lost one byte, so no character in the run is whole: two
    /// truncated three-byte characters side by side are the evidence of dropped bytes.
    func testWordWhoseEverySyllableLostAByteIsRepaired() {
        for page in ["windows-1252", "windows-1254"] {
            let text = "Flash 동영상\n"
            XCTAssertEqual(TestSupport.fixed(Self.dropped(text, through: page), fileName: "post.md", rules: ["mojibake"]), text, page)
        }
    }

    func testMessageNamesTheCodePageAndTheRestoredBytes() {
        let damaged = Self.windows1254Dropped("총 **7개**의 논문이 수집되었습니다.\n")
        let found = TestSupport.diagnostics(damaged, fileName: "post.md", rule: "mojibake")
        XCTAssertEqual(found.count, 1)
        // Korean alone reads the same through Windows-1252 and -1254; either name is right.
        XCTAssertTrue(found[0].message.hasPrefix("UTF-8 read as Windows-125"), found[0].message)
        XCTAssertTrue(found[0].message.contains("dropped byte"), found[0].message)
    }

    func testSafeFixEditsExactlyTheDiagnosticRange() {
        let damaged = "Clean start, then caf" + "Ã©" + " and the rest stays.\n"
        let found = TestSupport.diagnostics(damaged, fileName: "post.md", rule: "mojibake")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found[0].fix?.edits.map(\.range), [found[0].range])
        XCTAssertEqual(TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"]), "Clean start, then café and the rest stays.\n")
    }

    /// An address outside Markdown's link syntax (an `src` or `href` attribute, a bare URL)
    /// may name a file that is really named so, and a heading a link of the post spells as
    /// it is damaged anchors that link: their repairs need a look.
    func testRepairsOfAddressesAndLinkedHeadingsAreUnsafe() {
        for text in ["<img src=\"./cafÃ©.png\" />\n", "<a href='/blog/Ã©tÃ©'>x</a>\n", "See https://example.com/Ã©tÃ© now.\n",
            "## CafÃ© au lait\n\nSee [the section](#cafÃ©-au-lait).\n"] {
            let found = TestSupport.diagnostics(text, fileName: "post.md", rule: "mojibake")
            XCTAssertFalse(found.isEmpty, text)
            XCTAssertEqual(found.compactMap(\.fix?.safety), Array(repeating: .unsafe, count: found.count), text)
        }
        let heading = TestSupport.diagnostics("## CafÃ© au lait\n\nPlain text.\n", fileName: "post.md", rule: "mojibake")
        XCTAssertEqual(heading.compactMap(\.fix?.safety), [.safe], "no link spells it")
        let slug = TestSupport.diagnostics("---\ntitle: CafÃ© review\nslug: cafÃ©-review\n---\n\nText.\n", fileName: "post.md", rule: "mojibake")
        XCTAssertEqual(slug.compactMap(\.fix?.safety), [.safe, .unsafe], "a slug is the post's address")
        let toml = TestSupport.diagnostics("+++\ntitle = \"CafÃ© review\"\nslug = \"cafÃ©-review\"\n+++\n\nText.\n", fileName: "post.md", rule: "mojibake")
        XCTAssertEqual(toml.compactMap(\.fix?.safety), [.safe, .unsafe], "TOML's slug too")
        let hyphenated = TestSupport.diagnostics("## CafÃ© et thÃ©\n\nSee [x](#cafÃ©-et-thÃ©).\n", fileName: "post.md", rule: "mojibake")
        XCTAssertEqual(hyphenated.first?.fix?.safety, .unsafe, "the link spells the title with hyphens")
    }

    /// Damaged prose and a damaged address on one line are two findings: the prose's repair
    /// stays safe, and `--fix` writes it while the address waits for a look.
    func testProseBesideADamagedAddressIsRepairedAlone() {
        let line = "Le cafÃ© est bon, voir [la page](./Ã©tÃ©.md) et <img src=\"./thÃ©.png\" /> dÃ©jÃ\u{A0}.\n"
        let found = TestSupport.diagnostics(line, fileName: "post.md", rule: "mojibake")
        XCTAssertEqual(found.compactMap(\.fix?.safety), [.safe, .unsafe, .safe])
        XCTAssertEqual(TestSupport.fixed(line, fileName: "post.md", rules: ["mojibake"], unsafe: false),
            "Le café est bon, voir [la page](./Ã©tÃ©.md) et <img src=\"./thÃ©.png\" /> déjà.\n")
        XCTAssertEqual(TestSupport.fixed(line, fileName: "post.md", rules: ["mojibake"]),
            "Le café est bon, voir [la page](./été.md) et <img src=\"./thé.png\" /> déjà.\n")
        // An address between two damaged words of prose, not at the repair's ends.
        let inside = "Le cafÃ© <a href=\"/Ã©tÃ©/\">x</a> dÃ©jÃ\u{A0}.\n"
        XCTAssertEqual(TestSupport.diagnostics(inside, fileName: "post.md", rule: "mojibake").compactMap(\.fix?.safety), [.safe, .unsafe, .safe])
    }

    /// A mark inside a word, a lone letter that is a word, signs in a line with other damage
    /// and Azerbaijani `ə` (once scored as a rare phonetic sign) are repaired; what needs
    /// evidence is listed in the test below.
    func testMarksInsideWordsAndLoneLettersAreRepaired() {
        let cases = [
            ("O DIRETÃ“RIO foi criado.\n", "O DIRETÓRIO foi criado.\n"),
            ("PÅ™ed domem.\n", "Před domem.\n"),
            ("prends garde √† ne pas tomber\n", "prends garde à ne pas tomber\n"),
            ("¬´ √áa marche ! ¬ª\n", "« Ça marche ! »\n"),
            ("The town of LÉ™nkÉ™ran.\n", "The town of Lənkəran.\n"),
            ("Copyright ¬© 2025, a table at 20 ¬∞ below.\n", "Copyright © 2025, a table at 20 ° below.\n"),
            // Repaired `Сі` is not read again, in a double-damage round, as archaic `ѳ`.
            ("РћСЃС‚СЂС–РІ РЎС– Р»РµР¶РёС‚СЊ.\n", "Острів Сі лежить.\n"),
        ]
        assertRepairs(cases)
    }

    /// ISO-8859-2 and Windows-1250 read `Ĺź` as `ż` and `ş`, `ĂĄ` as `á` and `å`, at the
    /// same cost: the letter that fits its neighbours in Central European text wins.
    func testTiedCodePagesAreToldApartByTheLettersNeighbours() {
        let cases = [
            ("UĹźytkownik moĹźe to zmieniÄ\u{87}.\n", "Użytkownik może to zmienić.\n"),
            ("ChybnĂĄ verze, nechĹĽ se uloĹžĂ\u{AD}.\n", "Chybná verze, nechť se uloží.\n"),
            // A capital before the letter is a capitalised word, not a word in capitals.
            ("UĹž je to tak.\n", "Už je to tak.\n"),
        ]
        assertRepairs(cases)
    }

    /// Each damaged post, fixed by `mojibake` alone, reads as its clean text.
    private func assertRepairs(_ cases: [(damaged: String, clean: String)], file: StaticString = #filePath, line: UInt = #line) {
        for (damaged, clean) in cases {
            XCTAssertEqual(TestSupport.fixed(damaged, fileName: "post.md", rules: ["mojibake"]), clean, damaged, file: file, line: line)
        }
    }

    /// A post's damage through a code page does not make its clean lines readable as a
    /// guess of dropped bytes in another script (`zakáže` through Windows-1250 is E1 9E, and
    /// with a dropped 0x81 `zakၞe`).
    func testCleanLineBesideDamageKeepsItsLetters() {
        assertRepairs([(
            "Správca zakáže prístup.\n\nNĂˇstroj sa pouĹľĂ\u{AD}va, keÄŹ sa zmenĂ\u{AD} hodnota.\n",
            "Správca zakáže prístup.\n\nNástroj sa používa, keď sa zmení hodnota.\n"
        )])
    }

    /// Nor does it make a clean word of its own script read as another (`дії` through
    /// Windows-1251 is `䳿`) in a Ukrainian post damaged through Windows-1251.
    func testCleanWordBesideDamageOfItsOwnScriptStays() {
        assertRepairs([(
            "Перевірте свої дії.\n\nР¦РµР№ РїР°СЂР°РјРµС‚СЂ РЅРµ С” РїРµСЂС€РёРј С„РѕСЂРјР°С‚РѕРј.\n",
            "Перевірте свої дії.\n\nЦей параметр не є першим форматом.\n"
        )])
    }

    /// A guessed byte gives letters of the scripts the post's damage gave back, and letters
    /// or signs the model knows: clean `«Да»` beside Russian damage is not `«Ę໘`, Czech
    /// `přihlášení` not `přihlṀení`; a second reading does not take `Váš` for `VṀ`.
    func testGuessedBytesGiveOnlyBelievableCharacters() {
        assertRepairs([
            ("РџСЂРёРІРµС‚, РјРёСЂ.\n\nОн сказал «Да».\n", "Привет, мир.\n\nОн сказал «Да».\n"),
            ("Slovo pĹ™Ă­liĹˇ zde.\n\nPoslední přihlášení.\n", "Slovo příliš zde.\n\nPoslední přihlášení.\n"),
            ("No sâ€™ha pogut obrir.\n\nHabilita les «Tecles de ratolí» i «sí».\n", "No s’ha pogut obrir.\n\nHabilita les «Tecles de ratolí» i «sí».\n"),
            ("VĂˇĹˇ kÄľĂşÄŤ.\n", "Váš kľúč.\n"),
            ("æ•°æ®é›†å·²ç»å…¬å¼€ï¼Œæ¬¢è¿ä¸‹è½½ä½¿ç”¨ã€‚\n", "数据集已经公开，欢迎下载使用。\n"),
        ])
    }

    /// A second reading that guesses nothing reads letters of any script back whole: Arabic
    /// damaged twice through Windows-1252 (its C1 controls kept) is Arabic again.
    func testDoubleDamageOfAnyScriptIsRepaired() {
        assertRepairs([("Text: \u{C3}\u{2122}\u{C2}\u{81}\u{C3}\u{2122}\u{C5}\u{A0}\n", "Text: في\n")])
    }

    /// ISO-8859-15 is ISO-8859-1 with `€ Š š Ž ž Œ œ Ÿ` in eight places: `BÃ€ume` is
    /// `Bäume` through it, not `BÀume` through Windows-1252.
    func testISO885915DamageIsReadThroughIt() {
        assertRepairs([("Die BÃ€ume sind grÃŒn.\n", "Die Bäume sind grün.\n")])
    }

    func testCleanAndOddButRightTextNeverChanges() {
        let texts = [
            "Straße „Grüße“, «ÉTÉ», ESPAÑA”, ȚARĂ”, l’écosystème, —à bientôt.\n",
            "Русский «ЛЕВ», Ελληνικά, Tiếng Việt, 한국어, 日本語, 中文, 👍.\n",
            "Quoted on purpose: `Ã©` and `ì¼ê°„`.\n",
            "Português: «irmã», ação, São João; ãã… and Æ«ã.\n",
            "“이번엔” 정말로, «café» et «thé», à bientôt.\n",
            "Marks after a word: perché© 2024, più® and là°.\n",
            // Through Windows-1252 `È™` is `ș`, through Mac OS Roman `„Çà` is `よ`, `»ô` is `ș`,
            // `√∑` is `÷` and `≈≠` is `ŭ`: none of it is damage here.
            "Trademarks in capitals: ZENITÈ™ and ORBITÈ™ ship today.\n",
            "Quoted the German way: „Çà“ and »ô…«, then more.\n",
            "Signs on their own: √∑ and ≈≠, then ¬® too.\n",
            // A dash or an ellipsis after a word in capitals, unspaced.
            "AMANHÃ–TARDE and ȚARĂ–ORAȘ.\n",
            "Era o ȚARĂ—și apoi, PÄIVÄ—ja, AMANHÃ…e.\n",
            // `É™` and `…ô` read as Azerbaijani `ə`: brands, and an ellipsis before a word.
            "Then the É™ logo, and our CAFÉ™s.\n",
            // An apostrophe after a word in capitals (`Ã’` is `Ò`, `Å’` is `Œ`).
            "AMANHÃ’s plan and the BLÅ’s colour.\n",
            "Dạ…ông nói gì vậy? Hélas…ô douleur!\n",
        ]
        for text in texts {
            XCTAssertTrue(TestSupport.diagnostics(text, fileName: "post.md", rule: "mojibake").isEmpty, text)
        }
    }
}
