import ICUShim

/// An East Asian double-byte code page as ICU defines it (CP949, Shift_JIS, GBK): which
/// bytes each character encodes to. UTF-8 misread through one of them turns into Hangul,
/// kanji, kana or hanzi; repair encodes those characters again and reads the bytes as UTF-8.
/// The table inverts ICU's decoding exactly: where two byte forms decode to one character,
/// the form UTF-8 can contain wins (Shift_JIS decodes ED 8C and FA A8 to the same kanji,
/// and only ED can be a UTF-8 byte), then the one ICU itself encodes to.
struct DoubleByteCodePage: Sendable {
    /// ICU's converter name ("windows-949").
    let icuName: String
    /// The name users know ("CP949").
    let displayName: String
    /// The bytes of each character above ASCII: one byte (0x80...0xFF) or a pair stored as
    /// `lead << 8 | trail` (a pair's lead is never zero).
    private let bytesOf: [UInt32: UInt16]

    init?(icuName: String, displayName: String) {
        var table = [Int32](repeating: -1, count: 65536)
        var roundTrips = [UInt8](repeating: 0, count: 65536)
        guard plicu_double_byte_table(icuName, &table, &roundTrips) == 0 else { return nil }
        var bytesOf: [UInt32: UInt16] = [:]
        func rank(_ bytes: Int) -> Int {
            let lead = bytes > 0xFF ? bytes >> 8 : bytes
            let utf8Possible = lead < 0xC0 || (0xC2...0xF4).contains(lead)
            return (utf8Possible ? 2 : 0) + Int(roundTrips[bytes])
        }
        for (bytes, codePoint) in table.enumerated() where codePoint >= 0x80 {
            let scalar = UInt32(codePoint)
            if let other = bytesOf[scalar], rank(Int(other)) >= rank(bytes) { continue }
            bytesOf[scalar] = UInt16(bytes)
        }
        self.icuName = icuName
        self.displayName = displayName
        self.bytesOf = bytesOf
    }

    /// Appends the bytes `scalar` encodes to; false when the code page has no such character.
    func append(_ scalar: UInt32, to bytes: inout [UInt8]) -> Bool {
        guard let value = bytesOf[scalar] else { return false }
        if value > 0xFF { bytes.append(UInt8(value >> 8)) }
        bytes.append(UInt8(value & 0xFF))
        return true
    }

    /// The code pages the East Asian repair knows; built on first use (about 30 ms).
    static let all: [DoubleByteCodePage] = [
        ("windows-949", "CP949"), ("Shift_JIS", "Shift_JIS"), ("GBK", "GBK"),
    ].compactMap { DoubleByteCodePage(icuName: $0.0, displayName: $0.1) }
}
