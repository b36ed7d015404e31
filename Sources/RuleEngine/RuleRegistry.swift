import Core
import DrizzleRules
import GistRules
import MigrationRules
import ProjectModel
import SyncRules

/// Every rule `check` runs, in one list; with the runners' replay rules (`RuleRegistry.replayRuleIDs`), `rules/`
/// must hold one catalog entry per rule and no other.
public enum RuleRegistry {
    public static let projectRules: [any ProjectRule] = allGistRules + allSyncRules + allDrizzleRules + allMigrationRules

    /// Ids of every rule `check` reports, including the engine's own `schemalint/unused-suppression`. The engine
    /// also knows every id of its catalog (the replay rules', which only a PostgreSQL server can run).
    public static var checkRuleIDs: [String] {
        (projectRules.map(\.id) + [UnusedSuppression.id]).sorted()
    }
}
