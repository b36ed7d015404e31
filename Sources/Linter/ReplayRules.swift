import Replay
import RuleEngine

extension RuleRegistry {
    /// Rules only `schemalint replay` reports: they need a PostgreSQL server, so `check` never runs them.
    public static let replayRuleIDs = [Replayer.applyFailed, Replayer.catalogDrift, Replayer.tracedLock]

    /// Ids of every rule, `check`'s and `replay`'s.
    public static var ids: [String] {
        (checkRuleIDs + replayRuleIDs).sorted()
    }
}
