import TypeScript

/// Where the reader takes file contents from: the work tree, staged blobs from the git index, a tree at a ref,
/// or memory (tests). Paths are repository-relative and `/`-separated.
public protocol SourceProvider: Sendable {
    func read(_ path: String) -> [UInt8]?
    func fileExists(_ path: String) -> Bool
    /// The files directly or indirectly under a folder (for `schema: "./src/schema"` and globs).
    func files(under folder: String) -> [String]
    /// The parsed file; the default implementation parses `read(path)`.
    func syntax(_ path: String) -> SourceFileSyntax?
}

extension SourceProvider {
    public func syntax(_ path: String) -> SourceFileSyntax? { read(path).map { TypeScriptParser.parse($0) } }
}

/// Files held in memory, keyed by repository-relative path.
public struct InMemorySourceProvider: SourceProvider {
    public var files: [String: [UInt8]]

    public init(files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public func read(_ path: String) -> [UInt8]? { files[path] }
    public func fileExists(_ path: String) -> Bool { files[path] != nil }
    public func files(under folder: String) -> [String] {
        let prefix = folder.isEmpty || folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        return files.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
