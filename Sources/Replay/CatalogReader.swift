import Catalog
import Drizzle
import Postgres

/// Reads what the migrations built from the server's catalog into the `SchemaModel` the Drizzle and snapshot
/// readers fill, spelled as drizzle-kit writes a version 7 snapshot, so `CatalogDiff` compares them.
///
/// Only the spelling is translated (PostgreSQL's `character varying(255)` is drizzle-kit's `varchar(255)`;
/// an owned `nextval` default on `integer` is `serial`); what the catalog cannot know (an index built
/// `CONCURRENTLY`) is left to `ReplayComparison`.
public struct CatalogReader {
    let connection: Connection

    public init(_ connection: Connection) { self.connection = connection }

    static let userSchemas = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'"

    public func read() throws(PostgresError) -> SchemaModel {
        var model = SchemaModel(reader: .database)
        model.schemas = try connection.query("""
            SELECT n.nspname FROM pg_namespace n WHERE \(Self.userSchemas) AND n.nspname <> 'public' ORDER BY n.nspname
            """).rows.compactMap { $0[0] }
        model.enums = try readEnums()
        var tables: [String: Table] = [:]
        var order: [String] = []
        for row in try connection.query("""
            SELECT c.oid::text, n.nspname, c.relname, c.relrowsecurity::text FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND \(Self.userSchemas)
             ORDER BY n.nspname, c.relname
            """).rows {
            guard let oid = row[0], let schema = row[1], let name = row[2] else { continue }
            tables[oid] = Table(schema: schema == "public" ? "" : schema, name: name, isRLSEnabled: row[3] == "true")
            order.append(oid)
        }
        try readColumns(into: &tables)
        try readConstraints(into: &tables)
        try readIndexes(into: &tables)
        try readPolicies(into: &tables)
        model.tables = order.compactMap { tables[$0] }
        return model
    }

    private func readEnums() throws(PostgresError) -> [PgEnum] {
        var enums: [PgEnum] = []
        for row in try connection.query("""
            SELECT n.nspname, t.typname, array_to_json(array_agg(e.enumlabel ORDER BY e.enumsortorder))::text
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
             WHERE \(Self.userSchemas) GROUP BY n.nspname, t.typname ORDER BY n.nspname, t.typname
            """).rows {
            guard let schema = row[0], let name = row[1], let values = row[2] else { continue }
            enums.append(PgEnum(name: name, schema: schema, values: JSONStrings.decode(values)))
        }
        return enums
    }

    private func readColumns(into tables: inout [String: Table]) throws(PostgresError) {
        for record in try connection.query("""
            SELECT a.attrelid::text AS rel, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull::text AS notnull, pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity,
                   a.attgenerated AS generated, t.typtype AS typtype, tn.nspname AS typschema, t.typname AS typname,
                   et.typtype AS elemtype, et.typname AS elemname, etn.nspname AS elemschema, a.attndims::text AS dims,
                   pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) AS sequence,
                   s.seqincrement::text AS increment, s.seqstart::text AS start, s.seqmin::text AS min,
                   s.seqmax::text AS max, s.seqcache::text AS cache, s.seqcycle::text AS cycle
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace tn ON tn.oid = t.typnamespace
              LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
              LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
              LEFT JOIN pg_sequence s ON a.attidentity <> '' AND s.seqrelid = pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname)::regclass
             WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND \(Self.userSchemas)
             ORDER BY a.attrelid, a.attnum
            """).records {
            guard let rel = record["rel"] ?? nil, tables[rel] != nil, let name = record["name"] ?? nil else { continue }
            var type = TypeSpelling.drizzle(record["type"]! ?? "")
            var typeSchema: String?
            if record["typtype"] == "e", let enumName = record["typname"] ?? nil {
                type = enumName
                typeSchema = record["typschema"] ?? nil
            } else if record["elemtype"] == "e", let enumName = record["elemname"] ?? nil {
                type = enumName + "[]"
                typeSchema = record["elemschema"] ?? nil
            }
            var column = Column(name: name, type: type, typeSchema: typeSchema, notNull: record["notnull"] == "true")
            let rawDefault = record["default"] ?? nil
            let identity = record["identity"] ?? ""
            let sequence = record["sequence"] ?? nil
            if let rawDefault, identity?.isEmpty != false, sequence != nil, rawDefault.hasPrefix("nextval("),
               let serial = TypeSpelling.serial(of: type) {
                column.type = serial
            } else if let rawDefault {
                column.default = .sql(DefaultSpelling.drizzle(rawDefault, columnType: record["type"]! ?? ""))
            }
            if let identity, !identity.isEmpty, let sequence {
                let qualified = sequence.split(separator: ".", maxSplits: 1).map { String($0).replacingOccurrences(of: "\"", with: "") }
                column.identity = Identity(
                    type: identity == "a" ? "always" : "byDefault", name: qualified.last ?? sequence,
                    schema: qualified.count == 2 ? qualified[0] : "public",
                    options: SequenceOptions(increment: (record["increment"] ?? nil) ?? "", startWith: (record["start"] ?? nil) ?? "",
                                             minValue: (record["min"] ?? nil) ?? "", maxValue: (record["max"] ?? nil) ?? "",
                                             cache: (record["cache"] ?? nil) ?? "", cycle: record["cycle"] == "true"))
            }
            if record["generated"] == "s", let expression = rawDefault {
                column.default = nil
                column.generated = GeneratedColumn(expression: expression)
            }
            tables[rel]!.columns.append(column)
        }
    }

    private func readConstraints(into tables: inout [String: Table]) throws(PostgresError) {
        for record in try connection.query("""
            SELECT c.conrelid::text AS rel, c.conname AS name, c.contype AS kind,
                   array_to_json(ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(num, pos)
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.pos))::text AS columns,
                   array_to_json(ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(num, pos)
                     JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.pos))::text AS refcolumns,
                   rn.nspname AS refschema, r.relname AS reftable, c.confdeltype AS ondelete, c.confupdtype AS onupdate,
                   pg_get_constraintdef(c.oid) AS definition, coalesce(i.indnullsnotdistinct, false)::text AS nullsnotdistinct
              FROM pg_constraint c
              LEFT JOIN pg_class r ON r.oid = c.confrelid LEFT JOIN pg_namespace rn ON rn.oid = r.relnamespace
              LEFT JOIN pg_index i ON i.indexrelid = c.conindid AND c.contype = 'u'
             WHERE c.contype IN ('p', 'f', 'u', 'c') AND c.conrelid <> 0
             ORDER BY c.conrelid, c.conname
            """).records {
            guard let rel = record["rel"] ?? nil, var table = tables[rel], let name = record["name"] ?? nil else { continue }
            let columns = JSONStrings.decode((record["columns"] ?? nil) ?? "[]")
            switch record["kind"] ?? nil {
            case "p":
                // drizzle-kit writes `.primaryKey()` on one column inline (PostgreSQL names it `<table>_pkey`) and
                // `primaryKey({ columns })` as a named constraint.
                // The name is not the test: a renamed table keeps its old `<old>_pkey`, and a UNIQUE constraint on the
                // key column lends the key its name (see `ReplayComparison.canonical`).
                if columns.count == 1, let index = table.columns.firstIndex(where: { $0.name == columns[0] }) {
                    table.columns[index].primaryKey = true
                } else {
                    table.compositePrimaryKeys.append(PrimaryKeyConstraint(name: name, columns: columns))
                }
            case "f":
                let schemaTo = (record["refschema"] ?? nil) ?? "public"
                table.foreignKeys.append(ForeignKey(
                    name: name, tableFrom: table.name, columnsFrom: columns, tableTo: (record["reftable"] ?? nil) ?? "",
                    schemaTo: schemaTo, columnsTo: JSONStrings.decode((record["refcolumns"] ?? nil) ?? "[]"),
                    onDelete: ForeignKeyAction(code: record["ondelete"] ?? nil), onUpdate: ForeignKeyAction(code: record["onupdate"] ?? nil)))
            case "u":
                table.uniqueConstraints.append(UniqueConstraint(name: name, columns: columns,
                                                                nullsNotDistinct: record["nullsnotdistinct"] == "true"))
            case "c":
                var definition = (record["definition"] ?? nil) ?? ""
                if definition.hasPrefix("CHECK ("), definition.hasSuffix(")") {
                    definition = String(definition.dropFirst("CHECK (".count).dropLast())
                }
                table.checkConstraints.append(CheckConstraint(name: name, value: definition))
            default: break
            }
            tables[rel] = table
        }
    }

    /// Indexes that are not a constraint's (primary key, unique constraint, exclusion).
    private func readIndexes(into tables: inout [String: Table]) throws(PostgresError) {
        for record in try connection.query("""
            SELECT i.indrelid::text AS rel, ic.relname AS name, i.indisunique::text AS isunique, am.amname AS method,
                   pg_get_expr(i.indpred, i.indrelid) AS predicate, array_to_json(coalesce(ic.reloptions, '{}'))::text AS options,
                   array_to_json(ARRAY(
                     SELECT json_build_array(pg_get_indexdef(i.indexrelid, k.pos::int, true), (k.num <> 0)::text,
                              (i.indoption[k.pos - 1] & 1)::text, (i.indoption[k.pos - 1] & 2)::text,
                              CASE WHEN o.opcdefault THEN '' ELSE o.opcname END)::text
                       FROM unnest(i.indkey) WITH ORDINALITY k(num, pos)
                       LEFT JOIN pg_opclass o ON o.oid = i.indclass[k.pos - 1]
                      WHERE k.pos <= i.indnkeyatts ORDER BY k.pos))::text AS keys
              FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam
             WHERE NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
             ORDER BY i.indrelid, ic.relname
            """).records {
            guard let rel = record["rel"] ?? nil, tables[rel] != nil, let name = record["name"] ?? nil else { continue }
            let keys = JSONStrings.decode((record["keys"] ?? nil) ?? "[]").map { JSONStrings.decode($0) }
            let columns = keys.map { key -> IndexColumn in
                let isColumn = key.count > 1 && key[1] == "true"
                let expression = isColumn ? key[0].trimmingQuotes : key[0]
                let descending = key.count > 2 && key[2] != "0"
                let nullsFirst = key.count > 3 && key[3] != "0"
                let opclass = key.count > 4 && !key[4].isEmpty ? key[4] : nil
                return IndexColumn(expression: expression, isExpression: !isColumn, asc: !descending,
                                   nulls: nullsFirst ? "first" : "last", opclass: opclass)
            }
            let options = JSONStrings.decode((record["options"] ?? nil) ?? "[]").map { option -> StorageParameter in
                let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
                return StorageParameter(key: parts[0], value: parts.count > 1 ? parts[1] : "")
            }
            tables[rel]!.indexes.append(Index(name: name, columns: columns, isUnique: record["isunique"] == "true",
                                              method: (record["method"] ?? nil) ?? "btree", where: record["predicate"] ?? nil,
                                              with: options))
        }
    }

    private func readPolicies(into tables: inout [String: Table]) throws(PostgresError) {
        // Roles as names (0 is PUBLIC), as a JSON array; `polcmd` is `r`/`a`/`w`/`d` or `*` for ALL.
        let query = """
            SELECT polrelid::text, polname, polpermissive::text, polcmd::text,
                   (SELECT coalesce(json_agg(CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END), '[]')
                      FROM unnest(polroles) AS r)::text
            FROM pg_policy ORDER BY polrelid, polname
            """
        let commands: [String: Policy.Command] = ["r": .select, "a": .insert, "w": .update, "d": .delete]
        for row in try connection.query(query).rows {
            guard let rel = row[0], tables[rel] != nil, let name = row[1] else { continue }
            let roles = JSONStrings.decode(row[4] ?? "[]").map { $0.lowercased() }
            tables[rel]!.policies.append(Policy(name: name, permissive: row[2] != "false",
                                                command: row[3].flatMap { commands[$0] } ?? .all,
                                                roles: roles.isEmpty ? ["public"] : roles))
        }
    }
}

extension String {
    /// `"userId"` → `userId`: `pg_get_indexdef` quotes a column name only when it must.
    var trimmingQuotes: String {
        guard count >= 2, hasPrefix("\""), hasSuffix("\"") else { return self }
        return String(dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
}
