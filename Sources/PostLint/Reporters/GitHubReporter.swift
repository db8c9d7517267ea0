import Foundation

/// GitHub Actions workflow commands, one finding a line:
/// `::error file=posts/a.md,line=3,col=8,endColumn=20,title=postlint (duplicate-import)::message`.
/// GitHub turns them into annotations on the pull request's changed lines.
public struct GitHubReporter: Reporter {
    public static let identifier = "github"

    /// The folder the run started in, which the reports' paths are relative to.
    public let workingDirectory: String
    /// The folder annotation paths are relative to: the repository root (GitHub places an
    /// annotation by its path in the repository, whatever folder the step ran in).
    public let root: String

    public init(workingDirectory: String = FileManager.default.currentDirectoryPath, root: String? = nil) {
        self.workingDirectory = workingDirectory
        self.root = root ?? workingDirectory
    }

    public func render(_ reports: [FileReport], fileCount: Int) -> String {
        var lines: [String] = []
        for report in reports {
            let path = ReportPaths.relative(report.path, from: workingDirectory, to: root)
            if let failure = report.failure {
                lines.append(Self.command("error", [("file", path), ("title", "postlint")], message: failure))
            }
            lines += report.findings.map { Self.line(for: $0, path: path) }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The workflow command for one finding. A finding spanning lines gets `endLine` but
    /// no `col`/`endColumn`: GitHub drops annotations whose columns span lines.
    public static func line(for finding: Finding, path: String) -> String {
        var properties = [("file", path), ("line", "\(finding.start.line)")]
        if finding.end.line > finding.start.line {
            properties.append(("endLine", "\(finding.end.line)"))
        } else {
            properties.append(("col", "\(finding.start.column)"))
            if finding.end.column > finding.start.column {
                properties.append(("endColumn", "\(finding.end.column)"))
            }
        }
        properties.append(("title", "postlint (\(finding.rule))"))
        return command(level(of: finding.severity), properties, message: TextReporter.printable(finding.message, keepingLineBreaks: true))
    }

    static func level(of severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    static func command(_ name: String, _ properties: [(String, String)], message: String) -> String {
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(escapeData(message))"
    }

    /// A message: `%`, CR and LF would end or corrupt the command, so they are escaped
    /// the way the Actions runner's toolkit does.
    public static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value: additionally `:` and `,`, which separate properties.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
