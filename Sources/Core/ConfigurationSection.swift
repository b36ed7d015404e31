import YAML

/// A top-level section of `.schemalint.yml` owned by the domain that reads it (`drizzle:` by Drizzle, `gists:` by
/// Gists), so that Core knows only the generic parts (`rules`, `ignore`, `baseline`). The runners list every
/// section once (`ConfigurationReader.sections`); the reader checks the top-level keys against that list.
public protocol ConfigurationSection {
    associatedtype Value: Sendable
    /// The top-level key.
    static var name: String { get }
    /// The keys of the section's mapping, for the "unknown key" error and its suggestion (`fields(of:)`); empty
    /// when the section is a list or a single value (`sync`, `baseline`).
    static var keys: [String] { get }
    /// The value when the file has no such section.
    static var defaultValue: Value { get }
    /// Reads the section's node; a wrong key, type or value is an error located at the node that has it.
    static func read(_ node: ConfigurationNode) throws(ConfigurationError) -> Value
    /// Puts the value in the configuration; by default where `configuration[Self.self]` finds it.
    static func store(_ value: Value, in configuration: inout Configuration)
}

extension ConfigurationSection {
    public static func store(_ value: Value, in configuration: inout Configuration) {
        configuration[Self.self] = value
    }
}

extension Configuration {
    /// A domain's section as read, or its default when the file has none.
    public subscript<Section: ConfigurationSection>(_ section: Section.Type) -> Section.Value {
        get { sections[Section.name] as? Section.Value ?? Section.defaultValue }
        set { sections[Section.name] = newValue }
    }
}

/// A node of `.schemalint.yml` with typed accessors that fail with the node's file, line and column.
public struct ConfigurationNode {
    let node: YAMLNode
    let reader: NodeReader

    /// The catalog the file is checked against (rule ids in `rules` and `ignore`).
    public var catalog: RuleCatalog { reader.catalog }
    public var isNull: Bool { node.isNull }
    /// The node's byte range in the file.
    public var range: Range<Int> { node.range }
    public var line: Int { node.line }
    public var column: Int { node.column }
    /// Whether the node is a scalar (a string, a number, `null`…) rather than a list or a mapping.
    public var isScalar: Bool { node.scalar != nil }

    /// An error at this node.
    public func error(_ message: String) -> ConfigurationError { reader.error(node, message) }

    public func string() throws(ConfigurationError) -> String { try reader.string(node) }
    /// A path or name glob; one whose `{…}` groups multiply past `Glob.maximumAlternatives` is refused.
    public func glob() throws(ConfigurationError) -> String { try reader.glob(node) }
    /// One glob or a list of them.
    public func globs() throws(ConfigurationError) -> [String] { try reader.globs(node) }

    /// The section's mapping by key; a key `Section.keys` does not list is an error naming the valid ones.
    public func fields<Section: ConfigurationSection>(of section: Section.Type) throws(ConfigurationError) -> [String: ConfigurationNode] {
        try fields(Section.keys, what: "`\(Section.name)` key")
    }

    /// A mapping by key, refusing other keys ("unknown `what` `x`").
    public func fields(_ keys: [String], what: String) throws(ConfigurationError) -> [String: ConfigurationNode] {
        try reader.mapping(node, keys: keys, what: what).mapValues { ConfigurationNode(node: $0, reader: reader) }
    }

    /// A mapping's pairs in written order.
    public func pairs() throws(ConfigurationError) -> [(key: ConfigurationNode, value: ConfigurationNode)] {
        try reader.pairs(node).map { (ConfigurationNode(node: $0.0, reader: reader), ConfigurationNode(node: $0.1, reader: reader)) }
    }

    /// A list's items; nil when the node is not a list.
    public var items: [ConfigurationNode]? {
        node.sequence?.map { ConfigurationNode(node: $0, reader: reader) }
    }
}
