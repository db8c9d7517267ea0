/// A unified diff (as `git diff` prints it, `a/` and `b/` before the path) between two
/// texts, built on the standard library's Myers difference, that `git apply` and
/// `patch -p1` take: lines keep their carriage returns, a file's byte order mark stays on
/// its first line, and a last line without a newline says so.
public enum UnifiedDiff {
    public static func make(old: String, new: String, path: String, byteOrderMark: Bool = false, context: Int = 3) -> String {
        let mark = byteOrderMark ? "\u{FEFF}" : ""
        let (oldLines, oldEndsOpen) = lines(of: mark + old)
        let (newLines, newEndsOpen) = lines(of: mark + new)
        let rows = self.rows(oldLines, newLines)
        let changed = rows.indices.filter { rows[$0].0 == nil || rows[$0].1 == nil }
        guard !changed.isEmpty else { return "" }
        let relative = path.hasPrefix("/") ? String(path.dropFirst()) : path
        var output = "--- \(headerName("a/" + relative))\n+++ \(headerName("b/" + relative))\n"
        var hunkStart = 0
        while hunkStart < changed.count {
            var hunkEnd = hunkStart
            while hunkEnd + 1 < changed.count, changed[hunkEnd + 1] - changed[hunkEnd] <= 2 * context { hunkEnd += 1 }
            let first = max(0, changed[hunkStart] - context)
            let last = min(rows.count - 1, changed[hunkEnd] + context)
            output += hunk(
                rows[first...last], oldLines: oldLines, newLines: newLines,
                openEnds: (oldEndsOpen ? oldLines.count - 1 : -1, newEndsOpen ? newLines.count - 1 : -1))
            hunkStart = hunkEnd + 1
        }
        return output
    }

    /// A file name as git writes it in a patch header: in double quotes with C escapes when
    /// it holds a tab, a newline, a quote or a backslash (`"a/tab\there.md"`), else as it
    /// is, ended by a tab when it holds a space, so that patch reads it whole.
    static func headerName(_ name: String) -> String {
        let escapes: [Character: String] = ["\t": "\\t", "\n": "\\n", "\"": "\\\"", "\\": "\\\\", "\r": "\\r"]
        if name.contains(where: { escapes[$0] != nil }) {
            return "\"" + name.map { escapes[$0] ?? String($0) }.joined() + "\""
        }
        return name.contains(" ") ? name + "\t" : name
    }

    /// Both texts' lines walked in step, as (old index?, new index?) rows. Compared as
    /// bytes: String equality holds NFD and NFC Korean equal, and a line the fix composed
    /// would vanish from the patch.
    static func rows(_ oldLines: [String], _ newLines: [String]) -> [(Int?, Int?)] {
        // Fixes mostly edit lines in place: with as many lines on both sides, line i is line
        // i (a Myers search over thousands of changed lines took seconds).
        if oldLines.count == newLines.count {
            return oldLines.indices.flatMap { index -> [(Int?, Int?)] in
                oldLines[index].utf8.elementsEqual(newLines[index].utf8) ? [(index, index)] : [(index, nil), (nil, index)]
            }
        }
        let difference = newLines.map { Array($0.utf8) }.difference(from: oldLines.map { Array($0.utf8) })
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var rows: [(Int?, Int?)] = []
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < oldLines.count || newIndex < newLines.count {
            if oldIndex < oldLines.count, removed.contains(oldIndex) {
                rows.append((oldIndex, nil)); oldIndex += 1
            } else if newIndex < newLines.count, inserted.contains(newIndex) {
                rows.append((nil, newIndex)); newIndex += 1
            } else {
                rows.append((oldIndex, newIndex)); oldIndex += 1; newIndex += 1
            }
        }
        return rows
    }

    /// `openEnds`: the index of each side's last line when it has no newline, else -1.
    private static func hunk(
        _ rows: ArraySlice<(Int?, Int?)>, oldLines: [String], newLines: [String], openEnds: (old: Int, new: Int)
    ) -> String {
        let oldNumbers = rows.compactMap { $0.0 }
        let newNumbers = rows.compactMap { $0.1 }
        let oldStart = (oldNumbers.first ?? (rows.first.flatMap { $0.1 } ?? 0) - 1) + 1
        let newStart = (newNumbers.first ?? (rows.first.flatMap { $0.0 } ?? 0) - 1) + 1
        var text = "@@ -\(oldStart),\(oldNumbers.count) +\(newStart),\(newNumbers.count) @@\n"
        func emit(_ sign: String, _ line: String, endsOpen: Bool) {
            text += sign + line + "\n" + (endsOpen ? "\\ No newline at end of file\n" : "")
        }
        for row in rows {
            switch row {
            case (let old?, nil):
                emit("-", oldLines[old], endsOpen: old == openEnds.old)
            case (nil, let new?):
                emit("+", newLines[new], endsOpen: new == openEnds.new)
            case (let old?, let new?) where (old == openEnds.old) != (new == openEnds.new):
                // A context line that ends one side only without a newline cannot be shared.
                emit("-", oldLines[old], endsOpen: old == openEnds.old)
                emit("+", newLines[new], endsOpen: new == openEnds.new)
            case (let old?, _?):
                emit(" ", oldLines[old], endsOpen: old == openEnds.old)
            default: break
            }
        }
        return text
    }

    /// The text's lines, split at line feeds only (a carriage return stays on its line, as
    /// in the file: splitting Characters would keep `\r\n` whole and never split), and
    /// whether the last line lacks its newline.
    static func lines(of text: String) -> ([String], Bool) {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let endsOpen = lines.last != ""
        if !endsOpen { lines.removeLast() }
        return (lines, endsOpen && !lines.isEmpty)
    }
}
