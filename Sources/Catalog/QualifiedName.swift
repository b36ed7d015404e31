/// A possibly schema-qualified object name (table, type, index, function, …): the one name type of the code base.
/// SQL statements keep it as written (quotes removed, case kept as PostgreSQL folds it; `schema` nil when
/// unqualified); `canonical` is the form the catalog compares and keys by.
public struct QualifiedName: Sendable, Hashable, CustomStringConvertible {
    /// The schema as written; nil when unqualified.
    public var schema: String?
    public var name: String

    public init(schema: String? = nil, name: String) {
        self.schema = schema
        self.name = name
    }

    /// `schema.name`, or `name` when unqualified (the name as written).
    public var description: String { schema.map { "\($0).\(name)" } ?? name }

    /// The name as PostgreSQL resolves it in migrations, where an unqualified name is in `public`; spelled without
    /// the public schema (`schema` nil), so that `users` and `public.users` are one key and messages read `users`.
    public var canonical: QualifiedName {
        QualifiedName(schema: QualifiedName.normalizedSchema(schema) == "public" ? nil : schema, name: name)
    }

    /// The canonical name of `name` in `schema` ("", nil or "public" for the public schema).
    public static func canonical(schema: String?, name: String) -> QualifiedName {
        QualifiedName(schema: schema, name: name).canonical
    }

    /// The schema the name is in: `public` when unqualified.
    public var resolvedSchema: String { QualifiedName.normalizedSchema(schema) }

    /// The snapshot key (`public.users`): drizzle-kit keys tables and enums by `schema.name`, public included.
    public var snapshotKey: String { "\(resolvedSchema).\(name)" }

    /// "" (drizzle-kit's spelling in snapshots), nil and "public" all mean the public schema.
    public static func normalizedSchema(_ schema: String?) -> String {
        guard let schema, !schema.isEmpty else { return "public" }
        return schema
    }
}
