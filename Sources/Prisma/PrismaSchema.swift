import Drizzle

/// A Prisma schema (one file, or the files of a `prisma/schema/` folder) read into the same `SchemaModel` the
/// Drizzle reader fills, so the schema rules run on it unchanged.
public struct PrismaSchema: Sendable {
    /// The repository-relative paths of its `.prisma` files.
    public var files: [String]
    public var model: SchemaModel
    /// What could not be read (`prisma/parse-error`); the rest is still in the model.
    public var diagnostics: [ReaderDiagnostic]
    /// `relationMode = "prisma"`: relations are emulated by Prisma Client; the model's foreign keys are not in the
    /// database (they are kept so the rules that need an index on relation scalars still see them).
    public var isRelationModeEmulated: Bool
    /// The datasource's `provider`; nil when the schema declares none (one file of a folder without it).
    public var provider: String?
    /// The `//` comments of each file, by path (suppression directives).
    public var comments: [String: [(text: String, range: Range<Int>)]] = [:]

    public init(files: [String], model: SchemaModel, diagnostics: [ReaderDiagnostic], isRelationModeEmulated: Bool,
                provider: String?) {
        self.files = files
        self.model = model
        self.diagnostics = diagnostics
        self.isRelationModeEmulated = isRelationModeEmulated
        self.provider = provider
    }

    /// Reads the files of one schema (`files` as path and bytes) and maps them.
    public static func read(_ files: [(path: String, bytes: [UInt8])]) -> PrismaSchema {
        var parsed: [(path: String, syntax: PrismaFileSyntax)] = []
        var diagnostics: [ReaderDiagnostic] = []
        for file in files {
            let syntax = PrismaParser.parse(file.bytes)
            parsed.append((file.path, syntax))
            for error in syntax.errors {
                diagnostics.append(ReaderDiagnostic(kind: .syntax, message: error.message,
                                                    location: SourceLocation(path: file.path, range: error.range)))
            }
        }
        var mapper = PrismaModelMapper(files: parsed)
        let model = mapper.map()
        var schema = PrismaSchema(files: files.map(\.path), model: model, diagnostics: diagnostics + mapper.diagnostics,
                                  isRelationModeEmulated: mapper.relationMode == "prisma", provider: mapper.provider)
        for file in parsed where !file.syntax.comments.isEmpty { schema.comments[file.path] = file.syntax.comments }
        return schema
    }

    /// Whether the schema is for PostgreSQL (or says nothing: one file of a folder).
    public var isPostgres: Bool {
        guard let provider else { return true }
        return provider == "postgresql" || provider == "postgres"
    }
}
