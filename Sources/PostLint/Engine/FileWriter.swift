import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct FileWriteError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let reason: String
    public var description: String { "\(path): not written: \(reason)" }
}

/// Where `--fix` may write through a symbolic link: to a file inside a folder named on the
/// command line, inside the folder of a file named there, or to a named file itself. So a
/// link in `posts/` to `../secret.md` is refused wherever the run starts, and a link to a
/// post next to it is followed wherever it starts.
public struct LinkWriteScope: Sendable {
    /// Real paths, each with a trailing `/`.
    private let folders: [String]
    private let files: Set<String>

    /// - Parameter roots: the paths given on the command line.
    public init(roots: [String]) {
        var folders: [String] = []
        var files: Set<String> = []
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { continue }
            let folder = isFolder.boolValue ? root : (root as NSString).deletingLastPathComponent
            if let real = FileDiscovery.realPath(folder.isEmpty ? "." : folder) { folders.append(FileDiscovery.folderPrefix(real)) }
            // A named link does not widen the scope to wherever it points.
            if !isFolder.boolValue, !FileWriter.isSymbolicLink(root), let real = FileDiscovery.realPath(root) { files.insert(real) }
        }
        self.folders = folders
        self.files = files
    }

    func allows(_ target: String) -> Bool {
        files.contains(target) || folders.contains { target.hasPrefix($0) }
    }
}

/// Replaces a file's contents atomically: the new bytes go to a temporary file in the same
/// folder, take the original's owner, group, permissions and extended attributes, are
/// flushed to disk and renamed over it. A crash at any point leaves either the old file or
/// the new one, never a mix. What cannot be kept is a reason not to write.
public enum FileWriter {
    /// The post's name as the temporary file's starts: cut to 200 bytes (at a character),
    /// so the 17 bytes added stay within a file name's 255 (80 Korean syllables are 240).
    static func shortened(_ name: String) -> String {
        var length = 0
        return String(String.UnicodeScalarView(name.unicodeScalars.prefix { scalar in
            length += UTF8.width(scalar)
            return length <= 200
        }))
    }

    /// - Parameter expected: the bytes the file held when it was read; if the file changed
    ///   since, it is not overwritten.
    /// - Parameter linkScope: where a symbolic link may be written through.
    public static func replace(
        _ path: String, with bytes: [UInt8], expecting expected: [UInt8],
        linkScope: LinkWriteScope = LinkWriteScope(roots: ["."])
    ) throws {
        let target = resolvedTarget(path)
        if isSymbolicLink(path), !linkScope.allows(target) {
            throw FileWriteError(path: path, reason: "it is a symbolic link to \(target), outside the linted tree")
        }
        let parent = (target as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        let status = try replaceableStatus(of: target, in: folder, path: path, expecting: expected)
        let name = (target as NSString).lastPathComponent
        var template = Array((folder + "/.\(Self.shortened(name)).postlint-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw FileWriteError(path: path, reason: "cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        do {
            defer { close(descriptor) }
            guard writeAll(bytes, to: descriptor) else {
                throw FileWriteError(path: path, reason: "writing the temporary file failed: \(String(cString: strerror(errno)))")
            }
            try FileMetadata.copy(status, attributesOf: target, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else {
                throw FileWriteError(path: path, reason: "writing the temporary file failed: \(String(cString: strerror(errno)))")
            }
        }
        stallForCrashTest()
        guard rename(temporary, target) == 0 else {
            throw FileWriteError(path: path, reason: "rename failed: \(String(cString: strerror(errno)))")
        }
        succeeded = true
    }

    /// The file's status, when it may be replaced: unchanged since it was read, writable,
    /// and with one name (renaming over one of its hard links would leave the others
    /// holding the old text).
    private static func replaceableStatus(of target: String, in folder: String, path: String, expecting expected: [UInt8]) throws -> stat {
        guard let current = FileManager.default.contents(atPath: target) else {
            throw FileWriteError(path: path, reason: "it can no longer be read")
        }
        guard Array(current) == expected else {
            throw FileWriteError(path: path, reason: "it changed on disk while postlint was running")
        }
        var status = stat()
        guard stat(target, &status) == 0 else {
            throw FileWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        // The owner's write bit, not access(2): root may write anything, but a file its
        // owner marked read-only is not postlint's to change.
        guard access(target, W_OK) == 0, status.st_mode & S_IWUSR != 0 else {
            throw FileWriteError(path: path, reason: "it is read-only")
        }
        guard status.st_nlink <= 1 else {
            throw FileWriteError(path: path, reason: "the file has \(status.st_nlink) hard links; fixing would split them")
        }
        // The same for its folder, where the new file is made and renamed: root may write
        // anywhere, but a folder its owner made read-only (chmod 555) keeps its files as they
        // are; anyone else is asked as the system would (a group may write where the owner may not).
        var folderStatus = stat()
        let readOnlyForRoot = getuid() == 0 && stat(folder, &folderStatus) == 0 && folderStatus.st_mode & S_IWUSR == 0
        if readOnlyForRoot || access(folder, W_OK) != 0 {
            throw FileWriteError(path: path, reason: "its folder is read-only")
        }
        return status
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
    }

    /// The crash-safety test kills postlint between writing the temporary file and renaming
    /// it; this environment variable holds it there long enough to be killed.
    private static func stallForCrashTest() {
        if let seconds = ProcessInfo.processInfo.environment["POSTLINT_TEST_STALL_BEFORE_RENAME"].flatMap(UInt32.init) {
            sleep(seconds)
        }
    }

    /// A symbolic link is written through to the file it points at, so the link survives.
    static func resolvedTarget(_ path: String) -> String {
        FileDiscovery.realPath(path) ?? path
    }
}
