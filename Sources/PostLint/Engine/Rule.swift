/// A rule inspects one decoded document and reports what is wrong with it.
/// Rules are pure: everything they may read (files next to the post, options, rule data)
/// comes through the `RuleContext` the engine hands them.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Whether the rule reads `RuleContext.vocabulary`; the Runner counts the words of all
    /// the files it lints (a pre-pass) only when a rule that runs asks for them.
    static var usesVocabulary: Bool { get }
    func check(_ document: Document, context: RuleContext) -> [Diagnostic]
}

extension Rule {
    public static var usesVocabulary: Bool { false }
}

/// A rule that judges the raw bytes before they are decoded (encodings, binary content).
public protocol SourceRule: Sendable {
    static var description: RuleDescription { get }
    func check(_ source: SourceFile, context: RuleContext) -> [SourceDiagnostic]
}

/// A finding of a `SourceRule`: the document may not exist, so the position is given in
/// lines and columns directly.
public struct SourceDiagnostic: Sendable {
    public let rule: String
    public let severity: Severity
    public let position: LineIndex.Position
    public let message: String
    /// A fix of the whole file, made by the engine rather than by edits (converting it to
    /// UTF-8): it makes the finding fixable in every report.
    public var fix: Fix? = nil
}

/// What the engine lets a rule see beyond the document itself.
public struct RuleContext: Sendable {
    /// Whether a path relative to the document exists on disk. Nil when the document has
    /// no location on disk (stdin without a real `--stdin-filename`).
    public let fileExists: (@Sendable (String) -> Bool)?
    /// The severity the configuration gives the rule being run.
    public let severity: Severity
    /// The rule's options from the configuration.
    public let options: RuleOptions
    /// The words of every file linted in this run, when a rule asked for them (see
    /// `Rule.usesVocabulary`); nil for a single text (standard input, tests).
    public let vocabulary: Vocabulary?
    /// The document's path within its repository (`RepositoryPaths.relative`): what the
    /// repository's own layout says (`content/ko/…`), without the folders above it.
    public let relativePath: String?

    public init(
        fileExists: (@Sendable (String) -> Bool)?, severity: Severity, options: RuleOptions = RuleOptions(),
        vocabulary: Vocabulary? = nil, relativePath: String? = nil
    ) {
        self.fileExists = fileExists
        self.severity = severity
        self.options = options
        self.vocabulary = vocabulary
        self.relativePath = relativePath
    }

    /// The same context for another rule.
    public func with(severity: Severity, options: RuleOptions) -> RuleContext {
        RuleContext(fileExists: fileExists, severity: severity, options: options, vocabulary: vocabulary, relativePath: relativePath)
    }
}

/// Options a user set for one rule in `.postlint.yml`, as plain values.
public struct RuleOptions: Sendable, Hashable {
    public var values: [String: String] = [:]
    public var lists: [String: [String]] = [:]
    public init() {}
}
