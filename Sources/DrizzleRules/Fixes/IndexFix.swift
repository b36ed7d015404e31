import Catalog
import Core
import Drizzle

/// Adds `index('<table>_<column>_idx').on(t.<key>)` to a table's third argument: into its array or object, or a new
/// `(table) => [ … ]` when the table has none; and imports `index` from drizzle-orm/pg-core when the file does not.
/// Written in the file's quote and indentation.
enum IndexFix {
    static func add(on column: DeclaredColumn, of table: DeclaredTable) -> Fix? {
        guard let call = table.call, let style = table.fileStyle, let key = column.key, isIdentifier(key),
              call.arguments.count >= 2, call.arguments.count <= 3 else { return nil }
        let name = "\(table.name)_\(column.name)_idx"
        guard !table.indexes.contains(where: { $0.name == name }), !name.contains(style.quote), !name.contains("\\") else { return nil }
        var edits: [TextEdit] = []
        let function: String
        if let imported = style.indexFunction {
            function = imported
        } else {
            guard let importEnd = style.pgCoreImportEnd else { return nil }
            function = "index"
            edits.append(.insert(", index", at: importEnd, in: call.path))
        }
        func index(_ parameter: String) -> String { "\(function)(\(style.quote)\(name)\(style.quote)).on(\(parameter).\(key))" }
        let inner = style.baseIndent + style.indentUnit

        if call.arguments.count == 2 {
            let columns = call.arguments[1]
            let text = columns.object?.propertyIndent != nil
                ? ", (table) => [\n\(inner)\(index("table")),\n\(style.baseIndent)]"
                : ", (table) => [\(index("table"))]"
            edits.append(.insert(text, at: columns.range.upperBound, in: call.path))
        } else {
            guard let arrow = call.arguments[2].arrow, let parameter = arrow.parameter else { return nil }
            switch arrow.body {
            case .array(let array):
                if let last = array.elements.last {
                    let separator = array.elementIndent.map { ",\n" + $0 } ?? ", "
                    edits.append(.insert(separator + index(parameter), at: last.upperBound, in: call.path))
                } else {
                    edits.append(TextEdit(path: call.path, range: array.range, replacement: "[\(index(parameter))]"))
                }
            case .object(let object):
                let property = key + "Idx"
                guard object.isPlain, !object.properties.contains(where: { $0.key == property }) else { return nil }
                if let last = object.properties.last {
                    let separator = object.propertyIndent.map { ",\n" + $0 } ?? ", "
                    edits.append(.insert(separator + "\(property): " + index(parameter), at: last.range.upperBound, in: call.path))
                } else {
                    edits.append(TextEdit(path: call.path, range: object.range, replacement: "{ \(property): \(index(parameter)) }"))
                }
            case .other:
                return nil
            }
        }
        // The schema then differs from the latest snapshot until a migration is generated: reviewed, not automatic.
        return Fix("add `index(\(style.quote)\(name)\(style.quote)).on(…)` to the table (then run `drizzle-kit generate`)", edits: edits, isSafe: false)
    }

    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "$" }
    }
}
