import Foundation

/// A word the typo rule reports: where, what it should probably be, and whether the
/// correction is unambiguous enough to apply with `--fix`.
struct TypoVerdict {
    let range: Range<Int>
    let word: String
    let suggestions: [String]
    let safe: Bool
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

    private let lock = NSLock()
    private var verdicts: [String: Bool] = [:]
    private var candidates: [String: [String]] = [:]

    /// Whether en_US accepts the word; nil when the dictionary is missing.
    func accepts(_ word: String) -> Bool? {
        lock.lock()
        if let known = verdicts[word] {
            lock.unlock()
            return known
        }
        lock.unlock()
        guard let verdict = HunspellDictionary.english.accepts(word) else { return nil }
        lock.lock()
        verdicts[word] = verdict
        lock.unlock()
        return verdict
    }

    /// The words one edit (insert, delete, substitute, transpose) from a lower-case word
    /// that en_US accepts.
    func dictionaryCandidates(of word: String) -> [String] {
        lock.lock()
        if let known = candidates[word] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let found = HunspellDictionary.english.acceptedWords(EnglishEdits.of(word)) ?? []
        lock.lock()
        candidates[word] = found
        lock.unlock()
        return found
    }
}

/// Every lower-case ASCII string one edit from `word`, transpositions and deletions first.
enum EnglishEdits {
    static func of(_ word: String) -> [String] {
        let letters = Array(word.utf8)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz".utf8)
        var result: [[UInt8]] = []
        for index in 0..<max(0, letters.count - 1) where letters[index] != letters[index + 1] {
            var swapped = letters
            swapped.swapAt(index, index + 1)
            result.append(swapped)
        }
        for index in letters.indices where index == 0 || letters[index] != letters[index - 1] {
            var shorter = letters
            shorter.remove(at: index)
            result.append(shorter)
        }
        for index in letters.indices {
            for letter in alphabet where letter != letters[index] {
                var changed = letters
                changed[index] = letter
                result.append(changed)
            }
        }
        for index in 0...letters.count {
            for letter in alphabet where index == 0 || letters[index - 1] != letter {
                var longer = letters
                longer.insert(letter, at: index)
                result.append(longer)
            }
        }
        return result.map { String(decoding: $0, as: UTF8.self) }
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
            return TypoVerdict(range: range, word: text, suggestions: [Self.matchCase(right, capitalized)], safe: true)
        }
        let usage = vocabulary.usage(of: lower)
        guard text.count >= 4, !lexicon.allowed.contains(lower), !RepositoryEvidence.isVocabulary(usage),
            cache.accepts(text) == false
        else { return nil }

        // A known word plus a suffix, or two known words joined, is jargon the dictionary
        // lacks (`latent`+s, `roll`+`out`, `judge`+r), not a slip of the finger.
        // Names are short and capitalised; short words have many neighbours.
        guard text.count >= (capitalized ? 7 : 5), !isDerivedOrCompound(lower), !isBritishSpelling(lower) else { return nil }
        let edits = EnglishEdits.of(lower).filter { !Self.isEndingChange(lower, $0) }
        let fromRepository = edits.filter { candidate in
            let used = vocabulary.usage(of: candidate)
            return used.occurrences >= usage.occurrences
                && (RepositoryEvidence.isVocabulary(used) || cache.accepts(candidate) == true)
        }
        if fromRepository.isEmpty {
            // Dictionary candidates alone are weaker evidence: only for a longer word used
            // once, and not for a capitalised word inside a sentence (most often a name).
            guard text.count >= 6, usage.occurrences <= 1, !capitalized || word.startsSentence else { return nil }
        }
        let fromDictionary = cache.dictionaryCandidates(of: lower).filter {
            !fromRepository.contains($0) && !Self.isEndingChange(lower, $0)
        }
        let ranked = fromRepository.sorted { vocabulary.usage(of: $0).occurrences > vocabulary.usage(of: $1).occurrences }
            + fromDictionary
        guard !ranked.isEmpty else { return nil }
        return TypoVerdict(
            range: range, word: text, suggestions: ranked.prefix(3).map { Self.matchCase($0, capitalized) },
            safe: fromRepository.count == 1)
    }

    static let suffixes = [
        "s", "es", "d", "r", "er", "ers", "y", "ly", "ing", "ness", "able", "ize", "ise", "ic", "al", "ity", "ism", "ist",
        "ment",
    ]
    static let prefixes = [
        "pre", "un", "re", "up", "non", "sub", "multi", "co", "de", "dis", "mis", "over", "under", "auto", "semi", "anti",
        "post", "inter", "self",
    ]

    /// Whether the word is a known word with a common prefix or suffix, or two known words joined:
    /// jargon the dictionary lacks, not a slip of the finger.
    private func isDerivedOrCompound(_ word: String) -> Bool {
        for suffix in Self.suffixes where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            if cache.accepts(String(word.dropLast(suffix.count))) == true { return true }
        }
        for prefix in Self.prefixes where word.hasPrefix(prefix) && word.count - prefix.count >= 4 {
            if cache.accepts(String(word.dropFirst(prefix.count))) == true { return true }
        }
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
        let swaps = [("is", "iz"), ("isation", "ization"), ("our", "or"), ("tre", "ter"), ("ll", "l"), ("ogue", "og"), ("yse", "yze")]
        for (british, american) in swaps where word.contains(british) {
            if cache.accepts(word.replacingOccurrences(of: british, with: american)) == true { return true }
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

    static func matchCase(_ word: String, _ capitalized: Bool) -> String {
        guard capitalized, let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}
