import Catalog
import Drizzle

/// Tables read from a Prisma schema (the legacy ORM) are in the same model as Drizzle's; the rules' verdicts are
/// the same, but the fix is written in Prisma's terms.
extension Table {
    var isPrisma: Bool { location.path.hasSuffix(".prisma") }

    /// The Drizzle or the Prisma wording of a fix.
    func help(drizzle: String, prisma: @autoclosure () -> String) -> String {
        isPrisma ? prisma() : drizzle
    }
}

extension DeclaredTable {
    /// The Drizzle or the Prisma wording of a fix.
    func help(drizzle: String, prisma: @autoclosure () -> String) -> String {
        table.help(drizzle: drizzle, prisma: prisma())
    }
}
