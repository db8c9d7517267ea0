/// Values by a 64-bit fingerprint of their key (FNV-1a, say), the few keys that share one
/// compared whole. Keyed by the keys themselves, Swift's dictionary hashes them through its
/// seeded hasher (an array element by element, a string normalised) and compares whole keys
/// at every probe; a fingerprint is hashed and compared as one integer.
struct FingerprintTable<Key, Value> {
    private var buckets: [UInt64: [(key: Key, value: Value)]] = [:]

    /// The value of the key `isKey` recognises among those with `fingerprint`; otherwise
    /// the key and value `make` gives, stored.
    mutating func value(fingerprint: UInt64, where isKey: (Key) -> Bool, orMake make: () -> (key: Key, value: Value)) -> Value {
        if let found = buckets[fingerprint]?.first(where: { isKey($0.key) }) { return found.value }
        let made = make()
        buckets[fingerprint, default: []].append(made)
        return made.value
    }
}
