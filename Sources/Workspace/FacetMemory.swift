import Core
import Drizzle
import Gists
import Migrations
import ProjectModel
import Queries
import Synchronization

/// The facets of a project (`Facets`) as the loader makes them, each from its own inputs.
struct GistFacet: Sendable {
    var set: GistSet
}

/// The Drizzle and Prisma schemas with what is read from the same TypeScript: the queries over them, comments at
/// columns, the updates application code makes, and every parsed file with its suppression comments.
struct SchemaFacet: Sendable {
    var schemas: [DrizzleSchema]
    var queryUsage: QueryUsage
    /// Each PostgreSQL drizzle config's `out` folder, where migration loading looks.
    var outFolders: [(folder: String, configPath: String)] = []
    var files: [String: SourceFile] = [:]
    var directives: [String: [SuppressionDirective]] = [:]
    var columnComments = ColumnComments()
    var tableUpdates = RepositoryUpdates()
}

struct MigrationFacet: Sendable {
    var loaded: LoadedMigrations
    /// What the migrations leave beyond a schema's reach (`MigrationEffects`); nil when there was no schema to
    /// compare them with, and the loader works them out when one appears.
    var effects: MigrationEffects?
    /// The drizzle configs whose `out` folders were read: a schema edit that changes them changes this facet too.
    var drizzleConfigs: [DrizzleConfig]
}

/// What a caller that checks the same workspace again and again (the language server) keeps of each facet from one
/// run to the next, with everything loading it read (`RecordingSource`). A facet is taken as it was when the file
/// list is the same and every file it read serves the same bytes: an edit to a Drizzle schema re-reads neither the
/// migrations nor the Gists, and an edit to a migration does not evaluate the schema again. Made for one
/// configuration: the caller starts a new memory when `.schemalint.yml` changes.
public final class FacetMemory: Sendable {
    struct Kept<Value: Sendable>: Sendable {
        var value: Value
        var inputs: RecordingSource
    }

    struct State: Sendable {
        var paths: [String]?
        var gists: Kept<GistFacet>?
        var schemas: Kept<SchemaFacet>?
        var migrations: Kept<MigrationFacet>?
    }

    private let state = Mutex(State())

    public init() {}

    /// One run over `paths`; a different file list (a file created, deleted or renamed) starts from nothing, since
    /// discovery and module resolution depend on which files exist.
    func begin(paths: [String]) -> Run {
        let isFirstRun = state.withLock { state in
            guard state.paths == paths else {
                state = State(paths: paths)
                return true
            }
            return false
        }
        return Run(memory: self, isFirstRun: isFirstRun)
    }

    struct Run {
        let memory: FacetMemory
        /// Nothing was kept: every facet is made anew.
        let isFirstRun: Bool

        /// The kept facet, when every input it read is unchanged in `source` (which it then reads from).
        func reuse<Value>(_ facet: WritableKeyPath<State, Kept<Value>?>, in source: any FileSource) -> Value? {
            guard let kept = memory.state.withLock({ $0[keyPath: facet] }), kept.inputs.isUnchanged(in: source) else { return nil }
            kept.inputs.retarget(source)
            return kept.value
        }

        /// The facet it replaces is freed on another thread (a schema's models and files are large).
        func keep<Value>(_ facet: WritableKeyPath<State, Kept<Value>?>, _ value: Value, inputs: RecordingSource) {
            let replaced = memory.state.withLock { state in
                let replaced = state[keyPath: facet]
                state[keyPath: facet] = Kept(value: value, inputs: inputs)
                return replaced
            }
            Disposal.later(replaced)
        }
    }
}
