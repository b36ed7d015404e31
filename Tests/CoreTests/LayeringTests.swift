import Foundation
import Testing

/// The layers of docs/DESIGN.md, checked against Package.swift and every `import` under Sources/: a module may use
/// modules of its own layer or below, never one above; what it imports is declared in Package.swift (so that the
/// manifest is the record of the layering, not the transitive closure that happens to build) and imported; and each
/// C library is imported by exactly one Swift module.
@Suite struct LayeringTests {
    static let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// DESIGN.md's diagram, bottom up. A new module must be placed here (and in the diagram).
    static let layers: [[String]] = [
        // 0: the catalog, the shared kernel, the C libraries and their wrappers that need no reader.
        ["Catalog", "Core", "YAML", "Git", "Postgres", "DynamicLibrary", "JSON", "TypeScript",
         "CGit2", "CLibPQ", "CLibYAML", "CPgQuery", "EmbedCatalogTool", "EmbedCatalog"],
        // 1: readers, each bytes → a typed model (the catalog, or a model of its own).
        ["SQL", "Drizzle", "DrizzleKit", "Prisma", "Gists"],
        // 2: readers built on readers: migration replay and folders, query code.
        ["SQLReplay", "Migrations", "Queries"],
        // 3: the project every rule reads.
        ["ProjectModel"],
        // 4: rules, workspace loading, the replay against PostgreSQL.
        ["GistRules", "SyncRules", "DrizzleRules", "MigrationRules", "Replay", "Workspace"],
        // 5: the engine, the reporters.
        ["RuleEngine", "Reporters"],
        // 6: the runners, `validate`.
        ["Linter", "SchemaValidation"],
        // 7: the command line, the language server.
        ["schemalint", "LanguageServer"],
    ]

    static var layerOf: [String: Int] {
        Dictionary(uniqueKeysWithValues: layers.enumerated().flatMap { layer, names in names.map { ($0, layer) } })
    }

    /// The non-test targets of Package.swift with the targets they depend on (products of other packages left out).
    static func manifest() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        // Each declaration runs from `.target(name: "X"` (or executableTarget, systemLibrary, plugin) to the next.
        var starts: [(name: String, at: String.Index)] = []
        var cursor = text.startIndex
        while let open = text.range(of: "(name: \"", range: cursor..<text.endIndex) {
            cursor = open.upperBound
            let kind = text[..<open.lowerBound].reversed().prefix { $0 != "." }
            guard ["target", "executableTarget", "systemLibrary", "plugin"].contains(String(kind.reversed())),
                  let close = text[open.upperBound...].firstIndex(of: "\"") else { continue }
            starts.append((String(text[open.upperBound..<close]), open.lowerBound))
        }
        var targets: [String: Substring] = [:]
        for (index, start) in starts.enumerated() {
            let declaration = text[start.at..<(index + 1 < starts.count ? starts[index + 1].at : text.endIndex)]
            if !declaration.contains("path: \"Tests/") { targets[start.name] = declaration }
        }
        return targets.mapValues { (declaration: Substring) -> Set<String> in
            guard let list = declaration.range(of: "dependencies: [") else { return [] }
            let rest = declaration[list.upperBound...]
            var depth = 1
            var end = rest.startIndex
            for index in rest.indices {
                if rest[index] == "[" { depth += 1 } else if rest[index] == "]" { depth -= 1 }
                if depth == 0 { end = index; break }
            }
            // Quoted names at odd positions of a split on quotes.
            let names = rest[..<end].split(separator: "\"", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            return Set(names.filter { targets[$0] != nil })
        }
    }

    /// The module an `import` line names (`import X`, `@testable import X`, `public import X`, `import struct X.Y`).
    static func importedModule(_ line: Substring) -> String? {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
        while let first = words.first, first.hasPrefix("@") || ["public", "internal", "package", "private", "fileprivate"].contains(first) {
            words = words.dropFirst()
        }
        guard words.first == "import" else { return nil }
        words = words.dropFirst()
        if let kind = words.first, ["struct", "enum", "class", "func", "protocol", "typealias", "var", "let"].contains(kind) {
            words = words.dropFirst()
        }
        return words.first.map { String($0.prefix { $0.isLetter || $0.isNumber || $0 == "_" }) }
    }

    /// The modules each target under Sources/ imports (only modules of this package).
    static func imports(known: Set<String>) throws -> [String: Set<String>] {
        let sources = root.appendingPathComponent("Sources")
        var result: [String: Set<String>] = [:]
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            let folder = sources.appendingPathComponent(module)
            let files = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
            var imported: Set<String> = []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    if let name = importedModule(line.drop { $0 == " " }), known.contains(name) { imported.insert(name) }
                }
            }
            result[module] = imported
        }
        return result
    }

    @Test func everyTargetHasALayer() throws {
        let targets = try Self.manifest()
        #expect(Set(targets.keys).subtracting(Self.layerOf.keys).sorted() == [], "targets missing from LayeringTests.layers and DESIGN.md")
        #expect(Set(Self.layerOf.keys).subtracting(targets.keys).sorted() == [], "layers name targets Package.swift does not have")
        #expect(targets.count > 30, "Package.swift was not read: \(targets.keys.sorted())")
    }

    @Test func noTargetDependsOnALaterLayer() throws {
        let layerOf = Self.layerOf
        var violations: [String] = []
        for (target, dependencies) in try Self.manifest() {
            for dependency in dependencies where (layerOf[dependency] ?? .max) > (layerOf[target] ?? -1) {
                violations.append("\(target) (layer \(layerOf[target] ?? -1)) depends on \(dependency) (layer \(layerOf[dependency] ?? -1))")
            }
        }
        #expect(violations.sorted() == [])
    }

    @Test func noModuleImportsALaterLayerOrAnUndeclaredModule() throws {
        let targets = try Self.manifest()
        let layerOf = Self.layerOf
        let imports = try Self.imports(known: Set(targets.keys))
        #expect(imports["Migrations"]?.contains("SQL") == true, "imports were not read")
        var violations: [String] = []
        for (module, imported) in imports {
            for name in imported.sorted() {
                if name == module {
                    violations.append("\(module) imports itself")
                } else if (layerOf[name] ?? .max) > (layerOf[module] ?? -1) {
                    violations.append("\(module) imports \(name), of a later layer")
                } else if targets[module]?.contains(name) != true {
                    violations.append("\(module) imports \(name) without declaring it in Package.swift")
                }
            }
        }
        #expect(violations.sorted() == [])
    }

    /// A dependency nothing imports makes the manifest claim a layering the code does not have.
    @Test func everyDeclaredDependencyIsImported() throws {
        let targets = try Self.manifest()
        let imports = try Self.imports(known: Set(targets.keys))
        var unused: [String] = []
        for (target, dependencies) in targets where imports[target] != nil {
            for dependency in dependencies.sorted() where imports[target]?.contains(dependency) != true {
                unused.append("\(target) declares \(dependency) and imports nothing of it")
            }
        }
        #expect(unused.sorted() == [])
    }

    @Test func eachCLibraryIsImportedByOneModule() throws {
        let imports = try Self.imports(known: ["CGit2", "CLibPQ", "CLibYAML", "CPgQuery"])
        for library in ["CGit2", "CLibPQ", "CLibYAML", "CPgQuery"] {
            #expect(imports.filter { $0.value.contains(library) }.count == 1, "\(library): \(imports.filter { $0.value.contains(library) }.keys.sorted())")
        }
    }
}
