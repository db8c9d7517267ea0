import Foundation
import XCTest

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import PostLint

/// The CI report formats: exact GitHub workflow commands, well-formed and escaped XML
/// (parsed back), and SARIF's structure. Schema validation is in SARIFSchemaTests.
final class ReporterTests: XCTestCase {
    static let base = "/work/blog"

    static func finding(
        _ start: (Int, Int), _ end: (Int, Int), path: String = "posts/a.md", rule: String = "duplicate-import",
        severity: Severity = .error, message: String = "a message", lineText: String = "", fix: Fix? = nil,
        fixEdits: [PlacedEdit] = []
    ) -> Finding {
        Finding(
            path: path, start: .init(line: start.0, column: start.1), end: .init(line: end.0, column: end.1),
            diagnostic: Diagnostic(rule: rule, severity: severity, range: 0..<0, message: message, fix: fix),
            lineText: lineText, fixEdits: fixEdits)
    }

    static func report(_ path: String, _ findings: [Finding], failure: String? = nil) -> FileReport {
        var report = FileReport(path: path)
        report.findings = findings
        report.failure = failure
        return report
    }

    // MARK: - Text

    /// The summary counts what `--fix` will apply apart from what needs `--unsafe-fixes`,
    /// and says "1 error", not "1 errors".
    func testTextSummarySeparatesSafeAndUnsafeFixes() {
        let edit = [Edit(0..<1, "x")]
        let findings = [
            Self.finding((1, 1), (1, 2), fix: Fix("safe", safety: .safe, edits: edit)),
            Self.finding((2, 1), (2, 2), severity: .warning, fix: Fix("unsafe", safety: .unsafe, edits: edit)),
            Self.finding((3, 1), (3, 2), severity: .warning, fix: Fix("unsafe", safety: .unsafe, edits: edit)),
        ]
        let text = TextReporter().render([Self.report("posts/a.md", findings)], fileCount: 1)
        XCTAssertTrue(text.contains("posts/a.md:1:1: error[duplicate-import] a message [fixable]\n"), text)
        XCTAssertTrue(text.contains("posts/a.md:2:1: warning[duplicate-import] a message [unsafe fix]\n"), text)
        XCTAssertTrue(text.hasSuffix(
            "Found 3 problems in 1 file (1 error, 2 warnings, 0 info). 1 fixable with --fix. 2 more fixable with --fix --unsafe-fixes.\n"), text)
        let onlyUnsafe = TextReporter().render([Self.report("posts/a.md", Array(findings.dropFirst()))], fileCount: 1)
        XCTAssertTrue(onlyUnsafe.hasSuffix("(0 errors, 2 warnings, 0 info). 2 fixable with --fix --unsafe-fixes.\n"), onlyUnsafe)
    }

    /// The summary names the files the problems are in, of those linted: "in 1 of 3 files",
    /// not "in 3 files" (which read as every file having problems).
    func testTextSummarySaysHowManyOfTheFilesHaveProblems() {
        let reports = [Self.report("a.md", [Self.finding((1, 1), (1, 2))]), Self.report("b.md", []), Self.report("c.md", [])]
        let text = TextReporter().render(reports, fileCount: 3)
        XCTAssertTrue(text.hasSuffix("Found 1 problem in 1 of 3 files (1 error, 0 warnings, 0 info).\n"), text)
        let every = TextReporter().render([reports[0], Self.report("b.md", [Self.finding((2, 1), (2, 2))])], fileCount: 2)
        XCTAssertTrue(every.hasSuffix("Found 2 problems in 2 files (2 errors, 0 warnings, 0 info).\n"), every)
    }

    // MARK: - GitHub

    func testGitHubLinesAreExact() {
        let reports = [
            Self.report("/work/blog/posts/a.md", [
                Self.finding((3, 8), (3, 22), path: "/work/blog/posts/a.md", message: "'img1' is imported again"),
                Self.finding((5, 1), (5, 4), path: "/work/blog/posts/a.md", rule: "typo", severity: .warning, message: "100% sure: a\r\nb"),
                Self.finding((7, 1), (7, 1), path: "/work/blog/posts/a.md", rule: "untranslated", severity: .info, message: "empty"),
            ]),
        ]
        let output = GitHubReporter(workingDirectory: Self.base).render(reports, fileCount: 1)
        XCTAssertEqual(output, """
            ::error file=posts/a.md,line=3,col=8,endColumn=22,title=postlint (duplicate-import)::'img1' is imported again
            ::warning file=posts/a.md,line=5,col=1,endColumn=4,title=postlint (typo)::100%25 sure: a%0D%0Ab
            ::notice file=posts/a.md,line=7,col=1,title=postlint (untranslated)::empty

            """)
    }

    /// GitHub places an annotation by its path in the repository: a run from a subfolder
    /// still names `docs/a.md`, not `a.md` or `../README.md`.
    func testGitHubPathsAreRelativeToTheRepositoryRoot() {
        let reporter = GitHubReporter(workingDirectory: "/work/blog/docs", root: "/work/blog")
        let output = reporter.render([
            Self.report("a.md", [Self.finding((1, 1), (1, 2), path: "a.md")]),
            Self.report("../README.md", [Self.finding((1, 1), (1, 2), path: "../README.md")]),
        ], fileCount: 2)
        XCTAssertTrue(output.contains("file=docs/a.md,"), output)
        XCTAssertTrue(output.contains("file=README.md,"), output)
    }

    func testGitHubMultiLineFindingHasNoColumns() {
        let finding = Self.finding((2, 5), (4, 3), rule: "wrapped-title", message: "a title\nwrapped")
        XCTAssertEqual(
            GitHubReporter.line(for: finding, path: "posts/a.md"),
            "::error file=posts/a.md,line=2,endLine=4,title=postlint (wrapped-title)::a title%0Awrapped")
    }

    func testGitHubEscapesPropertiesWithColonsAndCommas() {
        let finding = Self.finding((1, 1), (1, 2))
        XCTAssertEqual(
            GitHubReporter.line(for: finding, path: "posts/2025:11,a%b\n.md"),
            "::error file=posts/2025%3A11%2Ca%25b%0A.md,line=1,col=1,endColumn=2,title=postlint (duplicate-import)::a message")
        XCTAssertEqual(GitHubReporter.escapeData("a:b,c"), "a:b,c", "messages keep colons and commas")
    }

    func testGitHubReportsUnreadableFiles() {
        let output = GitHubReporter(workingDirectory: Self.base)
            .render([Self.report("posts/gone.md", [], failure: "cannot read the file")], fileCount: 1)
        XCTAssertEqual(output, "::error file=posts/gone.md,title=postlint::cannot read the file\n")
    }

    // MARK: - XML

    static let hostileMessage = "a <b> & \"c\" 'd' \u{1}\u{7}\u{1B}\u{0C}tab\there\nline\r\u{FFFE}\u{FFFF} 한글 👍 ]]> end"
    /// What a parser reads back: forbidden characters as U+FFFD, everything else intact
    /// (XML parsers normalise a CR in an attribute to a space only when it is written raw).
    static let hostileMessageRead = "a <b> & \"c\" 'd' \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}tab\there\nline\r\u{FFFD}\u{FFFD} 한글 👍 ]]> end"

    func testCheckstyleIsWellFormedAndEscapesEverything() throws {
        let reports = [
            Self.report("/work/blog/posts/a&b.md", [Self.finding((2, 3), (2, 9), severity: .warning, message: Self.hostileMessage)]),
            Self.report("/work/blog/posts/clean.md", []),
        ]
        let xml = CheckstyleReporter(workingDirectory: Self.base).render(reports, fileCount: 2)
        XCTAssertNil(XMLWellFormedness.error(in: xml), xml)
        XCTAssertFalse(xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "raw control characters: \(xml)")
        #if canImport(FoundationXML)
        let document = try XMLDocument(xmlString: xml)
        let files = try document.nodes(forXPath: "/checkstyle/file")
        XCTAssertEqual(files.compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }, ["posts/a&b.md", "posts/clean.md"])
        let errors = try document.nodes(forXPath: "/checkstyle/file/error")
        let error = try XCTUnwrap(errors.first as? XMLElement)
        XCTAssertEqual(error.attribute(forName: "line")?.stringValue, "2")
        XCTAssertEqual(error.attribute(forName: "column")?.stringValue, "3")
        XCTAssertEqual(error.attribute(forName: "severity")?.stringValue, "warning")
        XCTAssertEqual(error.attribute(forName: "source")?.stringValue, "postlint.duplicate-import")
        XCTAssertEqual(error.attribute(forName: "message")?.stringValue, Self.hostileMessageRead)
        #endif
    }

    func testJUnitIsWellFormedWithOneTestCasePerFinding() throws {
        let reports = [
            Self.report("/work/blog/posts/a.md", [
                Self.finding((2, 3), (2, 9), message: Self.hostileMessage),
                Self.finding((4, 1), (4, 2), rule: "typo", severity: .warning),
            ]),
            Self.report("/work/blog/posts/clean.md", []),
            Self.report("/work/blog/posts/gone.md", [], failure: "cannot read the file"),
        ]
        let xml = JUnitReporter(workingDirectory: Self.base).render(reports, fileCount: 3)
        XCTAssertNil(XMLWellFormedness.error(in: xml), xml)
        #if canImport(FoundationXML)
        let document = try XMLDocument(xmlString: xml)
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.attribute(forName: "tests")?.stringValue, "4")
        XCTAssertEqual(root.attribute(forName: "failures")?.stringValue, "2")
        XCTAssertEqual(root.attribute(forName: "errors")?.stringValue, "1")
        let suites = root.elements(forName: "testsuite")
        XCTAssertEqual(suites.map { $0.attribute(forName: "name")?.stringValue ?? "" }, ["posts/a.md", "posts/clean.md", "posts/gone.md"])
        let failing = suites[0].elements(forName: "testcase")
        XCTAssertEqual(failing.map { $0.attribute(forName: "name")?.stringValue ?? "" }, ["duplicate-import at 2:3", "typo at 4:1"])
        let failure = try XCTUnwrap(failing[0].elements(forName: "failure").first)
        XCTAssertEqual(failure.attribute(forName: "message")?.stringValue, Self.hostileMessageRead)
        XCTAssertEqual(failure.attribute(forName: "type")?.stringValue, "error")
        XCTAssertTrue(failure.stringValue?.hasPrefix("posts/a.md:2:3: error[duplicate-import] a <b> &") == true, failure.stringValue ?? "")
        let passing = suites[1].elements(forName: "testcase")
        XCTAssertEqual(passing.count, 1)
        XCTAssertTrue(passing[0].children?.isEmpty ?? true, "a clean file is a passing test case")
        XCTAssertEqual(suites[2].elements(forName: "testcase").first?.elements(forName: "error").count, 1)
        #endif
    }

    func testJUnitWithoutFindingsStillHoldsOnePassingTestCase() throws {
        for reports in [[], [Self.report("posts/clean.md", [])]] {
            let xml = JUnitReporter(workingDirectory: Self.base).render(reports, fileCount: reports.count)
            XCTAssertNil(XMLWellFormedness.error(in: xml), xml)
            #if canImport(FoundationXML)
            let document = try XMLDocument(xmlString: xml)
            let cases = try document.nodes(forXPath: "//testcase")
            XCTAssertEqual(cases.count, 1, xml)
            XCTAssertEqual(try document.nodes(forXPath: "//failure | //error").count, 0, xml)
            XCTAssertEqual(document.rootElement()?.attribute(forName: "tests")?.stringValue, "1")
            #endif
        }
    }

    /// A file skipped unlinted (binary) is a skipped test case, not a passing one.
    func testJUnitMarksASkippedFileSkipped() throws {
        var skipped = Self.report("posts/image.md", [])
        skipped.notes = ["skipped: binary file (it contains NUL bytes)"]
        let xml = JUnitReporter(workingDirectory: Self.base).render([skipped], fileCount: 1)
        XCTAssertNil(XMLWellFormedness.error(in: xml), xml)
        XCTAssertTrue(xml.contains("skipped=\"1\""), xml)
        XCTAssertTrue(xml.contains("<skipped message=\"binary file (it contains NUL bytes)\"/>"), xml)
    }

    func testWellFormednessCheckRejectsBrokenXML() {
        XCTAssertNil(XMLWellFormedness.error(in: "<a x=\"1\"><b/></a>"))
        XCTAssertNotNil(XMLWellFormedness.error(in: "<a><b></a>"))
        XCTAssertNotNil(XMLWellFormedness.error(in: "<a>\u{1}</a>"), "a raw C0 control is not XML 1.0")
        XCTAssertNotNil(XMLWellFormedness.error(in: ""))
    }

    // MARK: - JSON

    func testJSONListsFailedAndSkippedFilesBesideTheVersionOneKeys() throws {
        var skipped = Self.report("posts/logo.md", [])
        skipped.notes = ["skipped: binary file (it contains NUL bytes)"]
        let reports = [
            Self.report("posts/a.md", [Self.finding((1, 1), (1, 2))]),
            Self.report("posts/gone.md", [], failure: "cannot read the file"), skipped,
        ]
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(JSONReporter().render(reports, fileCount: 3).utf8)) as? [String: Any])
        XCTAssertEqual(Set(json.keys), ["version", "files", "diagnostics", "failures", "skipped"])
        XCTAssertEqual((json["diagnostics"] as? [Any])?.count, 1)
        XCTAssertEqual(json["failures"] as? [[String: String]], [["path": "posts/gone.md", "message": "cannot read the file"]])
        XCTAssertEqual(json["skipped"] as? [[String: String]], [["path": "posts/logo.md", "message": "binary file (it contains NUL bytes)"]])
    }

    func testJSONOfARunWithoutFailuresKeepsTheVersionOneShape() {
        XCTAssertEqual(JSONReporter().render([Self.report("posts/a.md", [])], fileCount: 1), "{\"diagnostics\":[],\"files\":1,\"version\":1}\n")
    }

    // MARK: - SARIF

    func sarif(_ reports: [FileReport]) throws -> [String: Any] {
        let text = SARIFReporter(toolVersion: "1.2.3", informationURI: "https://example.org/postlint", workingDirectory: Self.base)
            .render(reports, fileCount: reports.count)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testSARIFDescribesTheToolAndEveryRule() throws {
        let log = try sarif([])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "postlint")
        XCTAssertEqual(driver["version"] as? String, "1.2.3")
        XCTAssertEqual(driver["informationUri"] as? String, "https://example.org/postlint")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.compactMap { $0["id"] as? String }, RuleRegistry.descriptions.map(\.id))
        let duplicate = try XCTUnwrap(rules.first { $0["id"] as? String == "duplicate-import" })
        let description = try XCTUnwrap(RuleRegistry.description(of: "duplicate-import"))
        XCTAssertEqual(duplicate["name"] as? String, "DuplicateImport")
        XCTAssertEqual((duplicate["shortDescription"] as? [String: Any])?["text"] as? String, description.summary)
        XCTAssertEqual((duplicate["fullDescription"] as? [String: Any])?["text"] as? String, description.rationale)
        XCTAssertTrue(((duplicate["help"] as? [String: Any])?["text"] as? String)?.contains(description.rationale) == true)
        XCTAssertEqual((duplicate["defaultConfiguration"] as? [String: Any])?["level"] as? String, "error")
        XCTAssertEqual(run["results"] as? [Any] as? [NSObject], [], "an actual scan has a results array, even empty")
    }

    /// A file outside the run's folder has an absolute file URI of its own, not a path
    /// under %SRCROOT%.
    func testSARIFLocatesFilesOutsideTheRunFolderAbsolutely() throws {
        let reports = [Self.report("/elsewhere/notes/a post.md", [Self.finding((1, 1), (1, 2), path: "/elsewhere/notes/a post.md")])]
        let run = try XCTUnwrap((try sarif(reports)["runs"] as? [[String: Any]])?.first)
        let result = try XCTUnwrap((run["results"] as? [[String: Any]])?.first)
        let location = try XCTUnwrap(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])
        XCTAssertEqual(location["uri"] as? String, "file:///elsewhere/notes/a%20post.md")
        XCTAssertNil(location["uriBaseId"])
    }

    /// Run from a subfolder, paths are given relative to it; %SRCROOT% stays the root.
    func testSARIFPathsAreRelativeToTheSourceRootNotTheRunFolder() throws {
        let reporter = SARIFReporter(
            toolVersion: "1", informationURI: "https://example.org", workingDirectory: "/work/blog/docs", sourceRoot: "/work/blog")
        let reports = [
            Self.report("../README.md", [Self.finding((1, 1), (1, 2), path: "../README.md")]),
            Self.report("../../elsewhere.md", [Self.finding((1, 1), (1, 2), path: "../../elsewhere.md")]),
        ]
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(reporter.render(reports, fileCount: 2).utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual((run["originalUriBaseIds"] as? [String: [String: String]])?["%SRCROOT%"]?["uri"], "file:///work/blog/")
        let uris = (run["results"] as? [[String: Any]] ?? []).compactMap {
            (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: String]
        }
        XCTAssertEqual(uris, [["uri": "README.md", "uriBaseId": "%SRCROOT%"], ["uri": "file:///work/elsewhere.md"]])
    }

    func testTheSourceRootIsTheGitTopLevelElseTheConfigurationsFolder() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-root-\(UUID())").resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: top) }
        let inside = top.appendingPathComponent("blog/docs")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        XCTAssertEqual(ReportPaths.sourceRoot(workingDirectory: inside.path, configurationFolder: top.path + "/blog"), top.path + "/blog")
        XCTAssertEqual(ReportPaths.sourceRoot(workingDirectory: inside.path, configurationFolder: nil), inside.path)
        try FileManager.default.createDirectory(at: top.appendingPathComponent(".git"), withIntermediateDirectories: true)
        XCTAssertEqual(ReportPaths.sourceRoot(workingDirectory: inside.path, configurationFolder: top.path + "/blog"), top.path)
    }

    func testSARIFResultsCarryLocationsFingerprintsAndFixes() throws {
        let fix = Fix("rename to 'img3'", safety: .safe, edits: [Edit(0..<1, "img3")])
        let reports = [
            Self.report("/work/blog/posts/new post.mdx", [
                Self.finding((3, 8), (3, 12), path: "/work/blog/posts/new post.mdx", lineText: "import  img2 from './a.png';", fix: fix,
                             fixEdits: [PlacedEdit(start: .init(line: 3, column: 8), end: .init(line: 3, column: 12), replacement: "img3")]),
                Self.finding((9, 1), (10, 4), path: "/work/blog/posts/new post.mdx", rule: "not-a-registered-rule", severity: .info),
            ]),
        ]
        let run = try XCTUnwrap((try sarif(reports)["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 2)
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String, "ruleIndex points at the rule")
        }
        let first = results[0]
        XCTAssertEqual(first["level"] as? String, "error")
        XCTAssertEqual((first["message"] as? [String: Any])?["text"] as? String, "a message")
        let physical = try XCTUnwrap(((first["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let artifact = try XCTUnwrap(physical["artifactLocation"] as? [String: String])
        XCTAssertEqual(artifact, ["uri": "posts/new%20post.mdx", "uriBaseId": "%SRCROOT%"])
        XCTAssertEqual(physical["region"] as? [String: Int], ["startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 12])
        let fingerprint = try XCTUnwrap((first["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey])
        XCTAssertEqual(fingerprint, SARIFReporter.fingerprint(rule: "duplicate-import", path: "posts/new post.mdx", lineText: "import img2 from './a.png';") + ":1")
        let change = try XCTUnwrap(((first["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try XCTUnwrap((change["replacements"] as? [[String: Any]])?.first)
        XCTAssertEqual(replacement["deletedRegion"] as? [String: Int], ["startLine": 3, "startColumn": 8, "endLine": 3, "endColumn": 12])
        XCTAssertEqual((replacement["insertedContent"] as? [String: String])?["text"], "img3")
        XCTAssertNil(results[1]["fixes"], "no fix, no fixes")
        XCTAssertEqual(results[1]["level"] as? String, "note")
        XCTAssertEqual(rules.last?["name"] as? String, "NotARegisteredRule")
        let base = try XCTUnwrap((run["originalUriBaseIds"] as? [String: [String: String]])?["%SRCROOT%"]?["uri"])
        XCTAssertEqual(base, "file:///work/blog/")
    }

    func testFingerprintIgnoresLineNumbersAndSpacingButNotText() {
        let hash = { (line: String) in SARIFReporter.fingerprint(rule: "typo", path: "a.md", lineText: line) }
        XCTAssertEqual(hash("  the  reasoing step "), hash("the reasoing step"))
        XCTAssertNotEqual(hash("the reasoing step"), hash("the reasoing steps"))
        XCTAssertNotEqual(hash("x"), SARIFReporter.fingerprint(rule: "typo", path: "b.md", lineText: "x"))
        XCTAssertEqual(StableHash.fnv1a64(Array("a".utf8)), "af63dc4c8601ec8c", "FNV-1a 64 test vector")
    }

    func testSARIFNumbersRepeatedFingerprints() throws {
        let same = Self.finding((1, 1), (1, 2), lineText: "same line")
        let other = Self.finding((5, 1), (5, 2), lineText: "same  line")
        let run = try XCTUnwrap((try sarif([Self.report("posts/a.md", [same, other])])["runs"] as? [[String: Any]])?.first)
        let prints = (run["results"] as? [[String: Any]] ?? []).compactMap { ($0["partialFingerprints"] as? [String: String])?.values.first }
        XCTAssertEqual(prints.count, 2)
        XCTAssertEqual(prints.map { $0.split(separator: ":").last }, ["1", "2"])
        XCTAssertEqual(Set(prints.map { $0.split(separator: ":").first }).count, 1)
    }

    func testPascalCaseAndReportPaths() {
        XCTAssertEqual(SARIFReporter.pascalCase("duplicate-import"), "DuplicateImport")
        XCTAssertEqual(SARIFReporter.pascalCase("mojibake"), "Mojibake")
        XCTAssertEqual(ReportPaths.relative("/work/blog/posts/a.md", to: "/work/blog"), "posts/a.md")
        XCTAssertEqual(ReportPaths.relative("./posts/a.md", to: "/work/blog"), "posts/a.md")
        XCTAssertEqual(ReportPaths.relative("posts/../posts/a.md", to: "/work/blog"), "posts/a.md")
        XCTAssertEqual(ReportPaths.relative("/elsewhere/a.md", to: "/work/blog"), "/elsewhere/a.md")
        XCTAssertEqual(ReportPaths.uriReference("posts/새 글#1.md"), "posts/%EC%83%88%20%EA%B8%80%231.md")
    }

    /// A message quotes the post: an escape sequence in it must not reach the terminal or
    /// the Actions log.
    func testControlCharactersOfAPostAreShownNotSent() {
        XCTAssertEqual(TextReporter.printable("a\u{1B}]0;x\u{07}b\tc"), "a\\u{1B}]0;x\\u{7}b\tc")
        XCTAssertEqual(TextReporter.printable("one\ntwo"), "one\ntwo")
        XCTAssertEqual(TextReporter.printable("one\ntwo", keepingLineBreaks: false), "one\\u{A}two")
        XCTAssertEqual(TextReporter.printable("plain 한국어"), "plain 한국어")
    }
}
