import Catalog
import Drizzle

/// Reads in-memory schema files (the first is the entry unless `entries` says otherwise).
func readSchema(_ files: [String: String], entries: [String]? = nil,
                options: SchemaReadOptions = SchemaReadOptions()) -> SchemaReadResult {
    let provider = InMemorySourceProvider(files: files)
    return DrizzleSchemaReader.read(entryFiles: entries ?? [files.keys.sorted()[0]], provider: provider, options: options)
}

/// One schema file `schema.ts` with the usual imports prepended.
func readSingle(_ body: String, options: SchemaReadOptions = SchemaReadOptions()) -> SchemaReadResult {
    let header = """
        import { pgTable, pgEnum, pgSchema, pgTableCreator, text, varchar, integer, serial, bigserial, boolean, uuid,
          timestamp, numeric, jsonb, json, date, time, index, uniqueIndex, unique, primaryKey, foreignKey, check,
          doublePrecision, real, smallint, bigint, char, interval, vector, customType, pgSequence } from "drizzle-orm/pg-core";
        import { sql, relations, eq, isNull, and } from "drizzle-orm";

        """
    return readSchema(["schema.ts": header + body], options: options)
}

extension SchemaReadResult {
    /// The table with the declarations (keys, builders) the reader kept beside it.
    func table(_ name: String) -> DeclaredTable? { model.declaredTables(declarations).first { $0.name == name } }
}

extension DeclaredTable {
    subscript(column name: String) -> DeclaredColumn? { column(named: name) }
}

extension Table {
    subscript(column name: String) -> Column? { columns.first { $0.name == name } }
}
