import JSON

/// drizzle-kit's `meta/_journal.json`: the list of migrations its migrator applies, in order.
public struct Journal: Sendable {
    public var path: String
    public var version: String?
    /// `pg` (drizzle-kit before 0.21), `postgresql`; other dialects are not PostgreSQL journals.
    public var dialect: String?
    public var entries: [JournalEntry]
    /// The `entries` array (or the whole document when it has none): where findings about the journal as a
    /// whole point.
    public var entriesRange: Range<Int>

    public init(path: String, version: String?, dialect: String?, entries: [JournalEntry], entriesRange: Range<Int>) {
        self.path = path
        self.version = version
        self.dialect = dialect
        self.entries = entries
        self.entriesRange = entriesRange
    }

    public var isPostgres: Bool { Journal.isPostgresDialect(dialect) }

    /// drizzle-kit's names for PostgreSQL; a missing dialect is taken as PostgreSQL.
    public static func isPostgresDialect(_ dialect: String?) -> Bool {
        guard let dialect else { return true }
        return ["pg", "postgresql", "postgres"].contains(dialect)
    }
}

/// One `entries` element: `{ idx, version, when, tag, breakpoints }`, each value located.
public struct JournalEntry: Sendable {
    /// Position in the `entries` array (the order the migrator applies entries in).
    public var position: Int
    public var idx: PositionedInteger?
    /// Milliseconds since the epoch; the migrator skips an entry whose `when` is not above the last applied one.
    public var when: PositionedInteger?
    /// The SQL file's name without `.sql`, e.g. `0003_backfill_plans`.
    public var tag: PositionedText?
    public var breakpoints: Bool?
    /// The whole entry object.
    public var range: Range<Int>

    public init(position: Int, idx: PositionedInteger?, when: PositionedInteger?, tag: PositionedText?,
                breakpoints: Bool?, range: Range<Int>) {
        self.position = position
        self.idx = idx
        self.when = when
        self.tag = tag
        self.breakpoints = breakpoints
        self.range = range
    }

    /// Where findings about the entry point: its `tag` value, else the entry.
    public var tagRange: Range<Int> { tag?.range ?? range }
}

/// A journal or snapshot that is not a JSON object: located at the offending token.
public struct JSONFileError: Error, Sendable, Hashable {
    public var path: String
    public var message: String
    public var range: Range<Int>

    public init(path: String, message: String, range: Range<Int>) {
        self.path = path
        self.message = message
        self.range = range
    }
}

public enum JournalReader {
    public static func read(_ bytes: [UInt8], path: String) -> Result<Journal, JSONFileError> {
        let root: JSONNode
        switch JSONReader.parse(bytes) {
        case .success(let node): root = node
        case .failure(let error): return .failure(JSONFileError(path: path, message: error.message, range: error.range))
        }
        guard root.objectMembers != nil else {
            return .failure(JSONFileError(path: path, message: "the journal is not a JSON object", range: root.range))
        }
        let entriesNode = root["entries"]
        if let entriesNode, entriesNode.arrayValue == nil {
            return .failure(JSONFileError(path: path, message: "`entries` is not a list", range: entriesNode.range))
        }
        if let invalid = invalidField(in: entriesNode?.arrayValue ?? []) {
            return .failure(JSONFileError(path: path, message: invalid.message, range: invalid.range))
        }
        let entries = (entriesNode?.arrayValue ?? []).enumerated().map { position, node in
            JournalEntry(position: position, idx: node.positionedInteger("idx"), when: node.positionedInteger("when"),
                         tag: node.positionedText("tag"), breakpoints: node["breakpoints"]?.boolValue, range: node.range)
        }
        return .success(Journal(path: path, version: root["version"]?.stringValue, dialect: root["dialect"]?.stringValue,
                                entries: entries, entriesRange: entriesNode?.range ?? root.range))
    }
}

extension JournalReader {
    /// The first entry field that is present but not what drizzle-kit writes (`"when": "yesterday"`, `"idx": 0.5`,
    /// `1e30`): read as missing, it would silently drop the entry from every check.
    static func invalidField(in entries: [JSONNode]) -> (message: String, range: Range<Int>)? {
        for (position, entry) in entries.enumerated() {
            guard entry.objectMembers != nil else {
                return ("entry \(position) of `entries` is not an object", entry.range)
            }
            for key in ["idx", "when"] {
                guard let node = entry[key], node.numberValue?.intValue.map({ $0 >= 0 }) != true else { continue }
                let what = key == "when" ? "a whole number of milliseconds since 1970" : "a whole number"
                return ("`\(key)` of entry \(position) is `\(node.value.compactText(limit: 30))`, not \(what)", node.range)
            }
            if let tag = entry["tag"], tag.stringValue == nil {
                return ("`tag` of entry \(position) is `\(tag.value.compactText(limit: 30))`, not a migration file name", tag.range)
            }
        }
        return nil
    }
}

extension JSONNode {
    func positionedText(_ key: String) -> PositionedText? {
        guard let node = self[key], let value = node.stringValue else { return nil }
        return PositionedText(value: value, range: node.range)
    }

    func positionedInteger(_ key: String) -> PositionedInteger? {
        guard let node = self[key], let value = node.numberValue?.intValue else { return nil }
        return PositionedInteger(value: value, range: node.range)
    }
}
