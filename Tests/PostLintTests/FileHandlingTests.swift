import CXattr
import Foundation
import XCTest

/// End-to-end tests of how `lint` finds, reads and writes files.
final class FileHandlingTests: CommandTestCase {
    static let typo = "I recieve mail.\n"
    static let fixedTypo = "I receive mail.\n"

    func testFixKeepsTheOwnerGroupAndExtendedAttributes() throws {
        try write("a.md", Self.typo)
        let path = folder.appendingPathComponent("a.md").path
        let hasAttribute = setxattr(path, "user.postlint-test", "kept", 4, 0) == 0
        if getuid() == 0 { XCTAssertEqual(chown(path, 65534, 65534), 0) }
        guard getuid() == 0 || hasAttribute else { throw XCTSkip("needs root or a file system with user attributes") }
        let result = try run(["lint", "--fix", "a.md"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try read("a.md"), Self.fixedTypo)
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0)
        if getuid() == 0 {
            XCTAssertEqual([status.st_uid, status.st_gid], [65534, 65534], "root's fix does not hand the file to root")
        }
        if hasAttribute {
            var value = [UInt8](repeating: 0, count: 16)
            let count = getxattr(path, "user.postlint-test", &value, value.count)
            XCTAssertEqual(String(decoding: value.prefix(max(count, 0)), as: UTF8.self), "kept")
        }
    }

    func testFixLeavesAFileWithHardLinksAlone() throws {
        try write("a.md", Self.typo)
        XCTAssertEqual(Glibc.link(folder.appendingPathComponent("a.md").path, folder.appendingPathComponent("other-name.md").path), 0)
        let result = try run(["lint", "--fix", "a.md"])
        XCTAssertEqual(result.status, 2, result.stdout)
        XCTAssertTrue(result.stderr.contains("a.md: error: not written: the file has 2 hard links; fixing would split them"), result.stderr)
        XCTAssertEqual(try read("a.md"), Self.typo)
        XCTAssertEqual(try read("other-name.md"), Self.typo)
    }
}
