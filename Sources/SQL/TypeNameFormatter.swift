/// Writes a `TypeName` node the way PostgreSQL's `format_type` names types, so that spellings compare equal:
/// `int4` → `integer`, `character varying(255)` → `varchar(255)`, `timestamptz` → `timestamp with time zone`,
/// `int[]` → `integer[]`. Other types keep their (possibly qualified) name.
enum TypeNameFormatter {
    static func format(_ typeName: ParseNode) -> String {
        let parts = typeName["names"].stringList
        let modifiers = typeName["typmods"].array.compactMap(modifierText)
        let arraySuffix = String(repeating: "[]", count: typeName["arrayBounds"].array.count)
        let setof = typeName["setof"].bool ? "setof " : ""

        // Built-in types come as `pg_catalog.<internal name>`; written unqualified (`int8`) they are the same type.
        let isBuiltin = parts.count == 1 || (parts.count == 2 && parts[0] == "pg_catalog")
        guard isBuiltin, let builtin = parts.last else {
            return setof + parts.joined(separator: ".") + modifierSuffix(modifiers) + arraySuffix
        }
        let base: String
        var zoneSuffix = ""
        switch builtin {
        case "int2": base = "smallint"
        case "int4": base = "integer"
        case "int8": base = "bigint"
        case "float4": base = "real"
        case "float8": base = "double precision"
        case "bool": base = "boolean"
        case "bpchar": base = "char"
        case "varbit": base = "bit varying"
        case "timestamptz": base = "timestamp"; zoneSuffix = " with time zone"
        case "timetz": base = "time"; zoneSuffix = " with time zone"
        // Interval modifiers encode field masks (`interval day to second`), not numbers worth showing.
        case "interval": return setof + "interval" + arraySuffix
        default: base = builtin
        }
        return setof + base + modifierSuffix(modifiers) + zoneSuffix + arraySuffix
    }

    private static func modifierSuffix(_ modifiers: [String]) -> String {
        modifiers.isEmpty ? "" : "(" + modifiers.joined(separator: ",") + ")"
    }

    /// `{"A_Const": {"ival": {"ival": 255}}}` → `"255"`; zero is left out by libpg_query (`"ival": {}`).
    private static func modifierText(_ node: ParseNode) -> String? {
        if let constant = node.unwrap("A_Const") {
            if let text = constant["sval"]["sval"].string { return text }
            return String(constant["ival"]["ival"].int)
        }
        if let column = node.unwrap("ColumnRef") {
            return column["fields"].stringList.joined(separator: ".")
        }
        return nil
    }
}
