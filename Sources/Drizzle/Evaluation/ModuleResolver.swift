import Core
import Foundation
import JSON

/// Resolves import specifiers to repository files the way TypeScript's bundler resolution does for schemas:
/// relative paths with or without extension (`./x.js` may name `x.ts`), folders with `index.ts`, and the
/// `paths` aliases of the nearest `tsconfig.json` (following a relative `extends`). Bare specifiers that no alias
/// matches are tried as monorepo workspace packages (`@scope/name/sub` → `packages/name/src/sub`, …), since
/// drizzle schemas are often split over workspace packages whose `package.json` maps them that way.
struct ModuleResolver {
    let provider: SourceProvider
    private var tsconfigCache: [String: TSConfig?] = [:]
    /// Resolutions by importing folder and specifier: a schema imports the same modules from many files.
    private var resolutionCache: [String: String?] = [:]
    /// Workspace lookups by specifier (they do not depend on the importing file).
    private var workspaceCache: [String: String?] = [:]

    init(provider: SourceProvider) {
        self.provider = provider
    }

    static let extensions = [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".jsx"]

    /// The file a specifier names, or nil (a package outside the repository, or a missing file).
    mutating func resolve(_ specifier: String, from importer: String) -> String? {
        let key = RelativePath.directory(of: importer) + "\u{0}" + specifier
        if let cached = resolutionCache[key] { return cached }
        let resolved = uncachedResolve(specifier, from: importer)
        resolutionCache[key] = resolved
        return resolved
    }

    private mutating func uncachedResolve(_ specifier: String, from importer: String) -> String? {
        if specifier.hasPrefix(".") || specifier.hasPrefix("/") {
            let base = specifier.hasPrefix("/") ? "" : RelativePath.directory(of: importer)
            guard let target = RelativePath.join(base, specifier) else { return nil }
            return file(at: target)
        }
        if let config = tsconfig(near: RelativePath.directory(of: importer)) {
            for (pattern, targets) in config.paths {
                guard let captured = Self.match(pattern, specifier) else { continue }
                for target in targets {
                    let substituted = target.replacingOccurrences(of: "*", with: captured)
                    if let path = RelativePath.join(config.baseDirectory, substituted), let file = file(at: path) {
                        return file
                    }
                }
            }
        }
        if let cached = workspaceCache[specifier] { return cached }
        let found = workspacePackage(specifier)
        workspaceCache[specifier] = found
        return found
    }

    /// `path` as a file: itself, with an extension, a `.js` import of a `.ts` file, or a folder's index.
    func file(at path: String) -> String? {
        if RepositoryPath.hasExtension(path, Self.extensions), provider.fileExists(path) { return path }
        for stem in [path, Self.dropJavaScriptExtension(path)].compactMap({ $0 }) {
            for candidate in Self.extensions.map({ stem + $0 }) where provider.fileExists(candidate) { return candidate }
        }
        for candidate in Self.extensions.map({ path + "/index" + $0 }) where provider.fileExists(candidate) {
            return candidate
        }
        return nil
    }

    private static func dropJavaScriptExtension(_ path: String) -> String? {
        for suffix in [".js", ".mjs", ".cjs", ".jsx"] where path.hasSuffix(suffix) { return String(path.dropLast(suffix.count)) }
        return nil
    }

    /// The `*` capture when `specifier` matches a tsconfig `paths` pattern.
    static func match(_ pattern: String, _ specifier: String) -> String? {
        guard let star = pattern.firstIndex(of: "*") else { return pattern == specifier ? "" : nil }
        let prefix = String(pattern[..<star]), suffix = String(pattern[pattern.index(after: star)...])
        guard specifier.hasPrefix(prefix), specifier.hasSuffix(suffix),
              specifier.count >= prefix.count + suffix.count else { return nil }
        return String(specifier.dropFirst(prefix.count).dropLast(suffix.count))
    }

    private func workspacePackage(_ specifier: String) -> String? {
        var parts = specifier.split(separator: "/").map(String.init)
        if parts.first?.hasPrefix("@") == true { parts.removeFirst() }
        guard let name = parts.first else { return nil }
        let rest = parts.dropFirst().joined(separator: "/")
        for root in ["packages", "apps", "libs"] {
            for base in ["\(root)/\(name)/src", "\(root)/\(name)"] {
                let target = rest.isEmpty ? base : base + "/" + rest
                if let file = file(at: target) { return file }
            }
        }
        return nil
    }

    // MARK: tsconfig

    struct TSConfig {
        /// Folder the `paths` targets are relative to (`baseUrl`, else the config's folder).
        var baseDirectory: String
        var paths: [(String, [String])]
    }

    /// The nearest `tsconfig.json` at or above `folder` that declares `paths` (directly or through `extends`).
    private mutating func tsconfig(near folder: String) -> TSConfig? {
        if let cached = tsconfigCache[folder] { return cached }
        var result: TSConfig?
        let candidate = folder.isEmpty ? "tsconfig.json" : folder + "/tsconfig.json"
        if provider.fileExists(candidate) { result = Self.readConfig(candidate, provider: provider, depth: 0) }
        if result == nil, !folder.isEmpty { result = tsconfig(near: RelativePath.directory(of: folder)) }
        tsconfigCache[folder] = result
        return result
    }

    private static func readConfig(_ path: String, provider: SourceProvider, depth: Int) -> TSConfig? {
        guard depth < 8, let bytes = provider.read(path),
              case .success(let root) = JSONReader.parse(JSONWithComments.strip(bytes)) else { return nil }
        let folder = RelativePath.directory(of: path)
        var inherited: TSConfig?
        if let parent = root["extends"]?.stringValue, parent.hasPrefix("."),
           let parentPath = RelativePath.join(folder, parent) {
            let file = parentPath.hasSuffix(".json") ? parentPath : parentPath + ".json"
            inherited = readConfig(file, provider: provider, depth: depth + 1)
        }
        let options = root["compilerOptions"]
        let baseUrl = options?["baseUrl"]?.stringValue.flatMap { RelativePath.join(folder, $0) }
        guard let members = options?["paths"]?.objectMembers else {
            guard var inherited else { return nil }
            if let baseUrl { inherited.baseDirectory = baseUrl }
            return inherited
        }
        let paths = members.map { ($0.key, $0.value.arrayValue?.compactMap(\.stringValue) ?? []) }
        return TSConfig(baseDirectory: baseUrl ?? inherited?.baseDirectory ?? folder, paths: paths)
    }
}
