import Core
import Drizzle
import Synchronization
import TypeScript

/// Serves TypeScript files to the Drizzle reader from a file source, parsing each file once: the files the
/// loader knows it needs are parsed up front in parallel, anything else (an imported helper) on first use.
public final class ParsedSourceProvider: SourceProvider {
    public struct Entry: Sendable {
        public var file: SourceFile
        public var syntax: SourceFileSyntax
    }

    private let source: any FileSource
    private let paths: [String]
    private let pathSet: PathSet
    private let cache = Mutex<[String: Entry]>([:])
    /// Parses kept from earlier runs (the language server's), by path and content.
    private let parses: ParseCache?

    /// `pathSet`: `paths` as a set when the caller has one already.
    public init(source: any FileSource, paths: [String], pathSet: PathSet? = nil, parses: ParseCache? = nil) {
        self.source = source
        self.paths = paths
        self.pathSet = pathSet ?? PathSet(paths)
        self.parses = parses
    }

    private static func parse(_ path: String, _ bytes: [UInt8], parses: ParseCache?) -> Entry {
        let make = { (bytes: [UInt8]) in Entry(file: SourceFile(path: path, bytes: bytes), syntax: TypeScriptParser.parse(bytes)) }
        return parses?.value("typescript", path: path, bytes: bytes, make: make) ?? make(bytes)
    }

    /// Reads and parses `paths` on all cores. A file whose bytes cannot be had is nil here and exit 2 for the run
    /// (`ReadFailures` saw the error), so no reader's verdict on it is ever reported.
    func preload(_ wanted: [String]) {
        let source = self.source
        let parses = self.parses
        let known = cache.withLock { Set($0.keys) }
        let parsed = wanted.filter { pathSet.contains($0) && !known.contains($0) }.concurrentMap { path -> Entry? in
            guard let bytes = try? source.read(path) else { return nil }
            return Self.parse(path, bytes, parses: parses)
        }
        cache.withLock { cache in
            for entry in parsed.compactMap({ $0 }) { cache[entry.file.path] = entry }
        }
    }

    func entry(_ path: String) -> Entry? {
        if let cached = cache.withLock({ $0[path] }) { return cached }
        guard pathSet.contains(path), let bytes = try? source.read(path) else { return nil }
        let entry = Self.parse(path, bytes, parses: parses)
        cache.withLock { $0[path] = entry }
        return entry
    }

    /// Every file parsed so far.
    public var entries: [Entry] { cache.withLock { Array($0.values) } }

    /// TypeScript is parsed and kept (it may hold suppression comments and findings); `package.json`,
    /// `tsconfig.json` and `pnpm-workspace.yaml`, read for module resolution, are not inputs and stay out.
    public func read(_ path: String) -> [UInt8]? {
        guard DrizzleLoading.isSource(path) || path.hasSuffix(".tsx") else {
            return pathSet.contains(path) ? try? source.read(path) : nil
        }
        return entry(path)?.file.bytes
    }
    public func syntax(_ path: String) -> SourceFileSyntax? { entry(path)?.syntax }
    public func fileExists(_ path: String) -> Bool { pathSet.contains(path) }

    public func files(under folder: String) -> [String] {
        // The whole tree is asked for (every package.json of a workspace): no comparison per path.
        if folder.isEmpty || folder == "." { return paths }
        let prefix = folder.hasPathSuffix("/") ? folder : folder + "/"
        return paths.filter { $0.hasPathPrefix(prefix) }
    }
}
