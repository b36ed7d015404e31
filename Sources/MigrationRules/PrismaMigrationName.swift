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
            let sequenceWidth = Self.sequenceWidth(folder.steps.map(\.name))
            for step in folder.steps {
                guard let script = step.script, let problem = Self.problem(step.name, sequenceWidth: sequenceWidth) else { continue }
                context.report(
                    path: script.path, range: script.headlineRange, message: "migration folder `\(step.name)` \(problem)",
                    help: "name new migrations with `prisma migrate dev --create-only`; a folder databases already applied keeps its name (Prisma recorded it), otherwise rename it to `<timestamp>_<name>`")
            }
        }
    }

    /// The width of the sequence number every folder starts with (`01_init` … `19_boards`: 2), or nil when the
    /// widths differ or a folder has none. Numbers of one width sort by their characters in their own order, so a
    /// hand-kept sequence is in the order it was written until it outgrows its width (`100_` then sorts before
    /// `11_`, and the folder has two widths). Eight digits or more are a date (`20241231_`, `202401151200_`): meant
    /// as a time, they sort among the 14-digit timestamps `prisma migrate dev` writes next to them, out of order.
    static func sequenceWidth(_ names: [String]) -> Int? {
        let widths = Set(names.map(numberPrefixWidth))
        guard widths.count == 1, let width = widths.first, width > 0, width < 8 else { return nil }
        return width
    }

    /// How many digits the name starts with, when an underscore follows them; 0 otherwise.
    private static func numberPrefixWidth(_ name: String) -> Int {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        return name.dropFirst(digits.count).first == "_" ? digits.count : 0
    }

    static func problem(_ name: String, sequenceWidth: Int? = nil) -> String? {
        if name.hasSuffix(" copy") || name.contains(" copy ") {
            return "is a file manager's copy: Prisma applies it as a migration of its own"
        }
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard digits.count == 14 || digits.count == sequenceWidth, name.dropFirst(digits.count).first == "_" else {
            return "does not start with Prisma's 14-digit timestamp (`YYYYMMDDHHMMSS_`), so Prisma orders it by its characters, not by its time"
        }
        if name.contains(" ") {
            return "has a space in its name: shell scripts and `prisma migrate resolve` need it quoted"
        }
        return nil
    }
}
