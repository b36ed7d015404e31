/// A PostgreSQL schema as drizzle-kit sees it, shaped like a drizzle-kit version 7 snapshot so that the schema
/// read from TypeScript sources and the one read from a snapshot can be compared and printed the same way.
public struct SchemaModel: Sendable, Hashable {
    /// Which reader filled the catalog: with each element's `location` (file and byte range) and, for
    /// constraints, `isNameExplicit`, the provenance of every element.
    public enum Reader: String, Sendable, Hashable {
        /// drizzle-orm pg-core TypeScript, evaluated statically.
        case drizzle
        /// A drizzle-kit snapshot (v7 or v8 JSON).
        case snapshot
        /// A `.prisma` schema.
        case prisma
        /// Migration SQL replayed statement by statement.
        case migrations
        /// A database's catalog, read back after `replay`.
        case database
        /// Built in memory (tests, printing).
        case inMemory
    }

    public var reader: Reader
    /// In declaration order (TypeScript) or key order (snapshot).
    public var tables: [Table]
    public var enums: [PgEnum]
    /// Non-public schemas declared with `pgSchema(...)` (snapshot `schemas`).
    public var schemas: [String]
    public var sequences: [Sequence]
    /// Functions and procedures, in definition order (migrations only; a later definition replaces an earlier one).
    public var routines: [Routine] = []
    /// Row-level security policies on tables the catalog does not hold (Supabase's `storage.objects`), by table
    /// (migrations only).
    public var policiesOnOtherTables: [QualifiedName: [Policy]] = [:]
    /// Kinds of top-level elements (tables, enums) of which some could not be read, names included.
    public var unreadableElements: Set<ElementKind> = []

    public init(tables: [Table] = [], enums: [PgEnum] = [], schemas: [String] = [], sequences: [Sequence] = [],
                reader: Reader = .inMemory) {
        self.reader = reader
        self.tables = tables
        self.enums = enums
        self.schemas = schemas
        self.sequences = sequences
    }

    /// The table with this schema ("" or "public" for the public schema) and name.
    public func table(schema: String = "", named name: String) -> Table? {
        let wanted = QualifiedName.normalizedSchema(schema)
        return tables.first { $0.name == name && QualifiedName.normalizedSchema($0.schema) == wanted }
    }
}

/// A `pgEnum` / `pgSchema(...).enum` type.
public struct PgEnum: Sendable, Hashable {
    public var name: String
    /// "public" unless declared on a `pgSchema`.
    public var schema: String
    public var values: [String]
    public var location: SourceLocation
    /// Some values could not be read.
    public var areValuesUnreadable = false

    public init(name: String, schema: String = "public", values: [String], location: SourceLocation = .none) {
        self.name = name
        self.schema = schema
        self.values = values
        self.location = location
    }

    /// The snapshot key: `schema.name`.
    public var key: String { QualifiedName(schema: schema, name: name).snapshotKey }
}

/// A `pgSequence`.
public struct Sequence: Sendable, Hashable {
    public var name: String
    public var schema: String
    public var options: SequenceOptions
    public var location: SourceLocation

    public init(name: String, schema: String, options: SequenceOptions, location: SourceLocation = .none) {
        self.name = name
        self.schema = schema
        self.options = options
        self.location = location
    }
}

/// The options of a sequence or identity column, as drizzle-kit writes them (numbers as strings).
public struct SequenceOptions: Sendable, Hashable {
    public var increment: String
    public var startWith: String
    public var minValue: String
    public var maxValue: String
    public var cache: String
    public var cycle: Bool

    public init(increment: String, startWith: String, minValue: String, maxValue: String, cache: String, cycle: Bool) {
        self.increment = increment
        self.startWith = startWith
        self.minValue = minValue
        self.maxValue = maxValue
        self.cache = cache
        self.cycle = cycle
    }
}

extension SourceLocation {
    /// For elements built in memory (tests, synthesized defaults) that have no text of their own.
    public static let none = SourceLocation(path: "", range: 0..<0)
}
