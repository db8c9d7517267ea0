/// The byte fast path of ICU's word segmentation, for lines whose letters are ASCII,
/// Hangul syllables, or Chinese and Japanese characters (English, Korean and Chinese
/// prose: nearly every line of the corpus). ICU's word-break iterator (the simple path,
/// still used for every other line) cost a third of the prose scan, most of it in its
/// Chinese dictionary; `TypoFastPathTests` checks that both give the same words.
extension LineText {
    /// The line's word segments, appended to `result`; false (with nothing appended) when
    /// only ICU can segment the line (letters, marks or format characters of other scripts,
    /// or punctuation that joins words in ICU's rules). The scanner passes the same scratch
    /// arrays for every line.
    static func fastSegments(
        _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, into result: inout [Range<Int>], scratch: inout SegmentScratch
    ) -> Bool {
        if !needsWordBreakIterator(bytes, line) {
            asciiSegments(bytes, line, into: &result)
            return true
        }
        return mixedScriptSegments(bytes, line, into: &result, scratch: &scratch)
    }

    /// Non-ASCII characters that join words in ICU's rules (`foo·bar`, `a‘b`, `a‿b`), and
    /// emoji skin-tone modifiers (which attach to the character before them): rare in
    /// prose, left to ICU.
    private static let joiningCharacters: Set<UInt32> = [
        0x00B7, 0x0387, 0x055F, 0x05F4, 0x2018, 0x2024, 0x2027, 0xFE13, 0xFE52, 0xFF07, 0xFF0E,
        0x202F, 0x203F, 0x2040, 0x2054, 0xFE33, 0xFE34, 0xFE4D, 0xFE4E, 0xFE4F, 0xFF3F,
        0x1F3FB, 0x1F3FC, 0x1F3FD, 0x1F3FE, 0x1F3FF,
    ]

    /// Separators between digits (`1，000`), common in Chinese text: they join only numbers,
    /// which the typo rule never judges.
    private static let numberSeparators: Set<UInt32> = [
        0x037E, 0x0589, 0x060C, 0x060D, 0x066C, 0x07F8, 0x2044, 0xFE10, 0xFE14, 0xFE50, 0xFE54, 0xFF0C, 0xFF1B,
    ]

    private static func asciiClass(_ byte: UInt8) -> BreakClass {
        if isLetter(byte) { return .letter }
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return .numeric }
        switch byte {
        case UInt8(ascii: "_"): return .extendNumLet
        case UInt8(ascii: "."), UInt8(ascii: "'"): return .midNumLetQ
        case UInt8(ascii: ","), UInt8(ascii: ";"): return .midNum
        default: return .other
        }
    }

    /// Segments of a line holding Hangul syllables or Chinese and Japanese characters
    /// (not both: ICU's dictionary decides where a word of either ends, next to the
    /// other), or nil when it holds a character this emulation does not cover.
    static func mixedScriptSegments(
        _ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, into result: inout [Range<Int>], scratch: inout SegmentScratch
    ) -> Bool {
        scratch.classes.removeAll(keepingCapacity: true)
        scratch.starts.removeAll(keepingCapacity: true)
        scratch.classes.reserveCapacity(line.count)
        scratch.starts.reserveCapacity(line.count + 1)
        var sawHangul = false
        var sawChineseOrJapanese = false
        var index = line.lowerBound
        while index < line.upperBound {
            scratch.starts.append(index)
            if bytes[index] < 0x80 {
                scratch.classes.append(asciiClass(bytes[index]))
                index += 1
                continue
            }
            let (value, length) = scalar(bytes, at: index, end: line.upperBound)
            index += length
            if value >= Hangul.syllableBase && value <= Hangul.syllableLast {
                scratch.classes.append(.hangul)
                sawHangul = true
            } else if isChineseOrJapanese(value) {
                scratch.classes.append(.other)
                sawChineseOrJapanese = true
            } else if value == 0x2019 {
                scratch.classes.append(.midNumLetQ)
            } else if numberSeparators.contains(value) {
                scratch.classes.append(.midNum)
            } else if joiningCharacters.contains(value) || !isWordSeparating(value) {
                return false
            } else {
                scratch.classes.append(.other)
            }
        }
        if sawHangul && sawChineseOrJapanese { return false }
        scratch.starts.append(line.upperBound)
        scratch.classes.withUnsafeBufferPointer { classes in
            var segmentStart = 0
            for position in 1...classes.count {
                if position < classes.count, !breaks(classes, before: position) { continue }
                if UnsafeBufferPointer(rebasing: classes[segmentStart..<position]).contains(where: { $0 == .letter || $0 == .numeric || $0 == .hangul }) {
                    result.append(scratch.starts[segmentStart]..<scratch.starts[position])
                }
                segmentStart = position
            }
        }
        return true
    }

    /// Han ideographs, hiragana and katakana letters (with the prolonged sound mark ー and
    /// the iteration marks), the characters ICU's CJK dictionary segments.
    private static func isChineseOrJapanese(_ value: UInt32) -> Bool {
        switch value {
        case 0x3041...0x3096, 0x309D...0x309F, 0x30A1...0x30FA, 0x30FC...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xF900...0xFAFF, 0x20000...0x3134F:
            return true
        default:
            return false
        }
    }

    /// Whether a scalar is a space, punctuation or symbol (word-break class Other).
    private static func isWordSeparating(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// UAX #29 rules WB5–WB13b for the classes above (no Extend or Format characters: those lines go to ICU).
    private static func breaks(_ classes: UnsafeBufferPointer<BreakClass>, before position: Int) -> Bool {
        let left = classes[position - 1]
        let right = classes[position]
        let next = position + 1 < classes.count ? classes[position + 1] : .other
        let beforeLeft = position >= 2 ? classes[position - 2] : .other
        switch (left, right) {
        case (.hangul, .hangul): return false
        case (.letter, .letter), (.letter, .numeric), (.numeric, .letter), (.numeric, .numeric): return false
        case (.letter, .extendNumLet), (.numeric, .extendNumLet), (.extendNumLet, .extendNumLet): return false
        case (.extendNumLet, .letter), (.extendNumLet, .numeric): return false
        case (.letter, .midLetter), (.letter, .midNumLetQ): return next != .letter
        case (.midLetter, .letter), (.midNumLetQ, .letter): return beforeLeft != .letter
        case (.numeric, .midNum), (.numeric, .midNumLetQ): return next != .numeric
        case (.midNum, .numeric), (.midNumLetQ, .numeric): return beforeLeft != .numeric
        default: return true
        }
    }

    /// Whether the range is one run of Hangul syllables (three-byte sequences EA B0 80 ... ED 9E A3).
    static func isHangulSyllables(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count % 3 == 0 else { return false }
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            guard lead >= 0xEA, lead <= 0xED, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 else { return false }
            let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            guard value >= Hangul.syllableBase, value <= Hangul.syllableLast else { return false }
            index += 3
        }
        return true
    }
}

/// Word-break classes of UAX #29 as ICU 72 applies them on such lines (ICU takes colons
/// out of MidLetter: `x:y` and `x：y` are two words). ICU keeps
/// Hangul syllables apart: a run of them is one word, never joined to ASCII letters,
/// digits or `_` (`SOTA혹은` is `SOTA` + `혹은`, `3번의` is `3` + `번의`). Chinese and
/// Japanese characters go to ICU's dictionary, which splits them into words of their
/// own, never joined to ASCII letters (`GPT模型` is `GPT` + `模型`): the typo rule
/// judges none of them, so they only separate words here (`other`).
fileprivate enum BreakClass: UInt8 {
    case letter, numeric, extendNumLet, midLetter, midNumLetQ, midNum, hangul, other
}

/// The arrays `mixedScriptSegments` fills for each line, kept between lines so that a
/// document's scan allocates them once.
struct SegmentScratch {
    init() {}

    fileprivate var classes: [BreakClass] = []
    fileprivate var starts: [Int] = []
}
