import Catalog
import Core
import Gists
import Queries

extension Project {
    /// The project as a rule declaring `facets` may see it: every other facet emptied (and derived facts not
    /// shared). A rule that reads only what it declares finds the same in both (`RuleFacetsTests`).
    public func keeping(_ facets: Facets) -> Project {
        var kept = Project(
            configuration: facets.contains(.configuration) ? configuration : Configuration(), files: files,
            gists: facets.contains(.gists) ? gists : GistSet(files: [], schemaOfData: [:]),
            schemas: facets.contains(.catalog) ? schemas : [],
            queryUsage: facets.contains(.queries) ? queryUsage : QueryUsage(),
            migrations: facets.contains(.migrations) ? migrations : [],
            baseMigrations: facets.contains(.migrations) ? baseMigrations : nil)
        if facets.contains(.migrations) { kept.migrationEffects = migrationEffects }
        // Which schema each migrations folder records is derived from both facets.
        if facets.contains(.migrations), facets.contains(.catalog) {
            kept.snapshotPairings = snapshotPairings
            kept.prismaPairings = prismaPairings
        }
        if facets.contains(.drizzleExtras) {
            kept.tableUpdates = tableUpdates
            kept.columnComments = columnComments
        }
        return kept
    }
}
