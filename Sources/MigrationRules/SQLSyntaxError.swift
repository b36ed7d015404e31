import Core
import ProjectModel

/// `migration/sql-syntax-error`: SQL that PostgreSQL's parser rejects, at the offending token.
public struct SQLSyntaxErrorRule: ProjectRule {
    public let id = "migration/sql-syntax-error"
    public let facets: Facets = [.migrations]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for folder in project.migrations {
            for script in folder.scripts {
                for error in script.sql.syntaxErrors {
                    context.report(
                        path: script.path, range: error.range,
                        message: "PostgreSQL cannot parse this migration: \(error.message)",
                        help: "fix the statement: \(MigrationTool(folder).applier) stops at the first statement PostgreSQL rejects")
                }
            }
        }
    }
}
