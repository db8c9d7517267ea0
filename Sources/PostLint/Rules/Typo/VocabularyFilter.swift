/// A Bloom filter of the run's ASCII words: says for certain that a string is not one of
/// them, in a few nanoseconds. An unknown English word has some fifty edits per letter,
/// nearly all of which the repository never uses; the filter turns those away before the
/// vocabulary's hash table is asked (which the filter's "maybe" always falls through to,
/// so answers are exactly the vocabulary's).
struct VocabularyFilter: Sendable {
    private let bits: [UInt64]
    private let mask: UInt64

    /// Built once per run, under its own lock (as `KoreanStemIndex.of`).
    static func of(_ vocabulary: Vocabulary) -> VocabularyFilter {
        vocabulary.derived("typo.ascii-word-filter") { [unowned vocabulary] _ in
            Lazy { VocabularyFilter(vocabulary.usages(where: { $0.isASCII }).map { Array($0.word.utf8) }) }
        }.value
    }

    init(_ words: [[UInt8]]) {
        // About 16 bits a word (two probes: ~1.4% false positives), a power of two.
        var size = 1 << 12
        while size < words.count * 16 { size <<= 1 }
        var bits = [UInt64](repeating: 0, count: size / 64)
        let mask = UInt64(size - 1)
        for word in words {
            word.withUnsafeBufferPointer { buffer in
                let (first, second) = Self.probes(Self.hash(buffer), mask)
                bits[Int(first >> 6)] |= 1 << (first & 63)
                bits[Int(second >> 6)] |= 1 << (second & 63)
            }
        }
        self.bits = bits
        self.mask = mask
    }

    /// False when the word is certainly not in the vocabulary.
    func mayContain(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { buffer in
            let (first, second) = Self.probes(Self.hash(buffer), mask)
            return bits[Int(first >> 6)] & (1 << (first & 63)) != 0 && bits[Int(second >> 6)] & (1 << (second & 63)) != 0
        }
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
