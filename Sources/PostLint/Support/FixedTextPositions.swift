/// Where a position in a fixed text stands in the text it was fixed from, so that `--diff`
/// reports what would remain on the file the patch is of. Lines the fixes left alone map
/// to themselves; inside a block of changed lines, text the block's old and new versions
/// share at its start or its end maps to its own place (a typo after a repaired word, the
/// second half of two joined lines), and the changed text between to where it starts.
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
        let sharedPrefix: Int
        let sharedSuffix: Int
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
            var prefix = 0
            while prefix < min(oldText.count, newText.count), oldText[prefix] == newText[prefix] { prefix += 1 }
            var suffix = 0
            while suffix < min(oldText.count, newText.count) - prefix, oldText[oldText.count - 1 - suffix] == newText[newText.count - 1 - suffix] {
                suffix += 1
            }
            for line in pending.new { lines[line] = .inBlock(blocks.count) }
            blocks.append(Block(
                oldStart: pending.old.first ?? min(nextOld, max(oldLines.count - 1, 0)), old: oldText, new: newText,
                newStart: pending.new[0], sharedPrefix: prefix, sharedSuffix: suffix))
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
            let oldOffset: Int
            if offset < block.sharedPrefix {
                oldOffset = offset
            } else if offset >= block.new.count - block.sharedSuffix {
                oldOffset = block.old.count - (block.new.count - offset)
            } else {
                oldOffset = min(block.sharedPrefix, block.old.count)
            }
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
