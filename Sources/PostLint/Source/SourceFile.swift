#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one file and what they say about how to write it back: byte order mark,
/// newline style, and whether the bytes are valid UTF-8 at all.
public struct SourceFile: Sendable {
    public enum NewlineStyle: String, Sendable {
        case lf, crlf, mixed, none
    }

    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The path as given by the user (or the `--stdin-filename`), used in reports.
    public let path: String
    /// The file exactly as read.
    public let bytes: [UInt8]
    public let hasByteOrderMark: Bool
    public let newlineStyle: NewlineStyle
    /// Offset of the first byte that breaks UTF-8, or nil when the body is valid UTF-8.
    public let firstInvalidUTF8Offset: Int?
    public let isBinary: Bool
    /// The decoded text without the byte order mark, nil when the body is not UTF-8.
    public let text: String?
    /// Whether the lines end in a carriage return alone (classic Mac OS): three CRs or more
    /// not followed by a line feed, and at most one line feed, at the end (an editor added
    /// it). Markdown reads such a file as lines, postlint's line index does not. (UTF-16
    /// holds 0D bytes in its CRLFs and characters: not asked.)
    public var endsLinesWithCarriageReturnsOnly: Bool {
        guard ByteSearch.contains(bytes, [0x0D]), Self.utf16Layout(of: bytes) == nil else { return false }
        var (loneReturns, lineFeeds) = (0, 0)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A {
                lineFeeds += 1
                // A Windows file (CRLF throughout) is told at its second line.
                if lineFeeds > 1 { return false }
            } else if byte == 0x0D, index + 1 == bytes.count || bytes[index + 1] != 0x0A {
                loneReturns += 1
            }
        }
        return loneReturns >= 3 && (lineFeeds == 0 || lineFeeds == 1 && bytes.last == 0x0A)
    }
    /// Whether the file ends with a newline; kept as it was on write.
    public var endsWithNewline: Bool { bytes.last == UInt8(ascii: "\n") }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        hasByteOrderMark = bytes.starts(with: Self.byteOrderMark)
        let body = bytes.dropFirst(hasByteOrderMark ? 3 : 0)
        // UTF-16 text is full of NUL bytes but is text: `invalid-encoding` reports it.
        let hasNUL = body.withUnsafeBufferPointer { ByteSearch.contains($0, [0]) }
        let isUTF16 = (hasNUL || bytes.first.map { $0 >= 0xFE } == true) && Self.utf16Layout(of: bytes) != nil
        isBinary = hasNUL && !isUTF16
        newlineStyle = Self.newlineStyle(of: body)
        // The standard library validates (strictly, as `firstInvalidUTF8` does) and copies
        // in one fast pass; the slow scan only runs to locate the error in a broken file.
        // UTF-16 of ASCII letters is valid UTF-8 with a NUL after each: still not UTF-8.
        let valid = isUTF16 ? nil : String(validating: body, as: UTF8.self)
        firstInvalidUTF8Offset = valid == nil ? (isUTF16 ? 0 : Self.firstInvalidUTF8(in: body) ?? 0) : nil
        text = isBinary ? nil : valid
    }

    /// Whether the bytes start with a UTF-16 byte order mark (FF FE: little-endian, FE FF:
    /// big-endian) and hold whole code units; nil otherwise.
    public static func utf16ByteOrder(of bytes: [UInt8]) -> UTF16ByteOrder? {
        guard bytes.count >= 2, bytes.count % 2 == 0 else { return nil }
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): return bytes.count >= 4 && bytes[2] == 0 && bytes[3] == 0 ? nil : .littleEndian  // not UTF-32LE
        case (0xFE, 0xFF): return .bigEndian
        default: return nil
        }
    }

    /// The byte order of UTF-16 text, and whether a byte order mark says it: a mark, or
    /// else text without one (an editor's "Unicode" save) — an even count of bytes, NUL
    /// bytes in at least a quarter of the code units at one parity (the ASCII letters,
    /// spaces and newlines every post has) and seldom at the other, no NUL code unit, every
    /// unit decoding, a space or line break among them and no control character but tab,
    /// line and form feed and carriage return. Binary data has NULs at both parities; the
    /// check of what the units spell is for short files (`a\0b teh\n` is eight bytes of
    /// UTF-8 with one NUL, and four CJK and format characters read as UTF-16).
    public static func utf16Layout(of bytes: [UInt8]) -> (order: UTF16ByteOrder, marked: Bool)? {
        if let order = utf16ByteOrder(of: bytes) { return (order, true) }
        guard bytes.count >= 8, bytes.count % 2 == 0 else { return nil }
        var zeros = (even: 0, odd: 0)
        for index in stride(from: 0, to: bytes.count, by: 2) {
            let (first, second) = (bytes[index], bytes[index + 1])
            if first == 0, second == 0 { return nil }
            if first == 0 { zeros.even += 1 }
            if second == 0 { zeros.odd += 1 }
        }
        // The other half of a code unit is NUL now and then too (가 is AC00, 一 4E00, 😀's
        // low surrogate DE00): a few of those, against many from ASCII.
        let units = bytes.count / 2
        let order: UTF16ByteOrder
        if zeros.odd * 4 >= units, zeros.even * 8 <= zeros.odd {
            order = .littleEndian
        } else if zeros.even * 4 >= units, zeros.odd * 8 <= zeros.even {
            order = .bigEndian
        } else {
            return nil
        }
        guard let text = utf16Units(bytes, order, from: 0).flatMap(decodedExactly), Self.spellsText(text) else { return nil }
        return (order, false)
    }

    private static func spellsText(_ text: String) -> Bool {
        var hasBreak = false
        for scalar in text.unicodeScalars where scalar.value < 0x21 {
            switch scalar.value {
            case 0x0A, 0x0D, 0x20: hasBreak = true
            case 0x09, 0x0C: break
            default: return false
            }
        }
        return hasBreak
    }

    /// The UTF-16 code units of `bytes` from `start` (past a byte order mark).
    static func utf16Units(_ bytes: [UInt8], _ order: UTF16ByteOrder, from start: Int) -> [UInt16]? {
        guard (bytes.count - start) % 2 == 0 else { return nil }
        return stride(from: start, to: bytes.count, by: 2).map { index in
            order == .littleEndian
                ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
        }
    }

    /// The text of UTF-16 code units when every unit decodes (no lone surrogate) and none
    /// is NUL.
    static func decodedExactly(_ units: [UInt16]) -> String? {
        guard !units.contains(0) else { return nil }
        let text = String(decoding: units, as: UTF16.self)
        // Decoding replaces a lone surrogate with U+FFFD: then the units do not come back.
        guard Array(text.utf16).elementsEqual(units) else { return nil }
        return text
    }

    public enum UTF16ByteOrder: String, Sendable {
        case littleEndian = "UTF-16LE", bigEndian = "UTF-16BE"
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The bytes to write for new text, with this file's byte order mark restored.
    /// The text keeps its own newlines: edits never touch line endings they did not cover.
    public func bytes(forText newText: String) -> [UInt8] {
        Self.bytes(forText: newText, byteOrderMark: hasByteOrderMark)
    }

    static func bytes(forText text: String, byteOrderMark: Bool) -> [UInt8] {
        (byteOrderMark ? Self.byteOrderMark : []) + Array(text.utf8)
    }

    static func newlineStyle(of bytes: ArraySlice<UInt8>) -> NewlineStyle {
        var crlf = 0
        var lf = 0
        bytes.withUnsafeBufferPointer { buffer in
            // From one line feed to the next with memchr, rather than byte by byte.
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count, let found = memchr(base + start, 0x0A, buffer.count - start) {
                let offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if offset > 0 && buffer[offset - 1] == UInt8(ascii: "\r") { crlf += 1 } else { lf += 1 }
                start = offset + 1
            }
        }
        switch (lf, crlf) {
        case (0, 0): return .none
        case (_, 0): return .lf
        case (0, _): return .crlf
        default: return .mixed
        }
    }

    /// Offset (into the whole file) of the first byte that is not part of well-formed
    /// UTF-8, rejecting overlong forms, surrogates and code points past U+10FFFF.
    static func firstInvalidUTF8(in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            guard index + length <= end else { return index }
            let second = bytes[index + 1]
            if second < low || second > high { return index }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }
}
