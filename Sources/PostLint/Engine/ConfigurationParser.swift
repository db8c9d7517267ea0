import Foundation
import Yams

/// Reads `.postlint.yml` strictly: an unknown key, rule id or value is an error that
/// names the file, line and column of the mistake.
struct ConfigurationParser {
    let path: String
    let baseDirectory: String

    static let topLevelKeys: Set<String> = ["rules", "include", "exclude", "mdx", "overrides", "rule-folders"]

    func parse(_ yaml: String) throws -> Configuration {
        var configuration = Configuration(baseDirectory: baseDirectory)
        configuration.path = path
        let root: Node?
        do {
            root = try YAMLParsing.compose(yaml)
        } catch let error as YamlError {
            let position = YAMLParsing.position(of: error, in: yaml)
            throw ConfigurationError(path: path, line: position?.line, column: position?.column, message: "YAML does not parse: \(YAMLParsing.reason(error))")
        }
        // An empty file, or a document with nothing in it (`---`, every line commented out), is the defaults.
        guard let root, !Self.isNull(root) else { return configuration }
        let top = try mapping(root, what: "the top level")
        // User rules first, so `rules:` may configure them wherever the key is written.
        if let folders = try top.first(where: { try string($0.0) == "rule-folders" })?.1, !Self.isNull(folders) {
            try loadUserRules(folders, into: &configuration)
        }
        let known = RuleRegistry.ids.union(configuration.userRules.map(\.id))
        for (keyNode, value) in top {
            let key = try string(keyNode)
            // A key with nothing under it (every entry commented out) is as if absent.
            if Self.isNull(value), Self.topLevelKeys.contains(key) { continue }
            switch key {
            case "rule-folders": break
            case "rules": configuration.rules = try ruleChanges(value, known: known)
            case "include": configuration.include = try globs(value)
            case "exclude": configuration.exclude = try globs(value)
            case "mdx": configuration.mdx = try globs(value)
            case "overrides": configuration.overrides = try overrides(value, known: known)
            default:
                throw error(at: keyNode, "unknown key '\(key)' (expected one of: \(Self.topLevelKeys.sorted().joined(separator: ", ")))")
            }
        }
        return configuration
    }

    /// `rule-folders: [path, ...]`, relative to the configuration file's folder.
    private func loadUserRules(_ node: Node, into configuration: inout Configuration) throws {
        let entries = node.scalar != nil ? [node] : (node.sequence.map(Array.init) ?? [])
        guard !entries.isEmpty else { throw error(at: node, "'rule-folders' must be a folder or a list of folders") }
        for entry in entries {
            let folder = try string(entry)
            let path = folder.hasPrefix("/") ? folder : baseDirectory + "/" + folder
            let rules: [DeclarativeRule]
            do {
                rules = try DeclarativeRuleLoader.load(folder: path)
            } catch let problem as DeclarativeRuleError where problem.path == path {
                // The folder itself: the mistake is this entry of .postlint.yml.
                throw error(at: entry, "\(problem.message) '\(folder)'")
            } catch let problem as DeclarativeRuleError {
                throw ConfigurationError(path: problem.path, line: problem.line, column: problem.column, message: problem.message)
            }
            for rule in rules {
                if RuleRegistry.ids.contains(rule.id) || configuration.userRules.contains(where: { $0.id == rule.id }) {
                    throw ConfigurationError(path: rule.origin, line: nil, column: nil, message: "the rule id '\(rule.id)' is already taken")
                }
                configuration.userRules.append(rule)
            }
            configuration.ruleFolders.append(path)
        }
    }

    private func overrides(_ node: Node, known: Set<String>) throws -> [Configuration.Override] {
        guard let sequence = node.sequence else { throw error(at: node, "'overrides' must be a list") }
        return try sequence.map { entry in
            let fields = try mapping(entry, what: "an override")
            var files: [Glob]? = nil
            var rules: [String: Configuration.RuleChange] = [:]
            for (keyNode, value) in fields {
                switch try string(keyNode) {
                case "files": files = try globs(value)
                case "rules" where Self.isNull(value): break
                case "rules": rules = try ruleChanges(value, known: known)
                default: throw error(at: keyNode, "unknown key '\(try string(keyNode))' in an override (expected files, rules)")
                }
            }
            guard let files else { throw error(at: entry, "an override needs 'files'") }
            return Configuration.Override(files: files, rules: rules)
        }
    }

    private func ruleChanges(_ node: Node, known: Set<String>) throws -> [String: Configuration.RuleChange] {
        var changes: [String: Configuration.RuleChange] = [:]
        for (keyNode, value) in try mapping(node, what: "'rules'") {
            let id = try string(keyNode)
            guard known.contains(id) else {
                throw error(at: keyNode, "unknown rule '\(id)' (see `postlint rules`)")
            }
            changes[id] = try ruleChange(value, options: RuleRegistry.description(of: id)?.options ?? [], of: id)
        }
        return changes
    }

    /// `off`, `on`, a severity, or a mapping `{severity: ..., enabled: ..., options...}`;
    /// `options` are the ones the rule declares, each a value or a list of values.
    private func ruleChange(_ node: Node, options declared: [RuleOptionDescription], of id: String) throws -> Configuration.RuleChange {
        if Self.isNull(node) { return .init() }
        if let scalar = node.scalar?.string {
            switch scalar {
            case "off", "false": return .init(enabled: false)
            case "on", "true": return .init(enabled: true)
            default:
                guard let severity = Severity(rawValue: scalar) else {
                    throw error(at: node, "expected off, on, error, warning or info, found '\(scalar)'")
                }
                return .init(enabled: true, severity: severity)
            }
        }
        var change = Configuration.RuleChange()
        var options = RuleOptions()
        for (keyNode, value) in try mapping(node, what: "a rule setting") {
            let key = try string(keyNode)
            switch key {
            case "severity":
                guard let severity = value.scalar.flatMap({ Severity(rawValue: $0.string) }) else {
                    throw error(at: value, "severity must be error, warning or info")
                }
                change.severity = severity
            case "enabled":
                guard let enabled = YAMLParsing.bool(value) else { throw error(at: value, "'enabled' must be true or false") }
                change.enabled = enabled
            default:
                guard declared.contains(where: { $0.name == key }) else {
                    let expected = (["severity", "enabled"] + declared.map(\.name)).joined(separator: ", ")
                    throw error(at: keyNode, "unknown key '\(key)' for the rule '\(id)' (expected one of: \(expected))")
                }
                options.lists[key] = try optionValues(value, option: key, of: id)
            }
        }
        if !options.values.isEmpty || !options.lists.isEmpty { change.options = options }
        return change
    }

    /// A rule option's value or list of values, each checked by `OptionCheck`.
    private func optionValues(_ node: Node, option: String, of id: String) throws -> [String] {
        let entries: [Node]
        if Self.isNull(node) {
            entries = []  // `required:` with nothing after it (or `~`) is an empty list, not [""].
        } else if node.scalar != nil {
            entries = [node]
        } else if let list = node.sequence {
            entries = Array(list)
        } else {
            throw error(at: node, "'\(option)' must be a value or a list of values")
        }
        return try entries.map { entry in
            // `3`, `true` or `~` (YAML 1.2's core numbers, booleans and null): not a word or a
            // key. `on`, `no`, `inf` are text there, and words.
            if let scalar = entry.scalar, scalar.style == .plain, Self.isCoreNonText(scalar.string) {
                throw error(at: entry, "'\(option)' expects text, found '\(scalar.string)' (quote it if you mean the text)")
            }
            let text = try string(entry)
            if let problem = OptionCheck.problem(rule: id, option: option, value: text) { throw error(at: entry, problem) }
            return text
        }
    }

    /// A plain scalar YAML 1.2's core schema reads as a number, a boolean or null.
    static func isCoreNonText(_ text: String) -> Bool {
        ["true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~", ""].contains(text)
            || text.range(of: #"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^0x[0-9a-fA-F]+$|^0o[0-7]+$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$"#, options: .regularExpression) != nil
    }

    private func globs(_ node: Node) throws -> [Glob] {
        guard let entries = node.scalar != nil ? [node] : node.sequence.map(Array.init) else {
            throw error(at: node, "expected a glob or a list of globs")
        }
        return try entries.map { entry in
            // YAML reads `3`, `true` or `~` as a number, a boolean or nothing: not a pattern.
            if let scalar = entry.scalar, scalar.style == .plain,
                Self.isNull(entry) || YAMLParsing.number(entry) != nil || YAMLParsing.bool(entry) != nil
            {
                throw error(at: entry, "expected a glob, found '\(scalar.string)' (quote it if it is a file name)")
            }
            return Glob(try string(entry))
        }
    }

    /// A plain scalar YAML reads as null: nothing after the key, `~` or `null`.
    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func mapping(_ node: Node, what: String) throws -> [(Node, Node)] {
        guard let mapping = node.mapping else { throw error(at: node, "\(what) must be a mapping") }
        return mapping.map { ($0.key, $0.value) }
    }

    private func string(_ node: Node) throws -> String {
        guard let scalar = node.scalar else { throw error(at: node, "expected a plain value") }
        return scalar.string
    }

    private func error(at node: Node, _ message: String) -> ConfigurationError {
        ConfigurationError(path: path, line: node.mark.map { $0.line }, column: node.mark.map { $0.column }, message: message)
    }
}

/// Checks of option values whose mistakes would otherwise pass silently.
enum OptionCheck {
    /// What is wrong with one value of a rule's option, nil when nothing is.
    static func problem(rule: String, option: String, value: String) -> String? {
        switch (rule, option) {
        case ("typo", "words"): correctionProblem(value)
        default: nil
        }
    }

    /// A `words` entry with an arrow is a correction: one `wrong -> right`, both sides
    /// filled. The typo rule would take anything else for a word to allow.
    static func correctionProblem(_ entry: String) -> String? {
        guard entry.contains("->") else { return nil }
        let sides = entry.components(separatedBy: "->").map { $0.trimmingCharacters(in: .whitespaces) }
        guard sides.count != 2 || sides.contains(where: \.isEmpty) else { return nil }
        return "'\(entry)' is not a correction: write `wrong -> right` (or a word alone to allow it)"
    }
}
