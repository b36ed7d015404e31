import Catalog

/// A drizzle-kit snapshot (`meta/NNNN_snapshot.json`, versions 5–7, or drizzle-kit 1's `snapshot.json`,
/// version 8) read into the same model as the TypeScript schema. Every element's `location` points into the
/// snapshot's JSON (its path and the byte range of its entry).
public struct Snapshot: Sendable, Hashable {
    /// `"5"`, `"6"`, `"7"`, `"8"`.
    public var version: String
    /// `pg`, `postgresql` or `postgres`.
    public var dialect: String
    public var id: String
    /// `prevId` (versions 5–7) or `prevIds` (version 8).
    public var prevIds: [String]
    public var model: SchemaModel

    public init(version: String, dialect: String, id: String, prevIds: [String], model: SchemaModel) {
        self.version = version
        self.dialect = dialect
        self.id = id
        self.prevIds = prevIds
        self.model = model
    }

    /// Version 8 snapshots come from drizzle-kit 1, whose default constraint names and defaults differ from 0.x.
    public var isKitOne: Bool { version == "8" }
}
