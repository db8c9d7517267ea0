import Foundation

/// A gitignore-style glob over '/'-separated relative paths: `*` and `?` stay within one
/// path segment, `**` crosses segments, `[abc]` is a class. A pattern without '/'
/// matches a name in any folder, a leading '/' anchors it to the configuration's folder,
/// and a pattern that matches a folder matches everything in it, as in .gitignore
/// (`exclude: [_drafts]` leaves out the drafts folder, `/_drafts` only the top one).
public struct Glob: Sendable, Hashable {
    public let pattern: String
    /// Compiled once: every file of a walk is matched against every glob. `expression`
    /// matches a path or anything below it, `fileExpression` the path alone.
    private let expression: CompiledExpression
    private let fileExpression: CompiledExpression
    /// Whether the pattern's last segment says more than "any name" (`*.MD`, `notes.html`,
    /// not `*` or `**`): only such a pattern takes in a file that is not a post.
    public let namesFiles: Bool

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
        var anchored = false
        if body.hasPrefix("/") {
            body.removeFirst()
            anchored = true
        }
        if body.hasSuffix("/") { body += "**" }
        anchored = anchored || body.contains("/")
        let translated = (anchored ? "^" : "^(?:.*/)?") + Self.translate(body)
        expression = CompiledExpression(translated + "(?:/.*)?$")
        fileExpression = CompiledExpression(translated + "$")
        namesFiles = body.split(separator: "/").last.map { !$0.allSatisfy { $0 == "*" } } ?? false
    }

    /// Whether the path, or a folder it is in, matches.
    public func matches(_ path: String) -> Bool {
        expression.regex?.firstMatch(in: Self.withoutDotSlash(path)) != nil
    }

    /// Whether the path itself matches, not only a folder it is in.
    public func matchesFile(_ path: String) -> Bool {
        fileExpression.regex?.firstMatch(in: Self.withoutDotSlash(path)) != nil
    }

    private static func withoutDotSlash(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
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
