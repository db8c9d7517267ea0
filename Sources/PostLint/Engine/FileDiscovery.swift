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

    /// Files to lint, sorted and without duplicates (`posts` and `./posts/a.md` name
    /// `posts/a.md` once: linted twice, a file was fixed twice, the second write refused).
    /// Paths keep the form the user gave; the first form wins.
    public func files(for arguments: [String]) throws -> [String] {
        var found: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw DiscoveryError(path: argument, reason: "no such file or folder")
            }
            if isFolder.boolValue {
                found += walk(argument)
            } else if !forceExclude || isSelected(argument) {
                found.append(argument)
            }
        }
        var seen: Set<String> = []
        return found.filter { seen.insert(Self.standardized($0)).inserted }.sorted()
    }

    /// Whether a file would be linted by a walk of its folder: the configuration's include
    /// and exclude inside its folder, the default posts outside it.
    private func isSelected(_ path: String) -> Bool {
        // What a walk never enters (`.postlint/`, `node_modules/`) is not linted when named either.
        let folders = path.split(separator: "/").dropLast()
        if folders.contains(where: { Self.alwaysSkippedFolder(String($0)) }) { return false }
        guard let relative = relativeToBase(path, outside: nil) else { return Self.defaultInclude.contains { $0.matches(path) } }
        return configuration.isIncluded(relativePath: relative)
    }

    private func walk(_ folder: String) -> [String] {
        let prefix = folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        var files: [String] = []
        // `readdir` gives each entry's type without a `stat` per file (FileManager's
        // enumerator asks for every file's attributes, a third of a small run's time).
        for entry in Self.entries(below: folder) {
            let path = prefix + entry.name
            if entry.isFolder {
                // Listed so the run reports it: a folder it cannot enter is not "clean".
                if !entry.isReadable { files.append(path) }
                continue
            }
            if let relative = relativeToBase(path, outside: nil) {
                if configuration.isIncluded(relativePath: relative) { files.append(path) }
            } else if Self.defaultInclude.contains(where: { $0.matches(path) }) {
                // Outside the configuration's folder its globs mean nothing: take every post.
                files.append(path)
            }
        }
        return files
    }

    struct Entry {
        /// Relative to the folder walked.
        let name: String
        let isFolder: Bool
        let isReadable: Bool
    }

    /// Every entry below `folder` (depth first), skipping `alwaysSkippedFolders` and
    /// `.build*`. Symbolic links are entries, never followed into.
    static func entries(below folder: String) -> [Entry] {
        var found: [Entry] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder : (folder.hasSuffix("/") ? folder : folder + "/") + relative
            guard let directory = opendir(path) else { continue }
            defer { closedir(directory) }
            var children: [String] = []
            while let pointer = readdir(directory) {
                let name = withUnsafeBytes(of: pointer.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                let childPath = path + "/" + name
                var type = pointer.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    type = lstat(childPath, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                guard type == UInt8(DT_DIR) else {
                    found.append(Entry(name: childRelative, isFolder: false, isReadable: true))
                    continue
                }
                if alwaysSkippedFolder(name) { continue }
                let readable = access(childPath, R_OK | X_OK) == 0
                found.append(Entry(name: childRelative, isFolder: true, isReadable: readable))
                if readable { children.append(childRelative) }
            }
            pending += children.reversed()
        }
        return found
    }

    static func alwaysSkippedFolder(_ name: String) -> Bool {
        Configuration.alwaysSkippedFolders.contains(name) || name.hasPrefix(".build")
    }

    static let defaultInclude = Configuration.defaultInclude.map { Glob($0) }

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
}
