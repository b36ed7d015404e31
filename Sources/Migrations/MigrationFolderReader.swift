import Core
import DrizzleKit
import JSON
import SQL

/// Reads migration folders from a file source: every file once, SQL and JSON parsed in parallel across all
/// folders, then each folder put in applied order.
struct MigrationFolderReader {
    let source: any FileSource
    let listing: FolderListing
    /// Every snapshot whole (a run with a base to compare with), not just the latest.
    var wholeSnapshots = false
    /// Parses kept from earlier runs, by path and content.
    var parses: ParseCache? = nil
    /// Whether each folder's replay keeps the schema before every statement (`MigrationReplay.statements`).
    var keepsStatementTraces = false

    /// One file to read and parse.
    private enum Job: Sendable {
        case journal(path: String)
        case script(path: String, name: String)
        case snapshot(path: String, key: String)
        case supabaseConfig(path: String)
    }

    private enum Parsed: Sendable {
        case journal(SourceFile, Result<Journal, JSONFileError>)
        case script(MigrationScript)
        case snapshot(SnapshotHeader)
        case supabaseConfig(SupabaseProject)
    }

    func read(_ candidates: [MigrationDiscovery.Candidate]) throws(InputError) -> [MigrationFolder] {
        let jobs = candidates.map(filesToRead)
        let source = self.source
        let prefixes = FastPaths.enabled && !wholeSnapshots
        let parses = self.parses
        let traces = keepsStatementTraces && FastPaths.enabled
        // Each folder read and replayed as soon as its own files are parsed, the folders with the most scripts first
        // and each folder's files on every free core: parsing every file before replaying any folder left the
        // largest folder's replay running alone at the end.
        let order = candidates.indices.sorted { Self.scriptCount(jobs[$0]) > Self.scriptCount(jobs[$1]) }
        let read = order.concurrentMap { index in
            Result { () throws(InputError) -> MigrationFolder? in
                let folderJobs = jobs[index]
                let results = ParallelRuns.map(count: folderJobs.count, runLength: 1) { job in
                    Result { () throws(InputError) in try Self.run(folderJobs[job], source: source, prefixes: prefixes, parses: parses) }
                }
                let candidate = candidates[index]
                var folder = MigrationFolder(path: candidate.path, layout: candidate.layout, configPath: candidate.configPath)
                // `supabase/migrations` is a Supabase project's folder whoever writes it (drizzle-kit too), config or not.
                if SupabaseProject.configPath(forMigrations: candidate.path) != nil { folder.supabase = SupabaseProject() }
                for result in results {
                    switch try result.get() {
                    case .journal(let file, let result):
                        folder.journalSource = file
                        switch result {
                        case .success(let journal): folder.journal = journal
                        case .failure(let error): folder.journalError = error
                        }
                    case .script(let script): folder.scripts.append(script)
                    case .snapshot(let snapshot): folder.snapshots.append(snapshot)
                    case .supabaseConfig(let project): folder.supabase = project
                    }
                }
                // A journal of another dialect (MySQL, SQLite) is not ours to lint.
                guard folder.journal?.isPostgres ?? true else { return nil }
                folder.steps = MigrationOrder.steps(of: folder)
                try Self.readLatestSnapshot(&folder, source: source, parses: parses)
                TableHistory.fill(&folder, source: source, keepingStatements: traces)
                return folder
            }
        }
        // Back in the candidates' order; the first folder's error in that order is the one reported.
        var byCandidate = [Result<MigrationFolder?, InputError>?](repeating: nil, count: candidates.count)
        for (position, index) in order.enumerated() { byCandidate[index] = read[position] }
        var folders: [MigrationFolder] = []
        for result in byCandidate {
            if let folder = try result!.get() { folders.append(folder) }
        }
        return folders
    }

    private static func scriptCount(_ jobs: [Job]) -> Int {
        jobs.reduce(0) { count, job in
            if case .script = job { return count + 1 }
            return count
        }
    }

    /// Every file of the folder that the rules read, by layout.
    private func filesToRead(_ candidate: MigrationDiscovery.Candidate) -> [Job] {
        var jobs: [Job] = []
        if let config = SupabaseProject.configPath(forMigrations: candidate.path), listing.pathSet.contains(config) {
            jobs.append(.supabaseConfig(path: config))
        }
        switch candidate.layout {
        case .supabase:
            for (path, relative) in listing.files(directlyUnder: candidate.path, depth: 1) where relative.hasSuffix(".sql") {
                jobs.append(.script(path: path, name: String(relative.dropLast(".sql".count))))
            }
        case .journal:
            let journal = DrizzleKitLayout.journalPath(in: candidate.path)
            if listing.pathSet.contains(journal) { jobs.append(.journal(path: journal)) }
            for (path, relative) in listing.files(directlyUnder: candidate.path, depth: 1) where relative.hasSuffix(".sql") {
                jobs.append(.script(path: path, name: String(relative.dropLast(".sql".count))))
            }
            for (path, relative) in listing.files(directlyUnder: candidate.path, depth: 2) {
                if let key = DrizzleKitLayout.journalSnapshotKey(relative) { jobs.append(.snapshot(path: path, key: key)) }
            }
        case .prisma:
            // Every subfolder's `migration.sql` is a migration, whatever its name (`01_init`, `… copy`).
            for (path, relative) in listing.files(directlyUnder: candidate.path, depth: 2) where relative.hasSuffix("/migration.sql") {
                jobs.append(.script(path: path, name: String(relative.dropLast("/migration.sql".count))))
            }
        case .folders:
            for (path, relative) in listing.files(directlyUnder: candidate.path, depth: 2)
            where DrizzleKitLayout.isMigrationFolderFile(relative) {
                let parts = relative.split(separator: "/")
                let name = String(parts[0])
                jobs.append(parts[1] == "migration.sql"
                    ? .script(path: path, name: name) : .snapshot(path: path, key: name))
            }
        }
        return jobs
    }

    private static func run(_ job: Job, source: any FileSource, prefixes: Bool, parses: ParseCache?) throws(InputError) -> Parsed {
        switch job {
        case .journal(let path):
            let file = SourceFile(path: path, bytes: try source.read(path))
            return .journal(file, JournalReader.read(file.bytes, path: path))
        case .script(let path, let name):
            let read = { (bytes: [UInt8]) in
                MigrationScript(source: SourceFile(path: path, bytes: bytes), name: name, sql: SQLParser.parseFile(bytes, inParallel: FastPaths.enabled))
            }
            let bytes = try source.read(path)
            return .script(parses?.value("sql", path: path, bytes: bytes, make: read) ?? read(bytes))
        case .snapshot(let path, let key):
            // Only the chain fields are needed of every snapshot but the latest (read whole later).
            let limit = prefixes ? SnapshotHeaderReader.prefixLength : .max
            let head = try source.readPrefix(path, limit: limit)
            // A header read from a prefix depends on those bytes only, so the prefix is its cache key.
            let fromPrefix = { (head: [UInt8]) in SnapshotHeaderReader.readPrefix(head, path: path, key: key) }
            if prefixes, head.count >= limit,
               let header = parses?.value("snapshot-head \(key)", path: path, bytes: head, make: fromPrefix) ?? fromPrefix(head) {
                return .snapshot(header)
            }
            let bytes = head.count < limit ? head : try source.read(path)
            return .snapshot(readHeader(path, bytes, key: key, parses: parses))
        case .supabaseConfig(let path):
            return .supabaseConfig(SupabaseProject.read(config: try source.read(path), path: path))
        }
    }

    /// The latest readable snapshot in applied order, read whole: its header is re-read from the whole file, so a
    /// latest snapshot that is broken past its chain fields is found broken (and the one before it is taken), as
    /// when every snapshot was read whole.
    private static func readHeader(_ path: String, _ bytes: [UInt8], key: String, parses: ParseCache?) -> SnapshotHeader {
        let read = { (bytes: [UInt8]) in SnapshotHeaderReader.read(SourceFile(path: path, bytes: bytes), key: key) }
        return parses?.value("snapshot \(key)", path: path, bytes: bytes, make: read) ?? read(bytes)
    }

    private static func readLatestSnapshot(_ folder: inout MigrationFolder, source: any FileSource,
                                           parses: ParseCache?) throws(InputError) {
        var latest: SnapshotHeader?
        // The latest snapshot's bytes parsed whole once, for its header and then its model (a second parse of a
        // 300 KB snapshot was a third of reading it); the language server's parse cache keeps each on its own.
        var wholeParse: Result<JSONNode, JSONSyntaxError>?
        for index in folder.steps.indices.reversed() {
            guard var header = folder.steps[index].snapshot, header.error == nil else { continue }
            if !header.isWhole {
                let bytes = try source.read(header.path)
                if parses == nil {
                    let parsed = JSONReader.parse(bytes)
                    header = SnapshotHeaderReader.read(SourceFile(path: header.path, bytes: bytes), key: header.key, parsed: parsed)
                    wholeParse = parsed
                } else {
                    header = readHeader(header.path, bytes, key: header.key, parses: parses)
                }
                folder.steps[index].snapshot = header
                if let position = folder.snapshots.firstIndex(where: { $0.path == header.path }) { folder.snapshots[position] = header }
            } else {
                wholeParse = nil
            }
            if header.error == nil {
                latest = header
                break
            }
        }
        guard let latest else { return }
        let read = { (bytes: [UInt8]) in SnapshotReader.read(bytes, path: latest.path) }
        let bytes = latest.source.bytes
        let model = wholeParse.map { SnapshotReader.read(parsed: $0, path: latest.path) }
            ?? parses?.value("snapshot model", path: latest.path, bytes: bytes, make: read) ?? read(bytes)
        switch model {
        case .success(let snapshot): folder.latestSnapshot = snapshot
        case .failure(let diagnostic): folder.latestSnapshotError = diagnostic
        }
    }
}
