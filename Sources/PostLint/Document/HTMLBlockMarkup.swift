/// The markup of an HTML block, so that the text between its tags is prose like any other:
/// `<td>Recieved</td>` or, in MDX, `<TabItem value="a">I recieve it</TabItem>` on one line
/// are HTML blocks to CommonMark, and a whole block taken as markup hid their words from
/// every prose rule.
///
/// Markup is every tag (attributes, quoted values and JSX `{...}` values included), every
/// character reference (`&nbsp;`), the content of elements whose text is not prose (code,
/// scripts, styles, keyboard input), and link destinations and bare addresses written in
/// the block's text. Comments are comments. What is left is text a reader sees.
enum HTMLBlockMarkup {
    /// Elements whose content is code, data or input, never prose.
    static let rawElements: Set<String> = ["pre", "code", "script", "style", "textarea", "kbd", "samp", "var", "tt", "svg", "math"]

    static func regions(of block: Range<Int>, in utf8: [UInt8]) -> [Region] {
        var regions: [Region] = []
        var index = block.lowerBound
        let end = block.upperBound
        while index < end {
            if index == block.lowerBound || utf8[index - 1] == 0x0A, let fence = fencedCode(at: index, in: utf8, before: end) {
                regions.append(Region(.codeBlock, fence))
                index = fence.upperBound
                continue
            }
            switch utf8[index] {
            case UInt8(ascii: "`"):
                let run = backtickRun(at: index, in: utf8, before: end)
                if let span = codeSpan(at: index, run: run, in: utf8, before: end) {
                    regions.append(Region(.codeSpan, span))
                    index = span.upperBound
                } else {
                    index += run
                }
            case UInt8(ascii: "<"):
                if utf8[index..<end].starts(with: commentOpening) {
                    // `<!-->` and `<!--->` are whole (empty) comments.
                    let close = [">", "->"].lazy.map { Array($0.utf8) }.first { utf8[(index + 4)..<end].starts(with: $0) }
                        .map { index + 4 + $0.count }
                        ?? firstIndex(of: commentClosing, in: utf8, from: index + 4, before: end).map { $0 + 3 } ?? end
                    regions.append(Region(.htmlComment, index..<close))
                    index = close
                } else if let tag = tag(at: index, in: utf8, before: end) {
                    // An element left open (or closed past the block's end, where cmark may
                    // end a `<pre>` block) is raw to the end of the block.
                    let upper = tag.opensRawElement
                        ? closingTag(named: tag.name, in: utf8, from: tag.range.upperBound, before: end) ?? end : tag.range.upperBound
                    regions.append(Region(.html, tag.range.lowerBound..<upper))
                    index = upper
                } else {
                    index += 1
                }
            case UInt8(ascii: "&"):
                let reference = characterReference(at: index, in: utf8, before: end)
                if let reference { regions.append(Region(.html, reference)) }
                index = reference?.upperBound ?? index + 1
            case UInt8(ascii: "]") where index + 1 < end && utf8[index + 1] == UInt8(ascii: "("):
                let close = utf8[(index + 2)..<end].firstIndex { $0 == UInt8(ascii: ")") || $0 == 0x0A } ?? end
                regions.append(Region(.linkDestination, (index + 1)..<min(end, close + 1)))
                index = close
            case UInt8(ascii: "h") where utf8[index..<end].starts(with: http) && (index == 0 || !isNameByte(utf8[index - 1])):
                let stop = utf8[index..<end].firstIndex { $0 <= 0x20 || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "\"") } ?? end
                regions.append(Region(.linkDestination, index..<stop))
                index = stop
            default:
                index += 1
            }
        }
        return regions
    }

    /// A fenced code block starting on the line at `start` (three or more backticks or
    /// tildes after any indentation: MDX has no indented code, and a tab's fence is often
    /// indented with the tab): through its closing fence's line, or the block's end.
    /// CommonMark folds a fence written inside HTML (a Docusaurus tab, a `<details>`) into
    /// the HTML block; MDX and kramdown's `markdown="1"` render it as code.
    static func fencedCode(at start: Int, in utf8: [UInt8], before end: Int) -> Range<Int>? {
        guard let (marker, length) = fenceMarker(at: start, in: utf8, before: end) else { return nil }
        var line = start
        while let newline = utf8[line..<end].firstIndex(of: 0x0A) {
            line = newline + 1
            if let closing = fenceMarker(at: line, in: utf8, before: end), closing.marker == marker, closing.length >= length {
                return start..<(utf8[line..<end].firstIndex(of: 0x0A) ?? end)
            }
        }
        return start..<end
    }

    private static func fenceMarker(at start: Int, in utf8: [UInt8], before end: Int) -> (marker: UInt8, length: Int)? {
        var index = start
        while index < end, utf8[index] == 0x20 || utf8[index] == 0x09 { index += 1 }
        guard index < end, utf8[index] == UInt8(ascii: "`") || utf8[index] == UInt8(ascii: "~") else { return nil }
        let marker = utf8[index]
        let runStart = index
        while index < end, utf8[index] == marker { index += 1 }
        return index - runStart >= 3 ? (marker, index - runStart) : nil
    }

    static func backtickRun(at start: Int, in utf8: [UInt8], before end: Int) -> Int {
        var index = start
        while index < end, utf8[index] == UInt8(ascii: "`") { index += 1 }
        return index - start
    }

    /// A code span opened by `run` backticks at `start`: through the next run of exactly as
    /// many; nil when none closes it (the backticks are then text).
    static func codeSpan(at start: Int, run: Int, in utf8: [UInt8], before end: Int) -> Range<Int>? {
        var index = start + run
        while let found = utf8[index..<end].firstIndex(of: UInt8(ascii: "`")) {
            let closing = backtickRun(at: found, in: utf8, before: end)
            if closing == run { return start..<(found + closing) }
            index = found + closing
        }
        return nil
    }

    private static let commentOpening = Array("<!--".utf8)
    private static let commentClosing = Array("-->".utf8)
    private static let http = Array("http".utf8)

    struct Tag {
        let range: Range<Int>
        let name: String
        let opensRawElement: Bool
    }

    /// The tag starting at `start` (`<name ...>`, `</name>`, `<!DOCTYPE>`, `<?...?>`), its
    /// quoted values and `{...}` values stepped over whole; nil when `<` starts no tag
    /// (`a < b`), which is then text.
    static func tag(at start: Int, in utf8: [UInt8], before end: Int) -> Tag? {
        var index = start + 1
        let closing = index < end && utf8[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        let nameStart = index
        let startsWithLetter = index < end && (utf8[index] | 0x20) >= UInt8(ascii: "a") && (utf8[index] | 0x20) <= UInt8(ascii: "z")
        while startsWithLetter,  index < end, isNameByte(utf8[index]) || (index > nameStart && (utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "."))) {
            index += 1
        }
        let special = index == nameStart && index < end && (utf8[index] == UInt8(ascii: "!") || utf8[index] == UInt8(ascii: "?"))
        guard index > nameStart || special || (index < end && utf8[index] == UInt8(ascii: ">")) else { return nil }
        let name = String(decoding: utf8[nameStart..<index], as: UTF8.self).lowercased()
        var depth = 0
        while index < end {
            let byte = utf8[index]
            if depth == 0, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = (utf8[(index + 1)..<end].firstIndex(of: byte) ?? end - 1) + 1
                continue
            }
            if byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "}") { depth = max(0, depth - 1) }
            if byte == UInt8(ascii: ">"), depth == 0 {
                let selfClosing = utf8[index - 1] == UInt8(ascii: "/")
                let raw = rawElements.contains(name) || (!voidElements.contains(name) && holdsCode(utf8[start..<index]))
                return Tag(range: start..<(index + 1), name: name, opensRawElement: !closing && !selfClosing && raw)
            }
            index += 1
        }
        return Tag(range: start..<end, name: name, opensRawElement: false)
    }

    /// Classes that make an element's content code or a diagram's source: `<div
    /// class="mermaid">`, highlighters' `language-python`. (`highlight` is also a prose
    /// style; Rouge's `<div class="highlight">` holds a `<pre>` anyway.)
    static let codeClasses = ["mermaid", "language-"].map { Array($0.utf8) }

    /// Elements with no content (`<img>`, `<br>`): nothing of theirs can be code.
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    /// Whether the tag's `class` (or JSX `className`) value names a code class.
    static func holdsCode(_ tag: ArraySlice<UInt8>) -> Bool {
        var index = tag.startIndex
        while let equals = tag[index...].firstIndex(of: UInt8(ascii: "=")) {
            index = equals + 1
            let nameEnd = tag[..<equals].lastIndex { $0 != 0x20 }.map { $0 + 1 } ?? equals
            let nameStart = tag[..<nameEnd].lastIndex { !isNameByte($0) }.map { $0 + 1 } ?? tag.startIndex
            let name = String(decoding: tag[nameStart..<nameEnd], as: UTF8.self).lowercased()
            guard name == "class" || name == "classname" else { continue }
            let value = tag[index...].drop { $0 == 0x20 }
            guard let quote = value.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
            let folded = Array(value.dropFirst().prefix { $0 != quote }.map(ByteSearch.lowercased))
            if codeClasses.contains(where: { ByteSearch.contains(folded, $0) }) { return true }
        }
        return false
    }


    /// Where `</name>` ends, searching from `start`; nil when the block does not close it.
    static func closingTag(named name: String, in utf8: [UInt8], from start: Int, before end: Int) -> Int? {
        let closing = Array("</\(name)".utf8)
        var index = start
        while let found = firstIndex(of: closing, in: utf8, from: index, before: end, foldingCase: true) {
            let after = found + closing.count
            if after >= end || !(isNameByte(utf8[after]) || utf8[after] == UInt8(ascii: "-")) {
                return (utf8[after..<end].firstIndex(of: UInt8(ascii: ">")) ?? end - 1) + 1
            }
            index = found + 1
        }
        return nil
    }

    /// `&name;`, `&#123;` or `&#x1F;`.
    static func characterReference(at start: Int, in utf8: [UInt8], before end: Int) -> Range<Int>? {
        var index = start + 1
        if index < end, utf8[index] == UInt8(ascii: "#") { index += 1 }
        let bodyStart = index
        while index < end, index - bodyStart < 32, isNameByte(utf8[index]) { index += 1 }
        guard index > bodyStart, index < end, utf8[index] == UInt8(ascii: ";") else { return nil }
        return start..<(index + 1)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    private static func firstIndex(of needle: [UInt8], in utf8: [UInt8], from start: Int, before end: Int, foldingCase: Bool = false) -> Int? {
        guard start < end else { return nil }
        return utf8.withUnsafeBufferPointer { buffer in
            let window = UnsafeBufferPointer(rebasing: buffer[start..<end])
            let found = foldingCase ? ByteSearch.Needle(needle, folding: true).firstIndex(in: window) : ByteSearch.firstIndex(of: needle, in: window)
            return found.map { $0 + start }
        }
    }
}
