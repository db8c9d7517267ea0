/// Everything a user (and the test suite) needs to know about a rule, in one place:
/// `postlint rules`, `postlint explain` and the generated tests all read it.
public struct RuleDescription: Sendable {
    public enum Scope: Sendable {
        /// Reads prose only: must stay quiet when its example sits inside code.
        case prose
        /// Reads document structure (imports, expressions, front matter).
        case structure
        /// Reads the raw bytes of the whole file.
        case file
        /// Produced by the engine itself (its examples are tested on their own).
        case engine
    }

    public let id: String
    public let summary: String
    public let rationale: String
    public let severity: Severity
    /// The safety of the fixes the rule offers, nil when it never fixes.
    public let fixSafety: FixSafety?
    public let scope: Scope
    /// Snippets that must not fire.
    public let nonTriggering: [Example]
    /// Snippets that must fire, each finding's start marked with `↓`.
    public let triggering: [Example]
    /// Inputs and what fixing them must give.
    public let corrections: [Correction]
    /// The options `.postlint.yml` may give the rule; any other key is a configuration error.
    public let options: [RuleOptionDescription]
    /// Whether some of its fixes are safe and others unsafe (by how sure the finding is),
    /// whatever `fixSafety` says of the rule as a whole.
    public let fixSafetyVaries: Bool

    public init(
        id: String, summary: String, rationale: String, severity: Severity, fixSafety: FixSafety?,
        scope: Scope, nonTriggering: [Example] = [], triggering: [Example] = [], corrections: [Correction] = [],
        options: [RuleOptionDescription] = [], fixSafetyVaries: Bool = false
    ) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.severity = severity
        self.fixSafety = fixSafety
        self.scope = scope
        self.nonTriggering = nonTriggering
        self.triggering = triggering
        self.corrections = corrections
        self.options = options
        self.fixSafetyVaries = fixSafetyVaries
    }

    /// How `rules` and `explain` name the fix: safe, unsafe, safe/unsafe or none.
    public var fixLabel: String {
        guard let fixSafety else { return "-" }
        return fixSafetyVaries ? "safe/unsafe" : fixSafety.rawValue
    }

    public var isFixable: Bool { fixSafety != nil }
}

/// An option a rule takes in `.postlint.yml`: a list of plain values (one value alone is a
/// list of one).
public struct RuleOptionDescription: Sendable {
    public let name: String
    public let summary: String

    public init(_ name: String, _ summary: String) {
        self.name = name
        self.summary = summary
    }
}

/// A snippet of a post used as a rule example. `↓` marks where a finding starts.
public struct Example: Sendable {
    public static let marker: Character = "↓"

    public let text: String
    /// The file name the snippet is linted as (its extension picks the format).
    public let fileName: String
    /// Where the example is written, so a failing generated test points at it.
    public let file: StaticString
    public let line: UInt

    public init(_ text: String, fileName: String = "post.mdx", file: StaticString = #filePath, line: UInt = #line) {
        self.text = text
        self.fileName = fileName
        self.file = file
        self.line = line
    }

    /// The text without markers.
    public var plainText: String { text.filter { $0 != Self.marker } }

    /// UTF-8 offsets (in `plainText`) of the markers.
    public var markerOffsets: [Int] {
        var offsets: [Int] = []
        var offset = 0
        for character in text {
            if character == Self.marker { offsets.append(offset) } else { offset += character.utf8.count }
        }
        return offsets
    }
}

public struct Correction: Sendable {
    public let input: Example
    public let expected: String
    /// Whether the fix is applied only with `--unsafe-fixes` (a test holds it to the truth).
    public let needsUnsafeFixes: Bool

    public init(_ input: Example, _ expected: String, unsafe: Bool = false) {
        self.input = input
        self.expected = expected
        needsUnsafeFixes = unsafe
    }
}
