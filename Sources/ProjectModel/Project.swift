import Catalog
import Core
import Drizzle
import Gists
import Migrations
import Prisma
import Queries

/// Everything the readers made of a repository: the typed models rules read. Rules never see raw text.
public struct Project: Sendable {
    public var configuration: Configuration
    /// Every file that was read, by repository-relative path (for locating findings).
    public var files: [String: SourceFile]
    public var gists: GistSet
    /// One Drizzle schema per drizzle-kit config (or one discovered without a config); empty when the repository
    /// has no Drizzle pg-core sources.
    public var schemas: [DrizzleSchema]
    /// The columns query code filters and sorts on; empty without `drizzle.queries`.
    public var queryUsage: QueryUsage
    /// Every drizzle-kit migrations folder found (SPEC §1), read and put in applied order.
    public var migrations: [MigrationFolder]
    /// What rules derive from these models and share (see `DerivedFacts`); copies of the project share it, so a fact
    /// that depends on what a copy changes (`MigrationStep.isApplied`) is keyed by it (the migration rules'
    /// `keyForMarking`).
    public let derived = DerivedFacts()
    /// Which Drizzle schema each drizzle-kit migrations folder records, paired by the loader (`SnapshotPairing`).
    public var snapshotPairings: [SnapshotPairing] = []
    /// Which Prisma schema each Prisma migrations folder records (folder path → index in `schemas`), paired by the
    /// loader (`PrismaPairings`); a folder with no certain schema is absent.
    public var prismaPairings: [String: Int] = [:]
    /// The same folders at the base ref (`--base`); nil without a base (`migration/edited-after-merge`).
    public var baseMigrations: [MigrationFolder]?
    /// Indexes and trigger-maintained columns the migrations add beyond the Drizzle schema.
    public var migrationEffects = MigrationEffects()
    /// The columns application code (every TypeScript file, not only `drizzle.queries`) sets when it updates a table.
    public var tableUpdates = RepositoryUpdates()
    /// Comments written at schema columns.
    public var columnComments = ColumnComments()
    /// Files on disk that git ignores, left out of the inputs (a run inside git reads what a commit can hold):
    /// `migration/journal-mismatch` names this as the cause when a migration file it expects is one of them.
    public var gitIgnoredFiles: Set<String> = []

    public init(
        configuration: Configuration, files: [String: SourceFile], gists: GistSet, schemas: [DrizzleSchema] = [],
        queryUsage: QueryUsage = QueryUsage(), migrations: [MigrationFolder] = [], baseMigrations: [MigrationFolder]? = nil
    ) {
        self.configuration = configuration
        self.files = files
        self.gists = gists
        self.schemas = schemas
        self.queryUsage = queryUsage
        self.migrations = migrations
        self.baseMigrations = baseMigrations
    }
}

extension Project {
    /// The Drizzle schemas whose migrations `folder` holds, each with the folder's latest snapshot as drizzle-kit
    /// compares the two (nil when the folder has no readable one).
    public func drizzleSchemas(of folder: MigrationFolder) -> [(schema: DrizzleSchema, snapshot: SchemaModel?)] {
        snapshotPairings.filter { $0.folder == folder.path }.map { (schemas[$0.schema], $0.snapshot) }
    }

    /// The Prisma schema whose migrations `folder` holds, as the loader paired them.
    public func prismaSchema(of folder: MigrationFolder) -> DrizzleSchema? {
        prismaPairings[folder.path].map { schemas[$0] }
    }
}

/// A migrations folder and a Drizzle schema whose migrations it holds: through the drizzle config whose `out` the
/// folder is; for a folder found otherwise, the project's only Drizzle schema when it is the only folder.
public struct SnapshotPairing: Sendable {
    /// The folder's `path`.
    public var folder: String
    /// The schema's index in `Project.schemas`.
    public var schema: Int
    /// The folder's latest snapshot without what drizzle-kit leaves out of the comparison with this schema: tables
    /// and enums of schemas outside the config's `schemaFilter`. nil when the folder has no readable snapshot.
    public var snapshot: SchemaModel?

    public init(folder: String, schema: Int, snapshot: SchemaModel?) {
        self.folder = folder
        self.schema = schema
        self.snapshot = snapshot
    }
}

/// A Drizzle schema as read from TypeScript: the model, what could not be read, and where it came from.
public struct DrizzleSchema: Sendable {
    /// The drizzle-kit config it was read through, if any.
    public var config: DrizzleConfig?
    public var model: SchemaModel
    /// What the sources declare about each column beyond the model (TypeScript keys, builders, `$onUpdate`),
    /// kept beside it by the reader.
    public var declarations = SchemaDeclarations()
    /// Syntax errors and values the reader could not evaluate (`drizzle/parse-error`).
    public var diagnostics: [ReaderDiagnostic]
    /// Every file the reader evaluated.
    public var files: [String]
    /// The config's `casing` could not be read and `drizzle.casing` does not say it: column names taken from
    /// property keys may be wrong, so nothing that compares names (drift) should trust them.
    public var isCasingUncertain: Bool {
        (config?.isCasingUnresolved ?? false) && !isCasingGiven
    }
    /// `drizzle.casing` in .schemalint.yml supplied the casing.
    public var isCasingGiven = false
    /// The config's `schema` named no file, or files declaring no table, or the config itself could not be read:
    /// the model is empty because it could not be read, not because the schema is empty (`drizzle/parse-error`
    /// reports why).
    public var isModelUnreadable = false
    /// Top-level statements with a syntax error: read only in part, so what they declare is no verdict's ground
    /// (their `drizzle/parse-error` is the one finding; the evaluator's own diagnostics there are dropped).
    public var brokenStatements: [SourceLocation] = []
    /// Set when the schema was read from `.prisma` files (the legacy ORM) rather than Drizzle TypeScript: the same
    /// model, with Prisma's specifics (`relationMode`). Never compared with drizzle-kit snapshots.
    public var prisma: PrismaSchema?
    /// The model's tables with their columns' declarations.
    public var tables: [DeclaredTable] { model.declaredTables(declarations) }

    /// Whether the model can be compared with migration snapshots: names are certain and the schema was read.
    public var isComparable: Bool { !isCasingUncertain && !isModelUnreadable && prisma == nil }

    /// A Prisma schema in the shared model; its reader diagnostics are `prisma/parse-error`'s, not `drizzle/parse-error`'s.
    public init(prisma: PrismaSchema) {
        self.init(config: nil, model: prisma.model, diagnostics: [], files: prisma.files)
        self.declarations = prisma.declarations
        self.prisma = prisma
    }

    public init(config: DrizzleConfig?, model: SchemaModel, diagnostics: [ReaderDiagnostic], files: [String]) {
        self.config = config
        self.model = model
        self.diagnostics = diagnostics
        self.files = files
    }
}

/// A rule over the project model. Each rule is one type in one file under `Sources/<Domain>Rules/`.
public protocol ProjectRule: Rule {
    func check(_ project: Project, _ context: RuleContext)
    /// Works out the shared facts (`Project.derived`) the rule reads, before the rules run side by side. A fact first
    /// asked for inside a rule is computed on that rule's thread while the rules that need it wait, holding their
    /// cores: the computation, though written to use every core, then ran on one.
    func prepare(_ project: Project)
}

extension ProjectRule {
    public func prepare(_ project: Project) {}
}
