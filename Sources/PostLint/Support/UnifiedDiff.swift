/// A unified diff (as `diff -u` prints it) between two texts, built on the standard
/// library's Myers difference.
public enum UnifiedDiff {
    public static func make(old: String, new: String, path: String, context: Int = 3) -> String {
        let oldLines = lines(of: old)
        let newLines = lines(of: new)
        let difference = newLines.difference(from: oldLines)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both texts in step, producing (old index?, new index?) rows.
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
        let changed = rows.indices.filter { rows[$0].0 == nil || rows[$0].1 == nil }
        guard !changed.isEmpty else { return "" }
        var output = "--- \(path)\n+++ \(path)\n"
        var hunkStart = 0
        while hunkStart < changed.count {
            var hunkEnd = hunkStart
            while hunkEnd + 1 < changed.count, changed[hunkEnd + 1] - changed[hunkEnd] <= 2 * context { hunkEnd += 1 }
            let first = max(0, changed[hunkStart] - context)
            let last = min(rows.count - 1, changed[hunkEnd] + context)
            output += hunk(rows[first...last], oldLines: oldLines, newLines: newLines)
            hunkStart = hunkEnd + 1
        }
        return output
    }

    private static func hunk(_ rows: ArraySlice<(Int?, Int?)>, oldLines: [String], newLines: [String]) -> String {
        let oldNumbers = rows.compactMap { $0.0 }
        let newNumbers = rows.compactMap { $0.1 }
        let oldStart = (oldNumbers.first ?? (rows.first.flatMap { $0.1 } ?? 0) - 1) + 1
        let newStart = (newNumbers.first ?? (rows.first.flatMap { $0.0 } ?? 0) - 1) + 1
        var text = "@@ -\(oldStart),\(oldNumbers.count) +\(newStart),\(newNumbers.count) @@\n"
        for row in rows {
            switch row {
            case (let old?, nil): text += "-" + oldLines[old] + "\n"
            case (nil, let new?): text += "+" + newLines[new] + "\n"
            case (let old?, _?): text += " " + oldLines[old] + "\n"
            default: break
            }
        }
        return text
    }

    private static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
