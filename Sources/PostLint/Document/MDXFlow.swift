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
            marker.byte == byte && marker.count >= count && marker.info.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
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

    /// `import` or `export` at column 0, followed by a space or tab (MDX reads `import{`
    /// as text).
    static func startsESM(_ content: ArraySlice<UInt8>) -> Bool {
        guard content.count > 6, content.starts(with: "import".utf8) || content.starts(with: "export".utf8) else { return false }
        let next = content[content.startIndex + 6]
        return next == 0x20 || next == 0x09
    }

    /// Whether a line lets a paragraph go on into the next one, so that an `import` there is
    /// text: any line but a blank one, a heading, or a line holding a tag alone (JSX).
    private static func continuesAParagraph(_ content: ArraySlice<UInt8>) -> Bool {
        let text = trimmed(content)
        guard let first = text.first else { return false }
        if first == UInt8(ascii: "#") { return false }
        return !(first == UInt8(ascii: "<") && text.last == UInt8(ascii: ">"))
    }

    /// The block's last line: the one before a blank line, unless the code up to there
    /// leaves a bracket open and more follows.
    private static func lastLineOfESM(from first: Int, _ utf8: [UInt8], lines: LineIndex) -> Int {
        var last = first
        while true {
            while last + 1 < lines.lineCount, !isBlank(utf8[lines.contentRange(ofLine: last + 1)]) { last += 1 }
            var next = last + 1
            while next < lines.lineCount, isBlank(utf8[lines.contentRange(ofLine: next)]) { next += 1 }
            guard next < lines.lineCount,
                leavesBracketOpen(utf8, lines.lineStarts[first]..<lines.contentRange(ofLine: last).upperBound)
            else { return last }
            last = next
        }
    }

    /// Whether the code leaves a `(`, `[` or `{` open, strings, template literals and
    /// comments stepped over.
    static func leavesBracketOpen(_ utf8: [UInt8], _ range: Range<Int>) -> Bool {
        var cursor = JSCursor(utf8: utf8, position: range.lowerBound, end: range.upperBound)
        var depth = 0
        while true {
            cursor.skipSpace()
            guard let byte = cursor.peek else { return depth > 0 }
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                cursor.skipQuoted()
                continue
            case UInt8(ascii: "`"):
                _ = cursor.templateLiteral()
                continue
            default:
                break
            }
            cursor.advance()
        }
    }

    /// A fence marker line: three or more backticks or tildes after any indentation (MDX
    /// has no indented code); a backtick fence's info string holds no backtick.
    static func fence(_ line: ArraySlice<UInt8>) -> Fence? {
        let indent = line.prefix { $0 == 0x20 || $0 == 0x09 }.count
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let count = rest.prefix { $0 == first }.count
        let info = rest.dropFirst(count)
        guard count >= 3, first == UInt8(ascii: "~") || !info.contains(UInt8(ascii: "`")) else { return nil }
        return Fence(byte: first, count: count, indent: indent, info: info)
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
