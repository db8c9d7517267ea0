/// An import whose name the post never uses.
public struct UnusedImportRule: Rule {
    public static let description = RuleDescription(
        id: "unused-import",
        summary: "An imported name is never used",
        rationale: """
            An image imported but never shown is usually the other half of a broken \
            reference: the post shows a different name, or the image was meant to appear \
            and was forgotten. Removing the import is offered as an unsafe fix, since the \
            right repair is often to use it.
            """,
        severity: .warning,
        fixSafety: .unsafe,
        scope: .structure,
        nonTriggering: [
            Example("import hero from './hero.png';\n\n<img src={hero} />\n"),
            Example("import Tabs from '@theme/Tabs';\n\n<Tabs>\nhello\n</Tabs>\n"),
            Example("import data from './data.json';\nexport const rows = data.rows;\n"),
            Example("import './style.css';\n"),
        ],
        triggering: [
            Example("import ↓hero from './hero.png';\n\nNo picture here.\n"),
            Example("import hero, { ↓caption } from './hero.js';\n\n<img src={hero} />\n"),
        ],
        corrections: [
            Correction(
                Example("import used from './a.png';\nimport spare from './b.png';\n\n<img src={used} />\n"),
                "import used from './a.png';\n\n<img src={used} />\n"),
        ])

    public init() {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard document.format == .mdx, !document.esm.imports.isEmpty else { return [] }
        let used = Self.usedNames(in: document)
        let bindingsPerStatement = Dictionary(grouping: document.esm.imports, by: \.statementRange)
        return document.esm.imports.filter { !used.contains($0.name) }.map { binding in
            var fix: Fix? = nil
            if bindingsPerStatement[binding.statementRange]?.count == 1 {
                fix = Fix("remove the import of '\(binding.name)'", safety: .unsafe, edits: [Edit(Self.wholeLines(binding.statementRange, in: document), "")])
            }
            return Diagnostic(
                rule: Self.description.id, severity: context.severity, range: binding.nameRange,
                message: "'\(binding.name)' is imported from '\(binding.specifier)' but never used", fix: fix)
        }
    }

    /// Names read by expressions, used as JSX element names, or mentioned in exports.
    static func usedNames(in document: Document) -> Set<String> {
        var used = Set(document.expressions.flatMap { $0.identifiers.map(\.name) })
        for region in document.regions where region.kind == .html || region.kind == .jsxExpression {
            used.formUnion(elementNames(document.utf8[region.range]))
        }
        for region in document.regions(of: .esm) {
            let text = document.utf8[region.range]
            let exportLines = text.split(separator: 0x0A).filter { !$0.starts(with: Array("import".utf8)) }
            for line in exportLines { used.formUnion(identifiers(line)) }
        }
        return used
    }

    private static func elementNames(_ bytes: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "<") {
                var start = index + 1
                if start < bytes.endIndex, bytes[start] == UInt8(ascii: "/") { start += 1 }
                var end = start
                while end < bytes.endIndex, JSCursor.isIdentifierPart(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
                if end > start {
                    let name = String(decoding: bytes[start..<end], as: UTF8.self)
                    names.append(String(name.split(separator: ".").first ?? ""))
                }
                index = end
            } else {
                index += 1
            }
        }
        return names
    }

    private static func identifiers(_ bytes: ArraySlice<UInt8>) -> [String] {
        bytes.split { !JSCursor.isIdentifierPart($0) }
            .filter { JSCursor.isIdentifierStart($0.first!) }
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// The statement's lines, newline included, so removing it leaves no blank line.
    static func wholeLines(_ range: Range<Int>, in document: Document) -> Range<Int> {
        let firstLine = document.lines.lineNumber(at: range.lowerBound)
        let lastLine = document.lines.lineNumber(at: max(range.lowerBound, range.upperBound - 1))
        let start = document.lines.lineStarts[firstLine]
        let end = lastLine + 1 < document.lines.lineCount ? document.lines.lineStarts[lastLine + 1] : document.utf8.count
        return start..<end
    }
}
