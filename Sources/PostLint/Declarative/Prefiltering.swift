/// Where prefilters meet the texts they guard: a document or a short text, with what the
/// checks need of it (the folding-letter scan, the white-space-collapsed bytes) made once.
extension RequiredLiteral {
    /// Whether ICU's `\s` matches the character: Unicode's White_Space (U+000B and U+0085
    /// included, whatever ICU's documentation says; a test checks the whole BMP).
    static func isPatternWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x09...0x0D).contains(scalar.value) || scalar.value == 0x20 : scalar.properties.isWhitespace
    }

    /// UTF-8 text with each run of `\s` characters made one space: a match of `as\s+an`
    /// leaves `as an` there. Only lead bytes C2, E1, E2 and E3 can start a non-ASCII one;
    /// every other byte is copied as it is (a post is mostly such bytes).
    static func collapsingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
            var count = 0
            var inSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var length = 0  // of the white space character here, if one is
                switch byte {
                case 0x09...0x0D, 0x20: length = 1
                case 0xC2, 0xE1...0xE3:
                    let size = byte == 0xC2 ? 2 : 3
                    guard index + size <= bytes.count else { break }
                    var value = UInt32(byte) & (size == 2 ? 0x1F : 0x0F)
                    for offset in 1..<size { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    if let scalar = Unicode.Scalar(value), isPatternWhitespace(scalar) { length = size }
                default: break
                }
                if length > 0 {
                    if !inSpace {
                        output[count] = 0x20
                        count += 1
                    }
                    inSpace = true
                    index += length
                } else {
                    // A continuation byte follows its lead as an ordinary byte.
                    output[count] = byte
                    count += 1
                    inSpace = false
                    index += 1
                }
            }
            written = count
        }
    }
}

extension Document {
    /// Whether a match of a pattern requiring `required` may be in the text.
    func mayContain(_ required: RequiredLiteral) -> Bool {
        utf8.withUnsafeBufferPointer { bytes in
            required.mayOccur(
                in: bytes, collapsed: { derived.value("whitespace-collapsed") { RequiredLiteral.collapsingWhitespace(bytes) } },
                hasFoldingLetter: { derived.value("ascii-folding-letter") { RequiredLiteral.hasASCIIFoldingLetter(bytes) } })
        }
    }
}

/// A regular expression tried on short texts (headings, section bodies) only when the text
/// holds what every match needs.
struct PrefilteredPattern: Sendable {
    let regex: ICURegularExpression
    let required: RequiredLiteral?

    init(_ regex: ICURegularExpression) {
        self.regex = regex
        required = RequiredLiteral(pattern: regex.pattern, caseInsensitive: regex.options.contains(.caseInsensitive))
    }

    /// Whether the pattern matches somewhere in `text` (a pattern over its time limit
    /// counts as no match, as `firstMatch` does).
    func matches(_ text: PrefilterText) -> Bool {
        if let required, !text.bytes.withUnsafeBufferPointer({
            required.mayOccur(in: $0, collapsed: text.collapsed, hasFoldingLetter: text.hasFoldingLetter)
        }) {
            return false
        }
        return ((try? regex.matches(in: text.bytes, limit: 1)) ?? []).isEmpty == false
    }
}

/// A text's bytes, with the folding-letter scan done at most once for all patterns.
final class PrefilterText {
    let bytes: [UInt8]
    private var foldingLetter: Bool?
    private var collapsedBytes: [UInt8]?

    init(_ text: String) { bytes = Array(text.utf8) }

    func collapsed() -> [UInt8] {
        if let collapsedBytes { return collapsedBytes }
        let collapsed = bytes.withUnsafeBufferPointer(RequiredLiteral.collapsingWhitespace)
        collapsedBytes = collapsed
        return collapsed
    }

    func hasFoldingLetter() -> Bool {
        if let foldingLetter { return foldingLetter }
        let found = bytes.withUnsafeBufferPointer { RequiredLiteral.hasASCIIFoldingLetter($0) }
        foldingLetter = found
        return found
    }
}
