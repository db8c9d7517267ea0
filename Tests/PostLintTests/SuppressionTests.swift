import XCTest

@testable import PostLint

final class SuppressionTests: XCTestCase {
    private let duplicate = "import a from './a.png';\nimport a from './b.png';\n\n{a}\n"

    private func rules(_ text: String, fileName: String = "post.mdx", select: Set<String>? = nil) -> [String] {
        let document = TestSupport.document(text, fileName: fileName)
        let context = RuleContext(fileExists: TestSupport.exampleFileSystem, severity: .error)
        return Linter(selected: select).check(document, settings: TestSupport.settings(), context: context).map(\.rule)
    }

    func testTheUnsuppressedExampleFires() {
        XCTAssertEqual(rules(duplicate), ["duplicate-import"])
    }

    func testDisableNextLineInMDX() {
        let esm = "import a from './a.png';\n// postlint-disable-next-line duplicate-import\nimport a from './b.png';\n\n{a}\n"
        XCTAssertEqual(rules(esm), [], "a JavaScript comment inside the import block")
        let body = "import a from './a.png';\n\n{/* postlint-disable-next-line undefined-identifier */}\n<img src={b} />\n{a}\n"
        XCTAssertEqual(rules(body), [], "an MDX comment in the body")
    }

    func testDisableAndEnableBlocks() {
        let text = "<!-- postlint-disable -->\n" + duplicate + "<!-- postlint-enable -->\n{b}\n"
        XCTAssertEqual(rules(text), ["undefined-identifier"], "after enable, findings return")
        let named = "<!-- postlint-disable undefined-identifier -->\n" + duplicate
        XCTAssertEqual(rules(named), ["duplicate-import", "unused-suppression"])
    }

    func testFrontMatterDisablesTheWholeFile() {
        let text = "---\ntitle: x\npostlint-disable: [duplicate-import]\n---\n" + duplicate
        XCTAssertEqual(rules(text), [])
        let all = "---\npostlint-disable: all\n---\n" + duplicate
        XCTAssertEqual(rules(all), [])
    }

    func testUnusedSuppressionsAreReportedWhereTheyStand() {
        let text = "Intro.\n\n<!-- postlint-disable-next-line missing-asset -->\nNothing here.\n"
        let document = TestSupport.document(text, fileName: "post.md")
        let context = RuleContext(fileExists: nil, severity: .error)
        let found = Linter().check(document, settings: TestSupport.settings(), context: context)
        XCTAssertEqual(found.map(\.rule), ["unused-suppression"])
        XCTAssertEqual(document.position(at: found[0].range.lowerBound), LineIndex.Position(line: 3, column: 1))
        XCTAssertTrue(found[0].message.contains("for missing-asset"), found[0].message)
    }

    /// A misspelt rule name silences nothing it was meant to: said so, at its own line,
    /// in front matter too.
    func testUnknownRuleNamesAreReportedAtTheirLine() {
        let text = "---\ntitle: a\npostlint-disable: [tpyo]\n---\n\nText.\n<!-- postlint-disable-next-line nosuchrule -->\nMore.\n"
        let document = TestSupport.document(text, fileName: "post.md")
        let found = Linter().check(document, settings: TestSupport.settings(), context: RuleContext(fileExists: nil, severity: .error))
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
        XCTAssertEqual(found.map { document.position(at: $0.range.lowerBound) }, [LineIndex.Position(line: 3, column: 1), LineIndex.Position(line: 7, column: 1)])
        XCTAssertEqual(found.map(\.message), [
            "this suppression names a rule postlint does not have: 'tpyo' (see `postlint rules`)",
            "this suppression names a rule postlint does not have: 'nosuchrule' (see `postlint rules`)",
        ])
    }

    func testSuppressionsOfRulesThatDidNotRunAreNotJudged() {
        let text = "<!-- postlint-disable duplicate-import -->\nText.\n"
        XCTAssertEqual(rules(text, fileName: "post.md", select: ["undefined-identifier", "unused-suppression"]), [])
        XCTAssertEqual(rules("<!-- postlint-disable -->\nText.\n", fileName: "post.md", select: ["unused-suppression"]), [])
    }

    func testTheRuleDescriptionExamplesHold() {
        let description = UnusedSuppressionRule.description
        for example in description.triggering {
            let document = TestSupport.document(example.plainText, fileName: example.fileName)
            let found = Linter().check(document, settings: TestSupport.settings(), context: RuleContext(fileExists: nil, severity: .error))
            XCTAssertEqual(found.filter { $0.rule == description.id }.map(\.range.lowerBound), example.markerOffsets, file: example.file, line: example.line)
        }
        for example in description.nonTriggering {
            XCTAssertEqual(rules(example.plainText, fileName: example.fileName), [], file: example.file, line: example.line)
        }
    }

    func testSuppressedFindingsAreNotFixed() {
        let text = "{/* postlint-disable duplicate-import */}\nimport pic_1 from './pic_1.png';\nimport pic_1 from './pic_2.png';\n\n{pic_1}\n"
        XCTAssertEqual(TestSupport.fixed(text, rules: nil, unsafe: false), text)
    }
}
