import Foundation
import Yams

/// A mistake in a rule file, with the file, line and column it is at.
public struct DeclarativeRuleError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public var description: String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): rule error: \(message)"
    }
}

/// Reads rule files strictly: an unknown key, kind, script or a pattern that does not
/// compile is an error naming the file and line, never a silently dead rule.
public enum DeclarativeRuleLoader {
    static let keys: Set<String> = [
        "id", "summary", "rationale", "severity", "kind", "scope", "skip-math", "skip-literal-html", "case-insensitive", "patterns",
        "fix-safety", "sections", "scripts", "minimum-share", "minimum-words", "examples",
    ]

    /// Every `*.yml`/`*.yaml` file in `folder` (not its subfolders), sorted by name.
    public static func load(folder: String) throws -> [DeclarativeRule] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw DeclarativeRuleError(path: folder, line: nil, column: nil, message: "cannot read the rule folder")
        }
        return try names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { name in
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path), let yaml = String(data: data, encoding: .utf8) else {
                throw DeclarativeRuleError(path: path, line: nil, column: nil, message: "cannot read the file as UTF-8")
            }
            return try parse(yaml, path: path)
        }
    }

    /// A rule shipped in `Rules/`; the tests load every one, so a broken file cannot ship.
    static func builtIn(_ path: String) -> DeclarativeRule {
        guard let yaml = RuleData.text(path) else { preconditionFailure("Rules/\(path) is not embedded") }
        do {
            return try parse(yaml, path: "Rules/\(path)")
        } catch {
            preconditionFailure("\(error)")
        }
    }

    public static func parse(_ yaml: String, path: String) throws -> DeclarativeRule {
        let reader = NodeReader(path: path)
        let root: Node?
        do {
            root = try YAMLParsing.compose(yaml)
        } catch {
            throw DeclarativeRuleError(path: path, line: nil, column: nil, message: "YAML does not parse: \(error)")
        }
        guard let root else { throw DeclarativeRuleError(path: path, line: nil, column: nil, message: "the file is empty") }
        let fields = try reader.fields(root, allowed: keys, what: "a rule")
        let id = try reader.string(fields, "id")
        guard id.first?.isLetter == true, id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
            throw reader.error(at: fields["id"]!, "a rule id is kebab-case (`my-rule`), found '\(id)'")
        }
        let kind = try reader.choice(fields, "kind", DeclarativeRule.Kind.self)
        let scope = try fields["scope"].map { _ in try reader.choice(fields, "scope", DeclarativeRule.Scope.self) } ?? .prose
        let severity = try fields["severity"].map { _ in try reader.choice(fields, "severity", Severity.self) } ?? .warning
        let caseInsensitive = try reader.bool(fields, "case-insensitive") ?? false
        let entries = kind == .requiredScript ? [] : try patterns(fields, kind: kind, caseInsensitive: caseInsensitive, reader: reader)
        var fixSafety: FixSafety? = nil
        if kind == .substitution {
            fixSafety = try fields["fix-safety"].map { _ in try reader.choice(fields, "fix-safety", FixSafety.self) } ?? .unsafe
        }
        var sectionPattern: ICURegularExpression? = nil
        var scripts: [Script] = []
        if kind == .requiredScript {
            sectionPattern = try reader.regex(fields, "sections", options: caseInsensitive ? [.caseInsensitive] : [])
            scripts = try reader.list(fields, "scripts").map { name, node in
                guard let script = Script(name: name) else {
                    throw reader.error(at: node, "unknown script '\(name)' (known: \(Script.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                return script
            }
        }
        let examples = try ExampleReader(reader: reader).read(fields["examples"], origin: path)
        return DeclarativeRule(
            id: id, summary: try reader.string(fields, "summary"), rationale: try reader.string(fields, "rationale"),
            severity: severity, kind: kind, scope: scope, skipsMath: try reader.bool(fields, "skip-math") ?? false,
            skipsLiteralHTML: try reader.bool(fields, "skip-literal-html") ?? false, entries: entries, fixSafety: fixSafety, sectionPattern: sectionPattern, scripts: scripts,
            minimumShare: try reader.double(fields, "minimum-share") ?? 0.2,
            minimumWords: Int(try reader.double(fields, "minimum-words") ?? 6),
            nonTriggering: examples.nonTriggering, triggering: examples.triggering,
            // A rule of the language fixes with one safety, so each correction has it.
            corrections: examples.corrections.map { Correction($0.input, $0.expected, unsafe: fixSafety == .unsafe) },
            origin: path)
    }

    private static func patterns(
        _ fields: [String: Node], kind: DeclarativeRule.Kind, caseInsensitive: Bool, reader: NodeReader
    ) throws -> [DeclarativeRule.Entry] {
        guard let node = fields["patterns"], let sequence = node.sequence, !sequence.isEmpty else {
            throw reader.error(at: fields["patterns"], "a \(kind.rawValue) rule needs 'patterns', a list of {match, message}")
        }
        let allowed: Set<String> = kind == .substitution ? ["match", "message", "replacement"] : ["match", "message"]
        return try sequence.map { item in
            let entry = try reader.fields(item, allowed: allowed, what: "a pattern")
            // A substitution pattern without a replacement reports without fixing.
            let replacement = entry["replacement"] == nil ? nil : try reader.string(entry, "replacement", allowEmpty: true)
            let regex = try reader.regex(entry, "match", options: caseInsensitive ? [.caseInsensitive] : [])
            let message = try reader.string(entry, "message")
            // `$3` with two groups would silently be empty in every finding.
            for (key, template) in [("message", message), ("replacement", replacement ?? "")] {
                if let group = Template.groupNumbers(in: template).first(where: { $0 > regex.groupCount }) {
                    throw reader.error(at: entry[key], "'$\(group)' but the pattern has \(regex.groupCount) group\(regex.groupCount == 1 ? "" : "s")")
                }
            }
            return DeclarativeRule.Entry(regex: regex, message: message, replacement: replacement)
        }
    }
}
