/// Lines of prose in another language (French, Irish, Latin placeholder text): English
/// suggestions there are noise. A line is foreign when three or more, and a third, of its
/// words are unknown to both the dictionary and the repository, or two or more and a half
/// when some of them carry accented Latin letters (é, ú, ç), which English words do not.
enum ForeignText {
    static func lines(of flagged: [ProseWord], in document: Document, _ vocabulary: Vocabulary) -> Set<Int> {
        var result: Set<Int> = []
        var counts: [Int: Counts] = [:]
        func count(_ line: Int) -> Counts {
            if let known = counts[line] { return known }
            let value = Counts(document.utf8[document.lines.contentRange(ofLine: line)], vocabulary)
            counts[line] = value
            return value
        }
        for line in Set(flagged.map { document.lines.lineNumber(at: $0.range.lowerBound) }) {
            let counted = count(line)
            if counted.isForeign || counted.isOtherLanguage {
                result.insert(line)
                continue
            }
            // Placeholder text and tables of identifiers come in short lines: look at the
            // lines around, where most words must be unknown.
            let window = max(0, line - 3)...min(document.lines.lineCount - 1, line + 3)
            let total = window.map(count).reduce(Counts()) { $0.adding($1) }
            if total.unknown >= 5 && total.unknown * 2 > total.words { result.insert(line) }
        }
        return result
    }

    struct Counts {
        var words = 0
        var unknown = 0
        var accented = 0
        /// Of this line alone (not summed): four or more function words of one language
        /// other than English (see `isOtherLanguage`).
        var isOtherLanguage = false

        init() {}

        var isForeign: Bool { (unknown >= 3 && unknown * 3 > words) || (accented > 0 && unknown >= 2 && unknown * 2 >= words) }

        func adding(_ other: Counts) -> Counts {
            var sum = self
            sum.words += other.words
            sum.unknown += other.unknown
            sum.accented += other.accented
            return sum
        }

        init(_ line: ArraySlice<UInt8>, _ vocabulary: Vocabulary) {
            // An address's words are no language: `/nous/avons/` does not make a line French.
            let tokens = ForeignText.latinTokens(URLWords.blankingAddresses(in: line))
            isOtherLanguage = ForeignText.isOtherLanguage(tokens)
            // Mojibake is accented Latin letters that are no language at all: a damaged line
            // says nothing about its neighbours (and the mojibake rule reports it).
            if LineText.hasMojibake(line) { return }
            for token in tokens {
                if token.accented {
                    words += 1
                    unknown += 1
                    accented += 1
                    continue
                }
                // Capitalised words are names as often as not: only lower-case words vote.
                guard token.text.count >= 3, token.text.first?.isLowercase == true else { continue }
                words += 1
                let known = RepositoryEvidence.isVocabulary(vocabulary.usage(of: token.text))
                    || EnglishSpellCache.shared.accepts(token.text) != false
                if !known { unknown += 1 }
            }
        }
    }

    /// Function words by language (`Rules/typo/function-words.txt`).
    static let functionWords: [Set<String>] = RuleData.wordList("typo/function-words.txt").map { line in
        Set(line.split(separator: " ").dropFirst().map(String.init))
    }

    /// Whether the line holds four or more different function words of one language other
    /// than English (`Pour ce faire, nous avons utilisé…`): its words are not English slips.
    static func isOtherLanguage(_ line: ArraySlice<UInt8>) -> Bool {
        isOtherLanguage(latinTokens(URLWords.blankingAddresses(in: line)))
    }

    /// `isOtherLanguage` of a line's Latin tokens, its addresses blanked.
    static func isOtherLanguage(_ tokens: [(text: String, accented: Bool)]) -> Bool {
        let words = Set(tokens.map { $0.text.lowercased() })
        return functionWords.contains { language in language.intersection(words).count >= 4 }
    }

    /// Runs of Latin letters (ASCII or accented, U+00C0–U+024F); `accented` when one is.
    /// Read from the bytes: each token becomes a String once, when it is complete.
    static func latinTokens(_ line: ArraySlice<UInt8>) -> [(text: String, accented: Bool)] {
        line.withUnsafeBufferPointer { bytes in
            var tokens: [(String, Bool)] = []
            var start = -1
            var accented = false
            var index = 0
            while index <= bytes.count {
                var isLetter = false
                var isAccented = false
                var length = 1
                if index < bytes.count {
                    let value: UInt32
                    (value, length) = LineText.scalar(bytes, at: index, end: bytes.count)
                    isLetter = value < 0x80 && LineText.isLetter(UInt8(value))
                    isAccented = (0xC0...0x24F).contains(value) && value != 0xD7 && value != 0xF7
                }
                if isLetter || isAccented {
                    if start < 0 { start = index }
                    accented = accented || isAccented
                } else if start >= 0 {
                    tokens.append((String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), accented))
                    start = -1
                    accented = false
                }
                index += length
            }
            return tokens
        }
    }
}

/// A capitalised word among names (`Hugo Germain`, `Vaibhav Aggarwal`, `F. Schroff`,
/// `Rolnick et al.`) is most likely a name itself: a dictionary word one letter away says
/// nothing, only a name the repository spells otherwise does (`Julien Chaumand` →
/// `Chaumond`).
enum NameContext {
    static func isAmongNames(_ word: ProseWord, in document: Document) -> Bool {
        let bytes = document.utf8
        guard word.range.lowerBound < bytes.count, bytes[word.range.lowerBound] >= UInt8(ascii: "A"),
            bytes[word.range.lowerBound] <= UInt8(ascii: "Z")
        else { return false }
        let line = document.lines.contentRange(ofLine: document.lines.lineNumber(at: word.range.lowerBound))
        let window = Self.window(around: word.range, in: line, bytes)
        let before = String(decoding: bytes[window.lowerBound..<word.range.lowerBound], as: UTF8.self)
        let after = String(decoding: bytes[word.range.upperBound..<window.upperBound], as: UTF8.self)
        if after.hasPrefix(" et al") { return true }
        // An initial before it (`D. Kalengichenko`, `Maximum A Posteriori`).
        for gap in [". ", " "] where before.hasSuffix(gap) {
            let rest = before.dropLast(gap.count)
            if let initial = rest.last, initial.isUppercase, rest.dropLast().last.map({ !$0.isLetter }) ?? true {
                return true
            }
        }
        guard !word.startsSentence else { return false }
        let previous = before.hasSuffix(" ") ? before.dropLast().split(separator: " ").last.map(String.init) : nil
        let next = after.hasPrefix(" ") ? after.dropFirst().split(separator: " ").first.map { String($0.prefix { $0.isLetter }) } : nil
        return [previous, next].contains { isName($0) }
    }

    /// The part of the line the checks read: the word and the whole words around it,
    /// some way either side, cut at a space (a long paragraph is one line, and this runs
    /// for every flagged word in it).
    static func window(around word: Range<Int>, in line: Range<Int>, _ bytes: [UInt8]) -> Range<Int> {
        let reach = 64
        var start = line.lowerBound
        if word.lowerBound - line.lowerBound > reach {
            // Start at a space, so the first word the checks see is whole.
            start = bytes[line.lowerBound..<(word.lowerBound - reach)].lastIndex(of: 0x20) ?? line.lowerBound
        }
        var end = line.upperBound
        if line.upperBound - word.upperBound > reach {
            end = bytes[(word.upperBound + reach)..<line.upperBound].firstIndex(of: 0x20) ?? line.upperBound
        }
        return start..<end
    }

    /// A capitalised word the dictionary does not know (`Vaibhav`, `Défossez`).
    private static func isName(_ word: String?) -> Bool {
        guard let word, let first = word.first, first.isUppercase, word.count >= 2,
            word.dropFirst().allSatisfy({ $0.isLetter && $0.isLowercase })
        else { return false }
        return EnglishSpellCache.shared.accepts(word) == false
    }
}

/// The words of a post's web addresses (`https://…`, `www.…`), lower-cased: the runs of
/// letters in each address, up to white space or the bracket or quote that ends it.
enum URLWords {
    static func of(_ bytes: [UInt8]) -> Set<String> {
        var words: Set<String> = []
        for address in addresses(in: bytes) {
            let (start, end) = (address.lowerBound, address.upperBound)
            var wordStart = -1
            for position in start...end {
                let isLetter = position < end && LineText.isLetter(bytes[position])
                if isLetter, wordStart < 0 { wordStart = position }
                if !isLetter, wordStart >= 0 {
                    words.insert(String(decoding: bytes[wordStart..<position], as: UTF8.self).lowercased())
                    wordStart = -1
                }
            }
        }
        return words
    }

    /// The byte ranges of the web addresses in `bytes`.
    static func addresses(in bytes: [UInt8]) -> [Range<Int>] {
        let enders = ByteSet(")>]\"'<")
        var found: [Range<Int>] = []
        for start in addressStarts(in: bytes) where start >= (found.last?.upperBound ?? 0) {
            var end = start
            while end < bytes.count, bytes[end] > 0x20, !enders.contains(bytes[end]) { end += 1 }
            found.append(start..<end)
        }
        return found
    }

    /// The line with its web addresses turned to spaces.
    static func blankingAddresses(in line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var bytes = Array(line)
        for address in addresses(in: bytes) { bytes.replaceSubrange(address, with: repeatElement(0x20, count: address.count)) }
        return bytes[...]
    }

    /// Where addresses start, in order: the scheme before each `://`, and each `www.` not
    /// inside a word. Found with memchr-based search: a post is read this way whenever a
    /// word of it is flagged.
    private static func addressStarts(in bytes: [UInt8]) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            var starts: [Int] = []
            for (needle, isScheme) in [(Array("://".utf8), true), (Array("www.".utf8), false)] {
                var from = 0
                while from < buffer.count, let hit = ByteSearch.firstIndex(of: needle, in: UnsafeBufferPointer(rebasing: buffer[from...])) {
                    var position = from + hit
                    from = position + needle.count
                    if isScheme {
                        while position > 0, LineText.isLetter(buffer[position - 1]) { position -= 1 }
                    } else if position > 0, LineText.isLetter(buffer[position - 1]) {
                        continue
                    }
                    starts.append(position)
                }
            }
            return starts.sorted()
        }
    }
}
