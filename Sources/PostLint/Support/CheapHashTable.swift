/// A key that hashes itself in a few instructions. Swift's `Hasher` (SipHash, seeded per
/// process) is the safe default, but counting a repository's words is millions of look-ups
/// of keys an attacker does not choose, where SipHash was a fifth of a run.
protocol CheapHashable: Equatable {
    var cheapHash: UInt64 { get }
}

/// Open addressing with linear probing. A slot holds 32 bits of its key's hash beside the
/// entry's index, and an entry holds the key beside its value: in a table larger than the
/// cache, a look-up touches one slot and one entry, and probing past another key's slot
/// rarely reads that key.
struct CheapHashTable<Key: CheapHashable, Value> {
    /// Slot → (high 32 bits of the hash) << 32 | (entry index + 1); 0 is an empty slot.
    private var slots: [UInt64]
    /// Entries in the order first inserted.
    private var entries: [(key: Key, value: Value)] = []

    init(minimumCapacity: Int = 8) {
        var size = 16
        while size < 2 * minimumCapacity { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        entries.reserveCapacity(minimumCapacity)
    }

    var count: Int { entries.count }

    /// Every key with its value, in the order first inserted.
    var elements: [(key: Key, value: Value)] { entries }

    subscript(key: Key) -> Value? {
        guard let entry = find(key, hash: key.cheapHash).entry else { return nil }
        return entries[entry].value
    }

    /// Changes the key's value in place, starting from `initial` for a new key.
    mutating func update(_ key: Key, initial: @autoclosure () -> Value, _ change: (inout Value) -> Void) {
        let hash = key.cheapHash
        let (entry, slot) = find(key, hash: hash)
        if let entry {
            change(&entries[entry].value)
            return
        }
        var value = initial()
        change(&value)
        entries.append((key, value))
        slots[slot] = Self.packed(hash, entries.count - 1)
        if 2 * entries.count > slots.count { grow() }
    }

    /// The key's entry, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: Key, hash: UInt64) -> (entry: Int?, slot: Int) {
        let tag = hash >> 32
        let mask = slots.count - 1
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let packed = slots[slot]
                if packed == 0 { return (nil, slot) }
                if packed >> 32 == tag {
                    let entry = Int(truncatingIfNeeded: packed & 0xFFFF_FFFF) - 1
                    if entries[entry].key == key { return (entry, slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func packed(_ hash: UInt64, _ entry: Int) -> UInt64 {
        (hash >> 32) << 32 | UInt64(entry + 1)
    }

    private mutating func grow() {
        var grown = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for entry in entries.indices {
            let hash = entries[entry].key.cheapHash
            var slot = Int(truncatingIfNeeded: hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Self.packed(hash, entry)
        }
        slots = grown
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

/// An integer (a character, or several small numbers packed into one) as a cheap key.
struct IntegerKey: CheapHashable, Sendable {
    let value: UInt64

    init(_ value: UInt64) { self.value = value }

    var cheapHash: UInt64 { Self.mix(value) }
}
