import Core
import Foundation
import Git

/// Index entries whose work-tree file still holds the entry's blob, by git's own test: the file's size, mtime,
/// ctime and inode match the stat data recorded in the index, and the entry is not "racily clean" (its mtime is
/// older than the index file's, so a same-second edit after staging cannot hide). Reading such a file from disk
/// gives the blob's bytes without inflating it from the object database — on a large repository that is most
/// of `--staged`'s time (issue 10).
///
/// Where a clean or smudge filter can apply (`core.autocrlf`, `.gitattributes` with `eol`, `text`, `filter`:
/// git-lfs), a clean file can differ from its blob, so the blob's size must also equal the file's, else the blob is
/// read. Without any (no attributes file anywhere git looks, `core.autocrlf` unset or false) git's stat test alone
/// decides, as in git: asking the object database for each blob's size was a tenth of `--staged`'s time.
struct CleanWorkTreeFiles: Sendable {
    let repository: GitRepository
    let workdir: String
    /// Index entries (with stat data), by repository path; symlinks left out.
    let entries: EntriesByPath
    /// The index file's modification time: entries modified at or after it are racily clean.
    let indexModification: (seconds: Int, nanoseconds: Int)
    /// Whether a content filter may make a work-tree file differ from its blob.
    let filtersMayApply: Bool

    init?(repository: GitRepository, indexEntries: EntriesByPath) {
        guard let workdir = repository.workdir, let indexPath = try? repository.indexFilePath() else { return nil }
        var status = stat()
        guard stat(indexPath, &status) == 0 else { return nil }
        self.repository = repository
        self.workdir = workdir
        self.indexModification = (Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec))
        self.entries = indexEntries
        self.filtersMayApply = Self.filtersMayApply(repository, workdir: workdir, indexPaths: indexEntries.paths.sorted)
    }

    private static func filtersMayApply(_ repository: GitRepository, workdir: String, indexPaths: [String]) -> Bool {
        if let autocrlf = repository.configValue("core.autocrlf")?.lowercased(), !["false", "no", "off", "0", ""].contains(autocrlf) {
            return true
        }
        if indexPaths.contains(where: { $0 == ".gitattributes" || $0.hasPathSuffix("/.gitattributes") }) { return true }
        let environment = ProcessInfo.processInfo.environment
        let home = environment["HOME"] ?? ""
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.config"
        var candidates = [workdir + "/.gitattributes", repository.commonDir + "/info/attributes", configHome + "/git/attributes",
                          "/etc/gitattributes"]
        if let configured = repository.configValue("core.attributesFile") {
            candidates.append(configured.hasPrefix("~/") ? home + configured.dropFirst() : configured)
        }
        return candidates.contains { FileManager.default.fileExists(atPath: $0) }
    }

    /// The absolute path and size of the work-tree file that holds blob `id` at `path`, or nil when it must be
    /// read from git.
    func file(_ path: String, holding id: ObjectID) -> (path: String, size: Int)? {
        guard let entry = entries[path], entry.blobID == id, let recorded = entry.stat, !isRacy(recorded) else { return nil }
        let full = workdir + "/" + path
        var status = stat()
        guard lstat(full, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
              UInt32(truncatingIfNeeded: status.st_size) == recorded.size,
              UInt32(truncatingIfNeeded: status.st_ino) == recorded.inode,
              Self.matches(status.st_mtim, recorded.modificationSeconds, recorded.modificationNanoseconds),
              Self.matches(status.st_ctim, recorded.changeSeconds, recorded.changeNanoseconds),
              !filtersMayApply || (try? repository.blobSize(id)) == Int(status.st_size)
        else { return nil }
        return (full, Int(status.st_size))
    }

    private func isRacy(_ recorded: IndexStat) -> Bool {
        let seconds = Int(recorded.modificationSeconds)
        // An index written without nanoseconds compares by whole seconds, like git built without USE_NSEC.
        if recorded.modificationNanoseconds == 0 { return seconds >= indexModification.seconds }
        return (seconds, Int(recorded.modificationNanoseconds)) >= indexModification
    }

    /// Whole seconds always; nanoseconds only when the index recorded them.
    private static func matches(_ time: timespec, _ seconds: Int32, _ nanoseconds: UInt32) -> Bool {
        Int32(truncatingIfNeeded: time.tv_sec) == seconds && (nanoseconds == 0 || UInt32(time.tv_nsec) == nanoseconds)
    }
}
