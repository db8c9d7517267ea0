import Dispatch
import Foundation

/// The words of the files linted in one run, with how often and in how many files each
/// is used. Rules read it through `RuleContext.vocabulary` as evidence about the
/// repository: a word used across many files is the repository's vocabulary, not a typo.
///
/// Words are maximal runs of letters (ASCII letters, or other Unicode letters; a switch
/// between ASCII and non-ASCII letters ends a word, so `SOTA혹은` gives `sota` and `혹은`).
/// ASCII letters are lower-cased. Counting reads raw text, code included: cheap, and a
/// word that appears in code is still a word the repository uses.
public final class Vocabulary: @unchecked Sendable {
    public struct Usage: Sendable, Hashable {
        public var occurrences: Int
        public var files: Int

        public init(occurrences: Int = 0, files: Int = 0) {
            self.occurrences = occurrences
            self.files = files
        }
    }

    /// How many files were counted.
    public let fileCount: Int
    /// Every word (lower-cased) and its usage.
    public let usages: [String: Usage]

    private let derivedLock = NSLock()
    private var derivedValues: [String: Any] = [:]

    public init(usages: [String: Usage], fileCount: Int) {
        self.usages = usages
        self.fileCount = fileCount
    }

    /// The usage of a word (any case); zero when the run never used it.
    public func usage(of word: String) -> Usage {
        usages[Self.lowercasedASCII(word)] ?? Usage()
    }

    /// A value a rule computes once from the vocabulary (an index of stems, say) and
    /// shares across the files of the run. `key` names it; the first caller builds it.
    public func derived<Value>(_ key: String, _ build: (Vocabulary) -> Value) -> Value {
        derivedLock.lock()
        defer { derivedLock.unlock() }
        if let value = derivedValues[key] as? Value { return value }
        let value = build(self)
        derivedValues[key] = value
        return value
    }

    // MARK: - Building

    /// Counts the words of the given texts (one text per file).
    public convenience init(texts: [String]) {
        var merged: [String: Usage] = [:]
        for text in texts { Self.merge(Self.count(Array(text.utf8)), into: &merged) }
        self.init(usages: merged, fileCount: texts.count)
    }

    /// Reads and counts the files in parallel; unreadable files are left out.
    public static func build(paths: [String]) -> Vocabulary {
        let lock = NSLock()
        var merged: [String: Usage] = [:]
        var counted = 0
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            guard let data = FileManager.default.contents(atPath: paths[index]) else { return }
            let counts = count(Array(data))
            lock.lock()
            merge(counts, into: &merged)
            counted += 1
            lock.unlock()
        }
        return Vocabulary(usages: merged, fileCount: counted)
    }

    private static func merge(_ counts: [String: Int], into merged: inout [String: Usage]) {
        for (word, occurrences) in counts {
            merged[word, default: Usage()].occurrences += occurrences
            merged[word, default: Usage()].files += 1
        }
    }

    /// Occurrences of each word of one file's bytes (invalid UTF-8 is skipped over).
    static func count(_ bytes: [UInt8]) -> [String: Int] {
        var counts: [String: Int] = [:]
        var word: [UInt8] = []
        var wordIsASCII = true
        func finish() {
            if word.count > 1 { counts[String(decoding: word, as: UTF8.self), default: 0] += 1 }
            word.removeAll(keepingCapacity: true)
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
                if isLetter {
                    if !wordIsASCII { finish() }
                    wordIsASCII = true
                    word.append(byte | 0x20)
                } else {
                    finish()
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            let end = min(index + length, bytes.count)
            let scalar = decodeScalar(bytes[index..<end])
            if let scalar, scalar.properties.isAlphabetic {
                if wordIsASCII { finish() }
                wordIsASCII = false
                word.append(contentsOf: bytes[index..<end])
            } else {
                finish()
            }
            index = end
        }
        finish()
        return counts
    }

    private static func decodeScalar(_ bytes: ArraySlice<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    static func lowercasedASCII(_ word: String) -> String {
        guard word.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return word }
        return String(decoding: word.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
