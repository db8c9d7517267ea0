import XCTest

@testable import PostLint

/// Inputs the fuzzer (scripts/fuzz/run) found crashing, kept as tests. Inputs that make a
/// plausible post live in Fixtures/regressions/ instead.
final class RegressionTests: XCTestCase {
    /// Lints and fixes (unsafe fixes included) one text with every rule, as the fuzzer does.
    private func lintAndFix(_ text: String, fileName: String) {
        let document = TestSupport.document(text, fileName: fileName)
        let diagnose = { TestSupport.diagnostics($0, rules: nil) }
        for diagnostic in diagnose(document) {
            XCTAssertLessThanOrEqual(diagnostic.range.upperBound, document.utf8.count, diagnostic.rule)
        }
        _ = Fixer(includeUnsafe: true).fix(document, diagnose: diagnose)
    }

    /// cmark ends lines at a lone CR, LineIndex only at LF; a block ending on one of
    /// cmark's extra lines indexed past the last line (fuzz crash, MarkdownStructure.range).
    func testLoneCarriageReturnsDoNotCrashTheMarkdownStructure() {
        let crashes = ["a\r\r\r\r- b\r\r\r\r", "```\rcode\r\r\r\r\r", "<div>\rx\r\r\r\r"]
        for text in crashes {
            for fileName in ["post.md", "post.mdx"] {
                lintAndFix(text, fileName: fileName)
            }
        }
    }

    func testLoneCarriageReturnsAreNotLineBreaksForRegions() {
        // With lone CRs as plain characters, the fence never opens on a line of its own.
        let document = TestSupport.document("text\r```\rcode\r```\r", fileName: "post.md")
        XCTAssertFalse(document.regions.contains { $0.kind == .codeBlock })
        XCTAssertEqual(document.lines.lineCount, 1)
    }
}
