import Foundation
import XCTest

@testable import PostLint

/// Runs every rule's own examples, and the invariants every rule must keep, SwiftLint
/// style: a failure points at the example in the rule's source file.
final class RuleExampleTests: XCTestCase {
    /// Rules whose findings come from their own `check`; engine-made findings (such as
    /// unused suppressions) are tested in their own test case.
    var documentRules: [RuleDescription] {
        RuleRegistry.documentRules.map { type(of: $0).description }.filter { $0.scope != .engine }
    }

    func testEveryRuleHasExamplesAndDocumentation() {
        for rule in RuleRegistry.descriptions {
            XCTAssertFalse(rule.summary.isEmpty, "\(rule.id) has no summary")
            XCTAssertGreaterThan(rule.rationale.count, 40, "\(rule.id) needs a rationale")
            XCTAssertTrue(rule.id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.id) is not kebab-case")
        }
        for rule in documentRules {
            XCTAssertFalse(rule.triggering.isEmpty, "\(rule.id) has no triggering example")
            XCTAssertFalse(rule.nonTriggering.isEmpty, "\(rule.id) has no non-triggering example")
            if rule.fixSafety != nil {
                XCTAssertFalse(rule.corrections.isEmpty, "\(rule.id) fixes but shows no correction")
            }
        }
    }

    func testNonTriggeringExamplesStayQuiet() {
        for rule in documentRules {
            for example in rule.nonTriggering {
                let found = TestSupport.diagnostics(example.plainText, fileName: example.fileName, rule: rule.id)
                XCTAssertEqual(found.count, 0, "\(rule.id) fired: \(found.map(\.message))", file: example.file, line: example.line)
            }
        }
    }

    func testTriggeringExamplesFireExactlyAtTheirMarkers() {
        for rule in documentRules {
            for example in rule.triggering {
                let found = TestSupport.diagnostics(example.plainText, fileName: example.fileName, rule: rule.id)
                XCTAssertEqual(found.map(\.range.lowerBound), example.markerOffsets, "\(rule.id): \(found.map(\.message))", file: example.file, line: example.line)
            }
        }
    }

    /// A baseline matches findings by message: a line or column number in one would make
    /// the finding new after any edit above it.
    func testMessagesCarryNoPositions() throws {
        let position = try NSRegularExpression(pattern: #"\b(line|lines|column|columns) \d"#)
        for rule in documentRules {
            for example in rule.triggering + rule.corrections.map(\.input) {
                for message in TestSupport.diagnostics(example.plainText, fileName: example.fileName, rule: rule.id).map(\.message) {
                    let range = NSRange(message.startIndex..., in: message)
                    XCTAssertNil(position.firstMatch(in: message, range: range), "\(rule.id): \(message)", file: example.file, line: example.line)
                }
            }
        }
    }

    func testColumnsCountUnicodeScalars() {
        for rule in documentRules {
            for example in rule.triggering {
                let document = TestSupport.document(example.plainText, fileName: example.fileName)
                for diagnostic in TestSupport.diagnostics(document, rules: [rule.id]) {
                    let lineStart = document.lines.lineStarts[document.lines.lineNumber(at: diagnostic.range.lowerBound)]
                    let prefix = document.string(lineStart..<diagnostic.range.lowerBound)
                    XCTAssertEqual(document.position(at: diagnostic.range.lowerBound).column, prefix.unicodeScalars.count + 1, rule.id, file: example.file, line: example.line)
                }
            }
        }
    }

    func testCRLFAndByteOrderMarkGiveTheSameFindings() {
        for rule in documentRules {
            for example in rule.triggering + rule.nonTriggering {
                let expected = positions(example.plainText, example.fileName, rule.id)
                let crlf = example.plainText.replacingOccurrences(of: "\n", with: "\r\n")
                XCTAssertEqual(positions(crlf, example.fileName, rule.id), expected, "\(rule.id) with CRLF", file: example.file, line: example.line)
                XCTAssertEqual(positions(example.plainText, example.fileName, rule.id, byteOrderMark: true), expected, "\(rule.id) with a BOM", file: example.file, line: example.line)
            }
        }
    }

    func testCJKAndEmojiPrefixKeepsFindingsInPlace() {
        for rule in documentRules where rule.scope == .prose {
            for example in rule.triggering {
                let prefix = "한국어 😀 "
                let shifted = example.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.contains(Example.marker) ? prefix + $0 : String($0) }.joined(separator: "\n")
                let expected = Example(shifted, fileName: example.fileName)
                let found = TestSupport.diagnostics(expected.plainText, fileName: example.fileName, rule: rule.id)
                XCTAssertEqual(found.map(\.range.lowerBound), expected.markerOffsets, rule.id, file: example.file, line: example.line)
            }
        }
    }

    func testExamplesInsideCodeDoNotFire() {
        for rule in documentRules where rule.scope != .file {
            for example in rule.triggering where !example.fileName.hasSuffix(".txt") {
                let fenced = "```text\n" + example.plainText + (example.plainText.hasSuffix("\n") ? "" : "\n") + "```\n"
                let found = TestSupport.diagnostics(fenced, fileName: example.fileName, rule: rule.id)
                XCTAssertEqual(found.count, 0, "\(rule.id) fired inside a code block", file: example.file, line: example.line)
                guard rule.scope == .prose else { continue }
                let spans = example.plainText.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? String($0) : "`" + $0 + "`" }.joined(separator: "\n")
                let inSpans = TestSupport.diagnostics(spans, fileName: example.fileName, rule: rule.id)
                XCTAssertEqual(inSpans.count, 0, "\(rule.id) fired inside a code span", file: example.file, line: example.line)
            }
        }
    }

    func testCorrectionsGiveTheExpectedTextAndAreIdempotent() {
        for rule in documentRules {
            for correction in rule.corrections {
                let input = correction.input
                let once = TestSupport.fixed(input.plainText, fileName: input.fileName, rules: [rule.id])
                XCTAssertEqual(once, correction.expected, rule.id, file: input.file, line: input.line)
                // What `explain` says of the correction's safety is what `--fix` does.
                let safeOnly = TestSupport.fixed(input.plainText, fileName: input.fileName, rules: [rule.id], unsafe: false)
                XCTAssertEqual(safeOnly, correction.needsUnsafeFixes ? input.plainText : correction.expected,
                    "\(rule.id): the correction is \(correction.needsUnsafeFixes ? "" : "not ")declared unsafe", file: input.file, line: input.line)
                let twice = TestSupport.fixed(once, fileName: input.fileName, rules: [rule.id])
                XCTAssertEqual(twice, once, "\(rule.id): fixing twice differs from fixing once", file: input.file, line: input.line)
                let crlf = TestSupport.fixed(input.plainText.replacingOccurrences(of: "\n", with: "\r\n"), fileName: input.fileName, rules: [rule.id])
                XCTAssertEqual(crlf, correction.expected.replacingOccurrences(of: "\n", with: "\r\n"), "\(rule.id) with CRLF", file: input.file, line: input.line)
            }
        }
    }

    private func positions(_ text: String, _ fileName: String, _ rule: String, byteOrderMark: Bool = false) -> [LineIndex.Position] {
        let document = TestSupport.document(text, fileName: fileName, byteOrderMark: byteOrderMark)
        return TestSupport.diagnostics(document, rules: [rule]).map { document.position(at: $0.range.lowerBound) }
    }
}
