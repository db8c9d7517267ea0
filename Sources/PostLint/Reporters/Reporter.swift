/// Renders the results of a run. One type per output format.
public protocol Reporter {
    static var identifier: String { get }
    func render(_ reports: [FileReport], fileCount: Int) -> String
}

public enum ReporterRegistry {
    public static let identifiers = [
        TextReporter.identifier, JSONReporter.identifier, SARIFReporter.identifier, JUnitReporter.identifier,
        CheckstyleReporter.identifier, GitHubReporter.identifier,
    ]
}

extension FileReport {
    /// Why the file was not linted ("binary file (it contains NUL bytes)"), from the
    /// runner's notes that start "skipped: "; empty for a linted file.
    public var skipReasons: [String] {
        let prefix = "skipped: "
        return notes.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }
}
