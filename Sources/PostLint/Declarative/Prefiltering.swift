/// Where prefilters meet the texts they guard: a document or a short text, with what the
/// checks need of it (the folding-letter scan, the four-byte sequences) made once.
extension RequiredLiteral {
    /// Whether ICU's `\s` matches the character: Unicode's White_Space (U+000B and U+0085
    /// included, whatever ICU's documentation says; a test checks the whole BMP).
    static func isPatternWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x09...0x0D).contains(scalar.value) || scalar.value == 0x20 : scalar.properties.isWhitespace
    }

    /// The length of the `\s` character at `index`, 0 if none is there. Only lead bytes
    /// C2, E1, E2 and E3 can start a non-ASCII one (a post is mostly other bytes).
    @inline(__always)
    static func whitespaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch bytes[index] {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2, 0xE1...0xE3:
            let (value, length) = LineText.scalar(bytes, at: index, end: bytes.count)
            guard length > 1, let scalar = Unicode.Scalar(value), isPatternWhitespace(scalar) else { return 0 }
            return length
        default: return 0
        }
    }

    /// UTF-8 text with each run of `\s` characters made one space: a match of `as\s+an`
    /// leaves `as an` there. Literals across white space are made so; `SpacedNeedle`
    /// finds them in a text as if it were made so, without making it.
    static func collapsingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
            var count = 0
            var inSpace = false
            var index = 0
            while index < bytes.count {
                let length = whitespaceLength(bytes, at: index)
                if length > 0 {
                    if !inSpace {
                        output[count] = 0x20
                        count += 1
                    }
                    inSpace = true
                    index += length
                } else {
                    // A continuation byte follows its lead as an ordinary byte.
                    output[count] = bytes[index]
                    count += 1
                    inSpace = false
                    index += 1
                }
            }
            written = count
        }
    }
}

/// A literal whose spaces each stand for a run of `\s` characters (`here is the` for
/// `here\s+is\s+the`), looked for in the text as it is: its first word by `ByteSearch`,
/// the rest compared after skipping the white space at each hit. Collapsing a post's white
/// space first cost more than every search of it.
struct SpacedNeedle: Sendable, Equatable {
    private let first: ByteSearch.Needle
    /// The later words, ASCII letters lower-cased when folding.
    private let rest: [[UInt8]]
    private let folding: Bool

    /// A space at either end of the literal is dropped: what remains is still required.
    init(_ literal: [UInt8], folding: Bool) {
        let words = literal.split(separator: 0x20, omittingEmptySubsequences: true).map(Array.init)
        first = ByteSearch.Needle(words.first ?? [], folding: folding)
        rest = words.dropFirst().map { folding ? $0.map(ByteSearch.lowercased) : $0 }
        self.folding = folding
    }

    /// Whether the literal occurs in the text with each of its spaces matched by one or
    /// more white space characters, as it would in the text's `collapsingWhitespace`.
    func occurs(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count {
            guard let found = first.firstIndex(in: UnsafeBufferPointer(rebasing: bytes[start...])) else { return false }
            if restFollows(at: start + found + first.bytes.count, in: bytes) { return true }
            start += found + 1
        }
        return false
    }

    private func restFollows(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = offset
        for word in rest {
            let runStart = index
            while index < bytes.count {
                let length = RequiredLiteral.whitespaceLength(bytes, at: index)
                if length == 0 { break }
                index += length
            }
            guard index > runStart, index + word.count <= bytes.count else { return false }
            for expected in word {
                let byte = folding ? ByteSearch.lowercased(bytes[index]) : bytes[index]
                guard byte == expected else { return false }
                index += 1
            }
        }
        return true
    }
}

extension Document {
    /// Whether a match of a pattern requiring `required` may be in the text.
    func mayContain(_ required: RequiredLiteral) -> Bool {
        utf8.withUnsafeBufferPointer { bytes in
            required.mayOccur(
                in: bytes, grams: derived.value("gram-filter") { GramFilter(bytes) }, hasFoldingLetter: { hasASCIIFoldingLetter })
        }
    }

    /// `RequiredLiteral.hasASCIIFoldingLetter` of the whole text, asked once per document.
    private var hasASCIIFoldingLetter: Bool {
        derived.value("ascii-folding-letter") { utf8.withUnsafeBufferPointer(RequiredLiteral.hasASCIIFoldingLetter) }
    }

    /// Whether a match of a pattern requiring `required` may lie outside every region of
    /// the `skipped` kinds (a rule drops matches that overlap one). A match holds its
    /// required literal, so the literal is looked for in the text with those regions
    /// blanked: `${`, `%s` or `TODO` in code alone no longer send a pattern through ICU
    /// over the whole post.
    func mayContain(_ required: RequiredLiteral, outside skipped: ScopeText.Blanked) -> Bool {
        let scoped = derived.value(skipped.key) { ScopeText(self, blanking: skipped) }
        guard let blanked = scoped.bytes else { return mayContain(required) }
        return blanked.withUnsafeBufferPointer { bytes in
            // The whole text's answer: a folding letter in a blanked region only costs a search.
            required.mayOccur(in: bytes, grams: scoped.grams, hasFoldingLetter: { hasASCIIFoldingLetter })
        }
    }
}

/// A document's text with the regions of some kinds blanked with 0xFF, a byte no UTF-8
/// literal holds, and the `GramFilter` of what is left; nil bytes when no region is
/// blanked (the document's own text and filter serve).
struct ScopeText: Sendable {
    /// Region kinds to blank, and whether math too, with the name the document remembers
    /// their text by.
    struct Blanked: Sendable {
        let kinds: Set<Region.Kind>
        let math: Bool
        let key: String

        init(_ kinds: Set<Region.Kind>, math: Bool) {
            self.kinds = kinds
            self.math = math
            key = "scope-text:" + kinds.map(\.rawValue).sorted().joined(separator: ",") + (math ? "+math" : "")
        }
    }

    let bytes: [UInt8]?
    let grams: GramFilter?

    init(_ document: Document, blanking blanking: Blanked) {
        let blanked = document.regions.filter { blanking.kinds.contains($0.kind) && !$0.range.isEmpty }.map(\.range)
            + (blanking.math ? MathSpans.find(in: document) : [])
        guard !blanked.isEmpty else {
            (bytes, grams) = (nil, nil)
            return
        }
        var text = document.utf8
        text.withUnsafeMutableBufferPointer { buffer in
            for range in blanked {
                UnsafeMutableBufferPointer(rebasing: buffer[range]).update(repeating: 0xFF)
            }
        }
        bytes = text
        // Math is blanked only for the few posts whose literal is outside code: searching
        // their literals costs less than a filter.
        grams = blanking.math ? nil : text.withUnsafeBufferPointer { GramFilter($0) }
    }
}

/// A regular expression tried on short texts (headings, section bodies) only when the text
/// holds what every match needs.
struct PrefilteredPattern: Sendable {
    let regex: ICURegularExpression
    let required: RequiredLiteral?

    init(_ regex: ICURegularExpression) {
        self.init(regex, required: RequiredLiteral(pattern: regex.pattern, caseInsensitive: regex.options.contains(.caseInsensitive)))
    }

    init(_ regex: ICURegularExpression, required: RequiredLiteral?) {
        self.regex = regex
        self.required = required
    }

    /// Whether the pattern matches somewhere in `text` (a pattern over its time limit
    /// counts as no match, as `firstMatch` does).
    func matches(_ text: PrefilterText) -> Bool {
        firstMatch(in: text) != nil
    }

    /// The first match in `text`, ICU asked only when the text holds what a match needs.
    func firstMatch(in text: PrefilterText) -> ICURegularExpression.Match? {
        if let required, !text.bytes.withUnsafeBufferPointer({
            required.mayOccur(in: $0, hasFoldingLetter: text.hasFoldingLetter)
        }) {
            return nil
        }
        return (try? regex.matches(in: text.bytes, limit: 1))?.first
    }
}

/// A text's bytes, with the folding-letter scan done at most once for all patterns.
final class PrefilterText {
    let bytes: [UInt8]
    private var foldingLetter: Bool?

    init(_ text: String) { bytes = Array(text.utf8) }

    init(bytes: [UInt8]) { self.bytes = bytes }

    func hasFoldingLetter() -> Bool {
        if let foldingLetter { return foldingLetter }
        let found = bytes.withUnsafeBufferPointer { RequiredLiteral.hasASCIIFoldingLetter($0) }
        foldingLetter = found
        return found
    }
}
