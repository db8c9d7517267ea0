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

    public init(configuration: Configuration, forceExclude: Bool = false) {
        self.configuration = configuration
        self.forceExclude = forceExclude
    }

    /// Files to lint, sorted and without duplicates. Paths keep the form the user gave.
    public func files(for arguments: [String]) throws -> [String] {
        var found: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw DiscoveryError(path: argument, reason: "no such file or folder")
            }
            if isFolder.boolValue {
                found += walk(argument)
            } else if !forceExclude || !configuration.isExcluded(relativePath: relativeToBase(argument)) {
                found.append(argument)
            }
        }
        var seen: Set<String> = []
        return found.filter { seen.insert($0).inserted }.sorted()
    }

    private func walk(_ folder: String) -> [String] {
        let prefix = folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        var files: [String] = []
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        while let name = walker.nextObject() as? String {
            let last = (name as NSString).lastPathComponent
            let type = walker.fileAttributes?[.type] as? FileAttributeType
            if type == .typeDirectory {
                if Configuration.alwaysSkippedFolders.contains(last) || last.hasPrefix(".build") {
                    walker.skipDescendants()
                } else if access(prefix + name, R_OK | X_OK) != 0 {
                    // Listed so the run reports it: a folder it cannot enter is not "clean".
                    files.append(prefix + name)
                }
                continue
            }
            let path = prefix + name
            if let relative = relativeToBase(path, outside: nil) {
                if configuration.isIncluded(relativePath: relative) { files.append(path) }
            } else if Self.defaultInclude.contains(where: { $0.matches(path) }) {
                // Outside the configuration's folder its globs mean nothing: take every post.
                files.append(path)
            }
        }
        return files
    }

    static let defaultInclude = Configuration.defaultInclude.map { Glob($0) }

    /// The path relative to the configuration's folder, which globs are written against.
    func relativeToBase(_ path: String) -> String {
        relativeToBase(path, outside: path) ?? path
    }

    /// The path relative to the configuration's folder, or `outside` when it is not in it.
    func relativeToBase(_ path: String, outside: String?) -> String? {
        let absolute = Self.standardized(path)
        let base = Self.standardized(configuration.baseDirectory)
        let basePrefix = base.hasSuffix("/") ? base : base + "/"
        return absolute.hasPrefix(basePrefix) ? String(absolute.dropFirst(basePrefix.count)) : outside
    }

    /// The absolute form of `path` with `.` and `..` resolved, as
    /// `URL(fileURLWithPath:).standardizedFileURL.path` gives it, but by string work alone:
    /// that URL asks the file system (and the environment) for every file of a run.
    static func standardized(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var components: [Substring] = []
        for component in absolute.split(separator: "/") {
            if component == "." { continue }
            if component == ".." {
                if !components.isEmpty { components.removeLast() }
                continue
            }
            components.append(component)
        }
        return "/" + components.joined(separator: "/")
    }
}
