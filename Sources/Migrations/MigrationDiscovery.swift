import Core
import DrizzleKit

/// Which folders hold migrations (SPEC §1): `migrations.folder` from .schemalint.yml, else the `out` of each
/// drizzle config, else every folder holding `meta/_journal.json` or drizzle-kit 1's `<timestamp>_<name>/`
/// migration folders.
public enum MigrationDiscovery {
    public struct Candidate: Sendable, Hashable {
        public var path: String
        public var layout: MigrationFolder.Layout
        public var configPath: String?
    }

    /// `outFolders`: each PostgreSQL drizzle config's `out`, repository-relative, with the config's path.
    public static func candidates(_ listing: FolderListing, configured: String?, outFolders: [(folder: String, configPath: String)]) -> [Candidate] {
        if let configured {
            let folder = normalized(configured)
            return listing.layout(of: folder).map { [Candidate(path: folder, layout: $0, configPath: nil)] } ?? []
        }
        var found: [Candidate] = []
        var seen: Set<String> = []
        for (out, configPath) in outFolders {
            let folder = normalized(out)
            guard !seen.contains(folder), let layout = listing.layout(of: folder) else { continue }
            seen.insert(folder)
            found.append(Candidate(path: folder, layout: layout, configPath: configPath))
        }
        // The Supabase CLI's folder is found whatever drizzle config there is: the CLI applies it, not drizzle-kit.
        let supabase = listing.supabaseFolders().filter { !seen.contains($0) }
        if !found.isEmpty {
            // Prisma's migrations (the legacy ORM) live beside drizzle-kit's and no drizzle config names them.
            for folder in listing.prismaFolders() where !seen.contains(folder) {
                found.append(Candidate(path: folder, layout: .prisma, configPath: nil))
            }
            return found + supabase.map { Candidate(path: $0, layout: .supabase, configPath: nil) }
        }
        for folder in Set(listing.discoveredFolders() + supabase).sorted() {
            if let layout = listing.layout(of: folder) { found.append(Candidate(path: folder, layout: layout, configPath: nil)) }
        }
        return found
    }

    /// `./drizzle/` → `drizzle`; `.` → "".
    static func normalized(_ folder: String) -> String {
        var parts = folder.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        parts.removeAll { $0 == "." }
        return parts.joined(separator: "/")
    }
}

/// The repository's paths seen as folders, for telling a migrations folder's layout. Built once per tree: the
/// workspace loader asks it the layout of each drizzle config's `out`, and migration loading reads with it.
public struct FolderListing: Sendable {
    public let paths: [String]
    /// The paths as a set, built once per run and shared with the other readers.
    public let pathSet: PathSet

    public init(paths: [String]) {
        self.paths = paths
        self.pathSet = PathSet(paths)
    }

    /// How `folder` holds migrations, nil when it holds none.
    public func layout(of folder: String) -> MigrationFolder.Layout? {
        if pathSet.contains(DrizzleKitLayout.journalPath(in: folder)) { return .journal }
        if pathSet.contains(MigrationFolder.join(folder, "migration_lock.toml")) { return .prisma }
        let children = files(directlyUnder: folder, depth: 2)
        if children.contains(where: { DrizzleKitLayout.isMigrationFolderFile($0.relative) }) { return .folders }
        guard files(directlyUnder: folder, depth: 1).contains(where: { $0.relative.hasSuffix(".sql") }) else { return nil }
        return SupabaseProject.configPath(forMigrations: folder) == nil ? .journal : .supabase
    }

    /// `…/supabase/migrations` folders holding SQL files and no drizzle journal, sorted.
    func supabaseFolders() -> [String] {
        var folders: Set<String> = []
        for path in paths where path.hasPathSuffix(".sql") {
            guard let slash = path.lastIndex(of: "/") else { continue }
            let folder = String(path[..<slash])
            if SupabaseProject.configPath(forMigrations: folder) != nil { folders.insert(folder) }
        }
        return folders.filter { layout(of: $0) == .supabase }.sorted()
    }

    /// Files `depth` levels below `folder` (1: its own files; 2: files of its child folders).
    func files(directlyUnder folder: String, depth: Int) -> [(path: String, relative: String)] {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let prefixBytes = Array(prefix.utf8)
        let asciiPrefix = prefixBytes.allSatisfy { $0 < 0x80 }
        return paths.compactMap { path in
            // This asks about every path of the tree, per folder and depth: compared as bytes where that gives the
            // answer the String comparisons below give (an ASCII prefix, ASCII after it), they cost a tenth.
            if asciiPrefix, let quick = path.utf8.withContiguousStorageIfAvailable({ Self.byteMatch($0, prefixBytes, depth) }),
               let answer = quick {
                return answer.map { (path, $0) }
            }
            guard path.hasPrefix(prefix) else { return nil }
            let relative = String(path.dropFirst(prefix.count))
            return relative.split(separator: "/", omittingEmptySubsequences: false).count == depth ? (path, relative) : nil
        }
    }

    /// `files(directlyUnder:depth:)` on a path's bytes, for an ASCII `prefix`: `.some(nil)` when the path is not
    /// there, `.some(relative)` when it is, nil when a byte past the prefix is not ASCII (a combining mark there
    /// would join the prefix's `/` in one character, which the String comparisons tell apart).
    private static func byteMatch(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8], _ depth: Int) -> String?? {
        // An ASCII character is one byte, and no other character equals it: a path whose bytes do not start
        // with the prefix's does not start with its characters either.
        guard bytes.count >= prefix.count else { return .some(nil) }
        var index = 0
        while index < prefix.count {
            if bytes[index] != prefix[index] { return .some(nil) }
            index += 1
        }
        var parts = 1
        while index < bytes.count {
            if bytes[index] >= 0x80 { return nil }
            if bytes[index] == UInt8(ascii: "/") { parts += 1 }
            index += 1
        }
        guard parts == depth else { return .some(nil) }
        return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[prefix.count...]), as: UTF8.self))
    }

    /// Folders holding Prisma's `migration_lock.toml`, sorted.
    func prismaFolders() -> [String] {
        paths.filter { $0 == "migration_lock.toml" || $0.hasPathSuffix("/migration_lock.toml") }
            .map { String($0.dropLast("migration_lock.toml".count)).trimmingSlash }.sorted()
    }

    private static let journalSuffix = "/" + DrizzleKitLayout.journalFile

    /// Folders holding `meta/_journal.json` or drizzle-kit 1 migration folders, sorted. Byte comparisons: this
    /// asks about every path of the tree (20,000 in a large monorepo).
    func discoveredFolders() -> [String] {
        var folders: Set<String> = []
        for path in paths {
            if path == "migration_lock.toml" || path.hasPathSuffix("/migration_lock.toml") {
                // Prisma Migrate writes the lock file at the root of its migrations folder.
                folders.insert(String(path.dropLast("migration_lock.toml".count)).trimmingSlash)
            } else if path == DrizzleKitLayout.journalFile {
                folders.insert("")
            } else if path.hasPathSuffix(Self.journalSuffix) {
                folders.insert(String(path.dropLast(DrizzleKitLayout.journalFile.count + 1)))
            } else if path.hasPathSuffix("/migration.sql") || path.hasPathSuffix("/snapshot.json") {
                let parts = path.split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count >= 2, MigrationName.number(of: String(parts[parts.count - 2])) != nil else { continue }
                folders.insert(parts.dropLast(2).joined(separator: "/"))
            }
        }
        return folders.sorted()
    }
}

extension String {
    /// `prisma/migrations/` → `prisma/migrations`.
    var trimmingSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}
