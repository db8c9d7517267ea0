/// Chooses among exact readings of a file through near code pages.
///
/// ICU's guess and its twin (Windows-1250 `ą` against ISO-8859-2 `š`, Windows-1253 `Ά`
/// against ISO-8859-7 `’`) are weighed against each other: the reading with fewer marks of
/// a wrong page, then the one whose letters fit their neighbours, the guess on a tie.
///
/// Another page (Mac OS Roman and ISO-8859-15, which ICU never names; the other Latin
/// pages) replaces them only on certain evidence: the guess's reading shows it again and
/// again — a capital inside a word (`BoxkŠmpfer`), a sign between two letters (`gro§en`,
/// `c½ur`), the currency sign `¤` where ISO-8859-15 has `€` — and the other reading shows
/// none. Marks that real text also holds (`’n’`, `12ºC`, `cost–benefit`, `Ä, Ö`) are no
/// such evidence, and a file the guess does not read exactly is left alone. So is a Latin
/// file whose guess's reading shows a mark no other reading explains: one `Fu§ball` is too
/// little to choose Mac OS Roman, and too much to write Windows-1252's reading.
enum CodePageChoice {
    typealias Reading = (charset: String, text: String)

    /// `isLatin`: the guess is a Latin page, whose wrong readings show the marks below
    /// (Chinese, Korean and Turkish put quotes right against letters: `设为“私有”还是`).
    static func choose(guessed: [Reading], alternatives: [Reading], isLatin: Bool) -> Reading? {
        guard let base = guessed.count > 1 ? bestTwin(guessed) : guessed.first else { return nil }
        guard isLatin else { return base }
        let evidence = census(base.text)
        guard evidence.certainDamage + evidence.doubtfulDamage > 0 else { return base }
        if evidence.certainDamage >= 2, evidence.certainDamage * 10 >= evidence.characters,
            let other = nearestClean(to: base, among: alternatives)
        {
            return other
        }
        // Too little to choose another page, but enough not to write the guess's reading: a
        // mark real text does not hold, even one, when not lost among many right characters
        // (`Fu§ball`; Polish in ISO-8859-16, which ICU does not name, read as ISO-8859-2:
        // `gý÷l˘ jaŽń`); or marks real text holds (`W/m²K`, `“Like”s`, `µSD`) again and
        // again (KOI8-R Russian read as ISO-8859-1: `ðÒÉ×ÅÔ`, its `в` a `×` between letters).
        let refusing = evidence.refusingDamage
        let garbled = evidence.certainDamage >= 2 && evidence.certainDamage * 20 >= evidence.characters
        return evidence.hasCurrencySign || garbled || refusing > 0 && refusing * 20 >= evidence.characters ? nil : base
    }

    /// Of the readings without marks, the one that changes fewest characters of the
    /// guess's (ISO-8859-15 `€` for ISO-8859-1 `¤`, not Mac OS Roman `§`); two as near: neither.
    private static func nearestClean(to base: Reading, among alternatives: [Reading]) -> Reading? {
        let baseScalars = Array(base.text.unicodeScalars)
        let clean = alternatives.filter { census($0.text).isClean }.map { reading in
            (reading: reading, changes: zip(baseScalars, reading.text.unicodeScalars).filter { $0 != $1 }.count)
        }
        guard let nearest = clean.map(\.changes).min() else { return nil }
        let chosen = clean.filter { $0.changes == nearest }
        guard chosen.allSatisfy({ $0.reading.text == chosen[0].reading.text }) else { return nil }
        return chosen[0].reading
    }

    /// Of ICU's guess and its twin, the one with fewer marks of a wrong page, then whose
    /// letters fit their neighbours; the guess on a tie.
    private static func bestTwin(_ readings: [Reading]) -> Reading {
        let groups = Set(readings.compactMap { reading in
            SingleByteCodePage.all.first { $0.icuName.lowercased() == reading.charset.lowercased() }?.languages
        })
        let scored = readings.enumerated().map { index, reading -> (marks: Int, fit: Double, index: Int) in
            let scalars = reading.text.unicodeScalars.map(\.value)
            let fit = RepairLanguageModel.shared.latinFit(scalars, groups: groups) { scalars[$0] >= 0x80 }
            let found = census(reading.text)
            return (-(found.certainDamage + found.likelyDamage), fit, -index)
        }
        return readings[scored.indices.max { (scored[$0].marks, scored[$0].fit, scored[$0].index) < (scored[$1].marks, scored[$1].fit, scored[$1].index) }!]
    }

    /// Marks of a wrong code page in a reading. Certain: a capital after a small letter
    /// (`BoxkŠmpfer`, `payÈ`), a foreign sign between two letters (`gro§en`, `c½ur`), `¤`.
    /// Doubtful, enough to refuse a reading but not to choose another: a quotation mark
    /// between letters (`Versp„tung`), a small letter opening a word of capitals
    /// (`šBERMORGEN`). Likely, asked only between twins: a foreign sign or a closing quote
    /// before a word (`¶νθρωπος`, `’νθρωπος`). Refusing: the certain and doubtful marks
    /// real text does not hold too (not `W/m²K`, `W×H`, `Smith†Jones`, `“Like”s`, `µSD`,
    /// `2ºESO`); an Irish mutation (`na hÉireann`) is no mark at all.
    struct Census {
        var certainDamage = 0, doubtfulDamage = 0, refusingDamage = 0, likelyDamage = 0, characters = 0
        var hasCurrencySign = false
        /// No mark at all but those real text holds too (`µSD`, `Home•Blog`).
        var isClean: Bool { certainDamage == 0 && refusingDamage == 0 }
    }

    private static func census(_ text: String) -> Census {
        let scalars = Array(text.unicodeScalars)
        var (certain, doubtful, refusing, likely, characters) = (0, 0, 0, 0, 0)
        var hasCurrencySign = false
        for index in scalars.indices where scalars[index].value >= 0x80 {
            let scalar = scalars[index]
            characters += 1
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            // An elided article's apostrophe joins a word too (`l'½il`).
            let afterLetter = previous.map(isLetter) == true
                || index >= 2 && (previous == "'" || previous == "’") && isLetter(scalars[index - 2])
            let beforeLetter = next.map(isLetter) == true
            if isLetter(scalar) {
                if scalar.properties.isUppercase, let previous, previous.properties.isLowercase,
                    !unitAndOrdinalSigns.contains(previous), !isIrishMutation(scalars, capitalAt: index)
                {
                    certain += 1
                    refusing += 1
                }
                if scalar.properties.isLowercase, !afterLetter, index + 2 < scalars.count,
                    scalars[index + 1].properties.isUppercase, scalars[index + 2].properties.isUppercase
                {
                    doubtful += 1
                    if !unitAndOrdinalSigns.contains(scalar) { refusing += 1 }
                }
            } else if quotationMarks.contains(scalar) {
                if afterLetter && beforeLetter {
                    doubtful += 1
                    if !isPaired(scalars, at: index) { refusing += 1 }
                }
            } else if foreignSigns.contains(scalar) || (0x2B0...0x2FF).contains(scalar.value) {
                if afterLetter && beforeLetter {
                    certain += 1
                    // `g†rden` is a DOS `å`, `Smith†Jones` a footnote.
                    let betweenSmallLetters = previous?.properties.isLowercase == true && next?.properties.isLowercase == true
                    if !signsBetweenLetters.contains(scalar) || scalar == "†" && betweenSmallLetters { refusing += 1 }
                } else if beforeLetter {
                    likely += 1
                }
            } else if scalar == "¤", next != "#" {
                // No text writes it: ISO-8859-15 `€` read as ISO-8859-1, however long the post.
                certain += 1
                refusing += 1
                hasCurrencySign = true
            } else if scalar == "’", beforeLetter, !afterLetter {
                likely += 1
            }
        }
        return Census(
            certainDamage: certain, doubtfulDamage: doubtful, refusingDamage: refusing, likelyDamage: likely, characters: characters,
            hasCurrencySign: hasCurrencySign)
    }

    /// A letter of words: not the modifier letters `ˆ` `˜`, which Mac OS Roman gives for
    /// Windows-1252 quotes.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && !(0x2B0...0x2FF).contains(scalar.value)
    }

    /// Irish writes a mutation before a capital vowel (`na hÉireann`, `i nÉirinn`); a
    /// Portuguese `nÆo` read through a DOS page is none.
    private static func isIrishMutation(_ scalars: [Unicode.Scalar], capitalAt index: Int) -> Bool {
        guard "ÁÉÍÓÚ".unicodeScalars.contains(scalars[index]) else { return false }
        let prefix = String(String.UnicodeScalarView(scalars[..<index].reversed().prefix { $0.properties.isAlphabetic }.reversed()))
        return ["h", "n", "t"].contains(prefix)
    }

    /// Signs real text writes between letters (`W/m²K`, `H²O`, `W×H`, `mean±sd`,
    /// `Smith†Jones`), and small letters before capitals (`µSD`, `2ºESO`).
    private static let signsBetweenLetters = Set("±×†¹²³".unicodeScalars)
    private static let unitAndOrdinalSigns = Set("µºª".unicodeScalars)

    /// Signs text does not write between the letters of a word.
    private static let foreignSigns = Set("§¶¦¨¬¯±×÷¸¼½¾¹²³¢£¥€‰†‡◊√∞≤≥≈≠∂∑∏∫ªº".unicodeScalars)

    /// Quotation marks but the apostrophes, and the bullet: between two letters a DOS page's
    /// letters read as Windows-1252 (`Versp„tung`, `co”rdinatie`, `r‚sum‚`, `s›tt`), or a
    /// missed space (`“Like”s`, `Home•About`).
    private static let quotationMarks = Set("„”“‚‹›•".unicodeScalars)

    /// Whether the quotation mark at `index` has a partner on its line (`“Like”s`,
    /// `„Hallo“und`, `the word“quoted”`): a quote, where a lone one between letters is a DOS
    /// page's letter. A bullet between words is a separator (`Home•About`).
    private static func isPaired(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let before = Set(scalars[..<index].reversed().prefix { $0 != "\n" })
        let after = Set(scalars[(index + 1)...].prefix { $0 != "\n" })
        switch scalars[index] {
        case "”": return before.contains("“") || before.contains("„")
        case "“": return after.contains("”") || before.contains("„")
        case "„": return after.contains("“") || after.contains("”")
        case "‚": return after.contains("‘") || after.contains("’")
        case "›", "‹": return before.contains("‹") || before.contains("›") || after.contains("‹") || after.contains("›")
        // Between menu items or tags (`Home•About`, `travel•food•photos`), not inside a word
        // (`rap•rt`, a DOS `ò`).
        case "•":
            return !(scalars[index - 1].properties.isLowercase && scalars[index + 1].properties.isLowercase)
                || before.contains("•") || after.contains("•")
        default: return false
        }
    }
}
