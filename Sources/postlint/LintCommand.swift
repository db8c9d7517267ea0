import ArgumentParser
import Foundation
import PostLint
import Rainbow

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint posts, and optionally fix them in place.",
        discussion: """
            PATHS are files or folders (default: the current folder). Folders are searched \
            for .md, .mdx, .markdown and .txt files, skipping .git, node_modules, .build and, \
            inside a git work tree, what git ignores. \
            Use `-` to read one post from standard input.

            Exit status: 0 no errors (warnings allowed), 1 errors remain, 2 usage, \
            configuration or I/O failure.
            """)

    @Argument(help: "Files or folders to lint; `-` reads standard input.")
    var paths: [String] = []

    @Flag(help: "Apply safe fixes and write the files.")
    var fix = false

    @Flag(help: "With --fix or --diff, apply unsafe fixes too.")
    var unsafeFixes = false

    @Flag(help: "Print the unified diff --fix would write, and write nothing.")
    var diff = false

    @Option(
        help: ArgumentHelp(
            "The format of the report on standard output.",
            discussion: "Default: github when the environment has GITHUB_ACTIONS=true, else text."))
    var format: OutputFormat?

    @Option(
        name: .customLong("output"),
        help: ArgumentHelp(
            "Also write a report to a file, as FORMAT=FILE (repeatable).",
            discussion: "FORMAT is one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")). Example: --format github --output sarif=results.sarif --output junit=junit.xml",
            valueName: "format=file"),
        transform: ReportOutput.parse)
    var outputs: [ReportOutput] = []

    @Option(help: "Use this configuration file instead of searching for .postlint.yml.")
    var config: String?

    @Option(help: "Run only these rules (comma-separated ids; repeatable).")
    var select: [String] = []

    @Option(help: "Do not run these rules (comma-separated ids; repeatable).")
    var ignore: [String] = []

    @Flag(help: "Print the CPU time each rule and engine phase took (summed over files) to standard error.")
    var timings = false

    @Option(help: "With `-`, the path the text stands for (picks the format, resolves imports).")
    var stdinFilename: String?

    @Flag(help: "Apply the configuration's include and exclude (and skip .postlint/, node_modules/) to files named on the command line too.")
    var forceExclude = false

    @Flag(help: "In folders inside a git work tree, lint files git ignores too.")
    var noIgnore = false

    @Flag(help: "Lint only files changed against --base (default HEAD: uncommitted and untracked files).")
    var changed = false

    @Option(help: "With --changed, the git revision to compare with (a branch uses its merge base).")
    var base: String?

    @Option(help: "Report only findings not recorded in this baseline file.")
    var baseline: String?

    @Option(help: "Record every finding of this run in a baseline file (and exit 0).")
    var writeBaseline: String?

    @Flag(help: "Do not read or write the results cache (.postlint-cache/).")
    var noCache = false

    @Flag(help: "Report errors only, and no summary, on standard output (--output files stay complete).")
    var quiet = false

    @Flag(help: "Exit 0 even when errors remain.")
    var exitZero = false

    /// Whether a command line (without the program's name) runs a lint, the default
    /// subcommand: it names no other subcommand and asks for no help or version.
    static func isInvoked(by arguments: ArraySlice<String>) -> Bool {
        let subcommands = PostLintCommand.configuration.subcommands.filter { ObjectIdentifier($0) != ObjectIdentifier(LintCommand.self) }
        let others = subcommands.map { $0._commandName } + ["help"]
        if let first = arguments.first, others.contains(first) { return false }
        let requests: Set = ["-h", "--help", "--version", "--generate-completion-script", "--experimental-dump-help"]
        return !arguments.contains { requests.contains($0) }
    }

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, junit, checkstyle, github
    }

    /// The format of standard output: `--format`, else GitHub annotations inside GitHub
    /// Actions, else text.
    var resolvedFormat: OutputFormat {
        format ?? (ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" ? .github : .text)
    }

    func validate() throws {
        if fix && diff { throw ValidationError("--fix and --diff cannot be combined; --diff only previews") }
        if unsafeFixes && !fix && !diff { throw ValidationError("--unsafe-fixes needs --fix or --diff") }
        if paths.contains("-") && paths.count > 1 { throw ValidationError("`-` (standard input) cannot be mixed with paths") }
        if stdinFilename != nil && paths != ["-"] { throw ValidationError("--stdin-filename needs `-` as the only path") }
        if base != nil && !changed { throw ValidationError("--base goes with --changed") }
        if baseline != nil && writeBaseline != nil { throw ValidationError("--baseline and --write-baseline do not go together") }
        if changed && paths == ["-"] { throw ValidationError("--changed cannot read standard input") }
        if paths == ["-"], baseline != nil || writeBaseline != nil {
            throw ValidationError("--baseline and --write-baseline work on files, not standard input")
        }
        if let repeated = Dictionary(grouping: outputs, by: \.file).first(where: { $0.value.count > 1 }) {
            throw ValidationError("--output names '\(repeated.key)' more than once")
        }

    }

    func run() throws {
        let configuration: Configuration
        do {
            configuration = try loadConfiguration()
        } catch {
            Console.error("\(error)")
            throw Exit.failure
        }
        // Checked after loading the configuration: its rule folders may define more rules.
        let known = RuleRegistry.ids.union(configuration.userRules.map(\.id))
        if !select.isEmpty, Self.ids(select).isEmpty {
            Console.error("error: --select names no rule; `postlint rules` lists them")
            throw Exit.failure
        }
        for id in Self.ids(select) + Self.ids(ignore) where !known.contains(id) {
            Console.error("error: unknown rule '\(id)'; `postlint rules` lists them")
            throw Exit.failure
        }
        var linter = Linter(selected: select.isEmpty ? nil : Set(Self.ids(select)), ignored: Set(Self.ids(ignore)))
        if timings { linter.timings = RuleTimings() }
        linter.rulesInParallel = paths == ["-"]
        let mode: FixMode = fix ? (paths == ["-"] ? .preview : .write) : (diff ? .preview : .report)
        var runner = Runner(configuration: configuration, linter: linter, fixMode: mode, includeUnsafe: unsafeFixes)
        runner.linkScope = LinkWriteScope(roots: paths.isEmpty ? ["."] : paths)
        runner.placesRemainingOnOriginal = diff
        // Timed runs lint every file: a cached result would time nothing.
        if mode == .report, !noCache, !timings, paths != ["-"] {
            runner.cache = makeCache(configuration)
        }
        let session = LintSession(command: self, runner: runner)
        defer { linter.timings.map { Console.error($0.report) } }
        if paths == ["-"] {
            if skipsExcludedStandardInput(configuration) {
                session.reportNoFileLinted()
                return
            }
            throw session.runStandardInput()
        }
        let files: [String]
        do {
            files = try filesToLint(configuration)
        } catch {
            Console.error("error: \(error)")
            throw Exit.failure
        }
        throw session.runFiles(files)
    }

    private func filesToLint(_ configuration: Configuration) throws -> [String] {
        var discovery = FileDiscovery(configuration: configuration, forceExclude: forceExclude)
        discovery.respectsGitIgnore = !noIgnore
        discovery.notes = { Console.error($0) }
        discovery.walksForWriting = fix && !diff
        let roots = paths.isEmpty ? ["."] : paths
        let candidates = try discovery.files(for: roots)
        guard changed else { return candidates }
        let touched = try GitChanges.changed(among: candidates, base: base ?? "HEAD", near: roots[0]) { Console.error($0) }
        if touched.isEmpty {
            // As when a folder holds no posts: a run that lints nothing says so.
            Console.error("note: no post in \(roots.joined(separator: " ")) changed against \(base ?? "HEAD"); nothing to lint")
        }
        return touched
    }

    /// With --force-exclude, a `--stdin-filename` the configuration excludes is not linted,
    /// as a file of that name would not be; with --fix, the text goes back unchanged.
    private func skipsExcludedStandardInput(_ configuration: Configuration) -> Bool {
        guard forceExclude, let name = stdinFilename, !FileDiscovery(configuration: configuration).isSelected(name) else { return false }
        // Read either way: a writer that finds the pipe closed may fail.
        let text = FileHandle.standardInput.readDataToEndOfFile()
        if fix { FileHandle.standardOutput.write(text) }
        return true
    }

    private func makeCache(_ configuration: Configuration) -> ResultCache {
        // Everything besides a post that decides its findings: the configuration, the
        // project's words and the user's own rule files (an edited pattern must not keep
        // the old pattern's results).
        let ruleFiles = configuration.userRules.map(\.origin).sorted().map { path in
            path + "\n" + ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        }
        let configurationText = (configuration.path.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? "")
            + configuration.projectWords.joined(separator: "\n") + ruleFiles.joined(separator: "\n")
        // The binary's own identity, so a rebuilt postlint (new rules, new rule data)
        // never reuses an older build's results.
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let attributes = try? FileManager.default.attributesOfItem(atPath: executable)
        let build = "\(attributes?[.size] ?? 0)-\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        let selected = select.isEmpty ? "*" : Self.ids(select).sorted().joined(separator: ",")
        let selection = [selected, Self.ids(ignore).sorted().joined(separator: ","), forceExclude ? "force-exclude" : "", build]
        let key = ResultCache.runKey(
            version: PostLintVersion.current, configurationText: configurationText,
            rules: RuleRegistry.descriptions.map(\.id), extra: selection)
        return ResultCache(folder: configuration.baseDirectory, runKey: key)
    }

    private func loadConfiguration() throws -> Configuration {
        var configuration = try readConfiguration()
        try configuration.loadProjectWords()
        return configuration
    }

    private func readConfiguration() throws -> Configuration {
        let cwd = FileManager.default.currentDirectoryPath
        if let config {
            guard FileManager.default.fileExists(atPath: config) else {
                throw ConfigurationError(path: config, line: nil, column: nil, message: "no such file")
            }
            return try Configuration.load(path: config)
        }
        if let found = discoveredForPaths() ?? Configuration.discover(from: cwd) { return try Configuration.load(path: found) }
        return Configuration(baseDirectory: cwd)
    }

    /// The `.postlint.yml` nearest the paths given, when they all share one: `postlint lint
    /// ~/blog` (or `make -C`, an editor) lints the blog by its own configuration, not by the
    /// current folder's or none (its excluded drafts were fixed). Paths under different
    /// configurations, standard input and no path at all keep the current folder's.
    private func discoveredForPaths() -> String? {
        let named = paths.filter { $0 != "-" }
        guard !named.isEmpty, named.count == paths.count else { return nil }
        let found = Set(named.map { path -> String? in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            let folder = exists && isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
            return Configuration.discover(from: folder.isEmpty ? "." : folder)
        })
        guard found.count == 1, let only = found.first else { return nil }
        return only
    }

    /// The rule ids of repeated, comma-separated options (`--ignore typo --ignore a,b`).
    static func ids(_ lists: [String]) -> [String] {
        lists.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
