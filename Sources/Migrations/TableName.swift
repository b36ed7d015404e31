import SQL

/// A table as PostgreSQL resolves an unqualified name in migrations: `public` unless a schema is written.
public struct TableName: Sendable, Hashable, CustomStringConvertible {
    public var schema: String
    public var name: String

    public init(schema: String?, name: String) {
        if let schema, !schema.isEmpty { self.schema = schema } else { self.schema = "public" }
        self.name = name
    }

    public init(_ name: QualifiedName) {
        self.init(schema: name.schema, name: name.name)
    }

    /// `name` for the public schema, `schema.name` otherwise (how messages name a table).
    public var description: String { schema == "public" ? name : "\(schema).\(name)" }
}
