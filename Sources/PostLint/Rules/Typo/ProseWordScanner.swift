import ICUShim

/// A word of prose the typo rule judges.
struct ProseWord {
    enum Script { case latin, hangul }

    let range: Range<Int>
    let script: Script
    /// Nothing but markup or list markers before it on the line, or it follows `.`, `!`,
    /// `?` or `:`: a capital letter there says nothing about a proper noun.
    let startsSentence: Bool
    /// The word itself: empty as scanned (words are plain ranges, with nothing to retain
    /// or allocate), filled in by `withText` when the word is judged.
    private(set) var text = ""

    init(range: Range<Int>, script: Script, startsSentence: Bool) {
        self.range = range
        self.script = script
        self.startsSentence = startsSentence
    }

    /// The word with its text, read from the document's bytes.
    func withText(_ bytes: [UInt8]) -> ProseWord {
        var word = self
        word.text = String(decoding: bytes[range], as: UTF8.self)
        return word
    }
}

/// Finds the words of a document's prose. Left out: everything `Document.isProse` rejects
/// (code, front matter, MDX syntax, HTML, link destinations), URLs, paths, e-mail
/// addresses, hashtags, LaTeX (`$…$`, `\command{…}`), Liquid tags, lines with mojibake,
/// and words with digits or letters of other scripts. Lines with letters other than ASCII
/// and Hangul syllables are split into words with ICU's word-break iterator; the others
/// take a byte fast path that splits them as ICU does (`LineText.fastSegments`).
struct ProseWordScanner {
    let document: Document
    private let bytes: [UInt8]
    /// Merged, sorted byte ranges that are not prose.
    private let opaque: [Range<Int>]

    /// Whether lines with non-ASCII letters go to ICU (the simple path) rather than to
    /// `LineText.fastSegments`; for tests that compare the two.
    private let icuForNonASCIILetters: Bool

    init(document: Document, icuForNonASCIILetters: Bool = false) {
        self.document = document
        self.icuForNonASCIILetters = icuForNonASCIILetters
        bytes = document.utf8
        var hidden = document.regions.filter { Document.nonProseKinds.contains($0.kind) }.map(\.range)
        // A post's title and description are read as text too: their words are prose.
        if let frontMatter = document.frontMatter {
            let shown = frontMatter.proseValueRanges(in: document.utf8, lines: document.lines)
            hidden = hidden.flatMap { range in range == frontMatter.range ? Self.gaps(of: range, between: shown) : [range] }
        }
        opaque = Self.merged(hidden)
    }

    /// `range` without the ranges in `shown` (sorted, inside it).
    static func gaps(of range: Range<Int>, between shown: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        for part in shown {
            if part.lowerBound > start { result.append(start..<part.lowerBound) }
            start = part.upperBound
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result
    }

    /// Arrays the scan fills for each line, kept from line to line: one allocation each
    /// per document rather than several per line.
    private struct LineScratch {
        var skipped: [Range<Int>] = []
        var chunks: [Range<Int>] = []
        var segments: [Range<Int>] = []
        var segmentScratch = SegmentScratch()
    }

    func words() -> [ProseWord] {
        var result: [ProseWord] = []
        var scratch = LineScratch()
        var opaqueCursor = 0
        var inDisplayMath = false
        bytes.withUnsafeBufferPointer { buffer in
            for line in 0..<document.lines.lineCount {
                let range = document.lines.contentRange(ofLine: line)
                let lineBytes = UnsafeBufferPointer(rebasing: buffer[range])
                let signs = LineText.signs(of: lineBytes)
                if signs.contains(.dollar) {
                    let trimmed = String(decoding: bytes[range], as: UTF8.self).trimmingWhitespace
                    // `$$` alone on its line, or opening math that goes on to later lines,
                    // starts or ends display math; `$$E = mc^2$$,` (kramdown's inline math)
                    // closes on its own line, and `markupToSkip` takes it out.
                    if trimmed.hasPrefix("$$"), !trimmed.dropFirst(2).contains("$$") {
                        inDisplayMath.toggle()
                        continue
                    }
                }
                if inDisplayMath || range.isEmpty || LineText.isLinkReferenceDefinition(lineBytes) { continue }
                while opaqueCursor < opaque.count, opaque[opaqueCursor].upperBound <= range.lowerBound { opaqueCursor += 1 }
                scratch.skipped.removeAll(keepingCapacity: true)
                for index in opaqueCursor..<opaque.count {
                    if opaque[index].lowerBound >= range.upperBound { break }
                    scratch.skipped.append(opaque[index].clamped(to: range))
                }
                // Lines of code blocks and front matter go before any scan of their bytes.
                if scratch.skipped.contains(where: { $0 == range })
                    || signs.contains(.mojibakeLead) && LineText.hasMojibakeDecoding(lineBytes)
                {
                    continue
                }
                if signs.contains(.markupOpener) { scratch.skipped += LineText.markupToSkip(bytes, range) }
                if scratch.skipped.contains(where: { $0 == range }) { continue }
                words(inLine: range, of: buffer, scratch: &scratch, into: &result)
            }
        }
        return result
    }

    private func words(
        inLine line: Range<Int>, of buffer: UnsafeBufferPointer<UInt8>, scratch: inout LineScratch, into result: inout [ProseWord]
    ) {
        scratch.chunks.removeAll(keepingCapacity: true)
        LineText.wordChunks(buffer, line, into: &scratch.chunks)
        guard !scratch.chunks.isEmpty else { return }
        scratch.segments.removeAll(keepingCapacity: true)
        if icuForNonASCIILetters {
            if LineText.needsWordBreakIterator(buffer, line) {
                scratch.segments = icuSegments(line)
            } else {
                LineText.asciiSegments(buffer, line, into: &scratch.segments)
            }
        } else if !LineText.fastSegments(buffer, line, into: &scratch.segments, scratch: &scratch.segmentScratch) {
            scratch.segments = icuSegments(line)
        }
        let chunks = scratch.chunks
        let skipped = scratch.skipped
        var chunkIndex = 0
        for segment in scratch.segments {
            while chunkIndex < chunks.count, chunks[chunkIndex].upperBound <= segment.lowerBound { chunkIndex += 1 }
            guard chunkIndex < chunks.count, chunks[chunkIndex].lowerBound <= segment.lowerBound,
                segment.upperBound <= chunks[chunkIndex].upperBound,
                !skipped.contains(where: { $0.overlaps(Self.withoutEndApostrophes(segment, buffer)) }),
                !isSplitByEmphasis(segment, line: line), !Self.isCalledOrManPage(segment, buffer, line: line)
            else { continue }
            scriptRuns(of: segment, line: line, buffer, into: &result)
        }
    }

    /// A segment without the apostrophes at its ends, which may be a hidden quote mark
    /// (`title: 'How we recieve'` shows the title's words, not its quotes).
    private static func withoutEndApostrophes(_ segment: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lower = segment.lowerBound
        var upper = segment.upperBound
        while lower < upper, buffer[lower] == UInt8(ascii: "'") { lower += 1 }
        while upper > lower, buffer[upper - 1] == UInt8(ascii: "'") { upper -= 1 }
        return lower..<upper
    }

    /// `strdup()`, `statfs(2)`, `exit(3p)`: a function called or a manual page, named
    /// outside code, is an identifier, not a word (`statfs` is no slip of `status`).
    private static func isCalledOrManPage(_ segment: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>, line: Range<Int>) -> Bool {
        var index = segment.upperBound
        guard index + 1 < line.upperBound, buffer[index] == UInt8(ascii: "(") else { return false }
        index += 1
        if buffer[index] == UInt8(ascii: ")") { return true }
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(buffer[index]) else { return false }
        while index < line.upperBound, buffer[index] != UInt8(ascii: ")") {
            guard LineText.isAlphanumeric(buffer[index]), index - segment.upperBound < 5 else { return false }
            index += 1
        }
        return index < line.upperBound
    }

    /// `**C**orrectness`: emphasis inside a word cuts it in pieces that are not words.
    private func isSplitByEmphasis(_ segment: Range<Int>, line: Range<Int>) -> Bool {
        let isMarker = { (byte: UInt8) in byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") }
        var before = segment.lowerBound
        while before > line.lowerBound, isMarker(bytes[before - 1]) { before -= 1 }
        if before < segment.lowerBound, before > line.lowerBound, LineText.isAlphanumeric(bytes[before - 1]) { return true }
        var after = segment.upperBound
        while after < line.upperBound, isMarker(bytes[after]) { after += 1 }
        return after > segment.upperBound && after < line.upperBound && LineText.isAlphanumeric(bytes[after])
    }

    private func icuSegments(_ line: Range<Int>) -> [Range<Int>] {
        var bounds = [Int32](repeating: 0, count: 2 * line.count + 2)
        let count = bytes[line].withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { characters in
                plicu_word_segments(characters.baseAddress, Int32(line.count), &bounds, Int32(bounds.count))
            }
        }
        guard count > 0 else { return [] }
        return (0..<Int(count)).map { line.lowerBound + Int(bounds[2 * $0])..<line.lowerBound + Int(bounds[2 * $0 + 1]) }
    }

    /// Splits a segment into its Latin and Hangul words (`SOTA혹은`); a segment with
    /// digits, underscores or letters of other scripts is not judged at all.
    private func scriptRuns(
        of segment: Range<Int>, line: Range<Int>, _ buffer: UnsafeBufferPointer<UInt8>, into result: inout [ProseWord]
    ) {
        var isASCII = true
        var onlyLettersAndApostrophes = true
        for index in segment {
            let byte = buffer[index]
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if !LineText.isLetter(byte) && byte != UInt8(ascii: "'") { onlyLettersAndApostrophes = false }
        }
        if isASCII {
            // ASCII fast path: letters and apostrophes only, or nothing to judge.
            guard onlyLettersAndApostrophes else { return }
            if let word = word(LineText.trimApostrophes(bytes, segment), .latin, line: line) { result.append(word) }
            return
        }
        if LineText.isHangulSyllables(bytes, segment) {
            // Hangul fast path: one run of syllables, one Korean word.
            if let word = word(segment, .hangul, line: line) { result.append(word) }
            return
        }
        // Latin letters, apostrophes and Hangul syllables only (`SOTA혹은`), or nothing:
        // checked whole before any run is taken.
        var offset = segment.lowerBound
        while offset < segment.upperBound {
            let (value, length) = LineText.scalar(buffer, at: offset, end: segment.upperBound)
            guard Self.script(of: value) != nil else { return }
            offset += length
        }
        var runStart = segment.lowerBound
        var runScript: ProseWord.Script?
        offset = segment.lowerBound
        while offset <= segment.upperBound {
            let (value, length) = offset < segment.upperBound ? LineText.scalar(buffer, at: offset, end: segment.upperBound) : (0, 1)
            let script = offset < segment.upperBound ? Self.script(of: value) : nil
            if script != runScript {
                if let finished = runScript {
                    let range = runStart..<offset
                    if let word = word(finished == .latin ? LineText.trimApostrophes(bytes, range) : range, finished, line: line) {
                        result.append(word)
                    }
                }
                runStart = offset
                runScript = script
            }
            offset += length
        }
    }

    /// The script a scalar of a judged word belongs to: ASCII letters, the apostrophes
    /// ' and ’ (Latin), Hangul syllables; nil for anything else.
    private static func script(of value: UInt32) -> ProseWord.Script? {
        if value < 0x80 {
            return LineText.isLetter(UInt8(value)) || value == UInt32(UInt8(ascii: "'")) ? .latin : nil
        }
        if value == 0x2019 { return .latin }
        return value >= Hangul.syllableBase && value <= Hangul.syllableLast ? .hangul : nil
    }

    private func word(_ range: Range<Int>, _ script: ProseWord.Script, line: Range<Int>) -> ProseWord? {
        guard !range.isEmpty else { return nil }
        // Only a capital letter makes the sentence start matter.
        let capital = bytes[range.lowerBound] >= UInt8(ascii: "A") && bytes[range.lowerBound] <= UInt8(ascii: "Z")
        return ProseWord(
            range: range, script: script,
            startsSentence: capital && LineText.startsSentence(bytes, at: range.lowerBound, lineStart: line.lowerBound))
    }

    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}

extension String {
    fileprivate var trimmingWhitespace: Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
