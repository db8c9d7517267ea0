/// Reads the count files of the repair model (`Rules/encoding/*.txt`, one `TAG CHARS COUNT`
/// entry a line, `#` comments) straight from the embedded bytes. The model is loaded in the
/// middle of a lint run, so parsing must cost about a millisecond, not the tens that
/// splitting lines into substrings and parsing doubles cost.
enum ModelFile {
    /// One entry: its tag byte, its one or two characters and its count.
    struct Entry {
        var tag: UInt8
        var first: UInt32
        /// The second character, or nil for an entry of one character.
        var second: UInt32?
        var count: Double
    }

    /// Calls `body` for each well-formed entry of `Rules/<path>`, in file order. Entries of
    /// more than two characters or without a count are skipped.
    static func forEachEntry(_ path: String, _ body: (Entry) -> Void) {
        guard var text = RuleData.text(path) else { return }
        text.withUTF8 { bytes in
            var position = 0
            while position < bytes.count {
                var end = position
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if let entry = parse(bytes, position..<end) { body(entry) }
                position = end + 1
            }
        }
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Entry? {
        guard line.count >= 5, bytes[line.lowerBound] != UInt8(ascii: "#"), bytes[line.lowerBound + 1] == 0x20 else { return nil }
        var position = line.lowerBound + 2
        var scalars: (UInt32, UInt32) = (0, 0)
        var scalarCount = 0
        while position < line.upperBound, bytes[position] != 0x20 {
            let length = MojibakeDecoder.sequenceLength(bytes[position]) ?? 1
            guard position + length <= line.upperBound, scalarCount < 2 else { return nil }
            var scalar = UInt32(bytes[position]) & (length == 1 ? 0x7F : length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[position + offset] & 0x3F) }
            if scalarCount == 0 { scalars.0 = scalar } else { scalars.1 = scalar }
            scalarCount += 1
            position += length
        }
        guard scalarCount > 0, position + 1 < line.upperBound else { return nil }
        var count = 0
        for index in (position + 1)..<line.upperBound {
            let digit = Int(bytes[index]) - 0x30
            guard (0...9).contains(digit) else { return nil }
            count = count * 10 + digit
        }
        return Entry(tag: bytes[line.lowerBound], first: scalars.0, second: scalarCount == 2 ? scalars.1 : nil, count: Double(count))
    }
}

/// Values keyed by a pair of characters (`first << 32 | second`): the files list their
/// pairs in key order, appended as they come and indexed once by a cheap hash.
struct PairTable: Sendable {
    private var keys: [UInt64] = []
    private var values: [Double] = []
    /// Each key's place in `values`, made by `finish`: the repair search asks for pairs
    /// millions of times, and bisecting tens of thousands of keys cost ten times a look-up.
    private var places = CheapHashTable<IntegerKey, Int32>()

    init() {}

    init(capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    static func key(_ first: UInt32, _ second: UInt32) -> UInt64 { UInt64(first) << 32 | UInt64(second) }

    /// Adds a pair; a later pair wins over an equal one.
    mutating func append(_ first: UInt32, _ second: UInt32, _ value: Double) {
        keys.append(Self.key(first, second))
        values.append(value)
    }

    /// Makes the table ready for look-ups (after the last `append`).
    mutating func finish() {
        places = CheapHashTable(minimumCapacity: keys.count)
        for index in keys.indices {
            places.update(IntegerKey(keys[index]), initial: Int32(index)) { $0 = Int32(index) }
        }
    }

    func value(_ first: UInt32, _ second: UInt32) -> Double? {
        places[IntegerKey(Self.key(first, second))].map { values[Int($0)] }
    }
}
