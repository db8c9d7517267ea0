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
        componentUses = Self.componentUses(in: document, strict: true)
        used = Self.usedNames(in: document, expressionUses: uses)
    }

    /// Reads of names nothing defines.
    var undefinedUses: [IdentifierUse] { uses.filter { !defined.contains($0.name) } }

    /// Imported names never used, sorted.
    var unusedImports: [String] { imported.subtracting(used).sorted() }

    /// In MDX every `<Name` outside code is JSX, whether cmark saw HTML or, for a tag whose
    /// attributes it cannot read (`opts={{...}}`), plain text. `strict`: only elements of
    /// the Markdown text itself, whose names must be defined — not those inside `{…}`
    /// expressions (which may bind them: `{icons.map((Icon) => <Icon />)}`), link
    /// addresses or math, nor in attribute values.
    private static func componentUses(in document: Document, strict: Bool) -> [IdentifierUse] {
        var uses: [IdentifierUse] = []
        var start = 0
        var skipped: Set<Region.Kind> = [.codeBlock, .codeSpan, .frontMatter, .esm, .htmlComment, .jsxComment]
        if strict { skipped.formUnion([.jsxExpression, .linkDestination]) }
        var holes = document.regions.filter { skipped.contains($0.kind) }.map(\.range)
        if strict { holes += MathSpans.find(in: document) }
        for hole in holes.sorted(by: { $0.lowerBound < $1.lowerBound }) + [document.utf8.count..<document.utf8.count] {
            if hole.lowerBound > start {
                uses += elementNames(document.utf8[start..<hole.lowerBound], strict: strict)
            }
            start = max(start, hole.upperBound)
        }
        return uses
    }

    private static func usedNames(in document: Document, expressionUses: [IdentifierUse]) -> Set<String> {
        var used = Set(expressionUses.map(\.name)).union(componentUses(in: document, strict: false).map(\.name))
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
    private static func elementNames(_ bytes: ArraySlice<UInt8>, strict: Bool) -> [IdentifierUse] {
        var names: [IdentifierUse] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            // `\<Esc>` is text.
            if strict, index > bytes.startIndex, bytes[index - 1] == UInt8(ascii: "\\") { index += 1; continue }
            var start = index + 1
            if start < bytes.endIndex, bytes[start] == UInt8(ascii: "/") { start += 1 }
            var end = start
            while end < bytes.endIndex, JSCursor.isIdentifierPart(bytes[end]) || bytes[end] == UInt8(ascii: ".") { end += 1 }
            let isComponent = end > start
                && ((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[start]) || bytes[start..<end].contains(UInt8(ascii: ".")))
            // A tag's name ends at white space, `/` or `>` (`<a.b@x.com>`, `<Foo:Bar>`, `$i<N$` are none).
            let endsAsATag = end == bytes.endIndex || [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: ">")].contains(bytes[end])
            if isComponent, !strict || endsAsATag, let name = String(decoding: bytes[start..<end], as: UTF8.self).split(separator: ".").first {
                names.append(IdentifierUse(name: String(name), range: start..<start + name.utf8.count))
            }
            index = max(end, index + 1)
            // The rest of a tag: its attribute values (`title="List<Attr>"`, `s={'<Str/>'}`) hold
            // no elements. (`<5ms, so it's fast` is no tag.)
            if strict, endsAsATag, end > start, LineText.isLetter(bytes[start]) { index = tagEnd(bytes, from: index) }
        }
        return names
    }

    /// Whether the quote at `position` opens an attribute value (`title="…"`, `a = '…'`).
    private static func followsAnEqualsSign(_ bytes: ArraySlice<UInt8>, _ position: Int) -> Bool {
        var index = position - 1
        while index >= bytes.startIndex, bytes[index] == 0x20 { index -= 1 }
        return index >= bytes.startIndex && bytes[index] == UInt8(ascii: "=")
    }

    /// Just past the `>` that closes a tag, quoted values and braces skipped over.
    private static func tagEnd(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        var depth = 0
        var quote: UInt8?
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "`"),
                depth > 0 || Self.followsAnEqualsSign(bytes, index - 1)
            {
                quote = byte
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                depth = max(0, depth - 1)
            } else if byte == UInt8(ascii: ">"), depth == 0 {
                return index
            } else if byte == UInt8(ascii: "<"), depth == 0 {
                return index - 1  // another tag begins: what came before was no tag (`i <n it's <Foo />`)
            } else if byte == 0x0A, depth == 0, index < bytes.endIndex, bytes[index] == 0x0A {
                return index  // a blank line: no tag goes on past it
            }
        }
        return index
    }
}
