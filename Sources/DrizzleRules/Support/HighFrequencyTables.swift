import Catalog
import Core
import Drizzle

/// The tables that take high-frequency writes: those matching `highFrequencyTables` in .schemalint.yml (by SQL
/// name) and those marked with a `// schemalint: high-frequency` comment.
struct HighFrequencyTables {
    private let globs: GlobSet

    init(_ configuration: Configuration) {
        globs = GlobSet(configuration.highFrequencyTables)
    }

    func contains(_ table: DeclaredTable) -> Bool { table.isHighFrequency || globs.matches(table.name) }
}
