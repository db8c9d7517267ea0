import Foundation

/// JUnit XML, for CI systems that show test results (GitLab's `artifacts:reports:junit`,
/// Jenkins, Azure). One `<testsuite>` per file; each finding is a failing `<testcase>`,
/// a clean file one passing `<testcase>`, and a run without files still holds one passing
/// test case, because some CI systems treat a report without test cases as broken.
public struct JUnitReporter: Reporter {
    public static let identifier = "junit"

    public let workingDirectory: String

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory
    }

    public func render(_ reports: [FileReport], fileCount: Int) -> String {
        let findings = reports.reduce(0) { $0 + $1.findings.count }
        let failures = reports.filter { $0.failure != nil }.count
        let tests = reports.reduce(0) { $0 + max(1, $1.findings.count + ($1.failure == nil ? 0 : 1)) }
        let xml = XMLReportWriter()
        xml.element("testsuites", [
            ("name", "postlint"), ("tests", "\(max(1, tests))"), ("failures", "\(findings)"), ("errors", "\(failures)"),
        ]) {
            if reports.isEmpty {
                xml.element("testsuite", Self.counts(name: "postlint", tests: 1, failures: 0, errors: 0)) {
                    xml.element("testcase", [("classname", "postlint"), ("name", "no files to lint")])
                }
            }
            for report in reports {
                suite(for: report, in: xml)
            }
        }
        return xml.finish()
    }

    private func suite(for report: FileReport, in xml: XMLReportWriter) {
        let path = ReportPaths.relative(report.path, to: workingDirectory)
        let errors = report.failure == nil ? 0 : 1
        let tests = max(1, report.findings.count + errors)
        let skipReason = report.failure == nil && report.findings.isEmpty ? report.skipReasons.first : nil
        xml.element("testsuite", Self.counts(name: path, tests: tests, failures: report.findings.count, errors: errors, skipped: skipReason == nil ? 0 : 1)) {
            if let skipReason {
                // Not linted (a binary file): a skipped test, not a passing one.
                xml.element("testcase", [("classname", path), ("name", "postlint"), ("file", path)]) {
                    xml.element("skipped", [("message", skipReason)])
                }
            } else if let failure = report.failure {
                // The file could not be read, fixed or written: an error, not a failure.
                xml.element("testcase", [("classname", path), ("name", "postlint"), ("file", path)]) {
                    xml.element("error", [("message", failure), ("type", "postlint")], text: failure)
                }
            } else if report.findings.isEmpty {
                xml.element("testcase", [("classname", path), ("name", "postlint"), ("file", path)])
            }
            for finding in report.findings {
                let location = "\(finding.start.line):\(finding.start.column)"
                xml.element("testcase", [
                    ("classname", path), ("name", "\(finding.rule) at \(location)"), ("file", path),
                    ("line", "\(finding.start.line)"),
                ]) {
                    let details = "\(path):\(location): \(finding.severity.rawValue)[\(finding.rule)] \(finding.message)"
                    xml.element("failure", [("message", finding.message), ("type", finding.severity.rawValue)], text: details)
                }
            }
        }
    }

    static func counts(name: String, tests: Int, failures: Int, errors: Int, skipped: Int = 0) -> [(String, String)] {
        [("name", name), ("tests", "\(tests)"), ("failures", "\(failures)"), ("errors", "\(errors)"), ("skipped", "\(skipped)")]
    }
}
