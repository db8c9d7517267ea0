import Foundation

/// The stable machine-readable format:
/// `{"version":1,"files":N,"diagnostics":[{path,line,column,endLine,endColumn,rule,severity,message,fixable}]}`,
/// with `failures` and `skipped` (`[{path,message}]`) when files were not linted, and
/// `fixSafety` (`safe` or `unsafe`) beside a `fixable` finding: `fixable` alone cannot
/// tell a consumer which findings `--fix` repairs without `--unsafe-fixes`.
public struct JSONReporter: Reporter {
    public static let identifier = "json"

    struct Output: Encodable {
        let version = 1
        let files: Int
        let diagnostics: [Entry]
        /// Files that could not be read, fixed or written, and files skipped unlinted:
        /// left out when there are none, so a clean run's output keeps the version-1 shape.
        let failures: [FileProblem]?
        let skipped: [FileProblem]?
    }

    /// A file that was not linted (`skipped`) or whose reading, fixing or writing failed.
    struct FileProblem: Encodable {
        let path: String
        let message: String
    }

    struct Entry: Encodable {
        let path: String
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let rule: String
        let severity: Severity
        let message: String
        let fixable: Bool
        /// Left out (not null) when there is no fix: the keys of the version-1 shape stay as they were.
        let fixSafety: FixSafety?
    }

    public init() {}

    public func render(_ reports: [FileReport], fileCount: Int) -> String {
        let entries = reports.flatMap(\.findings).map {
            Entry(
                path: $0.path, line: $0.start.line, column: $0.start.column, endLine: $0.end.line,
                endColumn: $0.end.column, rule: $0.rule, severity: $0.severity, message: $0.message,
                fixable: $0.fixable, fixSafety: $0.fixSafety)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let failures = reports.compactMap { report in report.failure.map { FileProblem(path: report.path, message: $0) } }
        let skipped = reports.flatMap { report in report.skipReasons.map { FileProblem(path: report.path, message: $0) } }
        let output = Output(
            files: fileCount, diagnostics: entries, failures: failures.isEmpty ? nil : failures, skipped: skipped.isEmpty ? nil : skipped)
        let data = (try? encoder.encode(output)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
