import Core
import ProjectModel
import Synchronization
import Workspace

/// What a caller that checks the same workspace again and again (the language server) keeps from one check to the
/// next: the facets the loader made (`FacetMemory`) and each rule's findings. A rule runs again only when a facet it
/// reads (`Rule.facets`) was made anew; the others' findings are the last run's, which is what they would find
/// again, since they read nothing else. A changed configuration starts from nothing.
public final class CheckMemory: Sendable {
    private struct State {
        var configuration: (path: String, bytes: [UInt8])?
        var facets = FacetMemory()
        var findings: [String: [Finding]] = [:]
        /// The migrations taken as applied: rules that judge new migrations see them marked.
        var applied: Set<String> = []
    }

    private let state = Mutex(State())

    public init() {}

    /// The facets kept under the configuration `request` runs with.
    func facets(for request: LintRequest) -> FacetMemory {
        let configuration = request.configurationFile.map { (path: $0.path, bytes: $0.bytes) }
        return state.withLock { state in
            if state.configuration?.path != configuration?.path || state.configuration?.bytes != configuration?.bytes {
                state = State(configuration: configuration)
            }
            return state.facets
        }
    }

    /// The findings of every rule of `active`: `run` for those reading a facet in `changed`, the last run's for the
    /// others.
    func findings(
        of active: [(any ProjectRule, Severity, RuleOptions)], changed: Facets, applied: Set<String>,
        run: @escaping @Sendable (any ProjectRule, Severity, RuleOptions) -> [Finding]
    ) -> [Finding] {
        var changed = changed
        let previous = state.withLock { state in
            if state.applied != applied { changed.insert(.migrations) }
            return state.findings
        }
        let changedFacets = changed
        let found = active.concurrentMap { rule, severity, options -> [Finding] in
            if rule.facets.isDisjoint(with: changedFacets), let kept = previous[rule.id] { return kept }
            return run(rule, severity, options)
        }
        state.withLock { state in
            state.findings = Dictionary(zip(active.map { $0.0.id }, found)) { first, _ in first }
            state.applied = applied
        }
        return found.flatMap { $0 }
    }
}
