import Catalog
import Drizzle
import TypeScript

/// A parsed query file.
public struct QuerySourceFile: Sendable {
    public var path: String
    public var syntax: SourceFileSyntax

    public init(path: String, syntax: SourceFileSyntax) {
        self.path = path
        self.syntax = syntax
    }
}

/// Finds the columns query code filters and sorts on: operator calls (`eq(t.col, x)`, `desc(t.col)`, …) anywhere,
/// bare columns in `.where(...)` / `.orderBy(...)`, and `db.query.<key>.findFirst/findMany({ where, orderBy, with })`
/// including callbacks (`where: (t, { eq }) => eq(t.col, x)`) and the object form (`where: { status: 'active' }`).
/// Tables are recognised through imports of the schema's exported table variables (named or `* as schema`),
/// declarations in the same file, and relational-query callback parameters.
public struct QueryReader: Sendable {
    let schema: QuerySchema

    /// `schemas`: each model with the declarations its reader kept beside it (the keys query code writes).
    public init(schemas: [(model: SchemaModel, declarations: SchemaDeclarations)]) {
        schema = QuerySchema(schemas: schemas)
    }

    public func read(_ files: [QuerySourceFile]) -> QueryUsage {
        QueryUsage(uses: files.flatMap { QueryFileScan(schema: schema, file: $0).uses() })
    }
}

/// One query file's column uses.
struct QueryFileScan {
    let schema: QuerySchema
    let file: QuerySourceFile
    private var found: [ColumnUse] = []
    private var seen: Set<ColumnUse> = []

    init(schema: QuerySchema, file: QuerySourceFile) {
        self.schema = schema
        self.file = file
    }

    func uses() -> [ColumnUse] {
        var scan = self
        let scope = QueryScope(file: file, schema: schema)
        file.syntax.forEachExpression { expression in scan.visit(expression, scope) }
        return scan.found.sorted { $0.location.range.lowerBound < $1.location.range.lowerBound }
    }

    // MARK: - Visiting

    private mutating func visit(_ expression: ExpressionSyntax, _ scope: QueryScope) {
        guard case .call(let call) = expression else { return }
        if let name = scope.operatorName(of: call) {
            let kind: ColumnUse.Kind = QueryOperators.sorts.contains(name) ? .sort : .filter
            for argument in call.arguments { record(argument, kind, scope) }
            return
        }
        guard case .member(let callee) = call.callee.unwrapped else { return }
        switch callee.property.name {
        case "where":
            for argument in call.arguments { record(argument, .filter, scope) }
        case "orderBy":
            for argument in call.arguments { recordBare(argument, .sort, scope) }
        case "findFirst", "findMany":
            guard let table = relationalTable(callee.object), case .object(let options)? = call.arguments.first?.unwrapped
            else { return }
            visitRelationalOptions(options, table: table, scope: scope)
        default:
            return
        }
    }

    /// `db.query.<key>` → the table exported as `<key>`.
    private func relationalTable(_ expression: ExpressionSyntax) -> DeclaredTable? {
        guard case .member(let key) = expression.unwrapped, case .member(let query) = key.object.unwrapped,
              query.property.name == "query" else { return nil }
        return schema.tablesByVariable[key.property.name]
    }

    /// `{ where, orderBy, with }` of a relational query on `table`.
    private mutating func visitRelationalOptions(_ options: ObjectLiteral, table: DeclaredTable, scope: QueryScope) {
        for case .property(let property) in options.members {
            guard let name = property.key.staticName else { continue }
            switch (name, property.value.unwrapped) {
            case ("where", .arrow(let callback)), ("orderBy", .arrow(let callback)):
                let inner = scope.binding(callback.parameters, to: table)
                let kind: ColumnUse.Kind = name == "where" ? .filter : .sort
                switch callback.body {
                case .expression(let body):
                    recordBare(body, kind, inner)
                    body.forEachExpression { visit($0, inner) }
                case .block(let block):
                    StatementSyntax.block(block).forEachExpression { visit($0, inner) }
                }
            case ("where", .object(let conditions)):
                // Relational queries v2: `where: { status: 'active', userId }` names columns by key.
                for member in conditions.members {
                    let key: (name: String?, range: Range<Int>)
                    switch member {
                    case .property(let condition): key = (condition.key.staticName, condition.key.range)
                    case .shorthand(let condition): key = (condition.name.name, condition.name.range)
                    default: continue
                    }
                    guard let name = key.name, let column = QuerySchema.column(name, of: table) else { continue }
                    add(table, column, .filter, key.range)
                }
            case ("where", let value):
                record(value, .filter, scope)
            case ("orderBy", let value):
                recordBare(value, .sort, scope)
            case ("with", .object(let relations)):
                for case .property(let relation) in relations.members {
                    guard let relationName = relation.key.staticName, case .object(let nested) = relation.value.unwrapped,
                          let target = schema.relationTarget(from: table, named: relationName) else { continue }
                    visitRelationalOptions(nested, table: target, scope: scope)
                }
            default:
                continue
            }
        }
    }

    /// A column passed directly (`eq(t.col, …)`, `.where(t.isActive)`).
    private mutating func record(_ expression: ExpressionSyntax, _ kind: ColumnUse.Kind, _ scope: QueryScope) {
        if let (table, column, range) = scope.column(expression, schema: schema) { add(table, column, kind, range) }
    }

    /// A column, or an array of columns, given bare to `orderBy` (`orderBy: [t.a, t.b]`).
    private mutating func recordBare(_ expression: ExpressionSyntax, _ kind: ColumnUse.Kind, _ scope: QueryScope) {
        if case .array(let array) = expression.unwrapped {
            for case let element? in array.elements { record(element, kind, scope) }
        } else {
            record(expression, kind, scope)
        }
    }

    private mutating func add(_ table: DeclaredTable, _ column: DeclaredColumn, _ kind: ColumnUse.Kind, _ range: Range<Int>) {
        let use = ColumnUse(tableKey: table.key, column: column.name, kind: kind,
                            location: SourceLocation(path: file.path, range: range))
        if seen.insert(use).inserted { found.append(use) }
    }
}
