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

    /// Whether `needle` (ASCII; compared with ASCII letters folded) occurs in the bytes.
    static func containsFoldingASCII(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let folded = needle.map(lowercased)
        let first = folded[0]
        let last = haystack.count - folded.count
        var index = 0
        while index <= last {
            if lowercased(haystack[index]) == first {
                var matched = 1
                while matched < folded.count, lowercased(haystack[index + matched]) == folded[matched] { matched += 1 }
                if matched == folded.count { return true }
            }
            index += 1
        }
        return false
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
