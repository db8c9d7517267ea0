#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Maps UTF-8 byte offsets of a text to 1-based lines and columns, where columns count
/// Unicode scalars (what editors and SARIF's `unicodeCodePoints` expect).
public struct LineIndex: Sendable {
    public struct Position: Sendable, Hashable, Comparable, Codable {
        public var line: Int
        public var column: Int
        public static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.line, lhs.column) < (rhs.line, rhs.column)
        }
    }

    /// Byte offset where each line starts; the first is always 0.
    public let lineStarts: [Int]
    private let utf8: [UInt8]

    public init(utf8: [UInt8]) {
        self.utf8 = utf8
        var starts = [0]
        // From one line feed to the next with memchr (vectorised), not byte by byte.
        utf8.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count, let found = memchr(base + start, 0x0A, buffer.count - start) {
                start = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
                starts.append(start)
            }
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// 0-based line number holding the byte at `offset`.
    public func lineNumber(at offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    public func position(at offset: Int) -> Position {
        let clamped = max(0, min(offset, utf8.count))
        let line = lineNumber(at: clamped)
        return Position(line: line + 1, column: column(at: clamped, from: lineStarts[line], column: 1))
    }

    /// The column at byte `offset`, counting scalars on from `start`, which has `column`.
    private func column(at offset: Int, from start: Int, column: Int) -> Int {
        var column = column
        for index in start..<offset where utf8[index] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// The positions of many offsets at once. Offsets on one line are counted from the one
    /// before them, not from the line's start: a long line with thousands of findings is
    /// read once, not once per finding.
    public func positions(at offsets: [Int]) -> [Int: Position] {
        var result: [Int: Position] = [:]
        var previous: (offset: Int, line: Int, column: Int)? = nil
        for offset in Set(offsets).sorted() {
            let clamped = max(0, min(offset, utf8.count))
            let line = lineNumber(at: clamped)
            var (start, startColumn) = (lineStarts[line], 1)
            if let previous, previous.line == line { (start, startColumn) = (previous.offset, previous.column) }
            let column = column(at: clamped, from: start, column: startColumn)
            result[offset] = Position(line: line + 1, column: column)
            previous = (clamped, line, column)
        }
        return result
    }

    /// Byte range of 0-based line `line`, without its `\n` or `\r\n`.
    public func contentRange(ofLine line: Int) -> Range<Int> {
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// Byte offset of a 1-based line and 1-based *byte* column, as cmark reports them.
    public func offset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return utf8.count }
        return min(utf8.count, lineStarts[line - 1] + max(0, byteColumn - 1))
    }
}
