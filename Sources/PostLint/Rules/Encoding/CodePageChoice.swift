/// Chooses among readings of a file through near code pages, each exact: the one whose
/// characters beyond ASCII look most like text. A wrong page gives signs glued to letters
/// (`gro§en`, `c½ur`), capitals inside words (`BoxkŠmpfer`, `payÈ`) and a closing quote
/// opening a word (`’νθρωπος`), where the right page gives letters. Ties go to the fit of
/// the letters with their neighbours (Windows-1250 `ą` against ISO-8859-2 `š`), then to
/// ICU's guess (the first reading); a rare page wins only when it looks more like text.
enum CodePageChoice {
    static func best(of readings: [(charset: String, text: String)], rarePages: Set<String>) -> (charset: String, text: String) {
        let groups = Set(readings.compactMap { reading in
            SingleByteCodePage.all.first { $0.icuName.lowercased() == reading.charset.lowercased() }?.languages
        })
        let scored = readings.enumerated().map { index, reading -> (plausibility: Int, isCommon: Bool, fit: Double, index: Int) in
            let scalars = reading.text.unicodeScalars.map(\.value)
            let fit = RepairLanguageModel.shared.latinFit(scalars, groups: groups) { scalars[$0] >= 0x80 }
            return (plausibility(scalars).score, !rarePages.contains(reading.charset), fit, -index)
        }
        let best = scored.indices.max { a, b in
            let (x, y) = (scored[a], scored[b])
            return (x.plausibility, x.isCommon ? 1 : 0, x.fit, x.index) < (y.plausibility, y.isCommon ? 1 : 0, y.fit, y.index)
        }!
        return readings[best]
    }

    /// Whether a reading still has signs glued to the start of words as often as a wrong
    /// code page gives them (Polish in ISO-8859-16, which ICU does not name, read as
    /// ISO-8859-2: `gý÷l˘`): then no reading is the file's.
    static func looksGarbled(_ text: String) -> Bool {
        let found = plausibility(text.unicodeScalars.map(\.value))
        return found.signsBeforeLetters > 0 && found.signsBeforeLetters * 20 >= found.characters
    }

    /// How much the characters beyond ASCII look like text: a letter beside a letter counts
    /// one, an apostrophe between letters too (`it´s`, `don’t`); a capital after a small
    /// letter costs two, a sign before a letter two (`°C`, `«Non»`, `¿Qué` and `l·l`
    /// excepted), a closing quote opening a word one, a capital standing alone (`20 Û`, not
    /// `À`) or the currency sign `¤` (where ISO-8859-15 has `€`) one; `€` counts one.
    static func plausibility(_ scalars: [UInt32]) -> (score: Int, signsBeforeLetters: Int, characters: Int) {
        var (total, glued, characters) = (0, 0, 0)
        for index in scalars.indices where scalars[index] >= 0x80 {
            guard let scalar = Unicode.Scalar(scalars[index]) else { continue }
            characters += 1
            let previous = index > 0 ? Unicode.Scalar(scalars[index - 1]) : nil
            let next = index + 1 < scalars.count ? Unicode.Scalar(scalars[index + 1]) : nil
            let afterLetter = previous.map(isLetter) == true
            let beforeLetter = next.map(isLetter) == true
            if isLetter(scalar) {
                if scalar.properties.isUppercase, previous?.properties.isLowercase == true {
                    total -= 2
                } else if afterLetter || beforeLetter {
                    total += 1
                } else if scalar.properties.isUppercase, !oneLetterWords.contains(scalar) {
                    total -= 1
                }
            } else if apostrophes.contains(scalar) {
                if afterLetter && beforeLetter { total += 1 } else if beforeLetter, scalar == "’" { total -= 1 }
            } else if !signsBeforeLetters.contains(scalar), beforeLetter {
                total -= 2
                glued += 1
            } else if scalar == "¤" {
                total -= 1
            } else if scalar == "€" {
                total += 1
            }
        }
        return (total, glued, characters)
    }

    /// A letter of words: not the ordinal signs `ª` `º` or modifier letters `ˆ` `˜`, which
    /// Mac OS Roman gives for Windows-1252 quotes.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && !(0xAA == scalar.value || 0xBA == scalar.value || (0x2B0...0x2FF).contains(scalar.value))
    }

    private static let apostrophes: Set<Unicode.Scalar> = ["’", "´", "‘", "`"]
    /// Capitals that are words of their own (`À bientôt`, Portuguese `É verdade`).
    private static let oneLetterWords: Set<Unicode.Scalar> = ["À", "É", "Á", "Ó", "Ú", "È", "Ò"]
    /// Signs that stand before words in text.
    private static let signsBeforeLetters: Set<Unicode.Scalar> = [
        "°", "©", "®", "¿", "¡", "·", "«", "»", "‹", "›", "“", "”", "„", "‚", "–", "—", "\u{A0}", "\u{AD}",
    ]
}
