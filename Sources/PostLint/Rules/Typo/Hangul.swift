/// Hangul syllables as jamo, so Korean spellings are compared one consonant or vowel at a
/// time: 셑 and 셋 differ in one final consonant, not in a whole syllable.
enum Hangul {
    static let syllableBase: UInt32 = 0xAC00
    static let syllableLast: UInt32 = 0xD7A3
    static let leadCount: UInt32 = 19
    static let vowelCount: UInt32 = 21
    /// Final consonants, counting "none" as 0.
    static let tailCount: UInt32 = 28

    static func isSyllable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= syllableBase && scalar.value <= syllableLast
    }

    static func isSyllables(_ text: Substring) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy(isSyllable)
    }

    /// (lead, vowel, tail) indexes of a syllable.
    static func parts(_ scalar: Unicode.Scalar) -> (lead: UInt32, vowel: UInt32, tail: UInt32) {
        let index = scalar.value - syllableBase
        return (index / (vowelCount * tailCount), (index % (vowelCount * tailCount)) / tailCount, index % tailCount)
    }

    static func syllable(lead: UInt32, vowel: UInt32, tail: UInt32) -> Unicode.Scalar {
        Unicode.Scalar(syllableBase + (lead * vowelCount + vowel) * tailCount + tail)!
    }
}
