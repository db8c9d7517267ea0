import Foundation

/// Today's findings, recorded so that a CI gate can fail on new findings only.
/// A finding matches a recorded one by rule, file, the text of its line and its message —
/// not by line number, so edits elsewhere in the file do not resurrect it. Each recorded
/// entry absorbs one finding; a second identical finding is new. Paths are recorded
/// relative to the project's root (the configuration's folder), so a run from another
/// folder, or a checkout elsewhere, matches them.
public struct Baseline: Sendable {
    struct Entry: Codable, Hashable {
        let rule: String
        let path: String
        let line: String
        let message: String
    }

    struct File: Codable {
        var version = 1
        var findings: [Entry]
    }

    private var counts: [Entry: Int]
    /// The project's root, absolute, with a trailing slash.
    private let anchor: String

    /// - Parameter root: the folder paths are recorded relative to (the configuration's).
    public init(findings: [Finding], root: String) {
        counts = [:]
        anchor = FileDiscovery.folderPrefix(root)
        for finding in findings { counts[entry(finding), default: 0] += 1 }
    }

    public static func load(path: String, root: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BaselineError(path: path, reason: "cannot read the file")
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            var baseline = Baseline(findings: [], root: root)
            for entry in file.findings { baseline.counts[entry, default: 0] += 1 }
            return baseline
        } catch let error as DecodingError {
            throw BaselineError(path: path, reason: "not a postlint baseline (\(Self.describe(error))); write one with --write-baseline")
        } catch {
            throw BaselineError(path: path, reason: "not a postlint baseline (\(error))")
        }
    }

    /// A decoding error as a user reads it: what was wrong, and where in the JSON.
    static func describe(_ error: DecodingError) -> String {
        let place = { (path: [CodingKey]) in
            path.isEmpty ? "" : " at " + path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not JSON" : "a value that cannot be read\(place(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "no \"\(key.stringValue)\"\(place(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "a value of the wrong kind\(place(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }

    public func write(to path: String) throws {
        let entries = counts.flatMap { entry, count in Array(repeating: entry, count: count) }
            .sorted { ($0.path, $0.rule, $0.line, $0.message) < ($1.path, $1.rule, $1.line, $1.message) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try (encoder.encode(File(findings: entries)) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The findings not recorded in the baseline.
    public func newFindings(in findings: [Finding]) -> [Finding] {
        var remaining = counts
        return findings.filter { finding in
            let entry = entry(finding)
            guard let count = remaining[entry], count > 0 else { return true }
            remaining[entry] = count - 1
            return false
        }
    }

    func entry(_ finding: Finding) -> Entry {
        let path = FileDiscovery.relative(finding.path, under: anchor) ?? FileDiscovery.standardized(finding.path)
        let line = finding.lineText.trimmingCharacters(in: .whitespaces)
        return Entry(rule: finding.rule, path: path, line: line, message: finding.message)
    }
}

public struct BaselineError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}
