import Core
import Drizzle
import DrizzleRules
import Gists
import MigrationRules
import Migrations
import Replay
import SyncRules

extension ConfigurationReader {
    /// Every section of `.schemalint.yml`, each read by the domain that owns it, in the order an unknown top-level
    /// key's message lists them (and they are read).
    public static var sections: [any ConfigurationSection.Type] {
        [DrizzleSection.self, MigrationsSection.self, PostgresSection.self, GistsSection.self, HighFrequencyTablesSection.self,
         RuleSettingsSection.self, IgnoreSection.self, BaselineSection.self, DatabaseSection.self, SyncSection.self]
    }

    /// A reader of the whole file.
    public init(catalog: RuleCatalog) {
        self.init(catalog: catalog, sections: Self.sections)
    }
}
