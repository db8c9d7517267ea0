/// The Korean words a document itself shows undamaged (or repaired without guessing), and
/// the words that introduce a count: the evidence that settles a repair the syllable model
/// alone cannot (`ì´` before `**10개**` is `총`, not the likelier syllable `이`).
struct DocumentWords {
    private var words: [String: Int] = [:]
    /// The words by their bytes without the droppable ones, built once per code page.
    private let index = StrippedIndex()

    init(_ document: Document) {
        guard document.utf8.contains(where: { $0 >= 0xEA && $0 <= 0xED }) else { return }
        add(document.text.unicodeScalars.map(\.value))
    }

    mutating func add(_ characters: [MojibakeRepair.Character]) {
        add(characters.map(\.scalar))
    }

    private mutating func add(_ scalars: [UInt32]) {
        var word = String.UnicodeScalarView()
        for scalar in scalars + [0x20] {
            if RepairLanguageModel.isHangulSyllable(scalar) {
                word.append(Unicode.Scalar(scalar)!)
            } else if !word.isEmpty {
                words[String(word), default: 0] += 1
                word = String.UnicodeScalarView()
            }
        }
    }

    /// A word whose UTF-8 bytes, with the dropped bytes taken out, are `bytes`: first a
    /// counting word when a number follows, then the one word the document shows that fits.
    func evidence(for bytes: [UInt8], insertable: [UInt8], beforeNumber: Bool, model: RepairLanguageModel) -> String? {
        func fits(_ word: String) -> Bool {
            let full = Array(word.utf8)
            return full.count > bytes.count && full.filter { !insertable.contains($0) } == bytes
        }
        if beforeNumber, let counting = model.countingWords.sorted().first(where: fits) { return counting }
        let shown = index.candidates(for: bytes, insertable: insertable, words: words.keys)
        return shown.count == 1 ? shown.first : nil
    }

    static func isWordCharacter(_ scalar: UInt32) -> Bool {
        guard let value = Unicode.Scalar(scalar) else { return false }
        return value.properties.isAlphabetic || ("0"..."9").contains(value)
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
    private var tables: [[UInt8]: [[UInt8]: [String]]] = [:]

    func candidates(for bytes: [UInt8], insertable: [UInt8], words: Dictionary<String, Int>.Keys) -> [String] {
        if tables[insertable] == nil {
            var table: [[UInt8]: [String]] = [:]
            for word in words {
                let full = Array(word.utf8)
                let stripped = full.filter { !insertable.contains($0) }
                if stripped.count < full.count { table[stripped, default: []].append(word) }
            }
            tables[insertable] = table
        }
        return tables[insertable]?[bytes] ?? []
    }
}
