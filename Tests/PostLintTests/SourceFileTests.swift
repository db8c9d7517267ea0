import XCTest

@testable import PostLint

final class SourceFileTests: XCTestCase {
    func testRecordsByteOrderMarkAndStripsItFromTheText() {
        let source = SourceFile(path: "a.md", bytes: SourceFile.byteOrderMark + Array("# 제목\n".utf8))
        XCTAssertTrue(source.hasByteOrderMark)
        XCTAssertEqual(source.text, "# 제목\n")
        XCTAssertEqual(source.bytes(forText: "x\n"), SourceFile.byteOrderMark + Array("x\n".utf8))
    }

    func testDetectsNewlineStyles() {
        XCTAssertEqual(SourceFile(path: "a", text: "a\nb\n").newlineStyle, .lf)
        XCTAssertEqual(SourceFile(path: "a", text: "a\r\nb\r\n").newlineStyle, .crlf)
        XCTAssertEqual(SourceFile(path: "a", text: "a\r\nb\n").newlineStyle, .mixed)
        XCTAssertEqual(SourceFile(path: "a", text: "no newline").newlineStyle, .none)
    }

    func testRejectsMalformedUTF8WhereItStarts() {
        let cases: [([UInt8], Int?)] = [
            (Array("plain ascii".utf8), nil),
            (Array("한글 ok".utf8), nil),
            ([0x61, 0xC0, 0xAF], 1),  // overlong '/'
            ([0x61, 0x62, 0xED, 0xA0, 0x80], 2),  // encoded surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // past U+10FFFF
            ([0x61, 0xEA, 0xB0], 1),  // truncated
            ([0xB0, 0xA1], 0),  // stray continuation (EUC-KR '가')
        ]
        for (bytes, expected) in cases {
            XCTAssertEqual(SourceFile(path: "a", bytes: bytes).firstInvalidUTF8Offset, expected, "\(bytes)")
        }
        XCTAssertNil(SourceFile(path: "a", bytes: [0x61, 0xFF]).text)
    }

    func testOffsetsAreCountedAfterTheByteOrderMark() {
        let source = SourceFile(path: "a", bytes: SourceFile.byteOrderMark + [0x61, 0xFF])
        XCTAssertEqual(source.firstInvalidUTF8Offset, 4)
    }

    func testNulBytesMarkABinaryFile() {
        XCTAssertTrue(SourceFile(path: "a.png", bytes: [0x89, 0x50, 0x00, 0x01]).isBinary)
        XCTAssertFalse(SourceFile(path: "a.md", text: "text").isBinary)
    }

    func testLineIndexCountsColumnsInScalars() {
        let text = "ab\n한글😀x\r\nend"
        let index = LineIndex(utf8: Array(text.utf8))
        XCTAssertEqual(index.lineCount, 3)
        let xOffset = Array(text.utf8).firstIndex(of: UInt8(ascii: "x"))!
        XCTAssertEqual(index.position(at: xOffset), LineIndex.Position(line: 2, column: 4))
        XCTAssertEqual(String(decoding: Array(text.utf8)[index.contentRange(ofLine: 1)], as: UTF8.self), "한글😀x")
    }
}
