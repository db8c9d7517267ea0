/// JavaScript's literals as MDX expressions hold them: template literals with their `${…}`
/// code, quoted strings and regular expressions, stepped over whole so that a quote, brace
/// or backtick inside one ends nothing.
extension JSCursor {
    /// A template literal at the cursor (on its backtick), consumed whole: the inner ranges
    /// of its own `${…}` substitutions, which are code. Nested templates, strings, regular
    /// expressions and comments inside them are stepped over, so a backtick, quote or brace
    /// there does not end anything; iterative, so no nesting depth exhausts the stack.
    mutating func templateLiteral() -> [Range<Int>] {
        enum Context { case template, code(start: Int, braces: Int, previous: UInt8?) }
        var stack: [Context] = [.template]
        var substitutions: [Range<Int>] = []
        position += 1
        while position < end, let context = stack.last {
            let byte = utf8[position]
            switch context {
            case .template:
                if byte == UInt8(ascii: "\\") {
                    position += 2
                } else if byte == UInt8(ascii: "`") {
                    stack.removeLast()
                    position += 1
                } else if byte == UInt8(ascii: "$"), position + 1 < end, utf8[position + 1] == UInt8(ascii: "{") {
                    position += 2
                    stack.append(.code(start: position, braces: 0, previous: UInt8(ascii: "{")))
                } else {
                    position += 1
                }
            case .code(let start, let braces, let previous):
                let before = position
                skipSpace()
                guard position < end else { break }
                if position > before { continue }
                var next = braces
                switch byte {
                case UInt8(ascii: "{"):
                    next += 1
                case UInt8(ascii: "}") where braces == 0:
                    stack.removeLast()
                    if stack.count == 1 { substitutions.append(start..<position) }
                    position += 1
                    continue
                case UInt8(ascii: "}"):
                    next -= 1
                case UInt8(ascii: "`"):
                    stack[stack.count - 1] = .code(start: start, braces: braces, previous: byte)
                    stack.append(.template)
                    position += 1
                    continue
                case UInt8(ascii: "'"), UInt8(ascii: "\""):
                    skipQuoted()
                    stack[stack.count - 1] = .code(start: start, braces: braces, previous: byte)
                    continue
                case UInt8(ascii: "/") where Self.startsRegularExpression(after: previous):
                    skipRegularExpression()
                    stack[stack.count - 1] = .code(start: start, braces: braces, previous: UInt8(ascii: "a"))
                    continue
                default:
                    break
                }
                stack[stack.count - 1] = .code(start: start, braces: next, previous: byte)
                position += 1
            }
        }
        position = min(position, end)
        return substitutions
    }

    /// A `'…'` or `"…"` string at the cursor, consumed up to its closing quote, or to its
    /// line's end when unclosed (the line feed left for the caller); whether it closed.
    @discardableResult
    mutating func skipQuoted() -> Bool {
        let quote = utf8[position]
        position += 1
        while position < end, utf8[position] != quote, utf8[position] != 0x0A {
            if utf8[position] == UInt8(ascii: "\\") { position += 1 }
            position += 1
        }
        position = min(position, end)
        guard position < end, utf8[position] == quote else { return false }
        position += 1
        return true
    }

    /// Whether a `/` after the byte `previous` (the last one that was not white space)
    /// starts a regular expression rather than dividing: after an operator, an opening
    /// bracket, a separator or nothing. Not after `<`: `</b>` closes a JSX element.
    static func startsRegularExpression(after previous: UInt8?) -> Bool {
        guard let previous else { return true }
        return regularExpressionPrecursors.contains(previous)
    }

    private static let regularExpressionPrecursors = Set("(,=:[!&|?{};+-*%>~^".utf8)

    /// A regular expression literal at the cursor (on its `/`) with its flags, consumed;
    /// one that meets the end of its line was a division after all: only the `/` goes.
    mutating func skipRegularExpression() {
        var index = position + 1
        var inClass = false
        while index < end, utf8[index] != 0x0A {
            let byte = utf8[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "[") { inClass = true }
            if byte == UInt8(ascii: "]") { inClass = false }
            if byte == UInt8(ascii: "/"), !inClass {
                index += 1
                while index < end, Self.isIdentifierPart(utf8[index]) { index += 1 }
                position = index
                return
            }
            index += 1
        }
        position += 1
    }
}
