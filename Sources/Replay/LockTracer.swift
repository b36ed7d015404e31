import Foundation
import MigrationRules
import Postgres

/// The tables and enum types of the database at one moment, by oid: what "existing" means for the statements
/// traced after it (a table a statement creates is empty and locks nobody out).
public struct ExistingObjects: Sendable {
    /// Table oid → display name (`users`, `auth.users`), for ordinary and partitioned tables.
    public var tables: [String: String] = [:]
    /// Enum type oid → display name: `ALTER TYPE … ADD VALUE` locks the type, not a table.
    public var types: [String: String] = [:]

    public func name(of oid: String) -> String? { tables[oid] ?? types[oid].map { "type " + $0 } }
}

/// What the session holds at one moment: its granted lock modes on existing objects and each table's file.
public struct LockSnapshot: Sendable {
    public var modes: [String: Set<LockMode>] = [:]
    public var fileNodes: [String: String] = [:]
}

/// What one statement did to existing objects: the modes it newly took on each, and the tables it rewrote
/// (a new `pg_class.relfilenode`: PostgreSQL wrote the table into a new file).
public struct TracedEffect: Sendable, Equatable {
    /// Oid → the strongest mode the statement took that the session did not hold before it.
    public var locks: [String: LockMode] = [:]
    public var rewritten: Set<String> = []

    public init(locks: [String: LockMode] = [:], rewritten: Set<String> = []) {
        self.locks = locks
        self.rewritten = rewritten
    }
}

/// Reads `pg_locks` and `pg_class` on the connection that runs the migrations, inside its transaction: locks are
/// held until the transaction ends, so the modes a statement took are those held after it and not before.
public struct LockTracer {
    let connection: Connection

    public init(_ connection: Connection) { self.connection = connection }

    public func existing() throws(PostgresError) -> ExistingObjects {
        var objects = ExistingObjects()
        for row in try connection.query("""
            SELECT 't', c.oid::text, CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND \(CatalogReader.userSchemas)
            UNION ALL
            SELECT 'e', t.oid::text, CASE WHEN n.nspname = 'public' THEN t.typname ELSE n.nspname || '.' || t.typname END
              FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE t.typtype = 'e' AND \(CatalogReader.userSchemas)
            """).rows {
            guard let kind = row[0], let oid = row[1], let name = row[2] else { continue }
            if kind == "t" { objects.tables[oid] = name } else { objects.types[oid] = name }
        }
        return objects
    }

    public func snapshot(of objects: ExistingObjects) throws(PostgresError) -> LockSnapshot {
        let tables = "{" + objects.tables.keys.joined(separator: ",") + "}"
        let types = "{" + objects.types.keys.joined(separator: ",") + "}"
        var snapshot = LockSnapshot()
        for row in try connection.query("""
            SELECT 'l', l.relation::text, l.mode FROM pg_locks l
             WHERE l.pid = pg_backend_pid() AND l.granted AND l.locktype = 'relation' AND l.relation = ANY($1::oid[])
            UNION ALL
            SELECT 'l', l.objid::text, l.mode FROM pg_locks l
             WHERE l.pid = pg_backend_pid() AND l.granted AND l.locktype = 'object'
               AND l.classid = 'pg_type'::regclass AND l.objid = ANY($2::oid[])
            UNION ALL
            SELECT 'f', c.oid::text, c.relfilenode::text FROM pg_class c WHERE c.oid = ANY($1::oid[])
            """, [tables, types]).rows {
            guard let kind = row[0], let oid = row[1], let value = row[2] else { continue }
            if kind == "f" {
                snapshot.fileNodes[oid] = value
            } else if let mode = LockMode(pgLocksMode: value) {
                snapshot.modes[oid, default: []].insert(mode)
            }
        }
        return snapshot
    }

    /// The difference between the snapshots around one statement. A partitioned table has no file of its own
    /// (`relfilenode` 0): its partitions, tables of their own, show their rewrites.
    public static func effect(from before: LockSnapshot, to after: LockSnapshot) -> TracedEffect {
        var effect = TracedEffect()
        for (oid, modes) in after.modes {
            if let strongest = modes.subtracting(before.modes[oid] ?? []).max() { effect.locks[oid] = strongest }
        }
        for (oid, node) in before.fileNodes where node != "0" {
            if let later = after.fileNodes[oid], later != node { effect.rewritten.insert(oid) }
        }
        return effect
    }
}
