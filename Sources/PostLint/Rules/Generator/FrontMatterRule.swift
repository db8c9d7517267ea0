import Foundation
import Yams

/// YAML front matter that a site generator will choke on or misread: it does not parse,
/// lacks keys the site needs, or dates the post differently from its file name.
public struct FrontMatterRule: Rule {
    public static let description = RuleDescription(
        id: "front-matter",
        summary: "Front matter does not parse, misses required keys, or has the wrong date",
        rationale: """
            Jekyll, Hugo and Docusaurus read a post's YAML front matter before anything else: \
            when it does not parse the post is skipped or built without its title, and a \
            generated post whose `date` disagrees with the day its file name and its title \
            both give (`daily-2025-11-11.md`, `title: Daily Papers - 2025-11-11`) is published \
            under the wrong day. Jekyll and Hugo let the front matter's date win over the file \
            name's, and authors move a post's date on purpose, so a date that only the file \
            name contradicts is left alone. The rule parses the front \
            matter with Yams and reports the line of the first error, the keys the \
            configuration lists as `required` (`rules: {front-matter: {required: [title, \
            date]}}`; then a Markdown or MDX post without front matter is reported too, while \
            a .txt file is not expected to have any), a date that does not exist, and a date \
            that disagrees with the file name and the title.
            """,
        severity: .error,
        fixSafety: nil,
        scope: .structure,
        nonTriggering: [
            Example("---\ntitle: A post\ndate: 2025-11-11 09:15:00 +0900\n---\nText.\n", fileName: "2025-11-11-post.md"),
            Example("---\ntitle: \"Colon: inside quotes\"\ntags: [a, b]\n---\nText.\n", fileName: "post.md"),
            Example("No front matter here.\n", fileName: "daily-2025-11-11.md"),
            Example("---\n\nA post that opens with a thematic break.\n", fileName: "post.md"),
            Example("---\ntitle: Leap day\ndate: 2024-02-29\n---\nText.\n", fileName: "post.md"),
            Example("---\ntitle: Published later than written\ndate: 2018-04-30\n---\nText.\n", fileName: "2018-04-17-hypercut.md"),
        ],
        triggering: [
            Example("---\ntitle: A post\n↓tags: [a, b\n---\nText.\n", fileName: "post.md"),
            Example("↓---\ntitle: A post\ndate: 2025-11-11\n\nText.\n", fileName: "post.md"),
            Example("---\ntitle: A post\n↓date: 2025-02-30 10:00:00\n---\nText.\n", fileName: "post.md"),
            Example("↓---\n- a\n- b\n---\nText.\n", fileName: "post.md"),
            Example("---\ntitle: Daily Papers - 2025-12-24\n↓date: 2025-12-23 09:15:00 +0900\n---\nText.\n", fileName: "daily-2025-12-24.md"),
        ],
        options: [RuleOptionDescription("required", "front matter keys every post must have, e.g. [title, date]")])

    public init() {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let finding = { (range: Range<Int>, message: String) in
            Diagnostic(rule: Self.description.id, severity: context.severity, range: range, message: message)
        }
        let required = context.options.lists["required"] ?? []
        guard let frontMatter = document.frontMatter else {
            guard document.format != .plainText else { return [] }
            if let opening = Self.unclosedOpening(document) {
                let delimiter = document.string(opening).trimmingCharacters(in: .whitespaces)
                return [finding(opening, "front matter is not closed: no line of '\(delimiter)' ends it (Hugo fails, Jekyll shows it as text)")]
            }
            // A post without front matter lacks every required key. Plain text files are
            // not posts a generator reads front matter from.
            guard !required.isEmpty else { return [] }
            return [finding(document.lines.contentRange(ofLine: 0), "no front matter; required: \(required.joined(separator: ", "))")]
        }
        guard frontMatter.isYAML else { return [] }
        let yaml = document.string(frontMatter.contentRange)
        let node: Node?
        do {
            node = try YAMLParsing.compose(yaml)
        } catch {
            return [finding(errorRange(error, frontMatter, document), "front matter does not parse as YAML: \(Self.reason(error))")]
        }
        let opening = frontMatter.range.lowerBound..<document.lines.contentRange(ofLine: 0).upperBound
        if let node, node.mapping == nil {
            return [finding(opening, "front matter is not a mapping of keys to values (a generator cannot read its title or date)")]
        }
        let fields = node?.mapping.map { mapping in
            Dictionary(mapping.map { ($0.key.scalar?.string ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        } ?? [:]
        var diagnostics: [Diagnostic] = []
        let missing = required.filter { fields[$0] == nil }
        if !missing.isEmpty {
            diagnostics.append(finding(opening, "front matter lacks the required key\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))"))
        }
        if let (key, value) = fields["date"], let written = Self.date(in: value.scalar?.string ?? "") {
            let line = (key.mark?.line ?? 1) - 1
            let range = document.lines.contentRange(ofLine: document.lines.lineNumber(at: frontMatter.contentRange.lowerBound) + line)
            if !Self.isCalendarDate(written) {
                diagnostics.append(finding(range, "the date \(written) does not exist (Jekyll stops on it)"))
            } else if let named = Self.date(in: Self.fileName(document.path)), written != named,
                Self.dates(in: fields["title"]?.1.scalar?.string ?? "").contains(named)
            {
                diagnostics.append(finding(range, "the date \(written) disagrees with the file name's and the title's \(named)"))
            }
        }
        return diagnostics
    }

    /// The first line, when it opens front matter that no closing line ends: `---` or
    /// `+++` followed by two lines of `key: value` (`key = value`). One such line is as
    /// likely prose after a thematic break (`Note: this post was updated`).
    static func unclosedOpening(_ document: Document) -> Range<Int>? {
        guard document.lines.lineCount > 2 else { return nil }
        let first = document.string(document.lines.contentRange(ofLine: 0)).trimmingCharacters(in: .whitespaces)
        guard first == "---" || first == "+++" else { return nil }
        let separator: Character = first == "---" ? ":" : "="
        let isKeyLine = { (line: Int) -> Bool in
            let text = document.string(document.lines.contentRange(ofLine: line))
            let key = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
            return !key.isEmpty && key.first?.isLetter == true && text.dropFirst(key.count).drop(while: { $0 == " " }).first == separator
        }
        guard isKeyLine(1), isKeyLine(2) else { return nil }
        return document.lines.contentRange(ofLine: 0)
    }

    /// Whether `YYYY-MM-DD` names a day of the Gregorian calendar.
    static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), parts[2] >= 1 else { return false }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return day <= days
    }

    /// The line Yams names in its error (front-matter lines count from the first key).
    private func errorRange(_ error: Error, _ frontMatter: FrontMatter, _ document: Document) -> Range<Int> {
        let line = (error as? YamlError).flatMap { YAMLParsing.position(of: $0, in: document.string(frontMatter.contentRange)) }?.line
        let first = document.lines.lineNumber(at: frontMatter.contentRange.lowerBound)
        let last = document.lines.lineNumber(at: max(frontMatter.contentRange.upperBound - 1, frontMatter.contentRange.lowerBound))
        let target = min(first + max((line ?? 1) - 1, 0), last)
        return document.lines.contentRange(ofLine: target)
    }

    static func reason(_ error: Error) -> String {
        (error as? YamlError).map(YAMLParsing.reason) ?? "\(error)"
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static let datePattern = try! ICURegularExpression(#"(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])"#)

    /// The first `YYYY-MM-DD` in a text.
    static func date(in text: String) -> String? {
        dates(in: text).first
    }

    /// Every `YYYY-MM-DD` in a text.
    static func dates(in text: String) -> [String] {
        let bytes = Array(text.utf8)
        return ((try? datePattern.matches(in: text)) ?? []).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }
}
