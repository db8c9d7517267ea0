/// YAML front matter at the very start of a post: `---` on the first line, up to a line
/// holding only `---` or `...`.
public struct FrontMatter: Sendable, Hashable {
    /// The whole block, both delimiter lines included.
    public let range: Range<Int>
    /// The YAML between the delimiters.
    public let contentRange: Range<Int>

    static func find(in utf8: [UInt8], lines: LineIndex) -> FrontMatter? {
        guard lines.lineCount > 1, Self.isDelimiter(utf8[lines.contentRange(ofLine: 0)], allowDots: false)
        else { return nil }
        for line in 1..<lines.lineCount {
            let content = lines.contentRange(ofLine: line)
            if Self.isDelimiter(utf8[content], allowDots: true) {
                let end = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : utf8.count
                return FrontMatter(range: 0..<end, contentRange: lines.lineStarts[1]..<lines.lineStarts[line])
            }
        }
        return nil
    }

    private static func isDelimiter(_ line: ArraySlice<UInt8>, allowDots: Bool) -> Bool {
        let trimmed = line.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let text = Array(trimmed.reversed())
        return text == Array("---".utf8) || (allowDots && text == Array("...".utf8))
    }
}
