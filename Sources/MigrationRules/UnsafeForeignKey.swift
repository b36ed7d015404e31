import Catalog
import Core
import Migrations
import ProjectModel
import SQL
import SQLReplay

/// `migration/unsafe-foreign-key`: a foreign key added to an existing table is checked against every row while
/// both tables are locked against writes. Safe: `NOT VALID` now, `VALIDATE CONSTRAINT` in a later migration that
/// is deployed on its own (drizzle-kit's migrator runs all pending migrations in one transaction, so a lock taken
/// early in a run is held until the run ends).
public struct UnsafeForeignKey: ProjectRule {
    public let id = "migration/unsafe-foreign-key"
    public let facets: Facets = [.migrations]
    public init() {}

    /// The rows behind the messages: both tables take the row's lock (its `lock` and `otherTableLock` are equal).
    private static let added = LockModel.named("add-foreign-key")
    private static let addedNotValid = LockModel.named("add-foreign-key-not-valid")

    public func prepare(_ project: Project) {
        project.prepareStatementSites()
        project.prepareJudgedStatements()
    }

    public func check(_ project: Project, _ context: RuleContext) {
        let validations = Self.validations(project)
        project.forEachJudgedStatement { site, schema in
            guard case .alterTable(let alter) = site.statement.kind, alter.objectKind == .table, site.existedBefore(alter.table)
            else { return }
            for action in alter.actions {
                check(action, of: alter, site: site, schema: schema, validations: validations, configuration: project.configuration, context)
            }
        }
    }

    private func check(_ action: AlterTableAction, of alter: AlterTable, site: StatementSite, schema: some TableLookup,
                       validations: [Validation], configuration: Configuration, _ context: RuleContext) {
        switch action.kind {
        case .addConstraint(let constraint):
            guard case .foreignKey(let reference) = constraint.kind else { return }
            // A key an earlier migration already added under this name (a repair migration re-running it in a
            // `DO` block that catches `duplicate_object`): the statement fails on the name before any row is
            // checked. Without such a handler the migration fails there, which is not this rule's finding.
            if let name = constraint.name,
               schema.foreignKeys(ofCanonical: alter.table.canonical)?.contains(where: { $0.name == name }) == true { return }
            checkConstraint(constraint, reference, action: action, alter: alter, site: site, validations: validations,
                            migration: site.contents, runner: MigrationRunner(configuration, folder: site.folder, step: site.step), context)
        case .addColumn(let column, _):
            guard let reference = column.references, let reason = Self.validationReason(column, in: alter) else { return }
            context.report(
                path: site.path, range: action.range,
                message: "column `\(column.name)` is added to existing table `\(alter.table.canonical)` with a foreign key to `\(reference.referencedTable.canonical)`, and \(reason): PostgreSQL checks every row while \(Self.added.lock.stops(Self.both(alter.table.canonical, reference.referencedTable.canonical)))",
                help: "add the column without a default in its own statement (PostgreSQL then skips the check), or add the foreign key `NOT VALID` and run `VALIDATE CONSTRAINT` in a later migration")
        default:
            return
        }
    }

    /// The table and the table its key refers to, as the lock's wording names them: once when the key refers to
    /// its own table (a parent row of the same table).
    static func both(_ table: QualifiedName, _ referenced: QualifiedName) -> String {
        table == referenced ? "`\(table)`" : "`\(table)` and `\(referenced)`"
    }

    private func checkConstraint(_ constraint: TableConstraint, _ reference: ForeignKeyReference, action: AlterTableAction, alter: AlterTable,
                                 site: StatementSite, validations: [Validation], migration: MigrationContents, runner: MigrationRunner,
                                 _ context: RuleContext) {
        let table = alter.table.canonical
        let referenced = reference.referencedTable.canonical
        let name = constraint.name.map { "foreign key `\($0)`" } ?? "a foreign key on `\(reference.columns.joined(separator: ", "))`"
        guard constraint.notValid else {
            // On a column this migration adds, declaring the key in the `ADD COLUMN` itself avoids the check entirely.
            let newColumn = reference.columns.count == 1 && migration.addsColumn(reference.columns[0], to: table)
            context.report(
                path: site.path, range: action.range,
                message: "\(name) is added to existing table `\(table)` without `NOT VALID`: PostgreSQL checks every row while \(Self.added.lock.stops(Self.both(table, referenced)))",
                help: newColumn
                    ? "declare it in the `ADD COLUMN` of `\(reference.columns[0])` (`REFERENCES`), which PostgreSQL does not check while the new column has no default, or add it with `NOT VALID` and run `VALIDATE CONSTRAINT` in a later migration"
                    : "add it with `NOT VALID` and run `VALIDATE CONSTRAINT` in a later migration")
            return
        }
        guard let constraintName = constraint.name else { return }
        let ofThisConstraint = validations.filter {
            $0.folder == site.folder.path && $0.table == table && $0.constraint == constraintName && $0.step >= site.stepIndex
        }
        let validatedHere = ofThisConstraint.first { $0.step == site.stepIndex && $0.range.lowerBound > action.range.lowerBound }
        // `COMMIT;` between the two (the migration ends the runner's transaction itself) releases the lock first.
        if let validatedHere, site.script.sql.endsTransaction(between: action.range.lowerBound, and: validatedHere.range.lowerBound) { return }
        if let sameMigration = validatedHere {
            // Without a transaction `ADD CONSTRAINT` commits first, and `VALIDATE` blocks no writes.
            guard runner.usesTransaction else { return }
            let transaction = runner == .oneTransaction
                ? "drizzle-kit's migrator runs all pending migrations in one transaction"
                : "the migration runs in one transaction"
            context.report(
                path: site.path, range: sameMigration.range,
                message: "\(name) is added `NOT VALID` and validated in the same migration: \(transaction), so the \(Self.addedNotValid.lock) lock that `ADD CONSTRAINT` took on `\(table)` and `\(referenced)` is held while `VALIDATE` checks every row, and \(Self.addedNotValid.lock.stops("both tables"))",
                help: "move `VALIDATE CONSTRAINT` to a later migration and deploy it on its own, after this one has been applied")
        } else if !ofThisConstraint.contains(where: { $0.step > site.stepIndex }) {
            context.report(
                path: site.path, range: action.range,
                message: "\(name) is added `NOT VALID` but no later migration validates it: existing rows of `\(table)` stay unchecked",
                help: "run `ALTER TABLE … VALIDATE CONSTRAINT` in a later migration, deployed on its own")
        }
    }

    /// Why PostgreSQL checks existing rows against a foreign key declared on an added column, or `nil` when it does
    /// not: `ADD COLUMN … REFERENCES` is not checked when the new column is all NULL, unless the same statement
    /// also gives a column a default or adds a foreign key constraint (parse_utilcmd.c, transformAlterTableStmt:
    /// "If the column has a non-null default, we can't skip validation of foreign keys").
    private static func validationReason(_ column: ColumnDefinition, in alter: AlterTable) -> String? {
        if column.providesValueForExistingRows { return "a default that fills existing rows" }
        for action in alter.actions {
            switch action.kind {
            case .addColumn(let other, _) where other.providesValueForExistingRows:
                return "the same statement adds column `\(other.name)` with a default"
            case .addConstraint(let constraint):
                if case .foreignKey = constraint.kind { return "the same statement adds a foreign key constraint" }
            default:
                continue
            }
        }
        return nil
    }

    private struct Validation {
        var folder: String
        var step: Int
        var table: QualifiedName
        var constraint: String
        /// The `VALIDATE CONSTRAINT` action, in its migration's file.
        var range: Range<Int>
    }

    /// Every `VALIDATE CONSTRAINT`, by folder and migration.
    private static func validations(_ project: Project) -> [Validation] {
        var found: [Validation] = []
        project.forEachAlterTableAction { site, alter, action in
            guard case .validateConstraint(let name) = action.kind else { return }
            found.append(Validation(folder: site.folder.path, step: site.stepIndex, table: alter.table.canonical, constraint: name,
                                    range: action.range))
        }
        return found
    }
}
