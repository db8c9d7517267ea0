/// The block-level constructs of MDX that CommonMark reads otherwise, found line by line
/// before cmark parses the rest:
/// - import/export blocks (ESM): a line starting at column 0 with `import` or `export` and
///   a space, where no paragraph goes on, through the next blank line; across blank lines
///   while the code leaves a bracket open (a component's body), as MDX's JavaScript parser
///   reads on until the code is complete;
/// - fences indented four spaces or more: MDX has no indented code, so they are fences
///   (common inside `<TabItem>`), where CommonMark sees indented code and then text;
/// - Docusaurus's `mdx-code-block` fences, whose content is MDX, not code: only their
///   opening and closing lines are taken out.
struct MDXFlow {
    private(set) var esmBlocks: [Range<Int>] = []
    /// Fences cmark would not read as fences: code.
    private(set) var indentedFences: [Range<Int>] = []
    /// The opening and closing lines of `mdx-code-block` fences.
    private(set) var mdxCodeBlockMarkers: [Range<Int>] = []

    struct Fence {
        let byte: UInt8
        let count: Int
        let indent: Int
        let info: ArraySlice<UInt8>

        func isClosed(by marker: Fence) -> Bool {
            marker.byte == byte && marker.count >= count && MDXFlow.isBlank(marker.info)
        }
    }

    init(_ utf8: [UInt8], lines: LineIndex, after start: Int) {
        var fence: (opening: Fence, start: Int)?
        var mdxCodeBlock: Fence?
        // At the document's start, after the front matter: an ESM block may open here.
        var paragraphGoesOn = false
        var line = lines.lineNumber(at: start)
        if start > 0, lines.lineStarts[line] < start { line += 1 }
        while line < lines.lineCount {
            let range = lines.contentRange(ofLine: line)
            let content = utf8[range]
            let marker = Self.fence(content)
            if let open = fence {
                if let marker, open.opening.isClosed(by: marker) {
                    if open.opening.indent >= 4 { indentedFences.append(open.start..<range.upperBound) }
                    fence = nil
                }
                line += 1
                continue
            }
            if let marker {
                if let open = mdxCodeBlock, open.isClosed(by: marker) {
                    mdxCodeBlockMarkers.append(range)
                    mdxCodeBlock = nil
                } else if mdxCodeBlock == nil, Self.trimmed(marker.info).elementsEqual("mdx-code-block".utf8) {
                    mdxCodeBlockMarkers.append(range)
                    mdxCodeBlock = marker
                } else {
                    fence = (marker, range.lowerBound)
                }
                paragraphGoesOn = false
                line += 1
                continue
            }
            if !paragraphGoesOn, Self.startsESM(content) {
                let last = Self.lastLineOfESM(from: line, utf8, lines: lines)
                esmBlocks.append(range.lowerBound..<lines.contentRange(ofLine: last).upperBound)
                line = last + 1
                continue
            }
            paragraphGoesOn = Self.continuesAParagraph(content)
            line += 1
        }
        if let open = fence, open.opening.indent >= 4 { indentedFences.append(open.start..<utf8.count) }
    }

    /// `import` or `export` at column 0, followed by a space (MDX reads `import{` and
    /// `import` and a tab as text).
    static func startsESM(_ content: ArraySlice<UInt8>) -> Bool {
        guard content.count > 6, content.starts(with: "import".utf8) || content.starts(with: "export".utf8) else { return false }
        return content[content.startIndex + 6] == 0x20
    }

    /// Whether a line lets a paragraph go on into the next one, so that an `import` there is
    /// text: any line but a blank one, a heading, a thematic break, an admonition marker
    /// (`:::`), a line holding a tag alone or ending one (`/>`, JSX), or an expression alone
    /// (`{/* truncate */}`).
    private static func continuesAParagraph(_ content: ArraySlice<UInt8>) -> Bool {
        let text = trimmed(content)
        guard let first = text.first, let last = text.last else { return false }
        if first == UInt8(ascii: "#") || text.starts(with: ":::".utf8) { return false }
        if first == UInt8(ascii: "<") && last == UInt8(ascii: ">") || text.count >= 2 && text.suffix(2).elementsEqual("/>".utf8) {
            return false
        }
        if first == UInt8(ascii: "{") && last == UInt8(ascii: "}") { return false }
        let isBreak = text.count >= 3 && [UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "_")].contains(first)
            && text.allSatisfy { $0 == first || $0 == 0x20 || $0 == 0x09 }
        return !isBreak
    }

    /// The block's last line: the one before a blank line, unless the code up to there
    /// leaves a bracket open and more follows. (MDX asks its JavaScript parser; a
    /// component's body with blank lines in it is the case that matters.) Each stretch is
    /// counted once.
    private static func lastLineOfESM(from first: Int, _ utf8: [UInt8], lines: LineIndex) -> Int {
        var last = first
        var depth = 0
        var counted = lines.lineStarts[first]
        while true {
            while last + 1 < lines.lineCount, !isBlank(utf8[lines.contentRange(ofLine: last + 1)]) { last += 1 }
            var next = last + 1
            while next < lines.lineCount, isBlank(utf8[lines.contentRange(ofLine: next)]) { next += 1 }
            let end = lines.contentRange(ofLine: last).upperBound
            depth += bracketBalance(utf8, counted..<end)
            counted = end
            guard next < lines.lineCount, depth > 0 else { return last }
            last = next
        }
    }

    /// How many `(`, `[` and `{` the code opens more than it closes, strings, template
    /// literals, regular expressions and comments stepped over. JSX text is not code: a
    /// quote with no closing one on its line is an apostrophe (`Don't`), and `//` after a
    /// colon is an address (`http://example.com`), not a comment.
    static func bracketBalance(_ utf8: [UInt8], _ range: Range<Int>) -> Int {
        var cursor = JSCursor(utf8: utf8, position: range.lowerBound, end: range.upperBound)
        var depth = 0
        var previous: UInt8? = nil
        while let byte = cursor.peek {
            let next = cursor.position + 1 < range.upperBound ? utf8[cursor.position + 1] : 0
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                cursor.advance()
                continue
            case UInt8(ascii: "/") where next == UInt8(ascii: "/") && previous != UInt8(ascii: ":"),
                UInt8(ascii: "/") where next == UInt8(ascii: "*"):
                cursor.skipSpace()
                continue
            case UInt8(ascii: "/") where JSCursor.startsRegularExpression(after: previous):
                cursor.skipRegularExpression()
                previous = UInt8(ascii: "a")
                continue
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                let start = cursor.position
                if cursor.skipQuoted() {
                    previous = byte
                    continue
                }
                cursor.position = start
            case UInt8(ascii: "`"):
                _ = cursor.templateLiteral()
                previous = byte
                continue
            default:
                break
            }
            previous = byte
            cursor.advance()
        }
        return depth
    }

    /// A fence marker line: three or more backticks or tildes after any indentation (MDX
    /// has no indented code); a backtick fence's info string holds no backtick.
    static func fence(_ line: ArraySlice<UInt8>) -> Fence? {
        var indent = line.prefix { $0 == 0x20 || $0 == 0x09 }.count
        var rest = line.dropFirst(indent)
        // A fence opening a list item or a quote (`   - ```bash`, `> ~~~`): CommonMark reads
        // those; it is a fence all the same, indented as its container is.
        if let marker = listOrQuoteMarker(rest) {
            rest = rest.dropFirst(marker).drop { $0 == 0x20 }
            indent = 0
        }
        guard let first = rest.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let count = rest.prefix { $0 == first }.count
        let info = rest.dropFirst(count)
        guard count >= 3, first == UInt8(ascii: "~") || !info.contains(UInt8(ascii: "`")) else { return nil }
        return Fence(byte: first, count: count, indent: indent, info: info)
    }

    /// The length of a list marker (`-`, `*`, `+`, `1.`, `1)`) or quote marker (`>`)
    /// followed by a space at the start of `text`, or nil.
    private static func listOrQuoteMarker(_ text: ArraySlice<UInt8>) -> Int? {
        guard let first = text.first else { return nil }
        var length = 0
        if [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ">")].contains(first) {
            length = 1
        } else {
            let digits = text.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            guard (1...9).contains(digits), text.count > digits,
                text[text.startIndex + digits] == UInt8(ascii: ".") || text[text.startIndex + digits] == UInt8(ascii: ")")
            else { return nil }
            length = digits + 1
        }
        guard text.count > length, text[text.startIndex + length] == 0x20 || first == UInt8(ascii: ">") else { return nil }
        return length
    }

    static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.startIndex..<bytes.startIndex]
        }
        return bytes[first...last]
    }
}
