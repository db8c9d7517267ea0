import Yams

/// What a YAML document means apart from the text of its strings: how its values nest and
/// what kind each scalar is read as (string, null, boolean, number). A fix may change a
/// string's text (mojibake, an invisible character) but never its meaning: removing a
/// zero-width character from `draft: \u{FEFF}no` makes a string a boolean, and from
/// `summary: \u{FEFF}#1` turns the value into a comment.
indirect enum YAMLShape: Equatable {
    case scalar(Kind)
    /// Keys and values, alternating, in order.
    case mapping([YAMLShape])
    case sequence([YAMLShape])

    enum Kind { case string, null, boolean, number }

    init?(yaml: String) {
        do {
            self = try YAMLParsing.compose(yaml).map(YAMLShape.init) ?? .scalar(.null)
        } catch {
            return nil
        }
    }

    init(_ node: Node) {
        switch node {
        case .scalar(let scalar): self = .scalar(Self.kind(of: scalar, node))
        case .mapping(let mapping): self = .mapping(mapping.flatMap { [YAMLShape($0.key), YAMLShape($0.value)] })
        case .sequence(let sequence): self = .sequence(sequence.map(YAMLShape.init))
        case .alias: self = .scalar(.string)
        }
    }

    /// How a reader resolving YAML 1.1 types (Jekyll's, Hugo's) reads the scalar: a quoted
    /// one is always a string.
    private static func kind(of scalar: Node.Scalar, _ node: Node) -> Kind {
        guard scalar.style == .plain else { return .string }
        if ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null }
        if YAMLParsing.bool(node) != nil { return .boolean }
        return YAMLParsing.number(node) != nil ? .number : .string
    }
}
