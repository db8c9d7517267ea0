import Foundation
import XCTest

@testable import PostLint

/// The East Asian repair encodes one character at a time with ICU (the fast path); the
/// simple path inverts the code page's whole decoding table. Both must give the same bytes
/// for every character, or a repair could differ. Run with
/// `POSTLINT_UPDATE_MOJIBAKE_DATA=1` to rewrite `Rules/encoding/double-byte-duplicates.txt`
/// (the characters where ICU's own encoding is not the table's) after an ICU upgrade.
final class DoubleByteMojibakeTableTests: XCTestCase {
    func testPerCharacterEncodingMatchesTheWholeTable() throws {
        var duplicates: [String] = []
        for page in DoubleByteCodePage.all {
            let table = page.table()
            XCTAssertGreaterThan(table.count, 7000, page.icuName)
            XCTAssertTrue(table.keys.allSatisfy { $0 < 0x10000 }, "\(page.icuName) decodes to a supplementary character")
            let ownEncoding = DoubleByteEncoder(page: page, ignoringDuplicates: true)
            for scalar in UInt32(0x80)..<0x10000 where table[scalar] != ownEncoding.bytes(of: scalar) {
                duplicates.append(String(format: "%@ %04X %04X", page.icuName, scalar, table[scalar] ?? 0))
            }
            if ProcessInfo.processInfo.environment["POSTLINT_UPDATE_MOJIBAKE_DATA"] != nil { continue }
            let encoder = DoubleByteEncoder(page: page)
            for scalar in UInt32(0x80)..<0x10000 where table[scalar] != encoder.bytes(of: scalar) {
                XCTFail(String(format: "%@ U+%04X: table %04X, encoder %04X", page.icuName, scalar, table[scalar] ?? 0, encoder.bytes(of: scalar) ?? 0))
                break
            }
            for scalar: UInt32 in [0x1F44D, 0x1F600] { XCTAssertNil(encoder.bytes(of: scalar)) }
        }
        if ProcessInfo.processInfo.environment["POSTLINT_UPDATE_MOJIBAKE_DATA"] != nil {
            let header = """
                # Characters an East Asian code page decodes from two byte forms, where the mojibake rule must
                # use the form UTF-8 can hold rather than ICU's own encoding: code page, character, bytes (hex).
                # Written by DoubleByteMojibakeTableTests (POSTLINT_UPDATE_MOJIBAKE_DATA=1); do not edit.

                """
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Rules/encoding/double-byte-duplicates.txt")
            try (header + duplicates.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
    }
}
