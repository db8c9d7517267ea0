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
    /// each candidate first byte, `memcmp` checks the rest.
    static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return nil }
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            let first = Int32(pattern[0])
            let lastStart = haystack.count - pattern.count
            var start = 0
            while start <= lastStart {
                guard let found = memchr(base + start, first, lastStart - start + 1) else { return nil }
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if memcmp(base + offset, pattern.baseAddress!, pattern.count) == 0 { return offset }
                start = offset + 1
            }
            return nil
        }
    }

    /// Whether `needle` occurs in the bytes with ASCII letters compared case-insensitively
    /// (other bytes exactly): `memchr` finds each candidate first byte in either case.
    static func containsFoldingASCII(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
        let folded = needle.map(lowercased)
        let lastStart = haystack.count - folded.count
        let lower = folded[0]
        let upper = lower &- 0x61 < 26 ? lower - 0x20 : lower
        for first in lower == upper ? [lower] : [lower, upper] {
            var start = 0
            while start <= lastStart {
                guard let found = memchr(base + start, Int32(first), lastStart - start + 1) else { break }
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                var matched = 1
                while matched < folded.count, lowercased(haystack[offset + matched]) == folded[matched] { matched += 1 }
                if matched == folded.count { return true }
                start = offset + 1
            }
        }
        return false
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
