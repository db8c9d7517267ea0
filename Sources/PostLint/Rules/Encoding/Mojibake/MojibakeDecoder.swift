/// Finds the likeliest original text of one run of suspicious characters: the characters
/// are turned back into the bytes a code page decoded them from, and a Viterbi search over
/// those bytes chooses, at each point, between keeping a character as it is and reading
/// the next bytes as one UTF-8 character, possibly with dropped bytes re-inserted. The
/// language model scores every choice, so among several valid readings the likeliest wins.
struct MojibakeDecoder {
    let model: RepairLanguageModel
    /// Whether a character may be rebuilt from its lead byte alone.
    var rebuildFromLead = false
    /// Readings already worked out for the same bytes.
    var cache: StepCache?

    struct Reading: Equatable {
        var scalars: [UInt32]
        /// For each scalar, whether it was recovered (true) or kept as it was.
        var isRecovered: [Bool]
        /// How many UTF-8 characters were recovered.
        var recovered: Int
        /// How many dropped bytes were re-inserted.
        var restoredBytes: Int
        /// The reading's cost; keeping every character costs `keepCost` each.
        var cost: Double
        /// Whether word evidence left a guessed byte where another reading is a word too
        /// (`생명주기` or `상명주기`): then the repair is no safe fix.
        var hasUncertainGuess = false
    }

    /// One way to read the bytes from some position on.
    struct Step {
        let scalar: UInt32
        let length: Int
        let inserted: Int
        let isRecovered: Bool
    }

    private struct Node {
        var cost: Double
        var previous: (position: Int, state: UInt32)?
        var step: Step?
    }

    /// The search's nodes, by position and state (the last character, when it is context
    /// for the next: with re-inserted bytes, dozens of states can reach one position). They
    /// live in one pool, found by a table with a cheap hash (Swift's seeded hash of every
    /// look-up was a sixth of a repair), and listed per position in the order reached.
    private struct Lattice {
        private struct Entry {
            let state: UInt32
            var node: Node
            var next: Int32
        }

        private var pool: [Entry] = []
        /// Each entry's place in the pool, by position and state.
        private var found: CheapHashTable<IntegerKey, Int32>
        private var heads: [Int32]
        private var tails: [Int32]

        init(positions: Int) {
            heads = [Int32](repeating: -1, count: positions)
            tails = heads
            pool.reserveCapacity(2 * positions)
            found = CheapHashTable(minimumCapacity: 2 * positions)
        }

        private static func key(_ position: Int, _ state: UInt32) -> IntegerKey { IntegerKey(UInt64(position) << 32 | UInt64(state)) }

        func isEmpty(at position: Int) -> Bool { heads[position] < 0 }

        subscript(position: Int, state: UInt32) -> Node? {
            found[Self.key(position, state)].map { pool[Int($0)].node }
        }

        /// The states and nodes at a position, in the order they were reached.
        func entries(at position: Int) -> [(state: UInt32, node: Node)] {
            var result: [(state: UInt32, node: Node)] = []
            var index = heads[position]
            while index >= 0 {
                result.append((pool[Int(index)].state, pool[Int(index)].node))
                index = pool[Int(index)].next
            }
            return result
        }

        /// Keeps `node` for `state` at `position` when it is cheaper than the node there.
        mutating func offer(_ node: Node, for state: UInt32, at position: Int) {
            if let index = found[Self.key(position, state)] {
                if node.cost < pool[Int(index)].node.cost { pool[Int(index)].node = node }
                return
            }
            guard node.cost < .infinity else { return }
            let added = Int32(pool.count)
            pool.append(Entry(state: state, node: node, next: -1))
            found.update(Self.key(position, state), initial: added) { _ in }
            if tails[position] >= 0 { pool[Int(tails[position])].next = added } else { heads[position] = added }
            tails[position] = added
        }
    }

    /// State key for "the last character written gives no context" (not Hangul or CJK).
    private static let neutral = UInt32.max

    /// - Parameters:
    ///   - bytes: the run's characters as code page bytes, one byte per character.
    ///   - original: the run's characters.
    ///   - insertable: bytes that may have been dropped (empty: none were).
    ///   - before: the character just before the run; `hangulAfter`: whether a Hangul
    ///     syllable follows it (so a word does not end at the run's end).
    ///   - letterAfter: whether a letter follows the run (a closing quote seldom stands before one).
    func read(bytes: [UInt8], original: [UInt32], insertable: [UInt8], before: UInt32?, hangulAfter: Bool, letterAfter: Bool = false) -> Reading? {
        let count = bytes.count
        var nodes = Lattice(positions: count + 1)
        let start = before.flatMap { RepairLanguageModel.carriesContext($0) ? $0 : nil } ?? Self.neutral
        nodes.offer(Node(cost: 0), for: start, at: 0)
        let table = cache?.table(for: insertable)
        for position in 0..<count where !nodes.isEmpty(at: position) {
            let keep = Step(scalar: original[position], length: 1, inserted: 0, isRecovered: false)
            let found = steps(bytes, at: position, insertable: insertable, table: table)
            for (state, node) in nodes.entries(at: position) {
                let previous = state == Self.neutral ? nil : state
                // Keeping the character comes first: of equal costs, the first stays.
                for choice in -1..<found.count {
                    let step = choice < 0 ? keep : found[choice]
                    var cost = node.cost
                    if step.isRecovered {
                        cost += model.cost(of: step.scalar, after: previous) + Double(step.inserted) * RepairLanguageModel.droppedByteCost
                    } else {
                        // Once the document shows dropped bytes, a lead byte left alone is
                        // almost surely a character whose continuation bytes were all dropped.
                        let keep = rebuildFromLead && Self.sequenceLength(bytes[position]) != nil
                            ? RepairLanguageModel.keepCost * 2 : RepairLanguageModel.keepCost
                        cost += keep + (previous.map { model.wordEndCost($0) } ?? 0)
                        // Only undefined bytes are dropped: a real continuation byte left
                        // standing right after a character that needed a re-inserted one
                        // would have filled its slot (`ì—”` is `엔`, not `에` and `”`).
                        if bytes[position] & 0xC0 == 0x80, let last = node.step, last.isRecovered, last.inserted > 0 {
                            cost += RepairLanguageModel.keepCost
                        }
                    }
                    let next = position + step.length
                    if next == count, letterAfter, step.isRecovered, step.scalar == 0x201D { cost += 2 }
                    let nextState = step.isRecovered && RepairLanguageModel.carriesContext(step.scalar) ? step.scalar : Self.neutral
                    nodes.offer(Node(cost: cost, previous: (position, state), step: step), for: nextState, at: next)
                }
            }
        }
        let ending = nodes.entries(at: count).map { state, node in
            (state, node.cost + (hangulAfter || state == Self.neutral ? 0 : model.wordEndCost(state)))
        }
        guard let best = ending.min(by: { $0.1 < $1.1 }), best.1.isFinite else { return nil }
        return backtrack(nodes, from: (count, best.0))
    }

    /// The fast path: when the bytes of the whole run are well-formed UTF-8, that is the
    /// reading (most mojibake lost nothing). Nil when some byte does not fit.
    func readWhole(_ bytes: [UInt8], before: UInt32?, hangulAfter: Bool) -> Reading? {
        var scalars: [UInt32] = []
        var position = 0
        while position < bytes.count {
            guard let length = Self.sequenceLength(bytes[position]), position + length <= bytes.count,
                let scalar = Self.decode(bytes[position..<(position + length)])
            else { return nil }
            scalars.append(scalar)
            position += length
        }
        var cost = 0.0
        var previous = before.flatMap { RepairLanguageModel.carriesContext($0) ? $0 : nil }
        for scalar in scalars {
            cost += model.cost(of: scalar, after: previous)
            previous = scalar
        }
        if let previous, !hangulAfter { cost += model.wordEndCost(previous) }
        guard cost.isFinite else { return nil }
        return Reading(scalars: scalars, isRecovered: Array(repeating: true, count: scalars.count), recovered: scalars.count, restoredBytes: 0, cost: cost)
    }

    private func backtrack(_ nodes: Lattice, from end: (position: Int, state: UInt32)) -> Reading {
        var reading = Reading(scalars: [], isRecovered: [], recovered: 0, restoredBytes: 0, cost: nodes[end.position, end.state]?.cost ?? 0)
        var cursor: (position: Int, state: UInt32)? = end
        while let current = cursor, let node = nodes[current.position, current.state], let step = node.step {
            reading.scalars.append(step.scalar)
            reading.isRecovered.append(step.isRecovered)
            if step.isRecovered { reading.recovered += 1 }
            reading.restoredBytes += step.inserted
            cursor = node.previous
        }
        reading.scalars.reverse()
        reading.isRecovered.reverse()
        return reading
    }

    /// Every way to read one UTF-8 character from `position` on (keeping the character
    /// as it is is the caller's): with dropped continuation bytes put back, up to
    /// `length - 2` of them, or (`rebuildFromLead`, when the document already shows this
    /// damage) a three- or four-byte character rebuilt from its lead byte and at most two
    /// re-inserted bytes (`き` is E3 81 8D; Windows-1252 drops both continuation bytes).
    private func steps(_ bytes: [UInt8], at position: Int, insertable: [UInt8], table: StepTable?) -> [Step] {
        guard Self.sequenceLength(bytes[position]) != nil else { return [] }
        // The readings depend only on the next four bytes: the same mojibake repeats, so
        // they are worked out once per document.
        var key = UInt64(rebuildFromLead ? 1 : 0) << 40 | UInt64(min(4, bytes.count - position)) << 32
        for offset in 0..<min(4, bytes.count - position) { key |= UInt64(bytes[position + offset]) << (8 * offset) }
        if let cached = table?.steps[IntegerKey(key)] { return cached }
        let found = readings(bytes, at: position, insertable: insertable)
        table?.steps.update(IntegerKey(key), initial: found) { _ in }
        return found
    }

    func readings(_ bytes: [UInt8], at position: Int, insertable: [UInt8]) -> [Step] {
        var result: [Step] = []
        let lead = bytes[position]
        guard let length = Self.sequenceLength(lead) else { return result }
        var available = 0  // continuation bytes that follow the lead
        while available < length - 1, position + 1 + available < bytes.count, bytes[position + 1 + available] & 0xC0 == 0x80 {
            available += 1
        }
        // A two-byte character that lost its only continuation byte (`с` is D1 81) is
        // rebuilt only once the document shows dropped bytes.
        let maximumInserted = insertable.isEmpty ? 0 : (rebuildFromLead && length <= 3 ? length - 1 : length - 2)
        let slots = length - 1
        for inserted in 0...maximumInserted where slots - inserted <= available {
            var combinations = 1
            for _ in 0..<inserted { combinations *= insertable.count }
            // `mask` marks the continuation slots filled with a re-inserted byte.
            for mask in 0..<(1 << slots) where mask.nonzeroBitCount == inserted {
                for combination in 0..<combinations {
                    guard let scalar = Self.scalar(lead: lead, length: length, mask: mask, combination: combination,
                        real: bytes, from: position + 1, insertable: insertable)
                    else { continue }
                    // A guessed byte must give a character the model knows, not any valid one.
                    if inserted > 0, !model.isKnown(scalar) { continue }
                    result.append(Step(scalar: scalar, length: 1 + slots - inserted, inserted: inserted, isRecovered: true))
                }
            }
        }
        return result
    }

    /// The scalar of the UTF-8 sequence made of `lead`, then for each continuation slot
    /// either the next real byte or (where `mask` says so) the insertable byte chosen by
    /// `combination`; nil when it is not well-formed.
    private static func scalar(
        lead: UInt8, length: Int, mask: Int, combination: Int, real: [UInt8], from start: Int, insertable: [UInt8]
    ) -> UInt32? {
        var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        var choice = combination
        var next = start
        for slot in 0..<(length - 1) {
            let byte: UInt8
            if mask & (1 << slot) != 0 {
                byte = insertable[choice % insertable.count]
                choice /= insertable.count
            } else {
                byte = real[next]
                next += 1
            }
            if slot == 0 {
                switch lead {
                case 0xE0: if byte < 0xA0 { return nil }
                case 0xED: if byte > 0x9F { return nil }
                case 0xF0: if byte < 0x90 { return nil }
                case 0xF4: if byte > 0x8F { return nil }
                default: break
                }
            }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        return scalar
    }

    static func sequenceLength(_ lead: UInt8) -> Int? {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: nil
        }
    }

    /// The scalar of one complete, well-formed UTF-8 sequence, or nil.
    static func decode(_ sequence: [UInt8]) -> UInt32? {
        decode(sequence[...])
    }

    /// The scalar of one complete, well-formed UTF-8 sequence (a slice of the text, read
    /// where it lies: this runs for every character of every candidate run), or nil.
    static func decode(_ sequence: ArraySlice<UInt8>) -> UInt32? {
        guard let length = sequenceLength(sequence.first ?? 0), sequence.count == length,
            isWellFormedPrefix(sequence)
        else { return nil }
        var scalar = UInt32(sequence[sequence.startIndex]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for byte in sequence.dropFirst() { scalar = scalar << 6 | UInt32(byte & 0x3F) }
        return scalar
    }

    /// Whether the bytes, starting with a lead byte, can begin a well-formed sequence: the
    /// second byte in the lead's range (no overlong form, surrogate or value past U+10FFFF)
    /// and every later byte a continuation byte. Bytes still missing are not judged.
    static func isWellFormedPrefix(_ sequence: ArraySlice<UInt8>) -> Bool {
        guard sequence.count > 1 else { return true }
        let second = sequence[sequence.startIndex + 1]
        switch sequence[sequence.startIndex] {
        case 0xE0: guard second >= 0xA0 else { return false }
        case 0xED: guard second <= 0x9F else { return false }
        case 0xF0: guard second >= 0x90 else { return false }
        case 0xF4: guard second <= 0x8F else { return false }
        default: break
        }
        return sequence.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }
}

extension MojibakeDecoder {
    /// For each scalar of `reading` (made from `bytes`), the characters the same bytes give
    /// with the same number of re-inserted bytes put elsewhere or chosen otherwise (`Ñ` is
    /// `с` D1 81 or `я` D1 8F): the scalar alone where nothing was re-inserted.
    func alternatives(of reading: Reading, bytes: [UInt8], insertable: [UInt8]) -> [[UInt32]] {
        var position = 0
        return reading.scalars.indices.map { index in
            let scalar = reading.scalars[index]
            // The damaged text never holds a byte its code page drops, so the character's
            // insertable continuation bytes are exactly the ones that were re-inserted.
            var inserted = 0
            if reading.isRecovered[index] {
                UTF8.encode(Unicode.Scalar(scalar)!) { byte in if byte & 0xC0 == 0x80, insertable.contains(byte) { inserted += 1 } }
            }
            let length = reading.isRecovered[index] ? UTF8.width(Unicode.Scalar(scalar)!) - inserted : 1
            defer { position += length }
            guard inserted > 0 else { return [scalar] }
            let others = readings(bytes, at: position, insertable: insertable)
                .filter { $0.inserted == inserted && $0.length == length && $0.scalar != scalar }.map(\.scalar)
            return [scalar] + others
        }
    }

    /// Whether the bytes hold the start of a UTF-8 character of three or four bytes with at
    /// least two of its continuation bytes (`ğŸ‘` is F0 9F 91), or two truncated three-byte
    /// characters: evidence enough on its own that bytes were dropped, where a lone `ì´`
    /// (EC B4) is not.
    static func holdsLongSequenceStart(_ bytes: [UInt8]) -> Bool {
        for index in bytes.indices {
            guard let length = sequenceLength(bytes[index]), length >= 3, index + 2 < bytes.count else { continue }
            let prefix = Array(bytes[index...(index + 2)])
            if decode(prefix + [UInt8](repeating: 0x80, count: length - 3)) != nil { return true }
        }
        return truncatedSequenceCount(bytes) >= 2
    }

    /// How many three-byte characters in a row stop after one continuation byte
    /// (`ë™ì˜ìƒ` is 동영상 with one byte of each syllable dropped). Two of them in one run
    /// are as telling as a longer start: accented Latin almost never puts them side by side.
    static func truncatedSequenceCount(_ bytes: [UInt8]) -> Int {
        var count = 0
        var index = 0
        while index + 1 < bytes.count {
            if sequenceLength(bytes[index]) == 3, bytes[index + 1] & 0xC0 == 0x80,
                index + 2 == bytes.count || bytes[index + 2] & 0xC0 != 0x80
            {
                count += 1
                index += 2
            } else {
                index += 1
            }
        }
        return count
    }
}
