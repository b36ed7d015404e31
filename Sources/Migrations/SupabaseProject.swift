import Core
import DrizzleKit
import SQL

/// The Supabase project a migrations folder belongs to: `<dir>/supabase/config.toml` next to `migrations/`.
public struct SupabaseProject: Sendable, Equatable {
    /// The schemas the Data API (PostgREST, GraphQL) exposes: `[api] schemas`, else Supabase's default.
    public var exposedSchemas: [String]
    /// `config.toml`, when there is one.
    public var configPath: String?
    /// Why `[api]` could not be read (bytes that are not UTF-8, a `schemas` value that is not a list of strings),
    /// and where: the exposed schemas are then unknown, not the default.
    public var unreadable: (range: Range<Int>, reason: String)?
    /// The file as read, kept when it is unreadable so that the finding saying so can be located.
    public var configSource: SourceFile?

    public static func == (lhs: SupabaseProject, rhs: SupabaseProject) -> Bool {
        lhs.exposedSchemas == rhs.exposedSchemas && lhs.configPath == rhs.configPath
            && lhs.unreadable?.range == rhs.unreadable?.range && lhs.unreadable?.reason == rhs.unreadable?.reason
    }

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
        func unreadable(at offset: Int, length: Int = 1, _ reason: String) -> SupabaseProject {
            project.unreadable = (offset..<min(offset + length, bytes.count), reason)
            project.configSource = SourceFile(path: path, bytes: bytes)
            return project
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return unreadable(at: UTF8Offsets.firstInvalid(bytes) ?? 0, "the file is not valid UTF-8")
        }
        var table = ""
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)[...]
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
                let items = value.hasPrefix("[") && value.hasSuffix("]")
                    ? value.dropFirst().dropLast().split(separator: ",").map { String($0).trimmedSpaces } : [value]
                let names = items.compactMap { name -> String? in
                    guard name.count >= 2, let quote = name.first, quote == "\"" || quote == "'", name.last == quote else { return nil }
                    return String(name.dropFirst().dropLast())
                }
                // What this reading of TOML cannot follow (a value spread oddly, a non-string item) leaves the
                // exposed schemas unknown rather than Supabase's default.
                guard names.count == items.count else {
                    let offset = Self.offset(of: "schemas", in: bytes) ?? 0
                    return unreadable(at: offset, length: "schemas".utf8.count, "`[api] schemas` is not a list of schema names schemalint can read")
                }
                project.exposedSchemas = names
            default: continue
            }
        }
        return project
    }

    /// The first `schemas` key after `[api]`, for locating what could not be read.
    private static func offset(of key: String, in bytes: [UInt8]) -> Int? {
        let text = Array(key.utf8), api = Array("[api]".utf8)
        guard let start = bytes.firstRange(of: api)?.upperBound else { return nil }
        return bytes[start...].firstRange(of: text)?.lowerBound
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
