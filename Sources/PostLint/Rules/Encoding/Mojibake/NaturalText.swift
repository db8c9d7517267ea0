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
    /// dropped bytes, and gives no letter of the run's alphabet: the text was right, and
    /// only a document with other damage through the code page makes the reading believable.
    static func isChanceReading(_ reading: MojibakeDecoder.Reading, of run: [UInt32], between before: UInt32?, and after: UInt32?) -> Bool {
        guard reading.recovered == 1 || reading.restoredBytes > 0,
            let script = script(ofTextRun: run, between: before, and: after)
        else { return false }
        return !zip(reading.scalars, reading.isRecovered).contains { $1 && ScriptClass($0) == script }
    }

    /// The alphabet of a run that reads as text, nil when it does not.
    static func script(ofTextRun run: [UInt32], between before: UInt32?, and after: UInt32?) -> ScriptClass? {
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
        return !neighbours.isEmpty || letters >= 2 ? script : nil
    }

    /// A letter of Latin, Greek or Cyrillic (the alphabets whose case patterns tell text
    /// from damage).
    private static func isAlphabetLetter(_ scalar: UInt32) -> Bool {
        guard let script = ScriptClass(scalar) else { return false }
        return script == .latin || script == .greek || script == .cyrillic
    }

    private static func isLowercase(_ scalar: UInt32) -> Bool { Unicode.Scalar(scalar)?.properties.isLowercase ?? false }
    private static func isUppercase(_ scalar: UInt32) -> Bool { Unicode.Scalar(scalar)?.properties.isUppercase ?? false }
}
