import DrizzleKit

/// Puts a folder's migrations in the order they are applied: drizzle's migrator follows the journal's
/// `entries` array; SQL files the journal does not list are placed after the last migration whose name sorts
/// before theirs (that is where whoever runs them by hand would put them). The Supabase CLI sorts by file name.
enum MigrationOrder {
    static func steps(of folder: MigrationFolder) -> [MigrationStep] {
        let scripts = folder.scripts.sorted { $0.path < $1.path }
        switch folder.layout {
        case .prisma:
            // Prisma applies the folders in lexicographic order of their names.
            return scripts.map { MigrationStep(name: $0.name, script: $0) }.sorted { $0.name < $1.name }
        case .supabase:
            // The CLI applies `<timestamp>_<name>.sql` files by file name; others it skips (`migration/out-of-order`).
            return scripts.filter { SupabaseMigrationName.isValid($0.name) }.map { MigrationStep(name: $0.name, script: $0) }
        case .folders:
            let snapshots = Dictionary(folder.snapshots.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            let scriptNames = Set(scripts.map(\.name))
            var steps = scripts.map { MigrationStep(name: $0.name, script: $0, snapshot: snapshots[$0.name]) }
            steps += folder.snapshots.filter { !scriptNames.contains($0.key) }
                .map { MigrationStep(name: $0.key, snapshot: $0) }
            return steps.sorted { $0.name < $1.name }
        case .journal:
            let byName = Dictionary(scripts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let snapshots = Dictionary(folder.snapshots.sorted { $0.path < $1.path }.map { ($0.key, $0) },
                                       uniquingKeysWith: { first, _ in first })
            var steps: [MigrationStep] = []
            var listed: Set<String> = []
            for entry in folder.journal?.entries ?? [] {
                let name = entry.tag?.value ?? ""
                listed.insert(name)
                let snapshot = entry.snapshotKeys.lazy.compactMap { snapshots[$0] }.first
                steps.append(MigrationStep(name: name, entry: entry, script: byName[name], snapshot: snapshot))
            }
            for script in scripts where !listed.contains(script.name) {
                let position = steps.lastIndex { $0.name <= script.name }.map { $0 + 1 } ?? 0
                steps.insert(MigrationStep(name: script.name, script: script), at: position)
            }
            return steps
        }
    }
}

extension JournalEntry {
    /// The `meta/<key>_snapshot.json` keys that may hold this entry's snapshot: the tag's number, then the entry's `idx`
    /// in four digits. Both occur with `migrations.prefix` `supabase`, `timestamp` or `unix`: some drizzle-kit
    /// versions wrote `meta/0000_snapshot.json` for `20240604162900_init.sql`, others (kan's folder)
    /// `meta/20240604162900_snapshot.json`.
    public var snapshotKeys: [String] {
        let name = tag?.value ?? ""
        var keys = [MigrationName.number(of: name) ?? name]
        if let idx = idx?.value, idx >= 0 {
            let padded = String(repeating: "0", count: max(0, 4 - String(idx).count)) + String(idx)
            if padded != keys[0] { keys.append(padded) }
        }
        return keys
    }
}
