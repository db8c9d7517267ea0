/// What names an MDX document defines and reads, shared by the rules that compare them.
struct MDXScope {
    static let globals = Set(RuleData.wordList("mdx/globals.txt"))

    let imported: Set<String>
    let defined: Set<String>
    /// Identifiers read by `{...}` expressions, with where they are.
    let uses: [IdentifierUse]
    /// Names used anywhere: expressions, JSX element names, export statements.
    let used: Set<String>

    init(_ document: Document) {
        imported = Set(document.esm.imports.map(\.name))
        defined = imported.union(document.esm.exportedNames).union(Self.globals)
        uses = document.expressions.filter { !$0.isComment }.flatMap(\.identifiers)
        used = Self.usedNames(in: document, expressionUses: uses)
    }

    /// Reads of names nothing defines.
    var undefinedUses: [IdentifierUse] { uses.filter { !defined.contains($0.name) } }

    /// Imported names never used, sorted.
    var unusedImports: [String] { imported.subtracting(used).sorted() }

    private static func usedNames(in document: Document, expressionUses: [IdentifierUse]) -> Set<String> {
        var used = Set(expressionUses.map(\.name))
        // In MDX every `<Name` outside code is JSX, whether cmark saw HTML or, for a tag
        // whose attributes it cannot read (`opts={{...}}`), plain text.
        var start = 0
        let code = document.regions.filter { [.codeBlock, .codeSpan, .frontMatter, .esm, .htmlComment, .jsxComment].contains($0.kind) }
        for region in code + [Region(.codeBlock, document.utf8.count..<document.utf8.count)] {
            if region.range.lowerBound > start {
                used.formUnion(elementNames(document.utf8[start..<region.range.lowerBound]))
            }
            start = max(start, region.range.upperBound)
        }
        for region in document.regions(of: .esm) {
            let exportLines = document.utf8[region.range].split(separator: 0x0A)
                .filter { !$0.starts(with: Array("import".utf8)) }
            for line in exportLines { used.formUnion(JSXExpressionScanner.identifierNames(in: line)) }
        }
        return used
    }

    /// `Tabs` and `TabItem` in `<Tabs><TabItem>`: components used as elements.
    private static func elementNames(_ bytes: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            var start = index + 1
            if start < bytes.endIndex, bytes[start] == UInt8(ascii: "/") { start += 1 }
            var end = start
            while end < bytes.endIndex, JSCursor.isIdentifierPart(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
            if end > start, let name = String(decoding: bytes[start..<end], as: UTF8.self).split(separator: ".").first {
                names.append(String(name))
            }
            index = max(end, index + 1)
        }
        return names
    }
}
