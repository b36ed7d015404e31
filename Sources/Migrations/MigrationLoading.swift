import Core

/// Everything the loader hands the engine about migrations.
public struct LoadedMigrations: Sendable {
    public var folders: [MigrationFolder]
    /// Every file read (journals, SQL, snapshots), for locating findings.
    public var files: [SourceFile]
    /// The comments of each SQL file, by path: the engine turns `-- schemalint-disable…` into suppressions.
    public var comments: [String: [SourceComment]]

    public init(folders: [MigrationFolder] = [], files: [SourceFile] = [], comments: [String: [SourceComment]] = [:]) {
        self.folders = folders
        self.files = files
        self.comments = comments
    }
}

/// The one entry point the project loader calls (once for the work tree, once for the base tree with `--base`).
public enum MigrationLoading {
    /// - Parameters:
    ///   - listing: the source's files, `ignore` globs already applied.
    ///   - outFolders: the `out` folder of each PostgreSQL drizzle config of this tree, with the config's path (the
    ///     loader reads the configs: for `--base`, the base tree's own).
    ///   - wholeSnapshots: read every snapshot whole, not only the latest: `migration/edited-after-merge` compares
    ///     snapshots byte for byte with the base's, and a prefix of one cannot be compared with the whole other.
    ///   - parses: SQL and snapshot parses kept from earlier runs (the language server's).
    ///   - keepsStatementTraces: whether each folder's replay keeps the schema before every statement.
    public static func load(_ listing: FolderListing, configuration: Configuration, outFolders: [(folder: String, configPath: String)],
                            source: any FileSource, wholeSnapshots: Bool = false,
                            parses: ParseCache? = nil, keepsStatementTraces: Bool = false) throws(InputError) -> LoadedMigrations {
        // Prisma folders of another database (`provider = "mysql"` in `migration_lock.toml`) hold no PostgreSQL.
        let candidates = MigrationDiscovery.candidates(listing, configured: configuration.migrationsFolder, outFolders: outFolders)
            .filter { $0.layout != .prisma || PrismaLock.isPostgres(try? source.read(MigrationFolder.join($0.path, "migration_lock.toml"))) }
        guard !candidates.isEmpty else { return LoadedMigrations() }
        let folders = try MigrationFolderReader(source: source, listing: listing, wholeSnapshots: wholeSnapshots,
                                                parses: parses, keepsStatementTraces: keepsStatementTraces)
            .read(candidates)
        var loaded = LoadedMigrations(folders: folders)
        for folder in folders {
            if let journal = folder.journalSource { loaded.files.append(journal) }
            for script in folder.scripts {
                loaded.files.append(script.source)
                let comments = script.sql.comments.map { comment in
                    SourceComment(text: String(decoding: script.source.bytes[comment.contentRange], as: UTF8.self),
                                  range: comment.range)
                }
                if !comments.isEmpty { loaded.comments[script.path] = comments }
            }
            loaded.files += folder.snapshots.map(\.source)
            if let config = folder.supabase?.configSource { loaded.files.append(config) }
        }
        return loaded
    }
}

/// `migration_lock.toml`: the `provider` Prisma Migrate wrote the folder for.
enum PrismaLock {
    /// The provider's value (`postgresql`), or nil when the file says none.
    static func provider(_ bytes: [UInt8]) -> String? {
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: " \t") == "provider" else { continue }
            return parts[1].trimmingCharacters(in: " \t\"'")
        }
        return nil
    }

    /// PostgreSQL, or unsaid (an unreadable or empty lock file is no reason to skip the folder).
    static func isPostgres(_ bytes: [UInt8]?) -> Bool {
        guard let bytes, let provider = provider(bytes) else { return true }
        return provider == "postgresql" || provider == "postgres"
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
