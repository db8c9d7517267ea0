import Foundation

/// A heading and the text under it, up to the next heading.
public struct Section: Sendable, Hashable {
    public let title: String
    public let level: Int
    /// The heading line(s).
    public let headingRange: Range<Int>
    /// From the end of the heading to the start of the next heading (or the end).
    public let bodyRange: Range<Int>
    /// Index (in the same list) of the nearest heading above with a smaller level.
    public let parent: Int?
}

/// Builds the sections of a document. Markdown and MDX take cmark's headings; plain text
/// (which Document does not parse) takes lines that look like headings: `## Title`, and
/// the `--- Title ---` banners of digest generators (whose titles may wrap onto indented
/// continuation lines).
public enum Sections {
    /// The document's sections, built once per document and shared by the rules that ask.
    public static func of(_ document: Document) -> [Section] {
        document.derived.value("sections") { build(document) }
    }

    static func build(_ document: Document) -> [Section] {
        let headings = document.format == .plainText ? plainTextHeadings(document) : document.headings
        var sections: [Section] = []
        sections.reserveCapacity(headings.count)
        // The open headings, levels strictly rising: the parent is the last one below.
        var open: [Int] = []
        for (index, heading) in headings.enumerated() {
            let bodyEnd = index + 1 < headings.count ? headings[index + 1].range.lowerBound : document.utf8.count
            let bodyStart = min(document.lines.endOfLine(containing: max(heading.range.upperBound - 1, heading.range.lowerBound)), bodyEnd)
            while let last = open.last, sections[last].level >= heading.level { open.removeLast() }
            sections.append(
                Section(
                    title: trimmingSpaces(heading.title), level: heading.level,
                    headingRange: heading.range, bodyRange: bodyStart..<bodyEnd, parent: open.last))
            open.append(index)
        }
        return sections
    }

    /// `trimmingSpaces`, without a copy when there is nothing to trim (the usual case).
    static func trimmingSpaces(_ text: String) -> String {
        let trimmed = text.trimmingSpaces
        return trimmed.startIndex == text.startIndex && trimmed.endIndex == text.endIndex ? text : String(trimmed)
    }

    /// A long title shortened for messages to its first words: "1. Sharing is Caring...".
    public static func shortTitle(_ title: String, limit: Int = 24) -> String {
        guard title.unicodeScalars.count > limit + 4 else { return title }
        var kept = ""
        for word in title.split(separator: " ") {
            let candidate = kept.isEmpty ? String(word) : kept + " " + word
            if candidate.unicodeScalars.count > limit, !kept.isEmpty { break }
            kept = candidate
        }
        while let last = kept.last, last.isPunctuation { kept.removeLast() }
        return kept + "..."
    }

    // MARK: - Plain text

    private static func plainTextHeadings(_ document: Document) -> [Heading] {
        var headings: [Heading] = []
        var line = 0
        while line < document.lines.lineCount {
            let range = document.lines.contentRange(ofLine: line)
            let text = document.string(range)
            if let (level, title) = atxHeading(text) {
                headings.append(Heading(level: level, range: range, title: title))
            } else if text.hasPrefix("--- ") || text.hasPrefix("=== ") {
                let marker = String(text.prefix(3))
                var title = String(text.dropFirst(4))
                var last = line
                // A banner whose closing marker is on an indented continuation line.
                while !title.hasSuffix(" " + marker), last + 1 < document.lines.lineCount, last < line + 2 {
                    let next = document.string(document.lines.contentRange(ofLine: last + 1))
                    guard next.hasPrefix(" ") || next.hasPrefix("\t") else { break }
                    title += " " + next.trimmingCharacters(in: .whitespaces)
                    last += 1
                }
                if title.hasSuffix(" " + marker) {
                    title = String(title.dropLast(marker.count + 1)).trimmingCharacters(in: .whitespaces)
                    let end = document.lines.contentRange(ofLine: last).upperBound
                    headings.append(Heading(level: 1, range: range.lowerBound..<end, title: title))
                    line = last
                }
            }
            line += 1
        }
        return headings
    }

    private static func atxHeading(_ text: String) -> (Int, String)? {
        let hashes = text.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), text.dropFirst(hashes).first == " " else { return nil }
        let title = text.dropFirst(hashes).trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? nil : (hashes, title)
    }
}

extension LineIndex {
    /// The offset just after the newline of the line holding `offset` (or the end).
    func endOfLine(containing offset: Int) -> Int {
        let line = lineNumber(at: offset)
        return line + 1 < lineCount ? lineStarts[line + 1] : contentRange(ofLine: line).upperBound
    }
}

extension Document {
    /// The parts of `range` that are prose: code, markup, front matter, MDX syntax and
    /// headings cut out.
    public func proseRanges(in range: Range<Int>) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var cursor = range.lowerBound
        for region in regions where Self.nonProseKinds.contains(region.kind) || region.kind == .heading {
            if region.range.lowerBound >= range.upperBound { break }
            guard region.range.upperBound > cursor else { continue }
            if region.range.lowerBound > cursor { pieces.append(cursor..<region.range.lowerBound) }
            cursor = max(cursor, region.range.upperBound)
        }
        if cursor < range.upperBound { pieces.append(cursor..<range.upperBound) }
        return Self.subtracting(MathSpans.find(in: self), from: pieces)
    }

    /// The pieces without the parts `holes` cover (TeX math is no language's prose).
    static func subtracting(_ holes: [Range<Int>], from pieces: [Range<Int>]) -> [Range<Int>] {
        guard !holes.isEmpty else { return pieces }
        return pieces.flatMap { piece -> [Range<Int>] in
            var kept: [Range<Int>] = []
            var start = piece.lowerBound
            for hole in holes where hole.overlaps(piece) {
                if hole.lowerBound > start { kept.append(start..<hole.lowerBound) }
                start = max(start, hole.upperBound)
            }
            if start < piece.upperBound { kept.append(start..<piece.upperBound) }
            return kept
        }
    }

    /// The prose of `range` as one string, pieces joined by newlines.
    public func proseText(in range: Range<Int>) -> String {
        proseRanges(in: range).map { string($0) }.joined(separator: "\n")
    }
}
