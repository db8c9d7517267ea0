/// FNV-1a, 64 bits: a fast, stable (unseeded, unlike `Hasher`) content hash for cache keys
/// and fingerprints. Not for security.
public struct FNV1a64: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    public mutating func combine(_ text: String) {
        combine(text.utf8)
        combine([0xFF])  // a separator no UTF-8 text contains
    }

    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hasher = FNV1a64()
        hasher.combine(bytes)
        return hasher.value
    }
}
