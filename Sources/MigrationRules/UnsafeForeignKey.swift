import Core
import Migrations
import ProjectModel
import SQL

/// `migration/unsafe-foreign-key`: a foreign key added to an existing table is checked against every row while
/// both tables are locked against writes. Safe: `NOT VALID` now, `VALIDATE CONSTRAINT` in a later migration.
public struct UnsafeForeignKey: ProjectRule {
    public let id = "migration/unsafe-foreign-key"
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        let validations = Self.validations(project)
        project.forEachAlterTableAction { site, alter, action in
            guard case .addConstraint(let constraint) = action.kind, case .foreignKey(let reference) = constraint.kind,
                  site.existedBefore(alter.table) else { return }
            let name = constraint.name.map { "foreign key `\($0)`" }
                ?? "a foreign key on `\(reference.columns.joined(separator: ", "))`"
            guard constraint.notValid else {
                context.report(
                    path: site.path, range: action.range,
                    message: "\(name) is added to existing table `\(TableName(alter.table))` without `NOT VALID`: PostgreSQL checks every row while writes to `\(TableName(alter.table))` and `\(TableName(reference.referencedTable))` wait",
                    help: "add it with `NOT VALID` and run `VALIDATE CONSTRAINT` in a later migration")
                return
            }
            let validatedLater = constraint.name.map { constraintName in
                validations.contains { $0.folder == site.folder.path && $0.step > site.stepIndex
                    && $0.table == TableName(alter.table) && $0.constraint == constraintName }
            } ?? false
            guard !validatedLater else { return }
            context.report(
                path: site.path, range: action.range,
                message: "\(name) is added `NOT VALID` but no later migration validates it: existing rows of `\(TableName(alter.table))` stay unchecked",
                help: "run `ALTER TABLE … VALIDATE CONSTRAINT` in a later migration")
        }
    }

    private struct Validation: Hashable {
        var folder: String
        var step: Int
        var table: TableName
        var constraint: String
    }

    /// Every `VALIDATE CONSTRAINT`, by folder and migration.
    private static func validations(_ project: Project) -> [Validation] {
        var found: [Validation] = []
        project.forEachAlterTableAction { site, alter, action in
            guard case .validateConstraint(let name) = action.kind else { return }
            found.append(Validation(folder: site.folder.path, step: site.stepIndex, table: TableName(alter.table), constraint: name))
        }
        return found
    }
}
