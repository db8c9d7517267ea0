import Foundation
import XCTest

@testable import PostLint

/// The mojibake model's character costs, loaded into flat tables, against the same costs
/// computed the plain way (a dictionary per language tag) from the shipped count files.
final class ModelCostsTests: XCTestCase {
    func testFlatCostsAreTheDictionaryCosts() {
        for path in ["encoding/cjk-frequencies.txt", "encoding/letter-frequencies.txt"] {
            let loaded = CharacterCosts(path: path)
            let reference = Reference(path: path)
            XCTAssertFalse(reference.costs.isEmpty, path)
            let scalars = reference.costs.keys
            for scalar in (scalars.min()! - 2)...(scalars.max()! + 2) {
                XCTAssertEqual(loaded.cost(scalar, after: nil), reference.costs[scalar], "\(path) U+\(String(scalar, radix: 16))")
            }
            for (first, second, cost) in reference.pairs {
                XCTAssertEqual(loaded.cost(second, after: first), cost, "\(path) pair")
            }
        }
    }

    /// The costs as first written: dictionaries per tag, then per character.
    private struct Reference {
        var costs: [UInt32: Double] = [:]
        var pairs: [(UInt32, UInt32, Double)] = []

        init(path: String) {
            var counts: [UInt8: [UInt32: Double]] = [:]
            var pairCounts: [(UInt32, UInt32, Double)] = []
            ModelFile.forEachEntry(path) { entry in
                if entry.tag == UInt8(ascii: "P"), let second = entry.second {
                    pairCounts.append((entry.first, second, entry.count))
                } else if entry.second == nil {
                    counts[entry.tag, default: [:]][entry.first] = entry.count
                }
            }
            var combined: [UInt32: Double] = [:]
            for table in counts.values {
                let total = table.values.reduce(0, +)
                for (scalar, count) in table {
                    costs[scalar] = min(costs[scalar] ?? .infinity, -log((count + 0.5) / total))
                    combined[scalar, default: 0] += count
                }
            }
            for (first, second, count) in pairCounts {
                guard let context = combined[first], let unigram = costs[second] else { continue }
                let conditional = min(1, count / context)
                pairs.append((first, second, -log(
                    RepairLanguageModel.pairWeight * conditional + (1 - RepairLanguageModel.pairWeight) * exp(-unigram))))
            }
        }
    }
}
