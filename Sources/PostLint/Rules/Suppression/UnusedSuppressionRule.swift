/// A suppression comment that silences nothing. The engine reports these itself, after
/// every other rule has run; this type gives the finding its id, documentation and
/// configuration.
public struct UnusedSuppressionRule: Rule {
    public static let description = RuleDescription(
        id: "unused-suppression",
        summary: "A postlint-disable comment silences nothing or names no rule postlint has",
        rationale: """
            Suppressions outlive the problems they were written for. One that no longer \
            silences anything hides the next real finding on those lines, so it is reported \
            (as SwiftLint does) and should be removed. A suppression naming rules is checked \
            only when all of them ran; one naming no rule only when every enabled rule ran \
            (no --select or --ignore). A rule name postlint does not know (a typo such as \
            `tpyo`) is reported wherever it is, since it silences nothing it was meant to, \
            and so is a comment that starts like a directive but is none \
            (`postlint-disable-line`, `postlint-disble-next-line`).
            """,
        severity: .warning,
        fixSafety: nil,
        scope: .engine,
        nonTriggering: [
            Example("import a from './a.png';\n// postlint-disable-next-line duplicate-import\nimport a from './b.png';\n\n{a}\n"),
            Example("{/* postlint-disable-next-line undefined-identifier */}\n<img src={missing} />\n")
        ],
        triggering: [
            Example("↓<!-- postlint-disable duplicate-import -->\nNothing to silence here.\n", fileName: "post.md"),
            Example("↓<!-- postlint-disable-next-line tpyo -->\nA line with a recieve typo.\n", fileName: "post.md"),
            Example("A line with a recieve typo. ↓<!-- postlint-disable-line typo -->\n", fileName: "post.md"),
        ])

    public init() {}

    /// The engine produces these findings (see `Linter.check`).
    public func check(_ document: Document, context: RuleContext) -> [Diagnostic] { [] }

    static func findings(
        _ suppressions: Suppressions, used: Set<Suppressions.Entry>, ran: (String) -> Bool, known: (String) -> Bool,
        allRulesRan: Bool, severity: Severity
    ) -> [Diagnostic] {
        suppressions.malformed.map { comment in
            Diagnostic(
                rule: description.id, severity: severity, range: comment.range,
                message: "'\(comment.word)' is no postlint directive, so this comment silences nothing; "
                    + "write postlint-disable, postlint-enable or postlint-disable-next-line, then the rules")
        }
            + suppressions.entries.compactMap { entry in
            let unknown = (entry.rules ?? []).filter { !known($0) }.sorted()
            if !unknown.isEmpty {
                let names = unknown.map { "'\($0)'" }.joined(separator: ", ")
                return Diagnostic(
                    rule: description.id, severity: severity, range: entry.commentRange,
                    message: "this suppression names \(unknown.count == 1 ? "a rule" : "rules") postlint does not have: \(names) (see `postlint rules`)")
            }
            guard !used.contains(entry), entry.rules.map({ $0.allSatisfy(ran) }) ?? allRulesRan else { return nil }
            let what = entry.rules.map { "for " + $0.sorted().joined(separator: ", ") } ?? "for every rule"
            return Diagnostic(
                rule: description.id, severity: severity, range: entry.commentRange,
                message: "this suppression (\(what)) silences nothing; remove it")
        }
    }
}
