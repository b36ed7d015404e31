import Core
import Catalog
import Drizzle
import Gists
import Migrations
import ProjectModel
import Queries
import TypeScript

/// Finds the inputs of SPEC §1 in a file source, reads and parses each file once (in parallel), and builds
/// the project model plus the suppression comments found along the way.
public struct ProjectLoader {
    public let source: any FileSource
    public let configuration: Configuration
    /// The repository at the base ref (`--base`), whose migrations `migration/edited-after-merge` compares with.
    public var base: (any FileSource)? = nil
    /// Parses kept from earlier runs (the language server's); nil parses every file.
    public var parses: ParseCache? = nil
    /// What earlier runs learned about files the update search reads (see `ContentFactCache`).
    public var updateScanMemory: (any UpdateScanMemory)? = nil
    /// Whether each migration folder's replay keeps the schema before every statement (`MigrationReplay.statements`):
    /// worth it when every migration is judged, and only recorded in vain when most are applied (see `Engine`).
    public var keepsStatementTraces = false

    /// What an earlier run made, for a caller that checks the same workspace again; nil reads everything.
    public var memory: FacetMemory? = nil

    public struct Loaded {
        public var project: Project
        public var directives: [String: [SuppressionDirective]]
        /// The facets made anew by this run; the others are an earlier run's, from the same inputs (all without memory).
        public var changed: Facets
    }

    public init(source: any FileSource, configuration: Configuration, base: (any FileSource)? = nil, parses: ParseCache? = nil) {
        self.source = source
        self.configuration = configuration
        self.base = base
        self.parses = parses
    }

    public func load() throws(InputError) -> Loaded {
        let ignored = GlobSet(configuration.ignoredPaths)
        let paths = try source.listFiles().filter { !ignored.matches($0) }
        // What an earlier run made of inputs that have not changed since is taken as it was (the language server's
        // `FacetMemory`); a run with a base tree compares with it and keeps nothing.
        let memory = base == nil ? memory?.begin(paths: paths) : nil
        let folders = FolderListing(paths: paths)
        var changed: Facets = memory?.isFirstRun == false ? [] : .all

        let gists: GistFacet
        if let kept = memory?.reuse(\.gists, in: source) {
            gists = kept
        } else {
            let inputs = RecordingSource(source)
            gists = GistFacet(set: try loadGists(paths, from: inputs))
            memory?.keep(\.gists, gists, inputs: inputs)
            changed.insert(.gists)
        }
        // A run without a memory (the command line) reads the migrations on another thread while the schemas are
        // evaluated (which is serial): once the configs' `out` folders are known, neither needs the other.
        let shared = memory == nil ? sharedConfigs(paths, folders: folders) : nil
        let early = shared.map { startMigrations(folders, configs: $0) }
        let schemas: SchemaFacet
        if let kept = memory?.reuse(\.schemas, in: source) {
            schemas = kept
        } else {
            let inputs = RecordingSource(source)
            schemas = try loadSchemas(paths, folders: folders, from: inputs, shared: shared)
            memory?.keep(\.schemas, schemas, inputs: inputs)
            changed.formUnion([.catalog, .queries, .drizzleExtras])
        }
        let drizzleConfigs = schemas.schemas.compactMap(\.config)
        let migrations: MigrationFacet
        if let kept = memory?.reuse(\.migrations, in: source), kept.drizzleConfigs == drizzleConfigs {
            migrations = kept
        } else {
            let inputs = RecordingSource(source)
            let loaded: LoadedMigrations
            if let early, let read = try early.result(for: schemas.outFolders) {
                loaded = read
            } else {
                loaded = try MigrationLoading.load(folders, configuration: configuration, outFolders: schemas.outFolders,
                                                   source: inputs, wholeSnapshots: base != nil, parses: parses,
                                                   keepsStatementTraces: keepsStatementTraces)
            }
            // Only rules comparing a schema with the migrations read their effects: none without a schema.
            let effects = schemas.schemas.isEmpty ? nil : MigrationEffects(loaded.folders)
            migrations = MigrationFacet(loaded: loaded, effects: effects, drizzleConfigs: drizzleConfigs)
            memory?.keep(\.migrations, migrations, inputs: inputs)
            changed.insert(.migrations)
        }

        var files: [String: SourceFile] = [:]
        var directives = schemas.directives
        for file in gists.set.files { files[file.path] = file.source }
        files.merge(schemas.files) { _, new in new }
        for file in migrations.loaded.files { files[file.path] = file }
        for (path, comments) in migrations.loaded.comments {
            let found = comments.compactMap(SuppressionDirective.init(comment:))
            if !found.isEmpty { directives[path] = found }
        }
        var baseMigrations: [MigrationFolder]?
        if let base {
            // The base tree's migrations are where the base tree's own configs put them (`out` may have moved since).
            let basePaths = try base.listFiles().filter { !ignored.matches($0) }
            let baseFolders = FolderListing(paths: basePaths)
            let baseOutFolders = DrizzleLoading(paths: basePaths, configuration: configuration,
                                                provider: ParsedSourceProvider(source: base, paths: basePaths, pathSet: baseFolders.pathSet),
                                                folders: baseFolders).outFolders()
            baseMigrations = try MigrationLoading.load(baseFolders, configuration: configuration, outFolders: baseOutFolders,
                                                       source: base, wholeSnapshots: true).folders
        }
        var project = Project(configuration: configuration, files: files, gists: gists.set, schemas: schemas.schemas,
                              queryUsage: schemas.queryUsage, migrations: migrations.loaded.folders, baseMigrations: baseMigrations)
        project.snapshotPairings = SnapshotPairings.pair(project.migrations, with: project.schemas)
        project.prismaPairings = SnapshotPairings.pairPrisma(project.migrations, with: project.schemas)
        project.migrationEffects = migrations.effects
            ?? (project.schemas.isEmpty ? MigrationEffects() : MigrationEffects(project.migrations))
        project.columnComments = schemas.columnComments
        project.tableUpdates = schemas.tableUpdates
        project.gitIgnoredFiles = source.gitIgnoredFiles()
        return Loaded(project: project, directives: directives, changed: changed)
    }

    /// Starts reading the migrations of the folders the drizzle configs name, on another thread.
    /// The drizzle configs read once, with the provider that read them, for both the early migrations and the
    /// schemas (finding the configs of a 20,000-file tree is not cheap); nil when they cannot be read, and the
    /// schema loading then reports why.
    private func sharedConfigs(_ paths: [String], folders: FolderListing) -> SharedConfigs? {
        let provider = ParsedSourceProvider(source: source, paths: paths, pathSet: folders.pathSet, parses: parses)
        let loading = DrizzleLoading(paths: paths, configuration: configuration, provider: provider, folders: folders)
        guard let configs = try? loading.configs() else { return nil }
        return SharedConfigs(provider: provider, configs: configs)
    }

    struct SharedConfigs {
        let provider: ParsedSourceProvider
        let configs: [(path: String, read: Result<DrizzleConfig, ReaderDiagnostic>)]
    }

    private func startMigrations(_ folders: FolderListing, configs shared: SharedConfigs) -> EarlyMigrations {
        let outFolders = DrizzleLoading.outFolders(of: shared.configs.compactMap { try? $0.read.get() }, provider: shared.provider)
        let (configuration, source, wholeSnapshots, parses, traces) = (configuration, source, base != nil, parses, keepsStatementTraces)
        return EarlyMigrations(outFolders: outFolders) { () throws(InputError) in
            try MigrationLoading.load(folders, configuration: configuration, outFolders: outFolders, source: source,
                                      wholeSnapshots: wholeSnapshots, parses: parses, keepsStatementTraces: traces)
        }
    }

    /// The Drizzle and Prisma schemas, the queries over them, and the facts found beside them in TypeScript code.
    private func loadSchemas(_ paths: [String], folders: FolderListing, from source: any FileSource,
                             shared: SharedConfigs?) throws(InputError) -> SchemaFacet {
        let provider = shared?.provider ?? ParsedSourceProvider(source: source, paths: paths, pathSet: folders.pathSet, parses: parses)
        var loading = DrizzleLoading(paths: paths, configuration: configuration, provider: provider, folders: folders)
        loading.knownConfigs = shared?.configs
        let drizzle = try loading.load()
        let queryUsage = loadQueries(paths, schemas: drizzle, provider: provider)
        // The legacy ORM's schemas join the Drizzle ones in the same model, so the schema rules read both.
        let prisma = PrismaLoading(paths: paths, source: source, provider: provider).load()
        var facet = SchemaFacet(schemas: drizzle + prisma.schemas, queryUsage: queryUsage,
                                outFolders: DrizzleLoading.outFolders(of: drizzle.compactMap(\.config), provider: provider))
        for file in prisma.files { facet.files[file.path] = file }
        for schema in prisma.schemas {
            for (path, comments) in schema.prisma?.comments ?? [:] {
                let found = comments.compactMap { SuppressionDirective(comment: SourceComment(text: $0.text, range: $0.range)) }
                if !found.isEmpty { facet.directives[path] = found }
            }
        }
        for entry in provider.entries {
            facet.files[entry.file.path] = entry.file
            let found = entry.syntax.comments.compactMap {
                SuppressionDirective(comment: SourceComment(text: $0.text, range: $0.range))
            }
            if !found.isEmpty { facet.directives[entry.file.path] = found }
        }
        addFacts(to: &facet, paths: paths, provider: provider, source: source)
        return facet
    }

    /// The columns the `queries` files filter and sort on (SPEC §1); nothing without `queries` or a schema.
    private func loadQueries(_ paths: [String], schemas: [DrizzleSchema], provider: ParsedSourceProvider) -> QueryUsage {
        guard !configuration.queries.isEmpty, !schemas.isEmpty else { return QueryUsage() }
        let globs = GlobSet(configuration.queries)
        let queryPaths = paths.filter { DrizzleLoading.isSource($0) && globs.matches($0) }
        provider.preload(queryPaths)
        let files = queryPaths.compactMap { path in provider.syntax(path).map { QuerySourceFile(path: path, syntax: $0) } }
        return QueryReader(schemas: schemas.map { ($0.model, $0.declarations) }).read(files)
    }

    private func loadGists(_ paths: [String], from source: any FileSource) throws(InputError) -> GistSet {
        let dataGlobs = GlobSet(configuration.gistData)
        let schemaGlobs = GlobSet(configuration.gistSchemas)
        let mappedSchemas = Set(configuration.gistMap.values)
        var gistPaths: [(String, GistFile.Role)] = []
        for path in paths where path.hasPathSuffix(".json") {
            if schemaGlobs.matches(path) || mappedSchemas.contains(path) {
                gistPaths.append((path, .schema))
            } else if dataGlobs.matches(path) || configuration.gistMap[path] != nil {
                gistPaths.append((path, .data))
            }
        }
        let parses = self.parses
        let reads = gistPaths.concurrentMap { path, role -> Result<GistFile, InputError> in
            Result { () throws(InputError) in
                let read = { (bytes: [UInt8]) in GistReader.read(SourceFile(path: path, bytes: bytes), role: role) }
                let bytes = try source.read(path)
                return parses?.value("gist-\(role)", path: path, bytes: bytes, make: read) ?? read(bytes)
            }
        }
        var gistFiles: [GistFile] = []
        for read in reads { gistFiles.append(try read.get()) }
        return GistSet.link(files: gistFiles, map: configuration.gistMap)
    }
}
