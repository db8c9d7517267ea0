/// A rule written in postlint's rule language (see `Rules/README.md`): a YAML file that
/// gives the rule's id, documentation, examples, and one of three kinds of check.
/// Built-in rules written this way ship in `Rules/`; users add their own from the folders
/// `rule-folders` names in `.postlint.yml`.
public struct DeclarativeRule: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Report every match of the patterns, with each pattern's message.
        case pattern
        /// Report every match and offer its replacement as a fix.
        case substitution
        /// Report sections whose heading matches `sections` when their prose has too few
        /// words in the required scripts.
        case requiredScript = "required-script"
    }

    /// Where matches count.
    public enum Scope: String, Sendable {
        /// Prose only: code, markup, front matter and MDX syntax are skipped.
        case prose
        /// Prose, HTML and link destinations (where templates put tokens too); code, front
        /// matter, comments and MDX syntax are skipped.
        case proseAndMarkup = "prose-and-markup"
        /// Anywhere in the text.
        case text
    }

    /// One pattern of a `pattern` or `substitution` rule.
    public struct Entry: Sendable {
        public let regex: ICURegularExpression
        /// The message; `$0` is the match, `$1`... its groups.
        public let message: String
        /// The fix's replacement (`substitution` only); `$1`... are the groups.
        public let replacement: String?
        /// Text every match contains, to skip the pattern on documents without it.
        let required: RequiredLiteral?

        public init(regex: ICURegularExpression, message: String, replacement: String?) {
            self.regex = regex
            self.message = message
            self.replacement = replacement
            required = RequiredLiteral(pattern: regex.pattern, caseInsensitive: regex.options.contains(.caseInsensitive))
        }
    }

    public let id: String
    public let summary: String
    public let rationale: String
    public let severity: Severity
    public let kind: Kind
    public let scope: Scope
    /// Skip TeX math (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`).
    public let skipsMath: Bool
    /// Skip the content of HTML elements that show text as written (`<pre>`, `<code>`).
    public var skipsLiteralHTML = false
    public let entries: [Entry]
    public let fixSafety: FixSafety?
    /// `required-script`: which headings, which scripts, how much of them.
    public let sectionPattern: ICURegularExpression?
    public let scripts: [Script]
    public let minimumShare: Double
    public let minimumWords: Int
    public let nonTriggering: [Example]
    public let triggering: [Example]
    public let corrections: [Correction]
    /// The file the rule was read from, for messages.
    public let origin: String
    /// Whether patterns are skipped on documents that lack their required literal outside
    /// what the rule skips; off only in tests, which hold the findings to those without it.
    var prefiltersLiterals = true

    public var description: RuleDescription {
        RuleDescription(
            id: id, summary: summary, rationale: rationale, severity: severity, fixSafety: fixSafety,
            scope: scope == .text ? .structure : .prose, nonTriggering: nonTriggering, triggering: triggering,
            corrections: corrections)
    }

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        do {
            switch kind {
            case .pattern, .substitution: return try checkPatterns(document, severity: context.severity)
            case .requiredScript: return checkScripts(document, severity: context.severity)
            }
        } catch {
            // A user pattern that backtracks without end: say so once, at the top of the file.
            return [Diagnostic(rule: id, severity: .error, range: 0..<0, message: "rule '\(id)' (\(origin)) was stopped: \(error)")]
        }
    }

    private func checkPatterns(_ document: Document, severity: Severity) throws -> [Diagnostic] {
        // Found on the first match only: most documents give none.
        var mathSpans: [Range<Int>]?
        var diagnostics: [Diagnostic] = []
        var taken: [Range<Int>] = []
        for entry in entries {
            if prefiltersLiterals, let required = entry.required, !mayMatchInScope(required, document) { continue }
            for match in try entry.regex.matches(in: document) where !match.range.isEmpty {
                if !inScope(match.range, of: document) { continue }
                let math = mathSpans ?? (skipsMath ? MathSpans.find(in: document) : [])
                mathSpans = math
                if math.contains(where: { $0.overlaps(match.range) }) { continue }
                if skipsMath, Self.isQuotedBesideMath(match.range, math: math, in: document) { continue }
                if skipsLiteralHTML, document.regions.contains(where: { $0.kind == .html && $0.range.overlaps(match.range) && Self.isRawElement($0, document) }) {
                    continue
                }
                // Patterns are tried in order; an earlier one's match wins the bytes.
                if taken.contains(where: { $0.overlaps(match.range) }) { continue }
                taken.append(match.range)
                let message = Template.expand(entry.message, match: match, in: document.utf8)
                var fix: Fix? = nil
                // Only in prose proper: in a tag, a quoted attribute, a template tag or an
                // HTML block, a Markdown replacement (`**x**`, `"x"`) breaks the markup or
                // shows as typed.
                if let replacement = entry.replacement, let fixSafety, isMarkdownProse(match.range, of: document) {
                    let text = Template.expand(replacement, match: match, in: document.utf8)
                    fix = Fix("replace with '\(text)'", safety: fixSafety, edits: [Edit(match.range, text)])
                }
                diagnostics.append(Diagnostic(rule: id, severity: severity, range: match.range, message: message, fix: fix))
            }
        }
        return diagnostics.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A post about TeX shows the source next to its rendering (`| $\\textbf{A}$ | \\textbf{A} |`):
    /// the same text inside math on the same line means the match is quoted on purpose.
    static func isQuotedBesideMath(_ range: Range<Int>, math: [Range<Int>], in document: Document) -> Bool {
        let line = document.lines.contentRange(ofLine: document.lines.lineNumber(at: range.lowerBound))
        let text = document.string(range)
        return math.contains { span in span.overlaps(line) && document.string(span).contains(text) }
    }

    static let skippedOutsideProse: Set<Region.Kind> = [.frontMatter, .esm, .jsxExpression, .jsxComment, .htmlComment, .codeBlock, .codeSpan]
    private static let blankedOutsideProse = ScopeText.Blanked(Document.nonProseKinds, math: false)
    private static let blankedOutsideProseAndMath = ScopeText.Blanked(Document.nonProseKinds, math: true)
    private static let blankedOutsideProseAndMarkup = ScopeText.Blanked(skippedOutsideProse, math: false)
    private static let blankedOutsideProseAndMarkupAndMath = ScopeText.Blanked(skippedOutsideProse, math: true)

    /// Whether a match holding `required` may lie in the rule's scope: `inScope` drops every
    /// match that overlaps a region it skips (and math, when the rule skips math), so the
    /// literal is looked for outside them.
    private func mayMatchInScope(_ required: RequiredLiteral, _ document: Document) -> Bool {
        let (outside, outsideAndMath): (ScopeText.Blanked, ScopeText.Blanked)
        switch scope {
        case .text: return document.mayContain(required)
        case .prose: (outside, outsideAndMath) = (Self.blankedOutsideProse, Self.blankedOutsideProseAndMath)
        case .proseAndMarkup: (outside, outsideAndMath) = (Self.blankedOutsideProseAndMarkup, Self.blankedOutsideProseAndMarkupAndMath)
        }
        // Math is found only for the posts whose literal is outside code: few.
        guard document.mayContain(required, outside: outside) else { return false }
        return !skipsMath || MathSpans.find(in: document).isEmpty || document.mayContain(required, outside: outsideAndMath)
    }

    private func isMarkdownProse(_ range: Range<Int>, of document: Document) -> Bool {
        scope == .text
            || !document.regions.contains { $0.kind == .html && $0.range.overlaps(range) }
                && !document.htmlBlocks.contains { $0.overlaps(range) }
    }

    private func inScope(_ range: Range<Int>, of document: Document) -> Bool {
        switch scope {
        case .text: return true
        case .prose: return document.isProse(range)
        case .proseAndMarkup:
            return !document.regions.contains { Self.skippedOutsideProse.contains($0.kind) && $0.range.overlaps(range) }
        }
    }

    /// An element whose content is code or literal text (`<pre>`, `<code>`, `<script>`):
    /// a licence's ``AS IS'' there is what the page shows.
    private static func isRawElement(_ region: Region, _ document: Document) -> Bool {
        let utf8 = document.utf8
        guard utf8[region.range.lowerBound] == UInt8(ascii: "<") else { return false }
        return HTMLBlockMarkup.tag(at: region.range.lowerBound, in: utf8, before: region.range.upperBound)?.opensRawElement == true
    }

    private func checkScripts(_ document: Document, severity: Severity) -> [Diagnostic] {
        guard let sectionPattern else { return [] }
        let sections = Sections.of(document)
        return sections.compactMap { section in
            guard sectionPattern.firstMatch(in: section.title) != nil else { return nil }
            let prose = document.proseText(in: section.bodyRange)
            let share = ScriptShare(prose, expected: scripts)
            guard share.words >= minimumWords, share.share < minimumShare,
                let range = UntranslatedRule.trimmedRange(section.bodyRange, document)
            else { return nil }
            let names = scripts.map(\.rawValue).joined(separator: "/")
            let message = "'\(section.title)' should be in \(names), but only \(share.expectedWords) of \(share.words) words are"
            return Diagnostic(rule: id, severity: severity, range: range, message: message)
        }
    }
}

/// `$0`, `$1`... in messages and replacements; `$$` is a dollar sign.
enum Template {
    /// The group numbers a template names (`$1`; one digit, as `expand` reads them),
    /// `$$` left out.
    static func groupNumbers(in template: String) -> [Int] {
        var numbers: [Int] = []
        let characters = Array(template)
        var index = 0
        while index + 1 < characters.count {
            if characters[index] == "$" {
                if characters[index + 1] == "$" {
                    index += 2
                    continue
                }
                if let digit = characters[index + 1].wholeNumberValue, characters[index + 1].isASCII { numbers.append(digit) }
            }
            index += 1
        }
        return numbers
    }

    static func expand(_ template: String, match: ICURegularExpression.Match, in utf8: [UInt8]) -> String {
        guard template.contains("$") else { return template }
        var result = ""
        var characters = template.makeIterator()
        var pending: Character? = characters.next()
        while let character = pending {
            pending = characters.next()
            guard character == "$", let next = pending else {
                result.append(character)
                continue
            }
            if next == "$" {
                result.append("$")
                pending = characters.next()
            } else if next.isASCII, let digit = next.wholeNumberValue {
                let range = digit == 0 ? match.range : (digit <= match.groups.count ? match.groups[digit - 1] : nil)
                if let range { result += String(decoding: utf8[range], as: UTF8.self) }
                pending = characters.next()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
