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

        mutating func combine(_ other: Usage) {
            occurrences += other.occurrences
            files += other.files
        }

        /// One more file, using the word `occurrences` times (one dictionary look-up, not two).
        mutating func add(_ occurrences: Int) {
            self.occurrences += occurrences
            files += 1
        }
    }

    /// A word's UTF-8 bytes as a dictionary key. Hashing bytes skips the Unicode
    /// normalisation a String key goes through, and words of up to 16 bytes (most English
    /// words, Korean words of up to five syllables) are held inline, without allocating.
    struct WordBytes: Hashable, CheapHashable, Sendable {
        private let head: UInt64
        private let tail: UInt64
        private let count: Int
        private let long: [UInt8]?

        init(bytes: [UInt8]) { self.init(slice: bytes[...]) }

        init(slice: ArraySlice<UInt8>) {
            self = slice.withUnsafeBufferPointer { WordBytes($0, lowercasingASCII: false) }
        }

        /// A word straight from a file's bytes; ASCII words lower-cased (every byte of
        /// them is a letter, so setting bit 5 is enough).
        init(_ word: UnsafeBufferPointer<UInt8>, lowercasingASCII: Bool) {
            count = word.count
            let caseBit: UInt8 = lowercasingASCII ? 0x20 : 0
            guard count <= 16 else {
                head = 0
                tail = 0
                long = word.map { $0 | caseBit }
                return
            }
            var packed: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &packed) { $0.copyMemory(from: UnsafeRawBufferPointer(word)) }
            if lowercasingASCII {
                // The case bit of every byte the word fills (bytes are laid out little-endian).
                let caseBits: UInt64 = 0x2020_2020_2020_2020
                packed.0 |= count >= 8 ? caseBits : caseBits & ((1 << UInt64(8 * count)) - 1)
                packed.1 |= count <= 8 ? 0 : count == 16 ? caseBits : caseBits & ((1 << UInt64(8 * (count - 8))) - 1)
            }
            (head, tail, long) = (packed.0, packed.1, nil)
        }

        /// The word at `start..<end` of `buffer`, as `init(_:lowercasingASCII:)` makes it. Where
        /// sixteen bytes from `start` lie inside the buffer, the word is loaded as two
        /// integers and the bytes past its end masked off, with no copy.
        @inline(__always)
        init(in buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lowercasingASCII: Bool) {
            let count = end - start
            guard count <= 16, start + 16 <= buffer.count, let base = buffer.baseAddress else {
                self = WordBytes(UnsafeBufferPointer(rebasing: buffer[start..<end]), lowercasingASCII: lowercasingASCII)
                return
            }
            let raw = UnsafeRawPointer(base + start)
            let caseBits: UInt64 = lowercasingASCII ? 0x2020_2020_2020_2020 : 0
            let headMask: UInt64 = count >= 8 ? ~0 : (1 << UInt64(8 * count)) &- 1
            let tailMask: UInt64 = count <= 8 ? 0 : count == 16 ? ~0 : (1 << UInt64(8 * (count - 8))) &- 1
            self.count = count
            head = (raw.loadUnaligned(as: UInt64.self) | caseBits) & headMask
            tail = (raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) | caseBits) & tailMask
            long = nil
        }

        /// Two words of state rather than the four synthesized fields (the optional array
        /// alone costs a discriminator and a length): hashing is most of counting.
        func hash(into hasher: inout Hasher) {
            hasher.combine(head ^ (UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15))
            hasher.combine(tail)
            if let long { long.withUnsafeBytes { hasher.combine(bytes: $0) } }
        }

        var cheapHash: UInt64 {
            if let long { return FNV1a64.hash(long) }
            return Self.mix(head &+ Self.mix(tail &+ UInt64(truncatingIfNeeded: count)))
        }

        var firstByte: UInt8 { long?.first ?? UInt8(truncatingIfNeeded: head) }

        var bytes: [UInt8] {
            withBytes { Array($0) }
        }

        /// Calls `body` with the word's bytes, copied nowhere but the stack.
        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            if let long { return long.withUnsafeBufferPointer(body) }
            var words = (head, tail)
            let count = self.count
            return withUnsafeBytes(of: &words) { raw in
                body(UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[..<count]))
            }
        }
    }

    /// How many files were counted.
    public let fileCount: Int
    private let usagesByBytes: CheapHashTable<WordBytes, Usage>

    private let derivedLock = NSLock()
    private var derivedValues: [String: Any] = [:]

    public convenience init(usages: [String: Usage], fileCount: Int) {
        var byBytes = CheapHashTable<WordBytes, Usage>(minimumCapacity: usages.count)
        for (word, usage) in usages { byBytes.update(WordBytes(bytes: Array(word.utf8)), initial: usage) { _ in } }
        self.init(usagesByBytes: byBytes, fileCount: fileCount)
    }

    init(usagesByBytes: CheapHashTable<WordBytes, Usage>, fileCount: Int) {
        self.usagesByBytes = usagesByBytes
        self.fileCount = fileCount
    }

    /// Every word (lower-cased) and its usage.
    public var usages: [String: Usage] {
        var result: [String: Usage] = [:]
        result.reserveCapacity(usagesByBytes.count)
        for (word, usage) in usagesByBytes.elements { result[String(decoding: word.bytes, as: UTF8.self)] = usage }
        return result
    }

    /// Every word (lower-cased) whose first byte is in `leadBytes` and first scalar passes
    /// `test`, as its bytes, with its usage. The lead bytes turn away the other words (most
    /// of them ASCII) before their bytes are copied out.
    func forEachWord(
        leadBytes: ClosedRange<UInt8>, where test: (Unicode.Scalar) -> Bool, _ body: (UnsafeBufferPointer<UInt8>, Usage) -> Void
    ) {
        for (word, usage) in usagesByBytes.elements where leadBytes.contains(word.firstByte) {
            word.withBytes { bytes in
                guard let first = Self.decodeScalar(bytes.prefix(4)), test(first) else { return }
                body(bytes, usage)
            }
        }
    }

    /// How many distinct words the run used.
    var distinctWordCount: Int { usagesByBytes.count }

    /// How many distinct words start with a byte in `leadBytes` (0xEA...0xED: Hangul).
    public func wordCount(startingWithByteIn leadBytes: ClosedRange<UInt8>) -> Int {
        usagesByBytes.elements.reduce(0) { $0 + (leadBytes.contains($1.key.firstByte) ? 1 : 0) }
    }

    /// The usage of a word given as lower-case UTF-8 bytes.
    public func usage(ofLowercased bytes: [UInt8]) -> Usage {
        usagesByBytes[WordBytes(bytes: bytes)] ?? Usage()
    }

    /// The usage of a word (any case); zero when the run never used it.
    public func usage(of word: String) -> Usage {
        let lowered = word.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
        return usagesByBytes[WordBytes(bytes: lowered)] ?? Usage()
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
        var usages = CheapHashTable<WordBytes, Usage>()
        for text in texts { Self.addFile(Array(text.utf8), to: &usages) }
        self.init(usagesByBytes: usages, fileCount: texts.count)
    }

    /// Reads and counts the files in parallel; unreadable files are left out. Each worker
    /// counts a file's words in a small table of its own, which stays in the cache, then
    /// adds each distinct word once to the worker's table (a third as many look-ups in a
    /// table of the whole repository's words, each a cache miss); the workers' tables are
    /// merged at the end, not one per file on a single thread. `contents` stands in for
    /// the files it has (the text a fixing round would have written, with `--diff`).
    public static func build(paths: [String], contents: [Int: [UInt8]] = [:]) -> Vocabulary {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, paths.count))
        let next = FileQueue(count: paths.count)
        let perWorker = ResultSlots<(usages: CheapHashTable<WordBytes, Usage>, files: Int)>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var usages = CheapHashTable<WordBytes, Usage>(minimumCapacity: 4096)
            var files = 0
            while let index = next.take() {
                guard let bytes = contents[index] ?? FileBytes.read(paths[index]) else { continue }
                addFile(bytes, to: &usages)
                files += 1
            }
            perWorker.set(worker, (usages, files))
        }
        let tables = perWorker.values
        var merged = CheapHashTable<WordBytes, Usage>(minimumCapacity: tables.map(\.usages.count).max() ?? 0)
        for table in tables {
            for (word, usage) in table.usages.elements {
                merged.update(word, initial: Usage()) { $0.combine(usage) }
            }
        }
        return Vocabulary(usagesByBytes: merged, fileCount: tables.reduce(0) { $0 + $1.files })
    }

    /// One more file's words: each distinct word once, with its occurrences there.
    private static func addFile(_ bytes: [UInt8], to usages: inout CheapHashTable<WordBytes, Usage>) {
        for (word, occurrences) in count(bytes).elements { usages.update(word, initial: Usage()) { $0.add(occurrences) } }
    }

    /// Hands out file indices to parallel workers, each index once.
    private final class FileQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private let count: Int

        init(count: Int) { self.count = count }

        func take() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard nextIndex < count else { return nil }
            nextIndex += 1
            return nextIndex - 1
        }
    }

    /// Occurrences of each word of one file's bytes (invalid UTF-8 is skipped over).
    /// A word never mixes ASCII and other letters, so each word is one run of the bytes:
    /// its key is made straight from them, with no buffer to copy the word into.
    static func count(_ bytes: [UInt8]) -> CheapHashTable<WordBytes, Int> {
        var counts = CheapHashTable<WordBytes, Int>(minimumCapacity: bytes.count / 48)
        forEachWord(in: bytes) { word in counts.update(word, initial: 0) { $0 += 1 } }
        return counts
    }

    /// Calls `body` with each word of the bytes, as its key: each maximal run of ASCII
    /// letters, and each maximal run of other letters, of two bytes or more.
    @inline(__always)
    private static func forEachWord(in bytes: [UInt8], _ body: (WordBytes) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte < 0x80 {
                    guard isASCIILetter(byte) else {
                        index += 1
                        continue
                    }
                    let start = index
                    index += 1
                    while index < count, isASCIILetter(buffer[index]) { index += 1 }
                    if index - start > 1 { body(WordBytes(in: buffer, start, index, lowercasingASCII: true)) }
                    continue
                }
                let start = index
                while index < count, buffer[index] >= 0x80 {
                    let lead = buffer[index]
                    let end = min(index + (lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1), count)
                    guard Self.isLetter(buffer, index, end) else {
                        if index > start { body(WordBytes(in: buffer, start, index, lowercasingASCII: false)) }
                        index = end
                        break
                    }
                    index = end
                    if index == count || buffer[index] < 0x80 { body(WordBytes(in: buffer, start, index, lowercasingASCII: false)) }
                }
            }
        }
    }

    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    /// Whether the bytes at `start..<end` are one letter (Unicode Alphabetic). Hangul
    /// syllables, CJK ideographs and general punctuation (quotes, dashes) are decided from the bytes: the
    /// Unicode property look-up costs more than the rest of counting.
    private static func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        if end - start == 3, bytes[start] == 0xE2, bytes[start + 1] == 0x80 || bytes[start + 1] == 0x81,
            bytes[start + 2] & 0xC0 == 0x80
        {
            // U+2000...U+207F: the second byte 80 or 81; only U+2071 (ⁱ) and U+207F (ⁿ) are letters.
            let value = (UInt32(bytes[start + 1] & 0x3F) << 6) | UInt32(bytes[start + 2] & 0x3F)
            return value == 0x71 || value == 0x7F
        }
        if end - start == 3, bytes[start + 1] & 0xC0 == 0x80, bytes[start + 2] & 0xC0 == 0x80 {
            let value = (UInt32(bytes[start] & 0x0F) << 12) | (UInt32(bytes[start + 1] & 0x3F) << 6) | UInt32(bytes[start + 2] & 0x3F)
            // Hangul syllables and CJK unified ideographs: every one a letter.
            if (0xAC00...0xD7A3).contains(value) || (0x4E00...0x9FFF).contains(value) { return true }
        }
        return decodeScalar(UnsafeBufferPointer(rebasing: bytes[start..<end]))?.properties.isAlphabetic == true
    }

    private static func decodeScalar<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Unicode.Scalar? {
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
