import Core
import DrizzleRules
import GistRules
import MigrationRules
import ProjectModel
import Replay
import SyncRules

/// Every rule schemalint has, in one list; `rules/` must hold one catalog entry per rule and no other.
public enum RuleRegistry {
    public static let projectRules: [any ProjectRule] = allGistRules + allSyncRules + allDrizzleRules + allMigrationRules

    /// Rules only `schemalint replay` reports: they need a PostgreSQL server, so `check` never runs them.
    public static let replayRuleIDs = [Replayer.applyFailed, Replayer.catalogDrift, Replayer.tracedLock]

    /// Ids of every rule, including the engine's own `schemalint/unused-suppression`.
    public static var ids: [String] {
        (projectRules.map(\.id) + [UnusedSuppression.id] + replayRuleIDs).sorted()
    }
}
