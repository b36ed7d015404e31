import Core
import JSON

/// The packages of a monorepo by name, as a package manager links them into `node_modules`: the folders that
/// `package.json` `workspaces` (npm, yarn, bun; an array or `{ "packages": [...] }`) or `pnpm-workspace.yaml`
/// list. A repository that declares no workspaces has no links, but its own packages are still found by name
/// (a schema folder read on its own still imports its siblings that way).
struct WorkspacePackages {
    struct Package {
        var name: String
        /// The package's folder, repository-relative (`""` for the root package).
        var folder: String
        var manifest: JSONNode
    }

    private(set) var byName: [String: Package] = [:]

    init(provider: SourceProvider) {
        let patterns = Self.declaredPatterns(provider)
        let included = GlobSet(patterns.filter { !$0.hasPrefix("!") })
        let excluded = GlobSet(patterns.filter { $0.hasPrefix("!") }.map { String($0.dropFirst()) })
        for path in provider.files(under: "") where path == "package.json" || path.hasPathSuffix("/package.json") {
            let folder = RelativePath.directory(of: path)
            if !patterns.isEmpty, !folder.isEmpty, !included.matches(folder) || excluded.matches(folder) { continue }
            guard let manifest = Self.json(path, provider), let name = manifest["name"]?.stringValue, !name.isEmpty else { continue }
            // Two folders with one name (a fixture copying a package): the shallower one is the package.
            if let existing = byName[name], existing.folder.count <= folder.count { continue }
            byName[name] = Package(name: name, folder: folder, manifest: manifest)
        }
    }

    /// `@scope/name/sub/path` → the package and `./sub/path` (`.` for the package itself).
    func package(for specifier: String) -> (Package, subpath: String)? {
        let parts = specifier.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let nameCount = specifier.hasPrefix("@") ? 2 : 1
        guard parts.count >= nameCount, let package = byName[parts[..<nameCount].joined(separator: "/")] else { return nil }
        let rest = parts.dropFirst(nameCount).joined(separator: "/")
        return (package, rest.isEmpty ? "." : "./" + rest)
    }

    /// The workspace globs of the root `package.json` and `pnpm-workspace.yaml`, folder patterns as written.
    static func declaredPatterns(_ provider: SourceProvider) -> [String] {
        var patterns: [String] = []
        if let manifest = json("package.json", provider), let workspaces = manifest["workspaces"] {
            let list = workspaces.arrayValue ?? workspaces["packages"]?.arrayValue ?? []
            patterns += list.compactMap(\.stringValue)
        }
        for name in ["pnpm-workspace.yaml", "pnpm-workspace.yml"] {
            if let bytes = provider.read(name) { patterns += pnpmPackages(String(decoding: bytes, as: UTF8.self)) }
        }
        return patterns.map(normalizedPattern)
    }

    /// The `packages:` list of a pnpm-workspace.yaml (block or flow sequence of plain or quoted strings).
    static func pnpmPackages(_ text: String) -> [String] {
        var result: [String] = []
        var inPackages = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            let trimmed = line.trimmed(of: " \t\r")
            if trimmed.isEmpty { continue }
            let indented = line.first == " " || line.first == "\t"
            if !indented {
                inPackages = trimmed.hasPrefix("packages:")
                if inPackages, let open = trimmed.firstIndex(of: "["), let close = trimmed.lastIndex(of: "]") {
                    result += trimmed[trimmed.index(after: open)..<close].split(separator: ",").map { unquoted(String($0)) }
                    inPackages = false
                }
                continue
            }
            if inPackages, trimmed.hasPrefix("-") { result.append(unquoted(String(trimmed.dropFirst()))) }
        }
        return result.filter { !$0.isEmpty }
    }

    private static func unquoted(_ text: String) -> String {
        var value = text.trimmed(of: " \t\r")
        if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
            value = String(value.dropFirst().dropLast())
        }
        return value
    }

    /// `./packages/*/` → `packages/*`.
    private static func normalizedPattern(_ pattern: String) -> String {
        var value = pattern
        let negated = value.hasPrefix("!")
        if negated { value.removeFirst() }
        while value.hasPrefix("./") { value.removeFirst(2) }
        while value.hasSuffix("/") { value.removeLast() }
        return (negated ? "!" : "") + value
    }

    static func json(_ path: String, _ provider: SourceProvider) -> JSONNode? {
        guard let bytes = provider.read(path), case .success(let root) = JSONReader.parse(JSONWithComments.strip(bytes)) else { return nil }
        return root
    }
}

private extension String {
    func trimmed(of set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
