#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file straight into a byte array: no `Data` in between, so a large post
/// is held once, not twice, while it is linted.
enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened or read, or is not a regular file
    /// (a folder, a FIFO, a socket or a device).
    static func read(_ path: String) -> [UInt8]? {
        // Non-blocking: opening a FIFO for reading otherwise waits, forever, for a writer.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // The size is a hint: a file that grows or shrinks while read is read to its end.
        var bytes: [UInt8] = []
        var capacity = max(Int(info.st_size), 0) + 1
        while true {
            bytes.reserveCapacity(capacity)
            let start = bytes.count
            let room = capacity - start
            var failed = false
            var got = 0
            bytes.append(contentsOf: repeatElement(0, count: room))
            bytes.withUnsafeMutableBufferPointer { buffer in
                repeat {
                    got = Glibc.read(descriptor, buffer.baseAddress! + start, room)
                } while got < 0 && errno == EINTR
                failed = got < 0
            }
            if failed { return nil }
            bytes.removeLast(room - got)
            if got == 0 { return bytes }
            if bytes.count == capacity { capacity *= 2 }
        }
    }
}
