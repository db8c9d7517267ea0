/// Word evidence for the bytes a repair re-inserted. The letter model sees one letter
/// after another, so where a letter lost its only continuation byte it picks the letter
/// that most often follows (`Русякий`: `ся` is common) even when the word becomes
/// nonsense; a list of real words tells (`Русский`, `αλεπού`, `nhiều`, `規模`).
/// Korean is left to the syllable model and the document's own words.
enum WordEvidence {
    /// Most combinations of guessed letters tried in one word; a word with more guesses
    /// than that keeps the letter model's reading.
    static let maximumCombinations = 256
    /// How many frequency bands (half Zipf steps) a known word must beat the reading's own
    /// known word by: a word ten times as frequent, not merely a likelier one, since both
    /// are real words and the letter model had its reasons.
    static let knownWordMargin = 2

    /// `reading` with the guessed letters of each word changed to the combination that
    /// makes the most frequent known word, when that beats the word the reading made.
    /// `alternatives` holds, per scalar, the characters its bytes could be (first: its
    /// own); `before` and `after` are the letters of the word just outside the run.
    static func revise(_ reading: MojibakeDecoder.Reading, alternatives: [[UInt32]], before: [UInt32], after: [UInt32]) -> MojibakeDecoder.Reading {
        guard alternatives.contains(where: { $0.count > 1 }) else { return reading }
        var text = before + reading.scalars + after
        let choices = [[UInt32]](repeating: [], count: before.count) + alternatives + [[UInt32]](repeating: [], count: after.count)
        var start = 0
        while start < text.count {
            guard isLetter(text[start]) else {
                start += 1
                continue
            }
            var end = start
            while end < text.count, isLetter(text[end]) { end += 1 }
            let guessed = (start..<end).filter { choices[$0].count > 1 }
            if !guessed.isEmpty, !text[start..<end].contains(where: RepairLanguageModel.isHangulSyllable) {
                if text[start..<end].contains(where: RepairLanguageModel.isCJK) {
                    reviseIdeographs(&text, word: start..<end, guessed: guessed, choices: choices)
                } else {
                    reviseWord(&text, word: start..<end, guessed: guessed, choices: choices)
                }
            }
            start = end
        }
        var revised = reading
        revised.scalars = Array(text[before.count..<(before.count + reading.scalars.count)])
        return revised
    }

    /// A word in an alphabet: every combination of its guessed letters looked up whole.
    private static func reviseWord(_ text: inout [UInt32], word: Range<Int>, guessed: [Int], choices: [[UInt32]]) {
        let combinations = guessed.reduce(1) { $0 * choices[$1].count }
        guard combinations <= maximumCombinations else { return }
        let current = WordFrequencies.band(of: text[word])
        var best: (band: Int, letters: [UInt32])?
        var candidate = text
        for combination in 0..<combinations {
            var rest = combination
            for index in guessed {
                candidate[index] = choices[index][rest % choices[index].count]
                rest /= choices[index].count
            }
            if let band = WordFrequencies.band(of: candidate[word]), band > best?.band ?? -1 {
                best = (band, guessed.map { candidate[$0] })
            }
        }
        guard let best, best.band >= (current.map { $0 + knownWordMargin } ?? 0) else { return }
        for (index, letter) in zip(guessed, best.letters) { text[index] = letter }
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

    private static func isLetter(_ scalar: UInt32) -> Bool {
        Unicode.Scalar(scalar)?.properties.isAlphabetic ?? false
    }
}
