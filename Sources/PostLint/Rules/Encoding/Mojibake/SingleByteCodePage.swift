import ICUShim

/// A legacy single-byte code page as ICU defines it, in both directions: how each byte
/// decodes, and which byte each character came from. Mojibake repair runs text backwards
/// through it (character -> byte) to recover the UTF-8 bytes that were misread.
struct SingleByteCodePage: Sendable {
    /// ICU's converter name ("windows-1254").
    let icuName: String
    /// The name users know ("Windows-1254").
    let displayName: String
    /// The group of languages it is used for, as `Rules/encoding/latin-pairs.txt` tags
    /// them (`W`estern, `C`entral European, `T`urkish, `B`altic); nil for Cyrillic and Greek.
    let languages: UInt8?
    /// The byte each character of the upper half decodes from (ASCII is left out: UTF-8's
    /// multi-byte sequences never contain ASCII bytes).
    let byteOf: [UInt32: UInt8]
    /// Continuation bytes (0x80...0xBF) the code page leaves undefined. A decoder may keep
    /// them as C1 controls (ICU does) or drop them; dropped ones are re-inserted on repair.
    let undefinedContinuationBytes: [UInt8]
    /// `byteOf` as a flat table over the Basic Multilingual Plane (byte + 0x100, or 0 for
    /// none): the repair looks characters up millions of times, and hashing dominated.
    private let byteTable: [UInt16]

    /// `decoded`: what ICU decodes each byte to (-1 where undefined).
    private init(icuName: String, displayName: String, languages: UInt8?, decoded table: [Int32]) {
        var byteOf: [UInt32: UInt8] = [:]
        var undefined: [UInt8] = []
        for byte in 0x80...0xFF {
            let codePoint = table[byte]
            let isC1Control = (0x80...0x9F).contains(codePoint)
            if codePoint >= 0 { byteOf[UInt32(codePoint)] = UInt8(byte) }
            if (codePoint < 0 || isC1Control) && byte <= 0xBF { undefined.append(UInt8(byte)) }
        }
        self.icuName = icuName
        self.displayName = displayName
        self.languages = languages
        self.byteOf = byteOf
        var flat = [UInt16](repeating: 0, count: 0x10000)
        for (scalar, byte) in byteOf where scalar < 0x10000 { flat[Int(scalar)] = UInt16(byte) | 0x100 }
        byteTable = flat
        undefinedContinuationBytes = undefined
    }

    /// The byte `scalar` decodes from, or nil when the code page has no such character.
    @inline(__always)
    func byte(of scalar: UInt32) -> UInt8? {
        guard scalar < 0x10000 else { return nil }
        let entry = byteTable[Int(scalar)]
        return entry == 0 ? nil : UInt8(truncatingIfNeeded: entry)
    }

    /// Each code page the mojibake rule knows, most common mistake first, with what ICU
    /// decodes each of its bytes to (-1 where undefined).
    private static let decodings: [(icuName: String, displayName: String, languages: UInt8?, decoded: [Int32])] = [
        ("windows-1252", "Windows-1252", "W"), ("windows-1254", "Windows-1254", "T"), ("macintosh", "Mac OS Roman", "W"),
        ("ISO-8859-1", "ISO-8859-1", "W"), ("ISO-8859-15", "ISO-8859-15", "W"), ("windows-1250", "Windows-1250", "C"), ("ISO-8859-2", "ISO-8859-2", "C"),
        ("windows-1251", "Windows-1251", nil), ("windows-1253", "Windows-1253", nil), ("windows-1257", "Windows-1257", "B"),
    ].compactMap { (icuName: String, displayName: String, languages: Unicode.Scalar?) in
        var table = [Int32](repeating: -1, count: 256)
        guard plicu_byte_table(icuName, &table) == 0 else { return nil }
        return (icuName, displayName, languages.map { UInt8($0.value) }, table)
    }

    /// The code pages with their look-up tables, made only for a document that may hold
    /// mojibake (a millisecond: most of the rule's time on a clean post otherwise).
    static let all: [SingleByteCodePage] = decodings.map {
        SingleByteCodePage(icuName: $0.icuName, displayName: $0.displayName, languages: $0.languages, decoded: $0.decoded)
    }

    /// Characters that some code page decodes from a UTF-8 lead byte (0xC2...0xF4) and
    /// from a continuation byte (0x80...0xBF): mojibake needs a lead followed by a
    /// continuation, so text without such a pair is skipped without further work.
    static let leadCharacters: [Bool] = characters { (0xC2...0xF4).contains($0) }
    static let continuationCharacters: [Bool] = characters { (0x80...0xBF).contains($0) }

    /// UTF-8 lead bytes of which some character is marked in either table (`mayHoldMojibake`
    /// passes over the characters of the other lead bytes without decoding them).
    static let leadBytesOfMarkedCharacters: [Bool] = {
        // From the code pages' own tables (a few hundred characters), not by asking both
        // 64K tables about every character of every lead byte (millions of questions, at
        // the start of every run that meets a non-ASCII line).
        var leads = [Bool](repeating: false, count: 256)
        for byte in 0x80...0xC1 { leads[byte] = true }  // not lead bytes: decoded as before
        for page in decodings {
            for byte in 0x80...0xFF where (0xC2...0xF4).contains(byte) || (0x80...0xBF).contains(byte) {
                let scalar = page.decoded[byte]
                guard scalar >= 0x80, scalar < 0x10000, let character = Unicode.Scalar(UInt32(scalar)) else { continue }
                leads[Int(UTF8.encode(character)!.first!)] = true
            }
        }
        return leads
    }()

    /// For a code page that is an earlier one but for a few bytes (ISO-8859-15 is ISO-8859-1
    /// with `€ Š š Ž ž Œ œ Ÿ` in eight places), the characters it reads differently. A
    /// line without any of them reads through it as through the earlier page or worse, so
    /// it is read through the earlier page alone: the near twin costs nothing there.
    static let ownCharacters: [Set<UInt32>?] = all.indices.map { index in
        let page = all[index]
        for earlier in all.indices.prefix(index) where all[earlier].undefinedContinuationBytes == page.undefinedContinuationBytes {
            let own = Set(page.byteOf.keys.filter { page.byteOf[$0] != all[earlier].byteOf[$0] })
            if own.count <= 16 { return own }
        }
        return nil
    }

    /// Whether the line needs reading through page `index` at all (see `ownCharacters`): one
    /// of its own characters follows a character the page reads as a byte of a UTF-8
    /// sequence. (An own character after one the page lacks starts a run of it, where its
    /// continuation byte stands alone: `œ` of Windows-1252's `í•œ`, Korean `한`, is no
    /// reading through ISO-8859-15, which has no `•`.)
    static func mayRead<Line: Sequence>(_ line: Line, through index: Int, scalar: (Line.Element) -> UInt32) -> Bool {
        guard let own = ownCharacters[index] else { return true }
        let page = all[index]
        var previousIsHigh = false
        for element in line {
            let value = scalar(element)
            if previousIsHigh, own.contains(value) { return true }
            previousIsHigh = page.byte(of: value).map { $0 >= 0x80 } ?? false
        }
        return false
    }

    /// Whether `scalar` is marked in one of the tables above.
    @inline(__always)
    static func isMarked(_ scalar: UInt32, in table: [Bool]) -> Bool { scalar < 0x10000 && table[Int(scalar)] }

    private static func characters(_ bytes: (UInt8) -> Bool) -> [Bool] {
        var table = [Bool](repeating: false, count: 0x10000)
        for page in decodings {
            for byte in 0x80...0xFF where bytes(UInt8(byte)) {
                let scalar = page.decoded[byte]
                if scalar >= 0, scalar < 0x10000 { table[Int(scalar)] = true }
            }
        }
        return table
    }
}
