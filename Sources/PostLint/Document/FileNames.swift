extension Document {
    /// Whether the text is (part of) a path or an address the post cannot show as text: a
    /// link reference definition (`[p]: ./소개.png`), or a front matter value word with a
    /// `/` or a file extension (`image: ./소개.png`), which the site generator looks up.
    func namesAFile(_ segment: Range<Int>) -> Bool {
        let line = lines.contentRange(ofLine: lines.lineNumber(at: segment.lowerBound))
        let isDefinition = utf8[line].withUnsafeBufferPointer { LineText.isLinkReferenceDefinition($0) }
        // Either end of the segment in an address (a repair may run from prose into an `href`).
        let last = max(segment.lowerBound, segment.upperBound - 1)
        if isDefinition || isInAddress(segment, line: line) || line.contains(last) && isInAddress(last..<last + 1, line: line) { return true }
        guard let frontMatter, frontMatter.range.contains(segment.lowerBound) else { return false }
        let separators: [UInt8] = [0x20, 0x09, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]")]
        var start = segment.lowerBound
        while start > line.lowerBound, !separators.contains(utf8[start - 1]) { start -= 1 }
        var end = segment.upperBound
        while end < line.upperBound, !separators.contains(utf8[end]) { end += 1 }
        let word = utf8[start..<end]
        if word.contains(UInt8(ascii: "/")) || word.contains(UInt8(ascii: "\\")) { return true }
        guard let dot = word.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let fileExtension = word[(dot + 1)...]
        return (1...5).contains(fileExtension.count) && fileExtension.allSatisfy(LineText.isAlphanumeric)
    }

    /// Whether the segment lies in an address outside Markdown's link syntax: an HTML or
    /// JSX attribute that names a file or page (`src="./cafÃ©.png"`, `href='/blog/…'`), or a
    /// bare URL or autolink (`https://example.com/Ã©tÃ©`).
    private func isInAddress(_ segment: Range<Int>, line: Range<Int>) -> Bool {
        let before = String(decoding: utf8[line.lowerBound..<segment.lowerBound], as: UTF8.self)
        // The token the segment starts in: back to a space, a bracket or a quote.
        let token = before.reversed().prefix { !" \t([<\"'`".contains($0) }
        if String(token.reversed()).contains("://") { return true }
        // An attribute value still open before the segment.
        guard let quote = before.lastIndex(where: { $0 == "\"" || $0 == "'" }) else { return false }
        let head = before[..<quote].reversed().drop { $0 == " " || $0 == "{" }
        guard head.first == "=" else { return false }
        let name = String(head.dropFirst().drop { $0 == " " }.prefix { $0.isLetter || $0 == "-" }.reversed()).lowercased()
        return Self.addressAttributes.contains(name)
    }

    private static let addressAttributes: Set<String> = ["src", "href", "srcset", "poster", "data", "action", "cite", "url", "to", "link"]
}
