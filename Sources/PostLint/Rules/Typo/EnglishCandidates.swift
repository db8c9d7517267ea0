/// Which of a word's neighbours are candidates, and in what order: another inflection or a
/// letter at either end is the same word, and the common slips come first.
extension EnglishTypoJudge {
    /// `rollout` / `rollouts`, `margulis` / `imargulis`: a letter added or dropped at either
    /// end is inflection or a handle, not a typo.
    static func isEndingChange(_ word: String, _ candidate: String) -> Bool {
        let (longer, shorter) = candidate.count > word.count ? (candidate, word) : (word, candidate)
        guard longer.count == shorter.count + 1 else { return false }
        return longer.hasPrefix(shorter) || longer.hasSuffix(shorter)
    }

    /// The words one edit from `lower` that the run uses at least `minimum` times, are no
    /// other ending or inflection of it, and that `keep` takes (given the word's use).
    func neighbours(of lower: String, usedAtLeast minimum: Int, keeping keep: (String, Vocabulary.Usage) -> Bool) -> [String] {
        var found: [String] = []
        let filter = WordFilter.of(vocabulary)
        EnglishEdits.forEach(of: Array(lower.utf8)) { edit in
            // An edit the run never uses counts only when no use is asked of it.
            guard minimum == 0 || filter.mayContain(edit) else { return }
            let used = vocabulary.usage(ofLowercased: edit)
            guard used.occurrences >= minimum else { return }
            let candidate = String(decoding: edit, as: UTF8.self)
            if !Self.isEndingChange(lower, candidate), !Self.isInflectionChange(lower, candidate), keep(candidate, used) {
                found.append(candidate)
            }
        }
        return found
    }

    /// How often the repository must use the one word a four-letter word is a slip of.
    static let shortWordEvidence = 200

    /// Inflectional endings by kind: `s`/`es` are one kind, `d`/`ed` another.
    static let inflections: [Substring: Int] = ["s": 1, "es": 1, "d": 2, "ed": 2, "r": 3, "er": 3, "rs": 4, "ers": 4, "ing": 5]

    /// `dequantizes` / `dequantized`, `quantizers` / `quantizes`: the same stem with another
    /// inflection is another form of the word, not its correction.
    static func isInflectionChange(_ word: String, _ candidate: String) -> Bool {
        let common = zip(word.utf8, candidate.utf8).prefix { $0 == $1 }.count
        guard common >= 4 else { return false }
        let wordTail = Substring(word.dropFirst(common))
        let candidateTail = Substring(candidate.dropFirst(common))
        guard let wordKind = inflections[wordTail], let candidateKind = inflections[candidateTail] else { return false }
        return wordKind != candidateKind
    }

    /// Whether two words are one slip apart: a letter added, dropped or changed, or two
    /// neighbours swapped.
    static func areOneSlipApart(_ first: String, _ second: String) -> Bool {
        let (a, b) = (Array(first.utf8), Array(second.utf8))
        if a.count == b.count {
            let differing = a.indices.filter { a[$0] != b[$0] }
            return differing.count == 1
                || differing.count == 2 && differing[1] == differing[0] + 1 && a[differing[0]] == b[differing[1]] && a[differing[1]] == b[differing[0]]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        let common = short.indices.first { short[$0] != long[$0] } ?? short.count
        return short[common...].elementsEqual(long[(common + 1)...])
    }

    /// How much likelier a slip of the candidate's kind is, weighing the candidate's use in
    /// the repository: a letter left out (`grouded` for grounded), typed twice (`suggesst`)
    /// or two letters swapped (`Choicse`) are the common slips; a wrong or an extra letter
    /// less so. On the 475 real typos of the corpus (judged by hand) this put the intended
    /// word first for 453, against 448 by use alone.
    static func slipWeight(_ word: String, _ candidate: String) -> Double {
        let (typed, meant) = (Array(word.utf8), Array(candidate.utf8))
        let common = 3.0
        if meant.count == typed.count + 1 { return common }
        if meant.count + 1 == typed.count {
            let extra = typed.indices.first { $0 == meant.count || typed[$0] != meant[$0] } ?? typed.count - 1
            let doubled = (extra > 0 && typed[extra - 1] == typed[extra]) || (extra + 1 < typed.count && typed[extra + 1] == typed[extra])
            return doubled ? common : 1
        }
        guard typed.count == meant.count else { return 1 }
        let differing = typed.indices.filter { typed[$0] != meant[$0] }
        return differing.count == 2 && differing[1] == differing[0] + 1 ? common : 1
    }
}

/// Every lower-case ASCII string one edit from `word`, transpositions and deletions first.
/// The first letter is left alone (but for swapping it with the second): people seldom
/// mistype it, while names and identifiers often differ from a word just there
/// (`pyenv`/`myenv`, `setattr`/`getattr`, `Rolnick`/`Rollick`).
enum EnglishEdits {
    static func of(_ word: String) -> [String] {
        bytes(of: word).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The edits as bytes, for looking them up in the vocabulary without making Strings.
    static func bytes(of word: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        forEach(of: Array(word.utf8)) { result.append($0) }
        return result
    }

    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz".utf8)

    /// Calls `body` with each edit in turn, in one reused buffer (no array per edit: an
    /// unknown word has some fifty edits per letter, each looked up at least once).
    static func forEach(of letters: [UInt8], _ body: ([UInt8]) -> Void) {
        var edit = letters
        edit.reserveCapacity(letters.count + 1)
        for index in 0..<max(0, letters.count - 1) where letters[index] != letters[index + 1] {
            edit.swapAt(index, index + 1)
            body(edit)
            edit.swapAt(index, index + 1)
        }
        for index in letters.indices.dropFirst() where letters[index] != letters[index - 1] {
            edit.remove(at: index)
            body(edit)
            edit.insert(letters[index], at: index)
        }
        for index in letters.indices.dropFirst() {
            for letter in alphabet where letter != letters[index] {
                edit[index] = letter
                body(edit)
            }
            edit[index] = letters[index]
        }
        for index in 1...max(1, letters.count) where index <= letters.count {
            edit.insert(0, at: index)
            for letter in alphabet where letters[index - 1] != letter {
                edit[index] = letter
                body(edit)
            }
            edit.remove(at: index)
        }
    }
}
