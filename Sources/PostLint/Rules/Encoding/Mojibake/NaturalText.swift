/// Whether characters a code page would turn back into bytes read as ordinary text where
/// they stand: letters of one alphabet in a plausible case pattern, with the typographic
/// punctuation prose puts beside words, continuing the word around them or forming one.
///
/// By chance, such text can spell valid UTF-8: Ukrainian `дії` through Windows-1251 is
/// E4 B3 BF (`䳿`), French `arrivé…»` through Windows-1252 ends in E9 85 BB (`酻`), Russian
/// `её»` gives `帻`, `Её` gives `Ÿ`. Real mojibake rarely looks like this: its runs hold
/// symbols (`©`, `€`, `™`, `°`, `¼`), put a capital after a small letter (`CafÃ©`,
/// `ğŸ‘`, `moĹĽna`), mix alphabets inside a word (`fΓΌr`), or come back as several
/// characters, or as a letter of the word's own alphabet (`Ãœber` is `Über`).
enum NaturalText {
    /// Punctuation and spaces that sit next to words in prose (no-break space, ellipsis,
    /// guillemets, curly quotes, dashes).
    static let punctuation: Set<UInt32> = [0xA0, 0x2026, 0xAB, 0xBB, 0x201C, 0x201D, 0x2018, 0x2019, 0x201E, 0x2013, 0x2014]

    /// A reading of a run that reads as text which recovers one character, or guesses
    /// dropped bytes, and gives only letters of another alphabet (`дії` → `䳿`, `sí…”` →
    /// `텔`, `Её` → `Ÿ`): the text was right. Not so when the reading gives a symbol, an emoji
    /// or punctuation (`âœ…` → ✅, `Â«` → «: what damage gives back), when the post shows
    /// the recovered letters' script elsewhere (a Korean post), or when the run holds two
    /// accented Latin letters in a row (`ìš”` → 요), which words seldom do and damage does.
    static func isChanceReading(
        _ reading: MojibakeDecoder.Reading, of run: [UInt32], between before: UInt32?, and after: UInt32?, shown: DocumentScripts
    ) -> Bool {
        if isQuotedWord(reading, of: run, after: before) { return true }
        guard reading.recovered == 1 || reading.restoredBytes > 0,
            let text = textRun(run, between: before, and: after)
        else { return false }
        let recovered = reading.recoveredScalars
        guard recovered.allSatisfy({ ScriptClass($0).map { $0 != text.script } ?? false }), !recovered.contains(where: shown.contains)
        else { return false }
        return text.script != .latin || text.letters == 1 || reading.restoredBytes > 0
    }

    /// A run that opens with a quotation mark where a word starts and closes with one, with
    /// text between (`„Çà“`, `»ô…«`), read as a character that swallows the opening mark and
    /// keeps the closing one: a quoted word. Mac OS Roman puts quotes at UTF-8 lead bytes
    /// (`„` is E3, `»` is C8), so quoted text spells `よ` or `ș` by chance.
    static func isQuotedWord(_ reading: MojibakeDecoder.Reading, of run: [UInt32], after before: UInt32?) -> Bool {
        guard run.count >= 3, let first = run.first, let last = run.last, openingQuotes.contains(first), closingQuotes.contains(last),
            !(before.map(isWordCharacter) ?? false),
            reading.isRecovered.first == true, reading.isRecovered.last == false, reading.scalars.last == last
        else { return false }
        return run.dropFirst().dropLast().allSatisfy { punctuation.contains($0) || isAlphabetLetter($0) }
    }

    /// Two signs standing alone (`√∑`, `≈≠`, `¬®` between spaces), which Mac OS Roman reads
    /// as one character other than a letter that is a word of its own (`√†` is French `à`)
    /// or a sign prose writes on its own (`¬©` is `©`, `¬∞` is `°`): it puts math signs at
    /// UTF-8 lead bytes, so a line of math spells `÷`, `ŭ` or `¨` by chance. Damage leaves
    /// such a pair inside a word, beside a number (`25¬∞C`), in a line with other damage, or
    /// in a post with strong damage through the same code page.
    static func isLoneSymbolPair(_ run: [UInt32], reading: MojibakeDecoder.Reading, between before: UInt32?, and after: UInt32?) -> Bool {
        guard run.count == 2, !run.contains(where: isLetter), ![before, after].contains(where: { $0.map(isWordCharacter) ?? false }) else {
            return false
        }
        return !reading.scalars.allSatisfy { (0xC0...0xFF).contains($0) && isLetter($0) || proseSigns.contains($0) }
    }

    /// Signs prose writes standing alone: © ® ° · ± « » £ ¡ ¿ ¶ § ½ ¼ ¾ ¢ ¥ ×.
    private static let proseSigns: Set<UInt32> = [0xA9, 0xAE, 0xB0, 0xB7, 0xB1, 0xAB, 0xBB, 0xA3, 0xA1, 0xBF, 0xB6, 0xA7, 0xBD, 0xBC, 0xBE, 0xA2, 0xA5, 0xD7]

    private static let openingQuotes: Set<UInt32> = [0x201E, 0x201A, 0x201C, 0x2018, 0xAB, 0xBB]
    private static let closingQuotes: Set<UInt32> = [0x201C, 0x201D, 0x2018, 0x2019, 0xAB, 0xBB]

    private static func isLetter(_ scalar: UInt32) -> Bool { ScriptClass.isLetter(scalar) }

    private static func isWordCharacter(_ scalar: UInt32) -> Bool {
        guard let value = Unicode.Scalar(scalar) else { return false }
        return value.properties.isAlphabetic || value.properties.numericType != nil
    }

    /// The alphabet of a run that reads as text and how many letters it holds; nil when
    /// it does not read as text.
    static func textRun(_ run: [UInt32], between before: UInt32?, and after: UInt32?) -> (script: ScriptClass, letters: Int)? {
        var script: ScriptClass?
        var letters = 0
        // The letter before the run counts for the case pattern when it is of the run's script.
        var previous = before.flatMap { isAlphabetLetter($0) ? $0 : nil }
        var punctuationAfterLetter = false
        for scalar in run {
            if punctuation.contains(scalar) {
                punctuationAfterLetter = punctuationAfterLetter || previous != nil
                previous = nil
                continue
            }
            // Quotes and dashes stand between words, not inside one (`đź‘Ť` is 👍), and a
            // Cyrillic or Greek letter the languages' counts never saw (Serbian `њ` in `вњ…`,
            // which is ✅) is no letter of the text around it.
            guard !punctuationAfterLetter, isAlphabetLetter(scalar), let letterScript = ScriptClass(scalar),
                letterScript == .latin || RepairLanguageModel.shared.letterCost(scalar) != nil
            else { return nil }
            if let script, script != letterScript { return nil }
            script = letterScript
            if let previous, ScriptClass(previous) == letterScript, isLowercase(previous), isUppercase(scalar) { return nil }
            previous = scalar
            letters += 1
        }
        guard let script else { return nil }
        // Glued to a letter of another alphabet, the run is no word of its own (`fΓΌr`).
        let neighbours = [before, after].compactMap { $0 }.filter { ScriptClass($0) != nil }
        if neighbours.contains(where: { ScriptClass($0) != script }) { return nil }
        if let last = run.last, let after, isAlphabetLetter(after), isLowercase(last), isUppercase(after) { return nil }
        return !neighbours.isEmpty || letters >= 2 ? (script, letters) : nil
    }

    /// A reading that writes two letters of different alphabets side by side, one of them
    /// recovered: no word is written so (`ê¹ƒí—™` read as Mac OS Roman from `ƒ` on gives
    /// `ĒѪ`, where Windows-1252 reads the whole run as `깃헙`).
    static func mixesAlphabets(_ reading: MojibakeDecoder.Reading) -> Bool {
        let scalars = reading.scalars
        for index in scalars.indices.dropFirst() where reading.isRecovered[index] || reading.isRecovered[index - 1] {
            guard isAlphabetLetter(scalars[index - 1]), isAlphabetLetter(scalars[index]) else { continue }
            if ScriptClass(scalars[index - 1]) != ScriptClass(scalars[index]) { return true }
        }
        return false
    }

    /// A letter of Latin, Greek or Cyrillic (the alphabets whose case patterns tell text
    /// from damage).
    private static func isAlphabetLetter(_ scalar: UInt32) -> Bool {
        guard let script = ScriptClass(scalar) else { return false }
        return script == .latin || script == .greek || script == .cyrillic
    }

    static func isLowercase(_ scalar: UInt32) -> Bool { Unicode.Scalar(scalar)?.properties.isLowercase ?? false }
    static func isUppercase(_ scalar: UInt32) -> Bool { Unicode.Scalar(scalar)?.properties.isUppercase ?? false }
}

/// Whether a post holds Hangul or CJK ideographs of its own (outside any damage, which
/// single-byte code pages never write as either): then a repair that gives them is
/// believable in the post's language.
struct DocumentScripts {
    let hasHangul: Bool
    let hasCJK: Bool

    /// A post that shows neither.
    static let none = DocumentScripts(hasHangul: false, hasCJK: false)

    private init(hasHangul: Bool, hasCJK: Bool) {
        self.hasHangul = hasHangul
        self.hasCJK = hasCJK
    }

    init(_ utf8: [UInt8]) {
        // Lead bytes: EA...ED start Hangul syllables (U+AC00...U+D7A3), E3...E9 kana and ideographs.
        hasHangul = utf8.contains { (0xEA...0xED).contains($0) }
        hasCJK = utf8.contains { (0xE3...0xE9).contains($0) }
    }

    func contains(_ scalar: UInt32) -> Bool {
        RepairLanguageModel.isHangulSyllable(scalar) ? hasHangul : RepairLanguageModel.isCJK(scalar) && hasCJK
    }
}
