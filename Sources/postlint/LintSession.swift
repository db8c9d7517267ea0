import ArgumentParser
import Foundation
import PostLint
import Rainbow

/// Runs one `postlint lint` invocation and prints what it found, fixed or would fix.
struct LintSession {
    let command: LintCommand
    let runner: Runner

    /// Resolved once: it reads the environment, which is not free.
    let format: LintCommand.OutputFormat

    init(command: LintCommand, runner: Runner) {
        self.command = command
        self.runner = runner
        format = command.resolvedFormat
    }
    var reporter: any Reporter {
        Self.reporter(for: format, sourceRoot: sourceRoot, quiet: command.quiet, fixesPreviewed: command.diff, style: Self.style)
    }

    /// What a baseline's paths are relative to: the project's root (the folder of
    /// `.postlint.yml`), else the baseline file's own folder.
    private func baselineRoot(_ baseline: String) -> String {
        if runner.configuration.path != nil { return runner.configuration.baseDirectory }
        let folder = (baseline as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    func runFiles(_ files: [String]) -> ExitCode {
        if files.isEmpty, !command.changed {
            // A CI job that lints nothing passes; say so rather than "no problems".
            let hint = runner.configuration.path.map { "and `include` / `exclude` in \($0)" } ?? "(posts are .md, .mdx, .markdown and .txt files)"
            Console.error("warning: no posts to lint in \((command.paths.isEmpty ? ["."] : command.paths).joined(separator: " ")); check the paths \(hint)")
        }
        var reports = runner.run(files: files)
        if let path = command.writeBaseline {
            do {
                try Baseline(findings: reports.flatMap(\.findings), root: baselineRoot(path)).write(to: path)
                Console.error("wrote \(reports.flatMap(\.findings).count) findings to the baseline \(path)")
            } catch {
                let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
                Console.error("error: cannot write the baseline \(path): \(reason)")
                return Exit.failure
            }
        }
        if let path = command.baseline {
            do {
                let baseline = try Baseline.load(path: path, root: baselineRoot(path))
                reports = reports.map { report in
                    var filtered = report
                    filtered.findings = baseline.newFindings(in: report.findings)
                    return filtered
                }
            } catch {
                Console.error("error: \(error)")
                return Exit.failure
            }
        }
        for report in reports {
            printChanges(of: report)
        }
        printReport(reporter.render(reports, fileCount: files.count))
        guard writeOutputs(reports, fileCount: files.count) else { return Exit.failure }
        return exitCode(reports)
    }

    /// Standard output holds the patch alone with --diff (`> fix.patch`, `| git apply`)
    /// and the fixed text alone with --fix on standard input; the report goes to standard
    /// error then.
    private var reportGoesToStandardError: Bool {
        command.diff || (command.fix && command.paths == ["-"])
    }

    private func printReport(_ rendered: String) {
        if reportGoesToStandardError { Console.error(rendered, newline: false) } else { Console.output(rendered) }
    }

    /// A run that linted nothing (an excluded standard input): machine formats still print
    /// their empty report, which an editor integration parses; text says nothing.
    func reportNoFileLinted() {
        guard format != .text, !command.fix else { return }
        Console.output(reporter.render([], fileCount: 0))
    }

    /// Reads one post from standard input. With --fix, the fixed text goes to standard
    /// output and everything else to standard error.
    func runStandardInput() -> ExitCode {
        let bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        let name = command.stdinFilename ?? "<stdin>"
        if command.stdinFilename == nil, Self.looksLikeMDX(bytes) {
            Console.error("note: standard input is linted as Markdown; add --stdin-filename post.mdx to lint it as MDX")
        }
        let onDisk = command.stdinFilename.map { FileManager.default.fileExists(atPath: ($0 as NSString).deletingLastPathComponent.isEmpty ? "." : ($0 as NSString).deletingLastPathComponent) } ?? false
        let report = runner.process(path: name, bytes: bytes, onDisk: onDisk)
        guard writeOutputs([report], fileCount: 1) else { return Exit.failure }
        printChanges(of: report)
        printReport(reporter.render([report], fileCount: 1))
        if command.fix {
            let source = SourceFile(path: name, bytes: bytes)
            if let fixed = report.fixedText {
                FileHandle.standardOutput.write(Data(source.bytes(forText: fixed)))
            } else {
                FileHandle.standardOutput.write(Data(bytes))
            }
        }
        return exitCode([report])
    }

    private func printChanges(of report: FileReport) {
        let toStandardError = reportGoesToStandardError || format != .text
        let emit: (String) -> Void = toStandardError ? { Console.error($0) } : { Console.output($0 + "\n") }
        // A machine-readable report on standard error (--diff, or --fix of standard input)
        // has the stream to itself, or it could not be parsed: it names skipped and failed
        // files itself, and the patch or fixed text shows what was fixed.
        let machineReportOnStandardError = reportGoesToStandardError && format != .text
        for note in report.notes where !command.quiet && !machineReportOnStandardError {
            Console.error("\(report.path): \(note)")
        }
        // Every format but text names failed files itself: on the same stream, once is enough.
        if let failure = report.failure, !machineReportOnStandardError {
            Console.error("\(report.path): \("error".red): \(failure)")
        }
        if command.diff, let old = report.originalText, let new = report.fixedText {
            // Relative to the working folder, as `git apply` and `patch -p1` want it.
            let path = ReportPaths.relative(report.path, to: FileManager.default.currentDirectoryPath)
            if path.hasPrefix("../") || path == ".." {
                Console.error("\(report.path): note: the file is outside the current folder, and git apply and patch -p1 refuse its patch; run --diff from a folder above it")
            }
            Console.output(UnifiedDiff.make(old: old, new: new, path: path, byteOrderMark: report.hasByteOrderMark))
        }
        // With --diff the patch has standard output: what it would fix is said on standard error.
        let verb = command.diff ? "would fix" : "fixed"
        let say: (String) -> Void = command.diff ? { Console.error($0) } : emit
        // --quiet: errors only; what was fixed is not an error.
        for applied in Self.inPositionOrder(report.applied) where !command.quiet && !machineReportOnStandardError {
            say("\(report.path):\(applied.position.line):\(applied.position.column): \(verb)[\(applied.rule)] \(TextReporter.printable(applied.title))")
        }
    }

    /// Fixes of later fixer passes come last in a report: listed by position instead (of
    /// the text of their pass), in the order applied where positions tie.
    static func inPositionOrder(_ applied: [AppliedFix]) -> [AppliedFix] {
        applied.enumerated().sorted {
            ($0.element.position.line, $0.element.position.column, $0.offset) < ($1.element.position.line, $1.element.position.column, $1.offset)
        }.map(\.element)
    }

    private func exitCode(_ reports: [FileReport]) -> ExitCode {
        if reports.contains(where: \.isIOFailure) { return Exit.failure }
        if command.exitZero || command.writeBaseline != nil { return Exit.clean }
        if command.diff, reports.contains(where: { $0.fixedText != nil }) { return Exit.findings }
        // Past I/O failures, a failure is a fix refused (it would break the front matter, or
        // never settled): the findings the user asked to have fixed remain.
        if command.fix || command.diff, reports.contains(where: { $0.failure != nil }) { return Exit.findings }
        let errors = reports.contains { $0.findings.contains { $0.severity == .error } }
        return errors ? Exit.findings : Exit.clean
    }

    /// Colours only on a terminal, and never with NO_COLOR set (no-color.org).
    static let colours: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) != 0 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }()

    static func style(_ text: String, _ part: TextReporter.Part) -> String {
        // Rainbow parses and rebuilds every string even when colours are off.
        guard Self.colours else { return text }
        return switch part {
        case .location: text.bold
        case .error: text.red.bold
        case .warning: text.yellow.bold
        case .info: text.blue
        case .rule: text.dim
        case .dim: text.dim
        }
    }
}

enum Console {
    static func output(_ text: String) {
        guard !text.isEmpty else { return }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String, newline: Bool = true) {
        guard !text.isEmpty else { return }
        FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
    }
}

extension LintSession {
    /// An ES module line outside fenced code (`import x from './x.png'`, `export const`):
    /// standard input is probably MDX. Python's `import os` and a shell `export` in a code
    /// block are not.
    static func looksLikeMDX(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes.prefix(64 * 1024), as: UTF8.self)
        var inFence = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                inFence.toggle()
                continue
            }
            if inFence { continue }
            if line.hasPrefix("import "), line.contains(" from \"") || line.contains(" from '") { return true }
            if ["export const ", "export default ", "export function ", "export let "].contains(where: { line.hasPrefix($0) }) { return true }
        }
        return false
    }
}
