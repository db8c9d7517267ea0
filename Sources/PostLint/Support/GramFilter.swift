/// A Bloom filter of the four-byte sequences of a text, with ASCII letters lower-cased: a
/// literal holding a sequence the filter lacks cannot occur in the text, exactly or folded.
/// One pass over a post answers every literal of every pattern, where searching for an
/// absent literal scans the whole post once per literal, stopping at each occurrence of
/// its rarest byte (for `translat` folded, at every `l` and `L`).
struct GramFilter: Sendable {
    private static let bitCount = 1 << 18
    /// `bitCount` bits: at ~20,000 distinct sequences in a post, a sequence the post lacks
    /// finds its bit set about one time in thirteen, and a literal has several sequences.
    private let bits: [UInt64]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        bits = [UInt64](unsafeUninitializedCapacity: Self.bitCount / 64) { words, count in
            words.initialize(repeating: 0)
            count = Self.bitCount / 64
            guard bytes.count >= 4, let base = bytes.baseAddress else { return }
            var gram = UInt32(Self.folded(base[0])) << 16 | UInt32(Self.folded(base[1])) << 8 | UInt32(Self.folded(base[2]))
            for index in 3..<bytes.count {
                gram = gram << 8 | UInt32(Self.folded(base[index]))
                let bit = Self.bit(gram)
                words[bit >> 6] |= 1 << UInt64(bit & 63)
            }
        }
    }

    /// The bits of a literal's sequences, for `mayContain`; none for a literal under four
    /// bytes (the filter says nothing about it).
    static func signature(of literal: [UInt8]) -> [Int] {
        guard literal.count >= 4 else { return [] }
        return (3..<literal.count).map { end in
            bit(literal[end - 3...end].reduce(UInt32(0)) { $0 << 8 | UInt32(folded($1)) })
        }
    }

    /// Whether every bit of `signature` is set: false proves the literal absent.
    func mayContain(_ signature: [Int]) -> Bool {
        bits.withUnsafeBufferPointer { words in
            signature.allSatisfy { words[$0 >> 6] >> UInt64($0 & 63) & 1 != 0 }
        }
    }

    @inline(__always)
    private static func bit(_ gram: UInt32) -> Int {
        Int(truncatingIfNeeded: (gram &* 0x9E37_79B1) >> 14)
    }

    @inline(__always)
    private static func folded(_ byte: UInt8) -> UInt8 { ByteSearch.lowercased(byte) }
}
