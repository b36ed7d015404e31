/// Structural comparison of two catalogs, each difference located on both sides: the schema read from the sources
/// against a snapshot (what drizzle-kit would put in a new migration; `schema/migration-drift`, the reader's
/// fidelity tests), a Prisma schema against its migrations, a database against a snapshot (`replay`).
///
/// Only what PostgreSQL and drizzle-kit both treat as equal is normalised here:
/// - the schema `""` and `"public"` (v7 writes `""` for tables, `"public"` elsewhere; a foreign key's missing
///   `schemaTo` means public);
/// - a default's JSON kind: `false`/`0` (drizzle-kit 0.x) equal `"false"`/`"0"` (drizzle-kit 1 writes strings);
/// - a referential action that is absent equals `no action` (drizzle-kit's default), case-insensitively;
/// - elements of a table are matched by name, tables by `schema.name`, so key order does not matter;
/// - an enum's `typeSchema` is not compared on its own (the type name and the enum list cover it).
/// drizzle-kit's own naming conventions (`preserveEntityNames`) are a normalisation of the Drizzle side, applied
/// before this comparison (`DrizzleKitDiff`).
///
/// What the reader could not read is never a difference ("never guess"): a column's unreadable parts are not
/// compared, and when a table (or the model) has elements of some kind it could not read at all, an element of
/// that kind that only the snapshot has is not reported as removed.
public enum CatalogDiff {
    public static func compare(_ left: SchemaModel, _ right: SchemaModel) -> [CatalogDifference] {
        var differences: [CatalogDifference] = []
        let rightTables = Dictionary(right.tables.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let leftKeys = Set(left.tables.map(\.key))
        for table in left.tables {
            guard let other = rightTables[table.key] else {
                differences.append(CatalogDifference(change: .added, element: .table, table: nil, name: table.key,
                                              leftLocation: table.location))
                continue
            }
            differences += TableDiff(left: table, right: other).differences()
        }
        for table in right.tables where !leftKeys.contains(table.key) && !left.unreadableElements.contains(.table) {
            differences.append(CatalogDifference(change: .removed, element: .table, table: nil, name: table.key,
                                          rightLocation: table.location))
        }
        differences += compareEnums(left.enums, right.enums,
                                    reportRemoved: !left.unreadableElements.contains(.enum))
        let leftSchemas = Set(left.schemas), rightSchemas = Set(right.schemas)
        for schema in left.schemas where !rightSchemas.contains(schema) {
            differences.append(CatalogDifference(change: .added, element: .schema, table: nil, name: schema))
        }
        for schema in right.schemas where !leftSchemas.contains(schema) {
            differences.append(CatalogDifference(change: .removed, element: .schema, table: nil, name: schema))
        }
        return differences
    }

    private static func compareEnums(_ left: [PgEnum], _ right: [PgEnum], reportRemoved: Bool) -> [CatalogDifference] {
        var differences: [CatalogDifference] = []
        let rightEnums = Dictionary(right.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for value in left {
            guard let other = rightEnums[value.key] else {
                differences.append(CatalogDifference(change: .added, element: .enum, table: nil, name: value.key,
                                              leftLocation: value.location))
                continue
            }
            if value.values != other.values, !value.areValuesUnreadable {
                differences.append(CatalogDifference(change: .changed, element: .enum, table: nil, name: value.key,
                                              property: "values", leftValue: value.values.joined(separator: ", "),
                                              rightValue: other.values.joined(separator: ", "),
                                              leftLocation: value.location, rightLocation: other.location))
            }
        }
        let leftKeys = Set(left.map(\.key))
        for value in right where reportRemoved && !leftKeys.contains(value.key) {
            differences.append(CatalogDifference(change: .removed, element: .enum, table: nil, name: value.key,
                                          rightLocation: value.location))
        }
        return differences
    }
}

/// The differences inside one table present on both sides.
private struct TableDiff {
    let left: Table
    let right: Table
    var found: [CatalogDifference] = []

    init(left: Table, right: Table) {
        self.left = left
        self.right = right
    }

    consuming func differences() -> [CatalogDifference] {
        if left.isRLSEnabled != right.isRLSEnabled {
            found.append(CatalogDifference(change: .changed, element: .table, table: nil, name: left.key,
                                    property: "isRLSEnabled", leftValue: "\(left.isRLSEnabled)",
                                    rightValue: "\(right.isRLSEnabled)", leftLocation: left.location,
                                    rightLocation: right.location))
        }
        // The expressions are not compared: drizzle-kit writes the rendered `sql` text, whose spacing the reader
        // cannot promise to reproduce; a changed expression is not worth a guessed drift.
        matchByName(left.policies, right.policies, element: .policy, name: \.name, location: \.location,
                    properties: Self.policyProperties,
                    isUnreadable: { policy, property in Self.policyPart(property).map(policy.unreadable.contains) ?? false })
        matchByName(left.columns, right.columns, element: .column, name: \.name, location: \.location,
                    properties: Self.columnProperties, isNameUnreadable: { $0.unreadable.contains(.name) },
                    isUnreadable: { column, property in
                        column.unreadable.contains(.name)
                            || Column.Part(rawValue: property).map(column.unreadable.contains) ?? false
                    })
        matchByName(left.indexes, right.indexes, element: .index, name: \.name, location: \.location,
                    properties: CatalogDiff.properties)
        matchByName(left.foreignKeys, right.foreignKeys, element: .foreignKey, name: \.name,
                    location: \.location, properties: CatalogDiff.properties)
        matchByName(left.compositePrimaryKeys, right.compositePrimaryKeys, element: .primaryKey, name: \.name,
                    location: \.location, properties: CatalogDiff.properties)
        matchByName(left.uniqueConstraints, right.uniqueConstraints, element: .uniqueConstraint, name: \.name,
                    location: \.location, properties: CatalogDiff.properties)
        matchByName(left.checkConstraints, right.checkConstraints, element: .checkConstraint, name: \.name,
                    location: \.location, properties: { [("value", $0.value)] })
        return found
    }

    /// Matches elements by name; reports added, removed, and each property whose text differs.
    private mutating func matchByName<Element>(
        _ leftElements: [Element], _ rightElements: [Element], element: ElementKind,
        name: (Element) -> String, location: (Element) -> SourceLocation,
        properties: (Element) -> [(String, String)], isNameUnreadable: (Element) -> Bool = { _ in false },
        isUnreadable: (Element, String) -> Bool = { _, _ in false }
    ) {
        var remaining = Dictionary(rightElements.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
        for item in leftElements {
            let itemName = name(item)
            guard let other = remaining.removeValue(forKey: itemName) else {
                // An element whose name is unknown may be any element of the right: never "added".
                if isNameUnreadable(item) { continue }
                found.append(CatalogDifference(change: .added, element: element, table: left.key, name: itemName,
                                              leftLocation: location(item)))
                continue
            }
            let itemProperties = properties(item), otherList = properties(other)
            // Both lists come from the same function, so their names usually line up and are compared pair by pair
            // (building a dictionary per element was most of a 50-table drift check); otherwise by name.
            let lineUp = itemProperties.count == otherList.count && zip(itemProperties, otherList).allSatisfy { $0.0 == $1.0 }
            let otherProperties = lineUp ? [:] : Dictionary(otherList, uniquingKeysWith: { first, _ in first })
            for (index, (property, value)) in itemProperties.enumerated() {
                let otherValue = lineUp ? otherList[index].1 : otherProperties[property]
                guard otherValue != value, !isUnreadable(item, property) else { continue }
                found.append(CatalogDifference(change: .changed, element: element, table: left.key, name: itemName,
                                              property: property, leftValue: value, rightValue: otherValue,
                                              leftLocation: location(item), rightLocation: location(other)))
            }
        }
        for item in rightElements where remaining[name(item)] != nil && !left.unreadableElements.contains(element) {
            found.append(CatalogDifference(change: .removed, element: element, table: left.key, name: name(item),
                                          rightLocation: location(item)))
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
        var properties = [("type", column.type), ("primaryKey", column.primaryKey ? "true" : "false"),
                          ("notNull", column.notNull ? "true" : "false"), ("default", column.default?.text ?? "none")]
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
}

extension CatalogDiff {
    /// The compared properties of each kind of constraint, as `(name, text)`: also what makes two constraints the
    /// same definition under different names.
    public static func properties(_ index: Index) -> [(String, String)] {
        let columns = index.columns.map { column in
            [column.expression, column.isExpression ? "expression" : "column", column.asc ? "asc" : "desc",
             "nulls \(column.nulls)", column.opclass ?? ""].joined(separator: " ")
        }
        return [("columns", columns.joined(separator: ", ")), ("isUnique", "\(index.isUnique)"),
                ("method", index.method), ("where", index.where ?? "none"), ("concurrently", "\(index.concurrently)"),
                ("with", index.with.map { "\($0.key)=\($0.value)" }.joined(separator: ","))]
    }

    public static func properties(_ key: ForeignKey) -> [(String, String)] {
        [("tableTo", QualifiedName(schema: key.schemaTo, name: key.tableTo).snapshotKey),
         ("columnsFrom", key.columnsFrom.joined(separator: ", ")), ("columnsTo", key.columnsTo.joined(separator: ", ")),
         ("onDelete", (key.onDelete ?? .noAction).rawValue), ("onUpdate", (key.onUpdate ?? .noAction).rawValue)]
    }

    public static func properties(_ key: PrimaryKeyConstraint) -> [(String, String)] {
        [("columns", key.columns.joined(separator: ", "))]
    }

    public static func properties(_ constraint: UniqueConstraint) -> [(String, String)] {
        [("columns", constraint.columns.joined(separator: ", ")), ("nullsNotDistinct", "\(constraint.nullsNotDistinct)")]
    }
}
