/// What names an MDX document defines and reads, shared by the rules that compare them.
struct MDXScope {
    static let globals = Set(RuleData.wordList("mdx/globals.txt"))

    let imported: Set<String>
    let defined: Set<String>
    /// Identifiers read by `{...}` expressions, with where they are.
    let uses: [IdentifierUse]
    /// Components used as elements outside code (`<Tabs>`, `motion` of `<motion.div>`), with where.
    let componentUses: [IdentifierUse]
    /// Names used anywhere: expressions, JSX element names, export statements.
    let used: Set<String>

    init(_ document: Document) {
        imported = Set(document.esm.imports.map(\.name))
        defined = imported.union(document.esm.exportedNames).union(Self.globals)
        uses = document.expressions.filter { !$0.isComment }.flatMap(\.identifiers)
        componentUses = Self.componentUses(in: document)
        used = Self.usedNames(in: document, expressionUses: uses, componentUses: componentUses)
    }

    /// Reads of names nothing defines.
    var undefinedUses: [IdentifierUse] { uses.filter { !defined.contains($0.name) } }

    /// Imported names never used, sorted.
    var unusedImports: [String] { imported.subtracting(used).sorted() }

    /// In MDX every `<Name` outside code is JSX, whether cmark saw HTML or, for a tag whose
    /// attributes it cannot read (`opts={{...}}`), plain text.
    private static func componentUses(in document: Document) -> [IdentifierUse] {
        var uses: [IdentifierUse] = []
        var start = 0
        let code = document.regions.filter { [.codeBlock, .codeSpan, .frontMatter, .esm, .htmlComment, .jsxComment].contains($0.kind) }
        for region in code.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) + [Region(.codeBlock, document.utf8.count..<document.utf8.count)] {
            if region.range.lowerBound > start {
                uses += elementNames(document.utf8[start..<region.range.lowerBound])
            }
            start = max(start, region.range.upperBound)
        }
        return uses
    }

    private static func usedNames(in document: Document, expressionUses: [IdentifierUse], componentUses: [IdentifierUse]) -> Set<String> {
        var used = Set(expressionUses.map(\.name)).union(componentUses.map(\.name))
        // The ESM's code other than its import statements (`export const meta = {image: a}`),
        // read as code: strings, comments, keys and member names use nothing.
        let statements = Set(document.esm.imports.map(\.statementRange)).sorted { $0.lowerBound < $1.lowerBound }
        for region in document.regions(of: .esm) {
            var start = region.range.lowerBound
            for statement in statements where region.range.contains(statement.lowerBound) {
                used.formUnion(codeNames(document.utf8, start..<statement.lowerBound))
                start = max(start, statement.upperBound)
            }
            used.formUnion(codeNames(document.utf8, start..<region.range.upperBound))
        }
        return used
    }

    /// The names a stretch of ESM code mentions, generously (a name counted wrongly only
    /// hides an unused import): every identifier but member names (`a.b`), outside strings
    /// and comments, with the code of template substitutions and JSX element names.
    private static func codeNames(_ utf8: [UInt8], _ range: Range<Int>, nesting: Int = 0) -> [String] {
        var names: [String] = []
        var cursor = JSCursor(utf8: utf8, position: range.lowerBound, end: range.upperBound)
        var afterDot = false
        var previous: UInt8 = 0x20
        while true {
            cursor.skipSpace()
            guard let byte = cursor.peek else { return names }
            defer { previous = cursor.position > 0 ? utf8[cursor.position - 1] : 0x20 }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\""), !JSCursor.isIdentifierPart(previous) {
                // Right after a letter a quote is an apostrophe of JSX text (`Here's our <Chart />`).
                cursor.skipQuoted()
            } else if byte == UInt8(ascii: "`") {
                let substitutions = cursor.templateLiteral()
                if nesting < 8 { names += substitutions.flatMap { codeNames(utf8, $0, nesting: nesting + 1) } }
            } else if JSCursor.isIdentifierStart(byte), let word = cursor.identifier() {
                if !afterDot { names.append(word.text) }
            } else {
                afterDot = byte == UInt8(ascii: ".")
                cursor.advance()
                continue
            }
            afterDot = false
        }
    }

    /// `Tabs` and `TabItem` in `<Tabs><TabItem>`, `motion` in `<motion.div>`: components
    /// used as elements. A lower-case name alone (`<img>`, `<figure>`) is an HTML element
    /// in JSX, not a variable.
    private static func elementNames(_ bytes: ArraySlice<UInt8>) -> [IdentifierUse] {
        var names: [IdentifierUse] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            var start = index + 1
            if start < bytes.endIndex, bytes[start] == UInt8(ascii: "/") { start += 1 }
            var end = start
            while end < bytes.endIndex, JSCursor.isIdentifierPart(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
            let isComponent = end > start
                && ((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[start]) || bytes[start..<end].contains(UInt8(ascii: ".")))
            if isComponent, let name = String(decoding: bytes[start..<end], as: UTF8.self).split(separator: ".").first {
                names.append(IdentifierUse(name: String(name), range: start..<start + name.utf8.count))
            }
            index = max(end, index + 1)
        }
        return names
    }
}
