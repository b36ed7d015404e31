import Core
import Drizzle
import Synchronization
import TypeScript

/// Serves TypeScript files to the Drizzle reader from a file source, parsing each file once: the files the
/// loader knows it needs are parsed up front in parallel, anything else (an imported helper) on first use.
final class ParsedSourceProvider: SourceProvider {
    struct Entry: Sendable {
        var file: SourceFile
        var syntax: SourceFileSyntax
    }

    private let source: any FileSource
    private let paths: [String]
    private let pathSet: Set<String>
    private let cache = Mutex<[String: Entry]>([:])

    init(source: any FileSource, paths: [String]) {
        self.source = source
        self.paths = paths
        self.pathSet = Set(paths)
    }

    /// Reads and parses `paths` on all cores. A file whose bytes cannot be had is nil here and exit 2 for the run
    /// (`ReadFailures` saw the error), so no reader's verdict on it is ever reported.
    func preload(_ wanted: [String]) {
        let source = self.source
        let parsed = wanted.filter { pathSet.contains($0) }.concurrentMap { path -> Entry? in
            guard let bytes = try? source.read(path) else { return nil }
            return Entry(file: SourceFile(path: path, bytes: bytes), syntax: TypeScriptParser.parse(bytes))
        }
        cache.withLock { cache in
            for entry in parsed.compactMap({ $0 }) { cache[entry.file.path] = entry }
        }
    }

    func entry(_ path: String) -> Entry? {
        if let cached = cache.withLock({ $0[path] }) { return cached }
        guard pathSet.contains(path), let bytes = try? source.read(path) else { return nil }
        let entry = Entry(file: SourceFile(path: path, bytes: bytes), syntax: TypeScriptParser.parse(bytes))
        cache.withLock { $0[path] = entry }
        return entry
    }

    /// Every file parsed so far.
    var entries: [Entry] { cache.withLock { Array($0.values) } }

    /// TypeScript is parsed and kept (it may hold suppression comments and findings); `package.json`,
    /// `tsconfig.json` and `pnpm-workspace.yaml`, read for module resolution, are not inputs and stay out.
    func read(_ path: String) -> [UInt8]? {
        guard DrizzleLoading.isSource(path) || path.hasSuffix(".tsx") else {
            return pathSet.contains(path) ? try? source.read(path) : nil
        }
        return entry(path)?.file.bytes
    }
    func syntax(_ path: String) -> SourceFileSyntax? { entry(path)?.syntax }
    func fileExists(_ path: String) -> Bool { pathSet.contains(path) }

    func files(under folder: String) -> [String] {
        let prefix = folder.isEmpty || folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        return paths.filter { $0.hasPrefix(prefix) }
    }
}
