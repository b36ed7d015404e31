import Core
import JSON
import Foundation

/// Resolves import specifiers to repository files as TypeScript (bundler resolution) and a package manager's
/// `node_modules` links would: relative paths with or without extension (`./x.js` names `x.ts`, `./x.mjs` names
/// `x.mts`), folders with an index file; the nearest `tsconfig.json`'s `paths` and `baseUrl` (through `extends`,
/// relative or from a package, single or an array); then workspace packages by name, entered through their
/// `exports` map, or `types`/`module`/`main`. A target under `dist/` that only exists as sources maps back to
/// `src/`. Nothing else is guessed: a specifier none of these resolve is a package outside the repository.
struct ModuleResolver {
    let provider: SourceProvider
    private var tsconfigCache: [String: TSConfig?] = [:]
    /// Resolutions by importing folder and specifier: a schema imports the same modules from many files.
    private var resolutionCache: [String: String?] = [:]
    private var workspaceStorage: WorkspacePackages?

    init(provider: SourceProvider) {
        self.provider = provider
    }

    static let extensions = [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".jsx"]
    /// What TypeScript tries for a JavaScript extension in an import: the source it is compiled from first.
    static let extensionSwaps: [(String, [String])] = [
        (".js", [".ts", ".tsx", ".js", ".jsx"]), (".mjs", [".mts", ".mjs"]), (".cjs", [".cts", ".cjs"]), (".jsx", [".tsx", ".jsx"]),
    ]

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
            if let found = config.resolve(specifier, file: { file(at: $0) }) { return found }
        }
        return packageFile(specifier)
    }

    /// `path` as a file: itself, the source a JavaScript extension is compiled from, with an extension added,
    /// or a folder's index.
    func file(at path: String) -> String? {
        for (suffix, replacements) in Self.extensionSwaps where path.hasSuffix(suffix) {
            let stem = String(path.dropLast(suffix.count))
            if let found = replacements.map({ stem + $0 }).first(where: provider.fileExists) { return found }
        }
        if RepositoryPath.hasExtension(path, Self.extensions), provider.fileExists(path) { return path }
        if let found = Self.extensions.map({ path + $0 }).first(where: provider.fileExists) { return found }
        return Self.extensions.map { path + "/index" + $0 }.first(where: provider.fileExists)
    }

    // MARK: workspace packages

    private mutating func workspace() -> WorkspacePackages {
        if let workspaceStorage { return workspaceStorage }
        let packages = WorkspacePackages(provider: provider)
        workspaceStorage = packages
        return packages
    }

    /// A workspace package's module: `exports` when the package has them (nothing else is reachable then),
    /// else the subpath as a file, or `types`/`module`/`main`, or the index.
    private mutating func packageFile(_ specifier: String) -> String? {
        guard let (package, subpath) = workspace().package(for: specifier) else { return nil }
        let manifest = package.manifest
        if let exports = manifest["exports"] {
            for target in PackageExports.targets(exports, subpath: subpath) {
                if let path = RelativePath.join(package.folder, target), let found = sourceFile(for: path, packageFolder: package.folder) {
                    return found
                }
            }
            return nil
        }
        if subpath != "." {
            return RelativePath.join(package.folder, subpath).flatMap { sourceFile(for: $0, packageFolder: package.folder) }
        }
        for field in ["types", "typings", "module", "main"] {
            guard let target = manifest[field]?.stringValue, let path = RelativePath.join(package.folder, target) else { continue }
            if let found = sourceFile(for: path, packageFolder: package.folder) { return found }
        }
        return file(at: package.folder.isEmpty ? "index" : package.folder + "/index")
    }

    /// The source behind a package target: the file itself, the `.ts` a `.js` or `.d.ts` is built from, and,
    /// for a build output folder that is not checked in (`dist/`, `build/`, `lib/`, `out/`), the same path
    /// under `src/` or the package root. Declaration files have no values to read, so they never resolve.
    private func sourceFile(for path: String, packageFolder: String) -> String? {
        var candidates = [Self.withoutDeclarationSuffix(path)]
        let relative = packageFolder.isEmpty ? path : String(path.dropFirst(packageFolder.count + 1))
        let parts = relative.split(separator: "/").map(String.init)
        if let first = parts.first, parts.count > 1, ["dist", "build", "lib", "out"].contains(first) {
            let rest = parts.dropFirst().joined(separator: "/")
            for replacement in ["src/" + rest, rest] {
                candidates.append(Self.withoutDeclarationSuffix(packageFolder.isEmpty ? replacement : packageFolder + "/" + replacement))
            }
        }
        for candidate in candidates {
            if let found = file(at: candidate), !Self.isDeclaration(found) { return found }
        }
        return nil
    }

    /// `x.d.ts` → `x.js` (whose source `file(at:)` then finds), so a `types` target leads to its source.
    private static func withoutDeclarationSuffix(_ path: String) -> String {
        for (declaration, javascript) in [(".d.ts", ".js"), (".d.mts", ".mjs"), (".d.cts", ".cjs")] where path.hasSuffix(declaration) {
            return String(path.dropLast(declaration.count)) + javascript
        }
        return path
    }

    private static func isDeclaration(_ path: String) -> Bool {
        path.hasSuffix(".d.ts") || path.hasSuffix(".d.mts") || path.hasSuffix(".d.cts")
    }

    // MARK: tsconfig

    /// The nearest `tsconfig.json` at or above `folder` that maps specifiers (`paths` or `baseUrl`, directly or
    /// through `extends`).
    private mutating func tsconfig(near folder: String) -> TSConfig? {
        if let cached = tsconfigCache[folder] { return cached }
        var result: TSConfig?
        let candidate = folder.isEmpty ? "tsconfig.json" : folder + "/tsconfig.json"
        if provider.fileExists(candidate) {
            var reader = TSConfigReader(provider: provider, packages: workspace())
            result = reader.read(candidate).flatMap { $0.isEmpty ? nil : $0 }
        }
        if result == nil, !folder.isEmpty { result = tsconfig(near: RelativePath.directory(of: folder)) }
        tsconfigCache[folder] = result
        return result
    }
}

/// The parts of a tsconfig that map module specifiers, after `extends`.
struct TSConfig {
    /// `compilerOptions.baseUrl`, resolved against the config that sets it.
    var baseUrl: String?
    var paths: [(pattern: String, targets: [String])] = []
    /// The folder `paths` targets are relative to when there is no `baseUrl`: the config that sets `paths`.
    var pathsFolder = ""

    var isEmpty: Bool { baseUrl == nil && paths.isEmpty }

    /// `paths` first (the longest matching prefix wins, as in TypeScript), then `baseUrl`.
    func resolve(_ specifier: String, file: (String) -> String?) -> String? {
        let matching = paths.compactMap { entry in Self.match(entry.pattern, specifier).map { (entry, $0) } }
            .sorted { Self.prefixLength($0.0.pattern) > Self.prefixLength($1.0.pattern) }
        if let (entry, captured) = matching.first {
            for target in entry.targets {
                let substituted = target.replacingOccurrences(of: "*", with: captured)
                if let path = RelativePath.join(baseUrl ?? pathsFolder, substituted), let found = file(path) { return found }
            }
        }
        if let baseUrl, let path = RelativePath.join(baseUrl, specifier), let found = file(path) { return found }
        return nil
    }

    private static func prefixLength(_ pattern: String) -> Int {
        pattern.firstIndex(of: "*").map { pattern.distance(from: pattern.startIndex, to: $0) } ?? pattern.count + 1
    }

    /// The `*` capture when `specifier` matches a `paths` pattern (`""` for an exact pattern).
    static func match(_ pattern: String, _ specifier: String) -> String? {
        guard let star = pattern.firstIndex(of: "*") else { return pattern == specifier ? "" : nil }
        let prefix = String(pattern[..<star]), suffix = String(pattern[pattern.index(after: star)...])
        guard specifier.hasPrefix(prefix), specifier.hasSuffix(suffix),
              specifier.count >= prefix.count + suffix.count else { return nil }
        return String(specifier.dropFirst(prefix.count).dropLast(suffix.count))
    }
}

/// Reads a tsconfig and what it extends: a relative file, a workspace package's file (`@org/tsconfig/base.json`,
/// or the package's `tsconfig.json`), or an array of those where later entries win.
struct TSConfigReader {
    let provider: SourceProvider
    let packages: WorkspacePackages
    private var visiting: Set<String> = []

    init(provider: SourceProvider, packages: WorkspacePackages) {
        self.provider = provider
        self.packages = packages
    }

    mutating func read(_ path: String) -> TSConfig? {
        guard visiting.insert(path).inserted, visiting.count < 16, let root = WorkspacePackages.json(path, provider) else { return nil }
        defer { visiting.remove(path) }
        let folder = RelativePath.directory(of: path)
        var config = TSConfig(pathsFolder: folder)
        let parents = root["extends"].map { $0.arrayValue?.compactMap(\.stringValue) ?? [$0.stringValue].compactMap { $0 } } ?? []
        for parent in parents {
            guard let parentPath = extendedFile(parent, from: folder), let inherited = read(parentPath) else { continue }
            if let baseUrl = inherited.baseUrl { config.baseUrl = baseUrl }
            if !inherited.paths.isEmpty {
                config.paths = inherited.paths
                config.pathsFolder = inherited.pathsFolder
            }
        }
        let options = root["compilerOptions"]
        if let baseUrl = options?["baseUrl"]?.stringValue { config.baseUrl = RelativePath.join(folder, baseUrl) }
        if let members = options?["paths"]?.objectMembers {
            // `${configDir}` (TypeScript 5.5) is the folder of the config being compiled with; the leaf is not
            // known here, so the declaring config's folder stands in, which is right for the common case.
            config.paths = members.map { member in
                (member.key, member.value.arrayValue?.compactMap(\.stringValue).map {
                    $0.replacingOccurrences(of: "${configDir}/", with: "./")
                } ?? [])
            }
            config.pathsFolder = folder
        }
        return config
    }

    private func extendedFile(_ specifier: String, from folder: String) -> String? {
        func withJSON(_ path: String) -> String { path.hasSuffix(".json") ? path : path + ".json" }
        if specifier.hasPrefix(".") || specifier.hasPrefix("/") {
            return RelativePath.join(specifier.hasPrefix("/") ? "" : folder, specifier).map(withJSON)
        }
        guard let (package, subpath) = packages.package(for: specifier) else { return nil }
        if subpath == "." { return package.folder.isEmpty ? "tsconfig.json" : package.folder + "/tsconfig.json" }
        guard let path = RelativePath.join(package.folder, subpath) else { return nil }
        return provider.fileExists(path) ? path : withJSON(path)
    }
}

/// A package's `exports` map (Node's algorithm): subpath keys (exact, or patterns with `*`) and nested
/// condition objects, read in their written order with the conditions TypeScript and bundlers use.
enum PackageExports {
    static let conditions: Set<String> = ["types", "import", "module", "default", "require", "node", "development", "source"]

    /// The package-relative targets (`./src/x.ts`) for `subpath` (`.` or `./x`), most preferred first.
    static func targets(_ exports: JSONNode, subpath: String) -> [String] {
        let isSubpathMap = exports.objectMembers?.first.map { $0.key.hasPrefix(".") } ?? false
        guard isSubpathMap, let members = exports.objectMembers else {
            return subpath == "." ? conditionTargets(exports, captured: nil) : []
        }
        if let exact = members.last(where: { $0.key == subpath }) { return conditionTargets(exact.value, captured: nil) }
        // Patterns: the longest prefix before `*` wins.
        let candidates = members.compactMap { member -> (JSONMember, String, Int)? in
            guard member.key.contains("*"), let captured = TSConfig.match(member.key, subpath) else { return nil }
            return (member, captured, member.key.firstIndex(of: "*").map { member.key.distance(from: member.key.startIndex, to: $0) } ?? 0)
        }
        guard let best = candidates.max(by: { $0.2 < $1.2 }) else { return [] }
        return conditionTargets(best.0.value, captured: best.1)
    }

    private static func conditionTargets(_ node: JSONNode, captured: String?) -> [String] {
        if let target = node.stringValue {
            guard target.hasPrefix("./") else { return [] }
            return [captured.map { target.replacingOccurrences(of: "*", with: $0) } ?? target]
        }
        if let elements = node.arrayValue { return elements.flatMap { conditionTargets($0, captured: captured) } }
        guard let members = node.objectMembers else { return [] }
        return members.filter { conditions.contains($0.key) }.flatMap { conditionTargets($0.value, captured: captured) }
    }
}
