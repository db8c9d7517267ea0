/// Word evidence for the bytes a repair re-inserted. The letter model sees one letter
/// after another, so where a letter lost its only continuation byte it picks the letter
/// that most often follows (`Русякий`: `ся` is common) even when the word becomes
/// nonsense; a list of real words tells (`Русский`, `αλεπού`, `nhiều`, `規模`). For Korean,
/// written in inflected words no list holds, Hunspell's ko_KR says which readings are
/// words (`띄어쓰기`, not `도어쓰기`), and the syllable model chooses among those.
enum WordEvidence {
    /// Most combinations of guessed letters tried in one word; a word with more guesses
    /// than that keeps the letter model's reading.
    static let maximumCombinations = 256
    /// How many frequency bands (half Zipf steps) a known word must beat the reading's own
    /// known word by: a word ten times as frequent, not merely a likelier one, since both
    /// are real words and the letter model had its reasons.
    static let knownWordMargin = 2

    /// A run's reading that guessed dropped bytes, with what revising it needs.
    struct Guess {
        /// Where the reading's characters start in the line's reading.
        private(set) var start = 0
        let reading: MojibakeDecoder.Reading
        let bytes: [UInt8]
        let insertable: [UInt8]
        /// The decoder's `rebuildFromLead` when it read the run.
        let rebuildFromLead: Bool
        /// The line and the run's place in it (kept by reference: most guesses are never revised).
        let line: [MojibakeRepair.Character]
        let bounds: Range<Int>

        /// The letters of the word that runs on before the run.
        var before: [UInt32] {
            var start = bounds.lowerBound
            while start > 0, !line[start - 1].inCode, DocumentWords.isWordCharacter(line[start - 1].scalar) { start -= 1 }
            return line[start..<bounds.lowerBound].map(\.scalar)
        }

        /// The letters of the word that runs on after the run.
        var after: [UInt32] {
            var end = bounds.upperBound
            while end < line.count, !line[end].inCode, DocumentWords.isWordCharacter(line[end].scalar) { end += 1 }
            return line[bounds.upperBound..<end].map(\.scalar)
        }

        func at(_ start: Int) -> Guess {
            var moved = self
            moved.start = start
            return moved
        }
    }

    /// Revised readings already worked out for one document: damaged text repeats its
    /// words, and each revision looks up words (or asks Hunspell) for every combination.
    final class Revisions {
        private struct Key: Hashable {
            let scalars: [UInt32]
            let bytes: [UInt8]
            let insertable: [UInt8]
            let rebuildFromLead: Bool
            let before: [UInt32]
            let after: [UInt32]
        }

        private var revised: [Key: MojibakeDecoder.Reading] = [:]

        func reading(for guess: Guess, revise: () -> MojibakeDecoder.Reading) -> MojibakeDecoder.Reading {
            let key = Key(
                scalars: guess.reading.scalars, bytes: guess.bytes, insertable: guess.insertable, rebuildFromLead: guess.rebuildFromLead,
                before: guess.before, after: guess.after)
            if let known = revised[key] { return known }
            let reading = revise()
            revised[key] = reading
            return reading
        }
    }

    /// `reading` with the guessed letters of each word changed to the combination that
    /// makes the most frequent known word, when that beats the word the reading made.
    /// `alternatives` holds, per scalar, the characters its bytes could be (first: its
    /// own); `before` and `after` are the letters of the word just outside the run.
    static func revise(
        _ reading: MojibakeDecoder.Reading, alternatives: [[UInt32]], before: [UInt32], after: [UInt32], shown: DocumentWords? = nil
    ) -> MojibakeDecoder.Reading {
        guard alternatives.contains(where: { $0.count > 1 }) else { return reading }
        var text = before + reading.scalars + after
        let choices = [[UInt32]](repeating: [], count: before.count) + alternatives + [[UInt32]](repeating: [], count: after.count)
        var start = 0
        var uncertain = false
        while start < text.count {
            // A word is a run of letters of one script (`%d바이트만` holds the word `바이트만`).
            guard let script = ScriptClass(text[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < text.count, ScriptClass(text[end]) == script { end += 1 }
            let guessed = (start..<end).filter { choices[$0].count > 1 }
            if !guessed.isEmpty {
                switch script {
                case .hangul: uncertain = reviseKoreanWord(&text, word: start..<end, guessed: guessed, choices: choices, shown: shown) || uncertain
                case .cjk: reviseIdeographs(&text, word: start..<end, guessed: guessed, choices: choices)
                default: reviseWord(&text, word: start..<end, guessed: guessed, choices: choices)
                }
            }
            start = end
        }
        var revised = reading
        revised.scalars = Array(text[before.count..<(before.count + reading.scalars.count)])
        revised.hasUncertainGuess = uncertain
        return revised
    }

    /// A word in an alphabet: every combination of its guessed letters looked up whole.
    private static func reviseWord(_ text: inout [UInt32], word: Range<Int>, guessed: [Int], choices: [[UInt32]]) {
        let current = WordFrequencies.band(of: text[word])
        let best = bestCombination(text, word: word, guessed: guessed, choices: choices) { WordFrequencies.band(of: $0).map(Double.init) }
        guard let best, Int(best.score) >= (current.map { $0 + knownWordMargin } ?? 0) else { return }
        place(best.letters, at: guessed, in: &text)
    }

    /// A Korean word Hunspell rejects: of the combinations Hunspell accepts, the one the
    /// syllable model likes best. Nothing changes without the dictionary, for a word it
    /// accepts, or where the model is sure (each verdict costs about a millisecond).
    /// Returns whether the word stays uncertain: the model is not sure and Hunspell does not
    /// confirm the choice alone (it accepts another likely reading as well, `생명주기` and
    /// `상명주기`, or rejects or cannot judge the one kept).
    private static func reviseKoreanWord(
        _ text: inout [UInt32], word: Range<Int>, guessed: [Int], choices: [[UInt32]], shown: DocumentWords?
    ) -> Bool {
        var ranked: [(cost: Double, letters: [UInt32])] = []
        let tried = forEachCombination(text, word: word, guessed: guessed, choices: choices) { letters, chosen in
            ranked.append((syllableCost(letters), chosen))
        }
        guard tried else { return true }
        guard ranked.count > 1 else { return false }
        ranked.sort { $0.cost < $1.cost }
        let current = guessed.map { text[$0] }
        if ranked[0].letters == current, ranked[1].cost - ranked[0].cost >= sureMargin { return false }
        var candidate = text
        // The post's own undamaged text settles it when it begins a word as one reading
        // does and no other (`생명주기를` elsewhere: `생명주기와`, not `상명주기와`).
        if let shown, let last = guessed.max() {
            let length = max(2, last - word.lowerBound + 1)
            if length <= word.count {
                let seen = ranked.filter { combination in
                    place(combination.letters, at: guessed, in: &candidate)
                    return shown.beginsAShownWord(candidate[word.lowerBound..<(word.lowerBound + length)])
                }
                if seen.count == 1 {
                    place(seen[0].letters, at: guessed, in: &text)
                    return false
                }
            }
        }
        if KoreanWordVerdicts.shared.accepts(text[word]) == false {
            for (_, letters) in ranked where letters != current {
                place(letters, at: guessed, in: &candidate)
                if KoreanWordVerdicts.shared.accepts(candidate[word]) == true {
                    text = candidate
                    break
                }
            }
        }
        let chosen = guessed.map { text[$0] }
        let chosenCost = ranked.first { $0.letters == chosen }?.cost ?? ranked[0].cost
        // Hunspell's ko_KR lacks common words (`상세`) and takes odd ones (`샐세`): a reading
        // it prefers over one the model likes far better is no sure repair.
        if chosenCost - ranked[0].cost >= Self.overruledMargin { return true }
        guard KoreanWordVerdicts.shared.accepts(text[word]) == true else {
            // No word either way (`리팩토링`, `생명주기`): the model's lead decides alone.
            let rival = ranked.first { $0.letters != chosen }?.cost ?? .infinity
            return rival - chosenCost < Self.unconfirmedMargin
        }
        // One syllable is a word in Hunspell's eyes whatever it is (`의`, `쁘`), so only a
        // rival the model nearly prefers makes it uncertain (`데` and `및`, `또` and `되`).
        let margin = word.count > 1 ? sureMargin : singleSyllableMargin
        candidate = text
        for (cost, letters) in ranked.prefix(Self.rivalsAsked + 1) where letters != chosen && cost - chosenCost < margin {
            place(letters, at: guessed, in: &candidate)
            if KoreanWordVerdicts.shared.accepts(candidate[word]) == true { return true }
        }
        return false
    }

    /// Puts a combination's letters at the guessed places of a word's text.
    private static func place(_ letters: [UInt32], at guessed: [Int], in text: inout [UInt32]) {
        for (index, letter) in zip(guessed, letters) { text[index] = letter }
    }

    /// How many of the likeliest other readings Hunspell is asked about.
    static let rivalsAsked = 3
    /// How many nats the model's choice must lead by when Hunspell knows no reading.
    static let unconfirmedMargin = 1.5

    /// How far (nats) the model's best reading of a Korean word may lead the one kept before
    /// the kept one is uncertain: on 1,868 damaged lines of real posts
    /// (`bench/mojibake/corpus_lines.py`), Windows-1252 and 1254, 5 nats took 2 wrong lines
    /// each out of plain `--fix` for one right line less (3 nats: 3 and 6 for 6 and 5).
    static let overruledMargin = 5.0

    /// How many nats the syllable model's choice must lead the next reading of a Korean word
    /// by to stand without Hunspell's verdict.
    static let sureMargin = 8.0

    /// How many nats a one-syllable word's reading must lead the next by to be sure. Where
    /// the next is closer, the dropped byte was as likely elsewhere: on 1,868 damaged lines
    /// of real posts (`bench/mojibake/corpus_lines.py`), no margin wrote 42 lines wrong, 3
    /// nats 31 (and left 28 more for `--unsafe-fixes`), 5 nats 24 (but left 276 more).
    static let singleSyllableMargin = 3.0

    /// What the syllable model says a Korean word costs, as a word on its own.
    private static func syllableCost(_ letters: ArraySlice<UInt32>) -> Double {
        let model = RepairLanguageModel.shared
        var cost = 0.0
        var previous: UInt32?
        for letter in letters {
            cost += model.cost(of: letter, after: previous)
            previous = letter
        }
        return cost + (previous.map(model.wordEndCost) ?? 0)
    }

    /// The combination of guessed letters whose word scores highest (nil score: not a
    /// candidate), and the score; nil when none scores or there are too many to try.
    private static func bestCombination(
        _ text: [UInt32], word: Range<Int>, guessed: [Int], choices: [[UInt32]], score: (ArraySlice<UInt32>) -> Double?
    ) -> (score: Double, letters: [UInt32])? {
        var best: (score: Double, letters: [UInt32])?
        _ = forEachCombination(text, word: word, guessed: guessed, choices: choices) { letters, chosen in
            if let value = score(letters), value > best?.score ?? -.infinity { best = (value, chosen) }
        }
        return best
    }

    /// Calls `body` with the word and its guessed letters for every combination of them;
    /// false (and no call) when there are more than `maximumCombinations`.
    private static func forEachCombination(
        _ text: [UInt32], word: Range<Int>, guessed: [Int], choices: [[UInt32]], body: (ArraySlice<UInt32>, [UInt32]) -> Void
    ) -> Bool {
        let combinations = guessed.reduce(1) { $0 * choices[$1].count }
        guard combinations <= maximumCombinations else { return false }
        var candidate = text
        for combination in 0..<combinations {
            var rest = combination
            for index in guessed {
                candidate[index] = choices[index][rest % choices[index].count]
                rest /= choices[index].count
            }
            body(candidate[word], guessed.map { candidate[$0] })
        }
        return true
    }

    /// Kana and ideographs, written without spaces: each guessed character on its own,
    /// judged by the most frequent known word of two to four characters that holds it.
    private static func reviseIdeographs(_ text: inout [UInt32], word: Range<Int>, guessed: [Int], choices: [[UInt32]]) {
        for index in guessed {
            let current = band(around: index, in: text, word: word)
            var best: (band: Int, scalar: UInt32)?
            var candidate = text
            for scalar in choices[index].dropFirst() {
                candidate[index] = scalar
                if let band = band(around: index, in: candidate, word: word), band > best?.band ?? -1 { best = (band, scalar) }
            }
            if let best, best.band >= (current.map { $0 + knownWordMargin } ?? 0) { text[index] = best.scalar }
        }
    }

    /// The highest band of a known word of two to four characters inside `word` that holds `index`.
    private static func band(around index: Int, in text: [UInt32], word: Range<Int>) -> Int? {
        var best: Int?
        for length in 2...4 {
            for start in max(word.lowerBound, index - length + 1)...index where start + length <= word.upperBound {
                if let band = WordFrequencies.band(of: text[start..<(start + length)]), band > best ?? -1 { best = band }
            }
        }
        return best
    }
}
