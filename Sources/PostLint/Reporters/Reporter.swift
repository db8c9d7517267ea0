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
