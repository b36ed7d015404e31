import Core

/// `gists:` in `.schemalint.yml`: which JSON files are Gist data and schemas, and which schema validates which file.
public enum GistsSection: ConfigurationSection {
    public static let name = "gists"
    public static let keys = ["data", "schemas", "map"]
    public static let defaultValue = Settings()

    public struct Settings: Sendable {
        public var data = Configuration.defaultGistData
        public var schemas = Configuration.defaultGistSchemas
        /// Data file → schema file.
        public var map: [String: String] = [:]
    }

    public static func read(_ node: ConfigurationNode) throws(ConfigurationError) -> Settings {
        let keys = try node.fields(of: Self.self)
        var settings = Settings()
        settings.data = try keys["data"]?.globs() ?? Configuration.defaultGistData
        settings.schemas = try keys["schemas"]?.globs() ?? Configuration.defaultGistSchemas
        if let map = keys["map"] {
            for (key, value) in try map.pairs() {
                settings.map[try key.string()] = try value.string()
            }
        }
        return settings
    }
}

extension Configuration {
    /// Gist folders anywhere in the repository: a check reads from the repository root (SPEC §1), so an
    /// app's `apps/web/gists/` is found from the root and from the app's folder alike.
    public static let defaultGistData = ["**/gists/**/*.json"]
    public static let defaultGistSchemas = ["**/gists/**/*.schema.json"]

    public var gistData: [String] {
        get { self[GistsSection.self].data }
        set { self[GistsSection.self].data = newValue }
    }

    public var gistSchemas: [String] {
        get { self[GistsSection.self].schemas }
        set { self[GistsSection.self].schemas = newValue }
    }

    public var gistMap: [String: String] {
        get { self[GistsSection.self].map }
        set { self[GistsSection.self].map = newValue }
    }
}
