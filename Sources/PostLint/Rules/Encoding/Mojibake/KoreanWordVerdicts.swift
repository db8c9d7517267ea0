import Foundation

/// Hunspell's ko_KR verdicts on the Korean words a repair guessed, remembered for the
/// process: a document repeats its damaged words, and each verdict opens a dictionary
/// slice (about a millisecond). Shared by the threads that lint files in parallel.
final class KoreanWordVerdicts: @unchecked Sendable {
    static let shared = KoreanWordVerdicts()

    private var verdicts: [String: Bool?] = [:]
    private let lock = NSLock()

    /// Whether ko_KR accepts the syllables as a word; nil when it is not installed.
    func accepts<Syllables: Sequence>(_ syllables: Syllables) -> Bool? where Syllables.Element == UInt32 {
        var view = String.UnicodeScalarView()
        for syllable in syllables {
            guard let scalar = Unicode.Scalar(syllable) else { return nil }
            view.append(scalar)
        }
        let word = String(view)
        if let known = lock.withLock({ verdicts[word] }) { return known }
        let verdict = HunspellDictionary.korean.accepts(word)
        lock.withLock { verdicts[word] = verdict }
        return verdict
    }
}
