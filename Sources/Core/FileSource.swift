import Foundation

/// Where inputs come from: the work tree, the git index, a tree at a ref, or memory (tests).
/// Readers never touch the disk directly, so `--staged` and `--base` are just other sources.
public protocol FileSource: Sendable {
    /// Human-readable name of the source, for messages ("work tree", "index", "HEAD~1").
    var name: String { get }
    /// Every file path, repository-relative and `/`-separated.
    func listFiles() throws(InputError) -> [String]
    /// The bytes of one file.
    func read(_ path: String) throws(InputError) -> [UInt8]
    /// At least the first `limit` bytes of one file (all of it when shorter; a source may return more). Readers
    /// that need only a file's head — old migration snapshots — use it so that large files are not read whole.
    func readPrefix(_ path: String, limit: Int) throws(InputError) -> [UInt8]
    /// For each path, a name for the file's exact bytes known without reading them (git's blob id for the index
    /// and trees), or nil. Facts worked out from a file's bytes can be kept under it from one run to the next.
    /// Asked for many paths at once: a pre-commit run asks about every file of the repository.
    func contentIDs(_ paths: [String]) -> [ContentID?]
    /// Files on disk this source leaves out of `listFiles()` because git ignores them (a work tree inside git):
    /// no commit has them, so they are not inputs, but a rule may say why a file it expects is missing. Asked after
    /// `listFiles()`.
    func gitIgnoredFiles() -> Set<String>
}

extension FileSource {
    public func readPrefix(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        try read(path)
    }

    public func contentIDs(_ paths: [String]) -> [ContentID?] { paths.map { _ in nil } }

    public func gitIgnoredFiles() -> Set<String> { [] }
}

/// The 20 bytes of a git object id, as three words, so that ids are cheap to compare, sort and hash.
public struct ContentID: Hashable, Comparable, Sendable {
    public let first: UInt64
    public let second: UInt64
    public let third: UInt32

    public init(first: UInt64, second: UInt64, third: UInt32) {
        self.first = first
        self.second = second
        self.third = third
    }

    /// The first 8 bytes of a SHA-1 are as evenly spread as all 20: hashing them alone is enough, and cheaper for
    /// the 20,000 lookups of a pre-commit run.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(first)
    }

    public static func < (lhs: ContentID, rhs: ContentID) -> Bool {
        (lhs.first, lhs.second, lhs.third) < (rhs.first, rhs.second, rhs.third)
    }
}

/// An input that cannot be read at all: exit 2, with the path in the message.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot read \(path): \(reason)" }
}

/// Files held in memory: for tests and for rule examples.
public struct MemoryFileSource: FileSource {
    public let files: [String: [UInt8]]
    public var name: String { "memory" }

    public init(files: [String: [UInt8]]) {
        self.files = files
    }

    public init(texts: [String: String]) {
        self.files = texts.mapValues { Array($0.utf8) }
    }

    public func listFiles() throws(InputError) -> [String] { files.keys.sorted() }

    public func read(_ path: String) throws(InputError) -> [UInt8] {
        guard let bytes = files[path] else { throw InputError(path: path, reason: "no such file") }
        return bytes
    }
}

/// The files of a folder on disk. Skips `.git`, dependency and build folders, which are never inputs.
public struct WorkTreeSource: FileSource {
    public let root: URL
    public var name: String { "work tree" }

    /// Folder names that hold no sources of the project itself.
    public static let skippedFolders: Set<String> = [".git", "node_modules", ".build", ".next", ".turbo", ".vercel", "dist", ".svelte-kit"]

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func listFiles() throws(InputError) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else {
            throw InputError(path: root.path, reason: "no such folder")
        }
        guard isFolder.boolValue else { throw InputError(path: root.path, reason: "not a folder") }
        var paths: [String] = []
        try walk(relative: "", into: &paths)
        return paths.sorted()
    }

    /// `readdir` with the entry types it returns, so a 20,000-file tree is listed without an `lstat` per file
    /// (only where the file system leaves the type unknown); symlinks, sockets and devices are never inputs, and
    /// following links could loop.
    private func walk(relative: String, into paths: inout [String]) throws(InputError) {
        let folder = relative.isEmpty ? root.path : root.path + "/" + relative
        guard let directory = opendir(folder) else {
            throw InputError(path: relative.isEmpty ? root.path : relative, reason: "folder cannot be listed (\(DiskFile.reason(errno)))")
        }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." || Self.skippedFolders.contains(name) || name.hasPrefix(".build") { continue }
            entries.append((name, entry.pointee.d_type))
        }
        closedir(directory)
        entries.sort { $0.name < $1.name }
        for (name, type) in entries {
            let path = relative.isEmpty ? name : relative + "/" + name
            var kind = Int(type)
            if kind == Int(DT_UNKNOWN) {
                var status = stat()
                guard lstat(root.path + "/" + path, &status) == 0 else { continue }
                kind = status.st_mode & S_IFMT == S_IFDIR ? Int(DT_DIR) : status.st_mode & S_IFMT == S_IFREG ? Int(DT_REG) : Int(DT_LNK)
            }
            if kind == Int(DT_DIR) {
                try walk(relative: path, into: &paths)
            } else if kind == Int(DT_REG) {
                paths.append(path)
            }
        }
    }

    public func read(_ path: String) throws(InputError) -> [UInt8] {
        try readPrefix(path, limit: .max)
    }

    public func readPrefix(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        do {
            return try DiskFile.read(root.path + "/" + path, limit: FastPaths.enabled ? limit : .max)
        } catch {
            throw InputError(path: path, reason: error.reason)
        }
    }

    private static func reason(of error: any Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}

/// A file source with some files replaced by contents held in memory: an editor's open buffers over the work tree,
/// so that unsaved edits are what the language server checks. Buffers for files not on disk yet are listed too; a
/// buffer of a file the base leaves out because git ignores it stays out, as it does for `check`.
public struct OverlayFileSource: FileSource {
    public let base: any FileSource
    /// Root-relative path → contents.
    public let buffers: [String: [UInt8]]

    public init(base: any FileSource, buffers: [String: [UInt8]]) {
        self.base = base
        self.buffers = buffers
    }

    public var name: String { base.name + " with open editor buffers" }

    public func listFiles() throws(InputError) -> [String] {
        let listed = try base.listFiles()
        let known = Set(listed), ignored = base.gitIgnoredFiles()
        let added = buffers.keys.filter { !known.contains($0) && !ignored.contains($0) }
        return added.isEmpty ? listed : (listed + added).sorted()
    }

    public func gitIgnoredFiles() -> Set<String> { base.gitIgnoredFiles() }

    public func read(_ path: String) throws(InputError) -> [UInt8] {
        if let buffer = buffers[path] { return buffer }
        return try base.read(path)
    }

    public func readPrefix(_ path: String, limit: Int) throws(InputError) -> [UInt8] {
        if let buffer = buffers[path] { return buffer }
        return try base.readPrefix(path, limit: limit)
    }
}
