import Yams

/// The inline comments that silence findings:
/// - `<!-- postlint-disable [RULE ...] -->` … `<!-- postlint-enable [RULE ...] -->`
///   (without rules, every rule; an enable without rules closes every open disable, one
///   with rules closes the disables that name any of them);
/// - `<!-- postlint-disable-next-line [RULE ...] -->` for the line after the comment;
/// - the same inside MDX comments: `{/* postlint-disable RULE */}`;
/// - front matter `postlint-disable: [RULE, ...]` (or `all`) for the whole file.
public struct Suppressions: Sendable {
    public struct Entry: Sendable, Hashable {
        /// Nil silences every rule.
        public let rules: Set<String>?
        /// 0-based lines whose findings it silences.
        public let lines: ClosedRange<Int>
        /// Where the comment (or front matter key) is, for reporting it when unused.
        public let commentRange: Range<Int>

        func silences(_ diagnostic: Diagnostic, line: Int) -> Bool {
            lines.contains(line) && (rules?.contains(diagnostic.rule) ?? true)
        }
    }

    public let entries: [Entry]
    /// Comments that start like a directive but are none (`postlint-disable-line`,
    /// `postlint-disble-next-line`, `postlint-disable-next-line:`): they silence nothing,
    /// which their writer does not expect. Each with the word as written.
    public let malformed: [(range: Range<Int>, word: String)]

    public init(_ document: Document) {
        var entries: [Entry] = []
        var malformed: [(range: Range<Int>, word: String)] = []
        var open: [(rules: Set<String>?, line: Int, range: Range<Int>)] = []
        let lastLine = document.lines.lineCount - 1
        for region in Self.commentRegions(document) {
            let comment = document.string(region.range)
            guard let directive = Self.directive(in: comment) else {
                if let word = Self.malformedDirective(in: comment) { malformed.append((region.range, word)) }
                continue
            }
            let line = document.lines.lineNumber(at: region.range.lowerBound)
            switch directive.verb {
            case "disable-next-line":
                let endLine = document.lines.lineNumber(at: max(region.range.lowerBound, region.range.upperBound - 1))
                let target = min(lastLine, endLine + 1)
                entries.append(Entry(rules: directive.rules, lines: target...target, commentRange: region.range))
            case "disable":
                open.append((directive.rules, line, region.range))
            default:  // enable
                let closing = open.filter { block in
                    guard let enabled = directive.rules else { return true }
                    return block.rules.map { !$0.isDisjoint(with: enabled) } ?? false
                }
                for block in closing {
                    entries.append(Entry(rules: block.rules, lines: block.line...max(block.line, line), commentRange: block.range))
                }
                open.removeAll { block in closing.contains { $0.range == block.range } }
            }
        }
        for block in open {
            entries.append(Entry(rules: block.rules, lines: block.line...max(block.line, lastLine), commentRange: block.range))
        }
        if let whole = Self.frontMatterEntry(document, lastLine: lastLine) { entries.append(whole) }
        self.entries = entries
        self.malformed = malformed
    }

    /// HTML and MDX comments, and the `//` or `/* */` comment lines of MDX import blocks.
    static func commentRegions(_ document: Document) -> [Region] {
        var comments: [Region] = []
        for region in document.regions {
            switch region.kind {
            case .htmlComment, .jsxComment:
                comments.append(region)
            case .esm:
                let first = document.lines.lineNumber(at: region.range.lowerBound)
                let last = document.lines.lineNumber(at: max(region.range.lowerBound, region.range.upperBound - 1))
                for line in first...last {
                    let content = document.lines.contentRange(ofLine: line)
                    let text = document.string(content).trimmingCharacters(in: .whitespaces)
                    if text.hasPrefix("//") || text.hasPrefix("/*") || text.hasPrefix("{/*") {
                        comments.append(Region(.jsxComment, content))
                    }
                }
            default:
                break
            }
        }
        return comments
    }

    /// `postlint-disable a b` → ("disable", [a, b]); nil for other comments.
    static func directive(in comment: String) -> (verb: String, rules: Set<String>?)? {
        let words = words(of: comment)
        guard let first = words.first, first.hasPrefix("postlint-") else { return nil }
        let verb = String(first.dropFirst("postlint-".count))
        guard ["disable", "enable", "disable-next-line"].contains(verb) else { return nil }
        let rules = Array(words.dropFirst())
        return (verb, rules.isEmpty ? nil : Set(rules))
    }

    /// The first word of a comment that begins as a directive but is none, nil otherwise.
    static func malformedDirective(in comment: String) -> String? {
        guard let first = words(of: comment).first, first.lowercased().hasPrefix("postlint-") || first.lowercased().hasPrefix("postlint:") else { return nil }
        return first
    }

    /// The words of a comment inside its delimiters.
    private static func words(of comment: String) -> [String] {
        var body = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        for (prefix, suffix) in [("<!--", "-->"), ("{/*", "*/}"), ("/*", "*/"), ("//", "")]
        where body.hasPrefix(prefix) && body.hasSuffix(suffix) {
            body = String(body.dropFirst(prefix.count).dropLast(suffix.count))
            break
        }
        return body.split(whereSeparator: { $0 == " " || $0 == "," || $0.isNewline || $0 == "\t" }).map(String.init)
    }

    static func frontMatterEntry(_ document: Document, lastLine: Int) -> Entry? {
        guard let frontMatter = document.frontMatter, frontMatter.isYAML else { return nil }
        guard document.containsBytes("postlint-disable") else { return nil }
        let yaml = document.string(frontMatter.contentRange)
        guard
            let mapping = (try? YAMLParsing.compose(yaml))?.mapping,
            let (key, value) = mapping.first(where: { $0.key.scalar?.string == "postlint-disable" })
        else { return nil }
        let rules: Set<String>?
        if let list = value.sequence {
            rules = Set(list.compactMap { $0.scalar?.string })
        } else if let scalar = value.scalar?.string, scalar != "all", scalar != "true" {
            rules = Set(scalar.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init))
        } else {
            rules = nil
        }
        // Findings about the entry point at its own line of the front matter.
        let firstLine = document.lines.lineNumber(at: frontMatter.contentRange.lowerBound)
        let keyLine = key.mark.map { firstLine + $0.line - 1 } ?? firstLine
        let range = keyLine < document.lines.lineCount ? document.lines.contentRange(ofLine: keyLine) : frontMatter.range
        return Entry(rules: rules, lines: 0...max(0, lastLine), commentRange: range)
    }

    /// Drops silenced diagnostics; returns the rest and which entries silenced something.
    public func apply(to diagnostics: [Diagnostic], in document: Document) -> (kept: [Diagnostic], used: Set<Entry>) {
        guard !entries.isEmpty else { return (diagnostics, []) }
        var used: Set<Entry> = []
        let kept = diagnostics.filter { diagnostic in
            let line = document.lines.lineNumber(at: diagnostic.range.lowerBound)
            let silencing = entries.filter { $0.silences(diagnostic, line: line) }
            used.formUnion(silencing)
            return silencing.isEmpty
        }
        return (kept, used)
    }
}
