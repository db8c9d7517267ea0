/// Byte-level questions the prose scanner asks about one line: which parts are markup
/// (LaTeX, Liquid, inline tags), which whitespace-separated chunks are not words at all
/// (URLs, paths, e-mail, hashtags), and whether the line is mojibake.
enum LineText {
    /// Bytes that make a chunk a URL, path, e-mail address or markup.
    static let nonWordBytes = ByteSet("/\\@={}&|~")
    /// Bytes that can open markup `markupToSkip` skips.
    static let markupOpeners = ByteSet("$\\{<")
    /// Markup and list markers that may stand between a sentence start and its first word.
    static let markupBeforeSentence = ByteSet(" \t*_[(\"'#>-+|`~")

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// Mojibake (UTF-8 read in a legacy code page) shows as accented Latin letters
    /// jammed against other Latin-1 or symbol characters (`ÏùºÍ∞Ñ`, `ê°œ`, `ğŸ‘`), or as
    /// U+F8FF / U+FFFD. Another rule reports it; the typo rule just stays out.
    ///
    /// The line is valid UTF-8 (a document's): then both signs need a byte that leads an
    /// accented Latin letter (C3...C9) or U+F8FF / U+FFFD (EF), and a line without one
    /// (Korean, Chinese, most English) is not decoded at all.
    static func hasMojibake(_ line: ArraySlice<UInt8>) -> Bool {
        line.withUnsafeBufferPointer { line in
            signs(of: line).contains(.mojibakeLead) && hasMojibakeDecoding(line)
        }
    }

    /// `hasMojibake` from every scalar of the line: the simple path its byte test stands in for.
    static func hasMojibakeDecoding(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt32 = 0x20
        var index = 0
        while index < line.count {
            let (value, length) = scalar(line, at: index, end: line.count)
            index += length
            if value == 0xF8FF || value == 0xFFFD { return true }
            if isAccentedLatin(value) && isLegacySymbolOrLetter(previous)
                || isAccentedLatin(previous) && isLegacySymbolOrLetter(value)
            {
                return true
            }
            previous = value
        }
        return false
    }

    /// The scalar at `index` and its length; U+FFFD for an invalid sequence, as String
    /// decoding would give.
    /// Only the bytes up to `end` are read.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
        guard length > 0, index + length <= end else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length)
    }

    private static func isAccentedLatin(_ value: UInt32) -> Bool {
        (0xC0...0x24F).contains(value)
    }

    private static func isLegacySymbolOrLetter(_ value: UInt32) -> Bool {
        (0x80...0x2FF).contains(value) || (0x2000...0x22FF).contains(value)
    }

    /// What one pass over a line's bytes says about it, so that the scanner's other
    /// questions skip the lines they cannot concern (nearly all).
    struct Signs: OptionSet {
        let rawValue: UInt8
        /// `$`: inline or display math may start here.
        static let dollar = Signs(rawValue: 1)
        /// A byte `markupToSkip` starts from.
        static let markupOpener = Signs(rawValue: 2)
        /// A byte that leads an accented Latin letter, U+F8FF or U+FFFD (see `hasMojibake`).
        static let mojibakeLead = Signs(rawValue: 4)
    }

    private static let signTable: [Signs] = (0...255).map { value in
        let byte = UInt8(value)
        var signs: Signs = []
        if byte == UInt8(ascii: "$") { signs.insert(.dollar) }
        if markupOpeners.contains(byte) { signs.insert(.markupOpener) }
        if (0xC3...0xC9).contains(byte) || byte == 0xEF { signs.insert(.mojibakeLead) }
        return signs
    }

    static func signs(of line: UnsafeBufferPointer<UInt8>) -> Signs {
        signTable.withUnsafeBufferPointer { table in
            var raw: UInt8 = 0
            for byte in line { raw |= table[Int(byte)].rawValue }
            return Signs(rawValue: raw)
        }
    }

    /// `[label]: destination`, a Markdown link reference definition: a name and an address,
    /// not prose (cmark consumes it without a node, so no region marks it).
    static func isLinkReferenceDefinition(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < line.count, index < 3, line[index] == 0x20 { index += 1 }
        // `[^1]: text` defines a footnote: prose, not an address.
        guard index + 1 < line.count, line[index] == UInt8(ascii: "["), line[index + 1] != UInt8(ascii: "^") else { return false }
        var close = index + 1
        while close < line.count, line[close] != UInt8(ascii: "]") { close += 1 }
        guard close > index + 1, close + 1 < line.count, line[close + 1] == UInt8(ascii: ":") else { return false }
        // Something must follow, as an address does.
        return line[(close + 2)...].contains { $0 != 0x20 && $0 != 0x09 }
    }

    /// Ranges of the line that are markup rather than words: inline math `$…$`, `\(…\)`,
    /// `\[…\]`, LaTeX commands with their `{…}` argument, Liquid `{% … %}` / `{{ … }}`,
    /// and `<…>` tags or autolinks. The scanner asks only of lines whose `signs` hold a
    /// `markupOpener` (most lines hold none).
    static func markupToSkip(_ bytes: [UInt8], _ line: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = line.lowerBound
        func closing(_ pattern: [UInt8], from start: Int) -> Int {
            var probe = start
            while probe + pattern.count <= line.upperBound {
                if bytes[probe..<probe + pattern.count].elementsEqual(pattern) { return probe + pattern.count }
                probe += 1
            }
            return line.upperBound
        }
        while index < line.upperBound {
            let byte = bytes[index]
            let next = index + 1 < line.upperBound ? bytes[index + 1] : 0
            var end = index
            switch byte {
            case UInt8(ascii: "$") where next == UInt8(ascii: "$"):
                end = closing(Array("$$".utf8), from: index + 2)
            case UInt8(ascii: "$"):
                end = closing([UInt8(ascii: "$")], from: index + 1)
            case UInt8(ascii: "\\") where next == UInt8(ascii: "("):
                end = closing(Array("\\)".utf8), from: index + 2)
            case UInt8(ascii: "\\") where next == UInt8(ascii: "["):
                end = closing(Array("\\]".utf8), from: index + 2)
            case UInt8(ascii: "\\") where isLetter(next):
                end = index + 1
                while end < line.upperBound, isLetter(bytes[end]) { end += 1 }
                if end < line.upperBound, bytes[end] == UInt8(ascii: "{") { end = closing([UInt8(ascii: "}")], from: end) }
            case UInt8(ascii: "{") where next == UInt8(ascii: "%"):
                end = closing(Array("%}".utf8), from: index + 2)
            case UInt8(ascii: "{") where next == UInt8(ascii: "{"):
                end = closing(Array("}}".utf8), from: index + 2)
            case UInt8(ascii: "<") where isLetter(next) || next == UInt8(ascii: "/"):
                end = closing([UInt8(ascii: ">")], from: index + 1)
            default:
                break
            }
            if end > index {
                result.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return result
    }

    /// The line's whitespace-separated chunks that may hold words (not `isNonWordChunk`),
    /// appended to `result` (the scanner reuses one array for every line).
    /// A tag (`<`) and a link's address (`](`) start chunks of their own: the last word of
    /// a link's text (`recieve](/a/)`) or of an element (`Recieved</td>`) is not thrown out
    /// with the path after it.
    static func wordChunks(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, into result: inout [Range<Int>]) {
        var start = -1
        // Whether the chunk holds a `<`: then a `>` ends its tag.
        var inTag = false
        for index in line {
            let byte = bytes[index]
            let isSpace = byte == 0x20 || byte == 0x09
            let startsMarkup = start >= 0 && index > start
                && (byte == UInt8(ascii: "<") || (byte == UInt8(ascii: "(") && bytes[index - 1] == UInt8(ascii: "]")))
            // A tag's end (`align="center">`, `<br/>`) ends its chunk: the word after it is prose.
            let endsTag = start >= 0 && byte == UInt8(ascii: ">") && index + 1 < line.upperBound
                && (inTag || bytes[index - 1] == UInt8(ascii: "\"") || bytes[index - 1] == UInt8(ascii: "'"))
            if (isSpace || startsMarkup), start >= 0 {
                if !isNonWordChunk(UnsafeBufferPointer(rebasing: bytes[start..<index])) { result.append(start..<index) }
                start = isSpace ? -1 : index
                inTag = startsMarkup && byte == UInt8(ascii: "<")
            } else if endsTag {
                if !isNonWordChunk(UnsafeBufferPointer(rebasing: bytes[start...index])) { result.append(start..<index + 1) }
                start = index + 1
                inTag = false
            } else if !isSpace, start < 0 {
                start = index
                inTag = byte == UInt8(ascii: "<")
            }
        }
        if start >= 0, !isNonWordChunk(UnsafeBufferPointer(rebasing: bytes[start..<line.upperBound])) {
            result.append(start..<line.upperBound)
        }
    }

    /// URLs, domains, paths, e-mail addresses, hashtags, emoji codes, entities and
    /// attribute lists: chunks whose letters are not words of prose.
    static func isNonWordChunk(_ chunk: ArraySlice<UInt8>) -> Bool {
        chunk.withUnsafeBufferPointer { isNonWordChunk($0) }
    }

    static func isNonWordChunk(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = chunk.count
        if count > 1, chunk[0] == UInt8(ascii: "#") || chunk[0] == UInt8(ascii: ":"), chunk[1] != 0x20, chunk[1] != UInt8(ascii: "#") {
            return true
        }
        // Command-line options (`-mtime`, `--force`).
        if count > 1, chunk[0] == UInt8(ascii: "-"), isLetter(chunk[1]) || chunk[1] == UInt8(ascii: "-") {
            return true
        }
        // One pass for the rest: a byte of a URL, path or e-mail address, or a dot or colon
        // between letters or digits (`example.com`, file names, `count:poisson`).
        let nonWord = nonWordBytes
        for index in 0..<count {
            let byte = chunk[index]
            if nonWord.contains(byte) { return true }
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":"), index > 0, index + 1 < count,
                isAlphanumeric(chunk[index - 1]), isAlphanumeric(chunk[index + 1])
            {
                return true
            }
        }
        return false
    }

    /// Whether the line needs ICU's word-break iterator: it holds a non-ASCII letter,
    /// digit, mark or format character. Lines whose only non-ASCII characters are
    /// punctuation, spaces and symbols (’ “ ” — … emoji, most English prose) take the
    /// byte fast path, which segments them as ICU would.
    static func needsWordBreakIterator(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { needsWordBreakIterator($0, line) }
    }

    static func needsWordBreakIterator(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var index = line.lowerBound
        while index < line.upperBound {
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let (value, length) = scalar(bytes, at: index, end: line.upperBound)
            index += length
            guard let scalar = Unicode.Scalar(value) else { return true }
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
                .connectorPunctuation:
                continue
            default:
                return true
            }
        }
        return false
    }

    /// Fast path of ICU's word segmentation: runs of ASCII letters, digits, `_` and
    /// apostrophes, and ’ between two of them (segments with digits or `_` are dropped
    /// later, as with ICU's). Other non-ASCII characters end a word.
    static func asciiSegments(_ bytes: [UInt8], _ line: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { asciiSegments($0, line, into: &result) }
        return result
    }

    /// `asciiSegments`, appended to `result`.
    static func asciiSegments(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, into result: inout [Range<Int>]) {
        var start = -1
        // Segments of only `_` and apostrophes are not words: kept only with an alphanumeric.
        var hasAlphanumeric = false
        var index = line.lowerBound
        while index < line.upperBound {
            let byte = bytes[index]
            var width = 1
            let alphanumeric = isAlphanumeric(byte)
            var inWord = alphanumeric || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "'")
            if byte == 0xE2, index + 3 < line.upperBound, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                // ’ inside a word (don’t) belongs to it, as MidNumLet does in ICU.
                width = 3
                inWord = start >= 0 && isAlphanumeric(bytes[index - 1]) && isAlphanumeric(bytes[index + 3])
            } else if byte >= 0x80 {
                width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            }
            if inWord, start < 0 {
                start = index
                hasAlphanumeric = false
            } else if !inWord, start >= 0 {
                if hasAlphanumeric { result.append(start..<index) }
                start = -1
            }
            if inWord, alphanumeric { hasAlphanumeric = true }
            index += width
        }
        if start >= 0, hasAlphanumeric { result.append(start..<line.upperBound) }
    }

    /// Drops quote marks at either end of a word (`'word'`, `’word’`).
    static func trimApostrophes(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, !isLetter(bytes[lower]) {
            lower += bytes[lower] == 0xE2 ? 3 : 1
        }
        while upper > lower, !isLetter(bytes[upper - 1]) {
            upper -= bytes[upper - 1] == 0x99 && upper - 3 >= lower ? 3 : 1
        }
        return lower..<max(lower, upper)
    }

    /// Whether only markup, list markers or sentence punctuation precede `offset`.
    static func startsSentence(_ bytes: [UInt8], at offset: Int, lineStart: Int) -> Bool {
        var index = offset
        while index > lineStart {
            let byte = bytes[index - 1]
            if markupBeforeSentence.contains(byte) {
                index -= 1
            } else if index - 3 >= lineStart, bytes[index - 3] == 0xE2, bytes[index - 2] == 0x80,
                bytes[index - 1] == 0x9C || bytes[index - 1] == 0x98
            {
                index -= 3  // opening curly quotes
            } else {
                return ".!?:".utf8.contains(byte)
            }
        }
        return true
    }
}

/// A set of ASCII bytes as two bit masks: asking it is a shift and a test, where a
/// `[Bool]` table costs a bounds check (and, as a static, a once-check on every use).
/// These sets are asked about nearly every byte of prose.
struct ByteSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ characters: String) {
        for byte in characters.utf8 where byte < 0x80 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> UInt64(byte) & 1 != 0 : byte < 128 && high >> UInt64(byte & 63) & 1 != 0
    }
}
