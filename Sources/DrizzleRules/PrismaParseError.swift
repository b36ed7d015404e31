import Core
import Drizzle
import ProjectModel

/// `prisma/parse-error`: Prisma schema text the reader could not read. The rest of the file is still read, but
/// models, fields or attributes around the error may be missing from every schema rule's view.
public struct PrismaParseError: ProjectRule {
    public let id = "prisma/parse-error"
    public let facets: Facets = [.catalog]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        var reporter = LocatedReporter(context)
        for schema in project.schemas {
            for diagnostic in schema.prisma?.diagnostics ?? [] {
                let syntax = diagnostic.kind == .syntax
                reporter.report(
                    at: diagnostic.location,
                    message: (syntax ? "syntax error: " : "cannot read this: ") + diagnostic.message,
                    help: syntax
                        ? "fix the schema (`prisma validate` says the same); until then the schema around this point is not checked"
                        : "schemalint does not know this construct, so the schema rules do not judge it",
                    severity: syntax ? .error : .warning)
            }
        }
    }
}
