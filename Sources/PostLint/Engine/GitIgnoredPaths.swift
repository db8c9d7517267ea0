import Foundation

/// What a folder walk inside a git work tree leaves out: what git ignores, as ripgrep,
/// ruff and typos do, so `lint --fix` at a Jekyll root leaves `vendor/` and `_site/` alone.
/// Two git processes per walked folder, not one question per file; an ignored folder is
/// one entry, which the walk does not enter (a `node_modules`-like tree is never read,
/// and an unreadable folder in it is no failure).
struct GitIgnoredPaths {
    /// Paths relative to the walked folder, folders without their trailing `/`: untracked
    /// files git ignores, and folders holding nothing else. A tracked file is never here.
    private let ignored: Set<Substring>

    enum Outcome {
        case listed(GitIgnoredPaths)
        /// No `.git` in the folder or above it: nothing is left out, and nothing to say.
        case outsideAWorkTree
        /// Inside a work tree git could not list: nothing is left out, and the run says so.
        case gitFailed(GitError)
    }

    static func list(in folder: String) -> Outcome {
        // Starting git costs more than a cached run of a whole repository spends on the rest.
        guard hasGitFolder(atOrAbove: folder) else { return .outsideAWorkTree }
        do {
            let prefix = try GitChanges.git(["rev-parse", "--show-prefix"], in: folder).trimmingCharacters(in: .newlines)
            var arguments = ["ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"]
            arguments += reincluding(prefix).map { "--exclude=" + $0 }
            let listing = try GitChanges.git(arguments, in: folder)
            let paths = listing.split(separator: "\0").map { $0.hasSuffix("/") ? $0.dropLast() : $0 }
            return .listed(GitIgnoredPaths(ignored: Set(paths)))
        } catch let error as GitError {
            // An empty `.git` folder, or a submodule's `.git` file whose repository was not
            // copied along: no repository, so nothing it could ignore.
            if error.firstLine.contains("not a git repository") { return .outsideAWorkTree }
            return .gitFailed(error)
        } catch {
            return .outsideAWorkTree
        }
    }

    /// Whether git ignores the entry; the walk asks of a folder's entries only after the
    /// folder itself, so an entry's own path is all there is to look up.
    func contains(_ relativePath: String) -> Bool {
        ignored.contains(Substring(relativePath))
    }

    /// Patterns that bring back the walked folder and each folder above it in the work tree
    /// (`_drafts/deep/` gives `!/_drafts/`, `!/_drafts/deep/`): a folder named to be linted is
    /// linted even when a rule ignores it or a parent, as in ripgrep; rules for what lies
    /// below it still apply. Command-line patterns outrank `.gitignore`, and without them
    /// git lists an ignored folder as a whole (or fails inside it: "directory entry not
    /// superset of prefix").
    private static func reincluding(_ prefix: String) -> [String] {
        var patterns: [String] = []
        var path = "!"
        for folder in prefix.split(separator: "/") {
            path += "/" + escaped(folder)
            patterns.append(path + "/")
        }
        return patterns
    }

    /// A folder name as a gitignore pattern matching just that name.
    private static func escaped(_ name: Substring) -> String {
        var pattern = ""
        for character in name {
            if "\\*?[] ".contains(character) { pattern.append("\\") }
            pattern.append(character)
        }
        return pattern
    }

    /// A `.git` folder (or a worktree's `.git` file) in the folder or one above it.
    private static func hasGitFolder(atOrAbove folder: String) -> Bool {
        var path = FileDiscovery.realPath(folder) ?? FileDiscovery.standardized(folder)
        while true {
            if FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent(".git")) { return true }
            guard path != "/" else { return false }
            path = (path as NSString).deletingLastPathComponent
        }
    }
}

/// What git ignores in one folder walk, repository by repository: git lists the walked
/// repository's ignores only, and a submodule (a Hugo theme) or a clone inside it has
/// `.gitignore` files of its own (the theme's `public/`, its `node_modules/`).
final class WalkIgnores {
    private let listing: Bool
    private let folder: String
    /// The walked folder's repository.
    let top: GitIgnoredPaths?
    /// Repositories inside the walk, by their folder relative to it, innermost last; nil
    /// for one git could not list.
    private var nested: [(folder: String, ignored: GitIgnoredPaths?)] = []
    /// Why git could not list the walked folder's repository.
    private(set) var failure: GitError?
    /// Repositories inside the walk git could not list (a submodule of another owner in a
    /// CI container), and why: what they ignore is unknown, and only below them.
    private(set) var unlisted: [(folder: String, error: GitError)] = []

    init(folder: String, listing: Bool) {
        self.folder = folder
        self.listing = listing
        top = listing ? Self.listed(in: folder, failure: &failure) : nil
    }

    func enter(_ repository: String) {
        guard listing else { return }
        let path = (folder.hasSuffix("/") ? folder : folder + "/") + repository
        var error: GitError?
        let ignored = Self.listed(in: path, failure: &error)
        // A `.git` file that is no repository's, inside the walk: no repository.
        if let found = error, found.firstLine.contains("invalid gitfile format") { return }
        if let error { unlisted.append((repository, error)) }
        if ignored != nil || error != nil { nested.append((repository, ignored)) }
    }

    /// Whether the repository holding the entry ignores it (the innermost one that does).
    func contains(_ relativePath: String) -> Bool {
        if let repository = innermostRepository(holding: relativePath) {
            return repository.ignored?.contains(String(decoding: relativePath.utf8.dropFirst(repository.folder.utf8.count + 1), as: UTF8.self)) ?? false
        }
        return top?.contains(relativePath) ?? false
    }

    /// The folder of an unlisted repository an entry lies in, at any depth (what it
    /// ignores may hold a repository git can list), if any.
    func unlistedRepository(holding relativePath: String) -> String? {
        nested.first { $0.ignored == nil && Self.holds($0.folder, relativePath) }?.folder
    }

    private func innermostRepository(holding relativePath: String) -> (folder: String, ignored: GitIgnoredPaths?)? {
        nested.last { Self.holds($0.folder, relativePath) }
    }

    /// Byte for byte: a folder spelled in NFD is another folder than one spelled in NFC.
    private static func holds(_ folder: String, _ relativePath: String) -> Bool {
        relativePath.utf8.count > folder.utf8.count && relativePath.utf8.starts(with: folder.utf8)
            && relativePath.utf8[relativePath.utf8.index(relativePath.utf8.startIndex, offsetBy: folder.utf8.count)] == UInt8(ascii: "/")
    }

    private static func listed(in folder: String, failure: inout GitError?) -> GitIgnoredPaths? {
        switch GitIgnoredPaths.list(in: folder) {
        case .listed(let paths): return paths
        case .outsideAWorkTree: return nil
        case .gitFailed(let error):
            failure = failure ?? error
            return nil
        }
    }
}
