import Foundation

public struct GitError: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public var description: String { "git: \(reason)" }
}

/// The files a change touched, asked of git itself: what a pull request changed against
/// its base (`--changed --base origin/main`), or what is not committed yet (`--changed`).
public enum GitChanges {
    /// The files among `candidates` (spelt as the user spelt them) that changed since
    /// `base`, asking the repository that holds `path`, the first path given.
    public static func changed(among candidates: [String], base: String, near path: String) throws -> [String] {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let folder = exists && isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        let touched = try changedFiles(base: base, in: folder.isEmpty ? "." : folder)
        // Both sides real paths: `$PWD/posts`, `../posts`, `posts` and a link to the
        // repository name one folder. A link counts as changed when it or its target did.
        var realPaths = RealPaths()
        return candidates.filter { candidate in
            touched.contains(realPaths.location(of: candidate)) || FileDiscovery.realPath(candidate).map(touched.contains) == true
        }
    }

    /// Absolute paths of files added, copied, modified or renamed since `base` (its merge
    /// base with HEAD when it is a branch), plus untracked files. In a repository with no
    /// commit yet, every staged or untracked file.
    static func changedFiles(base: String, in directory: String) throws -> Set<String> {
        let root = try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        let mergeBase = try? git(["merge-base", base, "HEAD"], in: root).trimmingCharacters(in: .whitespacesAndNewlines)
        let names: String
        if mergeBase == nil, base == "HEAD" {
            // HEAD is its own merge base whenever it exists: there is no commit yet, and all
            // that is staged is new.
            names = try git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], in: root)
        } else {
            let changed = try git(["diff", "--name-only", "-z", "--diff-filter=ACMR", mergeBase ?? base, "--"], in: root)
            names = try changed + git(["ls-files", "-z", "--others", "--exclude-standard"], in: root)
        }
        // git gives its top level with links resolved; resolved again in case it did not.
        let prefix = FileDiscovery.folderPrefix(FileDiscovery.realPath(root) ?? root)
        return Set(names.split(separator: "\0").map { prefix + $0 })
    }

    static func git(_ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw GitError(reason: "cannot run git (\(error))")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw GitError(reason: "`git \(arguments.joined(separator: " "))` failed: \(text)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// What a folder walk inside a git work tree may lint: what git tracks or would track, as
/// ruff and typos do, so `lint --fix` at a Jekyll root leaves `vendor/` and `_site/` alone.
/// One `git ls-files` per walked folder, not one question per file.
struct GitVisibleFiles {
    /// Paths relative to the walked folder. A nested repository or a submodule is one
    /// entry, its folder: git does not list its files one by one.
    private let listed: Set<Substring>

    /// Nil outside a git work tree, or without git: then nothing is left out.
    init?(in folder: String) {
        let arguments = ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]
        guard let listing = try? GitChanges.git(arguments, in: folder) else { return nil }
        listed = Set(listing.split(separator: "\0").map { $0.hasSuffix("/") ? $0.dropLast() : $0 })
    }

    /// Whether git lists the file, or a folder it is in.
    func contains(_ relativePath: String) -> Bool {
        var path = Substring(relativePath)
        while true {
            if listed.contains(path) { return true }
            guard let slash = path.lastIndex(of: "/") else { return false }
            path = path[..<slash]
        }
    }
}
