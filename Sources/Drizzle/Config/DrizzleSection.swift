import Core

/// `drizzle:` in `.schemalint.yml`: which drizzle config and schema files to read when discovery is not enough.
public enum DrizzleSection: ConfigurationSection {
    public static let name = "drizzle"
    public static let keys = ["config", "schema", "queries", "casing"]
    public static let defaultValue = Settings()

    public struct Settings: Sendable {
        public var config: String?
        /// drizzle-kit's `casing` when the drizzle config computes it in a way that cannot be read statically.
        public var casing: String?
        public var schema: [String]?
        /// Application code searched for the columns queries filter and sort on.
        public var queries: [String] = []
    }

    /// drizzle-kit's `casing` values.
    static let casings = ["snake_case", "camelCase"]

    public static func read(_ node: ConfigurationNode) throws(ConfigurationError) -> Settings {
        let keys = try node.fields(of: Self.self)
        var settings = Settings()
        settings.config = try keys["config"]?.string()
        if let casing = keys["casing"] {
            let value = try casing.string()
            guard casings.contains(value) else {
                throw casing.error("invalid `casing` `\(value)`; valid: \(casings.joined(separator: ", "))")
            }
            settings.casing = value
        }
        settings.schema = try keys["schema"]?.globs()
        settings.queries = try keys["queries"]?.globs() ?? []
        return settings
    }
}

extension Configuration {
    public var drizzleConfig: String? {
        get { self[DrizzleSection.self].config }
        set { self[DrizzleSection.self].config = newValue }
    }

    /// `drizzle.casing`: `snake_case` or `camelCase`.
    public var drizzleCasing: String? {
        get { self[DrizzleSection.self].casing }
        set { self[DrizzleSection.self].casing = newValue }
    }

    public var schema: [String]? {
        get { self[DrizzleSection.self].schema }
        set { self[DrizzleSection.self].schema = newValue }
    }

    public var queries: [String] {
        get { self[DrizzleSection.self].queries }
        set { self[DrizzleSection.self].queries = newValue }
    }
}
