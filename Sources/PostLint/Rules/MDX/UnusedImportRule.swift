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
            Example("import hero from './hero.png';\n\n<img src={`${hero}`} />\n"),
            Example("import pic from './pic.png';\n\n<details>\n<summary>More</summary>\n\n    <img src={pic} />\n</details>\n"),
            Example("import hero from './hero.png';\nexport const show = true;\n\n{show && <img src={hero} alt=\"it's\" />}\n"),
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
                "import used from './a.png';\n\n<img src={used} />\n", unsafe: true),
            Correction(
                Example("import used from './a.png'; import spare from './b.png';\n\n<img src={used} />\n"),
                "import used from './a.png';\n\n<img src={used} />\n", unsafe: true),
        ])

    public init() {}

    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] {
        guard document.format == .mdx, !document.esm.imports.isEmpty else { return [] }
        let scope = MDXScope(document)
        let undefinedNames = Set(scope.undefinedUses.map(\.name)).sorted()
        let bindingsPerStatement = Dictionary(grouping: document.esm.imports, by: \.statementRange)
        var reported: Set<String> = []
        // A name bound twice is duplicate-import's finding; report its first binding only.
        let unused = document.esm.imports.filter { !scope.used.contains($0.name) && reported.insert($0.name).inserted }
        return unused.map { binding in
            var message = "'\(binding.name)' is imported from '\(binding.specifier)' but never used"
            var fix: Fix? = nil
            if let meant = undefinedNames.first(where: { NameShape.correspond($0, binding.name) }) {
                // The import is the other half of a broken reference: keep it.
                message += "; '\(meant)' is used instead and looks meant for it"
            } else if bindingsPerStatement[binding.statementRange]?.count == 1 {
                let removal = Self.removal(of: binding.statementRange, in: document)
                if Self.blockStillStartsWithStatement(after: removal, in: document) {
                    fix = Fix("remove the import of '\(binding.name)'", safety: .unsafe, edits: [Edit(removal, "")])
                }
            }
            return Diagnostic(
                rule: Self.description.id, severity: context.severity, range: binding.nameRange, message: message, fix: fix)
        }
    }

    /// What removing the statement deletes: its lines, newline included, so no blank line
    /// is left; only the statement (and the spaces after it) when another shares a line.
    static func removal(of statement: Range<Int>, in document: Document) -> Range<Int> {
        let lines = wholeLines(statement, in: document)
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let utf8 = document.utf8
        let aloneBefore = utf8[lines.lowerBound..<statement.lowerBound].allSatisfy(isSpace)
        let aloneAfter = utf8[statement.upperBound..<lines.upperBound].allSatisfy(isSpace)
        if aloneBefore, aloneAfter { return lines }
        var (start, end) = (statement.lowerBound, statement.upperBound)
        if aloneAfter {
            while start > lines.lowerBound, utf8[start - 1] == 0x20 || utf8[start - 1] == 0x09 { start -= 1 }
        } else {
            while end < utf8.count, utf8[end] == 0x20 || utf8[end] == 0x09 { end += 1 }
        }
        return start..<end
    }

    /// MDX reads an import/export block only if it starts with `import` or `export`: a
    /// removal that leaves a comment (`// TODO: show this later`) or anything else first
    /// would turn the rest of the block into text. Such an import gets no fix.
    static func blockStillStartsWithStatement(after removal: Range<Int>, in document: Document) -> Bool {
        guard let block = document.regions(of: .esm).first(where: { $0.range.contains(removal.lowerBound) })?.range else { return false }
        // The removal takes the statement's newline too, one past the block's end.
        let after = min(removal.upperBound, block.upperBound)..<block.upperBound
        let remaining = document.utf8[block.lowerBound..<removal.lowerBound] + document.utf8[after]
        let text = remaining.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        return text.isEmpty || MDXFlow.startsESM(text)
    }

    /// The statement's lines, newline included.
    static func wholeLines(_ range: Range<Int>, in document: Document) -> Range<Int> {
        let firstLine = document.lines.lineNumber(at: range.lowerBound)
        let lastLine = document.lines.lineNumber(at: max(range.lowerBound, range.upperBound - 1))
        let start = document.lines.lineStarts[firstLine]
        let end = lastLine + 1 < document.lines.lineCount ? document.lines.lineStarts[lastLine + 1] : document.utf8.count
        return start..<end
    }
}
