/// A key that hashes itself in a few instructions. Swift's `Hasher` (SipHash, seeded per
/// process) is the safe default, but counting a repository's words is millions of look-ups
/// of keys an attacker does not choose, where SipHash was a fifth of a run.
protocol CheapHashable: Equatable {
    var cheapHash: UInt64 { get }
}

/// Open addressing with linear probing over dense arrays of keys and values: inserting
/// and finding cost one cheap hash and, mostly, one comparison; iterating walks two arrays.
struct CheapHashTable<Key: CheapHashable, Value> {
    /// Slot → index into the dense arrays, or -1.
    private var slots: [Int32]
    private(set) var keys: [Key] = []
    private(set) var values: [Value] = []
    private var hashes: [UInt64] = []

    init(minimumCapacity: Int = 8) {
        var size = 16
        while size < 2 * minimumCapacity { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        keys.reserveCapacity(minimumCapacity)
        values.reserveCapacity(minimumCapacity)
        hashes.reserveCapacity(minimumCapacity)
    }

    var count: Int { keys.count }

    /// Every key with its value, in the order first inserted.
    var elements: Zip2Sequence<[Key], [Value]> { zip(keys, values) }

    subscript(key: Key) -> Value? {
        let hash = key.cheapHash
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if hashes[entry] == hash, keys[entry] == key { return values[entry] }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// Changes the key's value in place, starting from `initial` for a new key.
    mutating func update(_ key: Key, initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        let hash = key.cheapHash
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { break }
            if hashes[entry] == hash, keys[entry] == key {
                change(&values[entry])
                return
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        var value = initial()
        change(&value)
        slots[slot] = Int32(keys.count)
        keys.append(key)
        values.append(value)
        hashes.append(hash)
        if 2 * keys.count > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for entry in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & (slots.count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(entry)
        }
    }
}

extension CheapHashable {
    /// The finaliser of MurmurHash3: spreads every input bit over the slot bits.
    static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value
        mixed ^= mixed >> 33
        mixed = mixed &* 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        mixed = mixed &* 0xC4CE_B9FE_1A85_EC53
        return mixed ^ (mixed >> 33)
    }
}

extension CheapHashTable: Sendable where Key: Sendable, Value: Sendable {}
