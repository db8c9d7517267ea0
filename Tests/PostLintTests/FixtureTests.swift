import Foundation
import XCTest

@testable import PostLint

/// Walks `Fixtures/`: every post there (any `.md`, `.mdx`, `.markdown` or `.txt` that is not
/// itself an expected output) is linted and compared with its goldens:
/// - `NAME.EXT.expected`: the findings, one `line:col: severity[rule] message` a line;
/// - `NAME.fixed.EXT`: the text `--fix` (safe fixes) must give; without it, fixing must
///   change nothing.
/// Adding a fixture adds a test. Set POSTLINT_UPDATE_FIXTURES=1 to (re)write the goldens,
/// then read the diff before committing it.
final class FixtureTests: XCTestCase {
    static let postExtensions: Set<String> = ["md", "mdx", "markdown", "txt"]
    let updating = ProcessInfo.processInfo.environment["POSTLINT_UPDATE_FIXTURES"] == "1"

    static func fixturePosts() -> [URL] {
        let walker = FileManager.default.enumerator(at: TestSupport.fixtures, includingPropertiesForKeys: nil)
        let all = (walker?.allObjects as? [URL]) ?? []
        return all.filter { url in
            postExtensions.contains(url.pathExtension) && !url.deletingPathExtension().lastPathComponent.hasSuffix(".fixed")
        }.sorted { $0.path < $1.path }
    }

    func testFixturesHaveTheirExpectedFindingsAndFixes() throws {
        let posts = Self.fixturePosts()
        XCTAssertGreaterThan(posts.count, 0, "no fixtures found in \(TestSupport.fixtures.path)")
        for post in posts {
            try check(post)
        }
    }

    private func check(_ post: URL) throws {
        let name = post.path.replacingOccurrences(of: TestSupport.fixtures.path + "/", with: "")
        // As `postlint lint Fixtures` runs them: the folders below Fixtures/ are the
        // repository's (`translation/ko/` names the posts' language).
        let configuration = Configuration(baseDirectory: TestSupport.fixtures.path)
        let bytes = Array(try Data(contentsOf: post))
        let report = Runner(configuration: configuration, linter: Linter(), fixMode: .report, includeUnsafe: true)
            .process(path: post.path, bytes: bytes, onDisk: true)
        let findings = report.findings.map { "\($0.start.line):\($0.start.column): \($0.severity.rawValue)[\($0.rule)] \($0.message)" }
            .joined(separator: "\n") + "\n"
        try compare(findings, golden: URL(fileURLWithPath: post.path + ".expected"), what: "findings of \(name)")

        let fixReport = Runner(configuration: configuration, linter: Linter(), fixMode: .preview, includeUnsafe: false)
            .process(path: post.path, bytes: bytes, onDisk: true)
        XCTAssertNil(fixReport.failure, "fixing \(name) was refused: \(fixReport.failure ?? "")")
        let fixedURL = post.deletingPathExtension().appendingPathExtension("fixed").appendingPathExtension(post.pathExtension)
        if let fixed = fixReport.fixedText {
            let fixedBytes = String(decoding: SourceFile(path: post.path, bytes: bytes).bytes(forText: fixed), as: UTF8.self)
            try compare(fixedBytes, golden: fixedURL, what: "fixed text of \(name)")
        } else {
            XCTAssertFalse(FileManager.default.fileExists(atPath: fixedURL.path), "\(name) has a .fixed golden but fixing changes nothing")
        }
    }

    private func compare(_ actual: String, golden: URL, what: String) throws {
        if updating {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: golden, encoding: .utf8) else {
            XCTFail("missing golden \(golden.lastPathComponent) for the \(what); run with POSTLINT_UPDATE_FIXTURES=1")
            return
        }
        XCTAssertEqual(actual, expected, "the \(what) differ from \(golden.lastPathComponent)")
    }
}
