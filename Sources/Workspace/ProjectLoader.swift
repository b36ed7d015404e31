import Core
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

    public struct Loaded {
        public var project: Project
        public var directives: [String: [SuppressionDirective]]
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
        var files: [String: SourceFile] = [:]
        var directives: [String: [SuppressionDirective]] = [:]

        let gists = try loadGists(paths)
        for file in gists.files { files[file.path] = file.source }

        let provider = ParsedSourceProvider(source: source, paths: paths, parses: parses)
        let folders = FolderListing(paths: paths)
        let schemas = try DrizzleLoading(paths: paths, configuration: configuration, provider: provider, folders: folders).load()
        let queryUsage = loadQueries(paths, schemas: schemas, provider: provider)
        // The legacy ORM's schemas join the Drizzle ones in the same model, so the schema rules read both.
        let prisma = PrismaLoading(paths: paths, source: source, provider: provider).load()
        for file in prisma.files { files[file.path] = file }
        for schema in prisma.schemas {
            for (path, comments) in schema.prisma?.comments ?? [:] {
                let found = comments.compactMap { SuppressionDirective(comment: SourceComment(text: $0.text, range: $0.range)) }
                if !found.isEmpty { directives[path] = found }
            }
        }
        for entry in provider.entries {
            files[entry.file.path] = entry.file
            let found = entry.syntax.comments.compactMap {
                SuppressionDirective(comment: SourceComment(text: $0.text, range: $0.range))
            }
            if !found.isEmpty { directives[entry.file.path] = found }
        }
        let outFolders = DrizzleLoading.outFolders(of: schemas.compactMap(\.config), provider: provider)
        let migrations = try MigrationLoading.load(folders, configuration: configuration, outFolders: outFolders,
                                                   source: source, wholeSnapshots: base != nil, parses: parses)
        for file in migrations.files { files[file.path] = file }
        for (path, comments) in migrations.comments {
            let found = comments.compactMap(SuppressionDirective.init(comment:))
            if !found.isEmpty { directives[path] = found }
        }
        var baseMigrations: [MigrationFolder]?
        if let base {
            // The base tree's migrations are where the base tree's own configs put them (`out` may have moved since).
            let basePaths = try base.listFiles().filter { !ignored.matches($0) }
            let baseFolders = FolderListing(paths: basePaths)
            let baseOutFolders = DrizzleLoading(paths: basePaths, configuration: configuration,
                                                provider: ParsedSourceProvider(source: base, paths: basePaths),
                                                folders: baseFolders).outFolders()
            baseMigrations = try MigrationLoading.load(baseFolders, configuration: configuration, outFolders: baseOutFolders,
                                                       source: base, wholeSnapshots: true).folders
        }
        var project = Project(configuration: configuration, files: files, gists: gists, schemas: schemas + prisma.schemas, queryUsage: queryUsage,
                              migrations: migrations.folders, baseMigrations: baseMigrations)
        project.snapshotPairings = SnapshotPairings.pair(project.migrations, with: project.schemas)
        addFacts(to: &project, paths: paths, provider: provider)
        return Loaded(project: project, directives: directives)
    }

    /// The columns the `queries` files filter and sort on (SPEC §1); nothing without `queries` or a schema.
    private func loadQueries(_ paths: [String], schemas: [DrizzleSchema], provider: ParsedSourceProvider) -> QueryUsage {
        guard !configuration.queries.isEmpty, !schemas.isEmpty else { return QueryUsage() }
        let globs = GlobSet(configuration.queries)
        let queryPaths = paths.filter { DrizzleLoading.isSource($0) && globs.matches($0) }
        provider.preload(queryPaths)
        let files = queryPaths.compactMap { path in provider.syntax(path).map { QuerySourceFile(path: path, syntax: $0) } }
        return QueryReader(models: schemas.map(\.model)).read(files)
    }

    private func loadGists(_ paths: [String]) throws(InputError) -> GistSet {
        let dataGlobs = GlobSet(configuration.gistData)
        let schemaGlobs = GlobSet(configuration.gistSchemas)
        let mappedSchemas = Set(configuration.gistMap.values)
        var gistPaths: [(String, GistFile.Role)] = []
        for path in paths where path.hasSuffix(".json") {
            if schemaGlobs.matches(path) || mappedSchemas.contains(path) {
                gistPaths.append((path, .schema))
            } else if dataGlobs.matches(path) || configuration.gistMap[path] != nil {
                gistPaths.append((path, .data))
            }
        }
        let source = self.source
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
