import Yams

/// Typed, located access to the YAML nodes of a rule file: every mistake becomes a
/// `DeclarativeRuleError` pointing at its line.
struct NodeReader {
    let path: String

    func error(at node: Node?, _ message: String) -> DeclarativeRuleError {
        DeclarativeRuleError(path: path, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }

    func fields(_ node: Node, allowed: Set<String>, what: String) throws -> [String: Node] {
        guard let mapping = node.mapping else { throw error(at: node, "\(what) must be a mapping") }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw error(at: key, "expected a plain key") }
            guard allowed.contains(name) else {
                throw error(at: key, "unknown key '\(name)' in \(what) (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
            fields[name] = value
        }
        return fields
    }

    func string(_ fields: [String: Node], _ key: String, allowEmpty: Bool = false) throws -> String {
        guard let node = fields[key] else { throw DeclarativeRuleError(path: path, line: nil, column: nil, message: "missing '\(key)'") }
        guard let value = node.scalar?.string else { throw error(at: node, "'\(key)' must be a plain value") }
        if value.isEmpty, !allowEmpty { throw error(at: node, "'\(key)' is empty") }
        return value
    }

    func bool(_ fields: [String: Node], _ key: String) throws -> Bool? {
        guard let node = fields[key] else { return nil }
        guard let value = YAMLParsing.bool(node) else { throw error(at: node, "'\(key)' must be true or false") }
        return value
    }

    func double(_ fields: [String: Node], _ key: String) throws -> Double? {
        guard let node = fields[key] else { return nil }
        guard let value = YAMLParsing.number(node) else { throw error(at: node, "'\(key)' must be a number") }
        return value
    }

    func choice<Value: RawRepresentable>(_ fields: [String: Node], _ key: String, _ type: Value.Type) throws -> Value
    where Value.RawValue == String {
        let value = try string(fields, key)
        guard let choice = Value(rawValue: value) else { throw error(at: fields[key], "'\(value)' is not a valid '\(key)'") }
        return choice
    }

    func list(_ fields: [String: Node], _ key: String) throws -> [(String, Node)] {
        guard let node = fields[key] else { throw DeclarativeRuleError(path: path, line: nil, column: nil, message: "missing '\(key)'") }
        if let scalar = node.scalar { return [(scalar.string, node)] }
        guard let sequence = node.sequence else { throw error(at: node, "'\(key)' must be a list") }
        return try sequence.map { item in
            guard let value = item.scalar?.string else { throw error(at: item, "expected a plain value in '\(key)'") }
            return (value, item)
        }
    }

    /// Compiles an ICU pattern; a pattern that does not compile is reported at its line.
    func regex(_ fields: [String: Node], _ key: String, options: ICURegularExpression.Options) throws -> ICURegularExpression {
        let pattern = try string(fields, key)
        do {
            return try ICURegularExpression(pattern, options: options)
        } catch {
            throw self.error(at: fields[key], "\(error)")
        }
    }
}

/// The `examples` of a rule file: `triggering` and `non-triggering` snippets (a string, or
/// `{text, file}`), and `corrections` (`{text, expected, file}`).
struct ExampleReader {
    let reader: NodeReader

    func read(_ node: Node?, origin: String) throws -> (triggering: [Example], nonTriggering: [Example], corrections: [Correction]) {
        guard let node else { return ([], [], []) }
        let fields = try reader.fields(node, allowed: ["triggering", "non-triggering", "corrections"], what: "'examples'")
        let triggering = try snippets(fields["triggering"], allowed: ["text", "file"]).map(\.0)
        let nonTriggering = try snippets(fields["non-triggering"], allowed: ["text", "file"]).map(\.0)
        let corrections = try snippets(fields["corrections"], allowed: ["text", "file", "expected"]).map { example, entry in
            Correction(example, try reader.string(entry, "expected", allowEmpty: true))
        }
        return (triggering, nonTriggering, corrections)
    }

    private func snippets(_ node: Node?, allowed: Set<String>) throws -> [(Example, [String: Node])] {
        guard let node else { return [] }
        guard let sequence = node.sequence else { throw reader.error(at: node, "examples must be a list") }
        return try sequence.map { item in
            if let text = item.scalar?.string, !allowed.contains("expected") {
                return (Example(text, fileName: "post.md"), [:])
            }
            let entry = try reader.fields(item, allowed: allowed, what: "an example")
            let file = entry["file"]?.scalar?.string ?? "post.md"
            return (Example(try reader.string(entry, "text", allowEmpty: true), fileName: file), entry)
        }
    }
}
