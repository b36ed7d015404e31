import Catalog

/// A Prisma schema (one file, or the files of a `prisma/schema/` folder) read into the same `SchemaModel` the
/// Drizzle reader fills, so the schema rules run on it unchanged.
public struct PrismaSchema: Sendable {
    /// The repository-relative paths of its `.prisma` files.
    public var files: [String]
    public var model: SchemaModel
    /// The models' names and markers, the fields' names, types and run-time behaviour (`@updatedAt`), beside the
    /// model's tables and columns.
    public var declarations = SchemaDeclarations()
    /// What could not be read (`prisma/parse-error`); the rest is still in the model.
    public var diagnostics: [ReaderDiagnostic]
    /// `relationMode = "prisma"`: relations are emulated by Prisma Client; the model's foreign keys are not in the
    /// database (they are kept so the rules that need an index on relation scalars still see them).
    public var isRelationModeEmulated: Bool
    /// The datasource's `provider`; nil when the schema declares none (one file of a folder without it).
    public var provider: String?
    /// The `//` comments of each file, by path (suppression directives).
    public var comments: [String: [(text: String, range: Range<Int>)]] = [:]
    /// The tables Prisma creates for implicit many-to-many relations (`_CategoryToPost`), which no model declares.
    public var implicitJoinTables: Set<String> = []

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
        let bytesByPath = Dictionary(files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        for index in model.tables.indices where mapper.declarations.tables.indices.contains(index) {
            let location = model.tables[index].location
            guard let bytes = bytesByPath[location.path], let syntax = parsed.first(where: { $0.path == location.path })?.syntax else { continue }
            mapper.declarations.tables[index].isHighFrequency = hasHighFrequencyMarker(before: location.range.lowerBound, comments: syntax.comments, bytes: bytes)
        }
        var schema = PrismaSchema(files: files.map(\.path), model: model, diagnostics: diagnostics + mapper.diagnostics,
                                  isRelationModeEmulated: mapper.relationMode == "prisma", provider: mapper.provider)
        schema.declarations = mapper.declarations
        for file in parsed where !file.syntax.comments.isEmpty { schema.comments[file.path] = file.syntax.comments }
        schema.implicitJoinTables = mapper.implicitJoinTables()
        return schema
    }

    /// A `// schemalint: high-frequency` comment right before the model (only whitespace and `///` documentation
    /// between), as above a Drizzle table.
    static func hasHighFrequencyMarker(before start: Int, comments: [(text: String, range: Range<Int>)], bytes: [UInt8]) -> Bool {
        guard let comment = comments.last(where: { $0.range.upperBound <= start }),
              comment.text.filter({ $0 != " " && $0 != "\t" && $0 != "\r" }) == "schemalint:high-frequency",
              comment.range.upperBound <= start, start <= bytes.count else { return false }
        let between = String(decoding: bytes[comment.range.upperBound..<start], as: UTF8.self)
        return between.split(separator: "\n").allSatisfy { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            return trimmed.isEmpty || trimmed.hasPrefix("///")
        }
    }

    /// Whether the schema is for PostgreSQL (or says nothing: one file of a folder).
    public var isPostgres: Bool {
        guard let provider else { return true }
        return provider == "postgresql" || provider == "postgres"
    }
}
