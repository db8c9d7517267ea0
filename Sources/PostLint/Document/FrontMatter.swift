/// Front matter at the very start of a post: YAML from a `---` line to a line holding only
/// `---` or `...`, or Hugo's TOML between `+++` lines.
public struct FrontMatter: Sendable, Hashable {
    /// The whole block, both delimiter lines included.
    public let range: Range<Int>
    /// The YAML (or TOML) between the delimiters.
    public let contentRange: Range<Int>
    /// YAML, which the rules read; TOML is only kept out of the prose.
    public var isYAML = true

    static func find(in utf8: [UInt8], lines: LineIndex) -> FrontMatter? {
        guard lines.lineCount > 1 else { return nil }
        let first = trimmed(utf8[lines.contentRange(ofLine: 0)])
        let isYAML = first == Array("---".utf8)
        guard isYAML || first == Array("+++".utf8) else { return nil }
        for line in 1..<lines.lineCount {
            let text = trimmed(utf8[lines.contentRange(ofLine: line)])
            if text == first || (isYAML && text == Array("...".utf8)) {
                let end = line + 1 < lines.lineCount ? lines.lineStarts[line + 1] : utf8.count
                return FrontMatter(range: 0..<end, contentRange: lines.lineStarts[1]..<lines.lineStarts[line], isYAML: isYAML)
            }
        }
        return nil
    }

    private static func trimmed(_ line: ArraySlice<UInt8>) -> [UInt8] {
        Array(line.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.reversed())
    }
}
