import Yams

/// Yams entry points for per-file YAML (front matter, suppression options). Yams looks its
/// default encoding up in the process environment on every call (`YAMS_DEFAULT_ENCODING`),
/// which cost as much as parsing a small front matter; the choice is made once here.
enum YAMLParsing {
    nonisolated(unsafe) static let encoding = Parser.Encoding.default

    static func compose(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: yaml, .default, .default, encoding)
    }

    static func load(_ yaml: String) throws -> Any? {
        try Yams.load(yaml: yaml, .default, .default, encoding)
    }
}
