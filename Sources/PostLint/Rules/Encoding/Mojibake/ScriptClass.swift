/// A coarse script of a letter, enough to tell that a repair mixes alphabets inside a word.
enum ScriptClass: Hashable {
    case latin, greek, cyrillic, armenian, hebrew, arabic, hangul, cjk, other

    /// Nil for what is not a letter.
    init?(_ scalar: UInt32) {
        if RepairLanguageModel.isHangulSyllable(scalar) {
            self = .hangul
            return
        }
        guard let value = Unicode.Scalar(scalar), value.properties.isAlphabetic else { return nil }
        switch scalar {
        case 0x41...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: self = .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
        case 0x400...0x52F: self = .cyrillic
        case 0x530...0x58F: self = .armenian
        case 0x590...0x5FF: self = .hebrew
        case 0x600...0x6FF: self = .arabic
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7A3: self = .hangul
        case 0x3040...0x30FF, 0x4E00...0x9FFF: self = .cjk
        default: self = .other
        }
    }
}
