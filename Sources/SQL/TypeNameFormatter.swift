/// Writes a `TypeName` node the way PostgreSQL's `format_type` names types, so that spellings compare equal:
/// `int4` → `integer`, `character varying(255)` → `varchar(255)`, `timestamptz` → `timestamp with time zone`,
/// `int[]` → `integer[]`. Other types keep their (possibly qualified) name.
enum TypeNameFormatter {
    static func format(_ typeName: ParseNode) -> String {
        // The name parts, read without building strings: most types are built in, and only their last part counts.
        var partCount = 0
        var first: ParseNode?
        var last: ParseNode?
        for part in parts(of: typeName) {
            partCount += 1
            if first == nil { first = part }
            last = part
        }
        let modifiers = typeName["typmods"].isMissing ? [] : typeName["typmods"].array.compactMap(modifierText)
        let bounds = typeName["arrayBounds"].array.count
        let arraySuffix = bounds == 0 ? "" : String(repeating: "[]", count: bounds)
        let setof = typeName["setof"].bool ? "setof " : ""

        // Built-in types come as `pg_catalog.<internal name>`; written unqualified (`int8`) they are the same type.
        let isBuiltin = partCount == 1 || (partCount == 2 && first?.isString("pg_catalog") == true)
        guard isBuiltin, let builtin = last else {
            return setof + parts(of: typeName).compactMap(\.string).joined(separator: ".") + modifierSuffix(modifiers) + arraySuffix
        }
        let base: String
        var zoneSuffix = ""
        if builtin.isString("int2") {
            base = "smallint"
        } else if builtin.isString("int4") {
            base = "integer"
        } else if builtin.isString("int8") {
            base = "bigint"
        } else if builtin.isString("float4") {
            base = "real"
        } else if builtin.isString("float8") {
            base = "double precision"
        } else if builtin.isString("bool") {
            base = "boolean"
        } else if builtin.isString("bpchar") {
            base = "char"
        } else if builtin.isString("varbit") {
            base = "bit varying"
        } else if builtin.isString("timestamptz") {
            base = "timestamp"
            zoneSuffix = " with time zone"
        } else if builtin.isString("timetz") {
            base = "time"
            zoneSuffix = " with time zone"
        } else if builtin.isString("interval") {
            // Interval modifiers encode field masks (`interval day to second`), not numbers worth showing.
            return setof + "interval" + arraySuffix
        } else {
            base = builtin.string ?? ""
        }
        if setof.isEmpty, modifiers.isEmpty, zoneSuffix.isEmpty, arraySuffix.isEmpty { return base }
        return setof + base + modifierSuffix(modifiers) + zoneSuffix + arraySuffix
    }

    /// The `names` of a `TypeName` that are strings (`String` nodes' `sval`), as nodes.
    private static func parts(of typeName: ParseNode) -> some Sequence<ParseNode> {
        typeName["names"].array.lazy.compactMap { element in
            element.unwrap("String").map { $0["sval"] }.flatMap { $0.isStringValue ? $0 : nil }
        }
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
