extension Document {
    /// Whether the text is (part of) a path or an address the post cannot show as text: a
    /// link reference definition (`[p]: ./소개.png`), or a front matter value word with a
    /// `/` or a file extension (`image: ./소개.png`), which the site generator looks up.
    func namesAFile(_ segment: Range<Int>) -> Bool {
        let line = lines.contentRange(ofLine: lines.lineNumber(at: segment.lowerBound))
        let isDefinition = utf8[line].withUnsafeBufferPointer { LineText.isLinkReferenceDefinition($0) }
        if isDefinition { return true }
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
}
