import Foundation

#if canImport(Glibc)
import CXattr
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file written in place of another takes from it besides its bytes: owner, group,
/// permissions and extended attributes (SELinux labels, ACLs, a user's own tags). A rename
/// keeps none of them; each one that cannot be kept stops the write.
enum FileMetadata {
    /// Gives the temporary file open as `descriptor` the owner, group and permissions in
    /// `status` and the extended attributes of `original`. `path` names the file in errors.
    static func copy(_ status: stat, attributesOf original: String, to descriptor: Int32, path: String) throws {
        var created = stat()
        guard fstat(descriptor, &created) == 0 else {
            throw FileWriteError(path: path, reason: "cannot look at the temporary file: \(String(cString: strerror(errno)))")
        }
        // Root fixing another user's post would otherwise hand it to root; a user who may
        // not give the file back its owner or group does not replace it.
        if created.st_uid != status.st_uid || created.st_gid != status.st_gid,
            fchown(descriptor, status.st_uid, status.st_gid) != 0
        {
            let what = created.st_uid != status.st_uid ? "owner" : "group (you are not in it)"
            throw FileWriteError(path: path, reason: "cannot keep the file's \(what)")
        }
        try copyExtendedAttributes(of: original, to: descriptor, path: path)
        // After fchown, which clears the set-user-ID and set-group-ID bits, and after the
        // access list, whose mask is the group's permission bits.
        guard fchmod(descriptor, status.st_mode & 0o7777) == 0 else {
            throw FileWriteError(path: path, reason: "cannot keep the file's permissions: \(String(cString: strerror(errno)))")
        }
    }

    private static func copyExtendedAttributes(of original: String, to descriptor: Int32, path: String) throws {
        #if os(Linux)
        guard let list = sizedRead({ listxattr(original, $0?.assumingMemoryBound(to: CChar.self), $1) }) else {
            // A file system without extended attributes has none to lose.
            if errno == ENOTSUP { return }
            throw FileWriteError(path: path, reason: "cannot list its extended attributes: \(String(cString: strerror(errno)))")
        }
        let names = Set(list.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
        // The temporary file may have inherited attributes the post lacks: a folder's
        // default access list would give people the post never let read it.
        for name in (sizedRead({ flistxattr(descriptor, $0?.assumingMemoryBound(to: CChar.self), $1) }) ?? []).split(separator: 0)
            .map({ String(decoding: $0, as: UTF8.self) }) where !names.contains(name)
        {
            // An SELinux label is the system's to give: the new file's is kept.
            if name.hasPrefix("security.") { continue }
            guard fremovexattr(descriptor, name) == 0 else {
                throw FileWriteError(path: path, reason: "cannot drop the extended attribute \(name) the new file inherited: \(String(cString: strerror(errno)))")
            }
        }
        for name in names.sorted() {
            guard let value = sizedRead({ getxattr(original, name, $0, $1) }) else {
                throw FileWriteError(path: path, reason: "cannot read its extended attribute \(name): \(String(cString: strerror(errno)))")
            }
            // One the new file already has (an SELinux label given on creation) is not set
            // again: setting it may need a privilege that keeping it does not.
            if sizedRead({ fgetxattr(descriptor, name, $0, $1) }) == value { continue }
            guard fsetxattr(descriptor, name, value, value.count, 0) == 0 else {
                throw FileWriteError(path: path, reason: "cannot copy its extended attribute \(name): \(String(cString: strerror(errno)))")
            }
        }
        #endif
    }

    /// Calls a function that reports the size it needs when given no buffer (listxattr,
    /// getxattr) until the buffer suffices: the value may grow between the two calls.
    /// Nil, with `errno` set, when it fails.
    private static func sizedRead(_ call: (UnsafeMutableRawPointer?, Int) -> Int) -> [UInt8]? {
        for _ in 0..<4 {
            let size = call(nil, 0)
            guard size > 0 else { return size == 0 ? [] : nil }
            var buffer = [UInt8](repeating: 0, count: size)
            let got = buffer.withUnsafeMutableBytes { call($0.baseAddress, size) }
            if got >= 0 { return Array(buffer.prefix(got)) }
            if errno != ERANGE { return nil }
        }
        return nil
    }
}
