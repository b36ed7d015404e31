import YAML

/// Reads `.schemalint.yml` into a `Configuration`: the top-level keys are the names of `sections` (the domains'
/// and Core's own), each read by its section; rule ids and options are checked against the catalog.
public struct ConfigurationReader {
    public let catalog: RuleCatalog
    /// Every section the file may have, in the order "unknown top-level key" lists them and they are read.
    public let sections: [any ConfigurationSection.Type]
    public static let fileName = ".schemalint.yml"

    public init(catalog: RuleCatalog, sections: [any ConfigurationSection.Type]) {
        self.catalog = catalog
        self.sections = sections
    }

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
        let top = try ConfigurationNode(node: root, reader: NodeReader(file: file, catalog: catalog))
            .fields(sections.map { $0.name }, what: "top-level key")
        for section in sections {
            guard let node = top[section.name] else { continue }
            try Self.read(section, node, into: &configuration)
        }
        return configuration
    }

    private static func read<Section: ConfigurationSection>(
        _ section: Section.Type, _ node: ConfigurationNode, into configuration: inout Configuration
    ) throws(ConfigurationError) {
        Section.store(try Section.read(node), in: &configuration)
    }
}

/// `rules:` rule ids (current or former) with a level, or a mapping of `severity` and the rule's options.
public enum RuleSettingsSection: ConfigurationSection {
    public static let name = "rules"
    public static let keys: [String] = []
    public static let defaultValue: [String: RuleSetting] = [:]

    public static func read(_ node: ConfigurationNode) throws(ConfigurationError) -> [String: RuleSetting] {
        // A key left empty (its entries commented out, as in `schemalint init`'s template) configures nothing.
        guard !node.isNull else { return [:] }
        var rules: [String: RuleSetting] = [:]
        for (key, value) in try node.pairs() {
            let id = try key.string()
            guard let entry = node.catalog[id] else {
                throw key.error("unknown rule `\(id)`" + unknownRuleHint(id, node.catalog))
            }
            // A former id (`drizzle/money-as-float`) configures the rule under its current id.
            guard rules[entry.id] == nil else {
                throw key.error("`\(entry.id)` is configured twice (`drizzle/…` ids are former names of `schema/…` rules); keep one entry")
            }
            rules[entry.id] = try ruleSetting(value, entry: entry)
        }
        return rules
    }

    public static func store(_ value: [String: RuleSetting], in configuration: inout Configuration) {
        configuration.rules = value
    }

    private static func ruleSetting(_ node: ConfigurationNode, entry: CatalogEntry) throws(ConfigurationError) -> RuleSetting {
        if let text = node.node.scalar {
            guard let level = RuleLevel(text) else {
                throw node.error("invalid level `\(text)` for `\(entry.id)`; valid: \(RuleLevel.choices.joined(separator: ", "))")
            }
            return RuleSetting(level: level, options: [:])
        }
        let optionNames = entry.options.map(\.name)
        let keys = try node.fields(["severity"] + optionNames, what: "option of `\(entry.id)`")
        var level: RuleLevel?
        if let severity = keys["severity"] {
            let text = try severity.string()
            guard let parsed = RuleLevel(text) else {
                throw severity.error("invalid severity `\(text)`; valid: \(RuleLevel.choices.joined(separator: ", "))")
            }
            level = parsed
        }
        var options: [String: OptionValue] = [:]
        for spec in entry.options {
            guard let value = keys[spec.name] else { continue }
            switch OptionParser.parse(value.node, as: spec.type) {
            case .success(let parsed): options[spec.name] = parsed
            case .failure(let mismatch):
                throw value.error("option `\(spec.name)` of `\(entry.id)`: \(mismatch)")
            }
        }
        return RuleSetting(level: level, options: options)
    }

    /// " (did you mean `x`?)" with the catalog's closest ids; else where the list is.
    static func unknownRuleHint(_ id: String, _ catalog: RuleCatalog) -> String {
        let close = catalog.suggestions(for: id)
        guard !close.isEmpty else { return "; `schemalint rules` lists them" }
        return " (did you mean " + close.map { "`\($0)`" }.joined(separator: " or ") + "?)"
    }

}

/// `ignore:` path globs, and `{rule, path, pointer}` entries naming findings in JSON files.
public enum IgnoreSection: ConfigurationSection {
    public static let name = "ignore"
    public static let keys: [String] = []
    public static let defaultValue = Ignored()

    public struct Ignored: Sendable {
        public var paths: [String] = []
        public var findings: [IgnoredFinding] = []
    }

    public static func read(_ node: ConfigurationNode) throws(ConfigurationError) -> Ignored {
        var ignored = Ignored()
        guard !node.isNull else { return ignored }
        guard let items = node.items else { throw node.error("`ignore` must be a list of path globs or {rule, path, pointer} entries") }
        for item in items {
            if item.isScalar {
                ignored.paths.append(try item.glob())
                continue
            }
            let keys = try item.fields(["rule", "path", "pointer"], what: "`ignore` entry key")
            guard let pathNode = keys["path"] else { throw item.error("an `ignore` entry needs `path`") }
            var rule = try keys["rule"]?.string()
            if let written = rule {
                guard let current = node.catalog.canonicalID(written) else {
                    throw (keys["rule"] ?? item).error("unknown rule `\(written)`" + RuleSettingsSection.unknownRuleHint(written, node.catalog))
                }
                rule = current
            }
            ignored.findings.append(IgnoredFinding(
                rule: rule, path: try pathNode.glob(), pointer: try keys["pointer"]?.string(), line: item.line, column: item.column))
        }
        return ignored
    }

    public static func store(_ value: Ignored, in configuration: inout Configuration) {
        configuration.ignoredPaths = value.paths
        configuration.ignoredFindings = value.findings
    }
}

/// `baseline:` where the baseline file is.
public enum BaselineSection: ConfigurationSection {
    public static let name = "baseline"
    public static let keys: [String] = []
    public static let defaultValue: String? = nil

    public static func read(_ node: ConfigurationNode) throws(ConfigurationError) -> String? {
        try node.string()
    }

    public static func store(_ value: String?, in configuration: inout Configuration) {
        configuration.baseline = value
    }
}

extension ConfigurationReader {
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
    let catalog: RuleCatalog

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
