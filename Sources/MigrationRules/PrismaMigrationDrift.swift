import Catalog
import Core
import Drizzle
import Migrations
import Prisma
import ProjectModel
import SQLReplay

/// `schema/migration-drift` for Prisma: Prisma keeps no snapshot, so the migrations are replayed statically
/// (`MigrationFolder.replay`, a `CatalogReplay`) and the result compared with `schema.prisma` through the same `CatalogDiff` as Drizzle's
/// drift: what `prisma migrate diff --from-migrations … --to-schema-datamodel …` reports with a shadow database.
///
/// Compared: tables, columns (type, nullability, primary key), primary keys, unique constraints and indexes (by
/// name, columns, uniqueness and method), foreign keys (unless `relationMode = "prisma"`), enums and their values.
/// Not compared: defaults (the SQL reader keeps whether a column has one, not which), sort orders, check
/// constraints and row security (Prisma does not describe them), indexes Prisma cannot write (partial, on
/// expressions), tables in schemas the Prisma schema does not use, and Prisma's implicit many-to-many tables.
struct PrismaMigrationDrift {
    let schema: DrizzleSchema
    let prisma: PrismaSchema
    let folder: MigrationFolder

    func differences() -> [CatalogDifference] {
        let replayed = folder.replay.final
        guard !replayed.isUncertain, !movesAnObjectToAnotherSchema else { return [] }
        let source = Self.comparable(schema.model, dropForeignKeys: prisma.isRelationModeEmulated)
        var built = Self.comparable(Self.prismaDescribable(replayed), dropForeignKeys: prisma.isRelationModeEmulated)
        // Prisma manages the schemas its models live in (public unless `@@schema`), and creates the join tables of
        // implicit many-to-many relations itself, without a model.
        let schemas = Set(schema.model.tables.map { QualifiedName.normalizedSchema($0.schema) } + ["public"])
        built.tables.removeAll { !schemas.contains(QualifiedName.normalizedSchema($0.schema)) || prisma.implicitJoinTables.contains($0.name) }
        built.enums.removeAll { !schemas.contains(QualifiedName.normalizedSchema($0.schema)) }
        let unreadable = schema.diagnostics.map(\.location) + prisma.diagnostics.map(\.location)
        let uncertain = Set(replayed.uncertainTables.union(replayed.uncertainTypes).map(\.snapshotKey))
        // A syntax error may have cost the block it is in: what only the migrations have is then unknown, not missing.
        let isPartial = prisma.diagnostics.contains { $0.kind == .syntax }
        let differences = CatalogDiff.compare(source, built).filter { difference in
            if uncertain.contains(difference.table ?? difference.name) { return false }
            if isPartial, difference.change == .removed { return false }
            if let location = difference.leftLocation, unreadable.contains(where: { $0.overlaps(location) }) { return false }
            return true
        }
        return Self.pairingRenamedIndexes(differences, source: source, built: built)
    }

    /// `ALTER TYPE / VIEW / … SET SCHEMA` (outside a `DO` block): the replay moves tables, but not the other objects,
    /// so what it built is not the database's. (The SQL reader read the statement as `.other` before it became
    /// `.setSchema`, which made the replay uncertain; this keeps that for what the replay does not follow.)
    private var movesAnObjectToAnotherSchema: Bool {
        folder.steps.contains { step in
            step.script?.sql.statements.contains { statement in
                if case .setSchema(let move) = statement.kind { move.objectKind != .table } else { false }
            } ?? false
        }
    }

    /// An index only the schema has and one only the migrations have, on the same table with the same columns,
    /// uniqueness and method, are one index named two ways: a hand-written migration whose name PostgreSQL cut at
    /// 63 bytes (`…_messageId_e`) where Prisma cuts its derived name before the suffix (`…_message_key`). The next
    /// `prisma migrate dev` renames it; it neither drops one nor lacks the other. Reported once, as a name change.
    static func pairingRenamedIndexes(_ differences: [CatalogDifference], source: SchemaModel, built: SchemaModel) -> [CatalogDifference] {
        func index(_ model: SchemaModel, _ table: String?, _ name: String) -> Index? {
            model.tables.first { $0.key == table }?.indexes.first { $0.name == name }
        }
        func sameDefinition(_ left: Index, _ right: Index) -> Bool {
            left.isUnique == right.isUnique && left.method == right.method && left.columns.map(\.expression) == right.columns.map(\.expression)
        }
        var result = differences
        var paired: Set<Int> = []
        for (a, added) in differences.enumerated() where added.element == .index && added.change == .added {
            guard let declared = index(source, added.table, added.name) else { continue }
            for (r, removed) in differences.enumerated()
            where !paired.contains(r) && removed.element == .index && removed.change == .removed && removed.table == added.table {
                guard let created = index(built, removed.table, removed.name), sameDefinition(declared, created) else { continue }
                paired.formUnion([a, r])
                result[a] = CatalogDifference(
                    change: .changed, element: .index, table: added.table, name: added.name, property: "name",
                    leftValue: added.name, rightValue: removed.name, leftLocation: added.leftLocation, rightLocation: removed.rightLocation)
                break
            }
        }
        return result.enumerated().filter { !paired.contains($0.offset) || result[$0.offset].change == .changed }.map(\.element)
    }

    /// The replayed catalog without what Prisma cannot describe and does not compare: tables the migrations only
    /// used (made outside them), and partial or expression indexes written by hand.
    static func prismaDescribable(_ replayed: CatalogReplay) -> SchemaModel {
        var model = replayed.model
        model.tables.removeAll { !replayed.created($0.qualifiedName) }
        for t in model.tables.indices {
            model.tables[t].indexes.removeAll { $0.where != nil || $0.columns.contains(where: \.isExpression) }
        }
        return model
    }

    /// Both sides in one spelling: types as PostgreSQL names them, a one-column primary key on its column, unique
    /// constraints as the unique indexes Prisma creates for them, and what is not compared left out.
    static func comparable(_ model: SchemaModel, dropForeignKeys: Bool) -> SchemaModel {
        var model = model
        model.schemas = []
        model.sequences = []
        for t in model.tables.indices {
            var table = model.tables[t]
            for key in table.compositePrimaryKeys where key.columns.count == 1 {
                if let c = table.columns.firstIndex(where: { $0.name == key.columns[0] }) { table.columns[c].primaryKey = true }
            }
            table.compositePrimaryKeys.removeAll { $0.columns.count == 1 }
            for c in table.columns.indices {
                table.columns[c].type = canonicalType(table.columns[c].type)
                if table.columns[c].primaryKey { table.columns[c].notNull = true }
                // Prisma reads an array column as a list whatever its nullability (`String[]` is never optional).
                if table.columns[c].isArray { table.columns[c].notNull = false }
                table.columns[c].default = nil
                table.columns[c].identity = nil
                table.columns[c].generated = nil
                table.columns[c].unreadable.remove(.default)
            }
            table.indexes += table.uniqueConstraints.map {
                Index(name: $0.name, columns: $0.columns.map { IndexColumn(expression: $0) }, isUnique: true, location: $0.location)
            }
            table.uniqueConstraints = []
            for i in table.indexes.indices {
                table.indexes[i].name = truncated(table.indexes[i].name)
                table.indexes[i].concurrently = false
                table.indexes[i].with = []
                table.indexes[i].where = nil
                table.indexes[i].isNameExplicit = true
                table.indexes[i].method = table.indexes[i].method.lowercased()
                for c in table.indexes[i].columns.indices {
                    table.indexes[i].columns[c] = IndexColumn(expression: table.indexes[i].columns[c].expression)
                }
            }
            for i in table.compositePrimaryKeys.indices {
                table.compositePrimaryKeys[i].name = truncated(table.compositePrimaryKeys[i].name)
                table.compositePrimaryKeys[i].isNameExplicit = true
            }
            if dropForeignKeys { table.foreignKeys = [] }
            for i in table.foreignKeys.indices {
                table.foreignKeys[i].name = truncated(table.foreignKeys[i].name)
                table.foreignKeys[i].isNameExplicit = true
            }
            table.checkConstraints = []
            table.policies = []
            table.isRLSEnabled = false
            model.tables[t] = table
        }
        for e in model.enums.indices {
            model.enums[e].values.sort()
            if model.enums[e].schema.isEmpty { model.enums[e].schema = "public" }
        }
        return model
    }

    /// `timestamp (3)` and `timestamp(3)`, `numeric(65, 30)` and `decimal(65,30)`, `serial` and `integer` (the
    /// sequence is a default, not a type), `"public"."Role"` and `Role`.
    static func canonicalType(_ type: String) -> String {
        // Bytes, not string searching: this runs for every column on both sides.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(type.utf8.count)
        for byte in type.utf8 where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\"") {
            bytes.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
        }
        if bytes.starts(with: Self.publicPrefix) { bytes.removeFirst(Self.publicPrefix.count) }
        var zone: [UInt8] = []
        if bytes.count >= Self.withoutZone.count, bytes.suffix(Self.withoutZone.count).elementsEqual(Self.withoutZone) {
            bytes.removeLast(Self.withoutZone.count)
        } else if bytes.count >= Self.withZone.count, bytes.suffix(Self.withZone.count).elementsEqual(Self.withZone) {
            // `timestamp(3)withtimezone`: the precision sits inside the name PostgreSQL writes.
            bytes.removeLast(Self.withZone.count)
            zone = Self.withZone
        }
        let split = bytes.firstIndex { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "[") } ?? bytes.endIndex
        let base = String(decoding: bytes[..<split], as: UTF8.self)
        return (Self.typeAliases[base] ?? base) + String(decoding: zone + bytes[split...], as: UTF8.self)
    }

    private static let publicPrefix = Array("public.".utf8)
    private static let withZone = Array("withtimezone".utf8)
    private static let withoutZone = Array("withouttimezone".utf8)
    private static let typeAliases = [
        "serial": "integer", "serial4": "integer", "int": "integer", "int4": "integer", "bigserial": "bigint",
        "serial8": "bigint", "int8": "bigint", "smallserial": "smallint", "serial2": "smallint", "int2": "smallint",
        "decimal": "numeric", "float8": "doubleprecision", "float4": "real", "bool": "boolean",
        "charactervarying": "varchar", "character": "char", "bpchar": "char", "bitvarying": "varbit",
        "timestamptz": "timestampwithtimezone", "timetz": "timewithtimezone",
    ]

    static func truncated(_ name: String) -> String {
        guard name.utf8.count > 63 else { return name }
        var bytes = Array(name.utf8.prefix(63))
        while !bytes.isEmpty, String(validating: bytes, as: UTF8.self) == nil { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
