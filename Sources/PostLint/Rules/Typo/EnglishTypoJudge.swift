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

    /// The same verdict with a fix that needs a human's eye.
    var unsafe: TypoVerdict {
        TypoVerdict(range: range, word: word, suggestions: suggestions, safe: false, curated: curated, nameSuggestions: nameSuggestions)
    }
}

/// How the rule weighs the run's vocabulary.
enum RepositoryEvidence {
    /// A word used in this many files, or this often, is the repository's vocabulary.
    static func isVocabulary(_ usage: Vocabulary.Usage) -> Bool {
        usage.files >= 3 || usage.occurrences >= 4
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
        // ’ (E2 80 99) is the only non-ASCII character a Latin word holds.
        var text = word.text.utf8.contains(0xE2) ? word.text.replacingOccurrences(of: "\u{2019}", with: "'") : word.text
        var range = word.range
        if text.hasSuffix("'s") {
            text.removeLast(2)
            range = range.lowerBound..<range.upperBound - (word.text.hasSuffix("'s") ? 2 : 4)
        }
        guard text.count >= 3, !text.utf8.contains(UInt8(ascii: "'")) else { return nil }
        let letters = Array(text.utf8)
        let isUpper = { (byte: UInt8) in byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        // Acronyms (CAES), CamelCase and mixed case (InfoNCE, DeepSeek) are names.
        if letters.dropFirst().contains(where: isUpper) { return nil }
        let capitalized = isUpper(letters[0])
        let lower = text.lowercased()

        if let right = lexicon.correction(of: lower) {
            // A capital makes it a possible name (Teh, Thier are surnames): the fix needs a look.
            return TypoVerdict(
                range: range, word: text, suggestions: [Self.matchCase(right, capitalized)], safe: !capitalized, curated: true)
        }
        let usage = vocabulary.usage(of: lower)
        if RepositoryEvidence.isVocabulary(usage) {
            // Capitalised inside a sentence, a repeated word is most often a name (`Passos`, `Imagen`).
            guard !capitalized || word.startsSentence else { return nil }
            return repeatedSlip(text, lower, range: range, usage: usage, capitalized: capitalized)
        }
        guard text.count >= 4, !lexicon.allows(lower), cache.accepts(text) == false else { return nil }

        // A known word plus a suffix, or two known words joined, is jargon the dictionary
        // lacks (`latent`+s, `roll`+`out`, `judge`+r), not a slip of the finger.
        // Names are short and capitalised; short words have many neighbours.
        guard text.count >= (capitalized ? 7 : 4), !isDerivedOrCompound(lower), !isBritishSpelling(lower) else { return nil }
        let fromRepository = neighbours(of: lower, usedAtLeast: usage.occurrences) { candidate, used in
            RepositoryEvidence.isVocabulary(used) || cache.accepts(candidate) == true
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
        let weight = { (candidate: String) in Double(vocabulary.usage(of: candidate).occurrences) * Self.slipWeight(lower, candidate) }
        let known = (fromRepository + fromDictionary).filter { cache.accepts($0) == true }
        // A word the repository repeats but no dictionary has, a slip of a suggestion one has
        // that the repository uses far more often (`Retreival` beside `Retrieval`), is no
        // suggestion; jargon beside a rarer word is (`uvicorn` beside `unicorn`).
        let repeatedSlips = fromRepository.filter { candidate in
            let used = vocabulary.usage(of: candidate).occurrences
            return cache.accepts(candidate) != true && known.contains {
                Self.areOneSlipApart(candidate, $0) && vocabulary.usage(of: $0).occurrences >= used * Self.repeatedSlipRatio
            }
        }
        let ranked = fromRepository.filter { !repeatedSlips.contains($0) }.sorted { weight($0) > weight($1) }
            + fromDictionary.sorted { Self.slipWeight(lower, $0) > Self.slipWeight(lower, $1) }
        guard !ranked.isEmpty else { return nil }
        let names = capitalized ? fromRepository.filter { cache.accepts(Self.matchCase($0, true)) == false } : []
        // Two words joined (`downcase`, `backtrace`) or a prefixed word (`substates`) may be jargon beside a common word: a look.
        let safe = !capitalized && ranked.count == 1
            && Self.isSafeInference(word: text, usage: usage, correctionUsage: vocabulary.usage(of: ranked[0])) && !joinsTwoWords(lower)
            && !hasPrefixReading(lower)
        return TypoVerdict(
            range: range, word: text, suggestions: ranked.prefix(3).map { Self.matchCase($0, capitalized) },
            safe: safe, nameSuggestions: names.prefix(3).map { Self.matchCase($0, true) })
    }

    /// Whether a correction the rule inferred (not a curated one) may be applied by plain
    /// `--fix`: the only candidate, for a long lower-case word used once, that the
    /// repository itself uses often and in many files. On the corpus, "the one candidate
    /// the repository uses" was wrong for one fix in seven (it renamed authors, changed
    /// `strptime` to `strftime`, French to English, `epcho` to `echo`); these conditions
    /// kept 105 right fixes and 1 wrong one. Every other inferred correction is offered as
    /// an unsafe fix.
    ///
    /// Nor may the word be one English text uses (`Rules/typo/english-usage.txt`, from
    /// wordfreq): a word en_US lacks is as often a right spelling of another kind — British
    /// `practises` beside `practices`, Latin `posteriori` beside `posteriors`, `vortices`
    /// beside `vertices`, `graphene` beside `grapheme` — and those need a look.
    static func isSafeInference(word: String, usage: Vocabulary.Usage, correctionUsage: Vocabulary.Usage) -> Bool {
        word.count >= 8 && usage.occurrences <= 1 && correctionUsage.occurrences >= 10 && correctionUsage.files >= 5
            && !isEnglishUsage(word.lowercased())
    }

    /// English words of eight letters or more that en_US lacks but English text uses.
    private static let englishUsage = SortedWordList.shipped("typo/english-usage.txt")?.list

    static func isEnglishUsage(_ lowercased: String) -> Bool {
        englishUsage?.contains(Array(lowercased.utf8)) ?? false
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
    private func isDerivedOrCompound(_ word: String, whole: Range<Int>? = nil) -> Bool {
        for suffix in Self.suffixes + ["ed"] where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
            let stem = String(word.dropLast(suffix.count))
            // A plural's -s doubled (`issuess`) is a slip, not a derivation.
            if suffix == "s", stem.hasSuffix("s") { continue }
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
        if hasPrefixReading(word) {
            // Not when the word is a common slip (a letter left out, two swapped) of a
            // dictionary word the run uses often: `resluts` is no `re`+`sluts` beside
            // hundreds of `results`; `reshare` stays jargon beside `reshape` (another
            // letter), and so do `unsetting` beside one `unsettling` and `substates`
            // beside a few `substrates`.
            let used = vocabulary.usage(of: word).occurrences
            return whole != nil || !cache.dictionaryCandidates(of: word).contains {
                Self.slipWeight(word, $0) > 1
                    && vocabulary.usage(of: $0).occurrences >= max(Self.prefixSlipEvidence, used * Self.repeatedSlipRatio)
            }
        }
        guard joinsTwoWords(word, whole: whole) else { return false }
        // Not when a word of the dictionary a letter away is one the run uses: `diffrent` is
        // no `diff`+`rent` beside `different`; `backtrace` stays a compound where no post
        // says `backtrack`.
        return whole != nil || !cache.dictionaryCandidates(of: word).contains { vocabulary.usage(of: $0).occurrences > 0 }
    }

    /// A common prefix and a word the dictionary or the repository knows (`re`+`shape`).
    private func hasPrefixReading(_ word: String) -> Bool {
        Self.prefixes.contains { word.hasPrefix($0) && word.count - $0.count >= 3 && stemKind(String(word.dropFirst($0.count))) != .unknown }
    }

    /// How often the run must use the dictionary word a prefixed word is a slip of.
    static let prefixSlipEvidence = 20

    /// Two known words joined; both of four letters or more, as short words (`prat`+`ice`,
    /// `lea`+`ring`, `con`+`stance`) make typos look like compounds.
    private func joinsTwoWords(_ word: String, whole: Range<Int>? = nil) -> Bool {
        let letters = Array(word)
        guard letters.count >= 8 else { return false }
        for cut in 4...(letters.count - 4) where whole.map({ !($0.lowerBound < cut && cut < $0.upperBound) }) ?? true {
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
            ("ys", "yz"), ("practis", "practic"), ("lment", "llment"), ("lful", "llful"), ("fil", "fill"),
            ("oguing", "oging"), ("scep", "skep"), ("mould", "mold"), ("aluminium", "aluminum"), ("pyjama", "pajama"),
            ("rnt", "rned"), ("eamt", "eamed"), ("dgement", "dgment"),
        ]

        // The words judged here are ASCII: their bytes are searched (Foundation's
        // `range(of:)` cost more than everything else this does).
        let bytes = Array(word.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        for (british, american) in swaps {
            let pattern = Array(british.utf8)
            // One place at a time: `visualised` is `visualized`, not `vizualized`.
            var start = 0
            while start + pattern.count <= bytes.count {
                guard bytes[start..<start + pattern.count].elementsEqual(pattern) else {
                    start += 1
                    continue
                }
                // `oe` inside a word (`manoeuvre`), not at its end (`vidoe`); Latin plurals
                // end in `ae` (`hyperbolae`).
                if british == "oe", start + pattern.count == bytes.count { break }
                let swapped = String(decoding: bytes[..<start] + Array(american.utf8) + bytes[(start + pattern.count)...], as: UTF8.self)
                // Two words joined, but not at a cut inside the swap: `greyscale` is
                // `gray`+`scale`; `retreive` swapped is not `rete`+`rive`.
                let swap = start..<(start + american.utf8.count)
                if cache.accepts(swapped) == true || isDerivedOrCompound(swapped, whole: swap) { return true }
                start += pattern.count
            }
        }
        return false
    }

    /// A slip repeated (copied from post to post, `Refenrences` in nine) is the run's
    /// vocabulary by count alone; it is still a slip when a dictionary word one edit away
    /// is used far more often (`References`). Jargon seldom has so frequent a neighbour;
    /// the fix needs a look all the same.
    private func repeatedSlip(_ text: String, _ lower: String, range: Range<Int>, usage: Vocabulary.Usage, capitalized: Bool) -> TypoVerdict? {
        guard text.count >= Self.repeatedSlipLength, !lexicon.allows(lower), cache.accepts(text) == false,
            !isDerivedOrCompound(lower), !isBritishSpelling(lower)
        else { return nil }
        let needed = max(Self.repeatedSlipMinimum, usage.occurrences * Self.repeatedSlipRatio)
        let dominant = neighbours(of: lower, usedAtLeast: needed) { candidate, _ in cache.accepts(candidate) == true }
        guard dominant.count == 1 else { return nil }
        return TypoVerdict(range: range, word: text, suggestions: [Self.matchCase(dominant[0], capitalized)], safe: false)
    }

    static let repeatedSlipLength = 6
    /// How much more often the dictionary word must be used than the repeated slip, and at least how often.
    static let repeatedSlipRatio = 10
    static let repeatedSlipMinimum = 30

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
