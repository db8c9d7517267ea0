import Foundation

/// SARIF 2.1.0 (OASIS), the format GitHub code scanning and most security dashboards
/// read: the tool with every rule's documentation, and each finding with its location,
/// a line-independent fingerprint, and its fix as replacements.
public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The `partialFingerprints` key; bump its version when the hashed text changes.
    public static let fingerprintKey = "postlintLineHash/v1"

    public let toolVersion: String
    public let informationURI: String
    public let rules: [RuleDescription]
    /// The folder the run started in, which the reports' paths are relative to.
    public let workingDirectory: String
    /// `%SRCROOT%`, which result URIs are relative to (see `ReportPaths.sourceRoot`).
    public let sourceRoot: String

    public init(
        toolVersion: String, informationURI: String, rules: [RuleDescription] = RuleRegistry.descriptions,
        workingDirectory: String = FileManager.default.currentDirectoryPath, sourceRoot: String? = nil
    ) {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.rules = rules
        self.workingDirectory = workingDirectory
        self.sourceRoot = sourceRoot ?? workingDirectory
    }

    /// A report's path relative to `%SRCROOT%`, or absolute when the file lies outside it
    /// (never `../`, which would leave the root).
    func rootRelative(_ path: String) -> String {
        ReportPaths.relative(path, from: workingDirectory, to: sourceRoot)
    }

    public func render(_ reports: [FileReport], fileCount: Int) -> String {
        var descriptors = rules.map(Self.descriptor(for:))
        var ruleIndex = Dictionary(descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var results: [SARIF.Result] = []
        var occurrences: [String: Int] = [:]
        for report in reports {
            let path = rootRelative(report.path)
            for finding in report.findings {
                if ruleIndex[finding.rule] == nil {  // a finding of a rule the registry does not list
                    ruleIndex[finding.rule] = descriptors.count
                    descriptors.append(Self.descriptor(forUnlisted: finding.rule))
                }
                let hash = Self.fingerprint(rule: finding.rule, path: path, lineText: finding.lineText)
                occurrences[hash, default: 0] += 1
                results.append(
                    result(for: finding, path: path, ruleIndex: ruleIndex[finding.rule]!,
                           fingerprint: "\(hash):\(occurrences[hash]!)"))
            }
        }
        let log = SARIF.Log(
            schema: Self.schemaURI,
            runs: [SARIF.Run(
                tool: .init(driver: .init(
                    name: "postlint", version: toolVersion, semanticVersion: toolVersion,
                    informationUri: informationURI, rules: descriptors)),
                invocations: [invocation(reports)],
                originalUriBaseIds: ["%SRCROOT%": .init(uri: ReportPaths.folderURI(sourceRoot), uriBaseId: nil)],
                results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(log) else { fatalError("the SARIF log cannot be encoded") }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A relative path is relative to `%SRCROOT%`; a path outside it (absolute) is an
    /// absolute `file://` URI of its own.
    static func artifactLocation(_ path: String) -> SARIF.ArtifactLocation {
        path.hasPrefix("/")
            ? SARIF.ArtifactLocation(uri: "file://" + ReportPaths.uriReference(path), uriBaseId: nil)
            : SARIF.ArtifactLocation(uri: ReportPaths.uriReference(path), uriBaseId: "%SRCROOT%")
    }

    private func result(for finding: Finding, path: String, ruleIndex: Int, fingerprint: String) -> SARIF.Result {
        let artifact = Self.artifactLocation(path)
        let fixes = finding.diagnostic.fix.map { fix in
            [SARIF.Fix(
                description: .init(text: fix.title),
                artifactChanges: [.init(
                    artifactLocation: artifact,
                    replacements: finding.fixEdits.map {
                        .init(deletedRegion: .init(start: $0.start, end: $0.end), insertedContent: .init(text: $0.replacement))
                    })],
                properties: ["safety": fix.safety.rawValue])]
        }
        return SARIF.Result(
            ruleId: finding.rule, ruleIndex: ruleIndex, level: Self.level(of: finding.severity),
            message: .init(text: finding.message),
            locations: [.init(physicalLocation: .init(
                artifactLocation: artifact, region: .init(start: finding.start, end: finding.end)))],
            partialFingerprints: [Self.fingerprintKey: fingerprint],
            fixes: fixes?.first?.artifactChanges.first?.replacements.isEmpty == false ? fixes : nil)
    }

    /// Files that could not be read, fixed or written make the run unsuccessful.
    private func invocation(_ reports: [FileReport]) -> SARIF.Invocation {
        let notifications = reports.compactMap { report -> SARIF.Notification? in
            guard let failure = report.failure else { return nil }
            let artifact = Self.artifactLocation(rootRelative(report.path))
            return SARIF.Notification(
                level: "error", message: .init(text: failure),
                locations: [.init(physicalLocation: .init(artifactLocation: artifact, region: nil))])
        }
        return SARIF.Invocation(
            executionSuccessful: notifications.isEmpty, toolExecutionNotifications: notifications.isEmpty ? nil : notifications)
    }

    static func level(of severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func descriptor(for rule: RuleDescription) -> SARIF.ReportingDescriptor {
        var help = "\(rule.summary)\n\n\(rule.rationale)"
        if let safety = rule.fixSafety {
            help += "\n\nFixable: \(safety == .safe ? "`postlint lint --fix`" : "`postlint lint --fix --unsafe-fixes`")."
        }
        help += "\n\nExamples: `postlint explain \(rule.id)`."
        return SARIF.ReportingDescriptor(
            id: rule.id, name: pascalCase(rule.id), shortDescription: .init(text: rule.summary, markdown: nil),
            fullDescription: .init(text: rule.rationale, markdown: nil),
            help: .init(text: help, markdown: help),
            defaultConfiguration: .init(level: level(of: rule.severity)),
            properties: rule.fixSafety.map { ["fixSafety": $0.rawValue] })
    }

    static func descriptor(forUnlisted id: String) -> SARIF.ReportingDescriptor {
        SARIF.ReportingDescriptor(
            id: id, name: pascalCase(id), shortDescription: .init(text: "postlint \(id)", markdown: nil),
            fullDescription: nil, help: nil, defaultConfiguration: nil, properties: nil)
    }

    /// `duplicate-import` → `DuplicateImport` (SARIF's `name` is an identifier-like word).
    public static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }

    /// A hash of what identifies a finding apart from its line number: the rule, the
    /// file, and the finding's line with whitespace runs collapsed. Results keep their
    /// identity (and their dismissals in GitHub) when lines are added above them.
    public static func fingerprint(rule: String, path: String, lineText: String) -> String {
        let normalized = lineText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return StableHash.fnv1a64(Array("\(rule)\u{0}\(path)\u{0}\(normalized)".utf8))
    }
}

/// A hash that is the same on every machine and run (Swift's `Hasher` is seeded per
/// process, so it cannot fingerprint results across CI runs).
enum StableHash {
    /// FNV-1a, 64 bits, as 16 lowercase hex digits.
    static func fnv1a64(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
