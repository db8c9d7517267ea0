/// A coarse script of a letter, enough to tell that a repair mixes alphabets inside a word.
enum ScriptClass: UInt8, Hashable {
    case latin, greek, cyrillic, armenian, hebrew, arabic, hangul, cjk, other

    /// Nil for what is not a letter.
    init?(_ scalar: UInt32) {
        if RepairLanguageModel.isHangulSyllable(scalar) {
            self = .hangul
            return
        }
        guard scalar < Self.tabled else {
            guard let found = Self.classify(scalar) else { return nil }
            self = found
            return
        }
        let entry = Self.table[Int(scalar)]
        guard entry != 0 else { return nil }
        self = ScriptClass(rawValue: entry - 1)!
    }

    /// Whether the scalar is a letter (Unicode's Alphabetic), from the table where it has one.
    static func isLetter(_ scalar: UInt32) -> Bool { ScriptClass(scalar) != nil }

    /// The class of every scalar below `tabled` (its raw value + 1; 0: no letter), worked out
    /// once: a repair asks about the same few hundred characters millions of times, and the
    /// Unicode property look-up cost more than the rest of the repair (a fifth of a damaged
    /// document's time).
    private static let tabled: UInt32 = 0x3000
    private static let table: [UInt8] = (0..<tabled).map { scalar in classify(scalar).map { $0.rawValue + 1 } ?? 0 }

    /// The class from the scalar's Unicode properties.
    static func classify(_ scalar: UInt32) -> ScriptClass? {
        guard let value = Unicode.Scalar(scalar), value.properties.isAlphabetic else { return nil }
        switch scalar {
        case 0x41...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
        case 0x400...0x52F: return .cyrillic
        case 0x530...0x58F: return .armenian
        case 0x590...0x5FF: return .hebrew
        case 0x600...0x6FF: return .arabic
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7A3: return .hangul
        case 0x3040...0x30FF, 0x4E00...0x9FFF: return .cjk
        default: return .other
        }
    }
}
