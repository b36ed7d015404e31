import Foundation

/// An `sql\`…\`` template (or what drizzle's operators such as `eq`/`isNull` build): literal text with embedded
/// columns, tables, parameters and nested fragments. It becomes text only when rendered, because a column
/// renders differently in an index expression (`"col"`) than in a `where` or check (`"table"."col"`).
struct SQLFragment {
    enum Chunk {
        case text(String)
        case column(TableColumnReference)
        case table(Int)
        /// A bound JavaScript value: `$1` unless parameters are inlined.
        case parameter(Value)
        case fragment(SQLFragment)
        /// `sql.identifier(x)` / an enum's name: a quoted name.
        case name(String)
    }

    var chunks: [Chunk]

    init(_ chunks: [Chunk]) { self.chunks = chunks }
    init(text: String) { self.chunks = [.text(text)] }
}

/// How a fragment is turned into SQL text, mirroring drizzle's `sqlToQuery` for the place it is used.
struct SQLRenderContext {
    /// drizzle's `invokeSource: 'indexes'`: columns without their table.
    var columnsWithoutTable: Bool
    /// Parameters written as literals (drizzle-kit 1 inlines them) instead of `$1`, `$2`.
    var inlineParameters: Bool

    static let qualified = SQLRenderContext(columnsWithoutTable: false, inlineParameters: false)
    static let indexes = SQLRenderContext(columnsWithoutTable: true, inlineParameters: false)
}

/// What rendering needs to know about tables: their SQL names, schemas and column names.
protocol SQLNameResolver {
    func tableName(_ table: Int) -> (schema: String?, name: String)?
    func columnName(_ reference: TableColumnReference) -> String?
}

extension SQLFragment {
    /// The SQL text; nil when a column or table cannot be resolved or a parameter cannot be written.
    func render(_ context: SQLRenderContext, names: SQLNameResolver) -> String? {
        var parameterIndex = 0
        return render(context, names: names, parameterIndex: &parameterIndex)
    }

    private func render(_ context: SQLRenderContext, names: SQLNameResolver, parameterIndex: inout Int) -> String? {
        var output = ""
        for chunk in chunks {
            switch chunk {
            case .text(let text): output += text
            case .name(let name): output += quoted(name)
            case .table(let table):
                guard let (schema, name) = names.tableName(table) else { return nil }
                output += schema.map { quoted($0) + "." } ?? ""
                output += quoted(name)
            case .column(let reference):
                guard let column = names.columnName(reference) else { return nil }
                if !context.columnsWithoutTable {
                    guard let (schema, name) = names.tableName(reference.table) else { return nil }
                    output += schema.map { quoted($0) + "." } ?? ""
                    output += quoted(name) + "."
                }
                output += quoted(column)
            case .fragment(let fragment):
                guard let text = fragment.render(context, names: names, parameterIndex: &parameterIndex) else {
                    return nil
                }
                output += text
            case .parameter(let value):
                if context.inlineParameters {
                    guard let literal = Self.inlineLiteral(value) else { return nil }
                    output += literal
                } else {
                    parameterIndex += 1
                    output += "$\(parameterIndex)"
                }
            }
        }
        return output
    }

    private func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// drizzle's `mapInlineParam`: strings quoted with `'` doubled, numbers and booleans as written.
    static func inlineLiteral(_ value: Value) -> String? {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): JavaScriptText.number(number)
        case .bigint(let digits): digits
        case .string(let text): "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        default: nil
        }
    }
}
