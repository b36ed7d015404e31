import Core
import Foundation

/// `sync:` in `.schemalint.yml`: PostgreSQL rows mirrored in Gists (the `sync/` rules), as `{gist | schema,
/// pointer, table, key?}` entries.
public enum SyncSection: ConfigurationSection {
    public static let name = "sync"
    public static let keys: [String] = []
    public static let defaultValue: [SyncMapping] = []

    public static func read(_ node: ConfigurationNode) throws(ConfigurationError) -> [SyncMapping] {
        guard !node.isNull else { return [] }
        guard let items = node.items else { throw node.error("`sync` must be a list of {gist, pointer, table, key} entries") }
        var mappings: [SyncMapping] = []
        for item in items {
            let keys = try item.fields(["gist", "schema", "pointer", "table", "key"], what: "`sync` entry key")
            let source: SyncMapping.Source
            let sourceNode: ConfigurationNode
            switch (keys["gist"], keys["schema"]) {
            case (let gist?, nil): source = .data(try gist.string()); sourceNode = gist
            case (nil, let schema?): source = .schema(try schema.string()); sourceNode = schema
            default: throw item.error("a `sync` entry needs exactly one of `gist` (a data file) or `schema` (a schema file)")
            }
            guard let pointerNode = keys["pointer"], let tableNode = keys["table"] else {
                throw item.error("a `sync` entry needs `pointer` (e.g. `/subscriptions/*`) and `table`")
            }
            let pointer = try pointerNode.string()
            guard pointer.isEmpty || pointer.hasPrefix("/") else {
                throw pointerNode.error("`pointer` must be a JSON pointer such as `/subscriptions/*`")
            }
            let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
            mappings.append(SyncMapping(
                source: source, pointer: Array(tokens), table: try tableNode.string(), key: try keys["key"]?.string(),
                sourceRange: sourceNode.range, tableRange: tableNode.range, keyRange: keys["key"]?.range))
        }
        return mappings
    }
}

/// One `sync` entry: the values at `pointer` in a Gist (a data file, or every data file of a schema) mirror rows of
/// `table`, the last `*` of the pointer standing for the `key` column. Ranges are byte ranges in the config file.
public struct SyncMapping: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case data(String)
        case schema(String)
    }

    public var source: Source
    /// JSON pointer tokens; `*` matches every member (or element).
    public var pointer: [String]
    public var table: String
    /// The key column; nil means the table's primary key.
    public var key: String?
    public var sourceRange: Range<Int>
    public var tableRange: Range<Int>
    public var keyRange: Range<Int>?

    public init(source: Source, pointer: [String], table: String, key: String?, sourceRange: Range<Int>,
                tableRange: Range<Int>, keyRange: Range<Int>?) {
        self.source = source
        self.pointer = pointer
        self.table = table
        self.key = key
        self.sourceRange = sourceRange
        self.tableRange = tableRange
        self.keyRange = keyRange
    }

    public var path: String {
        switch source {
        case .data(let path), .schema(let path): path
        }
    }
}

extension Configuration {
    /// `sync`: PostgreSQL rows mirrored in Gists.
    public var sync: [SyncMapping] {
        get { self[SyncSection.self] }
        set { self[SyncSection.self] = newValue }
    }
}
