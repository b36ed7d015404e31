import Foundation

/// Writes a report or baseline to a path the user named.
///
/// A regular file (or a new one) is replaced atomically, so readers never see half a report. Anything else that
/// already exists — `/dev/null`, a FIFO, a symlink — is written through in place: an atomic write would rename a
/// new regular file over it (replacing `/dev/null` itself when run as root).
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws(InputError) {
        try write(bytes: Array(text.utf8), to: path)
    }

    /// `write` of UTF-8 bytes.
    public static func write(bytes: [UInt8], to path: String) throws(InputError) {
        var status = stat()
        let exists = lstat(path, &status) == 0
        if !exists || status.st_mode & S_IFMT == S_IFREG {
            do {
                try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw InputError(path: path, reason: (error as NSError).localizedDescription)
            }
            return
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw InputError(path: path, reason: "cannot be opened for writing")
        }
        defer { try? handle.close() }
        do {
            try handle.truncate(atOffset: 0)
        } catch {
            // Devices and pipes cannot be truncated; they have nothing to keep anyway.
        }
        do {
            try handle.write(contentsOf: Data(bytes))
        } catch {
            throw InputError(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Throws when `path` is one of `inputs` (after symlinks and hard links: the same file on disk), so that
    /// `--output src/db/schema.ts` cannot replace a source with its own report. A path that does not exist yet
    /// is no input.
    public static func refuseInput(_ path: String, inputs: [String]) throws(InputError) {
        var target = stat()
        guard stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG else { return }
        for input in inputs {
            var candidate = stat()
            if stat(input, &candidate) == 0, candidate.st_dev == target.st_dev, candidate.st_ino == target.st_ino {
                throw InputError(path: path, reason: "it is \(input), which this run reads; name a file that is not an input")
            }
        }
    }
}
