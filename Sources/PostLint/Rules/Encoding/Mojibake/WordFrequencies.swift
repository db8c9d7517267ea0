/// The word list of `Rules/encoding/word-frequencies.txt` (scripts/generate-word-model.py,
/// from wordfreq's counts, CC BY-SA 4.0): Cyrillic, Greek, Vietnamese and Japanese words
/// with how frequent they are. Each line is a band letter and the word, sorted bytewise,
/// so the list is bisected where the binary holds it, one band after another: it is read
/// only for a word whose repair guessed a dropped byte, and must not cost a clean run
/// anything.
enum WordFrequencies {
    private static let list = SortedWordList.shipped("encoding/word-frequencies.txt")?.list

    /// The band letters the generator writes: `a` + round(2 × Zipf); it keeps Zipf 3 (`g`,
    /// once per million words) and up, and no word reaches Zipf 8 (`q`).
    private static let bands = UInt8(ascii: "g")...UInt8(ascii: "q")

    /// The word's frequency band (higher is more frequent; 0 is once per million words),
    /// looked up in lower case; nil for a word the list does not hold.
    static func band<Letters: Collection>(of letters: Letters) -> Int? where Letters.Element == UInt32 {
        guard let list, letters.count > 1 else { return nil }
        // The band letter goes first; most words are in lower case already.
        var key: [UInt8] = [0]
        key.reserveCapacity(1 + 3 * letters.count)
        var text = String.UnicodeScalarView()
        var needsLowercase = false
        for letter in letters {
            guard let scalar = Unicode.Scalar(letter) else { return nil }
            needsLowercase = needsLowercase || scalar.properties.changesWhenLowercased
            text.append(scalar)
            UTF8.encode(scalar) { key.append($0) }
        }
        if needsLowercase { key = [0] + Array(String(text).lowercased().utf8) }
        for band in bands.reversed() {
            key[0] = band
            if list.contains(key) { return Int(band - bands.lowerBound) }
        }
        return nil
    }
}
