/// A Bloom filter of words: says for certain that a string is not one of them, in a few
/// nanoseconds. An unknown English word has some fifty edits per letter, nearly all of
/// which are no word at all; the filter turns those away before a hash table or a word
/// list is asked (which the filter's "maybe" always falls through to, so answers are
/// exactly theirs).
struct WordFilter: Sendable {
    private let bits: [UInt64]
    private let mask: UInt64

    /// The run's ASCII words, built once per run under its own lock (as `KoreanStemIndex.of`).
    static func of(_ vocabulary: Vocabulary) -> WordFilter {
        vocabulary.derived("typo.ascii-word-filter") { [unowned vocabulary] _ in
            Lazy {
                WordFilter(count: vocabulary.distinctWordCount) { add in
                    vocabulary.forEachWord(leadBytes: 0...0x7F, where: { $0.isASCII }) { word, _ in add(word) }
                }
            }
        }.value
    }

    init(_ words: [[UInt8]]) {
        self.init(count: words.count) { add in
            for word in words { word.withUnsafeBufferPointer(add) }
        }
    }

    /// `count` words (about), which `forEachWord` hands to the closure it is given.
    init(count: Int, _ forEachWord: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        // About 16 bits a word (two probes: ~1.4% false positives), a power of two.
        var size = 1 << 12
        while size < count * 16 { size <<= 1 }
        var bits = [UInt64](repeating: 0, count: size / 64)
        let mask = UInt64(size - 1)
        forEachWord { word in
            let (first, second) = Self.probes(Self.hash(word), mask)
            bits[Int(first >> 6)] |= 1 << (first & 63)
            bits[Int(second >> 6)] |= 1 << (second & 63)
        }
        self.bits = bits
        self.mask = mask
    }

    /// False when the word is certainly not one of the filter's.
    func mayContain(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer(mayContain)
    }

    func mayContain(_ word: String) -> Bool {
        var word = word
        return word.withUTF8(mayContain)
    }

    func mayContain(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let (first, second) = Self.probes(Self.hash(word), mask)
        return bits[Int(first >> 6)] & (1 << (first & 63)) != 0 && bits[Int(second >> 6)] & (1 << (second & 63)) != 0
    }

    /// FNV-1a, 64 bits.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    private static func probes(_ hash: UInt64, _ mask: UInt64) -> (UInt64, UInt64) {
        let mixed = ((hash >> 32) | (hash << 32)) &* 0x9E37_79B9_7F4A_7C15
        return (hash & mask, (mixed >> 20) & mask)
    }
}
