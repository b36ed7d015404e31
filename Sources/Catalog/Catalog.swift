// The catalog: one typed model of a PostgreSQL schema, filled by every reader (drizzle-orm TypeScript, drizzle-kit
// snapshots, Prisma schemas, migrations replayed, a live database read back) so that rules and diffs read one shape.
//
// Names: the types keep their short names (`SchemaModel`, `Table`, `Column`, `Index`, `ForeignKey`,
// `PrimaryKeyConstraint`, `UniqueConstraint`, `CheckConstraint`, `Policy`, `PgEnum`, `Sequence`) because they are
// already PostgreSQL's catalog names (pg_class tables and indexes, pg_attribute columns, pg_constraint, pg_policy,
// pg_enum, pg_sequence), and the module name says which model they belong to where it is ambiguous
// (`Catalog.Table` beside a migration's own table facts). Object names are `QualifiedName` everywhere; foreign-key
// actions are `ForeignKeyAction` everywhere.
//
// What only one reader knows (Drizzle's property keys, builders, call layouts for fixes) is not a catalog fact;
// it stays optional here until it moves to that reader's extras.
