import Foundation
import XCTest

/// Whatever a blog repository holds, postlint ends with a clear message, the documented
/// exit code, and no file modified unless its fix was safe.
final class BadInputCommandTests: CommandTestCase {
    private func writeBytes(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: folder.appendingPathComponent(name))
    }

    private func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// Lints and fixes the file; returns both results and checks nothing crashed.
    @discardableResult
    private func survive(_ name: String, _ contents: [UInt8], expectUnchanged: Bool = true) throws -> Result {
        try writeBytes(name, contents)
        let report = try run(["lint", name])
        XCTAssertTrue([0, 1].contains(report.status), "\(name): exit \(report.status) \(report.stderr)")
        let fixed = try run(["lint", "--fix", name])
        XCTAssertTrue([0, 1].contains(fixed.status), "\(name) --fix: exit \(fixed.status) \(fixed.stderr)")
        if expectUnchanged { XCTAssertEqual(try bytes(name), contents, "\(name) was modified") }
        return report
    }

    func testEdgeFilesNeverCrash() throws {
        try survive("empty.md", [])
        try survive("bom-only.md", [0xEF, 0xBB, 0xBF])
        try survive("newlines.mdx", Array("\n\n\r\n\n".utf8))
        try survive("front-matter-open.md", Array("---\ntitle: never closed\n\nbody\n".utf8))
        try survive("fence-open.mdx", Array("```js\nimport a from './a.png';\n{a}\n".utf8))
        try survive("jsx-open.mdx", Array("<div style={{a: 1}\n\n<img src={x\n".utf8))
        try survive("brace-open.mdx", Array("text { never closed\n\nmore {\n".utf8))
        try survive("bad-yaml.md", Array("---\ntitle: [unclosed\n  - : :\n---\nbody\n".utf8))
        try survive("controls.md", Array("a\u{0001}b\u{007F}c\u{0085}\n".utf8))
    }

    func testInvalidUTF8FormsAreReportedNotRewritten() throws {
        for (name, contents) in [
            ("overlong.md", Array("ok ".utf8) + [0xC0, 0xAF, 0x0A]),
            ("surrogate.md", Array("ok ".utf8) + [0xED, 0xA0, 0x80, 0x0A]),
            ("truncated.md", Array("끝".utf8).dropLast() + [0x0A]),
            ("latin1.md", [0x63, 0x61, 0x66, 0xE9, 0x0A]),
        ] as [(String, [UInt8])] {
            let result = try survive(name, contents)
            XCTAssertTrue(result.stdout.contains("error[invalid-encoding]"), "\(name): \(result.stdout)")
            XCTAssertEqual(result.status, 1)
        }
    }

    /// A UTF-8 post with one line pasted from a Latin-1 file converts "exactly" as Latin-1,
    /// which would garble its UTF-8 characters (in code, where mojibake repair never goes).
    func testAUTF8PostWithAStrayByteIsNotConvertedAsAWhole() throws {
        let contents = Array("# Notes\n\nPlain prose.\n\n```\nprint(\"café\")\n```\n\nA Latin-1 line: caf".utf8) + [0xE9] + Array(".\n".utf8)
        let result = try survive("stray.md", contents)
        XCTAssertTrue(result.stdout.contains("stray.md:9:20: error[invalid-encoding]"), result.stdout)
        XCTAssertTrue(result.stdout.contains("1 byte does not form UTF-8 where 1 character does, so the file is not converted as a whole"), result.stdout)
        XCTAssertFalse(result.stdout.contains("--fix converts"), result.stdout)
        // One arrow (three bytes, never formed by chance) outweighs five pasted Latin-1 letters.
        let arrow = Array("```\nprint(\"a → b\")\n```\n\nPasted: ".utf8) + [0xE9, 0x74, 0xE9, 0x20, 0xE0, 0x20, 0x4E, 0x6F, 0xEB, 0x6C, 0x20, 0xF4] + Array("\n".utf8)
        XCTAssertTrue(try survive("arrow.md", arrow).stdout.contains("5 bytes do not form UTF-8 where 1 character does"))
    }

    func testDeepNestingStaysBounded() throws {
        let lists = (0..<1000).map { String(repeating: "  ", count: $0) + "- item" }.joined(separator: "\n")
        try survive("lists.md", Array(lists.utf8))
        try survive("quotes.md", Array((String(repeating: ">", count: 10_000) + " deep\n").utf8))
        let jsx = String(repeating: "<div>", count: 2000) + "{x}" + String(repeating: "</div>", count: 2000) + "\n"
        try survive("jsx.mdx", Array(jsx.utf8), expectUnchanged: true)
        try survive("braces.mdx", Array((String(repeating: "{", count: 5000) + String(repeating: "}", count: 5000)).utf8))
    }

    /// Debug-build sizes; `scripts/test-large-inputs` runs the release build on a 100 MB
    /// line and a million lines.
    func testLargeInputs() throws {
        let longLine = String(repeating: "긴 줄의 텍스트 long line text ", count: 40_000) + "\n"  // about 1.4 MB
        try survive("one-line.md", Array(longLine.utf8))
        let manyLines = String(repeating: "short line\n", count: 50_000)
        try survive("many-lines.md", Array(manyLines.utf8))
    }

    func testThousandsOfFilesAreAllLintedInOrder() throws {
        let count = 2000
        for index in 0..<count {
            try write(String(format: "post-%04d.mdx", index), "{missing\(index)}\n")
        }
        let result = try run(["lint", "--format", "json", "."])
        XCTAssertEqual(result.status, 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let paths = (json?["diagnostics"] as? [[String: Any]])?.compactMap { $0["path"] as? String } ?? []
        XCTAssertEqual(paths.count, count)
        XCTAssertEqual(paths, paths.sorted())
    }

    func testOutputIsDeterministic() throws {
        for index in 0..<50 { try write("p\(index).mdx", "{a\(index)}\n{b\(index)}\n") }
        let first = try run(["lint", "."])
        let second = try run(["lint", "."])
        XCTAssertEqual(first.stdout, second.stdout)
    }

    func testSymlinkLoopsAndStrangeNamesDoNotStopTheRun() throws {
        let loop = folder.appendingPathComponent("loop")
        try FileManager.default.createDirectory(at: loop, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: loop.appendingPathComponent("again").path, withDestinationPath: loop.path)
        let oddName = folder.path + "/caf\u{00E9} \u{D55C}.mdx"
        try Data("{odd}\n".utf8).write(to: URL(fileURLWithPath: oddName))
        let rawName = folder.path.utf8CString.dropLast() + Array("/raw-".utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), 0x2E, 0x6D, 0x64, 0]
        let descriptor = rawName.withUnsafeBufferPointer { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        close(descriptor)
        try write("normal.mdx", "{normal}\n")
        let result = try run(["lint", "."])
        XCTAssertEqual(result.status, 2, "a file that cannot be read is an I/O failure")
        XCTAssertTrue(result.stderr.contains("its name is not valid UTF-8"), result.stderr)
        XCTAssertTrue(result.stdout.contains("normal.mdx"), "the other files are still linted: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("'odd'"), result.stdout)
    }

    func testFixLeavesReadOnlyFilesAndOutsideLinksAlone() throws {
        try write("locked.mdx", Self.brokenPost)
        let locked = folder.appendingPathComponent("locked.mdx").path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: locked)
        let result = try run(["lint", "--fix", "locked.mdx"])
        XCTAssertEqual(result.stderr, "locked.mdx: error: not written: it is read-only\n")
        XCTAssertEqual(result.status, 2, "a file --fix could not write is an I/O failure")
        XCTAssertEqual(try read("locked.mdx"), Self.brokenPost)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: locked)[.posixPermissions] as? Int, 0o444)

        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("postlint-outside-\(UUID()).mdx")
        try Data(Self.brokenPost.utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.mdx").path, withDestinationPath: outside.path)
        let linked = try run(["lint", "--fix", "link.mdx"])
        XCTAssertTrue(linked.stderr.contains("outside the linted tree"), linked.stderr)
        XCTAssertEqual(String(decoding: try Data(contentsOf: outside), as: UTF8.self), Self.brokenPost)

        let inside = folder.appendingPathComponent("target.mdx")
        try Data(Self.brokenPost.utf8).write(to: inside)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("inner-link.mdx").path, withDestinationPath: inside.path)
        XCTAssertEqual(try run(["lint", "--fix", "inner-link.mdx"]).status, 0)
        XCTAssertNotEqual(try read("target.mdx"), Self.brokenPost, "a link inside the tree is fixed at its target")
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("inner-link.mdx").path)
        XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeSymbolicLink, "the link stays a link")
    }

    func testACrashBetweenWriteAndRenameLeavesTheOriginal() throws {
        try write("post.mdx", Self.brokenPost)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["lint", "--fix", "post.mdx"]
        process.currentDirectoryURL = folder
        process.environment = ["POSTLINT_TEST_STALL_BEFORE_RENAME": "30"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var temporary: [String] = []
        while temporary.isEmpty, Date() < deadline {
            usleep(50_000)
            temporary = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".postlint-") }
        }
        XCTAssertFalse(temporary.isEmpty, "the temporary file never appeared")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(try read("post.mdx"), Self.brokenPost, "the original is intact after a crash")
    }

    /// As root nothing is unreadable, so the run drops to the `nobody` user with setpriv.
    func testUnreadableFilesAndFoldersAreReportedAndTheRestLinted() throws {
        try requireAnotherUser()
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        try write("open.mdx", "{visible}\n")
        try write("secret.mdx", "{hidden}\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder.appendingPathComponent("secret.mdx").path)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("locked"), withIntermediateDirectories: true)
        try write("locked/inside.mdx", "{inside}\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.appendingPathComponent("locked").path)
        let result = try run(["lint", "--no-cache", "."], user: 65534)
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("'visible'"), result.stdout)
        XCTAssertTrue(result.stderr.contains("secret.mdx: error: cannot read the file"), result.stderr)
        XCTAssertTrue(result.stderr.contains("locked: error: cannot read the folder"), result.stderr)
    }

    func testOneAndTwoThreadsGiveTheSameOutput() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/taskset") else { throw XCTSkip("needs taskset") }
        for index in 0..<40 { try write("p\(index).mdx", Self.brokenPost + "{extra\(index)}\n") }
        let both = try run(["lint", "--no-cache", "--format", "json", "."])
        let single = try run(["lint", "--no-cache", "--format", "json", "."], launcher: ["/usr/bin/taskset", "-c", "0"])
        XCTAssertEqual(single.stdout, both.stdout)
    }

    func testAFileThatVanishesIsReportedAndTheRestLinted() throws {
        try write("present.mdx", "{here}\n")
        let result = try run(["lint", "present.mdx", "gone.mdx"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("gone.mdx: no such file or folder"), result.stderr)
    }
}
