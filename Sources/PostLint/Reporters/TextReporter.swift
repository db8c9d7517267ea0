/// `path:line:col: severity[rule] message`, one finding a line, then a summary.
public struct TextReporter: Reporter {
    public static let identifier = "text"

    public enum Part { case location, error, warning, info, rule, dim }

    /// Colours a part of a line; the identity when output is not a terminal.
    public let style: (String, Part) -> String
    public let quiet: Bool
    /// Whether the reports' fixes were written or only previewed (`--diff`): the summary
    /// then says what was (or would be) fixed and what remains.
    public let fixesPreviewed: Bool

    public init(quiet: Bool = false, fixesPreviewed: Bool = false, style: @escaping (String, Part) -> String = { text, _ in text }) {
        self.quiet = quiet
        self.fixesPreviewed = fixesPreviewed
        self.style = style
    }

    public func line(for finding: Finding) -> String {
        let location = style("\(finding.path):\(finding.start.line):\(finding.start.column):", .location)
        let severity: String
        switch finding.severity {
        case .error: severity = style("error", .error)
        case .warning: severity = style("warning", .warning)
        case .info: severity = style("info", .info)
        }
        let fixable: String
        switch finding.fixSafety {
        case .safe?: fixable = style(" [fixable]", .dim)
        case .unsafe?: fixable = style(" [unsafe fix]", .dim)
        case nil: fixable = ""
        }
        return "\(location) \(severity)\(style("[\(finding.rule)]", .rule)) \(Self.printable(finding.message))\(fixable)"
    }

    /// The text with control characters other than tab shown as `\u{1B}`: a message quotes
    /// the post, and an escape sequence from it must not reach the terminal.
    /// Line breaks are kept (a YAML error's pointer line); GitHub's format escapes them.
    public static func printable(_ text: String, keepingLineBreaks: Bool = true) -> String {
        let isControl = { (scalar: Unicode.Scalar) in
            Self.isControl(scalar) && !(keepingLineBreaks && (scalar == "\n" || scalar == "\r"))
        }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar.value != 0x09) || (0x7F...0x9F).contains(scalar.value)
    }

    public func render(_ reports: [FileReport], fileCount: Int) -> String {
        var lines: [String] = []
        for report in reports {
            for finding in report.findings where !quiet || finding.severity == .error {
                lines.append(line(for: finding))
            }
        }
        if !quiet { lines.append(summary(reports, fileCount: fileCount)) }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    public func summary(_ reports: [FileReport], fileCount: Int) -> String {
        let findings = reports.flatMap(\.findings)
        let files = Self.counted(fileCount, "file")
        // Files that were not linted must not read as files without problems.
        let failed = reports.filter { $0.failure != nil }.count
        let skipped = reports.filter { !$0.skipReasons.isEmpty }.count
        var unlinted = [String]()
        if skipped > 0 { unlinted.append("\(skipped) skipped") }
        if failed > 0 { unlinted.append("\(failed) failed (see the errors above)") }
        let aside = unlinted.isEmpty ? "" : "; " + unlinted.joined(separator: ", ")
        let fixed = fixSentence(reports)
        guard !findings.isEmpty else {
            let none = fixed.isEmpty ? "No problems found" : fixesPreviewed ? "No problems would remain" : "No problems remain"
            return style("\(fixed)\(none) in \(files)\(aside).", .dim)
        }
        let count = { (severity: Severity) in findings.filter { $0.severity == severity }.count }
        let safe = findings.filter { $0.fixSafety == .safe }.count
        let unsafe = findings.filter { $0.fixSafety == .unsafe }.count
        let found = fixed.isEmpty ? "Found" : fixesPreviewed ? "Would remain:" : "Remaining:"
        // "in 2 of 40 files": the files the problems are in, of those linted.
        let withFindings = reports.filter { !$0.findings.isEmpty }.count
        let place = withFindings < fileCount ? "\(withFindings) of \(files)" : files
        var text = "\(fixed)\(found) \(Self.counted(findings.count, "problem")) in \(place)"
        text += " (\(Self.counted(count(.error), "error")), \(Self.counted(count(.warning), "warning")), \(count(.info)) info)\(aside)."
        if safe > 0 { text += " \(safe) fixable with --fix." }
        if unsafe > 0 { text += " \(unsafe) \(safe > 0 ? "more " : "")fixable with --fix --unsafe-fixes." }
        return style(text, .dim)
    }

    /// "Fixed 3 problems in 2 files. " (or "Would fix …" with `--diff`); empty when nothing was fixed.
    private func fixSentence(_ reports: [FileReport]) -> String {
        let applied = reports.map(\.applied.count).reduce(0, +)
        guard applied > 0 else { return "" }
        let files = reports.filter { !$0.applied.isEmpty }.count
        return "\(fixesPreviewed ? "Would fix" : "Fixed") \(Self.counted(applied, "problem")) in \(Self.counted(files, "file")). "
    }
}
