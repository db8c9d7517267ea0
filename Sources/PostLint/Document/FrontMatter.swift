/// Front matter at the very start of a post: YAML from a `---` line to a line holding only
/// `---` or `...`, or Hugo's TOML between `+++` lines.
public struct FrontMatter: Sendable, Hashable {
    /// The whole block, both delimiter lines included.
    public let range: Range<Int>
    /// The YAML (or TOML) between the delimiters.
    public let contentRange: Range<Int>
    /// YAML, which the rules read; of TOML only the prose keys' strings are read as prose.
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

    /// Whether the block's first line is a `key:` line.
    func opensWithAKey(in utf8: [UInt8], lines: LineIndex) -> Bool {
        guard !contentRange.isEmpty else { return false }
        let first = utf8[lines.contentRange(ofLine: lines.lineNumber(at: contentRange.lowerBound))]
        guard let colon = first.firstIndex(of: UInt8(ascii: ":")), colon > first.startIndex else { return false }
        return first[..<colon].allSatisfy { LineText.isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
            && (colon + 1 == first.endIndex || first[colon + 1] == 0x20)
    }

    /// The values readers see as text (`title: …`, `description: …`, and in TOML
    /// `title = "…"`), each on its top-level key's line, without quotes; not block
    /// scalars, lists or TOML's multi-line strings.
    func proseValueRanges(in utf8: [UInt8], lines: LineIndex) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var line = lines.lineNumber(at: contentRange.lowerBound)
        var openString: [UInt8]?  // the delimiter of a TOML multi-line string the line is in
        while line < lines.lineCount, lines.lineStarts[line] < contentRange.upperBound {
            defer { line += 1 }
            let range = lines.contentRange(ofLine: line)
            if !isYAML {
                if Self.isInMultiLineString(utf8[range], delimiter: &openString) { continue }
                // Keys after a table header (`[params]`) are the table's: only top-level keys
                // are read, as in YAML.
                if utf8[range].first(where: { !Self.isSpaceOrTab($0) }) == UInt8(ascii: "[") { break }
            }
            guard let value = isYAML ? Self.yamlValue(in: utf8, line: range) : Self.tomlString(in: utf8, line: range) else { continue }
            // Text in backticks is code, as in the post's body.
            var piece = value.lowerBound
            var inCode = false
            for index in value where utf8[index] == UInt8(ascii: "`") {
                if !inCode, piece < index { found.append(piece..<index) }
                inCode.toggle()
                piece = index + 1
            }
            if !inCode, piece < value.upperBound { found.append(piece..<value.upperBound) }
        }
        return found
    }

    /// A prose key's value on a YAML line (`title: Text`, `title: "Text"`), without its
    /// quotes or a trailing comment.
    private static func yamlValue(in utf8: [UInt8], line range: Range<Int>) -> Range<Int>? {
        guard let colon = utf8[range].firstIndex(of: UInt8(ascii: ":")),
            proseKeys.contains(String(decoding: utf8[range.lowerBound..<colon], as: UTF8.self))
        else { return nil }
        let value = trimmedRange(colon + 1..<range.upperBound, in: utf8)
        let start = value.lowerBound
        var end = value.upperBound
        guard start < end, !"|>[{&*!#".utf8.contains(utf8[start]) else { return nil }
        if end - start >= 2, utf8[start] == utf8[end - 1], utf8[start] == UInt8(ascii: "\"") || utf8[start] == UInt8(ascii: "'") {
            return start + 1..<end - 1
        }
        // An unquoted value ends at a comment.
        if let comment = (start..<end).first(where: { utf8[$0] == UInt8(ascii: "#") && utf8[$0 - 1] == 0x20 }) { end = comment }
        return start..<end
    }

    /// Whether a TOML line opens, continues or closes a multi-line string (`"""`, `'''`),
    /// whose lines are the string's text, not keys.
    private static func isInMultiLineString(_ line: ArraySlice<UInt8>, delimiter open: inout [UInt8]?) -> Bool {
        let count = { (delimiter: [UInt8]) in
            line.indices.filter { line[$0...].starts(with: delimiter) }.count
        }
        if let delimiter = open {
            if count(delimiter) % 2 == 1 { open = nil }
            return true
        }
        for delimiter in [Array("\"\"\"".utf8), Array("'''".utf8)] where count(delimiter) % 2 == 1 {
            open = delimiter
            return true
        }
        return false
    }

    /// A prose key's string on a TOML line (`title = "Text"`, `title = 'Text'`), without
    /// its quotes: TOML writes every string quoted (a bare value is a number, a date or a
    /// boolean), and a line of its own (`"""`) opens a multi-line one, left alone.
    private static func tomlString(in utf8: [UInt8], line range: Range<Int>) -> Range<Int>? {
        guard let equals = utf8[range].firstIndex(of: UInt8(ascii: "=")) else { return nil }
        var key = String(decoding: utf8[trimmedRange(range.lowerBound..<equals, in: utf8)], as: UTF8.self)
        if key.count >= 2, let first = key.first, first == key.last, first == "\"" || first == "'" { key = String(key.dropFirst().dropLast()) }
        // Hugo reads front matter keys in any case (`Title = …`); TOML may quote a key.
        guard proseKeys.contains(key.lowercased()) else { return nil }
        let open = trimmedRange(equals + 1..<range.upperBound, in: utf8).lowerBound
        guard open + 1 < range.upperBound, utf8[open] == UInt8(ascii: "\"") || utf8[open] == UInt8(ascii: "'") else { return nil }
        let quote = utf8[open]
        guard utf8[open + 1] != quote else { return nil }  // `""` empty, or `"""` multi-line
        var close = open + 1
        // A basic string (`"…"`) escapes its quote with a backslash; a literal one (`'…'`) cannot.
        while close < range.upperBound, utf8[close] != quote {
            close += quote == UInt8(ascii: "\"") && utf8[close] == UInt8(ascii: "\\") ? 2 : 1
        }
        return close < range.upperBound ? open + 1..<close : nil
    }

    private static let proseKeys: Set<String> = ["title", "subtitle", "description", "summary", "excerpt"]

    private static func trimmed(_ line: ArraySlice<UInt8>) -> [UInt8] {
        Array(line.reversed().drop(while: isSpaceOrTab).reversed())
    }

    /// `range` without the spaces and tabs at either end.
    private static func trimmedRange(_ range: Range<Int>, in utf8: [UInt8]) -> Range<Int> {
        var (start, end) = (range.lowerBound, range.upperBound)
        while start < end, isSpaceOrTab(utf8[start]) { start += 1 }
        while end > start, isSpaceOrTab(utf8[end - 1]) { end -= 1 }
        return start..<end
    }

    private static func isSpaceOrTab(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}
