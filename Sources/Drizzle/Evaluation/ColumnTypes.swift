/// The pg-core column builders and the SQL type each one reports (drizzle-orm's `getSQLType()`), given the
/// builder's config object.
enum ColumnTypes {
    /// Every pg-core builder function name the reader knows.
    static let builders: Set<String> = [
        "integer", "smallint", "bigint", "serial", "smallserial", "bigserial", "boolean", "text", "varchar", "char",
        "numeric", "decimal", "real", "doublePrecision", "date", "time", "timestamp", "interval", "json", "jsonb",
        "uuid", "inet", "cidr", "macaddr", "macaddr8", "point", "line", "geometry", "vector", "halfvec", "sparsevec",
        "bit",
    ]

    /// The options each builder's SQL type depends on.
    static let typeOptions: [String: [String]] = [
        "numeric": ["precision", "scale"], "decimal": ["precision", "scale"], "varchar": ["length"], "char": ["length"],
        "time": ["precision", "withTimezone"], "timestamp": ["precision", "withTimezone", "mode"],
        "interval": ["fields", "precision"], "vector": ["dimensions"], "halfvec": ["dimensions"],
        "sparsevec": ["dimensions"], "bit": ["dimensions"],
    ]

    /// The SQL type for a builder and its config; nil when a needed option is not known.
    static func sqlType(builder: String, config: ObjectValue?) -> String? {
        func int(_ key: String) -> Int? {
            if case .number(let value)? = config?[key], value == value.rounded(), abs(value) < 1e15 { return Int(value) }
            return nil
        }
        func has(_ key: String) -> Bool {
            guard let value = config?[key] else { return false }
            if case .undefined = value { return false }
            return true
        }
        // An option the type depends on that the reader cannot see (an unknown value or spread) leaves it unknown;
        // others (`text({ enum: ROLES })`) do not matter here.
        if typeOptions[builder, default: []].contains(where: { config?[$0]?.isUnknown ?? false }) { return nil }
        let withTimezone = config?["withTimezone"]?.boolValue ?? false
        switch builder {
        case "doublePrecision": return "double precision"
        case "decimal", "numeric":
            // `numeric(p, s)`, `numeric(p)`, or plain `numeric` (a scale alone is ignored, as drizzle does).
            guard has("precision") else { return "numeric" }
            guard let precision = int("precision") else { return nil }
            if has("scale") {
                guard let scale = int("scale") else { return nil }
                return "numeric(\(precision), \(scale))"
            }
            return "numeric(\(precision))"
        case "varchar", "char":
            guard has("length") else { return builder }
            return int("length").map { "\(builder)(\($0))" }
        case "time":
            let precision = has("precision") ? int("precision").map { "(\($0))" } : ""
            return precision.map { "time\($0)\(withTimezone ? " with time zone" : "")" }
        case "timestamp":
            // drizzle-orm's Date-mode timestamp writes `timestamp (3)`, its string mode `timestamp(3)`.
            let isStringMode = config?["mode"]?.stringValue == "string"
            let precision = has("precision") ? int("precision").map { isStringMode ? "(\($0))" : " (\($0))" } : ""
            return precision.map { "timestamp\($0)\(withTimezone ? " with time zone" : "")" }
        case "interval":
            let fields = config?["fields"]?.stringValue.map { " \($0)" } ?? ""
            let precision = has("precision") ? int("precision").map { "(\($0))" } : ""
            return precision.map { "interval\(fields)\($0)" }
        case "geometry": return "geometry(point)"
        case "vector", "halfvec", "sparsevec", "bit":
            return int("dimensions").map { "\(builder)(\($0))" }
        default: return builder
        }
    }

    /// Builders whose column is NOT NULL without `.notNull()` (serials; `bigserial` only in number mode).
    static func isImplicitlyNotNull(builder: String, config: ObjectValue?) -> Bool {
        switch builder {
        case "serial", "smallserial": true
        case "bigserial": config?["mode"]?.stringValue == "number"
        default: false
        }
    }
}
