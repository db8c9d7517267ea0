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

/// Lower-case letter pairs of Latin-script languages around accented letters, per group of
/// code pages (`Rules/encoding/latin-pairs.txt`, `_` for a word boundary): which of two
/// letters fits its neighbours when code pages read the same run as different letters at
/// the same cost (`Ĺź` is `ż` through ISO-8859-2 and `ş` through Windows-1250; `uży` is
/// Polish, `uşy` is nothing).
struct LatinLetterPairs: Sendable {
    static let boundary: UInt32 = 0x5F
    /// Per group tag, its pair counts, how many pairs start with each letter, and how many
    /// pairs it holds in all.
    private var groups: [UInt8: (pairs: PairTable, following: [UInt32: Double], total: Double)] = [:]

    init() {
        var pairs: [UInt8: PairTable] = [:]
        var following: [UInt8: [UInt32: Double]] = [:]
        ModelFile.forEachEntry("encoding/latin-pairs.txt") { entry in
            guard let second = entry.second else { return }
            pairs[entry.tag, default: PairTable(capacity: 1500)].append(entry.first, second, entry.count)
            following[entry.tag, default: [:]][entry.first, default: 0] += entry.count
        }
        for (tag, var table) in pairs {
            table.finish()
            let counts = following[tag] ?? [:]
            groups[tag] = (table, counts, counts.values.reduce(0, +))
        }
    }

    /// How well `character` fits between its neighbours in the languages of `groups` (all
    /// groups alike when empty; the others count less), as a log-likelihood up to a constant
    /// the candidates share: its pair with the character before, then the character after
    /// given it, each pair backed off to how often its second character occurs (a letter the
    /// languages never use is unlikely anywhere). What is not a letter is a word boundary.
    func fit(_ character: UInt32, after previous: UInt32?, before next: UInt32?, groups tags: Set<UInt8>) -> Double {
        let letter = Self.lowercased(character)
        let before = previous.map(Self.lowercased) ?? Self.boundary
        let after = next.map(Self.lowercased) ?? Self.boundary
        var (into, out, fromLetter, fromAfter, total) = (0.0, 0.0, 0.0, 0.0, 0.0)
        for (tag, group) in groups {
            // Text of other languages passes through a code page too (German through
            // Windows-1250), only less often.
            let weight = tags.isEmpty || tags.contains(tag) ? 1 : Self.otherLanguagesWeight
            into += weight * (group.pairs.value(before, letter) ?? 0)
            out += weight * (group.pairs.value(letter, after) ?? 0)
            fromLetter += weight * (group.following[letter] ?? 0)
            fromAfter += weight * (group.following[after] ?? 0)
            total += weight * group.total
        }
        let unigram = { (count: Double) in (count + 0.5) / max(total, 1) }
        return log(into + Self.backoff * unigram(fromLetter)) + log((out + Self.backoff * unigram(fromAfter)) / (fromLetter + Self.backoff))
    }

    /// How much a pair's count leans on the second character's own frequency.
    static let backoff = 1000.0
    /// How much the languages of other code pages count against those of the tied ones.
    static let otherLanguagesWeight = 0.1

    private static func lowercased(_ scalar: UInt32) -> UInt32 {
        guard let value = Unicode.Scalar(scalar), value.properties.isAlphabetic else { return boundary }
        let lower = value.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : scalar
    }
}
