import Foundation

/// A word the typo rule reports: where, what it should probably be, and whether the
/// correction is unambiguous enough to apply with `--fix`.
struct TypoVerdict {
    let range: Range<Int>
    let word: String
    let suggestions: [String]
    let safe: Bool
    /// From the curated corrections: reported whatever the context.
    var curated = false
    /// The suggestions that are names the repository spells (repository words the
    /// dictionary lacks): the only ones worth making when the word stands among names.
    var nameSuggestions: [String] = []
}

/// How the rule weighs the run's vocabulary.
enum RepositoryEvidence {
    /// A word used in this many files, or this often, is the repository's vocabulary.
    static func isVocabulary(_ usage: Vocabulary.Usage) -> Bool {
        usage.files >= 3 || usage.occurrences >= 4
    }
}

/// Hunspell verdicts and edit-distance-1 candidates, once per distinct word per process
/// (the Runner lints files in parallel, so the cache is locked).
final class EnglishSpellCache: @unchecked Sendable {
    static let shared = EnglishSpellCache()

    // Unbounded, as before: a run's distinct English words are few enough to keep.
    private let verdicts = MemoTable<String, Bool?>(capacity: .max)
    private let candidates = MemoTable<String, [String]>(capacity: .max)

    /// Whether en_US accepts the word; nil when the dictionary is missing.
    func accepts(_ word: String) -> Bool? {
        verdicts.value(for: word) { HunspellDictionary.english.accepts(word) }
    }

    /// The words one edit (insert, delete, substitute, transpose) from a lower-case word
    /// that en_US accepts.
    func dictionaryCandidates(of word: String) -> [String] {
        candidates.value(for: word) { HunspellDictionary.english.acceptedWords(EnglishEdits.of(word)) ?? [] }
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
        let letters = Array(word.utf8)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        var result: [[UInt8]] = []
        for index in 0..<max(0, letters.count - 1) where letters[index] != letters[index + 1] {
            var swapped = letters
            swapped.swapAt(index, index + 1)
            result.append(swapped)
        }
        for index in letters.indices.dropFirst() where letters[index] != letters[index - 1] {
            var shorter = letters
            shorter.remove(at: index)
            result.append(shorter)
        }
        for index in letters.indices.dropFirst() {
            for letter in alphabet where letter != letters[index] {
                var changed = letters
                changed[index] = letter
                result.append(changed)
            }
        }
        for index in 1...max(1, letters.count) where index <= letters.count {
            for letter in alphabet where letters[index - 1] != letter {
                var longer = letters
                longer.insert(letter, at: index)
                result.append(longer)
            }
        }
        return result
    }
}

/// Judges one Latin word: curated corrections first, then the allowlists, the run's
/// vocabulary and Hunspell; an unknown, rare word is reported only when a word one edit
/// away exists (in the dictionary or, as stronger evidence, in the repository).
struct EnglishTypoJudge {
    let lexicon: TypoLexicon
    let vocabulary: Vocabulary
    let cache = EnglishSpellCache.shared

    func judge(_ word: ProseWord) -> TypoVerdict? {
        var text = word.text.replacingOccurrences(of: "\u{2019}", with: "'")
        var range = word.range
        if text.hasSuffix("'s") {
            text.removeLast(2)
            range = range.lowerBound..<range.upperBound - (word.text.hasSuffix("'s") ? 2 : 4)
        }
        guard text.count >= 3, !text.contains("'") else { return nil }
        let letters = Array(text.utf8)
        let isUpper = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        // Acronyms (CAES), CamelCase and mixed case (InfoNCE, DeepSeek) are names.
        if letters.dropFirst().contains(where: isUpper) { return nil }
        let capitalized = isUpper(letters[0])
        let lower = text.lowercased()

        if let right = lexicon.corrections[lower] {
            return TypoVerdict(
                range: range, word: text, suggestions: [Self.matchCase(right, capitalized)], safe: true, curated: true)
        }
        let usage = vocabulary.usage(of: lower)
        guard text.count >= 4, !lexicon.allowed.contains(lower), !RepositoryEvidence.isVocabulary(usage),
            cache.accepts(text) == false
        else { return nil }

        // A known word plus a suffix, or two known words joined, is jargon the dictionary
        // lacks (`latent`+s, `roll`+`out`, `judge`+r), not a slip of the finger.
        // Names are short and capitalised; short words have many neighbours.
        guard text.count >= (capitalized ? 7 : 4), !isDerivedOrCompound(lower), !isBritishSpelling(lower) else { return nil }
        let fromRepository = EnglishEdits.bytes(of: lower).compactMap { edit -> String? in
            let used = vocabulary.usage(ofLowercased: edit)
            guard used.occurrences >= usage.occurrences else { return nil }
            let candidate = String(decoding: edit, as: UTF8.self)
            let keep = !Self.isEndingChange(lower, candidate) && !Self.isInflectionChange(lower, candidate)
                && (RepositoryEvidence.isVocabulary(used) || cache.accepts(candidate) == true)
            return keep ? candidate : nil
        }
        if text.count == 4 {
            // Four-letter words have many neighbours: only a word used once, next to one
            // word the repository uses very often (`moel` / `model`, `whch` / `which`).
            let frequent = fromRepository.filter { vocabulary.usage(of: $0).occurrences >= Self.shortWordEvidence }
            guard usage.occurrences <= 1, frequent.count == 1 else { return nil }
            return TypoVerdict(range: range, word: text, suggestions: frequent, safe: false)
        }
        if fromRepository.isEmpty {
            // Dictionary candidates alone are weaker evidence: only for a longer word used
            // once, and not for a capitalised word inside a sentence (most often a name).
            guard text.count >= 6, usage.occurrences <= 1, !capitalized || word.startsSentence else { return nil }
        }
        let fromDictionary = cache.dictionaryCandidates(of: lower).filter {
            !fromRepository.contains($0) && !Self.isEndingChange(lower, $0) && !Self.isInflectionChange(lower, $0)
        }
        let ranked = fromRepository.sorted { vocabulary.usage(of: $0).occurrences > vocabulary.usage(of: $1).occurrences }
            + fromDictionary
        guard !ranked.isEmpty else { return nil }
        let names = capitalized ? fromRepository.filter { cache.accepts(Self.matchCase($0, true)) == false } : []
        return TypoVerdict(
            range: range, word: text, suggestions: ranked.prefix(3).map { Self.matchCase($0, capitalized) },
            safe: fromRepository.count == 1, nameSuggestions: names.prefix(3).map { Self.matchCase($0, true) })
    }

    static let suffixes = [
        "s", "es", "d", "r", "er", "ers", "y", "ly", "ing", "ness", "able", "ize", "ise", "ic", "al", "ity", "ism",
        "ist", "ment", "ify", "ified", "ee", "ees",
    ]
    static let prefixes = [
        "pre", "un", "re", "up", "non", "sub", "multi", "co", "de", "dis", "mis", "over", "under", "auto", "semi", "anti",
        "post", "inter", "self", "out", "on",
    ]

    /// Whether the dictionary knows the stem, or (`.jargon`) only the repository does
    /// (`dequantize`, `perceptron`, `distro`, `eval`).
    private enum StemKind { case unknown, dictionary, jargon }

    private func stemKind(_ stem: String) -> StemKind {
        guard stem.count >= 3 else { return .unknown }
        if cache.accepts(stem) == true { return .dictionary }
        return RepositoryEvidence.isVocabulary(vocabulary.usage(of: stem)) ? .jargon : .unknown
    }

    /// Whether the word is a known word with a common prefix or suffix, or two known words joined:
    /// jargon the dictionary lacks, not a slip of the finger. The dictionary knows how its
    /// own words inflect, so `prefered`, `developped` and `noticable` stay suspect; a jargon
    /// stem is allowed any inflection (`evaled`, `dequantizes`, `gemms`).
    private func isDerivedOrCompound(_ word: String) -> Bool {
        for suffix in Self.suffixes + ["ed"] where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            let stem = String(word.dropLast(suffix.count))
            switch stemKind(stem) {
            case .jargon: return true
            case .dictionary where suffix != "ed": return true
            default: break
            }
            // triag(e)+ing, evaluat(e)+ee, spars(e)+ify: a final e dropped before the suffix.
            if ["ing", "ee", "ees", "ify", "ified"].contains(suffix), stemKind(stem + "e") != .unknown { return true }
            // gap(p)+ed, mod(d)+ers: a doubled consonant, for jargon only.
            if let last = stem.last, stem.dropLast().last == last, stemKind(String(stem.dropLast())) == .jargon { return true }
        }
        for (ending, stemEnding) in [("ies", "y"), ("ied", "y"), ("ification", "ify"), ("ability", "able"), ("ibility", "ible")]
        where word.hasSuffix(ending) && word.count - ending.count >= 3 {
            if stemKind(String(word.dropLast(ending.count)) + stemEnding) != .unknown { return true }
        }
        for prefix in Self.prefixes where word.hasPrefix(prefix) && word.count - prefix.count >= 3 {
            if stemKind(String(word.dropFirst(prefix.count))) != .unknown { return true }
        }
        // Two known words joined; both of four letters or more, as short words (`prat`+`ice`,
        // `lea`+`ring`, `con`+`stance`) make typos look like compounds.
        let letters = Array(word)
        guard letters.count >= 8 else { return false }
        for cut in 4...(letters.count - 4) {
            if cache.accepts(String(letters[..<cut])) == true, cache.accepts(String(letters[cut...])) == true { return true }
        }
        return false
    }

    /// en_US lacks British spellings (normalised, neighbour, centre, modelling): accept a
    /// word whose American form the dictionary knows.
    private func isBritishSpelling(_ word: String) -> Bool {
        let swaps = [
            ("is", "iz"), ("isation", "ization"), ("our", "or"), ("tre", "ter"), ("ll", "l"), ("ogue", "og"),
            ("ogued", "oged"), ("yse", "yze"), ("ence", "ense"), ("grey", "gray"), ("ussed", "used"), ("ussing", "using"),
            ("efitted", "efited"), ("efitting", "efiting"), ("ae", "e"), ("oe", "e"), ("efact", "ifact"),
        ]
        for (british, american) in swaps {
            // One place at a time: `visualised` is `visualized`, not `vizualized`.
            var searchRange = word.startIndex..<word.endIndex
            while let found = word.range(of: british, range: searchRange) {
                let swapped = word.replacingCharacters(in: found, with: american)
                if cache.accepts(swapped) == true || isDerivedOrCompound(swapped) { return true }
                searchRange = found.upperBound..<word.endIndex
            }
        }
        return false
    }

    /// `rollout` / `rollouts`, `margulis` / `imargulis`: a letter added or dropped at either
    /// end is inflection or a handle, not a typo.
    static func isEndingChange(_ word: String, _ candidate: String) -> Bool {
        let (longer, shorter) = candidate.count > word.count ? (candidate, word) : (word, candidate)
        guard longer.count == shorter.count + 1 else { return false }
        return longer.hasPrefix(shorter) || longer.hasSuffix(shorter)
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

    static func matchCase(_ word: String, _ capitalized: Bool) -> String {
        guard capitalized, let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}

extension TypoVerdict {
    /// The verdict with only the given suggestions (nil when none is left); safe only when one is.
    func limited(to kept: [String]) -> TypoVerdict? {
        guard kept != suggestions else { return self }
        guard !kept.isEmpty else { return nil }
        return TypoVerdict(range: range, word: word, suggestions: kept, safe: safe && kept.count == 1, curated: curated)
    }
}
