import Core
import Foundation
import Git
import Synchronization

/// The work tree as a commit can hold it: the files on disk, without those git ignores and does not track (a
/// build output, a `.env`, a migration a `.gitignore` pattern keeps out by mistake). A plain or `--base` run inside
/// git reads this, so that it judges what CI and every other clone will have, as `--staged` does; the files left
/// out are named by `gitIgnoredFiles()`, for the rules that explain a missing file with them.
final class GitVisibleWorkTree: FileSource {
    private let disk: WorkTreeSource
    private let folder: GitFolder
    /// The tracked paths, read from the index on another thread from the start (the index of a 20,000-file
    /// repository takes a few milliseconds to parse), while the run finds its configuration.
    private let tracked: BackgroundWork<Set<String>, GitError>
    /// The listing and what it left out, worked out on the first `listFiles()`.
    private let listing = Mutex<(visible: [String], ignored: Set<String>)?>(nil)

    init(root: URL, folder: GitFolder) {
        disk = WorkTreeSource(root: root)
        self.folder = folder
        let repository = folder.repository
        tracked = BackgroundWork { () throws(GitError) in try repository.trackedPaths() }
    }

    var name: String { disk.name }

    func listFiles() throws(InputError) -> [String] {
        if let known = listing.withLock({ $0 }) { return known.visible }
        let paths = try disk.listFiles()
        let ignored: Set<String>
        do {
            let tracked = try tracked.result.get()
            ignored = Set(try folder.repository.untrackedIgnored(paths.map { folder.prefix + $0 }, tracked: tracked)
                .map { String($0.dropFirst(folder.prefix.count)) })
        } catch {
            throw InputError(path: disk.root.path, reason: "cannot tell which files git ignores: \(error.description)")
        }
        let visible = ignored.isEmpty ? paths : paths.filter { !ignored.contains($0) }
        listing.withLock { $0 = (visible, ignored) }
        return visible
    }

    func read(_ path: String) throws(InputError) -> [UInt8] { try disk.read(path) }

    func readPrefix(_ path: String, limit: Int) throws(InputError) -> [UInt8] { try disk.readPrefix(path, limit: limit) }

    func gitIgnoredFiles() -> Set<String> { listing.withLock { $0?.ignored ?? [] } }
}

