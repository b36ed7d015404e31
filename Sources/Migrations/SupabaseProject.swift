import Core

/// The Supabase project a migrations folder belongs to: `<dir>/supabase/config.toml` next to `migrations/`.
public struct SupabaseProject: Sendable, Equatable {
    /// The schemas the Data API (PostgREST, GraphQL) exposes: `[api] schemas`, else Supabase's default.
    public var exposedSchemas: [String]
    /// `config.toml`, when there is one.
    public var configPath: String?

    public static let defaultSchemas = ["public", "graphql_public"]

    public init(exposedSchemas: [String] = SupabaseProject.defaultSchemas, configPath: String? = nil) {
        self.exposedSchemas = exposedSchemas
        self.configPath = configPath
    }

    /// `supabase/migrations` → `supabase/config.toml`; nil for other folders.
    static func configPath(forMigrations folder: String) -> String? {
        guard folder == "supabase/migrations" || folder.hasSuffix("/supabase/migrations") else { return nil }
        return String(folder.dropLast("migrations".count)) + "config.toml"
    }

    /// Reads the one key the rules need, `[api] schemas = [ … ]` (and `[api] enabled = false`, which exposes
    /// nothing), with a reading of TOML just wide enough for it: tables, `key = value`, string arrays over several
    /// lines, `#` comments. Anything else keeps the default.
    static func read(config bytes: [UInt8], path: String) -> SupabaseProject {
        var project = SupabaseProject(configPath: path)
        var table = ""
        var lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)[...]
        while let line = lines.popFirst().map(stripComment) {
            let trimmed = line.trimmedSpaces
            if trimmed.hasPrefix("[") {
                table = String(trimmed.filter { $0 != "[" && $0 != "]" }).trimmedSpaces
                continue
            }
            guard table == "api", let equals = trimmed.firstIndex(of: "=") else { continue }
            let key = String(trimmed[..<equals]).trimmedSpaces
            var value = String(trimmed[trimmed.index(after: equals)...]).trimmedSpaces
            switch key {
            case "enabled" where value == "false":
                project.exposedSchemas = []
                return project
            case "schemas":
                while value.hasPrefix("["), !value.contains("]"), let next = lines.popFirst() { value += stripComment(next) }
                guard value.hasPrefix("["), value.hasSuffix("]") else { continue }
                project.exposedSchemas = value.dropFirst().dropLast().split(separator: ",").compactMap { item in
                    let name = String(item).trimmedSpaces
                    guard name.count >= 2, let quote = name.first, quote == "\"" || quote == "'", name.last == quote else { return nil }
                    return String(name.dropFirst().dropLast())
                }
            default: continue
            }
        }
        return project
    }

    /// A line without its `#` comment (outside strings).
    private static func stripComment(_ line: String) -> String {
        var quote: Character?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" {
                return String(line[..<index])
            }
        }
        return line
    }
}

private extension String {
    var trimmedSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}

/// The Supabase CLI's migration file names: `<digits>_<name>.sql`; the CLI skips any other `.sql` file of the folder.
public enum SupabaseMigrationName {
    /// `name` without `.sql`.
    public static func isValid(_ name: String) -> Bool {
        guard let number = MigrationName.number(of: name) else { return false }
        return name.count > number.count + 1
    }
}
