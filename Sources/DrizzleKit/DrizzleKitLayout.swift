/// The two layouts drizzle-kit writes a migrations folder (the config's `out`) in. Which one a folder has also says
/// which drizzle-kit generation writes it, and so how it names unnamed constraints (the workspace loader reads the
/// schema under that convention).
public enum DrizzleKitLayout: Sendable, Hashable {
    /// drizzle-kit 0.x: `meta/_journal.json`, `NNNN_tag.sql`, `meta/NNNN_snapshot.json` (snapshot versions 5–7).
    case journal
    /// drizzle-kit 1: `<timestamp>_<name>/migration.sql` + `snapshot.json`, no journal (snapshot version 8).
    case folders

    /// The journal, relative to the migrations folder.
    public static let journalFile = "meta/_journal.json"

    /// `folder/meta/_journal.json`.
    public static func journalPath(in folder: String) -> String {
        folder.isEmpty ? journalFile : folder + "/" + journalFile
    }

    /// `20250101120000_init/migration.sql` or `…/snapshot.json` (relative to the migrations folder): a numbered
    /// folder holding drizzle-kit 1 files.
    public static func isMigrationFolderFile(_ relative: String) -> Bool {
        let parts = relative.split(separator: "/")
        guard parts.count == 2, parts[1] == "migration.sql" || parts[1] == "snapshot.json" else { return false }
        return MigrationName.number(of: String(parts[0])) != nil
    }

    /// `0003` of `meta/0003_snapshot.json` (relative to the migrations folder): the key a journal entry finds its
    /// snapshot by; nil for any other file.
    public static func journalSnapshotKey(_ relative: String) -> String? {
        guard relative.hasPrefix("meta/"), relative.hasSuffix("_snapshot.json") else { return nil }
        return String(relative.dropFirst("meta/".count).dropLast("_snapshot.json".count))
    }
}
