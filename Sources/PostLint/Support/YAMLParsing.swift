import Yams

/// Yams entry points for per-file YAML (front matter, suppression options).
///
/// Two costs are avoided here. Yams looks its default encoding up in the process
/// environment on every call (`YAMS_DEFAULT_ENCODING`), which cost as much as parsing a
/// small front matter; the choice is made once. And Yams's default resolver types every
/// plain scalar with up to seven `NSRegularExpression`s, run again each time a mapping key
/// is hashed for its duplicate check — most of the time spent on a front matter. Per-file
/// YAML is read for its structure and its strings only, so these entry points resolve
/// nothing: every plain scalar is a string (`lang: no` stays the Norwegian code, not
/// `false`). Configuration and rule files read their few booleans and numbers with
/// `bool(_:)` and `number(_:)` below.
enum YAMLParsing {
    nonisolated(unsafe) static let encoding = Parser.Encoding.default

    static func compose(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: yaml, .basic, .default, encoding)
    }

    static func load(_ yaml: String) throws -> Any? {
        try Yams.load(yaml: yaml, .basic, .default, encoding)
    }

    /// A YAML 1.1 boolean (`true`, `False`, `yes`, `off`, ...), as Yams's default resolver reads one.
    static func bool(_ node: Node) -> Bool? {
        guard let text = node.scalar?.string else { return nil }
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    /// A decimal number (`0.2`, `6`, `1e3`).
    static func number(_ node: Node) -> Double? {
        guard let text = node.scalar?.string, !text.isEmpty, text.allSatisfy({ $0.isASCII }) else { return nil }
        return Double(text.replacingOccurrences(of: "_", with: ""))
    }

    /// Where a Yams error lies (1-based line and column), when it says: the context
    /// ("while scanning a quoted scalar") marks where the mistake starts; the problem's
    /// mark is often the end of the text.
    static func position(of error: YamlError) -> (line: Int, column: Int)? {
        switch error {
        case .scanner(let context, _, let mark, _), .parser(let context, _, let mark, _), .composer(let context, _, let mark, _):
            let where_ = context?.mark ?? mark
            return (where_.line, where_.column)
        case .duplicatedKeysInMapping(_, let context):
            return (context.mark.line, context.mark.column)
        default:
            return nil
        }
    }

    /// Where the error is, and for a key written twice where the second one is (Yams marks
    /// the mapping's start): the second line, at the mapping's line or below, that starts
    /// with the key at the indentation of the first.
    static func position(of error: YamlError, in yaml: String) -> (line: Int, column: Int)? {
        guard case .duplicatedKeysInMapping(let duplicates, let context) = error, let key = duplicates.sorted().first else {
            return position(of: error)
        }
        var first: Int?
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= context.mark.line {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            guard [key + ":", "\"\(key)\":", "'\(key)':"].contains(where: { rest.hasPrefix($0) }) else { continue }
            if let first, first == indent { return (index + 1, indent + 1) }
            first = first ?? indent
        }
        return position(of: error)
    }

    /// A Yams error in one line, without the position and the copy of the text it carries.
    static func reason(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        case .duplicatedKeysInMapping(let duplicates, _):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return "the key\(duplicates.count == 1 ? "" : "s") \(keys) appear\(duplicates.count == 1 ? "s" : "") twice in one mapping"
        default:
            return "\(error)"
        }
    }
}
