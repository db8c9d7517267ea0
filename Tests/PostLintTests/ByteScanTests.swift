import XCTest

@testable import PostLint

/// The byte scans that let encoding rules skip a post agree with the character-by-character
/// questions they stand in for, on random text mixing every kind of character they care about.
final class ByteScanTests: XCTestCase {
    private static let alphabet: [String] = [
        "a", " ", "가", "힣", "中", "é", "Ã", "©", "€", "‘", "—", "Ð", "ì", "ž", "\u{85}", "\u{9D}", "\u{A0}",
        "\u{200B}", "\u{202E}", "\u{2066}", "\u{FEFF}", "\u{FF0C}", "\u{F8FF}", "👍", "\u{1100}", "\u{301}",
    ]

    private func randomTexts(_ count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in Self.alphabet.randomElement(using: &generator)! }.joined()
        }
    }

    func testInvisibleCharacterScanAgreesWithTheCharacters() {
        var found = 0
        for text in randomTexts(3000) {
            let expected = text.unicodeScalars.contains { scalar in
                (0x80...0x9F).contains(scalar.value) || [0x200B, 0xFEFF].contains(scalar.value)
                    || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            }
            XCTAssertEqual(InvisibleCharacterRule.mayContainInvisible(Array(text.utf8)), expected, text.debugDescription)
            if expected { found += 1 }
        }
        XCTAssertGreaterThan(found, 500)
    }

    func testMojibakeLineScanAgreesWithTheCharacters() {
        var found = 0
        for text in randomTexts(3000) {
            let scalars = text.unicodeScalars.map(\.value)
            let expected = zip(scalars, scalars.dropFirst()).contains { first, second in
                SingleByteCodePage.isMarked(first, in: SingleByteCodePage.leadCharacters)
                    && SingleByteCodePage.isMarked(second, in: SingleByteCodePage.continuationCharacters)
            }
            let bytes = Array(text.utf8)
            XCTAssertEqual(MojibakeRepair.mayHoldMojibake(bytes, 0..<bytes.count), expected, text.debugDescription)
            if expected { found += 1 }
        }
        XCTAssertGreaterThan(found, 300)
    }

    func testWrappedTitleScanCountsStarPairs() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let line = Array((0..<Int.random(in: 0...12, using: &generator)).map { _ in ["*", "a", " ", "-"].randomElement(using: &generator)! }.joined().utf8)
            var pairs = 0
            var index = 0
            while index + 1 < line.count {
                if line[index] == UInt8(ascii: "*"), line[index + 1] == UInt8(ascii: "*") { pairs += 1; index += 2 } else { index += 1 }
            }
            let banner = line.count >= 4 && line[3] == 0x20 && (line[0] == UInt8(ascii: "-") || line[0] == UInt8(ascii: "=")) && line[1] == line[0] && line[2] == line[0]
            XCTAssertEqual(WrappedTitleRule.mayOpen(line[...]), banner || pairs % 2 == 1, String(decoding: line, as: UTF8.self))
        }
    }
}
