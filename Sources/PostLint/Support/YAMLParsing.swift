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
}
