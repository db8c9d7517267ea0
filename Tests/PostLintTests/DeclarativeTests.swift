import Foundation
import XCTest

@testable import PostLint

final class DeclarativeTests: XCTestCase {
    private let noFoo = """
        id: no-foo
        kind: substitution
        severity: error
        fix-safety: safe
        summary: Say bar, not foo
        rationale: Our style guide says bar.
        patterns:
          - match: '\\bfoo(s?)\\b'
            message: "'$0' is 'bar$1' here"
            replacement: 'bar$1'
        examples:
          triggering: ["We ↓foo it.\\n"]
          non-triggering: ["`foo` is code.\\n"]
        """

    func testTheShippedRuleFilesLoad() {
        for rule in [PlaceholderRule.definition, LatexResidueRule.definition] {
            XCTAssertFalse(rule.entries.isEmpty, rule.id)
            XCTAssertFalse(rule.triggering.isEmpty, rule.id)
        }
    }

    func testASubstitutionRuleReportsAndFixes() throws {
        let rule = try DeclarativeRuleLoader.parse(noFoo, path: "no-foo.yml")
        let document = TestSupport.document("We foos it, `foo` stays.\n", fileName: "post.md")
        let found = rule.check(document, context: RuleContext(fileExists: nil, severity: .warning))
        XCTAssertEqual(found.map(\.message), ["'foos' is 'bars' here"])
        XCTAssertEqual(found.first?.fix?.edits, [Edit(3..<7, "bars")])
        XCTAssertEqual(found.first?.fix?.safety, .safe)
    }

    func testMistakesInRuleFilesNameTheirLine() {
        let cases: [(String, Int, String)] = [
            (noFoo.replacingOccurrences(of: "severity: error", with: "severty: error"), 3, "unknown key 'severty'"),
            (noFoo.replacingOccurrences(of: "\\bfoo(s?)\\b", with: "foo(("), 8, "does not compile"),
            (noFoo.replacingOccurrences(of: "kind: substitution", with: "kind: magic"), 2, "'magic' is not a valid 'kind'"),
        ]
        for (yaml, line, message) in cases {
            XCTAssertThrowsError(try DeclarativeRuleLoader.parse(yaml, path: "r.yml")) { error in
                let problem = error as? DeclarativeRuleError
                XCTAssertEqual(problem?.line, line, "\(error)")
                XCTAssertTrue(problem?.message.contains(message) == true, "\(error)")
            }
        }
    }

    /// A message naming a group the pattern lacks would be empty there in every finding.
    func testAMessageNamingAMissingGroupIsAnError() {
        let yaml = "id: groups\nkind: pattern\nscope: text\nsummary: s\nrationale: r\npatterns:\n  - match: '(a)b'\n    message: 'saw $1 and $2, cost $$5'\n"
        XCTAssertThrowsError(try DeclarativeRuleLoader.parse(yaml, path: "groups.yml")) { error in
            XCTAssertTrue("\(error)".contains("groups.yml:8:") && "\(error)".contains("'$2' but the pattern has 1 group"), "\(error)")
        }
        XCTAssertNoThrow(try DeclarativeRuleLoader.parse(yaml.replacingOccurrences(of: " and $2", with: ""), path: "groups.yml"))
    }

    func testACatastrophicPatternStopsWithAClearError() throws {
        let yaml = "id: slow\nkind: pattern\nscope: text\nsummary: s\nrationale: r\npatterns:\n  - match: '(a+)+$'\n    message: m\n"
        let rule = try DeclarativeRuleLoader.parse(yaml, path: "slow.yml")
        let document = TestSupport.document(String(repeating: "a", count: 40) + "!\n", fileName: "post.md")
        let started = Date()
        let found = rule.check(document, context: RuleContext(fileExists: nil, severity: .warning))
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found.first?.message.contains("ran over its time limit") == true, found.first?.message ?? "")
    }

    /// The time limit is per match: a long post with thousands of matches of a pattern
    /// that looks behind each one (the shipped `\\%` pattern) is not stopped.
    func testTheTimeLimitHoldsForEachMatchNotTheWholePost() throws {
        let text = String(repeating: "See \\textbf{bold} here and 50\\% more.\n", count: 8000)
        let document = TestSupport.document(text, fileName: "post.md")
        let found = LatexResidueRule.definition.check(document, context: RuleContext(fileExists: nil, severity: .warning))
        XCTAssertFalse(found.contains { $0.message.contains("time limit") }, found.first?.message ?? "")
        XCTAssertEqual(found.filter { $0.message.contains("percent") }.count, 8000)
    }

    /// `\\G` (where the last match ended) still chains matches: the per-match time limit
    /// leaves such patterns to ICU's own find-next.
    func testContiguousMatchAnchorStillChains() throws {
        let regex = try ICURegularExpression("\\Gab")
        XCTAssertEqual(try regex.matches(in: "ababab x ab").map(\.range), [0..<2, 2..<4, 4..<6])
        XCTAssertEqual(try ICURegularExpression("ab").matches(in: "ababab x ab").count, 4)
    }

    func testARequiredScriptRuleFlagsSectionsInTheWrongScript() throws {
        let yaml = """
            id: japanese-summary
            kind: required-script
            summary: Japanese summaries are in Japanese
            rationale: The summary section is translated by the pipeline.
            sections: '要約|\\(Japanese\\)'
            scripts: [Hiragana, Katakana, Han]
            minimum-share: 0.3
            """
        let rule = try DeclarativeRuleLoader.parse(yaml, path: "ja.yml")
        let english = TestSupport.document("## 要約\nThis summary was never translated into Japanese at all.\n", fileName: "post.md")
        let japanese = TestSupport.document("## 要約\nこの論文は GPT-4 を使って新しい手法を提案する。\n", fileName: "post.md")
        let context = RuleContext(fileExists: nil, severity: .warning)
        XCTAssertEqual(rule.check(english, context: context).count, 1)
        XCTAssertEqual(rule.check(japanese, context: context).count, 0)
    }

    func testUserRuleFoldersFromTheConfiguration() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-declarative-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("house-rules"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try noFoo.write(to: folder.appendingPathComponent("house-rules/no-foo.yml"), atomically: true, encoding: .utf8)
        let configPath = folder.appendingPathComponent(".postlint.yml").path
        try "rules:\n  no-foo: warning\nrule-folders: [house-rules]\n".write(toFile: configPath, atomically: true, encoding: .utf8)
        let configuration = try Configuration.load(path: configPath)
        XCTAssertEqual(configuration.userRules.map(\.id), ["no-foo"])
        let post = folder.appendingPathComponent("post.md").path
        let report = Runner(configuration: configuration, linter: Linter(), fixMode: .report, includeUnsafe: false)
            .process(path: post, bytes: Array("We foo it.\n".utf8), onDisk: false)
        XCTAssertEqual(report.findings.map { "\($0.rule) \($0.severity)" }, ["no-foo warning"])

        try "rule-folder: [house-rules]\n".write(toFile: configPath, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Configuration.load(path: configPath)) { error in
            XCTAssertTrue("\(error)".contains("unknown key 'rule-folder'"), "\(error)")
        }
    }
}
