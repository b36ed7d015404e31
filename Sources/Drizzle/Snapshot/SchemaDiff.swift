import Catalog

/// Structural comparison of the schema read from the sources with a snapshot: what drizzle-kit would put in a new
/// migration. Used to measure the reader's fidelity and by `schema/migration-drift`.
///
/// Only what drizzle-kit itself treats as equal is normalised:
/// - the schema `""` and `"public"` (v7 writes `""` for tables, `"public"` elsewhere; a foreign key's missing
///   `schemaTo` means public);
/// - a default's JSON kind: `false`/`0` (drizzle-kit 0.x) equal `"false"`/`"0"` (drizzle-kit 1 writes strings);
/// - a referential action that is absent equals `no action` (drizzle-kit's default), case-insensitively;
/// - elements of a table are matched by name, tables by `schema.name`, so key order does not matter;
/// - an enum's `typeSchema` is not compared on its own (the type name and the enum list cover it);
/// - drizzle-kit 1 keeps a snapshot constraint's derived name (`nameExplicit: false`) when exactly one unnamed
///   source constraint has the same definition (its `preserveEntityNames`): e.g. an index named after a column
///   that was later renamed. Such pairs are matched despite the different names.
///
/// What the reader could not read is never a difference ("never guess"): a column's unreadable parts are not
/// compared, and when a table (or the model) has elements of some kind it could not read at all, an element of
/// that kind that only the snapshot has is not reported as removed.
public enum SchemaDiff {
    public static func compare(_ source: SchemaModel, _ snapshot: SchemaModel) -> [Difference] {
        var differences: [Difference] = []
        let snapshotTables = Dictionary(snapshot.tables.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let sourceKeys = Set(source.tables.map(\.key))
        for table in source.tables {
            guard let other = snapshotTables[table.key] else {
                differences.append(Difference(change: .added, element: .table, table: nil, name: table.key,
                                              sourceLocation: table.location))
                continue
            }
            differences += TableDiff(source: table, snapshot: other).differences()
        }
        for table in snapshot.tables where !sourceKeys.contains(table.key) && !source.unreadableElements.contains(.table) {
            differences.append(Difference(change: .removed, element: .table, table: nil, name: table.key,
                                          snapshotLocation: table.location))
        }
        differences += compareEnums(source.enums, snapshot.enums,
                                    reportRemoved: !source.unreadableElements.contains(.enum))
        let sourceSchemas = Set(source.schemas), snapshotSchemas = Set(snapshot.schemas)
        for schema in source.schemas where !snapshotSchemas.contains(schema) {
            differences.append(Difference(change: .added, element: .schema, table: nil, name: schema))
        }
        for schema in snapshot.schemas where !sourceSchemas.contains(schema) {
            differences.append(Difference(change: .removed, element: .schema, table: nil, name: schema))
        }
        return differences
    }

    private static func compareEnums(_ source: [PgEnum], _ snapshot: [PgEnum], reportRemoved: Bool) -> [Difference] {
        var differences: [Difference] = []
        let snapshotEnums = Dictionary(snapshot.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for value in source {
            guard let other = snapshotEnums[value.key] else {
                differences.append(Difference(change: .added, element: .enum, table: nil, name: value.key,
                                              sourceLocation: value.location))
                continue
            }
            if value.values != other.values, !value.areValuesUnreadable {
                differences.append(Difference(change: .changed, element: .enum, table: nil, name: value.key,
                                              property: "values", sourceValue: value.values.joined(separator: ", "),
                                              snapshotValue: other.values.joined(separator: ", "),
                                              sourceLocation: value.location, snapshotLocation: other.location))
            }
        }
        let sourceKeys = Set(source.map(\.key))
        for value in snapshot where reportRemoved && !sourceKeys.contains(value.key) {
            differences.append(Difference(change: .removed, element: .enum, table: nil, name: value.key,
                                          snapshotLocation: value.location))
        }
        return differences
    }
}

/// The differences inside one table present on both sides.
private struct TableDiff {
    let source: Table
    let snapshot: Table
    var found: [Difference] = []

    init(source: Table, snapshot: Table) {
        self.source = source
        self.snapshot = snapshot
    }

    consuming func differences() -> [Difference] {
        if source.isRLSEnabled != snapshot.isRLSEnabled {
            found.append(Difference(change: .changed, element: .table, table: nil, name: source.key,
                                    property: "isRLSEnabled", sourceValue: "\(source.isRLSEnabled)",
                                    snapshotValue: "\(snapshot.isRLSEnabled)", sourceLocation: source.location,
                                    snapshotLocation: snapshot.location))
        }
        // The expressions are not compared: drizzle-kit writes the rendered `sql` text, whose spacing the reader
        // cannot promise to reproduce; a changed expression is not worth a guessed drift.
        matchByName(source.policies, snapshot.policies, element: .policy, name: \.name, location: \.location,
                    properties: Self.policyProperties,
                    isUnreadable: { policy, property in Self.policyPart(property).map(policy.unreadable.contains) ?? false })
        matchByName(source.columns, snapshot.columns, element: .column, name: \.name, location: \.location,
                    properties: Self.columnProperties, isNameUnreadable: { $0.unreadable.contains(.name) },
                    isUnreadable: { column, property in
                        column.unreadable.contains(.name)
                            || Column.Part(rawValue: property).map(column.unreadable.contains) ?? false
                    })
        let uniqueProperties: (UniqueConstraint) -> [(String, String)] = {
            [("columns", $0.columns.joined(separator: ", ")), ("nullsNotDistinct", "\($0.nullsNotDistinct)")]
        }
        let primaryKeyProperties: (PrimaryKeyConstraint) -> [(String, String)] = {
            [("columns", $0.columns.joined(separator: ", "))]
        }
        matchByName(Self.preservingNames(source.indexes, snapshot.indexes, explicit: \.isNameExplicit,
                                         properties: Self.indexProperties),
                    snapshot.indexes, element: .index, name: \.name, location: \.location,
                    properties: Self.indexProperties)
        matchByName(Self.preservingNames(source.foreignKeys, snapshot.foreignKeys, explicit: \.isNameExplicit,
                                         properties: Self.foreignKeyProperties),
                    snapshot.foreignKeys, element: .foreignKey, name: \.name,
                    location: \.location, properties: Self.foreignKeyProperties)
        matchByName(Self.preservingNames(source.compositePrimaryKeys, snapshot.compositePrimaryKeys,
                                         explicit: \.isNameExplicit, properties: primaryKeyProperties),
                    snapshot.compositePrimaryKeys, element: .primaryKey, name: \.name,
                    location: \.location, properties: primaryKeyProperties)
        matchByName(Self.preservingNames(source.uniqueConstraints, snapshot.uniqueConstraints,
                                         explicit: \.isNameExplicit, properties: uniqueProperties),
                    snapshot.uniqueConstraints, element: .uniqueConstraint, name: \.name,
                    location: \.location, properties: uniqueProperties)
        matchByName(source.checkConstraints, snapshot.checkConstraints, element: .checkConstraint, name: \.name,
                    location: \.location, properties: { [("value", $0.value)] })
        return found
    }

    /// drizzle-kit 1's `preserveEntityNames`: a snapshot element with a derived name lends it to the one
    /// source element with a derived name and the same definition.
    private static func preservingNames<Element: NamedConstraint>(
        _ sourceElements: [Element], _ snapshotElements: [Element], explicit: (Element) -> Bool,
        properties: (Element) -> [(String, String)]
    ) -> [Element] {
        var result = sourceElements
        func signature(_ element: Element) -> [String] { properties(element).map { "\($0.0)=\($0.1)" } }
        for old in snapshotElements where !explicit(old) {
            let candidates = result.indices.filter { !explicit(result[$0]) && signature(result[$0]) == signature(old) }
            guard candidates.count == 1, let index = candidates.first, result[index].name != old.name else { continue }
            result[index].name = old.name
        }
        return result
    }

    /// Matches elements by name; reports added, removed, and each property whose text differs.
    private mutating func matchByName<Element>(
        _ sourceElements: [Element], _ snapshotElements: [Element], element: ElementKind,
        name: (Element) -> String, location: (Element) -> SourceLocation,
        properties: (Element) -> [(String, String)], isNameUnreadable: (Element) -> Bool = { _ in false },
        isUnreadable: (Element, String) -> Bool = { _, _ in false }
    ) {
        var remaining = Dictionary(snapshotElements.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
        for item in sourceElements {
            let itemName = name(item)
            guard let other = remaining.removeValue(forKey: itemName) else {
                // An element whose name is unknown may be any snapshot element: never "added".
                if isNameUnreadable(item) { continue }
                found.append(Difference(change: .added, element: element, table: source.key, name: itemName,
                                              sourceLocation: location(item)))
                continue
            }
            let otherProperties = Dictionary(properties(other), uniquingKeysWith: { first, _ in first })
            for (property, value) in properties(item) where otherProperties[property] != value && !isUnreadable(item, property) {
                found.append(Difference(change: .changed, element: element, table: source.key, name: itemName,
                                              property: property, sourceValue: value,
                                              snapshotValue: otherProperties[property],
                                              sourceLocation: location(item), snapshotLocation: location(other)))
            }
        }
        for item in snapshotElements where remaining[name(item)] != nil && !source.unreadableElements.contains(element) {
            found.append(Difference(change: .removed, element: element, table: source.key, name: name(item),
                                          snapshotLocation: location(item)))
        }
    }

    private static func policyProperties(_ policy: Policy) -> [(String, String)] {
        [("as", policy.permissive ? "permissive" : "restrictive"), ("for", policy.command.rawValue),
         ("to", policy.roles.sorted().joined(separator: ", "))]
    }

    private static func policyPart(_ property: String) -> Policy.Part? {
        switch property {
        case "as": .permissive
        case "for": .command
        case "to": .roles
        default: nil
        }
    }

    private static func columnProperties(_ column: Column) -> [(String, String)] {
        var properties = [("type", column.type), ("primaryKey", "\(column.primaryKey)"),
                          ("notNull", "\(column.notNull)"), ("default", column.default?.text ?? "none")]
        if let identity = column.identity {
            let options = identity.options
            properties.append(("identity", "\(identity.type) \(identity.name) \(options.increment) \(options.startWith) "
                + "\(options.minValue) \(options.maxValue) \(options.cache) \(options.cycle)"))
        } else {
            properties.append(("identity", "none"))
        }
        properties.append(("generated", column.generated?.expression ?? "none"))
        return properties
    }

    private static func indexProperties(_ index: Index) -> [(String, String)] {
        let columns = index.columns.map { column in
            [column.expression, column.isExpression ? "expression" : "column", column.asc ? "asc" : "desc",
             "nulls \(column.nulls)", column.opclass ?? ""].joined(separator: " ")
        }
        return [("columns", columns.joined(separator: ", ")), ("isUnique", "\(index.isUnique)"),
                ("method", index.method), ("where", index.where ?? "none"), ("concurrently", "\(index.concurrently)"),
                ("with", index.with.map { "\($0.key)=\($0.value)" }.joined(separator: ","))]
    }

    private static func foreignKeyProperties(_ key: ForeignKey) -> [(String, String)] {
        [("tableTo", QualifiedName(schema: key.schemaTo, name: key.tableTo).snapshotKey),
         ("columnsFrom", key.columnsFrom.joined(separator: ", ")), ("columnsTo", key.columnsTo.joined(separator: ", ")),
         ("onDelete", (key.onDelete ?? .noAction).rawValue), ("onUpdate", (key.onUpdate ?? .noAction).rawValue)]
    }
}

/// Constraints whose names drizzle-kit may derive.
protocol NamedConstraint {
    var name: String { get set }
}

extension Index: NamedConstraint {}
extension ForeignKey: NamedConstraint {}
extension PrimaryKeyConstraint: NamedConstraint {}
extension UniqueConstraint: NamedConstraint {}
