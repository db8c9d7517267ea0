import Foundation

/// The stable machine-readable format:
/// `{"version":1,"files":N,"diagnostics":[{path,line,column,endLine,endColumn,rule,severity,message,fixable}]}`,
/// and `fixSafety` (`safe` or `unsafe`) beside a `fixable` finding: `fixable` alone cannot
/// tell a consumer which findings `--fix` repairs without `--unsafe-fixes`.
public struct JSONReporter: Reporter {
    public static let identifier = "json"

    struct Output: Encodable {
        let version = 1
        let files: Int
        let diagnostics: [Entry]
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
        let data = (try? encoder.encode(Output(files: fileCount, diagnostics: entries))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
