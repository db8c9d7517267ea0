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
/// `false`). Configuration and rule files, which need booleans and numbers, are read with
/// the default resolver elsewhere.
enum YAMLParsing {
    nonisolated(unsafe) static let encoding = Parser.Encoding.default

    static func compose(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: yaml, .basic, .default, encoding)
    }

    static func load(_ yaml: String) throws -> Any? {
        try Yams.load(yaml: yaml, .basic, .default, encoding)
    }
}
