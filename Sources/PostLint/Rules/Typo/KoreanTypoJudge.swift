import Foundation

/// Judges one Korean word (an eojeol such as `데이터셑을`). The word is split into a stem
/// and a particle or copula ending (`데이터셑` + `을`), so every inflected use of a
/// misspelled noun is the same mistake. Evidence, strongest first:
/// 1. a curated correction of the stem;
/// 2. a syllable no word of the Korean dictionary uses (셑), where changing one jamo
///    gives a stem the dictionary or the repository knows (셋 → 데이터셋 = 데이터 + 셋);
/// 3. a rare stem one jamo (or two swapped syllables) away from a dictionary stem the
///    repository uses often, in a stem of three syllables or more, not in the last
///    syllable (where endings live: 하여/하려, 한/할/함), and rejected by Korean Hunspell.
struct KoreanTypoJudge {
    let lexicon: TypoLexicon
    let vocabulary: Vocabulary
    /// The run's stem index and the dictionary's word list, fetched once per document
    /// rather than once per word: both sit behind locks that every linting thread takes.
    private let resolved = Resolved()

    private final class Resolved {
        var index: KoreanStemIndex?
        var contents: KoreanWordList.Contents?
    }

    init(lexicon: TypoLexicon, vocabulary: Vocabulary) {
        self.lexicon = lexicon
        self.vocabulary = vocabulary
    }

    private var index: KoreanStemIndex {
        if let index = resolved.index { return index }
        let index = KoreanStemIndex.of(vocabulary)
        resolved.index = index
        return index
    }

    private var contents: KoreanWordList.Contents {
        if let contents = resolved.contents { return contents }
        let contents = KoreanWordList.shared.contents
        resolved.contents = contents
        return contents
    }

    func judge(_ word: ProseWord) -> TypoVerdict? {
        let syllableCount = word.text.unicodeScalars.count
        guard syllableCount >= 2 else { return nil }
        // A curated correction of the whole word knows more (안되요 is 안 돼요).
        if !lexicon.allows(word.text), lexicon.correction(of: word.text) == nil, let repaired = Self.orthographicRepair(word.text) {
            return verdict(word, stem: word.text, suggestions: [repaired], safe: true)
        }
        let splits = Self.splits(of: word.text)
        for (stem, _) in splits {
            if let right = lexicon.correction(of: stem) {
                return verdict(word, stem: stem, suggestions: [right], safe: true)
            }
        }
        let index = self.index
        if lexicon.allows(word.text) || splits.contains(where: { lexicon.allows($0.stem) }) {
            return nil
        }
        if splits.contains(where: { RepositoryEvidence.isVocabulary(index.usage(of: $0.stem)) }) { return nil }
        let contents = self.contents
        guard !contents.stems.isEmpty else { return nil }
        let known = contents.stems
        if splits.contains(where: { known.contains($0.stem) || Self.isDerived($0.stem, from: known) }) { return nil }
        // A derived form of a word the repository uses (푸시 → 푸시할, 파싱 → 파싱된).
        let usedRoot = { (root: [UInt8]) in index.usage(of: String(decoding: root, as: UTF8.self)).occurrences >= 2 }
        if splits.contains(where: { Self.isDerived($0.stem, endings: Self.derivingEndings + Self.passiveEndings, isRoot: usedRoot) }) { return nil }
        for (stem, _) in splits where stem.unicodeScalars.count >= 2 {
            if let found = unattestedSyllable(in: stem, index: index) { return verdict(word, stem: stem, suggestions: found, safe: false) }
        }
        for (stem, _) in splits where stem.unicodeScalars.count >= 3 {
            if let found = nearFrequentStem(stem, index: index) {
                // Inferred, not curated: an unsafe fix (loanwords such as 인라인 or 리모트 sit one
                // jamo from a common word).
                return verdict(word, stem: stem, suggestions: found, safe: false)
            }
        }
        // Korean Hunspell knows rare but right verb forms (찼을, 뜹니다, 없앴습니다).
        if let found = index.repairs(ofStrangeSyllableIn: word.text, dictionary: contents),
            HunspellDictionary.korean.accepts(word.text) == false
        {
            return verdict(word, stem: word.text, suggestions: found, safe: false)
        }
        return nil
    }

    private func verdict(_ word: ProseWord, stem: String, suggestions: [String], safe: Bool) -> TypoVerdict {
        let range = word.range.lowerBound..<word.range.lowerBound + stem.utf8.count
        return TypoVerdict(range: range, word: stem, suggestions: Array(suggestions.prefix(3)), safe: safe)
    }

    /// Evidence 2: a compound whose last syllable is one the dictionary never
    /// uses (데이터 + 셑), repaired by changing one jamo of it into a known word (셋).
    private func unattestedSyllable(in stem: String, index: KoreanStemIndex) -> [String]? {
        let syllables = Array(stem.unicodeScalars)
        // Syllables ending in ㅆ (했, 갔, 됐) are past-tense forms, absent from a list of stems.
        let strange = syllables.indices.filter {
            !contents.attests(syllables[$0].value) && Hangul.parts(syllables[$0]).tail != 20
        }
        guard strange.count == 1, let position = strange.first, position >= 2, position == syllables.count - 1 else {
            return nil
        }
        let known = contents.stems
        let head = Self.text(syllables[..<position])
        guard known.contains(head) || index.usage(of: head).occurrences > 0 else { return nil }
        let ranked = Self.sameSoundFinals(of: syllables[position]).filter { contents.attests($0.value) }
        let candidates = ranked.compactMap { replacement -> String? in
            var tail = Array(syllables[position...])
            tail[0] = replacement
            let candidate = head + Self.text(tail[...])
            let isKnown = known.contains(Self.text(tail[...])) || known.contains(candidate)
                || index.usage(of: candidate).occurrences > 0
            return isKnown ? candidate : nil
        }
        return candidates.isEmpty ? nil : candidates
    }

    /// The syllable with its final consonant replaced by one that sounds the same at the
    /// end of a syllable (ㅌ and ㅅ both end in [t]): a spelling confusion, not a slip.
    /// The seven finals loanwords are written with come first (외래어 표기법 제3항:
    /// ㄱ ㄴ ㄹ ㅁ ㅂ ㅅ ㅇ).
    static func sameSoundFinals(of syllable: Unicode.Scalar) -> [Unicode.Scalar] {
        let (lead, vowel, tail) = Hangul.parts(syllable)
        let soundClasses: [[UInt32]] = [[1, 2, 3, 9, 24], [4, 5, 6], [19, 7, 20, 22, 23, 25, 27], [8, 11, 12, 13, 15], [16, 10], [17, 18, 14, 26], [21]]
        guard let sameSound = soundClasses.first(where: { $0.contains(tail) }) else { return [] }
        return sameSound.filter { $0 != tail }.map { Hangul.syllable(lead: lead, vowel: vowel, tail: $0) }
    }

    /// Endings live in the last syllable (하여/하려, 한/할/함): two words differing only
    /// there are most likely two right forms of one word.
    static func differsInLastSyllable(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        guard a.count == b.count, let last = a.indices.last else { return false }
        return a[..<last] == b[..<last]
    }

    /// Loanwords one first consonant apart are most often two words (트위치/스위치,
    /// 조인트/포인트), and people seldom mistype a word's very first key.
    static func differsInFirstLead(_ lhs: String, _ rhs: String) -> Bool {
        guard let a = lhs.unicodeScalars.first, let b = rhs.unicodeScalars.first, Hangul.isSyllable(a), Hangul.isSyllable(b)
        else { return false }
        return Hangul.parts(a).lead != Hangul.parts(b).lead
    }

    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    /// Evidence 3: a rare stem next to a frequent one.
    private func nearFrequentStem(_ stem: String, index: KoreanStemIndex) -> [String]? {
        let usage = index.usage(of: stem)
        guard usage.occurrences <= 2 else { return nil }
        // Only dictionary stems (nouns, roots) as targets: Korean endings make almost every
        // verb form one jamo from another (하거/하고/하기), so those say nothing.
        let known = contents.stems
        let near = index.frequentNeighbours(of: stem).filter {
            index.usage(of: $0).occurrences >= max(KoreanStemIndex.frequentOccurrences, 10 * usage.occurrences)
                && known.contains($0) && !Self.differsInLastSyllable(stem, $0) && !Self.differsInFirstLead(stem, $0)
        }
        // Last, Korean Hunspell (which knows every inflected form) must reject the stem.
        // Its 11 MB affix file takes seconds to load, so it is opened only when a word
        // gets this far.
        guard !near.isEmpty, HunspellDictionary.korean.accepts(stem) == false else { return nil }
        return near.sorted { index.usage(of: $0).occurrences > index.usage(of: $1).occurrences }
    }
}

/// The run's Korean stems (each Hangul word and what is left of it without a particle),
/// with an index that finds frequent stems one jamo away without generating every
/// variant: a stem is filed under each of its "one jamo blanked" keys.
final class KoreanStemIndex: @unchecked Sendable {
    static let frequentOccurrences = 10

    /// Stems by their bytes (a String key is normalised and SipHashed at every look-up).
    private let usages: CheapHashTable<Vocabulary.WordBytes, Vocabulary.Usage>
    /// How often each Hangul syllable occurs in the run's words (by `value - 0xAC00`).
    private let syllableCounts: [Int]
    /// A stem with one jamo slot blanked: the slot's place, the syllable's other two jamo,
    /// and the stem's other syllables. Each value fits in 21 bits: three a word, stems of
    /// up to twelve syllables held inline (no array per key, and keys are made for every
    /// rare stem judged).
    struct BlankedKey: Hashable, CheapHashable {
        private var packed: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var count = 0
        private var long: [UInt32]?

        init(_ values: [UInt32]) {
            count = values.count
            guard values.count <= 12 else {
                long = values
                return
            }
            withUnsafeMutableBytes(of: &packed) { raw in
                let words = raw.bindMemory(to: UInt64.self)
                for (index, value) in values.enumerated() { words[index / 3] |= UInt64(value) << (21 * UInt64(index % 3)) }
            }
        }

        func hash(into hasher: inout Hasher) { hasher.combine(cheapHash) }

        var cheapHash: UInt64 {
            var hash = Self.mix(packed.0 &+ Self.mix(packed.1 &+ Self.mix(packed.2 ^ packed.3 &+ UInt64(count))))
            for value in long ?? [] { hash = Self.mix(hash ^ UInt64(value)) }
            return hash
        }

        static func == (lhs: BlankedKey, rhs: BlankedKey) -> Bool {
            lhs.count == rhs.count && lhs.packed == rhs.packed && lhs.long == rhs.long
        }
    }

    private var neighbourKeys = CheapHashTable<BlankedKey, [String]>()

    /// Built once per run by the first thread that needs it, under its own lock rather than
    /// the vocabulary's (which every file's check takes): threads linting other files go on.
    static func of(_ vocabulary: Vocabulary) -> KoreanStemIndex {
        vocabulary.derived("typo.korean-stems") { [unowned vocabulary] _ in
            Lazy { KoreanStemIndex(vocabulary: vocabulary, dictionary: KoreanWordList.shared.contents.stems) }
        }.value
    }

    /// `dictionary`: only its stems are filed as neighbours, the only ones a rare stem is
    /// ever corrected to (`KoreanTypoJudge.nearFrequentStem`); nil files every frequent stem.
    init(vocabulary: Vocabulary, dictionary: SortedWordList? = nil) {
        var usages = CheapHashTable<Vocabulary.WordBytes, Vocabulary.Usage>()
        var syllableCounts = [Int](repeating: 0, count: Int(Hangul.syllableLast - Hangul.syllableBase) + 1)
        // Hangul syllables are EA B0 80 ... ED 9E A3.
        vocabulary.forEachWord(leadBytes: 0xEA...0xED, where: Hangul.isSyllable) { word, usage in
            for length in KoreanTypoJudge.stemLengths(of: word) {
                usages.update(Vocabulary.WordBytes(UnsafeBufferPointer(rebasing: word[..<length]), lowercasingASCII: false), initial: .init()) {
                    $0.add(usage)
                }
            }
            var index = 0
            while index < word.count {
                let (value, length) = LineText.scalar(word, at: index, end: word.count)
                if value >= Hangul.syllableBase && value <= Hangul.syllableLast {
                    syllableCounts[Int(value - Hangul.syllableBase)] += usage.occurrences
                }
                index += length
            }
        }
        self.usages = usages
        self.syllableCounts = syllableCounts
        // Entries keep the order stems were first met, as the neighbour lists do.
        for (key, usage) in usages.elements where usage.occurrences >= Self.frequentOccurrences {
            let stem = String(decoding: key.bytes, as: UTF8.self)
            guard stem.unicodeScalars.count >= 3, dictionary?.contains(stem) != false else { continue }
            for blanked in Self.blankedKeys(stem) { neighbourKeys.update(blanked, initial: []) { $0.append(stem) } }
        }
    }

    /// How often the run's words use a Hangul syllable.
    private func count(of syllable: UInt32) -> Int {
        Hangul.isSyllable(Unicode.Scalar(syllable) ?? " ") ? syllableCounts[Int(syllable - Hangul.syllableBase)] : 0
    }

    func usage(of stem: String) -> Vocabulary.Usage { usages[Self.key(stem)] ?? .init() }

    private static func key(_ stem: String) -> Vocabulary.WordBytes {
        var stem = stem
        return stem.withUTF8 { Vocabulary.WordBytes($0, lowercasingASCII: false) }
    }

    /// Evidence 4: a word with one syllable that neither the Korean dictionary nor any
    /// other word of the repository uses (믁성을, 과정윽), where changing one jamo of it gives
    /// a word the repository uses (특성을, 과정을). Slips of the finger make such syllables;
    /// real words, even rare ones, are built from common ones.
    func repairs(ofStrangeSyllableIn word: String, dictionary: KoreanWordList.Contents) -> [String]? {
        var syllables = Array(word.unicodeScalars)
        let own = max(1, usage(of: word).occurrences)
        let strange = syllables.indices.filter {
            Hangul.isSyllable(syllables[$0]) && !dictionary.attests(syllables[$0].value)
                && count(of: syllables[$0].value) <= own
        }
        guard strange.count == 1, let position = strange.first else { return nil }
        let original = syllables[position]
        let (lead, vowel, tail) = Hangul.parts(original)
        var variants: [Unicode.Scalar] = []
        for other in 0..<Hangul.leadCount where other != lead { variants.append(Hangul.syllable(lead: other, vowel: vowel, tail: tail)) }
        for other in 0..<Hangul.vowelCount where other != vowel { variants.append(Hangul.syllable(lead: lead, vowel: other, tail: tail)) }
        for other in 0..<Hangul.tailCount where other != tail { variants.append(Hangul.syllable(lead: lead, vowel: vowel, tail: other)) }
        var found: [(text: String, occurrences: Int)] = []
        for variant in variants where dictionary.attests(variant.value) || count(of: variant.value) > 0 {
            syllables[position] = variant
            let candidate = KoreanTypoJudge.text(syllables[...])
            let occurrences = usage(of: candidate).occurrences
            if occurrences >= Self.repairOccurrences { found.append((candidate, occurrences)) }
        }
        guard !found.isEmpty else { return nil }
        return found.sorted { $0.occurrences > $1.occurrences }.map(\.text)
    }

    /// How often the repository must use a repaired word for it to be suggested.
    static let repairOccurrences = 3

    /// Frequent stems that differ from `stem` in one jamo, or by two neighbouring
    /// syllables swapped.
    func frequentNeighbours(of stem: String) -> [String] {
        // Few stems come back: an array in the order found, rather than a set.
        var found: [String] = []
        for key in Self.blankedKeys(stem) {
            for neighbour in neighbourKeys[key] ?? [] where neighbour != stem && !found.contains(neighbour) { found.append(neighbour) }
        }
        for swapped in Self.swappedNeighbours(of: stem) where usages[swapped]?.occurrences ?? 0 >= Self.frequentOccurrences {
            let text = String(decoding: swapped.bytes, as: UTF8.self)
            if !found.contains(text) { found.append(text) }
        }
        return found
    }

    /// The stem with two neighbouring (different) syllables swapped, as look-up keys: made
    /// from the bytes, as Hangul syllables are three bytes each (a String per swap cost
    /// more than the look-up).
    static func swappedNeighbours(of stem: String) -> [Vocabulary.WordBytes] {
        var bytes = Array(stem.utf8)
        guard bytes.count == 3 * stem.unicodeScalars.count else { return [] }
        var result: [Vocabulary.WordBytes] = []
        for start in stride(from: 0, to: bytes.count - 3, by: 3)
        where !bytes[start..<start + 3].elementsEqual(bytes[start + 3..<start + 6]) {
            for offset in 0..<3 { bytes.swapAt(start + offset, start + 3 + offset) }
            result.append(Vocabulary.WordBytes(bytes: bytes))
            for offset in 0..<3 { bytes.swapAt(start + offset, start + 3 + offset) }
        }
        return result
    }

    /// For each syllable and each of its three jamo slots, the stem with that slot blanked.
    static func blankedKeys(_ stem: String) -> [BlankedKey] {
        var values = stem.unicodeScalars.map(\.value)
        var keys: [BlankedKey] = []
        keys.reserveCapacity(3 * values.count)
        for position in values.indices {
            let original = values[position]
            guard let scalar = Unicode.Scalar(original), Hangul.isSyllable(scalar) else { continue }
            let (lead, vowel, tail) = Hangul.parts(scalar)
            // One buffer, each slot blanked in turn and put back.
            for (slot, first, second) in [(UInt32(0), vowel, tail), (1, lead, tail), (2, lead, vowel)] {
                values[position] = 0x11_0000 + slot << 16 | first << 8 | second
                keys.append(BlankedKey(values))
            }
            values[position] = original
        }
        return keys
    }
}

extension Vocabulary.Usage {
    /// A stem's usage gathers its inflected words': occurrences add up, files are the most any one word is in.
    fileprivate mutating func add(_ other: Vocabulary.Usage) {
        occurrences += other.occurrences
        files = max(files, other.files)
    }
}
