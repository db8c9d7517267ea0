import Foundation

public struct GitError: Error, CustomStringConvertible, Sendable {
    public let reason: String
    public var description: String { "git: \(reason)" }
}

/// The files a change touched, asked of git itself: what a pull request changed against
/// its base (`--changed --base origin/main`), or what is not committed yet (`--changed`).
public enum GitChanges {
    /// Paths relative to `directory` of files added, copied, modified or renamed since
    /// `base` (its merge base with HEAD when it is a branch), plus untracked files.
    public static func changedFiles(base: String, in directory: String) throws -> [String] {
        let root = try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        let since = (try? git(["merge-base", base, "HEAD"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)) ?? base
        let changed = try git(["diff", "--name-only", "-z", "--diff-filter=ACMR", since, "--"], in: root)
        let untracked = try git(["ls-files", "-z", "--others", "--exclude-standard"], in: root)
        let names = (changed + untracked).split(separator: "\0").map(String.init)
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        let here = URL(fileURLWithPath: directory).standardizedFileURL.path
        let herePrefix = here.hasSuffix("/") ? here : here + "/"
        var seen: Set<String> = []
        return names.compactMap { name in
            let absolute = rootURL.appendingPathComponent(name).path
            guard absolute.hasPrefix(herePrefix), FileManager.default.fileExists(atPath: absolute) else { return nil }
            let relative = String(absolute.dropFirst(herePrefix.count))
            return seen.insert(relative).inserted ? relative : nil
        }.sorted()
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
