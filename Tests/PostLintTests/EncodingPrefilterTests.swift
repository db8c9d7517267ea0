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

    /// Characters NFC swaps for another (a CJK compatibility ideograph, the ohm sign) stay
    /// as written when decomposed text beside them is composed.
    func testComposingKeepsSingletonsBesideIt() {
        let text = "Hanja \u{F900}\u{1100}\u{1161} and 5\u{2126}e\u{301}\n"
        XCTAssertEqual(
            Array(TestSupport.fixed(text, fileName: "post.md", rules: ["unicode-normalization"]).unicodeScalars),
            Array("Hanja \u{F900}\u{AC00} and 5\u{2126}\u{E9}\n".unicodeScalars))
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
