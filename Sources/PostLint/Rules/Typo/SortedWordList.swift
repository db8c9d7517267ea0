import Foundation

/// A word list as one buffer of bytewise-sorted lines, bisected in place: ready as soon
/// as the bytes are, where a `Set<String>` of the same 100k words takes tens of
/// milliseconds to build (most of a one-post run). Used for the dictionaries the typo rule
/// ships precomputed (`Rules/typo/en_US-words.txt`, `ko_KR-stems.txt`), which it reads
/// where the binary holds them, without a copy or an index of line starts.
struct SortedWordList: @unchecked Sendable {
    /// Newline-terminated lines; static (embedded) bytes, or bytes `owner` keeps alive.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let owner: OwnedBytes?

    /// Bytes that live as long as the process (an embedded file), already sorted and unique.
    init(staticSortedLines bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        owner = nil
    }

    /// Any words, in any order, duplicates allowed.
    init<Words: Sequence>(words: Words) where Words.Element == [UInt8] {
        let sorted = Set(words.filter { !$0.isEmpty }).sorted { $0.lexicographicallyPrecedes($1) }
        var lines: [UInt8] = []
        lines.reserveCapacity(sorted.reduce(0) { $0 + $1.count + 1 })
        for word in sorted {
            lines += word
            lines.append(0x0A)
        }
        let owner = OwnedBytes(lines)
        self.owner = owner
        bytes = UnsafeBufferPointer(owner.buffer)
    }

    /// The list shipped as `Rules/<path>`: `#` header lines, then the sorted words.
    /// `sourceSizes` is what the header's `# source-sizes:` line says (`file=bytes ...`).
    static func shipped(_ path: String) -> (list: SortedWordList, sourceSizes: [String: Int])? {
        guard let (body, sizes) = RuleData.generatedFile(path) else { return nil }
        return (SortedWordList(staticSortedLines: body), sizes)
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// How many words (counts the lines: for tests).
    var count: Int {
        var lines = 0
        forEach { _ in lines += 1 }
        return lines
    }

    func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { contains($0) }
    }

    func contains(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { contains($0) }
    }

    /// Bisection over byte positions: each probe backs up to the start of its line.
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var low = 0
        var high = bytes.count
        while low < high {
            var start = (low + high) / 2
            while start > low, base[start - 1] != 0x0A { start -= 1 }
            let end = lineEnd(from: start)
            let length = end - start
            let common = min(length, word.count)
            var order = common == 0 ? 0 : memcmp(base + start, word.baseAddress!, common)
            if order == 0 { order = length == word.count ? 0 : (length < word.count ? -1 : 1) }
            if order == 0 { return true }
            if order < 0 { low = end + 1 } else { high = start }
        }
        return false
    }

    private func lineEnd(from start: Int) -> Int {
        guard let found = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress!)
    }

    /// Every word, as bytes (for tests and for deriving other tables).
    func forEach(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        while start < bytes.count {
            let end = lineEnd(from: start)
            if end > start { body(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
            start = end + 1
        }
    }

    /// The list's bytes, newline-terminated lines, for one pass over all of them.
    var allBytes: UnsafeBufferPointer<UInt8> { bytes }

    /// The whole list as newline-terminated lines (to compare two lists).
    var lines: [UInt8] { Array(bytes) }
}

/// Bytes allocated once and freed with their last holder.
final class OwnedBytes: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<UInt8>

    init(_ bytes: [UInt8]) {
        buffer = .allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
    }

    deinit { buffer.deallocate() }
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
