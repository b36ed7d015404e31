import Core
import JSON

/// Finds the newest snapshot of a migrations folder: the last journal entry (`meta/_journal.json`) that has a
/// `meta/NNNN_snapshot.json`, or, in drizzle-kit 1's layout (no journal), the last `<timestamp>_<name>/snapshot.json`.
public enum LatestSnapshot {
    /// - Parameters:
    ///   - files: the files under `folder` (repository-relative).
    ///   - read: a file's bytes (only the journal is read).
    public static func path(inMigrationsFolder folder: String, files: [String], read: (String) -> [UInt8]?) -> String? {
        let prefix = folder.isEmpty ? "" : folder + "/"
        if let bytes = read(prefix + "meta/_journal.json"),
           case .success(let journal) = JSONReader.parse(bytes) {
            let present = Set(files)
            let tags = (journal["entries"]?.arrayValue ?? []).compactMap { $0["tag"]?.stringValue }
            for tag in tags.reversed() {
                let number = tag.split(separator: "_").first.map(String.init) ?? tag
                let candidate = prefix + "meta/\(number)_snapshot.json"
                if present.contains(candidate) { return candidate }
            }
            return nil
        }
        let snapshots = files.filter {
            $0.hasSuffix("/snapshot.json") && RelativePath.directory(of: RelativePath.directory(of: $0)) == folder
        }
        return snapshots.sorted().last
    }
}
