import Catalog
import TypeScript

/// How to read a schema: drizzle-kit's `casing`, which generation's naming to follow, and `schemaFilter`.
public struct SchemaReadOptions: Sendable, Hashable {
    public var casing: Casing?
    public var convention: NamingConvention
    /// Only tables of these PostgreSQL schemas (drizzle-kit's `schemaFilter`); nil for all.
    public var schemaFilter: [String]?

    public init(casing: Casing? = nil, convention: NamingConvention = .kit0, schemaFilter: [String]? = nil) {
        self.casing = casing
        self.convention = convention
        self.schemaFilter = schemaFilter
    }
}

/// The schema read from Drizzle sources, what could not be read, and the files that were read.
public struct SchemaReadResult: Sendable {
    public var model: SchemaModel
    /// What the sources declare about each table and column beyond the model (bindings, keys, builders), beside it.
    public var declarations: SchemaDeclarations
    public var diagnostics: [ReaderDiagnostic]
    /// Every file evaluated (entry files and the files they import), sorted.
    public var files: [String]
}

/// Reads Drizzle pg-core schema files statically into a `SchemaModel`, as drizzle-kit would see them: the
/// tables, enums and schemas exported by the entry files (directly or through re-exports).
public enum DrizzleSchemaReader {
    public static func read(entryFiles: [String], provider: SourceProvider,
                            options: SchemaReadOptions = SchemaReadOptions()) -> SchemaReadResult {
        let evaluator = Evaluator(provider: provider, options: options)
        var model = SchemaModel(reader: .drizzle)
        var declarations = SchemaDeclarations()
        var seenTables: Set<Int> = []
        var seenEnums: Set<String> = []
        for path in entryFiles {
            guard evaluator.module(path) != nil else {
                evaluator.report(.malformedInput, "cannot read schema file", at: SourceLocation(path: path, range: 0..<0))
                continue
            }
            for (name, value) in evaluator.allExports(path) {
                switch value {
                case .unknown: evaluator.noteUnknownExport(path, name)
                case .table(let index):
                    if seenTables.insert(index).inserted {
                        let (table, declaration) = evaluator.assembleTable(index)
                        model.tables.append(table)
                        declarations.tables.append(declaration)
                    }
                case .pgEnum(let reference):
                    var value = PgEnum(name: reference.name, schema: reference.schema ?? "public",
                                       values: reference.values, location: reference.location)
                    value.areValuesUnreadable = reference.areValuesUnreadable
                    if seenEnums.insert(value.key).inserted { model.enums.append(value) }
                case .pgSchema(let name):
                    if name != "public", !model.schemas.contains(name) { model.schemas.append(name) }
                case .sequence(let sequence):
                    if !model.sequences.contains(where: { $0.name == sequence.name && $0.schema == sequence.schema }) {
                        model.sequences.append(sequence)
                    }
                case .relations(let relations):
                    declarations.relations += relations
                default:
                    continue
                }
            }
        }
        model.unreadableElements = evaluator.unreadableElements
        if let filter = options.schemaFilter {
            let kept = model.tables.indices.filter { filter.contains(QualifiedName.normalizedSchema(model.tables[$0].schema)) }
            model.tables = kept.map { model.tables[$0] }
            declarations.tables = kept.map { declarations.tables[$0] }
            model.schemas.removeAll { !filter.contains($0) }
        }
        let diagnostics = evaluator.diagnostics.sorted {
            ($0.location.path, $0.location.range.lowerBound) < ($1.location.path, $1.location.range.lowerBound)
        }
        return SchemaReadResult(model: model, declarations: declarations, diagnostics: diagnostics, files: evaluator.readFiles.sorted())
    }
}
