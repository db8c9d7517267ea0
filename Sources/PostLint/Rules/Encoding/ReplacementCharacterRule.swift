/// U+FFFD REPLACEMENT CHARACTER in a post: a decoder met bytes it could not read.
public struct ReplacementCharacterRule: Rule {
    public static let description = RuleDescription(
        id: "replacement-character",
        summary: "Text holds U+FFFD (�): characters were already lost",
        rationale: """
            A decoder writes U+FFFD where it met bytes it could not read. The original \
            characters are gone and no tool can bring them back from this file; restore the \
            text from its source. postlint shows where, with the words around it. Code is left \
            alone (a post may show the character on purpose there).
            """,
        severity: .error,
        fixSafety: nil,
        scope: .prose,
        nonTriggering: [
            Example("Plain text with é, 한국어 and 👍.\n", fileName: "post.md"),
            Example("The decoder writes `\u{FFFD}` for bad bytes.\n", fileName: "post.md"),
        ],
        triggering: [
            Example("The abstract reads: se↓\u{FFFD}\u{FFFD}ntico, then stops.\n", fileName: "post.md"),
            Example("---\ntitle: 한↓\u{FFFD}어\n---\n\nBody.\n", fileName: "post.md"),
        ])

    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    static let contextWidth = 12

    public init() {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        let bytes = document.utf8
        // U+FFFD is EF BF BD: its first one found with memchr (CJK text is full of other EF
        // characters), and the scan goes on from there.
        guard let first = bytes.withUnsafeBufferPointer({ ByteSearch.firstIndex(of: [0xEF, 0xBF, 0xBD], in: $0) }) else { return [] }
        let code = document.regions.filter { $0.kind == .codeBlock || $0.kind == .codeSpan }.map(\.range)
        var diagnostics: [Diagnostic] = []
        var index = first
        while index + 2 < bytes.count {
            guard bytes[index] == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD else { index += 1; continue }
            var end = index + 3
            while end + 2 < bytes.count, bytes[end] == 0xEF, bytes[end + 1] == 0xBF, bytes[end + 2] == 0xBD { end += 3 }
            if !code.contains(where: { $0.contains(index) }) {
                let count = (end - index) / 3
                let message = "\(count) replacement character\(count == 1 ? "" : "s") (U+FFFD): the original text was lost here: '\(Self.context(around: index..<end, in: document))'"
                diagnostics.append(Diagnostic(rule: Self.description.id, severity: context.severity, range: index..<end, message: message))
            }
            index = end
        }
        return diagnostics
    }

    /// The damaged characters with a few characters of their line on each side.
    static func context(around range: Range<Int>, in document: Document) -> String {
        let line = document.lines.contentRange(ofLine: document.lines.lineNumber(at: range.lowerBound))
        let before = Array(document.string(line.lowerBound..<range.lowerBound).unicodeScalars.suffix(contextWidth))
        let after = Array(document.string(range.upperBound..<max(range.upperBound, line.upperBound)).unicodeScalars.prefix(contextWidth))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: before)
        view.append(contentsOf: document.string(range).unicodeScalars)
        view.append(contentsOf: after)
        return String(view).trimmingCharacters(in: .whitespaces)
    }
}
