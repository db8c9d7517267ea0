import Foundation
import XCTest

@testable import PostLint

/// What goes to which stream, which exit status a run ends with, and what the reports
/// say of files that were not linted or not fixed, through the real command.
final class OutputContractCommandTests: CommandTestCase {
    /// Front matter whose only fixable problem, a stray BOM, would make its YAML stop
    /// parsing when removed: the fixer refuses, and the post has nothing else to fix.
    static let refusedPost = "---\ntitle: \u{FEFF}- item\n---\n\nI receive mail.\n"

    func testDiffOnStandardInputKeepsTheReportOffStandardOutput() throws {
        try write("post.mdx", Self.brokenPost)
        for format in ["text", "json"] {
            let result = try run(["lint", "--diff", "--format", format, "--stdin-filename", "post.mdx", "-"], stdin: Self.brokenPost)
            XCTAssertEqual(result.status, 1, result.stderr)
            XCTAssertTrue(result.stdout.hasPrefix("--- a/post.mdx\n+++ b/post.mdx\n"), result.stdout)
            XCTAssertFalse(result.stdout.contains("error[") || result.stdout.contains("\"diagnostics\""), "findings on standard output: \(result.stdout)")
            XCTAssertTrue(result.stdout.split(separator: "\n").allSatisfy { " +-@".contains($0.first ?? " ") }, "the patch alone: \(result.stdout)")
            XCTAssertTrue(result.stderr.contains(format == "json" ? "\"diagnostics\"" : "Would fix 3 problems"), result.stderr)
        }
    }

    /// With `--diff` a JSON report has standard error to itself: no "would fix" line or
    /// note before it, so it parses.
    func testDiffWithAMachineFormatLeavesStandardErrorParseable() throws {
        try write("post.mdx", Self.brokenPost)
        try write("empty.md", "")
        for arguments in [["post.mdx", "empty.md"], ["--fix", "--stdin-filename", "post.mdx", "-"]] {
            let result = try run(["lint", "--format", "json"] + (arguments.contains("--fix") ? [] : ["--diff"]) + arguments, stdin: Self.brokenPost)
            XCTAssertEqual(result.status, arguments.contains("--fix") ? 0 : 1, result.stderr)
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)), result.stderr)
        }
    }

    /// A refused fix leaves the findings the user asked to have fixed: exit status 1, even
    /// when they are only warnings, and the refusal said once.
    func testARefusedFixExitsOneAndIsSaidOnce() throws {
        try write("r.md", Self.refusedPost)
        let fixed = try run(["lint", "--fix", "r.md"])
        XCTAssertEqual(fixed.status, 1, fixed.stdout + fixed.stderr)
        XCTAssertTrue(fixed.stderr.contains("r.md: error: front matter left as it is: fixing would break the front matter YAML"), fixed.stderr)
        XCTAssertEqual(try read("r.md"), Self.refusedPost)
        // The finding no longer offers --fix, before a fix is tried and after.
        for output in [fixed.stdout, try run(["lint", "r.md"]).stdout] {
            XCTAssertTrue(output.contains("inside the text (not fixable: its fix would break the front matter YAML)\n"), output)
            XCTAssertFalse(output.contains("fixable with --fix"), output)
        }
        XCTAssertEqual(try run(["lint", "--fix", "--exit-zero", "r.md"]).status, 0)
        XCTAssertEqual(try run(["lint", "r.md"]).status, 0, "without --fix, warnings alone pass")
        XCTAssertEqual(try run(["lint", "--fix", "--stdin-filename", "r.md", "-"], stdin: Self.refusedPost).status, 1)
        for format in ["text", "github", "json"] {
            let previewed = try run(["lint", "--diff", "--format", format, "r.md"])
            XCTAssertEqual(previewed.status, 1, format)
            XCTAssertEqual(previewed.stderr.components(separatedBy: "fixing would break the front matter YAML").count - 1, 1, previewed.stderr)
        }
    }

    /// A front matter fix that cannot be made does not cost the post its other fixes: the
    /// typo is fixed, the front matter stays as it is, and a note says why.
    func testAFrontMatterFixThatCannotBeMadeLeavesTheOtherFixes() throws {
        try write("r.md", "---\ntitle: \u{FEFF}- item\n---\n\nI recieve mail.\n")
        let fixed = try run(["lint", "--fix", "r.md"])
        XCTAssertEqual(try read("r.md"), "---\ntitle: \u{FEFF}- item\n---\n\nI receive mail.\n")
        XCTAssertEqual(fixed.stderr.components(separatedBy: "fixing would break the front matter YAML").count - 1, 1, fixed.stderr)
        XCTAssertTrue(fixed.stdout.contains("r.md:2:8: warning[invisible-character]"), fixed.stdout)
        XCTAssertTrue(fixed.stdout.contains("(not fixable: its fix would break the front matter YAML)"), fixed.stdout)
    }

    /// Standard input a `--force-exclude` leaves alone still gets a report in a machine
    /// format (an editor integration parses it), of no file.
    func testAnExcludedStandardInputStillGetsAnEmptyMachineReport() throws {
        try write(".postlint.yml", "exclude: [\"drafts/**\"]\n")
        let json = try run(["lint", "--format", "json", "--force-exclude", "--stdin-filename", "drafts/a.md", "-"], stdin: "I recieve.\n")
        XCTAssertEqual(json.status, 0)
        XCTAssertEqual(json.stdout, "{\"diagnostics\":[],\"files\":0,\"version\":1}\n")
    }

    func testFixesThatNeverSettleExitOne() throws {
        try write(".postlint.yml", "rules:\n  typo: {words: [\"grey -> gray\", \"gray -> grey\"]}\n")
        try write("g.md", "The grey cat.\n")
        let result = try run(["lint", "--fix", "g.md"])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("fixes did not settle"), result.stderr)
    }

    /// Fixes applied in a later fixer pass are listed among the others by position.
    func testFixedLinesAreListedInPositionOrder() throws {
        let post = TestSupport.fixtures.appendingPathComponent("encoding/invisible-and-normalization.md")
        try write("post.md", String(decoding: try Data(contentsOf: post), as: UTF8.self))
        let result = try run(["lint", "--diff", "--unsafe-fixes", "post.md"])
        let positions = result.stderr.split(separator: "\n").filter { $0.contains(": would fix[") }.map { line in
            line.split(separator: ":").dropFirst().prefix(2).compactMap { Int($0) }
        }
        XCTAssertGreaterThan(positions.count, 2, result.stderr)
        XCTAssertTrue(positions.contains([3, 5]), "the later pass's fix is listed: \(result.stderr)")
        XCTAssertEqual(positions, positions.sorted { $0.lexicographicallyPrecedes($1) }, result.stderr)
    }

    /// JSON names the files it could not read and those it skipped, as the other formats do.
    func testJSONNamesUnreadableAndSkippedFiles() throws {
        try write("a.md", "Hello.\n")
        // A FIFO named on the command line cannot be read (in a walk it is passed over).
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("pipe.md").path, 0o644), 0)
        try Data([0x89, 0x50, 0x00, 0x00]).write(to: folder.appendingPathComponent("image.md"))
        let result = try run(["lint", "--no-cache", "--format", "json", "a.md", "pipe.md", "image.md"])
        XCTAssertEqual(result.status, 2, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["version"] as? Int, 1)
        let failures = try XCTUnwrap(json["failures"] as? [[String: String]])
        XCTAssertEqual(failures.map { $0["path"] }, ["pipe.md"])
        XCTAssertTrue(failures.first?["message"]?.hasPrefix("cannot read the file") == true, "\(failures)")
        XCTAssertEqual(json["skipped"] as? [[String: String]], [["path": "image.md", "message": "binary file (it contains NUL bytes)"]])
    }

    func testExplainAnUnknownRuleSaysSoWithoutTheTopLevelUsage() throws {
        let result = try run(["explain", "nosuch"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("unknown rule 'nosuch'; `postlint rules` lists them"), result.stderr)
        XCTAssertFalse(result.stderr.contains("Usage: postlint <subcommand>"), result.stderr)
    }

    /// Run from a subfolder of a repository, SARIF's %SRCROOT% is the repository's top
    /// level and no URI climbs out of it with `../`.
    func testSARIFFromASubfolderIsRelativeToTheRepository() throws {
        try git(["init", "-q"])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try write("README.md", "I recieve mail.\n")
        let result = try run(["lint", "--no-cache", "--format", "sarif", "../README.md"], in: folder.appendingPathComponent("docs"))
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let root = try XCTUnwrap((run["originalUriBaseIds"] as? [String: [String: String]])?["%SRCROOT%"]?["uri"])
        XCTAssertEqual(root, ReportPaths.folderURI(folder.resolvingSymlinksInPath().path))
        let result0 = try XCTUnwrap((run["results"] as? [[String: Any]])?.first)
        let location = (result0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        XCTAssertEqual((location?["artifactLocation"] as? [String: String])?["uri"], "README.md")
    }
}
