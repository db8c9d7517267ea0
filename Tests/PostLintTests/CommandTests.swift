import Foundation
import ICUShim
import XCTest

/// Runs the built `postlint` binary as a user would, in a fresh temporary folder.
class CommandTestCase: XCTestCase {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var binary: URL {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
            .map { $0.appendingPathComponent("postlint") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("asset"), withIntermediateDirectories: true)
        for index in 0..<3 {
            try Data("png".utf8).write(to: folder.appendingPathComponent("asset/shot_0101_img\(index).png"))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    /// Runs postlint; `githubActions` sets GITHUB_ACTIONS (removed when nil, since inside
    /// GitHub Actions postlint would default to its `github` format).
    /// Runs the built postlint. `environment` is added to this process's; `launcher` runs
    /// it through another command (`taskset -c 0`); `user` runs it as that user (through
    /// setpriv: call `requireAnotherUser()` first).
    func run(
        _ arguments: [String], stdin: String? = nil, in directory: URL? = nil, githubActions: String? = nil,
        environment extra: [String: String] = [:], user: Int? = nil, launcher: [String] = []
    ) throws -> Result {
        let process = Process()
        let prefix = launcher + (user.map { ["/usr/bin/setpriv", "--reuid=\($0)", "--regid=\($0)", "--clear-groups"] } ?? [])
        process.executableURL = prefix.first.map { URL(fileURLWithPath: $0) } ?? Self.binary
        process.arguments = prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [Self.binary.path] + arguments
        process.currentDirectoryURL = directory ?? folder
        var environment = ProcessInfo.processInfo.environment
        environment["GITHUB_ACTIONS"] = githubActions
        process.environment = environment.merging(extra) { $1 }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Skips the test unless postlint can run as another user: as root with setpriv, and
    /// with the build folder reachable by others.
    func requireAnotherUser() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            throw XCTSkip("needs root and setpriv to run postlint as another user")
        }
        var ancestor = Self.binary.deletingLastPathComponent()
        while ancestor.path != "/" {
            guard access(ancestor.path, X_OK) == 0 else { throw XCTSkip("the build folder is not reachable by other users") }
            ancestor = ancestor.deletingLastPathComponent()
        }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
    }

    static let brokenPost = """
        import shot_0101_img0 from './asset/shot_0101_img0.png';
        import shot_0101_img1 from './asset/shot_0101_img1.png';
        import shot_0101_img1 from './asset/shot_0101_img2.png';

        # 새 글

        <img src={shot_0102_img0} />
        <img src={shot_0101_img1} />
        <img src={shot_0102_img2} />

        """


    /// Runs git in the test's folder.
    func git(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)")
    }
}

/// The command's output and exit codes.
final class CommandTests: CommandTestCase {
    func testLintReportsFindingsWithLocationsAndExitsOne() throws {
        try write("post.mdx", Self.brokenPost)
        let result = try run(["lint", "post.mdx"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("post.mdx:3:8: error[duplicate-import]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("post.mdx:7:11: error[undefined-identifier] 'shot_0102_img0'"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Found "), result.stdout)
    }

    func testFixRepairsTheFileAndASecondRunIsClean() throws {
        try write("post.mdx", Self.brokenPost)
        let fixed = try run(["lint", "--fix", "post.mdx"])
        XCTAssertEqual(fixed.status, 0, fixed.stdout + fixed.stderr)
        XCTAssertTrue(fixed.stdout.contains("post.mdx:3:8: fixed[duplicate-import] rename to 'shot_0101_img2'"), fixed.stdout)
        XCTAssertTrue(fixed.stdout.hasSuffix("Fixed 3 problems in 1 file. No problems remain in 1 file.\n"), "the summary says what was fixed: \(fixed.stdout)")
        let text = try read("post.mdx")
        XCTAssertTrue(text.contains("import shot_0101_img2 from './asset/shot_0101_img2.png';"))
        XCTAssertTrue(text.contains("<img src={shot_0101_img0} />\n<img src={shot_0101_img1} />\n<img src={shot_0101_img2} />"), text)
        let again = try run(["lint", "post.mdx"])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.contains("No problems found"), again.stdout)
    }

    func testDiffPreviewsAndWritesNothing() throws {
        try write("post.mdx", Self.brokenPost)
        let result = try run(["lint", "--diff", "post.mdx"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("-import shot_0101_img1 from './asset/shot_0101_img2.png';\n+import shot_0101_img2 from './asset/shot_0101_img2.png';"), result.stdout)
        XCTAssertTrue(result.stderr.contains("post.mdx:3:8: would fix[duplicate-import]"), "what the patch fixes is said on standard error: \(result.stderr)")
        XCTAssertFalse(result.stdout.contains("would fix"), "standard output is the patch alone")
        XCTAssertTrue(result.stderr.contains("Would fix 3 problems in 1 file. No problems would remain in 1 file."), result.stderr)
        XCTAssertEqual(try read("post.mdx"), Self.brokenPost)
    }

    /// The findings a patch would leave are placed on the file the patch is of: a removed
    /// import above them does not move them up a line.
    func testDiffPlacesWhatWouldRemainOnTheFileAsItIs() throws {
        try write("post.mdx", "import a from './asset/shot_0101_img0.png';\nimport b from './asset/shot_0101_img1.png';\n\nI recieve mail.\n\nThe hypotesis held.\n\n<img src={a} />\n")
        let result = try run(["lint", "--diff", "--unsafe-fixes", "--select", "unused-import,typo", "--no-cache", "post.mdx"])
        XCTAssertTrue(result.stdout.contains("-import b from"), result.stdout)
        let plain = try run(["lint", "--select", "unused-import,typo", "--no-cache", "post.mdx"])
        XCTAssertTrue(plain.stdout.contains("post.mdx:6:5: warning[typo] 'hypotesis'"), plain.stdout)
        let safeOnly = try run(["lint", "--diff", "--select", "unused-import,typo", "--no-cache", "post.mdx"])
        XCTAssertTrue(safeOnly.stderr.contains("post.mdx:2:8: warning[unused-import]"), safeOnly.stderr)
        XCTAssertTrue(safeOnly.stderr.contains("post.mdx:6:5: warning[typo] 'hypotesis'"), safeOnly.stderr)
        XCTAssertTrue(safeOnly.stderr.contains("post.mdx:4:3: would fix[typo]"), safeOnly.stderr)
    }

    /// `--diff > fix.patch` then `git apply fix.patch` gives what `--fix` writes, for CRLF
    /// lines, a byte order mark and a last line without a newline; the patch is alone on
    /// standard output.
    func testDiffIsAPatchGitApplies() throws {
        let files: [(String, [UInt8])] = [
            ("crlf.mdx", Array("import a from \"./a.png\";\r\nimport a from \"./b.png\";\r\n\r\nText.\r\n\r\n{a}\r\n".utf8)),
            ("bom.md", [0xEF, 0xBB, 0xBF] + Array("I recieve mail.\nSecond line.\n".utf8)),
            ("open.md", Array("First line.\nI recieve mail.".utf8)),
        ]
        try git(["init", "-q"])
        for (name, bytes) in files {
            try Data(bytes).write(to: folder.appendingPathComponent(name))
            try Data(bytes).write(to: folder.appendingPathComponent("fixed-" + name))
        }
        let diff = try run(["lint", "--diff", "--unsafe-fixes"] + files.map { "./" + $0.0 })
        XCTAssertEqual(diff.status, 1)
        XCTAssertTrue(diff.stdout.hasPrefix("--- a/"), diff.stdout)
        XCTAssertFalse(diff.stdout.contains("Found "), "the report goes to standard error")
        try Data(diff.stdout.utf8).write(to: folder.appendingPathComponent("fix.patch"))
        try git(["apply", "fix.patch"])
        _ = try run(["lint", "--fix", "--unsafe-fixes"] + files.map { "fixed-" + $0.0 })
        for (name, original) in files {
            let patched = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            XCTAssertNotEqual(patched, original, name)
            XCTAssertEqual(patched, Array(try Data(contentsOf: folder.appendingPathComponent("fixed-" + name))), name)
        }
    }

    func testStandardInputFixWritesTextToStdoutAndFindingsToStderr() throws {
        let result = try run(["lint", "--fix", "--stdin-filename", "post.mdx", "-"], stdin: Self.brokenPost)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("import shot_0101_img0"), result.stdout)
        XCTAssertTrue(result.stdout.contains("<img src={shot_0101_img2} />"))
        XCTAssertTrue(result.stderr.contains("fixed[duplicate-import]"), result.stderr)
    }

    func testJSONOutputHasTheDocumentedShape() throws {
        try write("post.mdx", Self.brokenPost)
        let result = try run(["lint", "--format", "json", "post.mdx"])
        XCTAssertEqual(result.status, 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(json?["version"] as? Int, 1)
        XCTAssertEqual(json?["files"] as? Int, 1)
        let diagnostics = try XCTUnwrap(json?["diagnostics"] as? [[String: Any]])
        let shape: Set<String> = ["path", "line", "column", "endLine", "endColumn", "rule", "severity", "message", "fixable"]
        for diagnostic in diagnostics {
            // `fixSafety` stands beside a fixable finding only.
            let fixable = try XCTUnwrap(diagnostic["fixable"] as? Bool)
            XCTAssertEqual(Set(diagnostic.keys), fixable ? shape.union(["fixSafety"]) : shape)
            if fixable { XCTAssertTrue(["safe", "unsafe"].contains(diagnostic["fixSafety"] as? String)) }
        }
        XCTAssertTrue(diagnostics.contains { $0["fixSafety"] as? String == "safe" }, result.stdout)
        XCTAssertTrue(diagnostics.contains { $0["fixable"] as? Bool == false }, result.stdout)
    }

    func testCRLFAndByteOrderMarkSurviveFix() throws {
        let crlf = Self.brokenPost.replacingOccurrences(of: "\n", with: "\r\n")
        try Data([0xEF, 0xBB, 0xBF] + Array(crlf.utf8)).write(to: folder.appendingPathComponent("post.mdx"))
        XCTAssertEqual(try run(["lint", "--fix", "post.mdx"]).status, 0)
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("post.mdx")))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every newline stays CRLF")
        XCTAssertTrue(text.contains("import shot_0101_img2"))
    }

    func testInvalidUTF8IsReportedAndNeverRewritten() throws {
        let bytes: [UInt8] = Array("# 제목\n".utf8) + [0xC7, 0xD1, 0xB1, 0xDB, 0x0A]  // "한글" in EUC-KR
        try Data(bytes).write(to: folder.appendingPathComponent("legacy.md"))
        let result = try run(["lint", "--fix", "legacy.md"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("legacy.md:2:1: error[invalid-encoding]"), result.stdout)
        XCTAssertEqual(Array(try Data(contentsOf: folder.appendingPathComponent("legacy.md"))), bytes)
    }

    func testALegacyEncodedPostIsConvertedOnlyWhenICUIsSure() throws {
        let post = String(repeating: "# 주말 여행\n\n첫날은 바닷가를 걸었다. 파도가 생각보다 높았고 바람이 불었다.\n\n", count: 8)
        var encoded = [CChar](repeating: 0, count: post.utf8.count * 2)
        let count = post.withCString { plicu_encode("EUC-KR", $0, Int32(post.utf8.count), &encoded, Int32(encoded.count)) }
        let bytes = encoded.prefix(Int(count)).map { UInt8(bitPattern: $0) }
        try Data(bytes).write(to: folder.appendingPathComponent("legacy.md"))
        let report = try run(["lint", "legacy.md"])
        XCTAssertEqual(report.status, 1)
        XCTAssertTrue(report.stdout.contains("--fix converts it from EUC-KR to UTF-8"), report.stdout)
        let fixed = try run(["lint", "--fix", "legacy.md"])
        XCTAssertEqual(fixed.status, 0, fixed.stdout + fixed.stderr)
        XCTAssertTrue(fixed.stdout.contains("fixed[invalid-encoding] converted from EUC-KR to UTF-8"), fixed.stdout)
        XCTAssertEqual(try read("legacy.md"), post)
    }

    /// A UTF-8 byte order mark before Latin-1 text (an editor added it) stays a byte order
    /// mark, whichever rules run: read as Latin-1 it was `ï»¿` before the front matter.
    func testAByteOrderMarkBeforeLegacyTextIsKept() throws {
        let post = "---\ntitle: T\n---\n\n" + String(repeating: "Le garçon est arrivé très tôt à l'école. Il a mangé une crêpe. Où est la bibliothèque? Près de la forêt.\n", count: 3)
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let latin1 = byteOrderMark + post.unicodeScalars.map { UInt8($0.value) }
        for rules in ["mojibake off", "default rules"] {
            if rules == "mojibake off" {
                try write(".postlint.yml", "rules:\n  mojibake: off\n")
            } else {
                try FileManager.default.removeItem(at: folder.appendingPathComponent(".postlint.yml"))
            }
            try Data(latin1).write(to: folder.appendingPathComponent("post.md"))
            let fixed = try run(["lint", "--fix", "post.md"])
            XCTAssertEqual(fixed.status, 0, fixed.stdout + fixed.stderr)
            let written = try Data(contentsOf: folder.appendingPathComponent("post.md"))
            XCTAssertEqual(Array(written), byteOrderMark + Array(post.utf8), rules)
        }
    }

    /// A post whose name is as long as a file name may be (80 Korean syllables) is fixed:
    /// the temporary file's name is cut to fit.
    func testAPostWithALongNameIsFixed() throws {
        let name = String(repeating: "가", count: 80) + ".md"
        try write(name, "I recieve mail.\n")
        let fixed = try run(["lint", "--fix", name])
        XCTAssertEqual(fixed.status, 0, fixed.stdout + fixed.stderr)
        XCTAssertEqual(try read(name), "I receive mail.\n")
    }

    /// Korean Windows saves CP949, which ICU names EUC-KR: `똠` and `뷁` are only in CP949.
    func testACP949PostIsConvertedAsCP949() throws {
        let post = String(repeating: "# 똠얌꿍 뷁\n\n오늘은 날씨가 좋아서 바닷가를 걸었다. 파도가 높았다.\n\n", count: 8)
        var encoded = [CChar](repeating: 0, count: post.utf8.count * 2)
        let count = post.withCString { plicu_encode("windows-949", $0, Int32(post.utf8.count), &encoded, Int32(encoded.count)) }
        try Data(encoded.prefix(Int(count)).map { UInt8(bitPattern: $0) }).write(to: folder.appendingPathComponent("legacy.md"))
        let fixed = try run(["lint", "--fix", "legacy.md"])
        XCTAssertTrue(fixed.stdout.contains("converted from windows-949 to UTF-8"), fixed.stdout)
        XCTAssertEqual(try read("legacy.md"), post)
    }

    /// UTF-16 holds 0D bytes in every CRLF and in characters (`č` is U+010D): no classic
    /// Mac OS line endings, and still reported and converted.
    func testAUTF16PostWithCRLFsIsNotTakenForClassicMacOS() throws {
        let post = "# Čeština\r\n\r\nTo je dobrý člověk.\r\n"
        try Data([0xFF, 0xFE] + Array(post.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: folder.appendingPathComponent("cs.md"))
        let report = try run(["lint", "cs.md"])
        XCTAssertEqual(report.status, 1, report.stdout + report.stderr)
        XCTAssertFalse(report.stderr.contains("CR alone"), report.stderr)
    }

    /// A post Windows saved as "Unicode" (UTF-16 with a byte order mark) is text, not binary.
    func testAUTF16PostIsReportedAndConverted() throws {
        // 가 is AC00, 一 4E00, 😀's low surrogate DE00: code units with a NUL half.
        let post = "---\ntitle: 안녕\n---\n\nText with 👍 and 한국어, 가방, 一, 😀.\r\n"
        // With a byte order mark, and without one (NUL bytes at one parity only: no binary).
        for (name, bom, littleEndian) in [
            ("le.md", [0xFF, 0xFE], true), ("be.md", [0xFE, 0xFF], false), ("le-unmarked.md", [], true), ("be-unmarked.md", [], false),
        ] as [(String, [UInt8], Bool)] {
            let units = post.utf16.flatMap { unit in littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            try Data(bom + units).write(to: folder.appendingPathComponent(name))
            let report = try run(["lint", name])
            XCTAssertEqual(report.status, 1)
            XCTAssertTrue(report.stdout.contains("\(name):1:1: error[invalid-encoding] not UTF-8: the file is UTF-16\(littleEndian ? "LE" : "BE")"), report.stdout)
            XCTAssertEqual(try run(["lint", "--fix", name]).status, 0)
            XCTAssertEqual(try read(name), post)
        }
        let ascii = "Plain ASCII text.\n".utf16.flatMap { [UInt8($0 & 0xFF), 0] }
        try Data(ascii).write(to: folder.appendingPathComponent("ascii.md"))
        XCTAssertTrue(try run(["lint", "ascii.md"]).stdout.contains("ascii.md:1:1: error[invalid-encoding] not UTF-8: the file is UTF-16LE without a byte order mark"))
        // A lone surrogate does not convert back exactly: reported, never rewritten.
        let broken: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x00, 0xD8, 0x0A, 0x00]
        try Data(broken).write(to: folder.appendingPathComponent("broken.md"))
        let result = try run(["lint", "--fix", "broken.md"])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertEqual(Array(try Data(contentsOf: folder.appendingPathComponent("broken.md"))), broken)
    }

    func testBinaryFilesAreSkippedWithANote() throws {
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]).write(to: folder.appendingPathComponent("image.md"))
        let result = try run(["lint", "image.md"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("image.md: skipped: binary file"), result.stderr)
        XCTAssertTrue(result.stdout.contains("No problems found in 1 file; 1 skipped."), result.stdout)
    }

    /// A file whose lines end in CR alone reads as one line: its front matter would be
    /// prose to the rules and to `--fix`. It is skipped, and never written.
    func testClassicMacLineEndingsAreSkippedWithANote() throws {
        // With one final line feed an editor added, too.
        for text in ["---\rtitle: \"I recieve\"\r---\r\rI recieve mail.\r", "---\rtitle: teh x\r---\r\rI recieve teh mail.\r\n"] {
            try write("old-mac.md", text)
            let result = try run(["lint", "--fix", "old-mac.md"])
            XCTAssertTrue(result.stdout.contains("No problems"), result.stdout)
            XCTAssertEqual(result.status, 0)
            XCTAssertTrue(result.stderr.contains("old-mac.md: skipped: its lines end in CR alone"), result.stderr)
            XCTAssertEqual(try read("old-mac.md"), text)
        }
    }

    /// Mistakes on the command line get a message that says what would be right.
    func testCommandLineMistakesSayWhatIsExpected() throws {
        let select = try run(["lint", "--select", "", "."])
        XCTAssertEqual(select.status, 2)
        XCTAssertTrue(select.stderr.contains("--select names no rule"), select.stderr)
        let output = try run(["lint", "--output", "bogus=report.txt", "."])
        XCTAssertNotEqual(output.status, 0)
        XCTAssertTrue(output.stderr.contains("unknown report format 'bogus' (expected one of: text, json, sarif, junit, checkstyle, github)"), output.stderr)
        let dash = try run(["lint", "--output", "sarif=-", "."])
        XCTAssertTrue(dash.stderr.contains("for standard output use --format sarif"), dash.stderr)
        let initialise = try run(["init", "--output", "no-such-folder/x.yml"])
        XCTAssertEqual(initialise.status, 2)
        XCTAssertTrue(initialise.stderr.hasPrefix("error: cannot write no-such-folder/x.yml: "), initialise.stderr)
        XCTAssertFalse(initialise.stderr.contains("NSError") || initialise.stderr.contains("UserInfo"), initialise.stderr)
        // MDX on standard input without a file name is linted as Markdown: said so.
        let piped = try run(["lint", "-"], stdin: Self.brokenPost)
        XCTAssertTrue(piped.stderr.contains("add --stdin-filename post.mdx to lint it as MDX"), piped.stderr)
        let markdown = try run(["lint", "-"], stdin: "# Setup\n\n```sh\nexport PATH=/x\n```\n\n```python\nimport os\n```\n")
        XCTAssertFalse(markdown.stderr.contains("--stdin-filename"), markdown.stderr)
        // Nothing to lint passes, but not silently.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = try run(["lint", "empty"])
        XCTAssertEqual(empty.status, 0)
        XCTAssertTrue(empty.stderr.contains("warning: no posts to lint in empty"), empty.stderr)
    }

    /// `--quiet` is errors only: fixing prints nothing when nothing is left.
    func testQuietFixPrintsOnlyErrors() throws {
        try write("post.md", "I recieve mail.\n")
        let result = try run(["lint", "--fix", "--quiet", "post.md"])
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout + result.stderr, "")
        XCTAssertEqual(try read("post.md"), "I receive mail.\n")
    }

    /// One file named twice is linted (and fixed) once.
    func testAFileNamedTwoWaysIsLintedOnce() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try write("sub/a.md", "I recieve mail daily.\n")
        let result = try run(["lint", "--fix", "sub", "./sub/a.md", "sub/../sub/a.md"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertFalse(result.stderr.contains("changed on disk"), result.stderr)
        XCTAssertTrue(result.stdout.contains("in 1 file"), result.stdout)
        XCTAssertEqual(try read("sub/a.md"), "I receive mail daily.\n")
    }

    /// A symbolic link to nothing is no post: a folder walk says so and leaves it out; named
    /// on the command line, the file cannot be read, which fails the run.
    func testADanglingLinkIsSkippedInAWalkAndFailsWhenNamed() throws {
        try write("good.md", "Fine text.\n")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling.md").path, withDestinationPath: "/nonexistent/post.md")
        let walked = try run(["lint", "."])
        XCTAssertEqual(walked.status, 0, walked.stderr)
        XCTAssertTrue(walked.stderr.contains("dangling.md: skipped: a symbolic link to '/nonexistent/post.md', which does not exist"), walked.stderr)
        XCTAssertTrue(walked.stdout.contains("No problems found in 1 file."), walked.stdout)
        let named = try run(["lint", "good.md", "dangling.md"])
        XCTAssertEqual(named.status, 2)
        XCTAssertTrue(named.stderr.contains("dangling.md"), named.stderr)
    }

    func testFolderWalkSkipsIgnoredFoldersAndSortsOutput() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("node_modules/pkg"), withIntermediateDirectories: true)
        try write("node_modules/pkg/readme.mdx", "{undefinedThing}\n")
        try write("b.mdx", "{second}\n")
        try write("a.mdx", "{first}\n")
        let result = try run(["lint", "."])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n").filter { $0.contains("[undefined-identifier]") }
        XCTAssertEqual(lines.map { String($0.prefix(5)) }, ["a.mdx", "b.mdx"])
    }

    func testUsageAndConfigurationErrorsExitTwo() throws {
        XCTAssertEqual(try run(["lint", "missing-folder"]).status, 2)
        XCTAssertEqual(try run(["lint", "--select", "no-such-rule", "."]).status, 2)
        try write(".postlint.yml", "rules:\n  duplicate-imports: off\n")
        let result = try run(["lint", "."])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains(".postlint.yml:2:3: configuration error: unknown rule 'duplicate-imports'"), result.stderr)
    }

    func testConfigurationTurnsRulesOffAndSelectNarrows() throws {
        try write("post.mdx", Self.brokenPost)
        try write(".postlint.yml", "rules:\n  undefined-identifier: off\n  duplicate-import: warning\n")
        let result = try run(["lint", "post.mdx"])
        XCTAssertEqual(result.status, 0, "only warnings remain")
        XCTAssertFalse(result.stdout.contains("undefined-identifier"))
        XCTAssertTrue(result.stdout.contains("warning[duplicate-import]"))
        let selected = try run(["lint", "--select", "unused-import", "post.mdx"])
        XCTAssertFalse(selected.stdout.contains("duplicate-import"), selected.stdout)
    }

    /// Docusaurus 3 compiles `.md` posts as MDX: the `mdx` globs read them so, imports and
    /// all, also when `--fix` checks its fixed text; other `.md` files stay Markdown.
    func testConfiguredMarkdownFilesAreReadAsMDX() throws {
        try write("post.md", Self.brokenPost)
        XCTAssertFalse(try run(["lint", "post.md"]).stdout.contains("duplicate-import"), "Markdown has no imports")
        try write(".postlint.yml", "mdx: [\"post.md\"]\n")
        let result = try run(["lint", "post.md"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("post.md:3:8: error[duplicate-import]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("error[undefined-identifier]"), result.stdout)
        XCTAssertEqual(try run(["lint", "--fix", "post.md"]).status, 0)
        let fixed = try String(contentsOf: folder.appendingPathComponent("post.md"), encoding: .utf8)
        XCTAssertTrue(fixed.contains("import shot_0101_img2 from './asset/shot_0101_img2.png';"), fixed)
        try write(".postlint.yml", "mdx: [{post: md}]\n")
        XCTAssertEqual(try run(["lint", "post.md"]).status, 2, "globs are strings")
    }

    /// One configuration applies to a run: another `.postlint.yml` a folder walk passes is
    /// said not to be read, and a run of its folder reads it.
    func testAConfigurationInASubfolderIsSaidNotToBeRead() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("blog"), withIntermediateDirectories: true)
        try write(".postlint.yml", "rules:\n  typo: off\n")
        try write("blog/.postlint.yml", "rules:\n  duplicate-import: warning\n")
        try write("blog/post.mdx", Self.brokenPost)
        let root = try run(["lint", "."])
        XCTAssertTrue(root.stderr.contains("note: blog/.postlint.yml is not read: one configuration applies to a run"), root.stderr)
        XCTAssertTrue(root.stdout.contains("error[duplicate-import]"), root.stdout)
        let own = try run(["lint", "blog"])
        XCTAssertFalse(own.stderr.contains("is not read"), own.stderr)
        XCTAssertTrue(own.stdout.contains("warning[duplicate-import]"), own.stdout)
    }

    func testTimingsGoToStandardErrorAndLeaveTheFindingsAlone() throws {
        try write("post.mdx", Self.brokenPost)
        let plain = try run(["lint", "post.mdx"])
        let timed = try run(["lint", "--timings", "post.mdx"])
        XCTAssertEqual(timed.status, plain.status)
        XCTAssertEqual(timed.stdout, plain.stdout)
        let rows = timed.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(rows.first?.hasPrefix("rule or phase") == true, timed.stderr)
        XCTAssertTrue(rows.contains { $0.hasPrefix("duplicate-import ") }, timed.stderr)
        XCTAssertTrue(rows.contains { $0.hasPrefix("(read, decode and parse) ") }, timed.stderr)
        XCTAssertTrue(rows.last?.hasPrefix("total ") == true, timed.stderr)
        XCTAssertFalse(try run(["lint", "post.mdx"]).stderr.contains("CPU seconds"))
    }

    /// `--ignore a --ignore b` ignores both (an earlier build silently kept only the last).
    func testRepeatedSelectAndIgnoreAccumulate() throws {
        try write("post.mdx", Self.brokenPost)
        let all = try run(["lint", "post.mdx"])
        XCTAssertTrue(all.stdout.contains("[duplicate-import]") && all.stdout.contains("[undefined-identifier]"), all.stdout)
        let ignored = try run(["lint", "--ignore", "duplicate-import", "--ignore", "undefined-identifier", "post.mdx"])
        XCTAssertFalse(ignored.stdout.contains("[duplicate-import]"), ignored.stdout)
        XCTAssertFalse(ignored.stdout.contains("[undefined-identifier]"), ignored.stdout)
        let selected = try run(["lint", "--select", "duplicate-import", "--select", "undefined-identifier", "post.mdx"])
        XCTAssertTrue(selected.stdout.contains("[duplicate-import]"), selected.stdout)
        XCTAssertTrue(selected.stdout.contains("[undefined-identifier]"), selected.stdout)
    }

    func testRulesAndExplain() throws {
        let rules = try run(["rules"])
        XCTAssertEqual(rules.status, 0)
        XCTAssertTrue(rules.stdout.contains("duplicate-import"))
        let explain = try run(["explain", "undefined-identifier"])
        XCTAssertTrue(explain.stdout.contains("Fix: safe"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("↓"))
        let unknown = try run(["explain", "nope"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown rule 'nope'"), unknown.stderr)
        XCTAssertEqual(try run(["--help"]).status, 0)
    }
}
