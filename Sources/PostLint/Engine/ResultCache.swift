import Foundation

/// Findings of earlier runs, so a re-run on an unchanged repository does almost no work.
/// A file's entry is reused only when its bytes hash the same, every file next to it that
/// its rules looked for (an imported image) still exists or is still missing, and the
/// run's key (tool version, configuration text, rule selection) is the one the cache was
/// written with; anything else starts the cache afresh. Only report-mode runs use it.
public final class ResultCache: @unchecked Sendable {
    struct Entry: Codable {
        let contentHash: UInt64
        /// Where the file stands (see `Runner.placeKey`): the same bytes elsewhere (a
        /// folder renamed to `ko/`, a configuration override's glob) may find otherwise.
        let place: String?
        let findings: [Finding]
        let notes: [String]
        /// Files next to it whose existence its findings depend on, with the answer then.
        let neighbours: [String: Bool]?
    }

    struct Store: Codable {
        var version = 2
        var runKey: UInt64
        var repository: UInt64?
        var entries: [String: Entry]
    }

    public static let folderName = ".postlint-cache"
    private let file: URL
    private let runKey: UInt64
    private var entries: [String: Entry]
    private var repository: UInt64?
    private var changed = false
    private let lock = NSLock()

    /// - Parameters:
    ///   - folder: where `.postlint-cache/` lives (the configuration's folder).
    ///   - runKey: a hash of everything besides a file's bytes that decides its findings.
    public init(folder: String, runKey: UInt64) {
        file = URL(fileURLWithPath: folder).appendingPathComponent(Self.folderName).appendingPathComponent("results-v1.json")
        self.runKey = runKey
        if let data = try? Data(contentsOf: file), let store = try? JSONDecoder().decode(Store.self, from: data),
            store.runKey == runKey
        {
            entries = store.entries
            repository = store.repository
        } else {
            entries = [:]
        }
    }

    /// The key of a run: the tool's version, the configuration file's text, the rules and
    /// the installed dictionaries the typo rule reads.
    public static func runKey(version: String, configurationText: String, rules: [String], extra: [String] = []) -> UInt64 {
        var hasher = FNV1a64()
        for part in [version, configurationText] + rules + extra + [HunspellDictionary.installedIdentity] { hasher.combine(part) }
        return hasher.value
    }

    /// For runs whose rules read every file (a run-wide vocabulary): entries written for
    /// other repository contents are dropped.
    public func requireRepository(fingerprint: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        if repository != fingerprint {
            entries = [:]
            repository = fingerprint
            changed = true
        }
    }

    public func lookup(path: String, bytes: [UInt8], place: String) -> FileReport? {
        lock.lock()
        let found = entries[path]
        lock.unlock()
        guard let entry = found, entry.contentHash == FNV1a64.hash(bytes), entry.place == place else { return nil }
        // An image added or deleted since changes the post's findings without changing it.
        for (neighbour, existed) in entry.neighbours ?? [:] where NeighbourRecord.exists(neighbour, besides: path) != existed {
            return nil
        }
        var report = FileReport(path: path, findings: entry.findings, notes: entry.notes)
        report.neighbours = entry.neighbours ?? [:]
        return report
    }

    public func store(_ report: FileReport, bytes: [UInt8], place: String) {
        guard report.failure == nil else { return }
        let entry = Entry(
            contentHash: FNV1a64.hash(bytes), place: place, findings: report.findings, notes: report.notes,
            neighbours: report.neighbours.isEmpty ? nil : report.neighbours)
        lock.lock()
        entries[report.path] = entry
        changed = true
        lock.unlock()
    }

    /// Writes the cache (atomically) when this run added to it. A cache that cannot be
    /// written costs speed, not correctness, so failures are ignored.
    public func save() {
        lock.lock()
        defer { lock.unlock() }
        guard changed else { return }
        let folder = file.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ignore = folder.appendingPathComponent(".gitignore")
        if !FileManager.default.fileExists(atPath: ignore.path) {
            try? Data("# Created by postlint: the cache never belongs in git.\n*\n".utf8).write(to: ignore)
        }
        if let data = try? JSONEncoder().encode(Store(runKey: runKey, repository: repository, entries: entries)) {
            try? data.write(to: file, options: .atomic)
        }
    }
}
