/// One name bound by an MDX `import` statement.
public struct ImportBinding: Sendable, Hashable {
    /// The local name, as used in the document.
    public let name: String
    /// Byte range of the local name.
    public let nameRange: Range<Int>
    /// The module specifier (`./asset/img0.png`).
    public let specifier: String
    /// Byte range of the specifier, quotes excluded.
    public let specifierRange: Range<Int>
    /// Byte range of the whole statement.
    public let statementRange: Range<Int>
    /// `true` for a default import (`import x from ...`).
    public let isDefault: Bool
}

/// What an MDX ESM block declares: its imports and the names its exports define.
public struct ESMDeclarations: Sendable {
    public var imports: [ImportBinding] = []
    /// Names defined by `export const/let/var/function/class NAME`.
    public var exportedNames: Set<String> = []
    /// `import` statements the scanner could not read (the MDX compiler would reject them).
    public var malformedImports: [Range<Int>] = []
}

/// A small scanner for the statements MDX allows at the top level. It understands the
/// forms blog posts use (default, named, namespace and side-effect imports; exported
/// declarations), not all of JavaScript.
enum ESMScanner {
    static func scan(_ utf8: [UInt8], blocks: [Range<Int>]) -> ESMDeclarations {
        var declarations = ESMDeclarations()
        for block in blocks {
            var cursor = JSCursor(utf8: utf8, position: block.lowerBound, end: block.upperBound)
            while let word = cursor.nextWord() {
                if word.text == "import" {
                    if let bindings = scanImport(&cursor, statementStart: word.range.lowerBound) {
                        declarations.imports += bindings
                    } else {
                        declarations.malformedImports.append(word.range)
                    }
                } else if word.text == "export" {
                    declarations.exportedNames.formUnion(scanExport(&cursor))
                }
            }
        }
        return declarations
    }

    /// The bindings of one import statement ([] for a side-effect import), nil when the
    /// statement does not read as an import.
    private static func scanImport(_ cursor: inout JSCursor, statementStart: Int) -> [ImportBinding]? {
        var names: [(String, Range<Int>, Bool)] = []
        cursor.skipSpace()
        if cursor.peek == UInt8(ascii: "'") || cursor.peek == UInt8(ascii: "\"") {
            _ = cursor.string()  // side-effect import binds nothing
            return []
        }
        if let first = cursor.identifier() {
            names.append((first.text, first.range, true))
            cursor.skipSpace()
            if cursor.peek == UInt8(ascii: ",") { cursor.advance() }
        }
        cursor.skipSpace()
        if cursor.peek == UInt8(ascii: "*") {
            cursor.advance()
            _ = cursor.nextWord()  // as
            if let name = cursor.identifier() { names.append((name.text, name.range, false)) }
        } else if cursor.peek == UInt8(ascii: "{") {
            cursor.advance()
            names += namedImports(&cursor)
        }
        guard cursor.nextWord()?.text == "from", let specifier = cursor.string() else { return nil }
        let statementEnd = cursor.finishStatement()
        return names.map { name, range, isDefault in
            ImportBinding(
                name: name, nameRange: range, specifier: specifier.text,
                specifierRange: specifier.range, statementRange: statementStart..<statementEnd,
                isDefault: isDefault)
        }
    }

    private static func namedImports(_ cursor: inout JSCursor) -> [(String, Range<Int>, Bool)] {
        var names: [(String, Range<Int>, Bool)] = []
        while true {
            cursor.skipSpace()
            if cursor.atEnd { return names }
            if cursor.peek == UInt8(ascii: "}") { cursor.advance(); return names }
            if cursor.peek == UInt8(ascii: ",") { cursor.advance(); continue }
            guard var name = cursor.identifier() else { cursor.advance(); continue }
            cursor.skipSpace()
            let save = cursor.position
            if let word = cursor.identifier(), word.text == "as", let alias = cursor.identifier() {
                name = alias
            } else {
                cursor.position = save
            }
            names.append((name.text, name.range, false))
        }
    }

    /// The names an `export` declares: one for a function or class, every name of a
    /// destructuring pattern (`export const {a, b: c} = …` declares a and c).
    private static func scanExport(_ cursor: inout JSCursor) -> [String] {
        guard let keyword = cursor.nextWord() else { return [] }
        switch keyword.text {
        case "const", "let", "var":
            return JSCursor.declaredNames(&cursor)
        case "function", "class":
            return cursor.identifier().map { [$0.text] } ?? []
        case "async":
            _ = cursor.nextWord()
            return cursor.identifier().map { [$0.text] } ?? []
        default:
            return []
        }
    }
}

/// A forward-only reader over JavaScript-ish bytes: identifiers, strings, comments.
struct JSCursor {
    /// After `const`, `let` or `var`: every name the declaration binds, through all its
    /// declarators (`a = 1, b = 2`) and destructuring patterns (`{a, b: c, ...rest}` → a,
    /// c, rest; `[x = fallback, , y]` → x, y). Keys followed by `:` are property names, and
    /// default values are read, not bound.
    static func declaredNames(_ cursor: inout JSCursor) -> [String] {
        var names: [String] = []
        while true {
            cursor.skipSpace()
            if let open = cursor.peek, open == UInt8(ascii: "{") || open == UInt8(ascii: "[") {
                names += patternNames(&cursor)
            } else if let word = cursor.identifier() {
                names.append(word.text)
            } else {
                return names
            }
            guard skipInitializer(&cursor) else { return names }
        }
    }

    /// The names a destructuring pattern binds; the cursor ends after its closing bracket.
    private static func patternNames(_ cursor: inout JSCursor) -> [String] {
        var names: [String] = []
        var depth = 0
        var inDefault = false
        while let byte = cursor.peek {
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
            if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                depth -= 1
                inDefault = false
                if depth == 0 { cursor.advance(); break }
            }
            if byte == UInt8(ascii: ",") { inDefault = false }
            if byte == UInt8(ascii: "=") { inDefault = true }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`") {
                _ = cursor.string()
                continue
            }
            if isIdentifierStart(byte), let word = cursor.identifier() {
                var lookahead = cursor
                lookahead.skipSpace()
                if !inDefault, lookahead.peek != UInt8(ascii: ":") { names.append(word.text) }
                continue
            }
            cursor.advance()
        }
        return names
    }

    /// Moves past a declarator's `= value` to the `,` that starts the next declarator
    /// (true) or to where the declaration ends (false): `;`, a closing bracket of the code
    /// around it, or a line break not after a comma.
    private static func skipInitializer(_ cursor: inout JSCursor) -> Bool {
        var depth = 0
        var lastSignificant: UInt8 = 0
        while let byte = cursor.peek {
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"):
                _ = cursor.string()
                lastSignificant = byte
                continue
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0 { return false }
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 0 {
                    cursor.advance()
                    return true
                }
            case UInt8(ascii: ";"):
                if depth == 0 { return false }
            case 0x0A:
                if depth == 0, lastSignificant != UInt8(ascii: ",") { return false }
            default:
                break
            }
            if byte > 0x20 { lastSignificant = byte }
            cursor.advance()
        }
        return false
    }

    let utf8: [UInt8]
    var position: Int
    let end: Int

    var atEnd: Bool { position >= end }
    var peek: UInt8? { position < end ? utf8[position] : nil }
    mutating func advance() { position += 1 }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte == 0x24
    }

    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= 0x30 && byte <= 0x39)
    }

    mutating func skipSpace() {
        while position < end {
            let byte = utf8[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                position += 1
            } else if byte == UInt8(ascii: "/"), position + 1 < end, utf8[position + 1] == UInt8(ascii: "/") {
                while position < end, utf8[position] != 0x0A { position += 1 }
            } else if byte == UInt8(ascii: "/"), position + 1 < end, utf8[position + 1] == UInt8(ascii: "*") {
                position += 2
                while position + 1 < end, !(utf8[position] == UInt8(ascii: "*") && utf8[position + 1] == UInt8(ascii: "/")) {
                    position += 1
                }
                position = min(end, position + 2)
            } else {
                return
            }
        }
    }

    /// The identifier at the cursor (after white space), or nil without moving.
    mutating func identifier() -> (text: String, range: Range<Int>)? {
        skipSpace()
        guard position < end, Self.isIdentifierStart(utf8[position]) else { return nil }
        let start = position
        while position < end, Self.isIdentifierPart(utf8[position]) { position += 1 }
        return (String(decoding: utf8[start..<position], as: UTF8.self), start..<position)
    }

    /// The next identifier, skipping anything that is not one.
    mutating func nextWord() -> (text: String, range: Range<Int>)? {
        while position < end {
            skipSpace()
            if let word = identifier() { return word }
            if position < end {
                if utf8[position] == UInt8(ascii: "'") || utf8[position] == UInt8(ascii: "\"")
                    || utf8[position] == UInt8(ascii: "`")
                {
                    _ = string()
                } else {
                    position += 1
                }
            }
        }
        return nil
    }

    /// A quoted string at the cursor: its contents and their range, quotes excluded.
    mutating func string() -> (text: String, range: Range<Int>)? {
        skipSpace()
        guard let quote = peek, quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "`")
        else { return nil }
        if quote == UInt8(ascii: "`") {
            let start = position + 1
            _ = templateLiteral()
            let contentEnd = position > start && utf8[position - 1] == quote ? position - 1 : position
            return (String(decoding: utf8[start..<contentEnd], as: UTF8.self), start..<contentEnd)
        }
        let start = position + 1
        let contentEnd = skipQuoted() ? position - 1 : position
        return (String(decoding: utf8[start..<contentEnd], as: UTF8.self), start..<contentEnd)
    }

    /// Consumes an optional `;` and returns the statement's end offset.
    mutating func finishStatement() -> Int {
        let save = position
        while position < end, utf8[position] == 0x20 || utf8[position] == 0x09 { position += 1 }
        if position < end, utf8[position] == UInt8(ascii: ";") { position += 1; return position }
        position = save
        return save
    }
}
