/// An MDX `{...}` expression and the free identifiers it reads.
public struct JSXExpression: Sendable, Hashable {
    /// Byte range including the braces.
    public let range: Range<Int>
    /// `{/* ... */}`: a comment, not code.
    public let isComment: Bool
    /// Identifiers the expression reads that it does not bind itself.
    public let identifiers: [IdentifierUse]
}

public struct IdentifierUse: Sendable, Hashable {
    public let name: String
    public let range: Range<Int>
}

/// Finds `{...}` expressions in MDX text outside the regions where braces mean nothing
/// (code, front matter, ESM), and the identifiers each reads.
enum JSXExpressionScanner {
    static func scan(_ utf8: [UInt8], skipping excluded: [Range<Int>]) -> [JSXExpression] {
        var expressions: [JSXExpression] = []
        walk(utf8, outside: excluded) { position in
            guard utf8[position] == UInt8(ascii: "{"), !isEscaped(utf8, position), let end = closingBrace(utf8, from: position) else {
                return position + 1
            }
            expressions.append(expression(utf8, range: position..<end))
            return end
        }
        return expressions
    }

    /// Calls `step` at each position outside the sorted ranges `excluded`, from the start;
    /// `step` returns the position to go on from.
    private static func walk(_ utf8: [UInt8], outside excluded: [Range<Int>], _ step: (Int) -> Int) {
        var excludedIndex = 0
        var position = 0
        while position < utf8.count {
            while excludedIndex < excluded.count, excluded[excludedIndex].upperBound <= position { excludedIndex += 1 }
            if excludedIndex < excluded.count, excluded[excludedIndex].contains(position) {
                position = excluded[excludedIndex].upperBound
                continue
            }
            position = step(position)
        }
    }

    /// The quoted values of JSX attributes (`title="{x}"`, `alt='a {b}'`): string
    /// literals, whose braces are text; a `{…}` value is left to be read as an expression.
    /// Tags are looked for outside `excluded` (code, ESM, math).
    static func quotedAttributeValues(_ utf8: [UInt8], skipping excluded: [Range<Int>]) -> [Range<Int>] {
        var values: [Range<Int>] = []
        walk(utf8, outside: excluded) { position in
            guard utf8[position] == UInt8(ascii: "<"), position + 1 < utf8.count, JSCursor.isIdentifierStart(utf8[position + 1]) else {
                return position + 1
            }
            return tagEnd(utf8, from: position + 1, values: &values)
        }
        return values
    }

    /// Reads a tag's name and attributes from `start` (just after `<`), noting its quoted
    /// values; the offset where reading stopped: after `>`, or where the bytes stop looking
    /// like a tag.
    private static func tagEnd(_ utf8: [UInt8], from start: Int, values: inout [Range<Int>]) -> Int {
        var position = start
        let isNamePart = { (byte: UInt8) in
            JSCursor.isIdentifierPart(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
        }
        while position < utf8.count, isNamePart(utf8[position]) { position += 1 }
        var found: [Range<Int>] = []
        while position < utf8.count {
            let byte = utf8[position]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "/"), UInt8(ascii: "="):
                position += 1
            case UInt8(ascii: ">"):
                values += found
                return position + 1
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                // A value longer than this is no attribute (a quote in prose after a `<`).
                let window = (position + 1)..<min(utf8.count, position + 4096)
                guard let close = utf8[window].firstIndex(of: byte) else { return position + 1 }
                found.append(position + 1..<close)
                position = close + 1
            case UInt8(ascii: "{"):
                guard let end = closingBrace(utf8, from: position) else { return position + 1 }
                position = end
            default:
                guard isNamePart(byte) else { return position }
                position += 1
            }
        }
        return position
    }

    /// `\{`: a brace written as text (an odd number of backslashes before it).
    static func isEscaped(_ utf8: [UInt8], _ position: Int) -> Bool {
        var backslashes = 0
        while position - backslashes > 0, utf8[position - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
        return backslashes % 2 == 1
    }

    /// Offset just past the `}` that closes the `{` at `start`, or nil when the expression
    /// is not closed before a blank line (MDX would reject it; it is then treated as text).
    static func closingBrace(_ utf8: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var position = start
        var previousWasNewline = false
        // The last byte that was not white space: whether a `/` starts a regular expression.
        var previous: UInt8? = nil
        while position < utf8.count {
            let byte = utf8[position]
            switch byte {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return position + 1 }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                // Right after a letter a quote starts no string (code cannot have one there):
                // it is an apostrophe in the text of JSX inside the expression (`<b>it's</b>`);
                // so is one whose line holds no closing quote (`<b>the '90s</b>`).
                if previous.map(JSCursor.isIdentifierPart) == true && previous == utf8[position - 1] { break }
                var cursor = JSCursor(utf8: utf8, position: position, end: utf8.count)
                guard cursor.skipQuoted() else { break }
                position = cursor.position
                previousWasNewline = false
                previous = byte
                continue
            case UInt8(ascii: "`"):
                var cursor = JSCursor(utf8: utf8, position: position, end: utf8.count)
                _ = cursor.templateLiteral()
                position = cursor.position
                previousWasNewline = false
                previous = byte
                continue
            case UInt8(ascii: "/") where JSCursor.startsRegularExpression(after: previous):
                // `/'/g` holds a quote that starts no string.
                var cursor = JSCursor(utf8: utf8, position: position, end: utf8.count)
                cursor.skipRegularExpression()
                position = cursor.position
                previous = UInt8(ascii: "a")
                continue
            case 0x0A:
                if previousWasNewline { return nil }
                previousWasNewline = true
                position += 1
                continue
            default: break
            }
            if byte != 0x20, byte != 0x09, byte != 0x0D {
                previousWasNewline = false
                previous = byte
            }
            position += 1
        }
        return nil
    }

    static func expression(_ utf8: [UInt8], range: Range<Int>) -> JSXExpression {
        let inner = (range.lowerBound + 1)..<(range.upperBound - 1)
        var cursor = JSCursor(utf8: utf8, position: inner.lowerBound, end: inner.upperBound)
        cursor.skipSpace()
        if cursor.atEnd, inner.count > 0, utf8[inner].contains(UInt8(ascii: "*")) {
            return JSXExpression(range: range, isComment: true, identifiers: [])
        }
        // Docusaurus's heading id (`## Title {#custom-id}`): no code, nothing read.
        if cursor.peek == UInt8(ascii: "#") {
            return JSXExpression(range: range, isComment: false, identifiers: [])
        }
        return JSXExpression(range: range, isComment: false, identifiers: freeIdentifiers(utf8, inner))
    }

    static let keywords: Set<String> = [
        "true", "false", "null", "undefined", "this", "new", "typeof", "instanceof", "in", "of",
        "void", "delete", "return", "if", "else", "const", "let", "var", "function", "async",
        "await", "class", "extends", "super", "yield", "import", "export", "default", "for",
        "while", "do", "switch", "case", "break", "continue", "try", "catch", "finally", "throw",
    ]

    /// Identifiers read by the expression, leaving out member names (`a.b`), object keys
    /// (`{width: 500}`), keywords, arrow-function parameters, and anything inside JSX
    /// markup (the text between tags is not code).
    static func freeIdentifiers(_ utf8: [UInt8], _ inner: Range<Int>, nesting: Int = 0) -> [IdentifierUse] {
        var tokens: [(IdentifierUse, previous: UInt8?, next: UInt8?)] = []
        // Read in `${…}` of a template literal: free there, unless the enclosing code binds them.
        var substituted: [IdentifierUse] = []
        var cursor = JSCursor(utf8: utf8, position: inner.lowerBound, end: inner.upperBound)
        var previous: UInt8? = nil
        while true {
            cursor.skipSpace()
            guard let byte = cursor.peek else { break }
            if byte == UInt8(ascii: "`") {
                // Past a few levels of templates within templates, only written to break tools, names go unread.
                let substitutions = cursor.templateLiteral()
                if nesting < 8 { substituted += substitutions.flatMap { freeIdentifiers(utf8, $0, nesting: nesting + 1) } }
                previous = byte
            } else if byte == UInt8(ascii: "/"), JSCursor.startsRegularExpression(after: previous) {
                cursor.skipRegularExpression()
                previous = UInt8(ascii: "a")
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                cursor.skipQuoted()
                previous = byte
            } else if byte == UInt8(ascii: "<"), let next = utf8[safe: cursor.position + 1],
                JSCursor.isIdentifierStart(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: ">")
            {
                // JSX markup from here on: its text is not code, but its `{…}` are.
                if nesting < 8 { substituted += markupExpressions(utf8, cursor.position..<inner.upperBound, nesting: nesting + 1) }
                break
            } else if JSCursor.isIdentifierStart(byte), let word = cursor.identifier() {
                var lookahead = cursor
                lookahead.skipSpace()
                tokens.append((IdentifierUse(name: word.text, range: word.range), previous, lookahead.peek))
                previous = UInt8(ascii: "a")
            } else if byte >= 0x30 && byte <= 0x39 {
                while let digit = cursor.peek, JSCursor.isIdentifierPart(digit) || digit == UInt8(ascii: ".") {
                    cursor.advance()
                }
                previous = UInt8(ascii: "0")
            } else {
                previous = byte
                cursor.advance()
            }
        }
        let parameters = arrowParameters(utf8, inner).union(locallyDeclaredNames(utf8, inner))
        return (tokens.compactMap { use, previous, next in
            if keywords.contains(use.name) || parameters.contains(use.name) { return nil }
            if previous == UInt8(ascii: ".") { return nil }
            if next == UInt8(ascii: ":"), previous == UInt8(ascii: "{") || previous == UInt8(ascii: ",") {
                return nil
            }
            return use
        } + substituted.filter { !parameters.contains($0.name) }).sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Names bound as arrow-function parameters: `x => ...` and `(a, b) => ...`.
    static func arrowParameters(_ utf8: [UInt8], _ inner: Range<Int>) -> Set<String> {
        var names: Set<String> = []
        let text = utf8[inner]
        var index = text.startIndex
        while index + 1 < text.endIndex {
            if text[index] == UInt8(ascii: "="), text[index + 1] == UInt8(ascii: ">") {
                var back = index - 1
                while back >= text.startIndex, text[back] == 0x20 { back -= 1 }
                if back >= text.startIndex, text[back] == UInt8(ascii: ")") {
                    // The `(` that opens this list: defaults may call (`name = String(id)`).
                    var open = back - 1
                    var depth = 0
                    while open >= text.startIndex, depth > 0 || text[open] != UInt8(ascii: "(") {
                        if text[open] == UInt8(ascii: ")") { depth += 1 }
                        if text[open] == UInt8(ascii: "("), depth > 0 { depth -= 1 }
                        open -= 1
                    }
                    if open >= text.startIndex {
                        names.formUnion(identifierNames(in: text[(open + 1)..<back]))
                    }
                } else {
                    var start = back
                    while start >= text.startIndex, JSCursor.isIdentifierPart(text[start]) { start -= 1 }
                    if start < back { names.insert(String(decoding: text[(start + 1)...back], as: UTF8.self)) }
                }
            }
            index += 1
        }
        return names
    }

    /// The identifiers read by the `{…}` attribute values and children of JSX markup inside
    /// an expression (`{show && <img src={hero} />}` reads `hero`). Quotes count only as
    /// attribute values (after `=`): in the elements' text an apostrophe is a letter.
    static func markupExpressions(_ utf8: [UInt8], _ markup: Range<Int>, nesting: Int) -> [IdentifierUse] {
        var uses: [IdentifierUse] = []
        var position = markup.lowerBound
        var previous: UInt8? = nil
        while position < markup.upperBound {
            let byte = utf8[position]
            if byte == UInt8(ascii: "{"), let end = closingBrace(utf8, from: position), end <= markup.upperBound {
                uses += freeIdentifiers(utf8, (position + 1)..<(end - 1), nesting: nesting)
                position = end
            } else if (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")), previous == UInt8(ascii: "=") {
                var cursor = JSCursor(utf8: utf8, position: position, end: markup.upperBound)
                cursor.skipQuoted()
                position = cursor.position
            } else {
                position += 1
            }
            if byte != 0x20 { previous = byte }
        }
        return uses
    }

    /// Names the expression declares itself, wherever in it (a scope-blind reading, so it
    /// errs towards silence): `const`/`let`/`var` (destructuring too, and `for (const v of
    /// …)`), a function's name and parameters, a `catch` clause's error.
    static func locallyDeclaredNames(_ utf8: [UInt8], _ inner: Range<Int>) -> Set<String> {
        var names: Set<String> = []
        var cursor = JSCursor(utf8: utf8, position: inner.lowerBound, end: inner.upperBound)
        var afterDot = false
        while true {
            cursor.skipSpace()
            guard let byte = cursor.peek else { break }
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`") {
                _ = cursor.string()
                afterDot = false
                continue
            }
            guard JSCursor.isIdentifierStart(byte), let word = cursor.identifier() else {
                afterDot = byte == UInt8(ascii: ".")
                cursor.advance()
                continue
            }
            // `promise.catch(handler)` is a method call, not a catch clause.
            defer { afterDot = false }
            if afterDot { continue }
            switch word.text {
            case "const", "let", "var":
                names.formUnion(JSCursor.declaredNames(&cursor))
            case "function", "catch":
                if word.text == "function", let name = cursor.identifier() { names.insert(name.text) }
                cursor.skipSpace()
                guard cursor.peek == UInt8(ascii: "(") else { continue }
                let start = cursor.position + 1
                var depth = 0
                while let next = cursor.peek {
                    if next == UInt8(ascii: "(") { depth += 1 }
                    if next == UInt8(ascii: ")") { depth -= 1 }
                    cursor.advance()
                    if depth == 0 { break }
                }
                names.formUnion(identifierNames(in: utf8[start..<max(start, cursor.position - 1)]))
            default:
                continue
            }
        }
        return names
    }

    /// Every identifier-shaped word in `bytes` (`a, b = 1` → a, b).
    static func identifierNames(in bytes: ArraySlice<UInt8>) -> [String] {
        bytes.split { !JSCursor.isIdentifierPart($0) }
            .filter { JSCursor.isIdentifierStart($0.first!) }
            .map { String(decoding: $0, as: UTF8.self) }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
