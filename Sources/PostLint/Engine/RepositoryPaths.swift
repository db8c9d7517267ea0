import Foundation

/// A post's path within its repository, for rules that read what the repository's layout
/// says (`content/ko/post.md` is Korean): the folders above the repository (`~/kr/blog`)
/// say nothing about a post.
enum RepositoryPaths {
    /// The path below the nearest folder holding `.git`; without one, below `base` (the
    /// configuration's folder, or the current one) with that folder's own name kept (run
    /// from inside `content/ko/`, the post is still in `ko/`); nil outside both.
    static func relative(_ path: String, base: String) -> String? {
        let absolute = FileDiscovery.standardized(path)
        let folder = (absolute as NSString).deletingLastPathComponent
        if let root = root(of: folder) {
            return FileDiscovery.relative(absolute, under: FileDiscovery.folderPrefix(root))
        }
        let standardBase = FileDiscovery.standardized(base)
        guard let below = FileDiscovery.relative(absolute, under: FileDiscovery.folderPrefix(standardBase)) else { return nil }
        let name = (standardBase as NSString).lastPathComponent
        return name.isEmpty || name == "/" ? below : name + "/" + below
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var roots: [String: String?] = [:]

    /// The nearest folder at or above `folder` that holds `.git`, asked once per folder.
    static func root(of folder: String) -> String? {
        lock.lock()
        if let known = roots[folder] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let found: String?
        if FileManager.default.fileExists(atPath: folder + "/.git") {
            found = folder
        } else {
            let parent = (folder as NSString).deletingLastPathComponent
            found = parent == folder || parent.isEmpty ? nil : root(of: parent)
        }
        lock.lock()
        roots[folder] = found
        lock.unlock()
        return found
    }
}
