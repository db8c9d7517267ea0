import Foundation
import XCTest

@testable import PostLint

/// Fixing goes round until the repository settles: fixing `retrival` twice makes
/// `retrieval` the common spelling, and `retreival`, repeated and so the repository's
/// vocabulary before, a slip of it.
final class FixRoundsTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fix-rounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// 38 uses of `retrieval`, a repeated `retreival` (four uses, vocabulary) and two
    /// `retrival` (a slip); the last post also has a slip that is no typo's to fix.
    private func writeRepository(retrievalLines: Int = 19) throws -> [String] {
        let posts = [
            "retrieval.md": String(repeating: "Dense retrieval beats sparse retrieval.\n", count: retrievalLines),
            "repeated.md": "Cross-modal retreival works.\n\nOur retreival is fast; retreival scales; retreival wins.\n",
            "slip1.md": "We study text retrival.\n",
            "slip2.md": "Fast retrival matters.\n",
        ]
        return try posts.keys.sorted().map { name in
            let path = folder.appendingPathComponent(name).path
            try posts[name]!.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    private func runner(_ mode: FixMode) -> Runner {
        Runner(configuration: Configuration(baseDirectory: folder.path), linter: Linter(selected: ["typo"]), fixMode: mode, includeUnsafe: true)
    }

    private func typoWords(_ reports: [FileReport]) -> [String] {
        reports.flatMap(\.findings).map(\.message).sorted()
    }

    func testTheRepeatedSlipIsReportedOnlyOnceTheOtherSlipsAreFixed() throws {
        let paths = try writeRepository()
        let before = runner(.report).run(files: paths)
        XCTAssertEqual(before.flatMap(\.findings).count, 2, "\(typoWords(before))")
        XCTAssertTrue(typoWords(before).allSatisfy { $0.hasPrefix("'retrival'") }, "\(typoWords(before))")

        let fixed = runner(.write).run(files: paths)
        XCTAssertEqual(fixed.flatMap(\.applied).count, 6, "two slips, then the four repeated ones")
        XCTAssertEqual(fixed.flatMap(\.findings).count, 0, "\(typoWords(fixed))")
        XCTAssertTrue(fixed.allSatisfy(\.notes.isEmpty), "\(fixed.flatMap(\.notes))")
        let repeated = try String(contentsOfFile: paths[0], encoding: .utf8)
        XCTAssertEqual(repeated, "Cross-modal retrieval works.\n\nOur retrieval is fast; retrieval scales; retrieval wins.\n")
        XCTAssertEqual(try String(contentsOfFile: paths[2], encoding: .utf8), "We study text retrieval.\n")
        XCTAssertEqual(runner(.report).run(files: paths).flatMap(\.findings).count, 0, "a second run finds nothing")
    }

    /// Plain `--fix` too: removing a stray BOM from a word makes it common enough that a
    /// slip of it is a safe fix (a review's case).
    func testSafeFixesGoRoundToo() throws {
        var paths: [String] = []
        let posts = Array(repeating: "We keep benchmarking models. More benchmarking helps.\n", count: 4)
            + ["We keep benchmarking models. More bench\u{FEFF}marking helps.\n", "Our benchmarkign suite is new.\n"]
        for (index, text) in posts.enumerated() {
            let path = folder.appendingPathComponent("p\(index).md").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let linter = Linter(selected: ["typo", "invisible-character"])
        let fixing = Runner(configuration: Configuration(baseDirectory: folder.path), linter: linter, fixMode: .write, includeUnsafe: false)
        XCTAssertEqual(fixing.run(files: paths).flatMap(\.applied).count, 2)
        XCTAssertEqual(try String(contentsOfFile: paths[5], encoding: .utf8), "Our benchmarking suite is new.\n")
    }

    /// One post is its own repository: fixing it changes its own words as well.
    func testASinglePostSettlesToo() throws {
        let path = folder.appendingPathComponent("one.md").path
        let text = String(repeating: "Dense retrieval beats sparse retrieval.\n", count: 19)
            + "We study text retrival.\n\nFast retrival matters.\n\nOur retreival is fast; retreival scales; retreival wins; retreival.\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let reports = runner(.write).run(files: [path])
        XCTAssertEqual(reports.flatMap(\.applied).count, 6)
        XCTAssertFalse(try String(contentsOfFile: path, encoding: .utf8).contains("retreival"))
    }

    /// `--diff` reads the text an earlier round would have written: its patch and its
    /// fixed texts are those `--fix` writes, and the file on disk stays as it was.
    func testPreviewRoundsAgreeWithWrittenOnes() throws {
        let paths = try writeRepository()
        let originals = try paths.map { try String(contentsOfFile: $0, encoding: .utf8) }
        let previewed = runner(.preview).run(files: paths)
        XCTAssertEqual(try paths.map { try String(contentsOfFile: $0, encoding: .utf8) }, originals)
        XCTAssertEqual(previewed.map(\.originalText), [originals[0], nil, originals[2], originals[3]])
        _ = runner(.write).run(files: paths)
        let written = try paths.map { try String(contentsOfFile: $0, encoding: .utf8) }
        XCTAssertEqual(previewed.map { $0.fixedText ?? "unchanged" }, [written[0], "unchanged", written[2], written[3]])
        XCTAssertEqual(previewed.flatMap(\.applied).count, 6)
    }

    /// Findings left after fixing sit where they are in the file on disk with `--diff`,
    /// after every round: the placeholder is after a slip the first round fixed (one letter
    /// longer) on the line below one the second round fixed (a fifth `retreival`, so 50
    /// uses of `retrieval` make it a slip).
    func testFindingsLeftByLaterRoundsArePlacedOnTheOriginal() throws {
        var paths = try writeRepository(retrievalLines: 24)
        let extra = folder.appendingPathComponent("unknown.md").path
        let original = "Cross-modal retreival works.\n\nIt occured to us. Results: TBD\n"
        try original.write(toFile: extra, atomically: true, encoding: .utf8)
        paths.append(extra)
        var previewing = Runner(
            configuration: Configuration(baseDirectory: folder.path), linter: Linter(selected: ["typo", "placeholder"]),
            fixMode: .preview, includeUnsafe: true)
        previewing.placesRemainingOnOriginal = true
        let report = previewing.run(files: paths).last!
        XCTAssertEqual(report.originalText, original)
        XCTAssertEqual(report.fixedText, "Cross-modal retrieval works.\n\nIt occurred to us. Results: TBD\n")
        XCTAssertEqual(report.applied.count, 2)
        XCTAssertEqual(report.findings.map(\.rule), ["placeholder"])
        XCTAssertEqual(report.findings.map(\.start), [LineIndex.Position(line: 3, column: 28)])
    }
}
