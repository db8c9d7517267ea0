import Foundation
import ICUShim

/// The typo rule's word lists: curated corrections and allowlists shipped in
/// `Rules/typo/`, the user's own words from the rule's `words` option, and what the rule
/// reads from Debian's Korean Hunspell word list (stems and the syllables they use).
struct TypoLexicon: Sendable {
    /// `wrong -> right`, keys lower-cased for English.
    var corrections: [String: String]
    /// Lower-cased words that are never typos.
    var allowed: Set<String>

    static let shipped: TypoLexicon = {
        var corrections: [String: String] = [:]
        for path in ["typo/corrections-en.txt", "typo/corrections-ko.txt"] {
            for line in RuleData.wordList(path) {
                if let (wrong, right) = correction(line) { corrections[wrong] = right }
            }
        }
        return TypoLexicon(corrections: corrections, allowed: Set(RuleData.wordList("typo/allow-en.txt").map { $0.lowercased() }))
    }()

    /// Korean particles and copula endings, longest first.
    static let koreanParticles: [String] = RuleData.wordList("typo/particles-ko.txt").sorted { $0.count > $1.count }
    static let koreanParticleBytes: [[UInt8]] = koreanParticles.map { Array($0.utf8) }

    /// The shipped lists plus the `words` option: each entry is a word to allow, or
    /// `wrong -> right` for a correction of the user's own.
    static func with(options: RuleOptions) -> TypoLexicon {
        var lexicon = shipped
        let entries = (options.lists["words"] ?? []) + (options.values["words"].map { [$0] } ?? [])
        for entry in entries {
            if let (wrong, right) = correction(entry) {
                lexicon.corrections[wrong] = right
            } else {
                let word = entry.trimmingCharacters(in: .whitespaces).lowercased()
                if !word.isEmpty { lexicon.allowed.insert(word) }
            }
        }
        return lexicon
    }

    private static func correction(_ line: String) -> (String, String)? {
        let parts = line.components(separatedBy: "->")
        guard parts.count == 2 else { return nil }
        let wrong = parts[0].trimmingCharacters(in: .whitespaces).lowercased()
        let right = parts[1].trimmingCharacters(in: .whitespaces)
        return wrong.isEmpty || right.isEmpty ? nil : (wrong, right)
    }
}

/// The stems of Debian's Korean Hunspell dictionary (`ko_KR.dic`, stored as conjoining
/// jamo, composed here with ICU's NFC) and the syllables they use. Reading the word list
/// takes milliseconds, where opening the Hunspell handle takes seconds; the rule asks
/// Hunspell itself only for the few words that survive every cheaper test.
final class KoreanWordList: @unchecked Sendable {
    static let shared = KoreanWordList()

    private let lock = NSLock()
    private var loaded: (stems: Set<String>, syllables: Set<UInt32>)?

    /// Stems and syllables, empty when the dictionary is not installed.
    var contents: (stems: Set<String>, syllables: Set<UInt32>) {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        let value = Self.load()
        loaded = value
        return value
    }

    var isAvailable: Bool { !contents.stems.isEmpty }

    private static func load() -> (stems: Set<String>, syllables: Set<UInt32>) {
        guard let path = HunspellDictionary.korean.files?.dictionary,
            let data = FileManager.default.contents(atPath: path)
        else { return ([], []) }
        // Work on bytes: splitting a 4 MB String by Characters, and growing the set as it
        // fills, cost most of a Korean post's lint time.
        let composed = Array(nfc(Array(data)).utf8)
        var stems = Set<String>(minimumCapacity: 128 * 1024)
        var syllables: Set<UInt32> = []
        for line in composed.split(separator: 0x0A).dropFirst() {
            let stemBytes = line.prefix { $0 != UInt8(ascii: "/") && $0 != 0x0D }
            guard !stemBytes.isEmpty else { continue }
            let stem = String(decoding: stemBytes, as: UTF8.self)
            guard stems.insert(stem).inserted else { continue }
            for scalar in stem.unicodeScalars where Hangul.isSyllable(scalar) { syllables.insert(scalar.value) }
        }
        return (stems, syllables)
    }

    private static func nfc(_ bytes: [UInt8]) -> String {
        var output = [CChar](repeating: 0, count: bytes.count + 16)
        let written = bytes.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { characters in
                plicu_to_nfc(characters.baseAddress, Int32(bytes.count), &output, Int32(output.count))
            }
        }
        guard written >= 0 else { return String(decoding: bytes, as: UTF8.self) }
        return output.prefix(Int(written)).withUnsafeBufferPointer { buffer in
            String(decoding: buffer.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
