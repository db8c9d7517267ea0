/// Repairs UTF-8 that was read through an East Asian double-byte code page (CP949,
/// Shift_JIS, GBK) and saved again: `café` read as CP949 is `caf챕`, `👍` read as GBK is
/// `馃憤`, `실패` read as GBK is `鞁ろ尐`. A run of such characters is encoded back with the
/// code page and the bytes read as UTF-8; the repair is kept only when that is exact and
/// clearly better.
///
/// Real Chinese, Japanese and Korean text must never change, and many real words encode to
/// valid UTF-8 by chance (`체크` in CP949 gives `üũ`, `为` in GBK gives `Ϊ`). So a run is
/// repaired only when the language model finds the repaired text much likelier than the
/// original, its letters keep to one script, and either
/// - it is *strong*: it yields a character beyond U+07FF (Hangul, CJK, an emoji, typographic
///   punctuation), which real text produces by chance almost never; or
/// - the document holds strong runs of the same code page, or every non-ASCII run of the
///   line repairs to a word: Latin letters glued to ASCII letters (`tr챔s` for `très`) or
///   Cyrillic or Greek letters (four or more in the line).
struct EastAsianRepair {
    let model: RepairLanguageModel

    /// One run of non-ASCII characters outside code: its byte range and first character.
    /// Its characters are decoded only for a code page its first character passes, which
    /// real East Asian text seldom does.
    private struct Run {
        var start = 0
        var end = 0
        var first: UInt32 = 0
        var gluedBefore = false
        var gluedAfter = false
        var gluedToASCIILetter: Bool { gluedBefore || gluedAfter }
    }

    private struct Candidate {
        let runIndex: Int
        let replacement: [UInt32]
        let isStrong: Bool
        /// How much likelier the repair is than the original, less the prior (nats).
        let gain: Double
        /// Whether the repair gives Latin letters (see `isLatinLetters`), or a word of two or
        /// more Cyrillic or Greek letters.
        let isWordLike: Bool
        /// Whether it gives Latin letters next to an ASCII letter.
        let isGluedLatin: Bool
        /// Whether the repair gives only Latin letters.
        let isLatinLetters: Bool
        /// Whether those letters go beyond Latin-1 (`ż`, `ě`), and whether the run sits inside
        /// an ASCII word.
        let needsCentralEuropean: Bool
        let isInsideWord: Bool
        /// Whether the run is Hangul syllables Korean text uses and the repair gives no
        /// Hangul or ideograph: `특징` through CP949 is `Ư¡`, `첫째` is `ù°`.
        let replacesKoreanWithOtherLetters: Bool
    }

    /// What it costs to believe a run is damaged at all: the repair must save more.
    static let repairPrior = 4.0
    /// What a weak run must save when the document shows strong damage through its code page.
    static let weakRunMargin = 1.0

    func fixes(in document: Document, avoiding taken: [Range<Int>]) -> [MojibakeRepair.LineFix] {
        let lines = candidateLines(document)
        guard !lines.isEmpty else { return [] }
        let pages = DoubleByteCodePage.all
        let encoders = pages.map { DoubleByteEncoder(page: $0) }
        // candidates[page][line] holds the repairable runs of that line.
        let candidates = encoders.map { page in lines.map { runs in runs.indices.compactMap { evaluate(runs, $0, page, in: document.utf8) } } }
        let evidence = candidates.map { $0.joined().filter(\.isStrong).count }
        // A run no code page repairs is the post's own East Asian text (a Korean post): there
        // a run beside an ASCII word is a word of it (`Python책`, `Chrome창`), not `Pythonå`.
        let showsOwnText = lines.indices.contains { line in
            lines[line].indices.contains { run in !candidates.contains { $0[line].contains { $0.runIndex == run } } }
        }
        var fixes: [MojibakeRepair.LineFix] = []
        for (lineIndex, runs) in lines.enumerated() {
            let ranked = pages.indices.compactMap { page -> (page: Int, accepted: [Candidate])? in
                let found = candidates[page][lineIndex]
                let wholeLine = found.count == runs.count && Self.isWholeLineOfWords(found, postShowsOwnText: showsOwnText)
                // Once the document shows strong damage, a weak run needs less to be believed;
                // but not a run of the post's own Korean, which many syllables read as
                // Latin: strong damage elsewhere turned a heading's `특징` into `Ư¡`.
                let accepted = found.filter {
                    $0.isStrong || wholeLine
                        || evidence[page] > 0 && $0.gain > Self.weakRunMargin - Self.repairPrior
                            && !($0.replacesKoreanWithOtherLetters && !$0.isGluedLatin)
                }
                return accepted.isEmpty ? nil : (page, accepted)
            }
            guard let best = ranked.max(by: { (evidence[$0.page], $0.accepted.count) < (evidence[$1.page], $1.accepted.count) }),
                let fix = lineFix(document, runs, best.accepted, codePage: pages[best.page].displayName),
                !taken.contains(where: { $0.overlaps(fix.range) })
            else { continue }
            fixes.append(fix)
        }
        return fixes
    }

    /// The repair of run `index` through `page`, or nil when there is no believable one.
    private func evaluate(_ runs: [Run], _ index: Int, _ page: DoubleByteEncoder, in text: [UInt8]) -> Candidate? {
        let run = runs[index]
        // A UTF-8 sequence never starts with a continuation byte: most real text stops at its
        // first character's first byte, before anything is allocated.
        guard let firstBytes = page.bytes(of: run.first),
            MojibakeDecoder.sequenceLength(UInt8(firstBytes > 0xFF ? firstBytes >> 8 : firstBytes)) != nil
        else { return nil }
        // Encoded character by character, the bytes stop being UTF-8 within a character or
        // two for most real text: checked as they come, before the run is decoded.
        var bytes: [UInt8] = []
        var wellFormed = 0
        var position = run.start
        while position < run.end {
            let (scalar, length) = Self.scalar(in: text, at: position)
            guard page.append(scalar, to: &bytes), Self.extendWellFormedPrefix(bytes, &wellFormed) else { return nil }
            position += length
        }
        guard wellFormed == bytes.count, let scalars = Self.decodeUTF8(Array(text[run.start..<run.end])),
            let repaired = Self.decodeUTF8(bytes), repaired != scalars,
            repaired.contains(where: { $0 >= 0x80 }), isPlausible(repaired)
        else { return nil }
        let insideWord = run.gluedBefore && run.gluedAfter
        let latinLetters = Self.isLatinLetters(repaired, withCentralEuropean: true)
        let gluedLatin = latinLetters && run.gluedToASCIILetter
        // Real CJK text seldom sits inside an ASCII word; mojibake of accented Latin does.
        let prior = Self.repairPrior - (gluedLatin && insideWord ? 4 : 0)
        let gain = originalCost(scalars) - repairedCost(repaired) - prior
        guard gain > -Self.repairPrior else { return nil }
        let isStrong = gain > 0 && repaired.contains { isStrongEvidence($0, besideASCIILetter: run.gluedToASCIILetter) }
        return Candidate(
            runIndex: index, replacement: repaired, isStrong: isStrong, gain: gain, isWordLike: latinLetters || Self.isAlphabetWord(repaired),
            isGluedLatin: gluedLatin, isLatinLetters: latinLetters,
            needsCentralEuropean: latinLetters && !Self.isLatinLetters(repaired, withCentralEuropean: false), isInsideWord: insideWord,
            replacesKoreanWithOtherLetters: scalars.allSatisfy { RepairLanguageModel.isHangulSyllable($0) && model.isKnown($0) }
                && !repaired.contains { RepairLanguageModel.isHangulSyllable($0) || RepairLanguageModel.isCJK($0) })
    }

    /// A character real text yields by chance almost never: beyond U+07FF and not a rare
    /// ideograph or syllable. A Latin letter the counts do not know (`盧巴` read as
    /// Shift_JIS gives `Ḕb`) is strong only beside an ASCII letter (`K昭쎺묍昭놹` is `Kṛṣṇa`).
    private func isStrongEvidence(_ scalar: UInt32, besideASCIILetter: Bool) -> Bool {
        if RepairLanguageModel.isHangulSyllable(scalar) { return model.isKnown(scalar) }
        if RepairLanguageModel.isCJK(scalar) { return model.cjkCost(scalar) < 9 }
        guard scalar >= 0x800 else { return false }
        return besideASCIILetter || ScriptClass(scalar) != .latin || model.letterCost(scalar) != nil
    }

    /// Every character is one prose may hold, and the letters keep to one script.
    private func isPlausible(_ scalars: [UInt32]) -> Bool {
        var script: ScriptClass?
        for scalar in scalars where scalar >= 0x80 {
            // C1 controls, rare ideographs, radicals and ideographic description characters
            // (`篩選` read as Shift_JIS gives `⿑I`): no prose holds them.
            if (0x80...0x9F).contains(scalar) || (0x3400...0x4DBF).contains(scalar) || (0x2E80...0x2FFF).contains(scalar) { return false }
            guard model.cost(of: scalar, after: nil) < 14 else { return false }
            guard let letter = ScriptClass(scalar) else { continue }
            if let script, script != letter { return false }
            script = letter
        }
        return true
    }

    /// Every run of a line repairs to words, and together they are likelier repaired: Latin
    /// letters where at least half the runs sit inside ASCII words (`caf챕 … 횪 …`), or four
    /// or more Cyrillic or Greek letters.
    private static func isWholeLineOfWords(_ found: [Candidate], postShowsOwnText: Bool) -> Bool {
        // Korean and Chinese beside an ASCII word spell Latin letters too (`Enter키` through
        // CP949 is `EnterŰ`, `Chrome창` `Chromeâ`, `Java女` through GBK `JavaŮ`): beside one
        // ASCII word, Central European letters count only in a line that shows accented
        // Latin inside a word (`R처탉nica` is `Różnica`, `wkr처tce` is `wkrótce`), and Latin-1
        // letters also in a post without East Asian text of its own (`Chybn찼` is `Chybná`).
        let latinInsideWord = found.contains { $0.isLatinLetters && $0.isInsideWord }
        let believed = { (candidate: Candidate) in
            !candidate.isLatinLetters || candidate.isInsideWord || latinInsideWord
                || !candidate.needsCentralEuropean && !postShowsOwnText
        }
        guard found.allSatisfy({ $0.isWordLike && believed($0) }), found.reduce(0, { $0 + $1.gain }) > 0 else { return false }
        if found.allSatisfy(\.isLatinLetters) { return found.filter(\.isGluedLatin).count * 2 >= found.count }
        return found.reduce(0) { $0 + $1.replacement.count } >= 4
    }

    /// Letters, all Cyrillic or all Greek (`Модель` read as GBK is `袦芯写械谢褜`).
    static func isAlphabetWord(_ scalars: [UInt32]) -> Bool {
        guard let script = ScriptClass(scalars[0]), script == .cyrillic || script == .greek else { return false }
        return scalars.allSatisfy { ScriptClass($0) == script }
    }

    /// Latin-1 letters, and with `withCentralEuropean` the letters Central European and
    /// Turkish text adds (`ż`, `ě`, `ő`, `ș`, `ğ`); never the rest of Latin Extended-A
    /// (`체크` through CP949 is `üũ`).
    static func isLatinLetters(_ repaired: [UInt32], withCentralEuropean: Bool) -> Bool {
        repaired.allSatisfy {
            $0 < 0x80 || (0xC0...0xFF).contains($0) && $0 != 0xD7 && $0 != 0xF7 || withCentralEuropean && centralEuropeanLetters.contains($0)
        }
    }

    private static let centralEuropeanLetters = Set("ąćęłńśźżčďěňřšťůžľĺŕőűăâîșțşţğıİĄĆĘŁŃŚŹŻČĎĚŇŘŠŤŮŽĽĹŔŐŰĂȘȚŞŢĞ".unicodeScalars.map(\.value))

    /// What the original characters cost as real text.
    private func originalCost(_ scalars: [UInt32]) -> Double {
        var cost = 0.0
        var previous: UInt32?
        for scalar in scalars {
            switch scalar {
            case 0xFF61...0xFF9F: cost += 9  // half-width katakana: rare in real text
            case 0xE000...0xF8FF: cost += 12  // private use: what Shift_JIS makes of emoji lead bytes
            default:
                let value = model.cost(of: scalar, after: previous)
                cost += value.isFinite ? value : 12
            }
            previous = scalar
        }
        if let previous { cost += model.wordEndCost(previous) }
        return cost
    }

    private func repairedCost(_ scalars: [UInt32]) -> Double {
        var cost = 0.0
        var previous: UInt32?
        for scalar in scalars {
            cost += scalar < 0x80 ? 0 : model.cost(of: scalar, after: previous)
            previous = scalar
        }
        if let previous { cost += model.wordEndCost(previous) }
        return cost
    }

    /// The character at `position` of the text, and its length in bytes.
    private static func scalar(in text: [UInt8], at position: Int) -> (UInt32, Int) {
        text.withUnsafeBufferPointer { LineText.scalar($0, at: position, end: $0.count) }
    }

    /// Moves `end` over the complete characters that follow it in `bytes`; false when one
    /// of them is not well-formed UTF-8. A character still missing bytes stays unchecked.
    static func extendWellFormedPrefix(_ bytes: [UInt8], _ end: inout Int) -> Bool {
        while end < bytes.count {
            if bytes[end] < 0x80 {
                end += 1
                continue
            }
            guard let length = MojibakeDecoder.sequenceLength(bytes[end]) else { return false }
            let available = min(length, bytes.count - end)
            if !MojibakeDecoder.isWellFormedPrefix(bytes[end..<(end + available)]) {
                // A prefix no completion can save (a bad second byte or a non-continuation).
                return false
            }
            guard available == length else { return true }
            end += length
        }
        return true
    }

    /// Strict UTF-8 decoding; nil when the bytes are not well-formed.
    static func decodeUTF8(_ bytes: [UInt8]) -> [UInt32]? {
        var scalars: [UInt32] = []
        var position = 0
        while position < bytes.count {
            if bytes[position] < 0x80 {
                scalars.append(UInt32(bytes[position]))
                position += 1
                continue
            }
            guard let length = MojibakeDecoder.sequenceLength(bytes[position]), position + length <= bytes.count,
                let scalar = MojibakeDecoder.decode(bytes[position..<(position + length)])
            else { return nil }
            scalars.append(scalar)
            position += length
        }
        return scalars
    }

    /// One fix for the line: from the first repaired run to the last, text between kept.
    private func lineFix(_ document: Document, _ runs: [Run], _ accepted: [Candidate], codePage: String) -> MojibakeRepair.LineFix? {
        guard let first = accepted.first, let last = accepted.last else { return nil }
        var replacement = String.UnicodeScalarView()
        var pieces: [(range: Range<Int>, replacement: String)] = []
        var cursor = runs[first.runIndex].start
        for candidate in accepted {
            let run = runs[candidate.runIndex]
            let repaired = String(String.UnicodeScalarView(candidate.replacement.compactMap(Unicode.Scalar.init)))
            replacement.append(contentsOf: document.string(cursor..<run.start).unicodeScalars)
            replacement.append(contentsOf: repaired.unicodeScalars)
            pieces.append((run.start..<run.end, repaired))
            cursor = run.end
        }
        return MojibakeRepair.LineFix(
            range: runs[first.runIndex].start..<runs[last.runIndex].end, replacement: String(replacement),
            codePage: codePage, rounds: 1, restoredBytes: 0, pieces: pieces)
    }

    /// Per line holding a character from U+3000 on (the lead bytes 0xE3...0xEF), its runs
    /// of non-ASCII characters outside code.
    private func candidateLines(_ document: Document) -> [[Run]] {
        let bytes = document.utf8
        guard bytes.contains(where: { (0xE3...0xEF).contains($0) }) else { return [] }
        let code = document.regions.filter { $0.kind == .codeBlock || $0.kind == .codeSpan }.map(\.range)
        var result: [[Run]] = []
        for number in 0..<document.lines.lineCount {
            let range = document.lines.contentRange(ofLine: number)
            guard Self.holdsThreeByteLead(bytes, in: range) else { continue }
            let runs = Self.runs(bytes, in: range, code: code)
            if !runs.isEmpty { result.append(runs) }
        }
        return result
    }

    /// Whether a byte leading a three-byte character from U+3000 up (E3...EF) lies in range.
    private static func holdsThreeByteLead(_ bytes: [UInt8], in range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = ByteSearch.firstNonASCII(buffer, from: range.lowerBound, before: range.upperBound)
            while index < range.upperBound {
                if (0xE3...0xEF).contains(buffer[index]) { return true }
                index = ByteSearch.firstNonASCII(buffer, from: index + 1, before: range.upperBound)
            }
            return false
        }
    }

    private static func runs(_ bytes: [UInt8], in range: Range<Int>, code: [Range<Int>]) -> [Run] {
        var runs: [Run] = []
        var current: Run?
        var position = range.lowerBound
        // Code ranges are sorted and disjoint: the first one not ending before the line.
        var nextCode = code.firstIndex(endingAfter: position)
        while position < range.upperBound {
            let length = MojibakeDecoder.sequenceLength(bytes[position]) ?? 1
            while nextCode < code.endIndex, code[nextCode].upperBound <= position { nextCode += 1 }
            let inCode = nextCode < code.endIndex && code[nextCode].contains(position)
            let isText = bytes[position] >= 0x80 && !inCode
            if isText, position + length <= range.upperBound {
                if current == nil { current = Run(start: position, first: Self.scalar(in: bytes, at: position).0) }
                current?.end = position + length
            } else if var finished = current {
                finished.gluedAfter = isASCIILetter(bytes[position])
                runs.append(finished)
                current = nil
            } else if bytes[position] < 0x80 {
                // Between runs, ASCII is passed over eight bytes at a time.
                position = bytes.withUnsafeBufferPointer { ByteSearch.firstNonASCII($0, from: position + 1, before: range.upperBound) }
                continue
            }
            position += isText ? length : 1
        }
        if let current { runs.append(current) }
        for index in runs.indices where runs[index].start > range.lowerBound {
            runs[index].gluedBefore = isASCIILetter(bytes[runs[index].start - 1])
        }
        return runs
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
