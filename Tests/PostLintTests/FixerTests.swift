import Foundation
import XCTest

@testable import PostLint

final class FixerTests: XCTestCase {
    private func diagnostic(_ range: Range<Int>, _ replacement: String, safety: FixSafety = .safe) -> Diagnostic {
        Diagnostic(rule: "test", severity: .error, range: range, message: "m", fix: Fix("t", safety: safety, edits: [Edit(range, replacement)]))
    }

    func testAppliesNonOverlappingEditsAndRelintsUntilNothingIsLeft() {
        let document = TestSupport.document("aaa bbb", fileName: "a.md")
        // Each pass offers to replace the first "a" or "b" with "x"; overlapping offers wait.
        let outcome = Fixer(includeUnsafe: false).fix(document) { document in
            guard let index = document.utf8.firstIndex(where: { $0 == 0x61 || $0 == 0x62 }) else { return [] }
            return [self.diagnostic(index..<(index + 1), "x"), self.diagnostic(index..<(index + 1), "y")]
        }
        guard case .fixed(let text, let applied) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(text, "xxx xxx")
        XCTAssertEqual(applied.count, 6)
    }

    /// The bisecting clash check and the one-pass apply against the obvious versions: a
    /// linear scan of every taken range, and edits replaced in place from the last one.
    /// (An insertion inside a replacement clashes: replaced in place, it garbled the text.)
    func testChosenEditsAreTheOnesALinearScanChoosesAndApplyTheSame() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<40).map { _ in ["a", "b", "c", "d", "é"][Int.random(in: 0..<5, using: &generator)] }.joined()
            let count = text.utf8.count
            let offers: [Diagnostic] = (0..<Int.random(in: 1...25, using: &generator)).map { _ in
                let start = Int.random(in: 0...count, using: &generator)
                let end = min(count, start + Int.random(in: 0...3, using: &generator))
                return diagnostic(start..<end, ["", "x", "yz"][Int.random(in: 0..<3, using: &generator)])
            }
            let chosen = Fixer.nonOverlapping(offers.map { ($0, $0.fix!) }).flatMap(\.1.edits)
            var taken: [Range<Int>] = []
            var expected: [Edit] = []
            for offer in offers.indices.sorted(by: { offers[$0].range.lowerBound < offers[$1].range.lowerBound }).map({ offers[$0] }) {
                let edit = offer.fix!.edits[0]
                if expected.contains(edit) { continue }
                if taken.contains(where: { TakenRanges.clash($0, edit.range) }) { continue }
                taken.append(edit.range)
                expected.append(edit)
            }
            XCTAssertEqual(chosen, expected)
            var bytes = Array(text.utf8)
            for edit in chosen.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound) }) {
                bytes.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
            }
            XCTAssertEqual(Fixer.apply(chosen, to: Array(text.utf8)), String(validating: bytes, as: UTF8.self))
        }
    }

    /// An edit that splits a character would leave bytes that are not UTF-8: the fixer
    /// refuses, where decoding them would have written U+FFFD.
    func testRefusesAnEditThatSplitsACharacter() {
        let document = TestSupport.document("café\n", fileName: "a.md")
        let outcome = Fixer(includeUnsafe: false).fix(document) { document in
            document.text == "café\n" ? [self.diagnostic(3..<4, "")] : []
        }
        guard case .refused(let reason) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(reason.contains("does not decode"), reason)
    }

    func testRefusesFixesThatNeverSettle() {
        let document = TestSupport.document("a", fileName: "a.md")
        let outcome = Fixer(includeUnsafe: false).fix(document) { document in
            [self.diagnostic(0..<document.utf8.count, document.text + "a")]
        }
        guard case .refused(let reason) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(reason.contains("did not settle"))
    }

    func testUnsafeFixesNeedPermission() {
        let document = TestSupport.document("abc", fileName: "a.md")
        let diagnose: (Document) -> [Diagnostic] = { document in
            document.text == "abc" ? [self.diagnostic(0..<1, "x", safety: .unsafe)] : []
        }
        guard case .unchanged = Fixer(includeUnsafe: false).fix(document, diagnose: diagnose) else { return XCTFail() }
        guard case .fixed(let text, _) = Fixer(includeUnsafe: true).fix(document, diagnose: diagnose) else { return XCTFail() }
        XCTAssertEqual(text, "xbc")
    }

    func testASafeFixThatEditsOutsideItsFindingIsTreatedAsUnsafe() {
        let document = TestSupport.document("abc", fileName: "a.md")
        let sneaky = Diagnostic(rule: "t", severity: .error, range: 0..<1, message: "m", fix: Fix("t", safety: .safe, edits: [Edit(1..<3, "zz")]))
        guard case .unchanged = Fixer(includeUnsafe: false).fix(document, diagnose: { _ in [sneaky] }) else {
            return XCTFail("a safe fix may not touch bytes its finding does not cover")
        }
    }

    func testRefusesAFixThatBreaksTheFrontMatter() {
        let document = TestSupport.document("---\ntitle: ok\n---\nbody\n", fileName: "a.md")
        let outcome = Fixer(includeUnsafe: false).fix(document) { document in
            document.text.contains("title: ok") ? [self.diagnostic(4..<15, "title: [unclosed\n")] : []
        }
        guard case .frontMatterLeft(let broken) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(FixOutcome.frontMatterLeftNote(breaking: broken), "front matter left as it is: fixing would break the front matter")
    }

    /// Removing an invisible character may not change what a front matter value means:
    /// `summary: \u{FEFF}#1 …` would become a comment (null), `[a, \u{FEFF}&b]` an anchor.
    /// Changing a string's text (mojibake, a stray character inside it) stays allowed.
    func testRefusesAFixThatChangesWhatTheFrontMatterMeans() {
        for value in ["summary: \u{FEFF}#1 reason to blog", "tags: [a, \u{FEFF}&b]"] {
            let text = "---\ntitle: \"Intro\"\n\(value)\n---\n\nBody.\n"
            let fixed = TestSupport.fixed(text, fileName: "a.md", rules: ["invisible-character"])
            XCTAssertTrue(fixed.contains("<front matter left as it is: fixing would break the front matter (a value would change its type or vanish)>"), fixed)
        }
        // The post's other fixes are still made; the front matter stays as it is.
        let both = "---\nsummary: \u{FEFF}#1 reason\n---\n\nCa\u{200B}fe.\n"
        XCTAssertEqual(
            TestSupport.fixed(both, fileName: "a.md", rules: ["invisible-character"]),
            "<front matter left as it is: fixing would break the front matter (a value would change its type or vanish)>\n"
                + "---\nsummary: \u{FEFF}#1 reason\n---\n\nCafe.\n")
        let fixable = "---\ntitle: Ca\u{200B}fe\n---\n\nBody.\n"
        XCTAssertEqual(TestSupport.fixed(fixable, fileName: "a.md", rules: ["invisible-character"]), "---\ntitle: Cafe\n---\n\nBody.\n")
        XCTAssertEqual(YAMLShape(yaml: "a: 'no'\nb: [1, x]"), YAMLShape(yaml: "a: 'yes'\nb: [2, y]"))
        XCTAssertNotEqual(YAMLShape(yaml: "a: x"), YAMLShape(yaml: "a: 1"))
    }

    func testFileWriterKeepsPermissionsAndRefusesChangedFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-writer-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("post.md").path
        try Data("old\r\n".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file)

        try FileWriter.replace(file, with: Array("new\r\n".utf8), expecting: Array("old\r\n".utf8))
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "new\r\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o640)
        XCTAssertThrowsError(try FileWriter.replace(file, with: Array("x".utf8), expecting: Array("old\r\n".utf8)))
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "new\r\n", "a changed file is not overwritten")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("postlint-") }
        XCTAssertEqual(leftovers, [], "no temporary file is left behind")
    }

    /// File names in patch headers as git writes them, so that git apply and patch read them.
    func testPatchHeadersQuoteNamesAsGitDoes() {
        XCTAssertEqual(UnifiedDiff.headerName("a/post.md"), "a/post.md")
        XCTAssertEqual(UnifiedDiff.headerName("a/my post.md"), "a/my post.md\t")
        XCTAssertEqual(UnifiedDiff.headerName("a/tab\there.md"), "\"a/tab\\there.md\"")
        XCTAssertEqual(UnifiedDiff.headerName("a/say \"hi\".md"), "\"a/say \\\"hi\\\".md\"")
    }

    /// Positions in a fixed text map back to the file it was fixed from: through removed
    /// lines, past a repaired word on the same line, and into the second of two joined lines.
    func testFixedTextPositionsFollowTheFile() {
        let position = { (line: Int, column: Int) in LineIndex.Position(line: line, column: column) }
        let removed = FixedTextPositions(old: "a\nb\nc\nd\ne\n", new: "a\nc\nD\ne\n")
        XCTAssertEqual(removed.original(of: position(2, 1)), position(3, 1))
        XCTAssertEqual(removed.original(of: position(4, 1)), position(5, 1))
        let repaired = FixedTextPositions(old: "Le cafÃ© et le thÃ©, see \\textbf{x}.\n", new: "Le café et le thé, see \\textbf{x}.\n")
        XCTAssertEqual(repaired.original(of: position(1, 23)), position(1, 25), "after both repairs")
        let joined = FixedTextPositions(old: "# T\n\n**Title ends\n  here** see \\textbf{this}\n", new: "# T\n\n**Title ends here** see \\textbf{this}\n")
        XCTAssertEqual(joined.original(of: position(3, 26)), position(4, 15), "in the second of two joined lines")
        let between = FixedTextPositions(old: "We thier see this https URL and recieve.\n", new: "We their see this https URL and receive.\n")
        XCTAssertEqual(between.original(of: position(1, 14)), position(1, 14), "between two edits of one line")
    }
}
