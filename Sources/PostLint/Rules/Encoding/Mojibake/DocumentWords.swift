/// The Korean words a document itself shows undamaged (or repaired without guessing), and
/// the words that introduce a count: the evidence that settles a repair the syllable model
/// alone cannot (`ì´` before `**10개**` is `총`, not the likelier syllable `이`).
struct DocumentWords {
    /// The document's text: its words are read from it only when a repair asks for them.
    private let text: [UInt8]
    /// Words of repaired lines.
    private var added: Set<String> = []
    /// The words by their bytes without the droppable ones, built once per code page.
    private let index = StrippedIndex()

    init(_ document: Document) {
        text = document.utf8
    }

    mutating func add(_ characters: [MojibakeRepair.Character]) {
        var word = String.UnicodeScalarView()
        for scalar in characters.map(\.scalar) + [0x20] {
            if RepairLanguageModel.isHangulSyllable(scalar) {
                word.append(Unicode.Scalar(scalar)!)
            } else if !word.isEmpty {
                added.insert(String(word))
                word = String.UnicodeScalarView()
            }
        }
    }

    /// Calls `body` with the UTF-8 bytes of each run of Hangul syllables in `bytes`, read
    /// on the bytes: the whole document is scanned, and most of it is not Korean.
    static func forEachHangulWord(in bytes: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
        var start = -1
        var position = 0
        while position < bytes.count {
            if (0xEA...0xED).contains(bytes[position]), position + 3 <= bytes.count,
                LineText.isHangulSyllables(bytes, position..<(position + 3))
            {
                if start < 0 { start = position }
                position += 3
                continue
            }
            if start >= 0 {
                body(bytes[start..<position])
                start = -1
            }
            position += 1
        }
        if start >= 0 { body(bytes[start...]) }
    }

    /// Whether a Korean word the text shows undamaged begins with `letters` (two to six
    /// syllables): `생명주기를` settles a guess between `생명주기와` and `상명주기와`.
    func beginsAShownWord(_ letters: ArraySlice<UInt32>) -> Bool {
        index.beginsAWord(letters, text: text)
    }

    /// A word whose UTF-8 bytes, with the dropped bytes taken out, are `bytes`: first a
    /// counting word when a number follows, then the one word the document shows that fits.
    func evidence(for bytes: [UInt8], insertable: [UInt8], beforeNumber: Bool, model: RepairLanguageModel) -> String? {
        func fits(_ word: String) -> Bool {
            let full = Array(word.utf8)
            return full.count > bytes.count && full.filter { !insertable.contains($0) } == bytes
        }
        if beforeNumber, let counting = model.countingWords.sorted().first(where: fits) { return counting }
        let shown = index.candidates(for: bytes, insertable: insertable, text: text, added: added)
        return shown.count == 1 ? shown.first : nil
    }

    static func isWordCharacter(_ scalar: UInt32) -> Bool {
        // ASCII (nearly every character asked about) without the look-up.
        if scalar < 0x80 { return LineText.isAlphanumeric(UInt8(scalar)) }
        return ScriptClass.isLetter(scalar)
    }

    /// Whether a number comes next, past spaces and emphasis markers (`총 **10개**`).
    static func isFollowedByNumber(_ line: [MojibakeRepair.Character], after index: Int) -> Bool {
        var position = index
        while position < line.count, [0x20, 0x2A, 0x5F, 0x7E].contains(line[position].scalar) { position += 1 }
        return position < line.count && (0x30...0x39).contains(line[position].scalar) && position > index
    }
}

/// Looks words up by their UTF-8 bytes with a code page's droppable bytes taken out.
final class StrippedIndex: @unchecked Sendable {
    /// A word's UTF-8 bytes, hashed in one call rather than byte by byte.
    private struct Spelling: Hashable {
        let bytes: [UInt8]
        func hash(into hasher: inout Hasher) { bytes.withUnsafeBytes { hasher.combine(bytes: $0) } }
    }

    /// The distinct words of the text, read from it on the first question; with the words
    /// of repaired lines added so far, on the first question about stripped bytes.
    private var textWords: Set<Spelling>?
    private var distinct: Set<Spelling>?
    private var tables: [[UInt8]: [[UInt8]: [String]]] = [:]
    /// The starts (two to six syllables) of the text's words.
    private var starts: Set<[UInt32]>?

    private func words(of text: [UInt8]) -> Set<Spelling> {
        if let textWords { return textWords }
        var words = Set<Spelling>()
        DocumentWords.forEachHangulWord(in: text) { words.insert(Spelling(bytes: Array($0))) }
        textWords = words
        return words
    }

    func beginsAWord(_ letters: ArraySlice<UInt32>, text: [UInt8]) -> Bool {
        guard letters.count <= 6 else { return false }
        if starts == nil {
            var found = Set<[UInt32]>()
            for word in words(of: text) {
                let scalars = String(decoding: word.bytes, as: UTF8.self).unicodeScalars.map(\.value)
                for length in stride(from: 2, through: min(6, scalars.count), by: 1) { found.insert(Array(scalars.prefix(length))) }
            }
            starts = found
        }
        return starts!.contains(Array(letters))
    }

    /// The distinct words of `text` and `added` that hold a byte of `insertable` and read
    /// `bytes` without them.
    func candidates(for bytes: [UInt8], insertable: [UInt8], text: [UInt8], added: Set<String>) -> [String] {
        if tables[insertable] == nil {
            if distinct == nil {
                distinct = words(of: text).union(added.map { Spelling(bytes: Array($0.utf8)) })
            }
            var table: [[UInt8]: [String]] = [:]
            for word in distinct! where word.bytes.contains(where: insertable.contains) {
                table[word.bytes.filter { !insertable.contains($0) }, default: []].append(String(decoding: word.bytes, as: UTF8.self))
            }
            tables[insertable] = table
        }
        return tables[insertable]?[bytes] ?? []
    }
}
