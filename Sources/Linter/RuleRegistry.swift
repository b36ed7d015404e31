import Core
import DrizzleRules
import GistRules
import MigrationRules
import ProjectModel

/// Every rule schemalint has, in one list; `rules/` must hold one catalog entry per rule and no other.
public enum RuleRegistry {
    public static let projectRules: [any ProjectRule] = allGistRules + allDrizzleRules + allMigrationRules

    /// Ids of every rule, including the engine's own `schemalint/unused-suppression`.
    public static var ids: [String] {
        (projectRules.map(\.id) + [UnusedSuppression.id]).sorted()
    }
}
