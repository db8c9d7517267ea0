import Foundation

/// Fixing in rounds. A post's verdicts rest on the whole run's word counts (`Vocabulary`):
/// a slip the repository repeats is its vocabulary until the fixes of other posts make
/// the right spelling the common one. Fixing every file once therefore leaves fixes a
/// second run would make; so fixing goes round again, over every file and with the words
/// as the last round left them, until a round fixes nothing (ruff fixes each file to a
/// fixed point the same way; here the point is the repository's).
extension Runner {
    /// Rounds after which fixing stops even if the last one still fixed something: each
    /// is a pass over every file, and real repositories settle in two or three.
    static let maximumFixRounds = 4

    func runFixRounds(files: [String]) -> [FileReport] {
        var reports = runRound(files: files)
        guard linter.usesVocabulary else { return reports }
        var later = self
        // Findings are placed on the file as it is once, at the end, from the last text.
        later.placesRemainingOnOriginal = false
        var rounds = 1
        var fixedInLastRound = reports.map { !$0.applied.isEmpty }
        while fixedInLastRound.contains(true), rounds < Self.maximumFixRounds {
            let next = later.runRound(files: files, contents: fixMode == .preview ? Self.fixedContents(of: reports) : [:])
            fixedInLastRound = next.map { !$0.applied.isEmpty }
            reports = zip(reports, next).map(Self.merging)
            rounds += 1
        }
        if rounds > 1 {
            for index in reports.indices {
                if placesRemainingOnOriginal { reports[index] = Self.placedOnOriginal(reports[index]) }
                if fixedInLastRound[index] {
                    reports[index].notes.append("fixes were still being found after \(rounds) rounds over the files; run again to finish")
                }
            }
        }
        return reports
    }

    /// The bytes each fixed file would have if the fixes so far had been written.
    static func fixedContents(of reports: [FileReport]) -> [Int: [UInt8]] {
        var contents: [Int: [UInt8]] = [:]
        for (index, report) in reports.enumerated() {
            guard let fixed = report.fixedText, report.failure == nil else { continue }
            contents[index] = SourceFile.bytes(forText: fixed, byteOrderMark: report.hasByteOrderMark)
        }
        return contents
    }

    /// One file's report over two rounds: what both applied, the text before the first
    /// and after the last, and what the last round found.
    static func merging(_ earlier: FileReport, _ later: FileReport) -> FileReport {
        var merged = later
        merged.applied = earlier.applied + later.applied
        if earlier.fixedText != nil {
            merged.originalText = earlier.originalText
            merged.hasByteOrderMark = earlier.hasByteOrderMark
            merged.fixedText = later.fixedText ?? earlier.fixedText
        }
        // A front matter left as it is is said once: as the later round's failure, when it is one.
        merged.notes = (earlier.notes + later.notes.filter { !earlier.notes.contains($0) }).filter { $0 != later.failure }
        return merged
    }

    /// A report whose findings sit on its fixed text, with them placed on the file as it is.
    static func placedOnOriginal(_ report: FileReport) -> FileReport {
        guard let original = report.originalText, let fixed = report.fixedText,
            let document = Document(source: SourceFile(path: report.path, text: original))
        else { return report }
        var placed = report
        placed.findings = Finding.placing(report.findings, fixedText: fixed, onOriginal: document)
        placed.findings.sort(by: Finding.ordered)
        return placed
    }
}
