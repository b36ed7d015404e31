import Catalog
import Core
import JSON

/// What the migration rules need from one drizzle-kit snapshot: its place in the chain (`id`, `prevId` or
/// version 8's `prevIds`, located) and the tables it knows. The full model is `SnapshotReader`'s,
/// used for the latest snapshot only.
public struct SnapshotHeader: Sendable {
    public var source: SourceFile
    /// The file's number (`0003` of `meta/0003_snapshot.json`) or, in drizzle-kit 1's layout, its folder name.
    public var key: String
    public var version: String?
    public var dialect: String?
    public var id: PositionedText?
    /// `prevId` (versions 5–7) or the elements of `prevIds` (version 8).
    public var prevIds: [PositionedText]
    public var tables: Set<QualifiedName>
    /// Set when the file is not a JSON object; everything else is then empty.
    public var error: JSONFileError?
    /// False when only the file's first bytes were read (`SnapshotHeaderScanner`): `source` then holds that
    /// prefix, `tables` is empty, and the rest of the file was not checked.
    public var isWhole: Bool = true

    public var path: String { source.path }
    /// Where findings about the snapshot as a whole point: its `id` value, else the start of the file.
    public var idRange: Range<Int> { id?.range ?? error?.range ?? 0..<min(1, source.bytes.count) }

    public init(source: SourceFile, key: String, version: String? = nil, dialect: String? = nil, id: PositionedText? = nil,
                prevIds: [PositionedText] = [], tables: Set<QualifiedName> = [], error: JSONFileError? = nil) {
        self.source = source
        self.key = key
        self.version = version
        self.dialect = dialect
        self.id = id
        self.prevIds = prevIds
        self.tables = tables
        self.error = error
    }
}

public enum SnapshotHeaderReader {
    /// How much of a snapshot is read for its chain fields: they come first, in well under a kilobyte.
    public static let prefixLength = 4096

    /// The chain fields from a prefix of the file (`bytes` holds the first `prefixLength` bytes or more); nil when
    /// they are not all there in the expected form, and the whole file must be read.
    public static func readPrefix(_ bytes: [UInt8], path: String, key: String) -> SnapshotHeader? {
        guard let fields = SnapshotHeaderScanner.scan(bytes) else { return nil }
        var header = SnapshotHeader(source: SourceFile(path: path, bytes: bytes), key: key, version: fields.version,
                                    dialect: fields.dialect, id: fields.id, prevIds: fields.prevIds)
        header.isWhole = false
        return header
    }

    public static func read(_ source: SourceFile, key: String) -> SnapshotHeader {
        // Levels 1–3 hold everything read here (`tables` → an entry → its `name`; `ddl` → an entity → its fields).
        read(source, key: key, parsed: JSONReader.parse(source.bytes, materializingDepth: 3))
    }

    /// The header from `source`'s bytes parsed to at least 3 levels: a whole parse (`JSONReader.parse`) gives the
    /// same header, so the latest snapshot's one parse serves both its header and its model.
    public static func read(_ source: SourceFile, key: String, parsed: Result<JSONNode, JSONSyntaxError>) -> SnapshotHeader {
        let root: JSONNode
        switch parsed {
        case .success(let node): root = node
        case .failure(let error):
            return SnapshotHeader(source: source, key: key,
                                  error: JSONFileError(path: source.path, message: error.message, range: error.range))
        }
        guard root.objectMembers != nil else {
            return SnapshotHeader(source: source, key: key,
                                  error: JSONFileError(path: source.path, message: "the snapshot is not a JSON object", range: root.range))
        }
        var prevIds: [PositionedText] = []
        if let single = root.positionedText("prevId") { prevIds = [single] }
        for node in root["prevIds"]?.arrayValue ?? [] {
            if let value = node.stringValue { prevIds.append(PositionedText(value: value, range: node.range)) }
        }
        return SnapshotHeader(source: source, key: key, version: root["version"]?.stringValue,
                              dialect: root["dialect"]?.stringValue, id: root.positionedText("id"),
                              prevIds: prevIds, tables: tables(root))
    }

    /// Versions 5–7 keep tables in a `tables` object (each entry has `name` and `schema`); version 8 lists
    /// `{ entityType: "tables", name, schema }` among the flat `ddl` entities.
    private static func tables(_ root: JSONNode) -> Set<QualifiedName> {
        var names: Set<QualifiedName> = []
        for member in root["tables"]?.objectMembers ?? [] {
            let name = member.value["name"]?.stringValue ?? member.key
            names.insert(QualifiedName.canonical(schema: member.value["schema"]?.stringValue, name: name))
        }
        for entity in root["ddl"]?.arrayValue ?? [] where entity["entityType"]?.stringValue == "tables" {
            if let name = entity["name"]?.stringValue {
                names.insert(QualifiedName.canonical(schema: entity["schema"]?.stringValue, name: name))
            }
        }
        return names
    }
}
