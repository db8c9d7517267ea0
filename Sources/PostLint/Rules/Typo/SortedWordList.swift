import Foundation

/// A word list as one buffer of bytewise-sorted lines, searched by bisection: ready as soon
/// as the bytes are, where a `Set<String>` of the same 100k words takes tens of
/// milliseconds to build (most of a one-post run). Used for the dictionaries the typo rule
/// ships precomputed (`Rules/typo/en_US-words.txt`, `ko_KR-stems.txt`).
struct SortedWordList: Sendable {
    private let bytes: [UInt8]
    /// Where each word starts in `bytes`, plus one past the last word's newline.
    private let starts: [Int32]

    var count: Int { starts.count - 1 }
    var isEmpty: Bool { count == 0 }

    /// Lines of `bytes` (newline-separated, each ending in a newline), already sorted bytewise and unique.
    init(sortedLines bytes: [UInt8]) {
        var starts: [Int32] = [0]
        starts.reserveCapacity(bytes.count / 6)
        // memchr from newline to newline: this runs at start-up, over a megabyte.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var cursor = base
            let end = base + buffer.count
            while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
                let newline = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                starts.append(Int32(newline - base + 1))
                cursor = newline + 1
            }
        }
        if bytes.last != 0x0A, !bytes.isEmpty { starts.append(Int32(bytes.count + 1)) }
        self.bytes = bytes
        self.starts = starts
    }

    /// Any words, in any order, duplicates allowed.
    init<Words: Sequence>(words: Words) where Words.Element == [UInt8] {
        let sorted = Set(words.filter { !$0.isEmpty }).sorted { $0.lexicographicallyPrecedes($1) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(sorted.reduce(0) { $0 + $1.count + 1 })
        for word in sorted {
            bytes += word
            bytes.append(0x0A)
        }
        self.init(sortedLines: bytes)
    }

    /// The list shipped as `Rules/<path>`: `#` header lines, then the sorted words.
    /// `sourceSizes` is what the header's `# source-sizes:` line says (`file=bytes ...`).
    static func shipped(_ path: String) -> (list: SortedWordList, sourceSizes: [String: Int])? {
        guard let (body, sizes) = RuleData.generatedFile(path) else { return nil }
        return (SortedWordList(sortedLines: body), sizes)
    }

    func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { contains($0) }
    }

    func contains(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { contains($0) }
    }

    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var low = 0
            var high = count
            while low < high {
                let middle = (low + high) / 2
                let start = Int(starts[middle])
                let length = Int(starts[middle + 1]) - 1 - start
                let common = min(length, word.count)
                var order = common == 0 ? 0 : memcmp(buffer.baseAddress! + start, word.baseAddress!, common)
                if order == 0 { order = length == word.count ? 0 : (length < word.count ? -1 : 1) }
                if order == 0 { return true }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return false
        }
    }

    /// Every word, as bytes (for tests and for deriving other tables).
    func forEach(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<count {
                let start = Int(starts[index])
                body(UnsafeBufferPointer(rebasing: buffer[start..<Int(starts[index + 1]) - 1]))
            }
        }
    }

    /// The whole list as newline-terminated lines (to compare two lists).
    var lines: [UInt8] { bytes }
}

extension HunspellDictionary {
    /// Whether the installed affix and dictionary files have the sizes a shipped list was
    /// generated from (`en_US.aff=3131 en_US.dic=860381`): only then may the list stand in
    /// for the installed dictionary.
    func matches(sourceSizes: [String: Int]) -> Bool {
        guard let files, !sourceSizes.isEmpty else { return false }
        // stat follows symbolic links (Debian's ko_KR.dic is a link to ko.dic).
        func size(_ path: String) -> Int? {
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : nil
        }
        return sourceSizes["\(name).aff"] == size(files.affix) && sourceSizes["\(name).dic"] == size(files.dictionary)
    }
}
