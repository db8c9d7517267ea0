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
        // A slug makes the post's address: `slug: cafÃ©-review` is the page's URL as published
        // (YAML `key:`, TOML `key =`, JSON `"key":`).
        let key = utf8[line].prefix { $0 != UInt8(ascii: ":") && $0 != UInt8(ascii: "=") }
            .filter { $0 != 0x20 && $0 != 0x09 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: ",") }
        if Self.addressKeys.contains(String(decoding: key, as: UTF8.self).lowercased()) { return true }
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
        let bytes = utf8
        // The token the segment starts in: back to a space, a bracket or a quote.
        var start = segment.lowerBound
        while start > line.lowerBound, !Self.tokenStops.contains(bytes[start - 1]) { start -= 1 }
        let scheme: [UInt8] = Array("://".utf8)
        // An address in parentheses ends at its `)`: a Korean particle after a link
        // (`[문서](https://example.com/docs)를`) is prose.
        let closedBefore = start > line.lowerBound && bytes[start - 1] == UInt8(ascii: "(")
            && bytes[start..<segment.lowerBound].contains(UInt8(ascii: ")"))
        if !closedBefore, segment.lowerBound - start >= 3,
            bytes[start..<segment.lowerBound].withUnsafeBufferPointer({ ByteSearch.contains($0, scheme) })
        {
            return true
        }
        // An attribute value still open before the segment: `name = "` or `name={'`.
        guard let quote = bytes[line.lowerBound..<segment.lowerBound].lastIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") })
        else { return false }
        var index = quote - 1
        while index >= line.lowerBound, bytes[index] == 0x20 || bytes[index] == UInt8(ascii: "{") { index -= 1 }
        guard index >= line.lowerBound, bytes[index] == UInt8(ascii: "=") else { return false }
        index -= 1
        while index >= line.lowerBound, bytes[index] == 0x20 { index -= 1 }
        let nameEnd = index + 1
        while index >= line.lowerBound, LineText.isLetter(bytes[index]) || bytes[index] == UInt8(ascii: "-") { index -= 1 }
        let name = String(decoding: bytes[(index + 1)..<nameEnd].map { $0 | 0x20 }, as: UTF8.self)
        return Self.addressAttributes.contains(name)
    }

    /// What ends a token before a segment: white space, brackets, quotes.
    private static let tokenStops = ByteSet(" \t([<\"'`")

    /// Front matter keys whose values make or name the post's address.
    private static let addressKeys: Set<String> = ["slug", "permalink", "url", "aliases", "redirect_from", "redirect_to", "canonical", "canonical_url"]

    private static let addressAttributes: Set<String> = ["src", "href", "srcset", "poster", "data", "action", "cite", "url", "to", "link"]
}
