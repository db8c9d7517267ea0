/// Where a position in a fixed text stands in the text it was fixed from, so that `--diff`
/// reports what would remain on the file the patch is of. Lines the fixes left alone map
/// to themselves; inside a block of changed lines, the block's old and new versions are
/// aligned scalar by scalar, and text they share maps to its own place (a typo between two
/// repaired words, the second half of two joined lines), inserted text to where it went in.
struct FixedTextPositions {
    private enum Line {
        case same(Int)
        case inBlock(Int)
    }

    private struct Block {
        let oldStart: Int
        /// Each side's text as scalars, lines joined by `\n`.
        let old: [Unicode.Scalar]
        let new: [Unicode.Scalar]
        let newStart: Int
        /// For each offset in `new` (and its end), the offset in `old` it stands at: text
        /// both share maps to itself, inserted text to where it was inserted.
        let oldOffsets: [Int]
    }

    /// Scalars of a block beyond which the alignment keeps only what both share at the
    /// start and the end (a Myers search over a huge changed block would take long).
    private static let alignmentLimit = 20_000

    private static func oldOffsets(_ old: [Unicode.Scalar], _ new: [Unicode.Scalar]) -> [Int] {
        var map = [Int](repeating: 0, count: new.count + 1)
        map[new.count] = old.count
        guard old.count + new.count <= alignmentLimit else {
            var prefix = 0
            while prefix < min(old.count, new.count), old[prefix] == new[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < min(old.count, new.count) - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
            for offset in 0..<new.count {
                map[offset] = offset < prefix ? offset : offset >= new.count - suffix ? old.count - (new.count - offset) : prefix
            }
            return map
        }
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var oldIndex = 0
        var newIndex = 0
        while newIndex < new.count {
            if inserted.contains(newIndex) {
                map[newIndex] = oldIndex
                newIndex += 1
            } else if removed.contains(oldIndex) {
                oldIndex += 1
            } else {
                map[newIndex] = oldIndex
                oldIndex += 1
                newIndex += 1
            }
        }
        return map
    }

    private let lines: [Line]
    private let blocks: [Block]
    private let oldLineLengths: [Int]

    init(old: String, new: String) {
        let (oldLines, _) = UnifiedDiff.lines(of: old)
        let (newLines, _) = UnifiedDiff.lines(of: new)
        var lines = [Line](repeating: .same(0), count: newLines.count)
        var blocks: [Block] = []
        var pending: (old: [Int], new: [Int]) = ([], [])
        func closeBlock() {
            guard !pending.new.isEmpty else {
                pending = ([], [])
                return
            }
            let oldText = Array(pending.old.map { oldLines[$0] }.joined(separator: "\n").unicodeScalars)
            let newText = Array(pending.new.map { newLines[$0] }.joined(separator: "\n").unicodeScalars)
            for line in pending.new { lines[line] = .inBlock(blocks.count) }
            blocks.append(Block(
                oldStart: pending.old.first ?? min(nextOld, max(oldLines.count - 1, 0)), old: oldText, new: newText,
                newStart: pending.new[0], oldOffsets: Self.oldOffsets(oldText, newText)))
            pending = ([], [])
        }
        var nextOld = 0
        for row in UnifiedDiff.rows(oldLines, newLines) {
            switch row {
            case (let old?, let new?):
                closeBlock()
                lines[new] = .same(old)
                nextOld = old + 1
            case (let old?, nil):
                if !pending.new.isEmpty { closeBlock() }
                pending.old.append(old)
                nextOld = old + 1
            case (nil, let new?):
                pending.new.append(new)
            default: break
            }
        }
        closeBlock()
        self.lines = lines
        self.blocks = blocks
        oldLineLengths = oldLines.map { $0.unicodeScalars.count }
    }

    /// The position in the original text (lines and columns from 1, columns in scalars).
    func original(of position: LineIndex.Position) -> LineIndex.Position {
        guard !lines.isEmpty else { return position }
        switch lines[min(max(position.line - 1, 0), lines.count - 1)] {
        case .same(let line):
            return LineIndex.Position(line: line + 1, column: min(position.column, (oldLineLengths[safe: line] ?? 0) + 1))
        case .inBlock(let index):
            let block = blocks[index]
            // The offset in the block's new text, then in its old text.
            var offset = position.column - 1
            var line = block.newStart
            var cursor = 0
            while line < position.line - 1 {
                while cursor < block.new.count, block.new[cursor] != "\n" { cursor += 1 }
                cursor += 1
                line += 1
            }
            offset += cursor
            let oldOffset = block.oldOffsets[min(max(offset, 0), block.new.count)]
            var oldLine = block.oldStart
            var column = 1
            for scalar in block.old.prefix(max(oldOffset, 0)) {
                if scalar == "\n" {
                    oldLine += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            return LineIndex.Position(line: oldLine + 1, column: column)
        }
    }
}
