import Foundation
import Yams

/// How one rule runs: on or off, at which severity, with which options.
public struct RuleSetting: Sendable, Hashable {
    public var enabled: Bool
    public var severity: Severity
    public var options: RuleOptions
}

/// A `.postlint.yml`: which rules run where, and how.
public struct Configuration: Sendable {
    public struct Override: Sendable {
        public let files: [Glob]
        public let rules: [String: RuleChange]
    }

    /// A change a configuration makes to a rule's defaults.
    public struct RuleChange: Sendable, Hashable {
        public var enabled: Bool?
        public var severity: Severity?
        public var options: RuleOptions?
    }

    public static let fileName = ".postlint.yml"
    public static let defaultInclude = ["**/*.md", "**/*.mdx", "**/*.markdown", "**/*.txt"]
    /// Never walked into: version control, dependencies, build output, and postlint's own
    /// folders (its word list and rules are not posts: `--fix` once "corrected" the
    /// corrections in `.postlint/words.txt`).
    public static let alwaysSkippedFolders: Set<String> = [".git", "node_modules", ".build", ".postlint-cache", ".postlint"]

    /// The folder globs are relative to: the configuration file's folder.
    public var baseDirectory: String
    /// The file it was read from, nil for the defaults.
    public var path: String?
    public var include: [Glob]
    public var exclude: [Glob]
    /// Files read as MDX whatever their extension (`mdx`): Docusaurus 3 compiles `.md`
    /// posts as MDX unless its `markdown.format` is `detect` or `md`.
    public var mdx: [Glob] = []
    public var rules: [String: RuleChange] = [:]
    public var overrides: [Override] = []
    /// Folders of user rules in the rule language (`rule-folders`), absolute.
    public var ruleFolders: [String] = []
    /// The rules read from `ruleFolders`.
    public var userRules: [DeclarativeRule] = []

    /// The repository's own words for the typo rule, from `.postlint/words.txt` beside the
    /// configuration: one a line, `#` comments; `wrong -> right` adds a correction.
    public var projectWords: [String] = []
    public static let projectWordsFile = ".postlint/words.txt"

    /// Reads `.postlint/words.txt` from the configuration's folder, when there is one; a
    /// malformed correction is an error naming its line.
    public mutating func loadProjectWords() throws {
        let path = URL(fileURLWithPath: baseDirectory).appendingPathComponent(Self.projectWordsFile).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        projectWords = []
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let word = content.trimmingCharacters(in: .whitespaces)
            if word.isEmpty { continue }
            if let problem = OptionCheck.correctionProblem(word) {
                throw ConfigurationError(path: path, line: index + 1, column: nil, message: problem)
            }
            projectWords.append(word)
        }
    }

    public init(baseDirectory: String) {
        self.baseDirectory = baseDirectory
        include = Self.defaultInclude.map { Glob($0) }
        exclude = []
    }

    /// The effective setting of every rule for a file (path relative to `baseDirectory`).
    public func settings(forRelativePath path: String) -> [String: RuleSetting] {
        var result: [String: RuleSetting] = [:]
        for description in RuleRegistry.descriptions {
            result[description.id] = RuleSetting(enabled: true, severity: description.severity, options: RuleOptions())
        }
        for rule in userRules {
            result[rule.id] = RuleSetting(enabled: true, severity: rule.severity, options: RuleOptions())
        }
        let changes = [rules] + overrides.filter { $0.files.contains { $0.matches(path) } }.map(\.rules)
        for change in changes {
            for (id, ruleChange) in change {
                guard var setting = result[id] else { continue }
                if let enabled = ruleChange.enabled { setting.enabled = enabled }
                if let severity = ruleChange.severity { setting.severity = severity }
                if let options = ruleChange.options { setting.options = options }
                result[id] = setting
            }
        }
        if !projectWords.isEmpty, var typo = result["typo"] {
            typo.options.lists["words", default: []] += projectWords
            result["typo"] = typo
        }
        return result
    }

    /// Whether a walk takes the file. A glob of folders (`content/**`) takes the posts in
    /// them; a file of another kind only when a glob names it (`**/*.MD`): `--fix` once
    /// "corrected" the JavaScript under an `include: [content/**]`.
    public func isIncluded(relativePath path: String) -> Bool {
        let isPost = Self.hasPostExtension(path)
        return include.contains { $0.matches(path) && (isPost || $0.namesFiles && $0.matchesFile(path)) } && !isExcluded(relativePath: path)
    }

    /// MDX for a file the `mdx` globs name; otherwise nil, the format its extension gives.
    public func format(ofRelativePath path: String) -> Document.Format? {
        mdx.contains { $0.matches(path) } ? .mdx : nil
    }

    /// Whether the file's name ends as a post's does (case-sensitively, as globs match).
    public static func hasPostExtension(_ path: String) -> Bool {
        postExtensions.contains { path.hasSuffix($0) } && !path.hasSuffix("/")
    }

    static let postExtensions = defaultInclude.map { String($0.dropFirst("**/*".count)) }

    public func isExcluded(relativePath path: String) -> Bool {
        exclude.contains { $0.matches(path) }
    }

    /// Finds `.postlint.yml` in `directory` or the nearest folder above it.
    public static func discover(from directory: String) -> String? {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    public static func load(path: String) throws -> Configuration {
        // Read as a stream, not by size: `--config /dev/null` (no configuration) is empty.
        guard let data = FileHandle(forReadingAtPath: path).flatMap({ try? $0.readToEnd() ?? Data() }) else {
            throw ConfigurationError(path: path, line: nil, column: nil, message: "cannot read the file")
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(path: path, line: nil, column: nil, message: "the file is not UTF-8")
        }
        let base = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        return try ConfigurationParser(path: path, baseDirectory: base).parse(yaml)
    }
}

public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public init(path: String, line: Int?, column: Int?, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): configuration error: \(message)"
    }
}
