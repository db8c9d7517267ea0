import Dispatch
import Foundation

/// What happened to one file.
public struct FileReport: Sendable {
    public let path: String
    /// Findings that remain (after fixing, when fixing).
    public var findings: [Finding] = []
    /// Informational lines ("skipped: binary file").
    public var notes: [String] = []
    /// Fixes applied (or, with `--diff`, that would be applied).
    public var applied: [AppliedFix] = []
    /// The file's text before and after fixing, when fixing changed it (without the byte
    /// order mark, which `hasByteOrderMark` says the file has).
    public var originalText: String?
    public var fixedText: String?
    public var hasByteOrderMark = false
    /// A failure that kept the file from being read, fixed or written. Those starting
    /// "cannot read" or "not written" are I/O failures (exit status 2).
    public var failure: String?
    public var isIOFailure: Bool { failure.map { $0.hasPrefix("cannot read") || $0.hasPrefix("not written") } ?? false }
    /// The files next to it whose existence the rules asked about (`missing-asset`), by
    /// their path relative to its folder, with the answer: a cached report holds only
    /// while they still hold.
    public var neighbours: [String: Bool] = [:]
}

public enum FixMode: Sendable {
    case report
    /// Compute fixes but write nothing (for `--diff` and stdin).
    case preview
    case write
}

/// Lints (and fixes) files in parallel; results come back in the order the files were given.
public struct Runner: Sendable {
    public let configuration: Configuration
    public var linter: Linter
    public let fixMode: FixMode
    public let includeUnsafe: Bool
    /// Earlier results to reuse and fill (report mode only).
    public var cache: ResultCache?
    /// Whether the findings left after fixing are placed on the file as it is, not on the
    /// fixed text (`--diff`: the patch is of the file, and nothing is written).
    public var placesRemainingOnOriginal = false
    /// Where fixes may be written through a symbolic link: the paths the run was given.
    public var linkScope = LinkWriteScope(roots: ["."])
    /// The rule settings of each distinct set of matching overrides, made once per run.
    private let settingsMemo = MemoTable<[Int], [String: RuleSetting]>()
    /// Makes paths relative to the configuration's folder (its own folder worked out once).
    private let discovery: FileDiscovery

    public init(configuration: Configuration, linter: Linter, fixMode: FixMode, includeUnsafe: Bool) {
        self.configuration = configuration
        discovery = FileDiscovery(configuration: configuration)
        self.linter = linter
        self.fixMode = fixMode
        self.includeUnsafe = includeUnsafe
    }

    public func run(files: [String]) -> [FileReport] {
        if files.count < ProcessInfo.processInfo.activeProcessorCount, !linter.rulesInParallel {
            var runner = self
            runner.linter.rulesInParallel = true
            return runner.run(files: files)
        }
        return fixMode == .report ? runRound(files: files) : runFixRounds(files: files)
    }

    /// Lints (and fixes) every file once. `contents` stands in for the files it has: the
    /// text an earlier round would have written, when nothing is written (`--diff`).
    func runRound(files: [String], contents: [Int: [UInt8]] = [:]) -> [FileReport] {
        let results = ResultSlots<FileReport>(count: files.count)
        let cache = fixMode == .report ? self.cache : nil
        // The words of all the files, for rules that weigh repository evidence; counted
        // on the first file that needs them (a fully cached run never does).
        let vocabulary = linter.usesVocabulary
            ? Lazy { [linter] in linter.timed(RuleTimings.Phase.vocabulary, clock: .process) { Vocabulary.build(paths: files, contents: contents) } } : nil
        if cache == nil {
            // Count now, in parallel: counted lazily from inside the parallel loop below, its
            // own parallel loop would run on one thread.
            _ = vocabulary?.value
        }
        if let cache, vocabulary != nil {
            // Then a file's findings depend on every file: the whole content joins the key.
            cache.requireRepository(fingerprint: Self.fingerprint(of: files))
        }
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let path = files[index]
            let report: FileReport
            if let bytes = contents[index] ?? FileBytes.read(path) {
                if let cache {
                    let place = placeKey(of: path)
                    if let hit = cache.lookup(path: path, bytes: bytes, place: place) {
                        report = hit
                    } else {
                        report = process(path: path, bytes: bytes, onDisk: true, vocabulary: vocabulary?.value)
                        cache.store(report, bytes: bytes, place: place)
                    }
                } else {
                    report = process(path: path, bytes: bytes, onDisk: true, vocabulary: vocabulary?.value)
                }
            } else {
                report = FileReport(path: path, failure: Self.unreadableReason(path))
            }
            results.set(index, report)
        }
        cache?.save()
        return results.values
    }

    /// Lints one file's bytes. `onDisk` says whether `path` names a real file (so its
    /// neighbours can be checked and fixes written). `vocabulary` is the run's word counts
    /// (see `Vocabulary`), nil when only this file is linted.
    public func process(path: String, bytes: [UInt8], onDisk: Bool, vocabulary: Vocabulary? = nil) -> FileReport {
        var report = FileReport(path: path)
        var source = SourceFile(path: path, bytes: bytes)
        if source.isBinary {
            report.notes.append("skipped: binary file (it contains NUL bytes)")
            return report
        }
        if source.endsLinesWithCarriageReturnsOnly {
            // Read as one line, its front matter and code would not be found, and fixes would go there.
            report.notes.append("skipped: its lines end in CR alone (classic Mac OS); convert them to LF to lint it")
            return report
        }
        let settings = settings(forPath: path)
        let neighbours = NeighbourRecord()
        let context = RuleContext(
            fileExists: onDisk ? Self.neighbourCheck(for: path, recordingInto: neighbours) : nil, severity: .error, vocabulary: vocabulary,
            relativePath: RepositoryPaths.relative(path, base: configuration.baseDirectory))
        report.findings = linter.checkSource(source, settings: settings, context: context)
        var transcoded = false
        var encodingFindings: [Finding] = []
        if fixMode != .report, source.text == nil, linter.runs(InvalidEncodingRule.description.id, settings: settings),
            let conversion = InvalidEncodingRule.confidentConversion(bytes)
        {
            // A legacy-encoded post ICU is sure of: fix it as its UTF-8 text.
            source = SourceFile(path: path, text: conversion.text)
            transcoded = true
            encodingFindings = report.findings.filter { $0.rule == InvalidEncodingRule.description.id }
            report.findings.removeAll { $0.rule == InvalidEncodingRule.description.id }
            report.applied.append(AppliedFix(
                rule: InvalidEncodingRule.description.id, title: "converted from \(conversion.charset) to UTF-8",
                position: LineIndex.Position(line: 1, column: 1)))
        }
        let format = configuration.format(ofRelativePath: discovery.relativeToBase(path))
        guard let document = linter.timed(RuleTimings.Phase.parse, { Document(source: source, format: format) }) else {
            report.neighbours = neighbours.answers
            return report
        }
        // The fixer's first pass lints the text just linted here, and its last pass the text
        // it returns, which is parsed and linted again below: the last document and its
        // findings are remembered.
        var last: (document: Document, diagnostics: [Diagnostic])?
        let diagnose = { (document: Document) in
            if let last, last.document.utf8 == document.utf8 { return last.diagnostics }
            let diagnostics = linter.check(document, settings: settings, context: context, userRules: configuration.userRules)
            last = (document, diagnostics)
            return diagnostics
        }
        var diagnostics = diagnose(document)
        var finalDocument = document

        var frontMatterBreaking: String?
        if fixMode == .report, let frontMatter = document.frontMatter,
            diagnostics.contains(where: { $0.fix.map { Fixer.touchesFrontMatter($0, frontMatter.range) } ?? false })
        {
            // Said before --fix is run: a front matter fix it would not make is no fix.
            frontMatterBreaking = Fixer(includeUnsafe: true).fix(document, diagnose: diagnose).frontMatterBreaking
        }
        if fixMode != .report, transcoded || diagnostics.contains(where: { $0.fix != nil }) {
            let outcome = Fixer(includeUnsafe: includeUnsafe).fix(document, diagnose: diagnose)
            if case .fixedOutsideFrontMatter(_, _, let broken) = outcome { report.notes.append(FixOutcome.frontMatterLeftNote(breaking: broken)) }
            frontMatterBreaking = outcome.frontMatterBreaking
            switch outcome {
            case .unchanged where transcoded:
                report.fixedText = document.text
                if fixMode == .write, onDisk { write(document.text, over: bytes, of: source, to: path, into: &report) }
            case .unchanged:
                break
            case .refused(let reason):
                report.failure = reason
            case .frontMatterLeft(let broken):
                report.failure = FixOutcome.frontMatterLeftNote(breaking: broken)
            case .fixed(let fixedText, let applied), .fixedOutsideFrontMatter(let fixedText, let applied, _):
                let text = Self.endingAsBefore(fixedText, endedWithNewline: source.endsWithNewline)
                let fixedSource = SourceFile(path: path, text: text)
                if let fixed = last.flatMap({ $0.document.utf8 == fixedSource.bytes ? $0.document : nil }) ?? Document(source: fixedSource, format: format) {
                    report.applied += applied
                    // A patch of a converted file would hold text that is not on disk (its
                    // old lines as converted): `git apply` would refuse it. The conversion is
                    // said by its own applied fix instead.
                    report.originalText = transcoded ? nil : document.text
                    report.fixedText = text
                    report.hasByteOrderMark = source.hasByteOrderMark
                    finalDocument = fixed
                    diagnostics = diagnose(fixed)
                    if fixMode == .write, onDisk {
                        write(text, over: bytes, of: source, to: path, into: &report)
                        if report.failure != nil {
                            finalDocument = document
                            diagnostics = diagnose(document)
                        }
                    }
                }
            }
        }
        if let frontMatterBreaking {
            diagnostics = Fixer.withholdingFrontMatterFixes(diagnostics, in: finalDocument, breaking: frontMatterBreaking)
        }
        if transcoded, report.failure != nil {
            // The conversion was refused with the other fixes, or not written: the file is
            // still not UTF-8, and says so.
            report.findings += encodingFindings
            report.applied.removeAll { $0.rule == InvalidEncodingRule.description.id }
        }
        var remaining = Finding.placing(diagnostics, in: finalDocument)
        if placesRemainingOnOriginal, let original = report.originalText, let fixed = report.fixedText, original == document.text {
            remaining = Finding.placing(remaining, fixedText: fixed, onOriginal: document)
        }
        report.findings += remaining
        report.findings.sort(by: Finding.ordered)
        report.neighbours = neighbours.answers
        return report
    }

    /// A fix that removed a file's last line (a repeated import) leaves the line ending
    /// before it last: a file that ended without one still does.
    static func endingAsBefore(_ fixed: String, endedWithNewline: Bool) -> String {
        guard !endedWithNewline, fixed.utf8.last == 0x0A else { return fixed }
        var scalars = fixed.unicodeScalars
        scalars.removeLast()
        if scalars.last == "\r" { scalars.removeLast() }
        return String(scalars)
    }

    /// What a file's findings depend on besides its bytes and the run: its path below the
    /// configuration's folder (which overrides match) and within its repository (which
    /// language folder it is in). A cached report holds only where both are as they were.
    func placeKey(of path: String) -> String {
        discovery.relativeToBase(path) + "\u{0}" + (RepositoryPaths.relative(path, base: configuration.baseDirectory) ?? "")
    }

    /// A file's rule settings: they depend only on which overrides match its path, so
    /// they are made once per distinct set (not rebuilt for every file).
    func settings(forPath path: String) -> [String: RuleSetting] {
        let relative = discovery.relativeToBase(path)
        let matching = configuration.overrides.indices.filter { configuration.overrides[$0].files.contains { $0.matches(relative) } }
        return settingsMemo.value(for: matching) { configuration.settings(forRelativePath: relative) }
    }

    /// One hash of every file's path and identity on disk (size, modification and change
    /// times to the nanosecond, inode), taken without reading the files: a run reads each
    /// file once, to lint it. Any write changes the change time, so an edited file never
    /// keeps the fingerprint; a file rewritten unchanged only costs a cold run.
    static func fingerprint(of files: [String]) -> UInt64 {
        var combined = FNV1a64()
        for path in files {
            combined.combine(path)
            var info = stat()
            let identity: [Int64] = stat(path, &info) == 0
                ? [Int64(info.st_size), Int64(info.st_ino), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
                    Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec)]
                : [-1]
            combined.combine(identity.withUnsafeBytes { Array($0) })
        }
        return combined.value
    }

    static func unreadableReason(_ path: String) -> String {
        // Foundation hands back names that are not UTF-8 with U+FFFD in them; such a
        // path no longer names the file.
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return "cannot read the folder (permission denied); its posts were not linted"
        }
        var info = stat()
        if stat(path, &info) == 0, !isFolder.boolValue, (info.st_mode & S_IFMT) != S_IFREG {
            return "cannot read the file: not a regular file (a FIFO, socket or device)"
        }
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path), !FileManager.default.fileExists(atPath: path) {
            return "cannot read the file: it is a symbolic link to '\(target)', which does not exist"
        }
        return path.contains("\u{FFFD}")
            ? "cannot read the file: its name is not valid UTF-8 (rename it to lint it)"
            : "cannot read the file (deleted or unreadable)"
    }

    private func write(_ text: String, over bytes: [UInt8], of source: SourceFile, to path: String, into report: inout FileReport) {
        do {
            try FileWriter.replace(path, with: source.bytes(forText: text), expecting: bytes, linkScope: linkScope)
        } catch {
            report.failure = Self.writeFailure(error)
            report.applied = []
        }
    }

    /// A failed write as the report says it (after the file's path): "not written: why".
    static func writeFailure(_ error: Error) -> String {
        (error as? FileWriteError).map { "not written: \($0.reason)" } ?? "not written: \(error)"
    }

    static func neighbourCheck(for path: String, recordingInto record: NeighbourRecord) -> @Sendable (String) -> Bool {
        { relative in
            let exists = NeighbourRecord.exists(relative, besides: path)
            record.note(relative, exists)
            return exists
        }
    }
}

/// What a file's rules learnt about the files next to it, for the result cache: each path
/// as the post names it (relative to the post's folder), so a repository copied elsewhere
/// with its cache checks its own images, not the original's.
final class NeighbourRecord: @unchecked Sendable {
    /// Whether a file (not a folder: a bundler resolves a folder only through its index
    /// file, which is asked for by name) is at `relative` from the post's folder.
    static func exists(_ relative: String, besides path: String) -> Bool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var isFolder: ObjCBool = false
        let found = FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).standardizedFileURL.path, isDirectory: &isFolder)
        return found && !isFolder.boolValue
    }

    private let lock = NSLock()
    private var recorded: [String: Bool] = [:]

    func note(_ path: String, _ exists: Bool) {
        lock.lock()
        recorded[path] = exists
        lock.unlock()
    }

    var answers: [String: Bool] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}

/// A value computed once, by the first thread that asks for it.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let make: @Sendable () -> Value
    private var made: Value?
    private let lock = NSLock()

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}

/// Fixed-size storage that parallel workers fill, each its own slot.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] { slots.compactMap { $0 } }
}
