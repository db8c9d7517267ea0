#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes: libc's `memchr` and `memcmp` for exact needles, a plain
/// scan for ASCII-case-insensitive ones. Rules use it to rule out work cheaply (a pattern
/// whose literal is absent cannot match) before any `String` or regex is made.
enum ByteSearch {
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { contains($0, needle) }
    }

    /// The offset of the first occurrence of `needle`, if any: `memchr` (vectorised) finds
    /// each occurrence of the needle's rarest byte, `memcmp` checks the rest around it.
    static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return nil }
        let anchor = rarestIndex(needle, folding: false)
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            let lastStart = haystack.count - pattern.count
            var start = 0
            while start <= lastStart {
                let from = base + start + anchor
                guard let found = memchr(from, Int32(pattern[anchor]), lastStart - start + 1) else { return nil }
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) - anchor
                if memcmp(base + offset, pattern.baseAddress!, pattern.count) == 0 { return offset }
                start = offset + 1
            }
            return nil
        }
    }

    /// Whether `needle` occurs in the bytes with ASCII letters compared case-insensitively
    /// (other bytes exactly): `memchr` finds each occurrence of its rarest byte, in either
    /// case.
    static func containsFoldingASCII(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        let folded = needle.map(lowercased)
        let lastStart = haystack.count - folded.count
        let anchor = rarestIndex(folded, folding: true)
        let lower = folded[anchor]
        let upper = lower &- 0x61 < 26 ? lower - 0x20 : lower
        for byte in lower == upper ? [lower] : [lower, upper] {
            var start = 0
            while start <= lastStart {
                guard let found = memchr(base + start + anchor, Int32(byte), lastStart - start + 1) else { break }
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) - anchor
                var matched = 0
                while matched < folded.count, lowercased(haystack[offset + matched]) == folded[matched] { matched += 1 }
                if matched == folded.count { return true }
                start = offset + 1
            }
        }
        return false
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
    static func commonness(_ byte: UInt8) -> Int {
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
