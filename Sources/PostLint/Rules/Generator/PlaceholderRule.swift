/// Text a generator meant to replace: the patterns live in `Rules/generator/placeholder.yml`
/// (the rule language); this file adds what patterns cannot judge alone.
public struct PlaceholderRule: Rule {
    static let definition = DeclarativeRuleLoader.builtIn("generator/placeholder.yml")

    public static var description: RuleDescription { definition.description }

    public init() {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let found = Self.definition.check(document, context: context)
        // Most posts give no match: Liquid is read only for those that do.
        let liquid = found.isEmpty ? nil : LiquidTemplate(document)
        let tokens = found.filter { liquid?.explains($0.range, in: document) != true }
        return (tokens + frontMatterTokens(document, severity: context.severity) + emptySections(document, severity: context.severity))
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Placeholders in front matter values (`title: "{{ paper_title }}"`, `summary: TODO`):
    /// no generator fills them there (Jekyll and Hugo do not run templates in front
    /// matter), so the site publishes them. Each `key: value` line's value is matched on its own.
    func frontMatterTokens(_ document: Document, severity: Severity) -> [Diagnostic] {
        guard let frontMatter = document.frontMatter else { return [] }
        let separator = frontMatter.isYAML ? UInt8(ascii: ":") : UInt8(ascii: "=")
        var diagnostics: [Diagnostic] = []
        let first = document.lines.lineNumber(at: frontMatter.contentRange.lowerBound)
        let last = document.lines.lineNumber(at: max(frontMatter.contentRange.lowerBound, frontMatter.contentRange.upperBound - 1))
        for line in first...last {
            let range = document.lines.contentRange(ofLine: line)
            guard let colon = document.utf8[range].firstIndex(of: separator) else { continue }
            let value = Self.unquoted(document.utf8, (colon + 1)..<range.upperBound)
            guard !value.isEmpty else { continue }
            let text = PrefilterText(bytes: Array(document.utf8[value]))
            for entry in Self.definition.entries {
                // Most values hold none of the literals a match needs: ICU is not asked.
                guard let match = PrefilteredPattern(entry.regex, required: entry.required).firstMatch(in: text), !match.range.isEmpty
                else { continue }
                let found = (value.lowerBound + match.range.lowerBound)..<(value.lowerBound + match.range.upperBound)
                let message = Template.expand(entry.message, match: match, in: text.bytes) + " (in front matter)"
                diagnostics.append(Diagnostic(rule: Self.description.id, severity: severity, range: found, message: message))
                break
            }
        }
        return diagnostics
    }

    /// The value without the white space and quotes around it.
    static func unquoted(_ utf8: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var (lower, upper) = (range.lowerBound, range.upperBound)
        while lower < upper, utf8[lower] == 0x20 || utf8[lower] == 0x09 { lower += 1 }
        while upper > lower, utf8[upper - 1] == 0x20 || utf8[upper - 1] == 0x09 || utf8[upper - 1] == 0x0D { upper -= 1 }
        if upper - lower >= 2, utf8[lower] == utf8[upper - 1], utf8[lower] == UInt8(ascii: "\"") || utf8[lower] == UInt8(ascii: "'") {
            lower += 1
            upper -= 1
        }
        return lower..<upper
    }

    /// Headings that name a slot a generator fills (`Rules/generator/content-slots.txt`).
    static let slots = RuleData.wordList("generator/content-slots.txt").compactMap {
        try? ICURegularExpression($0, options: .caseInsensitive)
    }

    static func namesSlot(_ title: String) -> Bool {
        slots.contains { $0.firstMatch(in: title) != nil } || UntranslatedRule.data.language(namedIn: title) != nil
            || UntranslatedRule.data.namesOriginal(title)
    }

    /// Slot headings (`## 초록 (Korean)`, `## Summary`) followed by nothing before the next
    /// heading of the same or a higher level: the generator wrote the heading and not what
    /// goes under it. Other empty headings are common in hand-written posts and left alone.
    func emptySections(_ document: Document, severity: Severity) -> [Diagnostic] {
        let sections = Sections.of(document)
        return sections.indices.compactMap { index in
            let section = sections[index]
            // Cheapest test first: almost every section has text under it.
            guard Self.isBlank(document: document, range: section.bodyRange) else { return nil }
            let next = sections.indices.first { $0 > index }
            if let next, sections[next].level > section.level { return nil }
            guard Self.namesSlot(section.title) else { return nil }
            let message = "the heading '\(section.title)' has no text under it"
            return Diagnostic(rule: Self.description.id, severity: severity, range: section.headingRange, message: message)
        }
    }

    /// Nothing but whitespace and HTML comments.
    static func isBlank(document: Document, range: Range<Int>) -> Bool {
        if isWhitespace(document.utf8[range]) { return true }
        let comments = document.regions(of: .htmlComment).filter { range.contains($0.range.lowerBound) }
        guard !comments.isEmpty else { return false }
        var bytes = Array(document.utf8[range])
        for comment in comments {
            for offset in comment.range.clamped(to: range) { bytes[offset - range.lowerBound] = 0x20 }
        }
        return bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// Whether the bytes are all whitespace (`Character.isWhitespace`, which asks a
    /// character's first scalar), decided scalar by scalar without making a string.
    static func isWhitespace(_ bytes: ArraySlice<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var previous: Unicode.Scalar?
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if !scalar.properties.isWhitespace {
                // A mark after a space joins the space's character, which is whitespace:
                // only then is the answer not already no.
                guard let previous, !scalar.isASCII, !(0x0A...0x0D).contains(previous.value) else { return false }
                return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace)
            }
            previous = scalar
        }
        return true
    }
}

/// What Jekyll's Liquid makes legitimate: `{{ site.url }}`-style objects, variables the
/// post assigns, and anything between `{% raw %}` and `{% endraw %}`.
struct LiquidTemplate {
    /// Each `{% … %}` and `{{ … }}` closed on its own line. An opener that finds no closer
    /// before its line ends tells the same of every later opener of its kind on that line:
    /// those are passed over, so a line of thousands of `{{` is read once.
    static func spans(in utf8: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        // Per kind (`%`, `{`): the offset before which no closer of that kind follows on the line.
        var unclosedUntil: [UInt8: Int] = [:]
        var index = 0
        while index + 1 < utf8.count {
            let kind = utf8[index + 1]
            guard utf8[index] == UInt8(ascii: "{"), kind == UInt8(ascii: "%") || kind == UInt8(ascii: "{"),
                index >= (unclosedUntil[kind] ?? 0)
            else {
                index += 1
                continue
            }
            let closing = kind == UInt8(ascii: "%") ? UInt8(ascii: "%") : UInt8(ascii: "}")
            var end = index + 2
            while end + 1 < utf8.count, utf8[end] != 0x0A, !(utf8[end] == closing && utf8[end + 1] == UInt8(ascii: "}")) { end += 1 }
            guard end + 1 < utf8.count, utf8[end] == closing else {
                unclosedUntil[kind] = end + 1
                index += 2
                continue
            }
            spans.append(index..<(end + 2))
            index = end + 2
        }
        return spans
    }

    static let globals: Set<String> = ["site", "page", "post", "include", "layout", "content", "paginator", "jekyll", "forloop", "theme"]
    static let assignment = try! ICURegularExpression(#"\{%-?\s*(?:assign|capture|for|tablerow|increment|decrement|cycle)\s+([A-Za-z_][\w-]*)"#)
    static let raw = try! ICURegularExpression(#"\{%-?\s*raw\s*-?%\}[\s\S]*?(\{%-?\s*endraw\s*-?%\}|\z)"#)

    let assigned: Set<String>
    let rawBlocks: [Range<Int>]
    /// `{% … %}` tags and `{{ … }}` objects: what is inside is Liquid (`date: "%s"` is
    /// strftime's epoch seconds, not a format slot left empty).
    let liquidSpans: [Range<Int>]

    init(_ document: Document) {
        liquidSpans = Self.spans(in: document.utf8)
        guard document.containsBytes("{%") else {
            assigned = []
            rawBlocks = []
            return
        }
        assigned = Set(((try? Self.assignment.matches(in: document.utf8)) ?? []).compactMap { match in
            match.groups.first.flatMap { $0 }.map { document.string($0) }
        })
        rawBlocks = ((try? Self.raw.matches(in: document.utf8)) ?? []).map(\.range)
    }

    /// Whether Liquid accounts for the match at `range`: inside a raw block, a filter's
    /// argument inside a tag or object, or a `{{ ... }}` naming a variable Liquid knows.
    func explains(_ range: Range<Int>, in document: Document) -> Bool {
        if rawBlocks.contains(where: { $0.contains(range.lowerBound) }) { return true }
        let token = document.string(range)
        guard token.hasPrefix("{{") else {
            // A format slot inside Liquid (`date: "%s"`) is a filter's argument; other text
            // there (an include's `content="Lorem ipsum …"`) is rendered, and stays reported.
            return token.hasPrefix("%") && liquidSpans.contains { $0.lowerBound < range.lowerBound && range.upperBound < $0.upperBound }
        }
        let name = token.dropFirst(2).drop { $0 == " " }.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        return Self.globals.contains(String(name)) || assigned.contains(String(name))
    }
}
