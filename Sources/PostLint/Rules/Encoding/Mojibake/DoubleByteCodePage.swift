import Foundation
import ICUShim

/// An East Asian double-byte code page as ICU defines it (CP949, Shift_JIS, GBK): which
/// bytes each character encodes to. UTF-8 misread through one of them turns into Hangul,
/// kanji, kana or hanzi; repair encodes those characters again and reads the bytes as UTF-8.
///
/// The bytes of a character must invert ICU's *decoding* exactly: where two byte forms
/// decode to one character, the form UTF-8 can contain wins (Shift_JIS decodes ED 8C and
/// FA A8 to the same kanji, and only ED can be a UTF-8 byte), then the one ICU itself
/// encodes to. `table()` builds that inverse from all 24,000 byte pairs (the simple path,
/// about 10 ms a page); `DoubleByteEncoder` gets the same answer per character from one ICU
/// conversion plus the short list of duplicates in `Rules/encoding/double-byte-duplicates.txt`
/// (the fast path the rule uses). A test proves both agree on every character.
struct DoubleByteCodePage: Sendable {
    /// ICU's converter name ("windows-949").
    let icuName: String
    /// The name users know ("CP949").
    let displayName: String

    /// The code pages the East Asian repair knows.
    static let all: [DoubleByteCodePage] = [
        DoubleByteCodePage(icuName: "windows-949", displayName: "CP949"),
        DoubleByteCodePage(icuName: "Shift_JIS", displayName: "Shift_JIS"),
        DoubleByteCodePage(icuName: "GBK", displayName: "GBK"),
    ]

    /// The bytes of every character above ASCII that some byte form decodes to: one byte
    /// (0x80...0xFF) or a pair stored as `lead << 8 | trail` (a pair's lead is never zero).
    func table() -> [UInt32: UInt16] {
        var table = [Int32](repeating: -1, count: 65536)
        var roundTrips = [UInt8](repeating: 0, count: 65536)
        guard plicu_double_byte_table(icuName, &table, &roundTrips) == 0 else { return [:] }
        var bytesOf: [UInt32: UInt16] = [:]
        func rank(_ bytes: Int) -> Int {
            (Self.mayBeUTF8(UInt16(bytes)) ? 2 : 0) + Int(roundTrips[bytes])
        }
        for (bytes, codePoint) in table.enumerated() where codePoint >= 0x80 {
            let scalar = UInt32(codePoint)
            if let other = bytesOf[scalar], rank(Int(other)) >= rank(bytes) { continue }
            bytesOf[scalar] = UInt16(bytes)
        }
        return bytesOf
    }

    /// A hexadecimal number of up to eight digits, or nil.
    private static func hexValue(_ digits: ArraySlice<UInt8>) -> UInt32? {
        guard !digits.isEmpty, digits.count <= 8 else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            guard let nibble = UInt8(ascii: "0")...UInt8(ascii: "9") ~= digit ? digit - UInt8(ascii: "0")
                : UInt8(ascii: "A")...UInt8(ascii: "F") ~= (digit & ~0x20) ? (digit & ~0x20) - UInt8(ascii: "A") + 10 : nil
            else { return nil }
            value = value << 4 | UInt32(nibble)
        }
        return value
    }

    /// Whether the bytes' first byte may stand in UTF-8 where a character starts or continues.
    static func mayBeUTF8(_ bytes: UInt16) -> Bool {
        let lead = bytes > 0xFF ? bytes >> 8 : bytes
        return lead < 0xC0 || (0xC2...0xF4).contains(lead)
    }

    /// Per code page, the characters whose table entry is not ICU's own round-trip
    /// encoding (only Shift_JIS has any: the NEC and IBM duplicates).
    static let duplicates: [String: [UInt32: UInt16]] = {
        // Read as bytes: String splitting made this list a millisecond of every one-post run
        // with Korean or Chinese text (each such character asks it on two code pages).
        var result: [String: [UInt32: UInt16]] = [:]
        let text = Array((RuleData.text("encoding/double-byte-duplicates.txt") ?? "").utf8)
        for line in text.split(separator: 0x0A) where line.first != UInt8(ascii: "#") {
            let fields = line.split(separator: 0x20)
            guard fields.count == 3, let scalar = hexValue(fields[1]), let bytes = hexValue(fields[2]), bytes <= 0xFFFF
            else { continue }
            result[String(decoding: fields[0], as: UTF8.self), default: [:]][scalar] = UInt16(bytes)
        }
        return result
    }()
}

/// Encodes characters through one double-byte code page, one character at a time, for one
/// document (it holds an ICU converter, which is not thread-safe).
final class DoubleByteEncoder {
    let page: DoubleByteCodePage
    private var converter: UnsafeMutableRawPointer?
    private var opened = false
    /// Bytes per character already encoded; 0 for none. Asked for the first character of
    /// every run of CJK or Hangul text in a document, on each code page: a cheap hash.
    private var known = CheapHashTable<IntegerKey, UInt16>(minimumCapacity: 256)

    /// Whether to leave out the duplicates list (ICU's own encoding only; for the test that
    /// regenerates the list).
    private let ignoringDuplicates: Bool

    /// The page's place in `DoubleByteCodePage.all`, where the run's shared table is kept;
    /// nil (no sharing) for another page, or when the duplicates are ignored.
    private let sharedPage: Int?

    init(page: DoubleByteCodePage, ignoringDuplicates: Bool = false) {
        self.page = page
        self.ignoringDuplicates = ignoringDuplicates
        sharedPage = ignoringDuplicates ? nil : DoubleByteCodePage.all.firstIndex { $0.icuName == page.icuName }
    }

    deinit { plicu_double_byte_close(converter) }

    /// The bytes of `scalar` as `DoubleByteCodePage.table()` has them, or nil.
    func bytes(of scalar: UInt32) -> UInt16? {
        let key = IntegerKey(UInt64(scalar))
        if let value = known[key] { return value == 0 ? nil : value }
        let stored: UInt16
        if let sharedPage, let shared = EncodedCharacters.shared.bytes(of: key, page: sharedPage) {
            stored = shared
        } else {
            stored = encode(scalar) ?? 0
            if let sharedPage { EncodedCharacters.shared.store(stored, for: key, page: sharedPage) }
        }
        known.update(key, initial: stored) { _ in }
        return stored == 0 ? nil : stored
    }

    /// Appends the bytes `scalar` encodes to; false when the code page has no such character.
    func append(_ scalar: UInt32, to bytes: inout [UInt8]) -> Bool {
        guard let value = self.bytes(of: scalar) else { return false }
        if value > 0xFF { bytes.append(UInt8(value >> 8)) }
        bytes.append(UInt8(value & 0xFF))
        return true
    }

    private func encode(_ scalar: UInt32) -> UInt16? {
        if !opened {
            converter = plicu_double_byte_open(page.icuName)
            opened = true
        }
        var output: (UInt8, UInt8) = (0, 0)
        let written = withUnsafeMutableBytes(of: &output) {
            plicu_double_byte_encode(converter, Int32(bitPattern: scalar), $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        let own: UInt16? = written == 1 ? UInt16(output.0) : written == 2 ? UInt16(output.0) << 8 | UInt16(output.1) : nil
        // ICU's own form is the table's whenever UTF-8 can hold it; otherwise a duplicate
        // form UTF-8 can hold may win.
        if let own, DoubleByteCodePage.mayBeUTF8(own) || ignoringDuplicates { return own }
        return DoubleByteCodePage.duplicates[page.icuName]?[scalar] ?? own
    }
}

/// Characters' bytes per code page for the whole run (0 for a character the page lacks):
/// ICU's conversion of one character costs more than the rest of judging a run, and the
/// documents of a repository share most of their characters. Each document's encoder asks
/// here once per character, behind its own table.
private final class EncodedCharacters: @unchecked Sendable {
    static let shared = EncodedCharacters()
    private let lock = NSLock()
    /// By the page's place in `DoubleByteCodePage.all`.
    private var pages = DoubleByteCodePage.all.map { _ in CheapHashTable<IntegerKey, UInt16>(minimumCapacity: 1024) }

    func bytes(of scalar: IntegerKey, page: Int) -> UInt16? {
        lock.lock()
        defer { lock.unlock() }
        return pages[page][scalar]
    }

    func store(_ bytes: UInt16, for scalar: IntegerKey, page: Int) {
        lock.lock()
        defer { lock.unlock() }
        pages[page].update(scalar, initial: bytes) { _ in }
    }
}
