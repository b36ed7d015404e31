import Core
import Migrations
import ProjectModel

/// `prisma/migration-name`: Prisma Migrate applies its folders in the order of their names' characters, and a
/// database remembers each migration by its folder name. A name that does not start with the 14-digit timestamp
/// `prisma migrate dev` writes sorts by its characters rather than its time, and a file manager's `… copy` is a
/// second migration, not a backup.
public struct PrismaMigrationName: ProjectRule {
    public let id = "prisma/migration-name"
    public let facets: Facets = [.migrations]
    public init() {}

    public func check(_ project: Project, _ context: RuleContext) {
        for folder in project.migrations where folder.layout == .prisma {
            for step in folder.steps {
                guard let script = step.script, let problem = Self.problem(step.name) else { continue }
                context.report(
                    path: script.path, range: script.headlineRange, message: "migration folder `\(step.name)` \(problem)",
                    help: "name new migrations with `prisma migrate dev --create-only`; a folder databases already applied keeps its name (Prisma recorded it), otherwise rename it to `<timestamp>_<name>`")
            }
        }
    }

    static func problem(_ name: String) -> String? {
        if name.hasSuffix(" copy") || name.contains(" copy ") {
            return "is a file manager's copy: Prisma applies it as a migration of its own"
        }
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 14, name.dropFirst(14).first == "_" else {
            return "does not start with Prisma's 14-digit timestamp (`YYYYMMDDHHMMSS_`), so Prisma orders it by its characters, not by its time"
        }
        if name.contains(" ") {
            return "has a space in its name: shell scripts and `prisma migrate resolve` need it quoted"
        }
        return nil
    }
}
