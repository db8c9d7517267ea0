import XCTest

@testable import PostLint

/// The byte-level prefilters of the encoding rules decide from bytes what the rules'
/// full paths decide from decoded characters; these tests hold them to the same answer
/// for every character of the Basic Multilingual Plane and the first supplementary one.
final class EncodingPrefilterTests: XCTestCase {
    private let scalars = (UInt32(0)...0x1FFFF).compactMap(Unicode.Scalar.init)

    func testInvisiblePrefilterFlagsExactlyTheReportedCharacters() {
        for scalar in scalars {
            let bytes = Array("a\(Character(scalar))b".utf8)
            XCTAssertEqual(
                InvisibleCharacterRule.mayContainInvisible(bytes), InvisibleCharacterRule.Kind(scalar.value) != nil,
                String(format: "U+%04X", scalar.value))
        }
        XCTAssertFalse(InvisibleCharacterRule.mayContainInvisible(Array("“quoted” — text… ‘x’".utf8)))
    }

    func testNormalizationPrefilterAgreesWithTheSegmentSearch() {
        for scalar in scalars {
            let bytes = Array("a\(Character(scalar))b".utf8)
            XCTAssertEqual(
                UnicodeNormalizationRule.mayChangeUnderNFC(bytes),
                !UnicodeNormalizationRule.unnormalizedSegments(bytes).isEmpty, String(format: "U+%04X", scalar.value))
        }
        XCTAssertFalse(UnicodeNormalizationRule.mayChangeUnderNFC(Array("한국어 문장, café, 日本語".utf8)))
        XCTAssertTrue(UnicodeNormalizationRule.mayChangeUnderNFC(Array("한국어".decomposedStringWithCanonicalMapping.utf8)))
    }
}
