import XCTest

@testable import PostLint

/// The cheap-hash table against Swift's Dictionary on the same insertions and look-ups.
final class CheapHashTableTests: XCTestCase {
    /// A key whose hash collides often (only 64 values), so probing and growth are exercised.
    private struct CollidingKey: CheapHashable {
        let value: Int
        var cheapHash: UInt64 { UInt64(value % 64) }
    }

    func testAgreesWithADictionary() {
        var table = CheapHashTable<CollidingKey, Int>()
        var reference: [Int: Int] = [:]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let key = Int.random(in: 0..<1500, using: &generator)
            table.update(CollidingKey(value: key), initial: 0) { $0 += key }
            reference[key, default: 0] += key
        }
        XCTAssertEqual(table.count, reference.count)
        for key in 0..<1600 { XCTAssertEqual(table[CollidingKey(value: key)], reference[key], "\(key)") }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: table.elements.map { ($0.value, $1) }), reference)
    }

    func testWordKeysOfEveryLengthStayDistinct() {
        var table = CheapHashTable<Vocabulary.WordBytes, Int>()
        let words = ["a", "ab", "abcdefgh", "abcdefghi", "abcdefghijklmnop", "abcdefghijklmnopq", "데이터셋", "데이터셑"]
        for (index, word) in words.enumerated() { table.update(Vocabulary.WordBytes(bytes: Array(word.utf8)), initial: index) { _ in } }
        for (index, word) in words.enumerated() { XCTAssertEqual(table[Vocabulary.WordBytes(bytes: Array(word.utf8))], index, word) }
        XCTAssertNil(table[Vocabulary.WordBytes(bytes: Array("abcdefghijklmnopr".utf8))])
    }
}
