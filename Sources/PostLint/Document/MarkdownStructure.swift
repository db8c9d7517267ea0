import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// The block and inline structure of Markdown, from cmark-gfm's source positions.
/// It parses a copy of the text in which front matter and MDX ESM are blanked out with
/// spaces, so every position cmark reports is an offset into the original text.
struct MarkdownStructure {
    var regions: [Region] = []
    var headings: [Heading] = []
    /// HTML blocks, whose text CommonMark shows as written: Markdown there is not rendered.
    var htmlBlocks: [Range<Int>] = []

    init() {}

    /// `mdx`: MDX has no indented code; what CommonMark takes for one there is JSX and
    /// text indented inside a component (`<TabItem>`), read like an HTML block.
    init(maskedText: [UInt8], lines: LineIndex, mdx: Bool = false) {
        self.mdx = mdx
        // CommonMark ends a line at a lone CR too, LineIndex only at LF: with lone CRs left
        // in, cmark's line numbers run past LineIndex's lines (and crashed the mapping).
        // Blanking them keeps every offset and makes both count the same lines.
        var maskedText = maskedText
        // Most files hold no CR at all: one memchr says so.
        if ByteSearch.contains(maskedText, [0x0D]) {
            for index in maskedText.indices where maskedText[index] == 0x0D {
                if index + 1 == maskedText.count || maskedText[index + 1] != 0x0A { maskedText[index] = 0x20 }
            }
        }
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return }
        defer { cmark_parser_free(parser) }
        for extensionHandle in Self.extensions { cmark_parser_attach_syntax_extension(parser, extensionHandle) }
        maskedText.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return }
        defer { cmark_node_free(root) }
        walk(root, utf8: maskedText, lines: lines)
    }

    private var mdx = false

    /// cmark-gfm's extensions, registered and found once per process. Registering is not
    /// thread-safe (a static flag set after the global list of extensions is appended to):
    /// two files parsed at once on first use could both register, and one run in some
    /// dozens failed an assertion inside cmark. Swift runs this initialiser exactly once.
    nonisolated(unsafe) private static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        let names = ["table", "strikethrough", "autolink", "tasklist"]
        return names.compactMap { name in name.withCString { cmark_find_syntax_extension($0) } }
    }()

    private mutating func walk(_ root: OpaquePointer, utf8: [UInt8], lines: LineIndex) {
        // Where the last bare URL ended: two URLs with the same text on a line are found in turn.
        var autolinkEnd = 0
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let range = Self.range(of: node, lines: lines)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK where mdx && !Self.isFenced(node):
                regions += HTMLBlockMarkup.regions(of: range, in: utf8)
            case CMARK_NODE_CODE_BLOCK:
                regions.append(Region(.codeBlock, range))
            case CMARK_NODE_CODE:
                regions.append(Region(.codeSpan, Self.widenToBackticks(range, utf8)))
            case CMARK_NODE_HTML_BLOCK where !Self.isComment(utf8[range]) && !Self.isOpaqueBlock(utf8[range]):
                regions += HTMLBlockMarkup.regions(of: range, in: utf8)
                htmlBlocks.append(range)
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                regions.append(Region(Self.isComment(utf8[range]) ? .htmlComment : .html, range))
                // In MDX `<code>{name}</code>` is JSX: its braces are expressions.
                if !mdx, let element = Self.rawElement(openedBy: node, at: range, lines: lines, utf8: utf8) {
                    regions.append(Region(.codeSpan, element))
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let destination = Self.destinationRange(of: node, linkRange: range, lines: lines, utf8: utf8, after: autolinkEnd) {
                    regions.append(Region(.linkDestination, destination))
                    autolinkEnd = max(autolinkEnd, destination.upperBound)
                }
            case CMARK_NODE_HEADING:
                regions.append(Region(.heading, range))
                let title = Self.plainText(of: node)
                headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), range: range, title: title))
            default:
                break
            }
        }
    }

    static func range(of node: OpaquePointer, lines: LineIndex) -> Range<Int> {
        let start = lines.offset(
            line: Int(cmark_node_get_start_line(node)), byteColumn: Int(cmark_node_get_start_column(node)))
        // cmark's end column is inclusive; column 0 means "end of the previous line".
        let endLine = Int(cmark_node_get_end_line(node))
        let endColumn = Int(cmark_node_get_end_column(node))
        var end = endColumn == 0
            ? lines.contentRange(ofLine: min(max(0, endLine - 2), lines.lineCount - 1)).upperBound
            : lines.offset(line: endLine, byteColumn: endColumn + 1)
        if end <= start {
            // cmark reports a block that ends the document as ending before it starts
            // (`<!-- x -->` on the last line gives 5:1-4:0): take the rest of its line.
            end = lines.contentRange(ofLine: lines.lineNumber(at: start)).upperBound
        }
        return start..<max(start, end)
    }

    static func isFenced(_ node: OpaquePointer) -> Bool {
        // cmark writes through every pointer it is given.
        var (length, offset) = (Int32(0), Int32(0))
        var character = CChar(0)
        return cmark_node_get_fenced(node, &length, &offset, &character) != 0
    }

    /// cmark reports a code span's content; the region includes its backtick fences.
    static func widenToBackticks(_ range: Range<Int>, _ utf8: [UInt8]) -> Range<Int> {
        let backtick = UInt8(ascii: "`")
        var start = range.lowerBound
        if start > 1, utf8[start - 1] == 0x20, utf8[start - 2] == backtick { start -= 1 }
        while start > 0, utf8[start - 1] == backtick { start -= 1 }
        var end = range.upperBound
        if end + 1 < utf8.count, utf8[end] == 0x20, utf8[end + 1] == backtick { end += 1 }
        while end < utf8.count, utf8[end] == backtick { end += 1 }
        return start..<end
    }

    /// A processing instruction or CDATA section: markup through and through.
    static func isOpaqueBlock(_ bytes: ArraySlice<UInt8>) -> Bool {
        let trimmed = bytes.drop { $0 == 0x20 || $0 == 0x09 }
        return trimmed.starts(with: Array("<?".utf8)) || trimmed.starts(with: Array("<![CDATA[".utf8))
    }

    /// `<code>teh --seperate</code>`, `<kbd>`, `<samp>`, `<var>`, `<tt>` inside a paragraph:
    /// from an inline tag opening such an element to the tag closing it among the nodes
    /// after it, the whole element, which is code (as `HTMLBlockMarkup` takes it in a block).
    static func rawElement(openedBy node: OpaquePointer, at range: Range<Int>, lines: LineIndex, utf8: [UInt8]) -> Range<Int>? {
        guard cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE,
            let tag = HTMLBlockMarkup.tag(at: range.lowerBound, in: utf8, before: range.upperBound), tag.opensRawElement
        else { return nil }
        var next = cmark_node_next(node)
        // An element is closed within its paragraph's next few nodes, or is taken as not
        // closed: a paragraph of thousands of unclosed tags is read in linear time.
        var budget = 64
        while let sibling = next, budget > 0 {
            budget -= 1
            if cmark_node_get_type(sibling) == CMARK_NODE_HTML_INLINE {
                let closing = Self.range(of: sibling, lines: lines)
                if utf8[closing].lazy.map(ByteSearch.lowercased).starts(with: "</\(tag.name)".utf8) {
                    return range.lowerBound..<closing.upperBound
                }
            }
            next = cmark_node_next(sibling)
        }
        return nil
    }

    static func isComment(_ bytes: ArraySlice<UInt8>) -> Bool {
        let trimmed = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        return trimmed.starts(with: Array("<!--".utf8))
    }

    /// The `(...)` part of an inline link or image: from the end of its text to its end;
    /// for an autolink or bare URL, the URL's own text.
    static func destinationRange(
        of node: OpaquePointer, linkRange: Range<Int>, lines: LineIndex, utf8: [UInt8], after searchStart: Int = 0
    ) -> Range<Int>? {
        guard let url = cmark_node_get_url(node), url.pointee != 0 else { return nil }
        if cmark_node_get_start_line(node) == 0 || isAutolink(node, url: url) {
            return autolinkRange(of: node, lines: lines, utf8: utf8, after: searchStart)
        }
        var textEnd = linkRange.lowerBound
        var child = cmark_node_first_child(node)
        while let current = child {
            textEnd = max(textEnd, range(of: current, lines: lines).upperBound)
            child = cmark_node_next(current)
        }
        // A link's text can end past the link itself in cmark's positions (a reference
        // link whose label spans lines); then there is no inline destination to find.
        guard textEnd <= linkRange.upperBound,
            let open = utf8[textEnd..<linkRange.upperBound].firstIndex(of: UInt8(ascii: "("))
        else {
            // A reference link (`[text][label]`, `[text]`; autolinks were taken above): no
            // destination in the text, so the whole link, which cmark places right.
            return linkRange
        }
        return open..<linkRange.upperBound
    }

    /// Where an autolink's text (`https://…`, `www.…`, an e-mail address) is: cmark-gfm
    /// gives a bare URL no position at all (0:0, which reads as the first line: every word
    /// there was taken for a link and no typo on it reported) and an `<https://…>` after a
    /// paragraph's first line a wrong column. The text is looked for in the nearest block
    /// with a position, from `searchStart` on (two equal URLs are found in turn); nil when
    /// it is not found, so no text is hidden by a guess.
    static func autolinkRange(of node: OpaquePointer, lines: LineIndex, utf8: [UInt8], after searchStart: Int) -> Range<Int>? {
        let text = plainText(of: node)
        guard !text.isEmpty else { return nil }
        var block = cmark_node_parent(node)
        while let current = block, cmark_node_get_start_line(current) == 0 || isInline(current) { block = cmark_node_parent(current) }
        guard let container = block else { return nil }
        let area = range(of: container, lines: lines)
        let needle = Array(text.utf8)
        for start in [max(area.lowerBound, min(searchStart, area.upperBound)), area.lowerBound] {
            let found = utf8[start..<area.upperBound].withUnsafeBufferPointer { ByteSearch.firstIndex(of: needle, in: $0) }
            if let found { return (start + found)..<(start + found + needle.count) }
        }
        return nil
    }

    /// A link whose text is its address (`<https://…>`, a bare URL or e-mail address): one
    /// text child equal to the URL, read without building strings (every link is asked).
    private static func isAutolink(_ node: OpaquePointer, url: UnsafePointer<CChar>) -> Bool {
        guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
            cmark_node_get_type(child) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(child)
        else { return false }
        for prefix in ["", "mailto:", "http://"] {
            let matches = prefix.withCString { prefixBytes -> Bool in
                let length = strlen(prefixBytes)
                return strncmp(url, prefixBytes, length) == 0 && strcmp(url + length, literal) == 0
            }
            if matches { return true }
        }
        return false
    }

    private static func isInline(_ node: OpaquePointer) -> Bool {
        [CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_TEXT, CMARK_NODE_CODE,
            CMARK_NODE_HTML_INLINE, CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK].contains(cmark_node_get_type(node))
    }

    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK {
                text += " "
            }
        }
        return text
    }
}
