import Foundation

/// The Korean syllable counts (`Rules/encoding/korean-syllables.txt`): how often each
/// syllable occurs, and each pair of syllables in a row (with `^`/`$` for a word's start
/// and end, stored as `RepairLanguageModel.boundary`).
struct KoreanSyllableCounts: Sendable {
    /// Count per syllable (U+AC00...U+D7A3), or -1 for a syllable the counts never saw.
    private let syllables: [Double]
    private let pairs: PairTable
    /// All syllable tokens counted.
    let total: Double

    init() {
        var syllables = [Double](repeating: -1, count: 0xD7A4 - 0xAC00)
        var pairs = PairTable(capacity: 30_000)
        ModelFile.forEachEntry("encoding/korean-syllables.txt") { entry in
            func value(_ scalar: UInt32) -> UInt32 {
                scalar == 0x5E || scalar == 0x24 ? RepairLanguageModel.boundary : scalar
            }
            if entry.tag == UInt8(ascii: "U"), entry.second == nil, RepairLanguageModel.isHangulSyllable(entry.first) {
                syllables[Int(entry.first - 0xAC00)] = entry.count
            } else if entry.tag == UInt8(ascii: "B"), let second = entry.second {
                pairs.append(value(entry.first), value(second), entry.count)
            }
        }
        pairs.finish()
        self.syllables = syllables
        self.pairs = pairs
        total = max(1, syllables.reduce(0) { $0 + max($1, 0) })
    }

    /// How often the syllable occurs; nil when never seen (or not a syllable).
    @inline(__always)
    func count(of scalar: UInt32) -> Double? {
        guard RepairLanguageModel.isHangulSyllable(scalar) else { return nil }
        let count = syllables[Int(scalar - 0xAC00)]
        return count < 0 ? nil : count
    }

    /// How often `second` follows `first` (either may be the boundary); 0 when never seen.
    func pairCount(_ first: UInt32, _ second: UInt32) -> Double {
        pairs.value(first, second) ?? 0
    }
}

/// Character costs from one file of counts per language (`J`, `Z`, `R`, ... tags) and pair
/// counts (`P`): each character's cost under the language that finds it likelier, and per
/// known pair the cost of the second character after the first, mixed with its own
/// frequency as for Korean syllables.
struct CharacterCosts: Sendable {
    /// Costs of the characters from `base` on, NaN where the counts have none.
    private let base: UInt32
    private let costs: [Double]
    private let pairs: PairTable

    init(path: String) {
        var entries: [(tag: UInt8, scalar: UInt32, count: Double)] = []
        var pairCounts: [(UInt32, UInt32, Double)] = []
        ModelFile.forEachEntry(path) { entry in
            if entry.tag == UInt8(ascii: "P"), let second = entry.second {
                pairCounts.append((entry.first, second, entry.count))
            } else if entry.second == nil {
                entries.append((entry.tag, entry.first, entry.count))
            }
        }
        // Flat tables from the lowest character to the highest, not dictionaries: loading
        // is in the middle of a lint run (a clean Chinese post loads these costs), and
        // hashing every entry three times was most of it. Sums of whole counts are exact in
        // any order, so these are the costs the dictionaries gave.
        let base = entries.map(\.scalar).min() ?? 0
        let size = Int((entries.map(\.scalar).max() ?? base) - base) + 1
        var totals = [Double](repeating: 0, count: 256)
        for entry in entries { totals[Int(entry.tag)] += entry.count }
        var flat = [Double](repeating: .infinity, count: size)
        var combined = [Double](repeating: 0, count: size)
        for entry in entries {
            let slot = Int(entry.scalar - base)
            flat[slot] = min(flat[slot], -log((entry.count + 0.5) / totals[Int(entry.tag)]))
            combined[slot] += entry.count
        }
        func slot(_ scalar: UInt32) -> Int? {
            guard scalar >= base, Int(scalar - base) < size, flat[Int(scalar - base)].isFinite else { return nil }
            return Int(scalar - base)
        }
        var pairs = PairTable(capacity: pairCounts.count)
        for (first, second, count) in pairCounts {
            guard let context = slot(first).map({ combined[$0] }), let unigram = slot(second).map({ flat[$0] }) else { continue }
            let conditional = min(1, count / context)
            pairs.append(first, second, -log(
                RepairLanguageModel.pairWeight * conditional + (1 - RepairLanguageModel.pairWeight) * exp(-unigram)))
        }
        pairs.finish()
        for index in flat.indices where !flat[index].isFinite { flat[index] = .nan }
        self.base = base
        self.costs = flat
        self.pairs = pairs
    }

    /// The cost of `scalar` after `previous` when that pair is known, else its own cost;
    /// nil when the counts never saw it.
    func cost(_ scalar: UInt32, after previous: UInt32?) -> Double? {
        if let previous, let pair = pairs.value(previous, scalar) { return pair }
        guard scalar >= base, Int(scalar - base) < costs.count else { return nil }
        let cost = costs[Int(scalar - base)]
        return cost.isNaN ? nil : cost
    }
}
