import Foundation

/// Reads files with plain POSIX calls into `[UInt8]`: no `Data` bridging, and a prefix read stops early, which is
/// what lets old migration snapshots be read by their first kilobytes (issue 10).
public enum DiskFile {
    /// Why a read failed, as the user should see it.
    public struct Failure: Error, Sendable {
        public let reason: String
    }

    /// The whole file at `path`, or its first `limit` bytes; with `followSymlinks: false`, a symlink fails.
    public static func read(_ path: String, limit: Int = .max, followSymlinks: Bool = true) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (followSymlinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { throw Failure(reason: reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(reason: reason(errno)) }
        guard status.st_mode & S_IFMT != S_IFDIR else { throw Failure(reason: "is a folder") }
        // st_size is a hint (a file can grow while read, a FIFO says 0): read until end of file or the limit.
        var capacity = min(limit, max(Int(status.st_size), 0) + 1, 1 << 30)
        var bytes = [UInt8](repeating: 0, count: max(capacity, 1))
        var count = 0
        while count < limit {
            if count == bytes.count {
                capacity = min(limit, bytes.count * 2)
                bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: reason(errno))
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Writes `bytes` to a new file `temporary` (never an existing one or through a symlink), all of them and
    /// synced to disk, for the caller to rename over the file it replaces; on failure nothing is left behind and
    /// the reason is returned.
    public static func writeNew(_ temporary: String, _ bytes: [UInt8], permissions: mode_t) -> String? {
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { return "cannot create \(temporary): \(String(cString: strerror(errno)))" }
        var written = 0
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 && errno == EINTR { continue }
                if result <= 0 { return false }
                written += result
            }
            return fsync(descriptor) == 0
        }
        close(descriptor)
        guard complete else {
            unlink(temporary)
            return "cannot write \(temporary)"
        }
        return nil
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a folder"
        default: String(cString: strerror(code))
        }
    }
}
