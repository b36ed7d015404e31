import Foundation
import Postgres

/// Fills existing tables with generated rows before their locks are traced, so a rewrite or a scan costs what it
/// costs on a table that holds data. Every row satisfies the table's types, NOT NULL, keys (values come from the
/// row number, so they are distinct) and foreign keys (rows of the referenced table, seeded first); defaults
/// fill what has one. A table the generated rows do not fit (a CHECK constraint, a partition's range, a type
/// with no generic value, a foreign key to an empty table) is left empty, with PostgreSQL's reason: the caller
/// says so in its findings.
struct Seeder {
    let connection: Connection
    let rows: Int

    /// Seeds the tables (oid → name) parents first; returns oid → why a table was left empty.
    func seed(_ tables: [String: String]) -> [String: String] {
        var skipped: [String: String] = [:]
        var pending = Set(tables.keys)
        var parents: [String: Set<String>] = [:]
        for oid in pending {
            let rows = (try? connection.query("SELECT confrelid::text FROM pg_constraint WHERE conrelid = $1::oid AND contype = 'f'", [oid]).rows) ?? []
            parents[oid] = Set(rows.compactMap { $0[0] }).subtracting([oid]).intersection(pending)
        }
        // Parents before children; a cycle is broken by seeding its tables in oid order.
        while !pending.isEmpty {
            let ready = pending.filter { parents[$0, default: []].isDisjoint(with: pending) }.sorted()
            let next = ready.first ?? pending.sorted().first!
            pending.remove(next)
            if let reason = seedTable(next) { skipped[next] = reason }
        }
        return skipped
    }

    private func seedTable(_ oid: String) -> String? {
        do {
            guard let statement = try insertStatement(for: oid) else { return nil }
            if case .failure(let reason) = statement { return reason }
            guard case .success(let sql) = statement else { return nil }
            try connection.execute("SAVEPOINT schemalint_seed")
            do {
                try connection.execute(sql)
                try connection.execute("RELEASE SAVEPOINT schemalint_seed")
            } catch {
                _ = try? connection.execute("ROLLBACK TO SAVEPOINT schemalint_seed")
                _ = try? connection.execute("RELEASE SAVEPOINT schemalint_seed")
                return "generated rows do not fit it: " + error.message
            }
            return nil
        } catch {
            return "its columns could not be read: " + error.message
        }
    }

    enum Insert { case success(String), failure(String) }

    /// `INSERT … SELECT … FROM generate_series(1, rows) g` with a join per foreign key to the referenced rows.
    private func insertStatement(for oid: String) throws(PostgresError) -> Insert? {
        let table = try connection.query("""
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), c.relkind::text, c.relispartition::text
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = $1::oid
            """, [oid]).rows.first
        guard let table, let qualified = table[0] else { return nil }
        if table[1] == "p" || table[2] == "true" { return .failure("it is partitioned: generated rows would not fit the partitions' ranges") }
        let unique = Set(try connection.query("""
            SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
             WHERE i.indrelid = $1::oid AND i.indisunique
            """, [oid]).rows.compactMap { $0[0] })
        var fromForeignKey: [String: String] = [:]
        var joins: [String] = []
        for (index, key) in try connection.query("""
            SELECT c.confrelid::text, quote_ident(rn.nspname) || '.' || quote_ident(r.relname),
                   array_to_json(ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(num, pos)
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.pos))::text,
                   array_to_json(ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(num, pos)
                     JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num ORDER BY k.pos))::text
              FROM pg_constraint c JOIN pg_class r ON r.oid = c.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
             WHERE c.conrelid = $1::oid AND c.contype = 'f' ORDER BY c.conname
            """, [oid]).rows.enumerated() {
            guard let parent = key[0], let parentName = key[1] else { continue }
            let columns = JSONStrings.decode(key[2] ?? "[]"), referenced = JSONStrings.decode(key[3] ?? "[]")
            guard columns.allSatisfy({ fromForeignKey[$0] == nil }) else { continue }
            let count = parent == oid ? 0 : Int(try connection.query("SELECT count(*)::text FROM \(parentName)").rows.first?[0] ?? "0") ?? 0
            let alias = "f\(index)"
            for (column, target) in zip(columns, referenced) {
                fromForeignKey[column] = count == 0 ? "NULL" : "\(alias).\(Connection.quoteIdentifier(target))"
            }
            if count > 0 {
                let selected = referenced.map(Connection.quoteIdentifier).joined(separator: ", ")
                joins.append("JOIN (SELECT \(selected), row_number() OVER () AS n FROM \(parentName)) \(alias) ON \(alias).n = 1 + (g - 1) % \(count)")
            }
        }
        var names: [String] = []
        var values: [String] = []
        for record in try connection.query("""
            SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull::text AS notnull,
                   a.attidentity AS identity, a.attgenerated AS generated, t.typtype AS typtype, t.typcategory AS category,
                   coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS default
              FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum
            """, [oid]).records {
            guard let name = record["name"] ?? nil, let type = record["type"] ?? nil else { continue }
            if (record["generated"] ?? nil)?.isEmpty == false || (record["identity"] ?? nil)?.isEmpty == false { continue }
            let notNull = record["notnull"] == "true"
            if let value = fromForeignKey[name] {
                if value == "NULL", notNull { return .failure("its foreign key column \(name) needs rows in a table that has none") }
                names.append(name); values.append(value)
                continue
            }
            let defaultText = (record["default"] ?? nil) ?? ""
            let distinctDefault = defaultText.contains("nextval(") || defaultText.contains("gen_random_uuid") || defaultText.contains("uuid_generate")
            if !defaultText.isEmpty, !unique.contains(name) || distinctDefault { continue }
            guard let value = Self.value(type: type, typtype: (record["typtype"] ?? nil) ?? "", category: (record["category"] ?? nil) ?? "",
                                         table: qualified) else {
                if notNull { return .failure("no generic value of type \(type) for its column \(name)") }
                continue
            }
            names.append(name); values.append(value)
        }
        let columns = names.map(Connection.quoteIdentifier).joined(separator: ", ")
        let select = values.isEmpty ? "" : values.joined(separator: ", ")
        if names.isEmpty {
            return .success("INSERT INTO \(qualified) SELECT FROM generate_series(1, \(rows)) g")
        }
        return .success("INSERT INTO \(qualified) (\(columns)) SELECT \(select) FROM generate_series(1, \(rows)) g \(joins.joined(separator: " "))")
    }

    /// A value of `type` made from the row number `g`, distinct per row where the type allows it; nil when there is
    /// no generic one.
    static func value(type: String, typtype: String, category: String, table: String) -> String? {
        let cast = "::" + type
        if type.hasSuffix("[]") { return "'{}'" + cast }
        if typtype == "e" { return "(enum_range(NULL\(cast)))[1 + (g - 1) % array_length(enum_range(NULL\(cast)), 1)]" }
        switch category {
        case "N": return "g" + cast
        case "S": return "('r' || g)" + cast
        case "B": return "(g % 2 = 0)"
        case "D": return "(timestamptz '2024-01-01' + g * interval '1 minute')" + cast
        case "T": return "(g * interval '1 second')" + cast
        case "I": return "('10.0.0.0'::inet + g)" + cast
        default: break
        }
        switch type {
        case "uuid": return "md5(\(Self.literal(table)) || g)::uuid"
        case "json", "jsonb": return "json_build_object('n', g)" + cast
        case "bytea": return "convert_to(g::text, 'UTF8')"
        default: return nil
        }
    }

    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
