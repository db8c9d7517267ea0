/// GFM footnote labels (`[^label]` where a footnote is cited, and `[^label]:` where it is
/// defined) are identifiers that pair the two: a fix that changed a word in one of them
/// would unpair them (the citation then shows as text). cmark, without its footnote
/// option, reads them as plain text, so they are found here.
enum FootnoteLabels {
    /// Each `[^label]` outside `code` (sorted, disjoint ranges): the label has no spaces
    /// or brackets, as in GFM.
    static func regions(in bytes: [UInt8], outside code: [Range<Int>]) -> [Region] {
        guard ByteSearch.contains(bytes, Array("[^".utf8)) else { return [] }
        var regions: [Region] = []
        var index = 0
        while index + 2 < bytes.count {
            guard bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") else {
                index += 1
                continue
            }
            var end = index + 2
            while end < bytes.count, end - index < 1000, !isOutsideLabel(bytes[end]) { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "]"), end > index + 2, !code.anyContains(index) {
                regions.append(Region(.linkDestination, index..<(end + 1)))
                index = end + 1
            } else {
                index += 2
            }
        }
        return regions
    }

    private static func isOutsideLabel(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "]") || byte == UInt8(ascii: "[") || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// A heading's attribute block (`## Title {#custom-id}`, `{.class}`, `{: #id}`), as
/// kramdown, Pandoc and Hugo's Goldmark read it: an identifier other pages and links use,
/// never prose. (In MDX the same braces are an expression, found there.)
enum HeadingAttributes {
    static func regions(in bytes: [UInt8], headings: [Heading]) -> [Region] {
        headings.compactMap { heading in
            var end = heading.range.upperBound
            while end > heading.range.lowerBound, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[end - 1]) { end -= 1 }
            guard end > heading.range.lowerBound, bytes[end - 1] == UInt8(ascii: "}"),
                let open = bytes[heading.range.lowerBound..<(end - 1)].lastIndex(of: UInt8(ascii: "{")),
                open + 1 < end - 1, [UInt8(ascii: "#"), UInt8(ascii: "."), UInt8(ascii: ":")].contains(bytes[open + 1])
            else { return nil }
            return Region(.html, open..<end)
        }
    }
}
