import Foundation
import YAML

/// Reads `.schemalint.yml` into a `Configuration`, checking every key, rule id and value against the catalog.
public struct ConfigurationReader {
    public let catalog: RuleCatalog
    public static let fileName = ".schemalint.yml"

    public init(catalog: RuleCatalog) {
        self.catalog = catalog
    }

    /// drizzle-kit's `casing` values.
    static let casings = ["snake_case", "camelCase"]

    static let topLevelKeys = ["drizzle", "migrations", "postgres", "gists", "highFrequencyTables", "rules", "ignore", "baseline", "database", "sync"]

    public func read(_ bytes: [UInt8], file: String) throws(ConfigurationError) -> Configuration {
        var configuration = Configuration()
        configuration.file = file
        let root: YAMLNode
        do {
            guard let node = try YAMLReader.parse(bytes) else { return configuration }
            root = node
        } catch {
            throw ConfigurationError(file: file, line: error.line, column: error.column, message: "invalid YAML: \(error.message)")
        }
        let reader = NodeReader(file: file)
        let top = try reader.mapping(root, keys: Self.topLevelKeys, what: "top-level key")
        if let drizzle = top["drizzle"] {
            let keys = try reader.mapping(drizzle, keys: ["config", "schema", "queries", "casing"], what: "`drizzle` key")
            configuration.drizzleConfig = try keys["config"].map(reader.string)
            if let casing = keys["casing"] {
                let value = try reader.string(casing)
                guard Self.casings.contains(value) else {
                    throw reader.error(casing, "invalid `casing` `\(value)`; valid: \(Self.casings.joined(separator: ", "))")
                }
                configuration.drizzleCasing = value
            }
            configuration.schema = try keys["schema"].map(reader.globs)
            configuration.queries = try keys["queries"].map(reader.globs) ?? []
        }
        if let database = top["database"] {
            // `schemalint replay`'s server; `env:NAME` is resolved when replay runs, so no secret sits in the file.
            let keys = try reader.mapping(database, keys: ["url"], what: "`database` key")
            configuration.databaseURL = try keys["url"].map(reader.string)
        }
        if let migrations = top["migrations"] {
            let keys = try reader.mapping(migrations, keys: ["folder", "since", "runner"], what: "`migrations` key")
            configuration.migrationsFolder = try keys["folder"].map(reader.string)
            configuration.migrationsSince = try keys["since"].map(reader.string)
            if let runner = keys["runner"] {
                let value = try reader.string(runner)
                guard let setting = MigrationRunnerSetting(rawValue: value) else {
                    let choices = MigrationRunnerSetting.allCases.map(\.rawValue)
                    throw reader.error(runner, "invalid `runner` `\(value)`; valid: \(choices.joined(separator: ", "))")
                }
                configuration.migrationRunner = setting
            }
        }
        if let postgres = top["postgres"] {
            let keys = try reader.mapping(postgres, keys: ["version"], what: "`postgres` key")
            if let version = keys["version"] {
                let text = try reader.string(version)
                let range = Configuration.postgresVersions
                guard let number = Int(text), range.contains(number) else {
                    throw reader.error(version, "invalid `version` `\(text)`; valid: a PostgreSQL major version from \(range.lowerBound) to \(range.upperBound)")
                }
                configuration.postgresVersion = number
            }
        }
        if let gists = top["gists"] {
            let keys = try reader.mapping(gists, keys: ["data", "schemas", "map"], what: "`gists` key")
            configuration.gistData = try keys["data"].map(reader.globs) ?? Configuration.defaultGistData
            configuration.gistSchemas = try keys["schemas"].map(reader.globs) ?? Configuration.defaultGistSchemas
            if let map = keys["map"] {
                for (key, value) in try reader.pairs(map) {
                    configuration.gistMap[try reader.string(key)] = try reader.string(value)
                }
            }
        }
        if let sync = top["sync"], !sync.isNull {
            configuration.sync = try syncMappings(sync, reader: reader)
        }
        if let tables = top["highFrequencyTables"] {
            configuration.highFrequencyTables = try reader.globs(tables)
        }
        // A key left empty (its entries commented out, as in `schemalint init`'s template) configures nothing.
        if let rules = top["rules"], !rules.isNull {
            for (key, value) in try reader.pairs(rules) {
                let id = try reader.string(key)
                guard let entry = catalog[id] else {
                    throw reader.error(key, "unknown rule `\(id)`" + unknownRuleHint(id))
                }
                // A former id (`drizzle/money-as-float`) configures the rule under its current id.
                guard configuration.rules[entry.id] == nil else {
                    throw reader.error(key, "`\(entry.id)` is configured twice (`drizzle/…` ids are former names of `schema/…` rules); keep one entry")
                }
                configuration.rules[entry.id] = try ruleSetting(value, entry: entry, reader: reader)
            }
        }
        if let ignore = top["ignore"], !ignore.isNull {
            guard let items = ignore.sequence else { throw reader.error(ignore, "`ignore` must be a list of path globs or {rule, path, pointer} entries") }
            for item in items {
                if item.scalar != nil {
                    configuration.ignoredPaths.append(try reader.glob(item))
                    continue
                }
                let keys = try reader.mapping(item, keys: ["rule", "path", "pointer"], what: "`ignore` entry key")
                guard let pathNode = keys["path"] else { throw reader.error(item, "an `ignore` entry needs `path`") }
                var rule = try keys["rule"].map(reader.string)
                if let written = rule {
                    guard let current = catalog.canonicalID(written) else {
                        throw reader.error(keys["rule"] ?? item, "unknown rule `\(written)`" + unknownRuleHint(written))
                    }
                    rule = current
                }
                configuration.ignoredFindings.append(IgnoredFinding(
                    rule: rule, path: try reader.glob(pathNode), pointer: try keys["pointer"].map(reader.string),
                    line: item.line, column: item.column))
            }
        }
        if let baseline = top["baseline"] {
            configuration.baseline = try reader.string(baseline)
        }
        return configuration
    }

    /// `sync` entries: `{gist | schema, pointer, table, key?}`.
    private func syncMappings(_ node: YAMLNode, reader: NodeReader) throws(ConfigurationError) -> [SyncMapping] {
        guard let items = node.sequence else { throw reader.error(node, "`sync` must be a list of {gist, pointer, table, key} entries") }
        var mappings: [SyncMapping] = []
        for item in items {
            let keys = try reader.mapping(item, keys: ["gist", "schema", "pointer", "table", "key"], what: "`sync` entry key")
            let source: SyncMapping.Source
            let sourceNode: YAMLNode
            switch (keys["gist"], keys["schema"]) {
            case (let gist?, nil): source = .data(try reader.string(gist)); sourceNode = gist
            case (nil, let schema?): source = .schema(try reader.string(schema)); sourceNode = schema
            default: throw reader.error(item, "a `sync` entry needs exactly one of `gist` (a data file) or `schema` (a schema file)")
            }
            guard let pointerNode = keys["pointer"], let tableNode = keys["table"] else {
                throw reader.error(item, "a `sync` entry needs `pointer` (e.g. `/subscriptions/*`) and `table`")
            }
            let pointer = try reader.string(pointerNode)
            guard pointer.isEmpty || pointer.hasPrefix("/") else {
                throw reader.error(pointerNode, "`pointer` must be a JSON pointer such as `/subscriptions/*`")
            }
            let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
            mappings.append(SyncMapping(
                source: source, pointer: Array(tokens), table: try reader.string(tableNode), key: try keys["key"].map(reader.string),
                sourceRange: sourceNode.range, tableRange: tableNode.range, keyRange: keys["key"]?.range))
        }
        return mappings
    }

    private func ruleSetting(_ node: YAMLNode, entry: CatalogEntry, reader: NodeReader) throws(ConfigurationError) -> RuleSetting {
        if let text = node.scalar {
            guard let level = RuleLevel(text) else {
                throw reader.error(node, "invalid level `\(text)` for `\(entry.id)`; valid: \(RuleLevel.choices.joined(separator: ", "))")
            }
            return RuleSetting(level: level, options: [:])
        }
        let optionNames = entry.options.map(\.name)
        let keys = try reader.mapping(node, keys: ["severity"] + optionNames, what: "option of `\(entry.id)`")
        var level: RuleLevel?
        if let severity = keys["severity"] {
            let text = try reader.string(severity)
            guard let parsed = RuleLevel(text) else {
                throw reader.error(severity, "invalid severity `\(text)`; valid: \(RuleLevel.choices.joined(separator: ", "))")
            }
            level = parsed
        }
        var options: [String: OptionValue] = [:]
        for spec in entry.options {
            guard let value = keys[spec.name] else { continue }
            switch OptionParser.parse(value, as: spec.type) {
            case .success(let parsed): options[spec.name] = parsed
            case .failure(let mismatch):
                throw reader.error(value, "option `\(spec.name)` of `\(entry.id)`: \(mismatch)")
            }
        }
        return RuleSetting(level: level, options: options)
    }

    /// " (did you mean `x`?)" with the catalog's closest ids; else where the list is.
    func unknownRuleHint(_ id: String) -> String {
        let close = catalog.suggestions(for: id)
        guard !close.isEmpty else { return "; `schemalint rules` lists them" }
        return " (did you mean " + close.map { "`\($0)`" }.joined(separator: " or ") + "?)"
    }

    /// " (did you mean `x`?)" for the closest valid choice, else the list of choices.
    static func suggestion(for text: String, in choices: [String]) -> String {
        let best = choices.map { ($0, EditDistance.between(text, $0)) }.min { $0.1 < $1.1 }
        if let best, best.1 <= max(2, text.count / 4) { return " (did you mean `\(best.0)`?)" }
        return "; valid: " + choices.joined(separator: ", ")
    }
}

/// Small typed accessors over YAML nodes that fail with the node's location.
struct NodeReader {
    let file: String

    func error(_ node: YAMLNode, _ message: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node.line, column: node.column, message: message)
    }

    func pairs(_ node: YAMLNode) throws(ConfigurationError) -> [(YAMLNode, YAMLNode)] {
        guard let pairs = node.mapping else { throw error(node, "expected a mapping, found \(node.kindName)") }
        return pairs.map { ($0.key, $0.value) }
    }

    /// The mapping's values by key; an unknown key is an error that lists the valid ones.
    func mapping(_ node: YAMLNode, keys: [String], what: String) throws(ConfigurationError) -> [String: YAMLNode] {
        if node.isNull { return [:] }
        var result: [String: YAMLNode] = [:]
        for (key, value) in try pairs(node) {
            let name = try string(key)
            guard keys.contains(name) else {
                throw error(key, "unknown \(what) `\(name)`" + ConfigurationReader.suggestion(for: name, in: keys))
            }
            result[name] = value
        }
        return result
    }

    func string(_ node: YAMLNode) throws(ConfigurationError) -> String {
        guard let text = node.scalar, !node.isNull else { throw error(node, "expected a string, found \(node.isNull ? "null" : node.kindName)") }
        return text
    }

    /// A path or name glob; one whose `{…}` groups multiply past `Glob.maximumAlternatives` is refused.
    func glob(_ node: YAMLNode) throws(ConfigurationError) -> String {
        let text = try string(node)
        if Glob(text).isTooComplex {
            throw error(node, "glob `\(text.prefix(60))` expands to more than \(Glob.maximumAlternatives) patterns; use fewer `{…}` groups")
        }
        return text
    }

    func globs(_ node: YAMLNode) throws(ConfigurationError) -> [String] {
        if node.scalar != nil, !node.isNull { return [try glob(node)] }
        guard let items = node.sequence else { throw error(node, "expected a list of strings, found \(node.kindName)") }
        var result: [String] = []
        for item in items { result.append(try glob(item)) }
        return result
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
