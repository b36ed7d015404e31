/// A possibly schema-qualified object name, as written (quotes removed, case kept as PostgreSQL folds it).
public struct QualifiedName: Sendable, Hashable, CustomStringConvertible {
    public var schema: String?
    public var name: String

    public init(schema: String? = nil, name: String) {
        self.schema = schema
        self.name = name
    }

    /// `schema.name`, or `name` when unqualified.
    public var description: String { schema.map { "\($0).\(name)" } ?? name }
}
