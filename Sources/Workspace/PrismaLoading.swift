import Core
import Drizzle
import JSON
import Prisma
import ProjectModel
import TypeScript

/// Finds the Prisma schemas of a repository (the legacy ORM beside Drizzle) and reads each into the shared model:
/// the location `prisma.config.ts` (`schema: '…'`) or `package.json` (`prisma.schema`) names, else every
/// `.prisma` file, where the files of a `prisma/schema/` folder (multi-file schemas) form one schema.
struct PrismaLoading {
    let paths: [String]
    let source: any FileSource
    let provider: ParsedSourceProvider

    struct Loaded {
        var schemas: [DrizzleSchema]
        var files: [SourceFile]
    }

    func load() -> Loaded {
        var prismaPaths = paths.filter { $0.hasPathSuffix(".prisma") }
        guard !prismaPaths.isEmpty else { return Loaded(schemas: [], files: []) }
        let configured = configuredLocations()
        prismaPaths.removeAll { path in
            Self.isDocumentation(path) && !configured.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        }
        let groups = Self.group(prismaPaths, configured: configured)
        let source = self.source
        let read = groups.concurrentMap { group -> (PrismaSchema, [SourceFile]) in
            let files = group.compactMap { path in (try? source.read(path)).map { SourceFile(path: path, bytes: $0) } }
            return (PrismaSchema.read(files.map { ($0.path, $0.bytes) }), files)
        }
        let kept = read.filter { $0.0.isPostgres }
        return Loaded(schemas: kept.map { DrizzleSchema(prisma: $0.0) }, files: kept.flatMap(\.1))
    }

    /// Files per schema: a configured folder's files together, a configured file alone, the files under a
    /// `…/schema/` folder next to other Prisma files together (Prisma's multi-file layout), every other file alone.
    static func group(_ prismaPaths: [String], configured: [String]) -> [[String]] {
        var groups: [[String]] = []
        var taken: Set<String> = []
        for location in configured {
            let folder = location.hasSuffix("/") ? location : location + "/"
            let members = prismaPaths.filter { !taken.contains($0) && ($0 == location || $0.hasPrefix(folder)) }
            guard !members.isEmpty else { continue }
            taken.formUnion(members)
            groups.append(members)
        }
        var folders: [String: [String]] = [:]
        var folderOrder: [String] = []
        for path in prismaPaths where !taken.contains(path) {
            let key = multiFileFolder(of: path) ?? path
            if folders[key] == nil { folderOrder.append(key) }
            folders[key, default: []].append(path)
        }
        return groups + folderOrder.compactMap { folders[$0] }
    }

    /// A copy or an excerpt of a schema kept as documentation (`docs/reference/schema.prisma`): under a `docs`,
    /// `doc` or `documentation` folder with no `prisma` folder below it. No database is migrated from it, and its
    /// findings would repeat the real schema's or report the parts an excerpt leaves out. A docs site's own
    /// schema (`apps/docs/prisma/schema.prisma`) is kept, and so is any file a configuration names.
    static func isDocumentation(_ path: String) -> Bool {
        let folders = path.split(separator: "/").dropLast()
        guard let docs = folders.lastIndex(where: { ["docs", "doc", "documentation"].contains($0.lowercased()) }) else { return false }
        return !folders[(docs + 1)...].contains("prisma")
    }

    /// `prisma/schema/` (or a subfolder of it): Prisma's default multi-file schema folder.
    static func multiFileFolder(of path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard let index = parts.lastIndex(of: "schema"), index >= 1, parts[index - 1] == "prisma", index < parts.count - 1 else { return nil }
        return parts[...index].joined(separator: "/")
    }

    /// Schema locations written in `prisma.config.ts` and `package.json`, repository-relative.
    func configuredLocations() -> [String] {
        var locations: [String] = []
        for path in paths where path.hasPathSuffix("prisma.config.ts") || path == "package.json" || path.hasPathSuffix("/package.json") {
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            let written: String?
            if path.hasSuffix("package.json") {
                guard let bytes = try? source.read(path), case .success(let json) = JSONReader.parse(bytes) else { continue }
                written = json["prisma"]?["schema"]?.stringValue
            } else {
                written = provider.syntax(path).flatMap(Self.schemaProperty)
            }
            if let written { locations.append(Self.resolve(written, from: folder)) }
        }
        return locations
    }

    /// The value of a `schema:` property in the config, relative to the config's folder: a string
    /// (`defineConfig({ schema: 'prisma/schema' })`) or the config's folder joined with strings
    /// (`schema: path.join(__dirname, 'prisma')`, which Prisma's own templates write).
    static func schemaProperty(_ syntax: SourceFileSyntax) -> String? {
        var found: String?
        syntax.forEachExpression { expression in
            guard found == nil, case .object(let object) = expression else { return }
            for case .property(let property) in object.members {
                guard case .identifier(let key) = property.key, key.name == "schema" else { continue }
                found = relativeLocation(property.value)
            }
        }
        return found
    }

    /// `'prisma'`, or `path.join(__dirname, 'prisma')` / `resolve(import.meta.dirname, 'prisma', 'schema')` as
    /// `prisma/schema`; nil for anything known only at run time.
    static func relativeLocation(_ expression: ExpressionSyntax) -> String? {
        switch expression.unwrapped {
        case .string(let literal):
            return literal.value
        case .call(let call):
            let function: String
            switch call.callee.unwrapped {
            case .identifier(let name): function = name.name
            case .member(let member): function = member.property.name
            default: return nil
            }
            guard ["join", "resolve"].contains(function), let first = call.arguments.first, isConfigFolder(first) else { return nil }
            var parts: [String] = []
            for argument in call.arguments.dropFirst() {
                guard case .string(let literal) = argument.unwrapped else { return nil }
                parts.append(literal.value)
            }
            return parts.isEmpty ? "." : parts.joined(separator: "/")
        default:
            return nil
        }
    }

    /// `__dirname` or `import.meta.dirname`: the folder of the config file itself.
    private static func isConfigFolder(_ expression: ExpressionSyntax) -> Bool {
        switch expression.unwrapped {
        case .identifier(let name): return name.name == "__dirname"
        case .member(let member):
            guard member.property.name == "dirname", case .metaProperty(let meta) = member.object.unwrapped else { return false }
            return meta.meta.name == "import"
        default: return false
        }
    }

    /// `./prisma/schema.prisma` from `apps/api` → `apps/api/prisma/schema.prisma`.
    static func resolve(_ written: String, from folder: String) -> String {
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for part in written.split(separator: "/").map(String.init) {
            switch part {
            case ".", "": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        var result = parts.joined(separator: "/")
        while result.hasSuffix("/") { result.removeLast() }
        return result
    }
}
