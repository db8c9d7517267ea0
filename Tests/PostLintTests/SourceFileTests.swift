import XCTest

@testable import PostLint

final class SourceFileTests: XCTestCase {
    func testRecordsByteOrderMarkAndStripsItFromTheText() {
        let source = SourceFile(path: "a.md", bytes: SourceFile.byteOrderMark + Array("# 제목\n".utf8))
        XCTAssertTrue(source.hasByteOrderMark)
        XCTAssertEqual(source.text, "# 제목\n")
        XCTAssertEqual(source.bytes(forText: "x\n"), SourceFile.byteOrderMark + Array("x\n".utf8))
    }

    func testDetectsNewlineStyles() {
        XCTAssertEqual(SourceFile(path: "a", text: "a\nb\n").newlineStyle, .lf)
        XCTAssertEqual(SourceFile(path: "a", text: "a\r\nb\r\n").newlineStyle, .crlf)
        XCTAssertEqual(SourceFile(path: "a", text: "a\r\nb\n").newlineStyle, .mixed)
        XCTAssertEqual(SourceFile(path: "a", text: "no newline").newlineStyle, .none)
    }

    func testRejectsMalformedUTF8WhereItStarts() {
        let cases: [([UInt8], Int?)] = [
            (Array("plain ascii".utf8), nil),
            (Array("한글 ok".utf8), nil),
            ([0x61, 0xC0, 0xAF], 1),  // overlong '/'
            ([0x61, 0x62, 0xED, 0xA0, 0x80], 2),  // encoded surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // past U+10FFFF
            ([0x61, 0xEA, 0xB0], 1),  // truncated
            ([0xB0, 0xA1], 0),  // stray continuation (EUC-KR '가')
        ]
        for (bytes, expected) in cases {
            XCTAssertEqual(SourceFile(path: "a", bytes: bytes).firstInvalidUTF8Offset, expected, "\(bytes)")
        }
        XCTAssertNil(SourceFile(path: "a", bytes: [0x61, 0xFF]).text)
    }

    func testOffsetsAreCountedAfterTheByteOrderMark() {
        let source = SourceFile(path: "a", bytes: SourceFile.byteOrderMark + [0x61, 0xFF])
        XCTAssertEqual(source.firstInvalidUTF8Offset, 4)
    }

    func testNulBytesMarkABinaryFile() {
        XCTAssertTrue(SourceFile(path: "a.png", bytes: [0x89, 0x50, 0x00, 0x01]).isBinary)
        XCTAssertFalse(SourceFile(path: "a.md", text: "text").isBinary)
        // Eight bytes of UTF-8 with one NUL spell no text as UTF-16 (`a⁢攴ਨ`): binary, not converted.
        XCTAssertTrue(SourceFile(path: "a.md", bytes: Array("a\u{0}b teh\n".utf8)).isBinary)
        let utf16 = Array("Hi teh\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertFalse(SourceFile(path: "a.md", bytes: utf16).isBinary)
        XCTAssertEqual(SourceFile.utf16Layout(of: utf16)?.order, .littleEndian)
        let controls = Array("Hi\u{1}teh\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertNil(SourceFile.utf16Layout(of: controls))
    }

    func testLineIndexCountsColumnsInScalars() {
        let text = "ab\n한글😀x\r\nend"
        let index = LineIndex(utf8: Array(text.utf8))
        XCTAssertEqual(index.lineCount, 3)
        let xOffset = Array(text.utf8).firstIndex(of: UInt8(ascii: "x"))!
        XCTAssertEqual(index.position(at: xOffset), LineIndex.Position(line: 2, column: 4))
        XCTAssertEqual(String(decoding: Array(text.utf8)[index.contentRange(ofLine: 1)], as: UTF8.self), "한글😀x")
    }
}

/// What `invalid-encoding --fix` converts, and what it leaves for a human: found by a
/// review over legacy files of many code pages (a whole-file conversion is safe only when
/// its text is the file's).
final class LegacyConversionTests: XCTestCase {
    /// The text in a single-byte code page, given the bytes of its non-ASCII characters.
    private func legacy(_ text: String, _ table: [Character: UInt8]) -> [UInt8] {
        text.flatMap { table[$0].map { [$0] } ?? Array(String($0).utf8) }
    }

    /// Each text, saved in its charset, converts back to itself.
    private func assertConvertedBack(_ cases: [(text: String, charset: String)], line: UInt = #line) throws {
        for (text, charset) in cases {
            XCTAssertEqual(InvalidEncodingRule.confidentConversion(try bytes(text, charset))?.text, text, charset, line: line)
        }
    }

    private func bytes(_ text: String, _ charset: String) throws -> [UInt8] {
        try XCTUnwrap(InvalidEncodingRule.convert(Array(text.utf8), to: charset))
    }

    func testUTF8TextWithAFewStrayBytesIsNeverConvertedAsAWhole() {
        // One UTF-8 `é` in code, three Windows-1252 quotes in prose.
        let mixed = Array("A post.\n\n```python\nprint(\"café\")\n```\n\n".utf8) + legacy("He said “don’t go” and left.\n", ["“": 0x93, "’": 0x92, "”": 0x94])
        XCTAssertNil(InvalidEncodingRule.confidentConversion(mixed))
    }

    /// Mac OS Roman `é` and `è` (0x8E, 0x8F), which Windows-1252 reads as `Ž` and the
    /// control U+008F: ICU's guess reads nothing exactly, and the file is left alone.
    func testAConversionThatWouldHoldControlCharactersIsRefused() {
        XCTAssertNil(InvalidEncodingRule.confidentConversion(legacy("Le café est très bon.\n", ["é": 0x8E, "è": 0x8F])))
    }

    /// ICU never names Mac OS Roman or ISO-8859-15 and takes Windows-1253 and ISO-8859-7
    /// for each other; a reading without the damage the guess's shows wins (German through
    /// Windows-1252 was `Zwšlf BoxkŠmpfer … gro§en`). Left: ICU guesses ISO-8859-2 for a
    /// Latin-1 `Mañana` repeated, and `Mańana` has no damage to tell it by.
    func testNearCodePagesICUDoesNotNameAreWeighed() throws {
        let cases: [(String, String)] = [
            ("Zwölf Boxkämpfer jagen Viktor quer über den großen Sylter Deich. Österreich grenzt an Deutschland.\n", "macintosh"),
            ("El niño comió una manzana. La canción está en el corazón. Mañana iré al médico.\n", "macintosh"),
            ("Le prix est de 15 € pour un cœur de bœuf; ma sœur a payé 20 €.\n", "ISO-8859-15"),
            ("Le prix est de 15 € pour un cœur de bœuf; ma sœur a payé 20 €.\n", "windows-1252"),
            ("„Schön“, sagte er. »Wunderbar«, sagte sie. Größe, Übung, Ärger.\n", "windows-1252"),
            ("Ένας Άνθρωπος πήγε στην Αθήνα. Χθες πήγα στο κατάστημα και αγόρασα φρέσκο ψωμί.\n", "windows-1253"),
            ("Ένας Άνθρωπος πήγε στην Αθήνα. Χθες πήγα στο κατάστημα και αγόρασα φρέσκο ψωμί.\n", "ISO-8859-7"),
        ]
        try assertConvertedBack(cases)
    }

    /// A reading without damage is kept though another page's reads as letters too: the
    /// guess wins ties (Windows-1252 quotes are Mac OS Roman `ìHelloî`, Spanish `¿` is
    /// ISO-8859-2 `ż`, `œ` is Windows-1250 `ś`), and a DOS code page, which no page here
    /// reads but Mac OS Roman, is left alone.
    func testTheGuessIsKeptWithoutDamageInItsReading() throws {
        let cases: [(String, String)] = [
            ("“Hello,” she said. It’s fine. We’ll see what happens tomorrow when the team meets again to discuss the plan.\n", "windows-1252"),
            ("¿Dónde está el baño? ¡Qué día tan bonito hace hoy! El niño juega en el jardín con su perro.\n", "ISO-8859-1"),
            ("Le cœur de l’œuvre. J’ai lu une œuvre de Molière hier soir, à l’hôtel près de la forêt.\n", "windows-1252"),
            ("Ele está no nº 5 da rua. São Paulo é uma cidade grande. As crianças estão à espera, 5¼ horas.\n", "ISO-8859-1"),
            // Marks real text holds (a second review): no evidence against the guess.
            ("La mínima fue de 12ºC y la máxima de 25ºC. O coração não se engana.\n", "ISO-8859-1"),
            ("Rock ’n’ roll never dies, ’til the end. A cost–benefit study of north–south trade.\n", "windows-1252"),
            ("Die Umlaute Ä, Ö und Ü sind schön. €€€ und ½cup, †John, ¹H NMR.\n", "windows-1252"),
            ("Autorzy: Ł. Nowak i Ś. Kowalski. Będę tam w środę, zażółć gęślą jaźń. Źródło wiedzy, ładna pogoda w Łodzi.\n", "windows-1250"),
        ]
        try assertConvertedBack(cases)
        let german = "Grüße aus Köln, schöne Äpfel und süße Brötchen für die Straße.\n"
        let cp850: [Character: UInt8] = ["ü": 0x81, "ß": 0xE1, "ö": 0x94, "Ä": 0x8E]
        let converted = InvalidEncodingRule.confidentConversion(legacy(german, cp850))
        XCTAssertTrue(converted == nil || converted?.text == german, converted?.text ?? "")
    }

    /// Polish in ISO-8859-16 (which ICU does not name) reads as ISO-8859-2 with signs glued
    /// to words (`gý÷l˘`): no reading is the file's, and it is not converted.
    func testAReadingWithSignsGluedToWordsIsRefused() {
        let polish = "Zażółć gęślą jaźń. Ładna pogoda w Łodzi, śnieg pada. Źródło wiedzy.\n"
        let iso885916: [Character: UInt8] = [
            "ż": 0xBF, "ó": 0xF3, "ń": 0xF1, "ć": 0xE5, "Ł": 0xA3, "Ź": 0xAC, "ł": 0xB3, "ę": 0xFD, "ś": 0xF7, "ą": 0xA2, "ź": 0xAE,
        ]
        XCTAssertNil(InvalidEncodingRule.confidentConversion(legacy(polish, iso885916)))
    }

    /// One mark of a wrong page in the guess's reading (ISO-8859-15 `€` read as ISO-8859-1
    /// `¤`, Mac OS Roman `ß` read as Windows-1252 `§` in `Fu§ball`, `œ` as `½`) is too little
    /// to choose another page, and too much to write the guess's: the file is left alone.
    func testASingleMarkOfAWrongPageLeavesTheFileAlone() throws {
        let cases: [(String, String)] = [
            ("Der Eintritt kostet 5 € für Erwachsene, und Kinder zahlen nur die Hälfte.\n", "ISO-8859-15"),
            ("Wir spielen am Sonntag Fußball im Park.\n", "macintosh"),
            ("Il a vu l'œil du cyclone depuis la fenêtre.\n", "ISO-8859-15"),
            // DOS pages ICU calls Windows-1252: `Versp„tung`, `šBERMORGEN`, `co”rdinatie`.
            ("Die Verspätung war ärgerlich, aber wir kamen an.\n", "IBM437"),
            ("ÜBERMORGEN GEHT ES LOS, SAGTE ER.\n", "IBM850"),
            ("De coördinatie van het project is goed geregeld.\n", "IBM437"),
            // Portuguese through CP850 read as ISO-8859-1 (`nÆo` is no Irish mutation), Occitan `rap•rt`.
            ("A variável de ambiente SHELL não existe e não se especificou nenhuma.\n", "IBM850"),
            ("Lo boton ràdio del grop en rapòrt amb aqueste element grafic.\n", "IBM850"),
            // KOI8-R Russian read as ISO-8859-1 (`ðÒÉ×ÅÔ`): signs real text holds once, again and again.
            (String(repeating: "Привет, как дела? Всё хорошо, в общем, время идёт. ", count: 3) + "\n", "KOI8-R"),
            // `¤` however long the post.
            (String(repeating: "Größe, Übung und Ärger sind schöne Wörter für Straßen. ", count: 20) + "Es kostet 5 €.\n", "ISO-8859-15"),
        ]
        for (text, charset) in cases {
            let converted = InvalidEncodingRule.confidentConversion(try bytes(text, charset))
            XCTAssertTrue(converted == nil || converted?.text == text, "\(charset): \(converted?.text ?? "")")
        }
    }

    /// Marks real text holds too (a review's list: units, ordinals, a missed space beside a
    /// paired quote, a bullet between menu items, a footnote dagger), and one slip in a long
    /// post, do not keep a right reading from being written.
    func testMarksRealTextHoldsDoNotKeepAPostFromConversion() throws {
        let german = String(repeating: "Größe, Übung und Ärger sind schöne Wörter für Straßen. ", count: 20)
        let french = String(repeating: "Le café de la rue est très agréable, et la crème brûlée est délicieuse. ", count: 4)
        let cases: [(String, String)] = [
            ("Der U-Wert beträgt 0,24 W/m²K, die Fläche 12 m² und die Tür ist neu.\n", "windows-1252"),
            ("Die µSD-Karte passt nicht, sagte der Händler; für µVAX gibt es keine.\n", "windows-1252"),
            ("Los alumnos de 2ºESO y 1ºBACH irán de excursión el próximo miércoles.\n", "windows-1252"),
            ("She said “hello”and left. The “Like”s were many — naïve, but fine.\n", "windows-1252"),
            ("Er sagte „Hallo“und ging. Die Straße war schön, die Bäume grün.\n", "windows-1252"),
            ("Accueil•Menu•Contact\n\n" + french + "\n", "windows-1252"),
            (french + "\n\nTags: travel•food•photos\n", "windows-1252"),
            (french + "\n\nSmith†Jones (1998) wrote about the café’s résumé and its naïve menu.\n", "windows-1252"),
            (french + "\n\nThe frame is W×H pixels, says the café’s résumé, a naïve one.\n", "windows-1252"),
            (german + "Ein Fu§ball.\n", "windows-1252"),
            (french + "\n\nIrish: Tá muintir na hÉireann i nÉirinn go fóill, ár bhFocal.\n", "windows-1252"),
            (german + "Er sagte nur„Endlich“ und ging.\n", "windows-1252"),
            (french + "\n\nLe format ICU est ¤#,##0.00 pour les prix.\n", "ISO-8859-1"),
            ("Autorzy: Ł. Nowak i Ś. Kowalski. Będę tam w środę, zażółć gęślą jaźń. Źródło wiedzy, ładna pogoda w Łodzi. Zdjęcia z Wałbrzycha mam na karcie µSD.\n", "windows-1250"),
        ]
        try assertConvertedBack(cases)
    }

    func testTheNearCodePageWhoseLettersFitIsChosen() {
        let polish = legacy("powłoka nie jest powłoką logowania.\n\nSantiago Rodríguez\n", ["ł": 0xB3, "ą": 0xB9, "í": 0xED])
        XCTAssertEqual(InvalidEncodingRule.confidentConversion(polish)?.text, "powłoka nie jest powłoką logowania.\n\nSantiago Rodríguez\n")
    }

    /// A pair of legacy characters that forms UTF-8 by chance beside other legacy bytes is
    /// no UTF-8 text (`Д»` of `«РЖД»` is UTF-8 `Ļ`, `Ã”` of `“MAÇÃ”` is `Ô`); an acute accent
    /// typed as an apostrophe stays one (ISO-8859-15 would read `Ž`).
    func testChancePairsDoNotKeepALegacyPostFromConversion() throws {
        let russian = "Компания «РЖД» перешла на новую систему бронирования билетов, и это важный шаг для отрасли.\n"
        XCTAssertEqual(InvalidEncodingRule.confidentConversion(try bytes(russian, "windows-1251"))?.text, russian)
        let portuguese = "# Test\n\nO nome da loja é “MAÇÃ” e fica no centro da cidade, perto da estação.\n"
        XCTAssertEqual(InvalidEncodingRule.confidentConversion(try bytes(portuguese, "windows-1252"))?.text, portuguese)
        let spanish = "La canción dice: ´ven aquí´ y la niña baila en el café.\n"
        XCTAssertEqual(InvalidEncodingRule.confidentConversion(try bytes(spanish, "ISO-8859-1"))?.text, spanish)
    }

    /// UTF-8 characters next to each other (a Korean word, `Größe`) are UTF-8 text too.
    func testAUTF8WordBesideLegacyProseKeepsTheFileFromConversion() {
        let mixed = Array("```python\nprint(\"안녕\")\n```\n\n".utf8)
            + legacy(String(repeating: "Le café est très bon. Où est la gare? Ça va, à bientôt, élève.\n", count: 3), ["é": 0xE9, "è": 0xE8, "ù": 0xF9, "Ç": 0xC7, "à": 0xE0, "ô": 0xF4])
        XCTAssertNil(InvalidEncodingRule.confidentConversion(mixed))
    }

    func testEastAsianPostsICUIsSureOfAreConverted() throws {
        let japanese = "いろはにほへと ちりぬるを わかよたれそ つねならむ。\n"
        XCTAssertEqual(InvalidEncodingRule.confidentConversion(try bytes(japanese, "Shift_JIS"))?.text, japanese)
        let failures = String(repeating: "バケット数の読込みに失敗しました\n", count: 10)
        XCTAssertEqual(InvalidEncodingRule.confidentConversion(try bytes(failures, "EUC-JP"))?.text, failures)
        // Quotes right against Han characters are Chinese, not a Latin page's marks.
        let chinese = String(repeating: "我们应该把仓库设为“私有”还是“公开”？这个问题在语境中的“民主化”一词里很重要。\n", count: 4)
        XCTAssertEqual(InvalidEncodingRule.confidentConversion(try bytes(chinese, "GB18030"))?.text, chinese)
    }

    func testAConvertibleFileIsFixable() {
        let french = "Le café est très bon. Où est la gare? Ça va, à bientôt, élève.\n"
        let source = SourceFile(path: "post.md", bytes: legacy(french, ["é": 0xE9, "è": 0xE8, "ù": 0xF9, "Ç": 0xC7, "à": 0xE0, "ô": 0xF4]))
        let found = InvalidEncodingRule().check(source, context: RuleContext(fileExists: nil, severity: .error))
        XCTAssertEqual(found.first?.fix?.safety, .safe)
    }
}
