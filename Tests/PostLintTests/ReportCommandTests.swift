import Foundation
import XCTest

@testable import PostLint

/// The CI formats through the real command: `--format`, the GitHub Actions default, and
/// several reports in one run with `--output FORMAT=FILE`.
final class ReportCommandTests: CommandTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("posts/asset"), withIntermediateDirectories: true)
        for index in 0..<3 {
            try Data("png".utf8).write(to: folder.appendingPathComponent("posts/asset/shot_0101_img\(index).png"))
        }
        try write("posts/post.mdx", Self.brokenPost)
        try write("posts/clean.md", "# Clean\n")
    }

    static let githubLines = """
        ::warning file=posts/post.mdx,line=1,col=8,endColumn=22,title=postlint (unused-import)::'shot_0101_img0' is imported from './asset/shot_0101_img0.png' but never used; 'shot_0102_img0' is used instead and looks meant for it
        ::error file=posts/post.mdx,line=3,col=8,endColumn=22,title=postlint (duplicate-import)::'shot_0101_img1' is imported again (first from './asset/shot_0101_img1.png'); the MDX compiler rejects a name bound twice; its file suggests 'shot_0101_img2'
        """

    func testGitHubFormatPrintsWorkflowCommands() throws {
        let result = try run(["lint", "--format", "github", "posts"], githubActions: nil)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix(Self.githubLines + "\n"), result.stdout)
        XCTAssertTrue(result.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") }, result.stdout)
    }

    func testGitHubIsTheDefaultInsideGitHubActionsOnly() throws {
        let inActions = try run(["lint", "posts"], githubActions: "true")
        XCTAssertTrue(inActions.stdout.hasPrefix(Self.githubLines), inActions.stdout)
        let explicit = try run(["lint", "--format", "text", "posts"], githubActions: "true")
        XCTAssertTrue(explicit.stdout.hasPrefix("posts/post.mdx:1:8: warning[unused-import]"), explicit.stdout)
        for value in [nil, "false"] {
            let outside = try run(["lint", "posts"], githubActions: value)
            XCTAssertTrue(outside.stdout.hasPrefix("posts/post.mdx:1:8: warning[unused-import]"), outside.stdout)
        }
    }

    func testSeveralReportsInOneRun() throws {
        let result = try run([
            "lint", "--format", "github", "--output", "sarif=results.sarif",
            "--output", "junit=junit.xml", "--output", "checkstyle=checkstyle.xml", "--output", "json=report.json", "posts",
        ])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix(Self.githubLines), result.stdout)

        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try read("results.sarif").utf8)) as? [String: Any])
        let sarifRun = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(sarifRun["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 4)
        XCTAssertTrue(results.contains { $0["fixes"] != nil }, "the duplicate import's rename travels as a SARIF fix")
        let driver = (sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let version = try run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(driver?["version"] as? String, version)

        for name in ["junit.xml", "checkstyle.xml"] {
            let xml = try read(name)
            XCTAssertNil(XMLWellFormedness.error(in: xml), "\(name):\n\(xml)")
        }
        XCTAssertTrue(try read("junit.xml").contains("<testsuite name=\"posts/clean.md\" tests=\"1\" failures=\"0\""))
        XCTAssertTrue(try read("checkstyle.xml").contains("source=\"postlint.duplicate-import\""))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try read("report.json").utf8)) as? [String: Any])
        XCTAssertEqual((json["diagnostics"] as? [Any])?.count, 4)
    }

    func testJUnitOnStandardOutputWithoutFindings() throws {
        let result = try run(["lint", "--format", "junit", "posts/clean.md"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertNil(XMLWellFormedness.error(in: result.stdout), result.stdout)
        XCTAssertTrue(result.stdout.contains("<testcase classname=\"posts/clean.md\" name=\"postlint\" file=\"posts/clean.md\"/>"), result.stdout)
    }

    func testBadOutputsAreUsageOrIOErrors() throws {
        for bad in ["sarif", "yaml=x.yml", "sarif="] {
            let result = try run(["lint", "--output", bad, "posts"])
            XCTAssertEqual(result.status, 2, "\(bad): \(result.stdout)\(result.stderr)")
        }
        let twice = try run(["lint", "--output", "sarif=a", "--output", "junit=a", "posts"])
        XCTAssertEqual(twice.status, 2, twice.stderr)
        let unwritable = try run(["lint", "--output", "sarif=no/such/folder/results.sarif", "posts"])
        XCTAssertEqual(unwritable.status, 2, unwritable.stderr)
        XCTAssertTrue(unwritable.stderr.contains("cannot write the sarif report"), unwritable.stderr)
    }
}
