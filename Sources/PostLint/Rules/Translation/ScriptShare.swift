import ICUShim

/// The writing systems postlint can ask ICU about, by the names rule files use.
public enum Script: String, Sendable, CaseIterable {
    case hangul = "Hangul", han = "Han", hiragana = "Hiragana", katakana = "Katakana"
    case latin = "Latin", cyrillic = "Cyrillic", greek = "Greek", arabic = "Arabic"
    case hebrew = "Hebrew", thai = "Thai", devanagari = "Devanagari"

    /// ICU's UScriptCode.
    var code: Int32 {
        switch self {
        case .arabic: 2
        case .cyrillic: 8
        case .devanagari: 10
        case .greek: 14
        case .han: 17
        case .hangul: 18
        case .hebrew: 19
        case .hiragana: 20
        case .katakana: 22
        case .latin: 25
        case .thai: 38
        }
    }

    public init?(name: String) {
        guard let script = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else { return nil }
        self = script
    }
}

/// How much of a piece of prose is written in a set of scripts, counted in words: a
/// word counts for the scripts when any of its letters is in them. Counting words, not
/// letters, keeps Latin model names inside Korean sentences (`LLaMA를 미세 조정한다`)
/// from outweighing the Korean around them.
public struct ScriptShare: Sendable {
    /// Words that hold at least one letter.
    public private(set) var words = 0
    /// Of those, words with a letter in the expected scripts.
    public private(set) var expectedWords = 0

    public init(_ text: String, expected: [Script]) {
        self.init(text, expected: expected, stopAtFirstExpectedWord: false)
    }

    /// `stopAtFirstExpectedWord`: stop counting once a word in the scripts is seen, for a
    /// caller that only asks whether there is none (the counts are then partial).
    init(_ text: String, expected: [Script], stopAtFirstExpectedWord: Bool) {
        let codes = Set(expected.map(\.code))
        let latinExpected = codes.contains(Script.latin.code)
        let hangulExpected = codes.contains(Script.hangul.code)
        var hasLetter = false
        var hasExpected = false
        // Words are runs between whitespace scalars; a word counts for the scripts when one
        // of its letters is in them. ASCII is decided without asking ICU.
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value == 0x20 || (0x09...0x0D).contains(value) {
                    endWord(&hasLetter, &hasExpected)
                    if stopAtFirstExpectedWord, expectedWords > 0 { return }
                } else if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) {
                    hasLetter = true
                    if latinExpected { hasExpected = true }
                }
                continue
            }
            if (0xAC00...0xD7A3).contains(value) {
                // A precomposed Hangul syllable: a letter, in Hangul.
                hasLetter = true
                if hangulExpected { hasExpected = true }
                continue
            }
            let properties = scalar.properties
            if properties.isWhitespace {
                endWord(&hasLetter, &hasExpected)
                if stopAtFirstExpectedWord, expectedWords > 0 { return }
            } else if properties.isAlphabetic {
                hasLetter = true
                if !hasExpected, codes.contains(plicu_script(Int32(value))) { hasExpected = true }
            }
        }
        endWord(&hasLetter, &hasExpected)
    }

    private mutating func endWord(_ hasLetter: inout Bool, _ hasExpected: inout Bool) {
        if hasLetter { words += 1 }
        if hasExpected { expectedWords += 1 }
        hasLetter = false
        hasExpected = false
    }

    public var share: Double { words == 0 ? 1 : Double(expectedWords) / Double(words) }

    /// How many letters of the text are in the scripts (a measure of length that works for
    /// Japanese and Chinese, which put no spaces between words).
    static func letters(in text: String, of scripts: [Script]) -> Int {
        let codes = Set(scripts.map(\.code))
        return text.unicodeScalars.reduce(0) { count, scalar in
            scalar.properties.isAlphabetic && codes.contains(plicu_script(Int32(scalar.value))) ? count + 1 : count
        }
    }
}
