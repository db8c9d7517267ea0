#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A title a generator hard-wrapped at a fixed width, so its closing delimiter sits on an
/// indented continuation line: `**IterResearch: ... Markovian State` / `  Reconstruction**`,
/// or a plain-text banner `--- 1. ... RL` / `  Experience Sharing ---`.
public struct WrappedTitleRule: Rule {
    public static let description = RuleDescription(
        id: "wrapped-title",
        summary: "A title is broken over two lines",
        rationale: """
            Digest generators wrap long lines at a fixed width, and paper titles are long: the \
            break lands inside the title, whose closing `**` or `---` ends up on an indented \
            continuation line. Renderers, feeds and search snippets then show a broken title \
            (plain-text banners stop being recognisable at all). The safe fix joins the two \
            lines with one space. Only a line that opens a delimiter it does not close, \
            followed by an indented line that closes it, is reported.
            """,
        severity: .warning,
        fixSafety: .safe,
        scope: .structure,
        nonTriggering: [
            Example("1. **A short title** - 👍 3\n   - Abstract: text\n", fileName: "post.md"),
            Example("This is **bold text that wraps\nat the margin** in a paragraph.\n", fileName: "post.md"),
            Example("--- 3. Why Language Models Hallucinate ---\nLink: x\n", fileName: "weekly.txt"),
            Example("```\n**not closed\n  here**\n```\n", fileName: "post.md"),
            Example("-   **Warm-starting encoder-decoder models with Transformers\n    (Practice)** - *code*\n", fileName: "post.md"),
            Example("1. **설치 단계: 패키지를 먼저 설치한다\n  - **주의: 관리자 권한이 필요하다\n", fileName: "post.md"),
            Example("--- \n  key: value ---\n", fileName: "notes.txt"),
        ],
        triggering: [
            Example("2. ↓**IterResearch: Rethinking Long-Horizon Agents via Markovian State\n  Reconstruction** - 👍 56\n", fileName: "post.md"),
            Example("↓--- 1. Sharing is Caring: Efficient LM Post-Training with Collective RL\n  Experience Sharing ---\nLink: x\n", fileName: "weekly.txt"),
        ],
        corrections: [
            Correction(
                Example("2. **IterResearch: Rethinking Long-Horizon Agents via Markovian State\n  Reconstruction** - 👍 56\n", fileName: "post.md"),
                "2. **IterResearch: Rethinking Long-Horizon Agents via Markovian State Reconstruction** - 👍 56\n"),
            Correction(
                Example("--- 2. VLA-Adapter: An Effective Paradigm for Tiny-Scale Vision-Language-Action\n  Model ---\n", fileName: "weekly.txt"),
                "--- 2. VLA-Adapter: An Effective Paradigm for Tiny-Scale Vision-Language-Action Model ---\n"),
            Correction(
                Example("1. **A title broken after a hard break  \n  and spaces** - 3\n", fileName: "post.md"),
                "1. **A title broken after a hard break and spaces** - 3\n"),
        ])

    public init() {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        guard document.lines.lineCount > 1 else { return [] }
        for line in 0..<(document.lines.lineCount - 1) {
            let first = document.lines.contentRange(ofLine: line)
            let second = document.lines.contentRange(ofLine: line + 1)
            // Most lines open nothing and most next lines are not indented: decide that on
            // the bytes before making any string.
            guard Self.mayOpen(document.utf8[first]), Self.isIndented(document.utf8[second]),
                let opening = Self.opening(in: document.string(first))
            else { continue }
            let next = document.string(second)
            let indent = next.prefix { $0 == " " || $0 == "\t" }
            guard !indent.isEmpty, let closing = Self.closingEnd(of: opening.delimiter, in: next) else { continue }
            // A Markdown-aware wrapper (pandoc) indents the continuation to the item's text;
            // a generator wrapping at a width does not, and that is the defect.
            if opening.delimiter == "**", indent.utf8.count == opening.offset { continue }
            let start = first.lowerBound + opening.offset
            guard document.isProse(start..<start + opening.delimiter.utf8.count) else { continue }
            // The first line's trailing spaces (a Markdown hard break, `State  `) go with the break.
            var joinStart = first.upperBound
            while joinStart > start, document.utf8[joinStart - 1] == UInt8(ascii: " ") || document.utf8[joinStart - 1] == UInt8(ascii: "\t") {
                joinStart -= 1
            }
            let joinEnd = second.lowerBound + indent.utf8.count
            let end = second.lowerBound + closing
            let title = document.string(start..<first.upperBound).dropFirst(opening.delimiter.count)
                .trimmingCharacters(in: .whitespaces)
            let message = "the title '\(Sections.shortTitle(title, limit: 40))' is broken over two lines"
            let fix = Fix("join the title's lines", safety: .safe, edits: [Edit(joinStart..<joinEnd, " ")])
            diagnostics.append(Diagnostic(rule: Self.description.id, severity: context.severity, range: start..<end, message: message, fix: fix))
        }
        return diagnostics
    }

    /// Whether `opening(in:)` can find anything in the line: it starts a banner or holds an
    /// odd number of `**` (counted left to right without overlap, as `components` splits).
    static func mayOpen(_ line: ArraySlice<UInt8>) -> Bool {
        let star = UInt8(ascii: "*")
        if line.count >= 4, line[line.startIndex + 3] == 0x20 {
            let first = line[line.startIndex]
            if first == UInt8(ascii: "-") || first == UInt8(ascii: "="),
                line[line.startIndex + 1] == first, line[line.startIndex + 2] == first
            {
                return true
            }
        }
        // Stars found with memchr: most lines hold none.
        return line.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            var pairs = 0
            var index = 0
            while index + 1 < bytes.count {
                guard let found = memchr(base + index, Int32(star), bytes.count - 1 - index) else { break }
                index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if bytes[index + 1] == star {
                    pairs += 1
                    index += 2
                } else {
                    index += 1
                }
            }
            return pairs % 2 == 1
        }
    }

    static func isIndented(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first else { return false }
        return first == 0x20 || first == 0x09
    }

    /// The delimiter a line opens and leaves open: an odd `**`, or a banner `--- ` whose
    /// closing ` ---` is missing. Returns its byte offset in the line.
    static func opening(in line: String) -> (delimiter: String, offset: Int)? {
        for banner in ["--- ", "=== "] where line.hasPrefix(banner) {
            let marker = String(banner.dropLast())
            // `--- ` alone (a thematic break with a trailing space) has no title.
            guard line.dropFirst(banner.count).contains(where: { $0 != " " && $0 != "\t" }) else { return nil }
            return line.hasSuffix(" " + marker) ? nil : (marker, 0)
        }
        let pieces = line.components(separatedBy: "**")
        guard pieces.count % 2 == 0 else { return nil }  // every ** closed
        // The last ** opens; it must start a title (nothing but a list marker before it).
        let before = pieces.dropLast().joined(separator: "**")
        let lead = before.trimmingCharacters(in: .whitespaces)
        let isTitleStart = lead.isEmpty || lead.range(of: #"^([-*+]|\d+[.)])$"#, options: .regularExpression) != nil
        guard isTitleStart, pieces.last?.isEmpty == false else { return nil }
        return ("**", before.utf8.count)
    }

    /// The byte offset just past the delimiter that closes the title on the continuation line.
    static func closingEnd(of delimiter: String, in line: String) -> Int? {
        // A line that starts a block of its own (a nested list item, a quote, a heading, a
        // fence) continues nothing: joining it would take it into the line above.
        let text = line.drop { $0 == " " || $0 == "\t" }
        if text.range(of: #"^([-*+]|\d{1,9}[.)])(\s|$)|^(>|#{1,6}\s|```|~~~)"#, options: .regularExpression) != nil { return nil }
        if delimiter == "**" {
            let pieces = line.components(separatedBy: "**")
            // The closing ** ends the title's text: a space before it would make it an opener.
            guard pieces.count % 2 == 0, let last = pieces[0].last, !last.isWhitespace else { return nil }
            return pieces[0].utf8.count + 2
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(" " + delimiter) || trimmed == delimiter else { return nil }
        let withoutTrailingSpace = String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        return withoutTrailingSpace.utf8.count
    }
}
