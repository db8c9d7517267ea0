/// Chooses among exact readings of a file through near code pages. ICU's guess (and its
/// twin: Windows-1250 `ą` against ISO-8859-2 `š`) is kept unless its reading shows damage
/// that another page's reading does not: signs glued to words (`gro§en`, `c½ur`, `¶νθρωπος`),
/// capitals inside words (`BoxkŠmpfer`, `payÈ`), a capital standing alone (`20 Û`), the
/// currency sign `¤` where ISO-8859-15 has `€`. A reading with no such damage is not
/// outdone by another (`¿Dónde` is not `żDónde`, Windows-1252 quotes `“Hello”` are not Mac
/// OS Roman `ìHelloî`), so ties keep the guess.
enum CodePageChoice {
    typealias Reading = (charset: String, text: String)

    static func choose(guessed: [Reading], alternatives: [Reading]) -> Reading? {
        let base = guessed.count > 1 ? bestTwin(guessed) : guessed.first
        let scored = alternatives.map { (reading: $0, damage: damage(in: $0.text)) }
        guard let fewest = scored.map(\.damage).min() else { return base }
        let best = scored.filter { $0.damage == fewest }
        // Alternatives as good as each other must read the same, or none is sure.
        let sure = Set(best.map(\.reading.text)).count == 1
        if let base {
            let baseDamage = damage(in: base.text)
            guard fewest < baseDamage else { return base }
            // Letters in words, or damage the guess repeats, say the alternative is text
            // (`Мир` in a DOS code page is `Œ¨à` through the guess, `å®‡` through Mac OS Roman).
            guard sure, baseDamage >= 2 || census(best[0].reading.text.unicodeScalars.map(\.value)).lettersInWords >= 2 else { return nil }
            return best[0].reading
        }
        // The guess reads nothing exactly: an alternative needs a clean reading with words
        // in it, and a damaged one beside it to tell it from (a DOS code page read as Mac
        // OS Roman alone is no evidence).
        guard fewest == 0, sure, best.count < scored.count, census(best[0].reading.text.unicodeScalars.map(\.value)).lettersInWords >= 2
        else { return nil }
        return best[0].reading
    }

    /// Of ICU's guess and its twin, the one with less damage, then whose letters fit their
    /// neighbours; the guess on a tie.
    private static func bestTwin(_ readings: [Reading]) -> Reading {
        let groups = Set(readings.compactMap { reading in
            SingleByteCodePage.all.first { $0.icuName.lowercased() == reading.charset.lowercased() }?.languages
        })
        let scored = readings.enumerated().map { index, reading -> (damage: Int, fit: Double, index: Int) in
            let scalars = reading.text.unicodeScalars.map(\.value)
            let fit = RepairLanguageModel.shared.latinFit(scalars, groups: groups) { scalars[$0] >= 0x80 }
            return (-damage(in: reading.text), fit, -index)
        }
        return readings[scored.indices.max { (scored[$0].damage, scored[$0].fit, scored[$0].index) < (scored[$1].damage, scored[$1].fit, scored[$1].index) }!]
    }

    /// Whether a reading still glues foreign signs to words as often as a wrong code page
    /// does (Polish in ISO-8859-16, which ICU does not name, read as ISO-8859-2: `gý÷l˘`).
    static func looksGarbled(_ text: String) -> Bool {
        let found = census(text.unicodeScalars.map(\.value))
        return found.gluedSigns >= 2 && found.gluedSigns * 20 >= found.characters
    }

    static func damage(in text: String) -> Int {
        let found = census(text.unicodeScalars.map(\.value))
        return found.gluedSigns + found.otherDamage
    }

    private static func census(_ scalars: [UInt32]) -> (gluedSigns: Int, otherDamage: Int, characters: Int, lettersInWords: Int) {
        var (glued, other, characters, lettersInWords, signRun) = (0, 0, 0, 0, 0)
        for index in scalars.indices {
            guard scalars[index] >= 0x80, let scalar = Unicode.Scalar(scalars[index]) else {
                signRun = 0
                continue
            }
            characters += 1
            let previous = index > 0 ? Unicode.Scalar(scalars[index - 1]) : nil
            let next = index + 1 < scalars.count ? Unicode.Scalar(scalars[index + 1]) : nil
            let afterLetter = previous.map(isLetter) == true
            let beforeLetter = next.map(isLetter) == true
            // Three signs beyond ASCII in a row (`‡®¢•‚`) are no text.
            signRun = isLetter(scalar) ? 0 : signRun + 1
            if signRun == 3 { other += 1 }
            if isLetter(scalar), afterLetter || beforeLetter { lettersInWords += 1 }
            if isLetter(scalar) {
                if scalar.properties.isUppercase, previous?.properties.isLowercase == true {
                    other += 1
                } else if scalar.properties.isUppercase, !afterLetter, !beforeLetter, !oneLetterWords.contains(scalar),
                    previous?.properties.numericType == nil, next?.properties.numericType == nil
                {
                    other += 1
                }
            } else if foreignSigns.contains(scalar) || (0x2B0...0x2FF).contains(scalar.value) || scalar == "ª" || scalar == "º" {
                // Before a word or inside one; after a word (`nº`, `5¼`) is text.
                if beforeLetter { glued += 1 }
            } else if scalar == "¤" {
                other += 1
            } else if scalar == "’", beforeLetter, !afterLetter {
                other += 1
            } else if scalar == "–", previous?.properties.isLowercase == true, next?.properties.isLowercase == true {
                // An en dash joins words with spaces or numbers, not two halves of one (`Se–or`).
                other += 1
            }
        }
        return (glued, other, characters, lettersInWords)
    }

    /// A letter of words: not the ordinal signs `ª` `º` or modifier letters `ˆ` `˜`, which
    /// Mac OS Roman gives for Windows-1252 quotes.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && !(0xAA == scalar.value || 0xBA == scalar.value || (0x2B0...0x2FF).contains(scalar.value))
    }

    /// Capitals that are words of their own (`À bientôt`, Portuguese `É verdade`).
    private static let oneLetterWords: Set<Unicode.Scalar> = ["À", "É", "Á", "Ó", "Ú", "È", "Ò", "Ô"]
    /// Signs text does not write against a word.
    private static let foreignSigns = Set("§¶¦¨¬¯±×÷¸¼½¾¹²³¢£¥€‰†‡◊√∞≤≥≈≠∂∑∏∫".unicodeScalars)
}
