import Foundation

public struct DiscoveryError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}

/// Turns the paths given on the command line into the sorted list of files to lint.
public struct FileDiscovery: Sendable {
    public let configuration: Configuration
    /// Apply the configuration's excludes to files named explicitly too (for hooks that
    /// pass every staged file).
    public var forceExclude = false
    /// Leave out of folder walks what git ignores, inside a git work tree (`--no-ignore`
    /// turns it off); files and folders named explicitly are linted all the same.
    public var respectsGitIgnore = true
    /// Told, once a run, when git could not say what it ignores inside a work tree (a
    /// repository of another owner, as in many CI containers): then every file is linted.
    public var notes: @Sendable (String) -> Void = { _ in }
    /// For `--fix`: stop when git cannot say what it ignores (`--fix` would write files git
    /// ignores: a vendored theme's README, a build's output), and leave out links to files
    /// the walk leaves out (it would write through them).
    public var walksForWriting = false
    /// The configuration's folder, absolute and standardized, with a trailing `/`: made
    /// once, not for every file a run asks about.
    private let basePrefix: String

    public init(configuration: Configuration, forceExclude: Bool = false) {
        self.configuration = configuration
        self.forceExclude = forceExclude
        basePrefix = Self.folderPrefix(configuration.baseDirectory)
    }

    /// A folder, absolute and standardized, with a trailing `/`: what `relative` takes.
    static func folderPrefix(_ folder: String) -> String {
        let standardized = standardized(folder)
        return standardized.hasSuffix("/") ? standardized : standardized + "/"
    }

    /// `path` relative to the folder `prefix` names (see `folderPrefix`), nil when outside it.
    static func relative(_ path: String, under prefix: String) -> String? {
        let absolute = standardized(path)
        return absolute.utf8.starts(with: prefix.utf8) ? String(decoding: absolute.utf8.dropFirst(prefix.utf8.count), as: UTF8.self) : nil
    }

    /// Files to lint, sorted and without duplicates: `posts` and `./posts/a.md`, or a
    /// symbolic link and the file it points at, name one file once (linted twice, a file
    /// was fixed twice, in parallel). Paths keep the form the user gave; of two forms, one
    /// without a symbolic link wins (a baseline or `--changed` names the file, not a link
    /// that sorts first), else the first.
    public func files(for arguments: [String]) throws -> [String] {
        var found: [Candidate] = []
        var gitFailure: GitError?
        // Folders named twice (`site site/themes`) walk a repository inside them twice: said once.
        var unlistedSaid: Set<String> = []
        defer {
            if let gitFailure {
                notes("note: git could not list ignored files (\(gitFailure.firstLine)); linting every file; add --no-ignore to silence this")
            }
        }
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw DiscoveryError(path: argument, reason: "no such file or folder")
            }
            if isFolder.boolValue {
                found += walk(argument, gitFailure: &gitFailure, unlistedSaid: &unlistedSaid)
                if walksForWriting, let failure = gitFailure {
                    defer { gitFailure = nil }
                    throw DiscoveryError(path: argument, reason: "git could not list ignored files (\(failure.firstLine)), "
                        + "so --fix could write files git ignores; name the posts to fix, make git work here, or add --no-ignore to fix every file")
                }
            } else if !forceExclude || isSelected(argument) {
                // Named, it is linted even when it is not a regular file: the run reports it.
                found.append(Candidate(path: argument, isSymbolicLink: FileWriter.isSymbolicLink(argument)))
            }
        }
        var realPaths = RealPaths()
        var kept: [String: (candidate: Candidate, linkCount: Int)] = [:]
        for candidate in found {
            let real = realPaths.of(candidate)
            let linkCount = realPaths.linkCount(candidate)
            if let earlier = kept[real], earlier.linkCount <= linkCount { continue }
            kept[real] = (candidate, linkCount)
        }
        return kept.values.map(\.candidate.path).sorted()
    }

    /// Whether a file would be linted by a walk of its folder: the configuration's include
    /// and exclude inside its folder, the default posts outside it. Also what
    /// `--force-exclude` asks of a standard input's `--stdin-filename`.
    public func isSelected(_ path: String) -> Bool {
        // What a walk never enters (`.postlint/`, `node_modules/`) is not linted when named either.
        let folders = path.split(separator: "/").dropLast()
        if folders.contains(where: { Self.alwaysSkippedFolder(String($0)) }) { return false }
        return isIncluded(path)
    }

    private func isIncluded(_ path: String) -> Bool {
        guard let relative = relativeToBase(path, outside: nil) else {
            // Outside the configuration's folder its globs mean nothing: take every post.
            return Configuration.hasPostExtension(path)
        }
        return configuration.isIncluded(relativePath: relative)
    }

    /// A file a walk found, sorted within its walk so that of a file and a link to it the
    /// same spelling wins every run.
    struct Candidate {
        let path: String
        let isSymbolicLink: Bool
    }

    private func walk(_ folder: String, gitFailure: inout GitError?, unlistedSaid: inout Set<String>) -> [Candidate] {
        let prefix = folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        let ignores = WalkIgnores(folder: folder, listing: respectsGitIgnore)
        defer { gitFailure = gitFailure ?? ignores.failure }
        var files: [Candidate] = []
        // `readdir` gives each entry's type without a `stat` per file (FileManager's
        // enumerator asks for every file's attributes, a third of a small run's time).
        let found = Self.entries(below: folder, skipping: ignores.contains, enteringRepository: ignores.enter)
        for (repository, error) in ignores.unlisted
        where unlistedSaid.insert(Self.realPath(prefix + repository) ?? prefix + repository).inserted {
            notes(walksForWriting
                ? "\(prefix + repository): skipped: git could not list what this repository ignores (\(error.firstLine)); name its posts to fix them, or add --no-ignore"
                : "note: git could not list ignored files in \(prefix + repository) (\(error.firstLine)); linting every file there")
        }
        for entry in found {
            let path = prefix + entry.name
            // `--fix` does not write where it cannot tell what git ignores.
            if walksForWriting, ignores.unlistedRepository(holding: entry.name) != nil { continue }
            if !entry.isFolder, entry.name.split(separator: "/").last == Substring(Configuration.fileName) {
                sayUnread(configuration: path)
            }
            if entry.isFolder {
                // Listed so the run reports it: a folder it cannot enter is not "clean".
                if !entry.isReadable { files.append(Candidate(path: path, isSymbolicLink: false)) }
                continue
            }
            if isIncluded(path) {
                // A link to nothing is no post of the folder's: said, and left out (named on
                // the command line, it is an error of the run).
                if entry.isSymbolicLink, let target = Self.danglingTarget(path) {
                    notes("\(path): skipped: a symbolic link to '\(target)', which does not exist")
                    continue
                }
                // A link to a file the walk leaves out (`node_modules/`, an excluded draft,
                // an ignored build) would let `--fix` write there.
                if walksForWriting, entry.isSymbolicLink, let target = leftOutTarget(of: path, walking: folder, ignores: ignores) {
                    let written = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? target
                    notes("\(path): skipped: a symbolic link to '\(written)', which a walk leaves out (excluded, ignored or never entered)")
                    continue
                }
                files.append(Candidate(path: path, isSymbolicLink: entry.isSymbolicLink))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// A `.postlint.yml` the walk passes that is not the run's: it would be easy to believe
    /// it applies to the posts beside it (a repository holding two blogs).
    private func sayUnread(configuration other: String) {
        guard Self.standardized(other) != configuration.path.map(Self.standardized) else { return }
        let used = configuration.path.map { "the run's is \($0)" } ?? "the run uses the defaults"
        notes("note: \(other) is not read: one configuration applies to a run (\(used)); lint that folder in a run of its own to use it")
    }

    /// The target of a link, when it lies in the walked folder but the walk would not
    /// take it: excluded by the configuration, in a folder never entered (`node_modules/`;
    /// not `.git/`, where git-annex keeps the posts it links to), ignored by git, or in a
    /// repository git could not list.
    private func leftOutTarget(of link: String, walking folder: String, ignores: WalkIgnores) -> String? {
        guard let target = Self.realPath(link), let root = Self.realPath(folder),
            let inside = Self.relative(target, under: Self.folderPrefix(root))
        else { return nil }
        let folders = inside.split(separator: "/").dropLast().map(String.init)
        let neverEntered = folders.first != ".git" && folders.contains(where: Self.alwaysSkippedFolder)
        let prefixes = folders.indices.map { folders[...$0].joined(separator: "/") }
        let isIgnored = ([inside] + prefixes).contains(where: ignores.contains) || ignores.unlistedRepository(holding: inside) != nil
        let isExcluded = relativeToBase(target, outside: nil).map { configuration.isExcluded(relativePath: $0) } ?? false
        return neverEntered || isIgnored || isExcluded ? target : nil
    }

    struct Entry {
        /// Relative to the folder walked.
        let name: String
        let isFolder: Bool
        let isReadable: Bool
        var isSymbolicLink = false
    }

    /// Every folder, regular file and symbolic link below `folder` (depth first), skipping
    /// `alwaysSkippedFolders`, `.build*` and the paths (relative to `folder`) `skipped`
    /// says yes to, folders unentered. Symbolic links are entries, never followed
    /// into; FIFOs, sockets and devices (and links to them) are left out: reading a FIFO
    /// waits for a writer forever. `enteringRepository` hears of each folder below `folder`
    /// holding a `.git`, before its entries are asked about.
    static func entries(
        below folder: String, skipping skipped: (String) -> Bool = { _ in false }, enteringRepository: (String) -> Void = { _ in }
    ) -> [Entry] {
        var found: [Entry] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder : (folder.hasSuffix("/") ? folder : folder + "/") + relative
            guard let directory = opendir(path) else { continue }
            // A submodule or a clone inside the walked one: its own `.gitignore` rules what
            // lies below it, before its entries are asked about.
            if !relative.isEmpty, access(path + "/.git", F_OK) == 0 { enteringRepository(relative) }
            defer { closedir(directory) }
            var children: [String] = []
            while let pointer = readdir(directory) {
                let name = withUnsafeBytes(of: pointer.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                if skipped(childRelative) { continue }
                let childPath = path + "/" + name
                var type = pointer.pointee.d_type
                if type == UInt8(DT_UNKNOWN) { type = entryType(childPath) }
                switch type {
                case UInt8(DT_REG):
                    found.append(Entry(name: childRelative, isFolder: false, isReadable: true))
                case UInt8(DT_LNK) where !leadsToOtherThanAFile(childPath):
                    found.append(Entry(name: childRelative, isFolder: false, isReadable: true, isSymbolicLink: true))
                case UInt8(DT_DIR) where !alwaysSkippedFolder(name):
                    let readable = access(childPath, R_OK | X_OK) == 0
                    found.append(Entry(name: childRelative, isFolder: true, isReadable: readable))
                    if readable { children.append(childRelative) }
                default:
                    continue
                }
            }
            pending += children.reversed()
        }
        return found
    }

    /// The `d_type` of a file system that does not fill it in; a file that cannot be
    /// looked at counts as a file, so the run reports it.
    private static func entryType(_ path: String) -> UInt8 {
        var info = stat()
        guard lstat(path, &info) == 0 else { return UInt8(DT_REG) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return UInt8(DT_DIR)
        case S_IFREG: return UInt8(DT_REG)
        case S_IFLNK: return UInt8(DT_LNK)
        default: return UInt8(DT_FIFO)
        }
    }

    /// The target of a symbolic link that leads nowhere, nil for any other path.
    static func danglingTarget(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) != 0, lstat(path, &info) == 0 else { return nil }
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }

    /// A link to a folder, FIFO, socket or device. A dangling link is kept, to be reported.
    private static func leadsToOtherThanAFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
    }

    static func alwaysSkippedFolder(_ name: String) -> Bool {
        Configuration.alwaysSkippedFolders.contains(name) || name.hasPrefix(".build")
    }

    /// The path relative to the configuration's folder, which globs are written against.
    func relativeToBase(_ path: String) -> String {
        relativeToBase(path, outside: path) ?? path
    }

    /// The path relative to the configuration's folder, or `outside` when it is not in it.
    func relativeToBase(_ path: String, outside: String?) -> String? {
        Self.relative(path, under: basePrefix) ?? outside
    }

    /// The absolute form of `path` with `.` and `..` resolved, as
    /// `URL(fileURLWithPath:).standardizedFileURL.path` gives it, but by work on the path's
    /// bytes alone: that URL asks the file system (and the environment) for every file of a
    /// run, and splitting the String into Characters cost a tenth of a run's file handling.
    static func standardized(_ path: String) -> String {
        let absolute = Array((path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path).utf8)
        var components: [Range<Int>] = []
        var start = 0
        for end in absolute.indices where absolute[end] == UInt8(ascii: "/") || end == absolute.count - 1 {
            let component = start..<(absolute[end] == UInt8(ascii: "/") ? end : end + 1)
            start = end + 1
            switch absolute[component].count {
            case 0: continue
            case 1 where absolute[component.lowerBound] == UInt8(ascii: "."): continue
            case 2 where absolute[component].elementsEqual("..".utf8):
                if !components.isEmpty { components.removeLast() }
                continue
            default: components.append(component)
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(absolute.count)
        for component in components {
            result.append(UInt8(ascii: "/"))
            result += absolute[component]
        }
        return result.isEmpty ? "/" : String(decoding: result, as: UTF8.self)
    }

    /// The path with every symbolic link resolved, nil when it leads nowhere.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Where each found file really is, to tell two spellings of one file apart: the real path
/// of its folder, resolved once per folder rather than once per file, and its name; for a
/// symbolic link, the real path of the file it points at.
struct RealPaths {
    /// Each folder's real path, and whether that differs from its spelling standardized.
    private var folders: [Substring: (real: String, isLinked: Bool)] = [:]

    mutating func of(_ candidate: FileDiscovery.Candidate) -> String {
        candidate.isSymbolicLink ? FileDiscovery.realPath(candidate.path) ?? FileDiscovery.standardized(candidate.path) : location(of: candidate.path)
    }

    /// The real path of the file's folder and its name: where git sees a file, a link
    /// included (git tracks the link, not what it points at).
    mutating func location(of path: String) -> String {
        let (folder, name) = Self.split(path)
        let real = realFolder(folder).real
        return real.hasSuffix("/") ? real + name : real + "/" + name
    }

    /// How many symbolic links stand between the path as spelt and the file: the file
    /// itself is one, a linked folder on its way another.
    mutating func linkCount(_ candidate: FileDiscovery.Candidate) -> Int {
        (candidate.isSymbolicLink ? 1 : 0) + (realFolder(Self.split(candidate.path).folder).isLinked ? 1 : 0)
    }

    private static func split(_ path: String) -> (folder: Substring, name: Substring) {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? path[...$0] : path[..<$0] } ?? "."
        return (folder, slash.map { path[path.index(after: $0)...] } ?? path[...])
    }

    private mutating func realFolder(_ folder: Substring) -> (real: String, isLinked: Bool) {
        if let known = folders[folder] { return known }
        let standardized = FileDiscovery.standardized(String(folder))
        let real = FileDiscovery.realPath(String(folder)) ?? standardized
        folders[folder] = (real, real != standardized)
        return (real, real != standardized)
    }
}
