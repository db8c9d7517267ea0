/// The word list of `Rules/encoding/word-frequencies.txt` (scripts/generate-word-model.py,
/// from wordfreq's counts, CC BY-SA 4.0): Cyrillic, Greek, Vietnamese and Japanese words
/// with how frequent they are. Each line is a band letter and the word, sorted bytewise,
/// so the list is bisected where the binary holds it, one band after another: it is read
/// only for a word whose repair guessed a dropped byte, and must not cost a clean run
/// anything.
enum WordFrequencies {
    private static let list = SortedWordList.shipped("encoding/word-frequencies.txt")?.list

    /// The band letters the generator writes: `a` + round(2 × Zipf); Zipf 3 (once per million words) is `g`.
    private static let bands = UInt8(ascii: "a")...UInt8(ascii: "t")

    /// The word's frequency band (higher is more frequent; 6 is once per million words),
    /// looked up in lower case; nil for a word the list does not hold.
    static func band<Letters: Collection>(of letters: Letters) -> Int? where Letters.Element == UInt32 {
        guard let list, letters.count > 1 else { return nil }
        var word = String.UnicodeScalarView()
        for letter in letters {
            guard let scalar = Unicode.Scalar(letter) else { return nil }
            word.append(scalar)
        }
        let key = Array(String(word).lowercased().utf8)
        for band in bands.reversed() where list.contains([band] + key) {
            return Int(band - bands.lowerBound)
        }
        return nil
    }
}
