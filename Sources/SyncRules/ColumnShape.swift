import Catalog
import Drizzle
import JSON

/// What a column's values look like once a sync has written them to JSON: the JSON types they take and, for
/// strings, the `format` that describes them. Drizzle returns `numeric` as a string unless `mode: 'number'`, and
/// `bigint` in `mode: 'bigint'` cannot be a JSON number, so those admit both.
struct ColumnShape: Equatable {
    var types: Set<String>
    var format: String?
    /// How the column is named in messages (`uuid`, `timestamp`, the enum's name).
    var label: String

    /// nil for types whose JSON form is unknown or anything (`json`, `jsonb`, custom types).
    init?(_ column: DeclaredColumn) {
        guard !column.unreadable.contains(.type) else { return nil }
        label = column.type
        if column.isArray {
            types = ["array"]
            return
        }
        if column.enumName != nil {
            types = ["string"]
            return
        }
        switch column.pgType.name {
        case "uuid": types = ["string"]; format = "uuid"
        case "text", "varchar", "char", "citext": types = ["string"]
        case "smallint", "integer", "serial", "smallserial": types = ["integer"]
        case "bigint", "bigserial": types = ["integer", "string"]
        case "numeric": types = ["number", "string"]
        case "real", "double precision": types = ["number"]
        case "boolean": types = ["boolean"]
        case "timestamp": types = ["string"]; format = "date-time"
        case "date": types = ["string"]; format = "date"
        case "time": types = ["string"]; format = "time"
        default: return nil
        }
    }

    /// Whether a value of JSON type `name` (as a schema's `type` names it) can hold this column's values.
    static func admits(_ schemaTypes: Set<String>, _ columnType: String) -> Bool {
        schemaTypes.contains(columnType) || (columnType == "integer" && schemaTypes.contains("number"))
    }
}

/// The JSON types a property schema accepts: its `type`, else those of its `enum`/`const` values, else the union of
/// its `anyOf`/`oneOf` branches; nil when it does not say (then nothing is compared).
enum SchemaTypes {
    static func of(_ schema: JSONNode, resolve: (JSONNode) -> JSONNode) -> Set<String>? {
        if let name = schema["type"]?.stringValue { return [name] }
        if let names = schema["type"]?.arrayValue { return Set(names.compactMap(\.stringValue)) }
        if let values = schema["enum"]?.arrayValue { return Set(values.map(\.value.typeName)) }
        if let value = schema["const"] { return [value.value.typeName] }
        for keyword in ["anyOf", "oneOf"] {
            guard let branches = schema[keyword]?.arrayValue else { continue }
            var union = Set<String>()
            for branch in branches {
                guard let types = of(resolve(branch), resolve: resolve) else { return nil }
                union.formUnion(types)
            }
            return union
        }
        return nil
    }

    /// The string values of a property schema's `enum` (or `const`), its `anyOf`/`oneOf` branches' included.
    static func enumStrings(_ schema: JSONNode, resolve: (JSONNode) -> JSONNode) -> [String]? {
        if let values = schema["enum"]?.arrayValue { return values.compactMap(\.stringValue) }
        if let value = schema["const"]?.stringValue { return [value] }
        for keyword in ["anyOf", "oneOf"] {
            guard let branches = schema[keyword]?.arrayValue else { continue }
            var values: [String] = []
            var found = false
            for branch in branches {
                if let more = enumStrings(resolve(branch), resolve: resolve) { values += more; found = true }
            }
            return found ? values : nil
        }
        return nil
    }

    /// The `format` of a property schema or of its non-null `anyOf`/`oneOf` branch.
    static func format(_ schema: JSONNode, resolve: (JSONNode) -> JSONNode) -> String? {
        if let format = schema["format"]?.stringValue { return format }
        for keyword in ["anyOf", "oneOf"] {
            for branch in schema[keyword]?.arrayValue ?? [] {
                if let format = resolve(branch)["format"]?.stringValue { return format }
            }
        }
        return nil
    }
}
