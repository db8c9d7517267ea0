import Foundation

public struct GitError: Error, CustomStringConvertible, Sendable {
    public let reason: String
    /// What git said on standard error, empty when it could not be run.
    var message = ""
    public var description: String { "git: \(reason)" }

    /// Git's first line of complaint, or the reason when it said nothing.
    var firstLine: String {
        message.split(separator: "\n").first.map(String.init) ?? reason
    }
}

/// The files a change touched, asked of git itself: what a pull request changed against
/// its base (`--changed --base origin/main`), or what is not committed yet (`--changed`).
public enum GitChanges {
    /// The files among `candidates` (spelt as the user spelt them) that changed since
    /// `base`, asking the repository that holds `path`, the first path given.
    /// `note` hears what the user should know about the comparison (no merge base).
    public static func changed(
        among candidates: [String], base: String, near path: String, note: (String) -> Void = { _ in }
    ) throws -> [String] {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let folder = exists && isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        let touched = try changedFiles(base: base, in: folder.isEmpty ? "." : folder, note: note)
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
    static func changedFiles(base: String, in directory: String, note: (String) -> Void = { _ in }) throws -> Set<String> {
        let root: String
        do {
            root = try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch let error as GitError where error.message.contains("not a git repository") {
            throw GitError(reason: "--changed compares with git, and \(directory) is not inside a git repository; name the posts instead")
        }
        if base != "HEAD", (try? git(["rev-parse", "--verify", "--quiet", base + "^{commit}"], in: root)) == nil {
            // Else `merge-base` fails too and the note below would blame a shallow clone.
            throw GitError(reason: "--base \(base) names no commit here (no branch, tag or commit of that name; a CI checkout may need `git fetch origin \(base)` first)")
        }
        let mergeBase = try? git(["merge-base", base, "HEAD"], in: root).trimmingCharacters(in: .whitespacesAndNewlines)
        let names: String
        if mergeBase == nil, base == "HEAD" {
            // HEAD is its own merge base whenever it exists: there is no commit yet, and all
            // that is staged is new.
            names = try git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], in: root)
        } else {
            if mergeBase == nil {
                // A shallow clone (CI checkouts are, by default) holds no common ancestor:
                // the diff is then against the base itself, which also counts what the base
                // changed since the branch left it.
                note("note: no merge base of \(base) and HEAD (a shallow clone?); comparing with \(base) itself, so files only \(base) changed count too. Fetch more history (fetch-depth: 0) to compare with the merge base")
            }
            let changed = try git(["diff", "--name-only", "-z", "--diff-filter=ACMR", mergeBase ?? base, "--"], in: root)
            names = try changed + git(["ls-files", "-z", "--others", "--exclude-standard"], in: root)
        }
        // git gives its top level with links resolved; resolved again in case it did not.
        let prefix = FileDiscovery.folderPrefix(FileDiscovery.realPath(root) ?? root)
        return Set(names.split(separator: "\0").map { prefix + $0 })
    }

    /// Runs git in `directory`, given by `-C` and without the variables a git hook runs
    /// with: a hook's relative `GIT_DIR=.git` (or its `GIT_WORK_TREE`, `GIT_INDEX_FILE`)
    /// would point git at another folder's repository, or at none.
    static func git(_ arguments: [String], in directory: String) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        for name in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX"] { environment[name] = nil }
        let result: Subprocess.Result
        do {
            result = try Subprocess.run(["git", "-C", directory] + arguments, environment: environment)
        } catch {
            throw GitError(reason: "cannot run git (\(error))")
        }
        guard result.status == 0 else {
            let text = String(decoding: result.errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw GitError(reason: "`git \(arguments.joined(separator: " "))` failed: \(text)", message: text)
        }
        return String(decoding: result.output, as: UTF8.self)
    }
}
