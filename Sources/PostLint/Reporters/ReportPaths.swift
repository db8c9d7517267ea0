import Foundation

/// Paths as CI reports need them: relative to the folder the run started in (the
/// repository root in CI), so GitHub, GitLab and SARIF viewers can link them to files.
public enum ReportPaths {
    /// `path` relative to `base` when it lies inside it, else `path` standardised;
    /// never with a leading `./`.
    public static func relative(_ path: String, to base: String) -> String {
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base, isDirectory: true))
            .standardizedFileURL.path
        let root = URL(fileURLWithPath: base, isDirectory: true).standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if absolute.hasPrefix(prefix) { return String(absolute.dropFirst(prefix.count)) }
        return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    /// `path`, given relative to `workingDirectory` (as the user named it), relative to
    /// `root` instead when it lies inside it, else absolute.
    public static func relative(_ path: String, from workingDirectory: String, to root: String) -> String {
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
        return relative(absolute.standardizedFileURL.path, to: root)
    }

    /// The folder SARIF's `%SRCROOT%` names: the repository's top level (the nearest
    /// folder from `workingDirectory` up that holds `.git`), else the configuration's
    /// folder, else `workingDirectory`. Code scanning resolves paths against the
    /// repository, so a run from a subfolder must still give repository paths.
    public static func sourceRoot(workingDirectory: String, configurationFolder: String?) -> String {
        var folder = URL(fileURLWithPath: workingDirectory, isDirectory: true).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return configurationFolder ?? workingDirectory
    }

    /// A relative path as a URI reference: every byte outside RFC 3986's unreserved set
    /// and `/` percent-encoded (spaces, `#`, `?`, `%`, non-ASCII).
    public static func uriReference(_ relativePath: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~/")
        return relativePath.addingPercentEncoding(withAllowedCharacters: allowed) ?? relativePath
    }

    /// The absolute `file://` URI of a folder, ending in `/` as SARIF's
    /// `originalUriBaseIds` require.
    public static func folderURI(_ folder: String) -> String {
        let path = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL.path
        let encoded = uriReference(path.hasSuffix("/") ? path : path + "/")
        return "file://" + encoded
    }
}
