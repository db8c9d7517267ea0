import Foundation

/// Checkstyle XML (`<checkstyle><file name><error line column severity message source/>`),
/// which Jenkins' Warnings plugin, reviewdog and many CI dashboards read. Every linted
/// file is listed, clean ones as an empty `<file>`, as Checkstyle itself does.
public struct CheckstyleReporter: Reporter {
    public static let identifier = "checkstyle"

    public let workingDirectory: String

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory
    }

    public func render(_ reports: [FileReport], fileCount: Int) -> String {
        let xml = XMLReportWriter()
        xml.element("checkstyle", [("version", "4.3")]) {
            for report in reports {
                xml.element("file", [("name", ReportPaths.relative(report.path, to: workingDirectory))]) {
                    if let failure = report.failure {
                        xml.element("error", [
                            ("line", "1"), ("column", "1"), ("severity", "error"), ("message", failure),
                            ("source", "postlint"),
                        ])
                    }
                    for finding in report.findings {
                        xml.element("error", Self.attributes(of: finding))
                    }
                }
            }
        }
        return xml.finish()
    }

    static func attributes(of finding: Finding) -> [(String, String)] {
        [
            ("line", "\(finding.start.line)"), ("column", "\(finding.start.column)"),
            ("severity", finding.severity.rawValue), ("message", finding.message),
            ("source", "postlint.\(finding.rule)"),
        ]
    }
}
