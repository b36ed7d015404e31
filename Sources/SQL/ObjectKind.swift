/// The kind of database object a statement names, from libpg_query's `OBJECT_*` constants
/// (`OBJECT_TABLE` → `table`, `OBJECT_TABCONSTRAINT` → `constraint`, `OBJECT_MATVIEW` → `materialized view`).
/// A struct rather than an enum so that kinds this model does not list still come through.
public struct ObjectKind: Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let table = ObjectKind(rawValue: "table")
    public static let column = ObjectKind(rawValue: "column")
    public static let constraint = ObjectKind(rawValue: "constraint")
    public static let index = ObjectKind(rawValue: "index")
    public static let type = ObjectKind(rawValue: "type")
    public static let schema = ObjectKind(rawValue: "schema")
    public static let view = ObjectKind(rawValue: "view")
    public static let materializedView = ObjectKind(rawValue: "materialized view")
    public static let sequence = ObjectKind(rawValue: "sequence")
    public static let function = ObjectKind(rawValue: "function")
    public static let procedure = ObjectKind(rawValue: "procedure")
    public static let policy = ObjectKind(rawValue: "policy")
    public static let trigger = ObjectKind(rawValue: "trigger")
    public static let rule = ObjectKind(rawValue: "rule")

    /// Objects whose names are per table (`DROP POLICY p ON t`), not per schema.
    public var belongsToTable: Bool { self == .policy || self == .trigger || self == .rule }

    public var description: String { rawValue }

    /// Maps libpg_query's `OBJECT_…` name.
    init(libpgQueryName: String) {
        // The common kinds first, without building a string (every `ALTER TABLE` names one).
        switch libpgQueryName {
        case "OBJECT_TABLE": self = .table
        case "OBJECT_INDEX": self = .index
        case "OBJECT_COLUMN": self = .column
        case "OBJECT_TYPE": self = .type
        case "OBJECT_SCHEMA": self = .schema
        case "OBJECT_VIEW": self = .view
        case "OBJECT_SEQUENCE": self = .sequence
        case "OBJECT_FUNCTION": self = .function
        case "OBJECT_POLICY": self = .policy
        case "OBJECT_TRIGGER": self = .trigger
        default: self.init(otherLibpgQueryName: libpgQueryName)
        }
    }

    private init(otherLibpgQueryName libpgQueryName: String) {
        var name = Substring(libpgQueryName)
        if name.hasPrefix("OBJECT_") { name = name.dropFirst("OBJECT_".count) }
        switch name {
        case "TABCONSTRAINT", "DOMCONSTRAINT": self = .constraint
        case "MATVIEW": self = .materializedView
        default: self.init(rawValue: String(name.lowercased().map { $0 == "_" ? " " : $0 }))
        }
    }
}
