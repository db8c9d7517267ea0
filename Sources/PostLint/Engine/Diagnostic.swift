import Foundation

public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One replacement of a byte range of the original text.
public struct Edit: Sendable, Hashable, Codable {
    public let range: Range<Int>
    public let replacement: String

    public init(_ range: Range<Int>, _ replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// Edits are the same when they write the same bytes over the same range (String's own
    /// equality would take `é` and `e` + U+0301 for one, and hashing a String normalises it
    /// first: the fixer hashes every edit of a run, thousands in a long damaged post).
    public static func == (lhs: Edit, rhs: Edit) -> Bool {
        lhs.range == rhs.range && lhs.replacement.utf8.elementsEqual(rhs.replacement.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(range)
        var text = replacement
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

/// How far a fix can be trusted: safe fixes are applied by `--fix`, unsafe ones only
/// with `--unsafe-fixes`.
public enum FixSafety: String, Sendable, Codable {
    case safe, unsafe
}

public struct Fix: Sendable, Hashable, Codable {
    public let edits: [Edit]
    public let safety: FixSafety
    /// What applying it does, shown when it is applied ("rename to blog_img3").
    public let title: String

    public init(_ title: String, safety: FixSafety, edits: [Edit]) {
        self.title = title
        self.safety = safety
        self.edits = edits
    }
}

/// A finding of a rule: where, what, and optionally how to repair it.
/// `range` is a byte range of the document text; the reporter turns it into lines and
/// columns.
public struct Diagnostic: Sendable, Hashable, Codable {
    public let rule: String
    public var severity: Severity
    public let range: Range<Int>
    public let message: String
    public let fix: Fix?

    public init(rule: String, severity: Severity, range: Range<Int>, message: String, fix: Fix? = nil) {
        self.rule = rule
        self.severity = severity
        self.range = range
        self.message = message
        self.fix = fix
    }
}

/// One edit of a finding's fix, placed in the file (for reports that carry fixes: SARIF).
public struct PlacedEdit: Sendable, Hashable, Codable {
    public let start: LineIndex.Position
    public let end: LineIndex.Position
    public let replacement: String

    public init(start: LineIndex.Position, end: LineIndex.Position, replacement: String) {
        self.start = start
        self.end = end
        self.replacement = replacement
    }
}

/// A diagnostic placed in a file, ready to report.
public struct Finding: Sendable, Hashable, Codable {
    public let path: String
    public let start: LineIndex.Position
    public let end: LineIndex.Position
    public let diagnostic: Diagnostic
    /// The text of the line the finding starts on, without its newline: reports
    /// fingerprint findings by it, so they survive edits elsewhere in the file.
    public let lineText: String
    /// The fix's edits with line/column positions; empty when there is no fix.
    public let fixEdits: [PlacedEdit]

    public var rule: String { diagnostic.rule }
    public var severity: Severity { diagnostic.severity }
    public var message: String { diagnostic.message }
    public var fixable: Bool { diagnostic.fix != nil }
    /// How safe the finding's fix is (nil: no fix). `--fix` applies safe ones,
    /// `--fix --unsafe-fixes` both.
    public var fixSafety: FixSafety? { diagnostic.fix?.safety }

    public init(
        path: String, start: LineIndex.Position, end: LineIndex.Position, diagnostic: Diagnostic,
        lineText: String = "", fixEdits: [PlacedEdit] = []
    ) {
        self.path = path
        self.start = start
        self.end = end
        self.diagnostic = diagnostic
        self.lineText = lineText
        self.fixEdits = fixEdits
    }

    public init(diagnostic: Diagnostic, in document: Document) {
        self = Self.placing([diagnostic], in: document)[0]
    }

    /// The findings of a document's diagnostics, in their order.
    public static func placing(_ diagnostics: [Diagnostic], in document: Document) -> [Finding] {
        let offsets = diagnostics.flatMap { diagnostic in
            [diagnostic.range.lowerBound, diagnostic.range.upperBound]
                + (diagnostic.fix?.edits ?? []).flatMap { [$0.range.lowerBound, $0.range.upperBound] }
        }
        let positions = document.lines.positions(at: offsets)
        // Findings on one line share one copy of its text (a String is a reference to its
        // storage): thousands of findings on a long line hold it once, not once each.
        var lineTexts: [Int: String] = [:]
        return diagnostics.map { diagnostic in
            let edits = (diagnostic.fix?.edits ?? []).map {
                PlacedEdit(start: positions[$0.range.lowerBound]!, end: positions[$0.range.upperBound]!, replacement: $0.replacement)
            }
            let lineNumber = document.lines.lineNumber(at: diagnostic.range.lowerBound)
            let lineText = lineTexts[lineNumber] ?? contextLine(at: diagnostic.range.lowerBound, in: document)
            if document.lines.contentRange(ofLine: lineNumber).count <= wholeLineLimit { lineTexts[lineNumber] = lineText }
            return Finding(
                path: document.path, start: positions[diagnostic.range.lowerBound]!, end: positions[diagnostic.range.upperBound]!,
                diagnostic: diagnostic, lineText: lineText, fixEdits: edits)
        }
    }

    /// Findings on a fixed text placed on the original it was fixed from, as `--diff`
    /// reports what would remain beside a patch of the original (see `FixedTextPositions`);
    /// each then carries its original line's text.
    public static func placing(_ findings: [Finding], fixedText: String, onOriginal original: Document) -> [Finding] {
        let positions = FixedTextPositions(old: original.text, new: fixedText)
        return findings.map { finding in
            let start = positions.original(of: finding.start)
            let lineText = contextLine(at: original.lines.contentRange(ofLine: start.line - 1).lowerBound, in: original)
            let edits = finding.fixEdits.map {
                PlacedEdit(start: positions.original(of: $0.start), end: positions.original(of: $0.end), replacement: $0.replacement)
            }
            return Finding(
                path: finding.path, start: start, end: max(start, positions.original(of: finding.end)), diagnostic: finding.diagnostic,
                lineText: lineText, fixEdits: edits)
        }
    }

    /// The line a finding starts on; on a line longer than `wholeLineLimit` (minified HTML,
    /// a post saved without line breaks) the part of it around the finding, so a cached
    /// report does not repeat a megabyte line for each of its findings. Baselines and SARIF
    /// fingerprints identify findings by this text: for lines up to the limit it is the
    /// whole line, as it always was.
    static func contextLine(at offset: Int, in document: Document) -> String {
        let line = document.lines.contentRange(ofLine: document.lines.lineNumber(at: offset))
        guard line.count > wholeLineLimit else { return document.string(line) }
        var start = max(line.lowerBound, offset - contextReach)
        var end = min(line.upperBound, offset + contextReach)
        // Whole characters only.
        while start < end, document.utf8[start] & 0xC0 == 0x80 { start += 1 }
        while end < line.upperBound, document.utf8[end] & 0xC0 == 0x80 { end -= 1 }
        return document.string(start..<end)
    }

    static let wholeLineLimit = 4096
    static let contextReach = 160

    /// Sorts by path, then position, then rule, so output never depends on scheduling.
    public static func ordered(_ lhs: Finding, _ rhs: Finding) -> Bool {
        (lhs.path, lhs.start.line, lhs.start.column, lhs.rule, lhs.message)
            < (rhs.path, rhs.start.line, rhs.start.column, rhs.rule, rhs.message)
    }
}
