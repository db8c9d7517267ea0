import Foundation
import XCTest

@testable import PostLint

/// Drives `Runner.run(files:)` in-process over many files at once, so the parallel part of
/// the runner (the worker threads, result slots, lazy vocabulary, result cache, Hunspell
/// handle pool, file writes) runs inside the test binary, where `scripts/sanitizers thread`
/// can watch it. Each parallel result must equal linting the same file alone.
final class ParallelRunnerTests: XCTestCase {
    static let copies = 4

    /// Copies of every fixture post in a fresh folder, under distinct names.
    func makeTree() throws -> (folder: URL, files: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-parallel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for copy in 0..<Self.copies {
            for (index, post) in FixtureTests.fixturePosts().enumerated() {
                let target = folder.appendingPathComponent("\(copy)-\(index)-\(post.lastPathComponent)")
                try FileManager.default.copyItem(at: post, to: target)
                files.append(target.path)
            }
        }
        return (folder, files)
    }

    private func summary(_ report: FileReport) -> String {
        let findings = report.findings.map { "\($0.start.line):\($0.start.column) \($0.rule) \($0.message)" }
        return ([report.path, report.failure ?? "-", report.fixedText ?? "-"] + report.notes + findings).joined(separator: "\n")
    }

    func testParallelReportsEqualOneFileAtATime() throws {
        let (folder, files) = try makeTree()
        let runner = Runner(
            configuration: Configuration(baseDirectory: folder.path), linter: Linter(), fixMode: .preview, includeUnsafe: true)
        let parallel = runner.run(files: files)
        XCTAssertEqual(parallel.map(\.path), files, "results come back in the order the files were given")
        let vocabulary = Linter().usesVocabulary ? Vocabulary.build(paths: files) : nil
        for (file, report) in zip(files, parallel) {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            let alone = runner.process(path: file, bytes: bytes, onDisk: true, vocabulary: vocabulary)
            XCTAssertEqual(summary(report), summary(alone), file)
        }
    }

    /// A run of one file runs its rules in parallel (`Linter.rulesInParallel`): each file
    /// must get the same report, fixes included, as with the rules run in turn.
    func testRulesInParallelEqualRulesInTurn() throws {
        let (folder, files) = try makeTree()
        var inTurn = Runner(
            configuration: Configuration(baseDirectory: folder.path), linter: Linter(), fixMode: .preview, includeUnsafe: true)
        var inParallel = inTurn
        inTurn.linter.rulesInParallel = false
        inParallel.linter.rulesInParallel = true
        for file in files.prefix(FixtureTests.fixturePosts().count) {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            let parallel = inParallel.process(path: file, bytes: bytes, onDisk: true)
            XCTAssertEqual(summary(parallel), summary(inTurn.process(path: file, bytes: bytes, onDisk: true)), file)
            XCTAssertEqual(summary(parallel), summary(inParallel.run(files: [file])[0]), "a one-file run: \(file)")
        }
    }

    func testParallelCachedRunsAgree() throws {
        let (folder, files) = try makeTree()
        var runner = Runner(
            configuration: Configuration(baseDirectory: folder.path), linter: Linter(), fixMode: .report, includeUnsafe: false)
        runner.cache = ResultCache(folder: folder.path, runKey: 1)
        let first = runner.run(files: files).map(summary)
        runner.cache = ResultCache(folder: folder.path, runKey: 1)
        let second = runner.run(files: files).map(summary)
        XCTAssertEqual(first, second)
    }

    func testParallelFixWritesEveryFileOnce() throws {
        let (folder, files) = try makeTree()
        let runner = Runner(
            configuration: Configuration(baseDirectory: folder.path), linter: Linter(), fixMode: .write, includeUnsafe: false)
        let reports = runner.run(files: files)
        for report in reports where report.failure == nil {
            let written = try String(contentsOfFile: report.path, encoding: .utf8)
            if let fixed = report.fixedText {
                XCTAssertEqual(written.replacingOccurrences(of: "\u{FEFF}", with: ""), fixed, report.path)
            }
        }
        // A second run over the fixed tree has nothing left to write.
        XCTAssertTrue(runner.run(files: files).allSatisfy { $0.applied.isEmpty || $0.failure != nil })
    }
}
