/// A decoded post: its text, line index, and the regions rules ask about.
/// Every offset is a UTF-8 byte offset into `text` (the file without its byte order mark).
public final class Document: @unchecked Sendable {
    public enum Format: String, Sendable {
        case markdown, mdx, plainText

        public init(path: String) {
            let lowered = path.lowercased()
            if lowered.hasSuffix(".mdx") {
                self = .mdx
            } else if lowered.hasSuffix(".txt") {
                self = .plainText
            } else {
                self = .markdown
            }
        }
    }

    public let source: SourceFile
    public let text: String
    public let utf8: [UInt8]
    public let lines: LineIndex
    public let format: Format
    public let frontMatter: FrontMatter?
    /// Every region, sorted by start offset.
    public let regions: [Region]
    public let headings: [Heading]
    /// HTML blocks (their text is prose, but Markdown written there is shown as typed).
    public let htmlBlocks: [Range<Int>]
    public let esm: ESMDeclarations
    public let expressions: [JSXExpression]

    public var path: String { source.path }

    /// Values rules derive from the document and share (see `DerivedValues`).
    let derived = DerivedValues()

    /// The text as UTF-16, for ICU's regular expressions; made on first use, as a derived
    /// value (locked) rather than a lazy property: a document's rules may run in parallel.
    public var utf16Text: UTF16Text { derived.value("utf16-text") { UTF16Text(utf8) } }

    /// Builds the document of a source that decoded as UTF-8, read as `format` (by default
    /// the one its file name gives: a configuration may read `.md` files as MDX).
    public init?(source: SourceFile, format chosen: Format? = nil) {
        guard let text = source.text else { return nil }
        self.source = source
        self.text = text
        // The file's bytes are the text's bytes unless a byte order mark precedes them:
        // share them rather than hold a second copy of a large post.
        utf8 = source.hasByteOrderMark ? Array(text.utf8) : source.bytes
        lines = LineIndex(utf8: utf8)
        format = chosen ?? Format(path: source.path)
        // Jekyll reads the front matter of any file; a text file opening with a `---` line
        // and a paragraph has none.
        let found = FrontMatter.find(in: utf8, lines: lines)
        if format == .plainText, let found, !(found.isYAML && found.opensWithAKey(in: utf8, lines: lines)) {
            frontMatter = nil
        } else {
            frontMatter = found
        }

        var regions: [Region] = []
        var masked = utf8
        if let frontMatter {
            regions.append(Region(.frontMatter, frontMatter.range))
            Self.blank(frontMatter.range, in: &masked)
        }
        var esmBlocks: [Range<Int>] = []
        if format == .mdx {
            let flow = MDXFlow(utf8, lines: lines, after: frontMatter?.range.upperBound ?? 0)
            esmBlocks = flow.esmBlocks
            for block in esmBlocks {
                regions.append(Region(.esm, block))
                Self.blank(block, in: &masked)
            }
            for code in flow.indentedFences + flow.mdxCodeBlockMarkers {
                regions.append(Region(.codeBlock, code))
                Self.blank(code, in: &masked)
            }
        }
        esm = ESMScanner.scan(utf8, blocks: esmBlocks)

        var structure = MarkdownStructure()
        if format != .plainText {
            structure = MarkdownStructure(maskedText: masked, lines: lines, mdx: format == .mdx)
            regions += structure.regions
        }
        if format != .plainText {
            let code = structure.regions.filter { $0.kind == .codeBlock || $0.kind == .codeSpan }.map(\.range)
            if format == .markdown {
                regions += TemplateTags.regions(in: masked, outside: code)
                regions += HeadingAttributes.regions(in: masked, headings: structure.headings)
            }
            regions += FootnoteLabels.regions(in: masked, outside: code)
        }
        headings = structure.headings
        htmlBlocks = structure.htmlBlocks

        var mathSpans: [Range<Int>]? = nil
        if format == .mdx {
            let code = regions.filter { MathSpans.codeKinds.contains($0.kind) }.map(\.range)
            // Under remark-math, `$\hat{y}$` is TeX: its braces are no expression.
            let math = ByteSearch.contains(utf8, [UInt8(ascii: "$")]) || ByteSearch.contains(utf8, [UInt8(ascii: "\\")])
                ? MathSpans.scan(utf8, code: code) : []
            mathSpans = math
            let codeAndMath = (code + math).sorted { $0.lowerBound < $1.lowerBound }
            // Addresses, link titles, reference definitions and quoted attribute values are
            // text to MDX: their braces open no expression.
            let text = regions.filter { $0.kind == .linkDestination }.map(\.range)
                + Self.linkReferenceDefinitions(utf8, lines: lines, outside: codeAndMath)
                + JSXExpressionScanner.quotedAttributeValues(utf8, skipping: codeAndMath)
            let opaque = Self.merged((codeAndMath + text).sorted { $0.lowerBound < $1.lowerBound })
            expressions = JSXExpressionScanner.scan(utf8, skipping: opaque)
            regions += expressions.map { Region($0.isComment ? .jsxComment : .jsxExpression, $0.range) }
        } else {
            expressions = []
        }
        self.regions = regions.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        nonProse = Self.merged(self.regions.filter { Self.nonProseKinds.contains($0.kind) }.map(\.range))
        // The expressions added no region math is blind to: the rules' `MathSpans.find` would
        // find these same spans again.
        if let mathSpans { _ = derived.value(MathSpans.key) { mathSpans } }
    }

    /// The union of the non-prose regions, sorted and disjoint, so `isProse` is a binary
    /// search rather than a walk over every region.
    private let nonProse: [Range<Int>]

    static func merged(_ sortedRanges: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for range in sortedRanges where !range.isEmpty {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    // MARK: - Questions rules ask

    /// The kinds of every region that contains `offset`.
    public func regionKinds(at offset: Int) -> Set<Region.Kind> {
        var kinds: Set<Region.Kind> = []
        for region in regions {
            if region.range.lowerBound > offset { break }
            if region.range.contains(offset) { kinds.insert(region.kind) }
        }
        return kinds
    }

    /// Code, markup, front matter and MDX syntax: everything that is not prose.
    public static let nonProseKinds: Set<Region.Kind> = [
        .frontMatter, .esm, .jsxExpression, .jsxComment, .html, .htmlComment, .codeBlock, .codeSpan,
        .linkDestination,
    ]

    /// Whether `range` lies entirely in prose (no code, markup or syntax around it).
    public func isProse(_ range: Range<Int>) -> Bool {
        // The first non-prose interval that ends after the range starts.
        let low = nonProse.firstIndex(endingAfter: range.lowerBound)
        guard low < nonProse.count else { return true }
        let candidate = nonProse[low]
        return range.isEmpty ? !candidate.contains(range.lowerBound) : !candidate.overlaps(range)
    }

    public func regions(of kind: Region.Kind) -> [Region] {
        regions.filter { $0.kind == kind }
    }

    public func string(_ range: Range<Int>) -> String {
        String(decoding: utf8[range], as: UTF8.self)
    }

    public func position(at offset: Int) -> LineIndex.Position {
        lines.position(at: offset)
    }

    /// The text of the line holding `offset`, without its newline.
    public func lineText(at offset: Int) -> String {
        string(lines.contentRange(ofLine: lines.lineNumber(at: offset)))
    }

    // MARK: - Building

    private static func blank(_ range: Range<Int>, in bytes: inout [UInt8]) {
        for index in range where bytes[index] != 0x0A && bytes[index] != 0x0D {
            bytes[index] = 0x20
        }
    }

    /// Lines that are Markdown link reference definitions (`[label]: address`) outside
    /// `code`: cmark takes them in without a node.
    static func linkReferenceDefinitions(_ utf8: [UInt8], lines: LineIndex, outside code: [Range<Int>]) -> [Range<Int>] {
        utf8.withUnsafeBufferPointer { buffer in
            (0..<lines.lineCount).compactMap { line -> Range<Int>? in
                let range = lines.contentRange(ofLine: line)
                guard !range.isEmpty, buffer[range.lowerBound] == UInt8(ascii: "[") || buffer[range.lowerBound] == 0x20,
                    LineText.isLinkReferenceDefinition(UnsafeBufferPointer(rebasing: buffer[range])),
                    !code.contains(where: { $0.overlaps(range) })
                else { return nil }
                return range
            }
        }
    }
}

extension Document {
    /// Whether the text contains `needle`, compared byte for byte (no Unicode folding):
    /// far cheaper than `String.contains`, which goes through Foundation.
    public func containsBytes(_ needle: String) -> Bool {
        ByteSearch.contains(utf8, Array(needle.utf8))
    }
}

/// A text in UTF-16 with, for every code unit index, the UTF-8 offset it starts at.
public struct UTF16Text: Sendable {
    public let units: [UInt16]
    /// `utf8Offsets[i]` is the UTF-8 offset of UTF-16 index `i`; one extra entry for the end.
    public let utf8Offsets: [Int32]

    init(_ utf8: [UInt8]) {
        // A UTF-8 text never has more UTF-16 units than bytes: fill buffers of that size
        // through pointers (appending unit by unit cost as much as the regex search).
        let byteCount = utf8.count
        var units = [UInt16](repeating: 0, count: byteCount)
        var offsets = [Int32](repeating: 0, count: byteCount + 1)
        var count = 0
        utf8.withUnsafeBufferPointer { bytes in
            units.withUnsafeMutableBufferPointer { units in
                offsets.withUnsafeMutableBufferPointer { offsets in
                    var index = 0
                    while index < byteCount {
                        let lead = bytes[index]
                        if lead < 0x80 {
                            units[count] = UInt16(lead)
                            offsets[count] = Int32(index)
                            count += 1
                            index += 1
                            continue
                        }
                        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                        var scalar = UInt32(lead) & UInt32(0xFF >> (length + 1))
                        for offset in 1..<length where index + offset < byteCount {
                            scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F)
                        }
                        if scalar > 0xFFFF {
                            let value = scalar - 0x10000
                            units[count] = UInt16(0xD800 + (value >> 10))
                            units[count + 1] = UInt16(0xDC00 + (value & 0x3FF))
                            offsets[count] = Int32(index)
                            offsets[count + 1] = Int32(index)
                            count += 2
                        } else {
                            units[count] = UInt16(scalar)
                            offsets[count] = Int32(index)
                            count += 1
                        }
                        index += length
                    }
                    offsets[count] = Int32(byteCount)
                }
            }
        }
        units.removeLast(units.count - count)
        offsets.removeLast(offsets.count - count - 1)
        self.units = units
        utf8Offsets = offsets
    }
}
