import Catalog
import Core
import Drizzle
import ProjectModel

/// `drizzle/parse-error`: schema TypeScript the reader could not parse or evaluate. The rest of the file is still
/// read, but tables, columns or constraints around the error may be missing from every other rule's view.
public struct ParseError: ProjectRule {
    public let id = "drizzle/parse-error"
    public let facets: Facets = [.catalog]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        var reporter = LocatedReporter(context)
        for schema in project.schemas {
            for diagnostic in schema.diagnostics {
                reporter.report(at: diagnostic.location, message: message(diagnostic), help: help(diagnostic.kind),
                                severity: Self.severity(diagnostic.kind))
            }
        }
    }

    /// Broken syntax and unreadable files are errors; a value the reader cannot follow (often a workspace package
    /// it cannot see) is a warning, so a monorepo layout alone does not fail every commit.
    static func severity(_ kind: ReaderDiagnostic.Kind) -> Severity {
        switch kind {
        case .syntax, .malformedInput: .error
        case .unevaluable, .unresolvedImport: .warning
        }
    }

    func message(_ diagnostic: ReaderDiagnostic) -> String {
        var text = diagnostic.message
        while text.hasSuffix(".") { text.removeLast() }
        let prefix = switch diagnostic.kind {
        case .syntax: "syntax error"
        case .unevaluable: "cannot read this statically"
        case .unresolvedImport: "unresolved import"
        case .malformedInput: "unreadable input"
        }
        return "\(prefix): \(text)"
    }

    func help(_ kind: ReaderDiagnostic.Kind) -> String {
        switch kind {
        case .syntax: "fix the syntax; until then the schema around this point is not checked"
        case .unevaluable: "write the value literally, or import it from a file in this repository, so it can be read without running code; until then `schema/migration-drift` does not compare it"
        case .unresolvedImport: "check the import path, or add the imported file to the repository"
        case .malformedInput: "check that the file is a Drizzle schema or drizzle-kit config as drizzle-kit writes it"
        }
    }
}
