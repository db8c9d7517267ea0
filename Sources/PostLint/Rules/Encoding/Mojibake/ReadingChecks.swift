/// The tests a single reading of a run must pass besides its cost: what it gives back
/// (whole text, a capital where one belongs) and where it stands (beside letters of its
/// own script, inside a word).
extension MojibakeRepair {
    /// Letters of any script and believable characters, and marks after them (a vowel sign,
    /// an emoji's variation selector).
    static func isWholeText(_ scalars: [UInt32], believable: (UInt32) -> Bool) -> Bool {
        var afterBase = false
        for value in scalars {
            guard let scalar = Unicode.Scalar(value) else { return false }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter: afterBase = true
            case .nonspacingMark, .spacingMark, .enclosingMark: if !afterBase { return false }
            default:
                guard believable(value) else { return false }
                afterBase = true
            }
        }
        return true
    }

    /// What a recovered capital letter costs right after a lowercase one (`cafÊ`, `brÝler`).
    /// Two code pages often read a run as letters the model scores alike, one of them in the
    /// wrong case: ISO-8859-2 and Windows-1250 hold `Š` and `ť` at different bytes, so
    /// `cafĂŠ` is `café` through one and `cafÊ` through the other.
    static let capitalInsideWordCost = 3.0

    static func caseCost(_ reading: MojibakeDecoder.Reading, after before: UInt32?) -> Double {
        var cost = 0.0
        for index in reading.scalars.indices where reading.isRecovered[index] {
            guard Unicode.Scalar(reading.scalars[index])?.properties.isUppercase == true,
                let previous = (index > 0 ? reading.scalars[index - 1] : before).flatMap(Unicode.Scalar.init),
                previous.properties.isLowercase
            else { continue }
            cost += capitalInsideWordCost
        }
        return cost
    }

    /// Quotes, dashes and trademark signs that may follow a word in capitals (built once:
    /// every run read asks).
    private static let closingMarks: Set<UInt32> = [
        0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0xAB, 0xBB, 0x2039, 0x203A, 0x2013, 0x2014, 0x2026, 0x2122, 0xAE,
    ]

    /// A capital letter inside a word in capitals, followed by a double quote or trademark
    /// sign that ends the word, or by a dash, ellipsis or apostrophe (`ȚARĂ”` in Windows-1250
    /// would read as `ȚARÔ`, `KOINÈ™` in Windows-1252 as `KOINș`): normal text far more often
    /// than mojibake, so it needs evidence from elsewhere. (`brÃ»ler` is mojibake: the letter
    /// follows lowercase; so are `PÅ™ed` and `DIRETÃ“RIO`: the word goes on after the quote
    /// or sign. After a dash it may be the next word: `NÄ—ra` stays without evidence, and
    /// so must `ȚARĂ—și`.)
    static func isCapitalAndQuote(_ run: ArraySlice<Character>, between previous: UInt32?, and next: UInt32?) -> Bool {
        guard run.count == 2, let last = run.last, closingMarks.contains(last.scalar), let previous, let letter = Unicode.Scalar(previous) else {
            return false
        }
        // A dash or an ellipsis joins a word in capitals to the next (`AMANHÃ–TARDE`,
        // `ȚARĂ—și`), and an apostrophe its ending (`AMANHÃ’s`); a double quote or a trademark
        // sign does not stand before the rest of its word.
        let wordGoesOn = next.map(ScriptClass.isLetter) ?? false
        return letter.properties.isUppercase && (!wordGoesOn || wordJoiningMarks.contains(last.scalar))
    }

    private static let wordJoiningMarks: Set<UInt32> = [0x2013, 0x2014, 0x2026, 0x2018, 0x2019, 0x201A]

    /// Whether a weak reading's letter would sit next to a letter of another script
    /// (`L’été` through Mac OS Roman would give Armenian `LՎté`).
    /// Korean and CJK next to Latin is normal (`TYPE을`, `API를`).
    static func isForeign(_ reading: MojibakeDecoder.Reading, between before: UInt32?, and after: UInt32?) -> Bool {
        guard let first = reading.scalars.first, let last = reading.scalars.last else { return false }
        return [(before, first), (after, last)].contains { neighbour, edge in
            guard let neighbour, let a = ScriptClass(neighbour), let b = ScriptClass(edge) else { return false }
            let eastAsian: [ScriptClass] = [.hangul, .cjk]
            if a == .latin && eastAsian.contains(b) || b == .latin && eastAsian.contains(a) { return false }
            return a != b
        }
    }

    /// A combining accent right after the letter it composes with into a letter of European
    /// text: text saved decomposed (as macOS does) keeps `é` as `e` and U+0301 (CC 81),
    /// which Windows-1252 shows as `eÌ` and a C1 control, and `è` as `eÌ€`.
    static func isAccentOfDecomposedText(_ mark: UInt32, after letter: UInt32?) -> Bool {
        guard RepairLanguageModel.combiningAccents.contains(mark), let letter, ScriptClass(letter) == .latin,
            let base = Unicode.Scalar(letter), let accent = Unicode.Scalar(mark),
            let composed = UnicodeNormalizationRule.nfc(String(String.UnicodeScalarView([base, accent]))),
            composed.unicodeScalars.count == 1, let single = composed.unicodeScalars.first
        else { return false }
        return RepairLanguageModel.isCommonLatin(single.value)
    }

    /// A weak reading (see `MojibakeDecoder.Reading.isWeak`), unless its letter is one a
    /// living language writes inside words, it is inside one that is not in capitals, and
    /// the run holds no prose punctuation: `LÉ™nkÉ™ran` is Azerbaijani `Lənkəran`; a lone
    /// `É™` is not `ə`, nor is `CAFÉ™s` (a brand) or Vietnamese `Dạ…ông` (Mac OS Roman
    /// reads `…ô` as `ə`). `letters` are the two characters before the run.
    static func isWeak(
        _ reading: MojibakeDecoder.Reading, of run: ArraySlice<Character>, after letters: (UInt32?, UInt32?), before after: UInt32?
    ) -> Bool {
        guard reading.isWeak, let letter = reading.recoveredScalars.first else { return false }
        if isAccentOfDecomposedText(letter, after: letters.1) { return false }
        let isLatin = { (scalar: UInt32?) in scalar.map { ScriptClass($0) == .latin } ?? false }
        let isCapital = { (scalar: UInt32?) in scalar.map(NaturalText.isUppercase) ?? false }
        let insideWord = isLatin(letters.1) && isLatin(after) && !(isCapital(letters.0) && isCapital(letters.1))
        return !(RepairLanguageModel.isLatinWordLetter(letter) && insideWord && !run.contains { NaturalText.punctuation.contains($0.scalar) })
    }

    /// Whether a weak reading's letters belong to the modern Greek or Cyrillic alphabets or
    /// to the letters the language counts know (what is not a letter, `«`, passes). A later
    /// round reads what the first repaired, where a lone letter (`в`, `ΰ`) is double damage
    /// only if languages use it: `Сі`, repaired from `РЎС–`, would read again as archaic `ѳ`.
    func isKnownLetter(_ reading: MojibakeDecoder.Reading) -> Bool {
        reading.recoveredScalars.allSatisfy { scalar in
            ScriptClass(scalar) == nil || RepairLanguageModel.isAlphabetLetter(scalar) || model.letterCost(scalar) != nil
        }
    }

    /// The scripts of the letters a reading recovered.
    static func letterScripts(of reading: MojibakeDecoder.Reading) -> Set<ScriptClass> {
        Set(reading.recoveredScalars.compactMap(ScriptClass.init))
    }

    /// The scripts strong evidence shows: letters of a known script (a modifier letter such
    /// as `ᵢ` shows none).
    static func evidenceScripts(of reading: MojibakeDecoder.Reading) -> Set<ScriptClass> {
        letterScripts(of: reading).subtracting([.other])
    }
}

/// What the checks above ask of a reading: what it recovered, how strong it is as evidence,
/// whether it touches a letter kept as it was.
extension MojibakeDecoder.Reading {
    /// The characters the reading recovered, in order (the kept ones left out).
    var recoveredScalars: [UInt32] {
        zip(scalars, isRecovered).compactMap { $1 ? $0 : nil }
    }

    /// One recovered character from two bytes outside Latin: `’é` read through Mac OS Roman
    /// gives Armenian `Վ`. Such a reading is believed only when the document shows other,
    /// stronger damage through the same code page.
    var isWeak: Bool {
        guard recovered == 1, let index = isRecovered.firstIndex(of: true) else { return false }
        let scalar = scalars[index]
        return scalar < 0x800 && !RepairLanguageModel.isCommonLatin(scalar)
    }

    /// Whether the evidence is strong: several recovered characters, or one from three or
    /// four bytes.
    var isStrong: Bool {
        recovered > 1 || zip(scalars, isRecovered).contains { $1 && $0 >= 0x800 }
    }

    /// Whether a recovered character sits right next to a letter kept as it was. Real
    /// damage turns whole words into mojibake, so `ЛЕВ»` (Russian capitals and a quote) is
    /// not `ЛЕ` followed by a repaired `»`.
    var touchesKeptLetter: Bool {
        for index in scalars.indices where isRecovered[index] {
            for neighbour in [index - 1, index + 1] where scalars.indices.contains(neighbour) && !isRecovered[neighbour] {
                if ScriptClass.isLetter(scalars[neighbour]) { return true }
            }
        }
        return false
    }
}
