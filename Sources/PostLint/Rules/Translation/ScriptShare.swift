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
        let codes = Set(expected.map(\.code))
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            var hasLetter = false
            var hasExpected = false
            for scalar in word.unicodeScalars where scalar.properties.isAlphabetic {
                hasLetter = true
                if codes.contains(plicu_script(Int32(scalar.value))) {
                    hasExpected = true
                    break
                }
            }
            if hasLetter { words += 1 }
            if hasExpected { expectedWords += 1 }
        }
    }

    public var share: Double { words == 0 ? 1 : Double(expectedWords) / Double(words) }
}
