import Foundation

/// A gitignore-style glob over '/'-separated relative paths: `*` and `?` stay within one
/// path segment, `**` crosses segments, `[abc]` is a class. A pattern without '/'
/// matches the file name in any folder, as in .gitignore.
public struct Glob: Sendable, Hashable {
    public let pattern: String
    /// Compiled once: every file of a walk is matched against every glob.
    private let expression: CompiledExpression

    /// ICU through the shim, as every other pattern: Foundation's NSRegularExpression
    /// would load Foundation's own copy of ICU at start-up (a tenth of linting one post).
    private final class CompiledExpression: @unchecked Sendable {
        let regex: ICURegularExpression?
        init(_ pattern: String) { regex = try? ICURegularExpression(pattern) }
    }

    public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    public init(_ pattern: String) {
        self.pattern = pattern
        var body = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
        if body.hasSuffix("/") { body += "**" }
        let anchored = body.contains("/")
        expression = CompiledExpression((anchored ? "^" : "^(?:.*/)?") + Self.translate(body) + "$")
    }

    public func matches(_ path: String) -> Bool {
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return expression.regex?.firstMatch(in: relative) != nil
    }

    private static func translate(_ glob: String) -> String {
        var result = ""
        var characters = Array(glob)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "*":
                if index + 1 < characters.count, characters[index + 1] == "*" {
                    index += 1
                    if index + 1 < characters.count, characters[index + 1] == "/" {
                        index += 1
                        result += "(?:.*/)?"
                    } else {
                        result += ".*"
                    }
                } else {
                    result += "[^/]*"
                }
            case "?": result += "[^/]"
            case "[":
                if let close = characters[index...].firstIndex(of: "]") {
                    result += "[" + String(characters[(index + 1)..<close]).replacingOccurrences(of: "\\", with: "\\\\") + "]"
                    index = close
                } else {
                    result += "\\["
                }
            default:
                // ICU reads a backslash before any ASCII character other than a letter or
                // digit as that character itself.
                let isPlain = !character.isASCII || character.isLetter || character.isNumber
                result += isPlain ? String(character) : "\\" + String(character)
            }
            index += 1
        }
        characters.removeAll()
        return result
    }
}
