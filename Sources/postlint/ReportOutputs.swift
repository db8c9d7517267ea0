import ArgumentParser
import Foundation
import PostLint

/// One `--output FORMAT=FILE`: a report written to a file besides standard output.
struct ReportOutput: ExpressibleByArgument {
    let format: LintCommand.OutputFormat
    let file: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="),
              let format = LintCommand.OutputFormat(rawValue: String(argument[..<equals])),
              argument.index(after: equals) < argument.endIndex
        else { return nil }
        self.format = format
        file = String(argument[argument.index(after: equals)...])
    }

    static var defaultCompletionKind: CompletionKind { .file() }

    /// `FORMAT=FILE`, or an error that says what FORMAT may be.
    static func parse(_ argument: String) throws -> ReportOutput {
        if let output = ReportOutput(argument: argument) {
            guard output.file != "-" else {
                throw ValidationError("--output writes files; for standard output use --format \(output.format.rawValue)")
            }
            return output
        }
        let formats = LintCommand.OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
        guard let equals = argument.firstIndex(of: "=") else {
            throw ValidationError("'\(argument)' is not FORMAT=FILE (FORMAT is one of: \(formats))")
        }
        let format = argument[..<equals]
        if LintCommand.OutputFormat(rawValue: String(format)) == nil {
            throw ValidationError("unknown report format '\(format)' (expected one of: \(formats))")
        }
        throw ValidationError("'\(argument)' names no file after '='")
    }
}

extension LintSession {
    /// Where SARIF's `informationUri` points: postlint's documentation.
    static let informationURI = "https://github.com/postlint/postlint#readme"

    /// SARIF's `%SRCROOT%`, which GitHub annotation paths are relative to as well: the
    /// repository root, else the configuration's folder, else here.
    var sourceRoot: String {
        ReportPaths.sourceRoot(
            workingDirectory: FileManager.default.currentDirectoryPath,
            configurationFolder: runner.configuration.path == nil ? nil : runner.configuration.baseDirectory)
    }

    static func reporter(
        for format: LintCommand.OutputFormat, sourceRoot: String, quiet: Bool = false, fixesPreviewed: Bool = false,
        style: @escaping (String, TextReporter.Part) -> String = { text, _ in text }
    ) -> any Reporter {
        switch format {
        case .text: TextReporter(quiet: quiet, fixesPreviewed: fixesPreviewed, style: style)
        case .json: JSONReporter()
        case .sarif: SARIFReporter(toolVersion: PostLintVersion.current, informationURI: informationURI, sourceRoot: sourceRoot)
        case .junit: JUnitReporter()
        case .checkstyle: CheckstyleReporter()
        case .github: GitHubReporter(root: sourceRoot)
        }
    }

    /// Writes every `--output` report (text ones without colours); false when one cannot
    /// be written, which is reported and makes the run fail with exit status 2.
    func writeOutputs(_ reports: [FileReport], fileCount: Int) -> Bool {
        var written = true
        for output in command.outputs {
            let text = Self.reporter(for: output.format, sourceRoot: sourceRoot).render(reports, fileCount: fileCount)
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output.file), options: .atomic)
            } catch {
                Console.error("error: cannot write the \(output.format.rawValue) report to \(output.file): \(error.localizedDescription)")
                written = false
            }
        }
        return written
    }
}
