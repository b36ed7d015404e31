import Catalog
import Core
import Migrations
import SQL

/// Fixes that edit migration SQL. Each is offered only where the runner makes it correct: drizzle-kit's migrator
/// runs all pending migrations in ONE transaction, where `CONCURRENTLY` fails and a `VALIDATE` in the same run still
/// scans under the lock `ADD CONSTRAINT` took, so these fixes need a runner that commits each statement alone
/// (`migrations.runner: none`).
enum SQLFixes {
    /// `CREATE INDEX` → `CREATE INDEX CONCURRENTLY IF NOT EXISTS`: the statement then runs without blocking writes,
    /// and a re-run after a failure part-way through the file skips what was built.
    static func concurrentIndex(_ index: CreateIndex, path: String, runner: MigrationRunner) -> Fix? {
        guard runner == .none, let end = index.indexKeywordEnd else { return nil }
        let guardClause = index.ifNotExists || index.name == nil ? "" : " IF NOT EXISTS"
        return Fix("build the index with `CONCURRENTLY`\(guardClause.isEmpty ? "" : " and `IF NOT EXISTS`")",
                   edits: [.insert(" CONCURRENTLY" + guardClause, at: end, in: path)], isSafe: true)
    }

    /// `ADD CONSTRAINT … CHECK (…)` → `… NOT VALID`, and `ALTER TABLE … VALIDATE CONSTRAINT …` as the next statement,
    /// which (committed separately) checks the old rows under a lock that lets reads and writes go on.
    static func notValidThenValidate(table: QualifiedName, constraint: String?, action: Range<Int>, statement: Range<Int>,
                                     folder: MigrationFolder, path: String, runner: MigrationRunner) -> Fix? {
        guard runner == .none, let constraint else { return nil }
        let breakpoint = folder.layout == .supabase || folder.layout == .prisma ? "" : "\n--> statement-breakpoint"
        let validate = ";\(breakpoint)\nALTER TABLE \(quoted(table)) VALIDATE CONSTRAINT \(quoted(constraint))"
        return Fix("add `NOT VALID` and validate in a statement of its own",
                   edits: [.insert(" NOT VALID", at: action.upperBound, in: path), .insert(validate, at: statement.upperBound, in: path)],
                   isSafe: true)
    }

    static func quoted(_ name: QualifiedName) -> String {
        (name.schema.map { quoted($0) + "." } ?? "") + quoted(name.name)
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
