#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes: libc's `memchr` and `memcmp` for exact needles, a plain
/// scan for ASCII-case-insensitive ones. Rules use it to rule out work cheaply (a pattern
/// whose literal is absent cannot match) before any `String` or regex is made.
enum ByteSearch {
    /// A needle prepared once for many searches: its bytes (ASCII letters lower-cased
    /// when folding) and the index of its rarest byte, the one `memchr` looks for.
    struct Needle: Sendable, Equatable {
        let bytes: [UInt8]
        let anchor: Int
        let folding: Bool

        init(_ needle: [UInt8], folding: Bool) {
            bytes = folding ? needle.map(ByteSearch.lowercased) : needle
            anchor = ByteSearch.rarestIndex(bytes, folding: folding)
            self.folding = folding
        }

        /// The offset of the first occurrence in `haystack` (ASCII letters compared
        /// case-insensitively when folding, other bytes exactly).
        func firstIndex(in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
            guard !bytes.isEmpty else { return 0 }
            guard haystack.count >= bytes.count else { return nil }
            let lower = bytes[anchor]
            let found = firstIndex(anchoredBy: lower, in: haystack, before: haystack.count)
            let upper = folding && lower &- 0x61 < 26 ? lower - 0x20 : lower
            guard upper != lower else { return found }
            return firstIndex(anchoredBy: upper, in: haystack, before: found ?? haystack.count) ?? found
        }

        /// The first match starting before `limit` whose anchor byte is `byte`.
        private func firstIndex(anchoredBy byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>, before limit: Int) -> Int? {
            let base = haystack.baseAddress!
            let lastStart = min(haystack.count - bytes.count, limit - 1)
            var start = 0
            while start <= lastStart {
                guard let found = memchr(base + start + anchor, Int32(byte), lastStart - start + 1) else { return nil }
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) - anchor
                if matches(at: offset, in: haystack) { return offset }
                start = offset + 1
            }
            return nil
        }

        private func matches(at offset: Int, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
            if !folding {
                return bytes.withUnsafeBufferPointer { memcmp(haystack.baseAddress! + offset, $0.baseAddress!, $0.count) == 0 }
            }
            var matched = 0
            while matched < bytes.count, ByteSearch.lowercased(haystack[offset + matched]) == bytes[matched] { matched += 1 }
            return matched == bytes.count
        }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { contains($0, needle) }
    }

    /// The offset of the first occurrence of `needle`, if any: `memchr` (vectorised) finds
    /// each occurrence of the needle's rarest byte, `memcmp` checks the rest around it.
    static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        Needle(needle, folding: false).firstIndex(in: haystack)
    }

    /// The index of the needle byte least likely in posts (English and Korean prose,
    /// Markdown): searching for it stops `memchr` least often.
    static func rarestIndex(_ needle: [UInt8], folding: Bool) -> Int {
        var best = 0
        var bestScore = Int.max
        for (index, byte) in needle.enumerated() {
            let score = commonness(folding ? lowercased(byte) : byte) * (folding && byte &- 0x61 < 26 ? 2 : 1)
            if score < bestScore {
                best = index
                bestScore = score
            }
        }
        return best
    }

    /// A rough frequency rank of a byte in posts: higher is more common.
    static func commonness(_ byte: UInt8) -> Int { commonnessTable[Int(byte)] }

    private static let commonnessTable: [Int] = (0...255).map { value in
        let byte = UInt8(value)
        switch byte {
        case 0x20: return 100
        case 0x80...0xBF: return 60  // UTF-8 continuation bytes: every Hangul syllable has two
        case 0xEA...0xED: return 50  // Hangul lead bytes
        case 0xC0...0xFF: return 5
        case 0x61...0x7A:
            let order: [UInt8] = Array("etaoinshrdlcumwfgypbvkjxqz".utf8)
            return 90 - 3 * (order.firstIndex(of: byte) ?? 25)
        case 0x41...0x5A: return 10
        case 0x30...0x39: return 15
        case 0x0A, 0x2C, 0x2E, 0x2D: return 30
        default: return 3
        }
    }

    /// Whether any of `bytes` occurs, each found with `memchr`; `verify` confirms a hit at
    /// an offset (for multi-byte sequences).
    static func containsAny(of bytes: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, where verify: (Int) -> Bool) -> Bool {
        guard let base = haystack.baseAddress else { return false }
        for byte in bytes {
            var start = 0
            while start < haystack.count {
                guard let found = memchr(base + start, Int32(byte), haystack.count - start) else { break }
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if verify(offset) { return true }
                start = offset + 1
            }
        }
        return false
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}

extension ByteSearch {
    /// The index of the first byte at or after `start` (and before `end`) that is not
    /// ASCII, or `end`. Eight bytes are tested at a time: most of a post is ASCII, and the
    /// scanners that care only about other characters pass over it here.
    @inline(__always)
    static func firstNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= end {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
        }
        while index < end, bytes[index] < 0x80 { index += 1 }
        return index
    }
}
