import YAML

/// One rule's catalog entry, `rules/<domain>/<name>.yml`: the single source of its metadata and examples.
public struct CatalogEntry: Sendable {
    public var id: String
    public var summary: String
    public var severity: Severity
    public var description: String
    public var options: [OptionSpec]
    public var validExamples: [RuleExample]
    public var invalidExamples: [RuleExample]
    /// Where the entry came from (`schema/money-as-float.yml`).
    public var file: String
    /// What the rule judges (`scope:`): statement-safety rules judge only migrations that can still change.
    public var scope: RuleScope = .everything
    /// Former ids (`aliases:`), still accepted wherever an id is (configuration, suppression comments, `ignore`
    /// entries, baselines, `explain`): `drizzle/money-as-float` became `schema/money-as-float` when the schema
    /// rules started running on Prisma schemas too.
    public var aliases: [String] = []
}

/// Which inputs a rule judges, declared by its catalog entry's `scope`.
public enum RuleScope: String, Sendable, CaseIterable {
    /// Every input, whenever it was written (the default; integrity rules).
    case everything
    /// Only migrations that are new relative to the applied boundary (SPEC §9): findings in the SQL of a
    /// migration taken as applied are dropped, since nobody can edit it any more.
    case newMigrations = "new-migrations"
}

public struct OptionSpec: Sendable {
    public var name: String
    public var type: OptionType
    public var defaultValue: OptionValue
    public var description: String
}

/// A rule example: a small repository in memory. In invalid examples, `⟦` and `⟧` in a file mark each span the
/// rule must flag (and nothing else); the markers are removed before the example is linted.
public struct RuleExample: Sendable {
    public var description: String
    public var files: [String: String]
    /// `.schemalint.yml` contents for the example, when it needs options.
    public var config: String?
    /// The repository at the base ref (`base:`, same shape as `files`), for rules that compare with it
    /// (`migration/edited-after-merge`); nil when the example runs without `--base`.
    public var baseFiles: [String: String]? = nil
    /// `"prisma"` for the Prisma rendering of an example (its `prisma:` files, run on their own): the schema rules
    /// read one model for both ORMs, so the same case must give the same verdict from a `schema.prisma`.
    public var variant: String? = nil
}

public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// All catalog entries, by rule id.
public struct RuleCatalog: Sendable {
    public let entries: [String: CatalogEntry]
    /// Former id → current id.
    public let aliases: [String: String]

    public init(entries: [CatalogEntry]) {
        self.entries = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var aliases: [String: String] = [:]
        for entry in entries {
            for alias in entry.aliases where self.entries[alias] == nil { aliases[alias] = entry.id }
        }
        self.aliases = aliases
    }

    /// Current ids only (aliases are not rules of their own).
    public var ids: [String] { entries.keys.sorted() }

    /// The entry of a current id or of a former one.
    public subscript(id: String) -> CatalogEntry? { entries[id] ?? aliases[id].flatMap { entries[$0] } }

    /// The current id for `id` (itself when current; nil when unknown).
    public func canonicalID(_ id: String) -> String? {
        entries[id] != nil ? id : aliases[id]
    }

    /// Rule ids close to an unknown one, best first: the same name in any domain (`secret` → `gist/secret`),
    /// then ids within a small edit distance of the id or of its name, then ids whose name contains it.
    public func suggestions(for text: String, limit: Int = 3) -> [String] {
        func name(_ id: String) -> Substring { id.split(separator: "/").last ?? Substring(id) }
        let wanted = name(text).lowercased()
        guard !wanted.isEmpty else { return [] }
        let sameName = ids.filter { name($0).lowercased() == wanted }
        if !sameName.isEmpty { return Array(sameName.prefix(limit)) }
        let tolerance = max(2, wanted.count / 4)
        let close = ids.map { id in
            (id, min(EditDistance.between(text.lowercased(), id), EditDistance.between(wanted, String(name(id)))))
        }.filter { $0.1 <= tolerance }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
        if !close.isEmpty { return Array(close.prefix(limit)) }
        guard wanted.count >= 4 else { return [] }
        return Array(ids.filter { name($0).contains(wanted) }.prefix(limit))
    }

    /// The catalog compiled into the binary from `rules/` (see Plugins/EmbedCatalog).
    public static let builtIn: Result<RuleCatalog, CatalogError> = Result { () throws(CatalogError) in
        try RuleCatalog(files: embeddedCatalogFiles)
    }

    /// `builtIn` without the examples: what a check run needs (ids, severities, options, scopes, aliases), read from
    /// YAML trees parsed when the binary was built (9 M instructions at every start-up when parsed here).
    /// `explain`, the rule pages and the example tests read `builtIn`.
    public static let builtInWithoutExamples: Result<RuleCatalog, CatalogError> = Result { () throws(CatalogError) in
        try RuleCatalog(trees: embeddedCatalogTreesWithoutExamples)
    }

    /// Parses catalog files given as (path relative to `rules/`, YAML text).
    public init(files: [(path: String, contents: String)]) throws(CatalogError) {
        var parsed: [CatalogEntry] = []
        for file in files where file.path.hasSuffix(".yml") || file.path.hasSuffix(".yaml") {
            parsed.append(try CatalogEntryReader.read(file: file.path, contents: file.contents))
        }
        self.init(entries: parsed)
    }

    /// Reads catalog files already parsed, given as (path relative to `rules/`, the file's YAML tree).
    init(trees: [(path: String, root: YAMLNode)]) throws(CatalogError) {
        var read: [CatalogEntry] = []
        for tree in trees { read.append(try CatalogEntryReader.read(file: tree.path, root: tree.root)) }
        self.init(entries: read)
    }
}

/// Reads one catalog YAML file into a `CatalogEntry`, with located errors.
enum CatalogEntryReader {
    static func read(file: String, contents: String) throws(CatalogError) -> CatalogEntry {
        let parsed: YAMLNode?
        do {
            parsed = try YAMLReader.parse(Array(contents.utf8))
        } catch {
            throw CatalogError(file: file, line: error.line, column: error.column, message: error.message)
        }
        guard let root = parsed else {
            throw CatalogError(file: file, line: 1, column: 1, message: "empty catalog entry")
        }
        return try read(file: file, root: root)
    }

    static func read(file: String, root: YAMLNode) throws(CatalogError) -> CatalogEntry {
        func fail(_ node: YAMLNode, _ message: String) -> CatalogError {
            CatalogError(file: file, line: node.line, column: node.column, message: message)
        }
        func text(_ key: String) throws(CatalogError) -> String {
            guard let value = root[key]?.scalar else { throw fail(root, "missing `\(key)`") }
            return value
        }
        let severityText = try text("severity")
        guard let severity = Severity(rawValue: severityText) else {
            throw fail(root["severity"] ?? root, "severity must be info, warning or error")
        }
        var options: [OptionSpec] = []
        for node in root["options"]?.sequence ?? [] {
            guard let name = node["name"]?.scalar, let typeText = node["type"]?.scalar,
                  let type = OptionType(rawValue: typeText) else {
                throw fail(node, "an option needs `name` and `type` (one of \(OptionType.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let defaultNode = node["default"]
            let value: OptionValue
            switch OptionParser.parse(defaultNode, as: type) {
            case .success(let parsed): value = parsed
            case .failure(let message): throw fail(defaultNode ?? node, "default of `\(name)`: \(message)")
            }
            options.append(OptionSpec(name: name, type: type, defaultValue: value, description: node["description"]?.scalar ?? ""))
        }
        var scope = RuleScope.everything
        if let node = root["scope"] {
            guard let text = node.scalar, let parsed = RuleScope(rawValue: text) else {
                throw fail(node, "scope must be one of \(RuleScope.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            scope = parsed
        }
        let examples = root["examples"]
        var aliases: [String] = []
        if let node = root["aliases"] {
            guard let items = node.sequence, case let texts = items.compactMap(\.scalar), texts.count == items.count else {
                throw fail(node, "`aliases` must be a list of former rule ids")
            }
            aliases = texts
        }
        var entry = CatalogEntry(
            id: try text("id"), summary: try text("summary"), severity: severity,
            description: try text("description"), options: options,
            validExamples: try readExamples(examples?["valid"], fail: fail),
            invalidExamples: try readExamples(examples?["invalid"], fail: fail),
            file: file, scope: scope)
        entry.aliases = aliases
        return entry
    }

    private static func readExamples(
        _ node: YAMLNode?, fail: (YAMLNode, String) -> CatalogError
    ) throws(CatalogError) -> [RuleExample] {
        var examples: [RuleExample] = []
        for item in node?.sequence ?? [] {
            guard let filesNode = item["files"]?.mapping, !filesNode.isEmpty else {
                throw fail(item, "an example needs `files`: a mapping of path to contents")
            }
            let files = try readFiles(filesNode, fail: fail)
            let baseFiles = try item["base"]?.mapping.map { (node) throws(CatalogError) in try readFiles(node, fail: fail) }
            let description = item["description"]?.scalar ?? ""
            examples.append(RuleExample(description: description, files: files, config: item["config"]?.scalar, baseFiles: baseFiles))
            if let prisma = item["prisma"] {
                guard let pairs = prisma.mapping, !pairs.isEmpty else {
                    throw fail(prisma, "`prisma` is the Prisma rendering of the example: a mapping of path to contents")
                }
                examples.append(RuleExample(description: description, files: try readFiles(pairs, fail: fail),
                                            config: item["config"]?.scalar, baseFiles: nil, variant: "prisma"))
            }
        }
        return examples
    }

    /// `path: contents` pairs of an example's `files` or `base`.
    private static func readFiles(
        _ pairs: [YAMLPair], fail: (YAMLNode, String) -> CatalogError
    ) throws(CatalogError) -> [String: String] {
        var files: [String: String] = [:]
        for pair in pairs {
            guard let path = pair.key.scalar, let contents = pair.value.scalar else {
                throw fail(pair.key, "file entries are `path: contents`")
            }
            files[path] = contents
        }
        return files
    }
}

/// Turns a YAML node into an option value of a declared type; shared by the catalog and the configuration.
public enum OptionParser {
    public static func parse(_ node: YAMLNode?, as type: OptionType) -> Result<OptionValue, OptionTypeMismatch> {
        guard let node else {
            return .success(type == .stringList ? .strings([]) : type == .boolean ? .boolean(false) : .string(""))
        }
        switch type {
        case .string:
            if let text = node.scalar { return .success(.string(text)) }
        case .stringList:
            if let items = node.sequence {
                let texts = items.compactMap(\.scalar)
                if texts.count == items.count { return .success(.strings(texts)) }
            } else if let text = node.scalar, !node.isNull {
                return .success(.strings([text]))
            } else if node.isNull {
                return .success(.strings([]))
            }
        case .integer:
            if let text = node.scalar, let value = Int(text) { return .success(.integer(value)) }
        case .number:
            if let text = node.scalar, let value = Double(text) { return .success(.number(value)) }
        case .boolean:
            switch node.scalar {
            case "true", "yes", "on": return .success(.boolean(true))
            case "false", "no", "off": return .success(.boolean(false))
            default: break
            }
        }
        return .failure(OptionTypeMismatch(expected: type, found: node.kindName))
    }
}

public struct OptionTypeMismatch: Error, Sendable, CustomStringConvertible {
    public var expected: OptionType
    public var found: String
    public var description: String { "expected \(expected.rawValue), found \(found)" }
}
