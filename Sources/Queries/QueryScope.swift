import Drizzle
import TypeScript

/// What names mean at one point of a query file: which identifiers are schema tables (imports, declarations,
/// callback parameters), which are namespace imports of the schema, and which call Drizzle's filter and sort
/// operators (imported, renamed, or destructured from a callback's second parameter).
struct QueryScope {
    var tables: [String: Table] = [:]
    var namespaces: Set<String> = []
    /// Local name → operator name (`{ eq: equals }` binds `equals` to `eq`).
    var operators: [String: String] = [:]
    /// Identifiers holding the operator object of a callback (`(t, ops) => ops.eq(...)`).
    var operatorObjects: Set<String> = []

    /// The table and column a `table.column` expression names, if `table` is a schema table here.
    func column(_ expression: ExpressionSyntax, schema: QuerySchema) -> (Table, Column, Range<Int>)? {
        guard case .member(let member) = expression.unwrapped else { return nil }
        let table: Table?
        switch member.object.unwrapped {
        case .identifier(let name):
            table = tables[name.name]
        case .member(let inner):
            if case .identifier(let namespace) = inner.object.unwrapped, namespaces.contains(namespace.name) {
                table = schema.tablesByVariable[inner.property.name]
            } else {
                table = nil
            }
        default:
            table = nil
        }
        guard let table, let column = QuerySchema.column(member.property.name, of: table) else { return nil }
        return (table, column, member.range)
    }

    /// The operator a call invokes (`eq`, `desc`, …), if any.
    func operatorName(of call: CallExpression) -> String? {
        switch call.callee.unwrapped {
        case .identifier(let name):
            return operators[name.name] ?? (QueryOperators.all.contains(name.name) ? name.name : nil)
        case .member(let member):
            guard case .identifier(let object) = member.object.unwrapped, operatorObjects.contains(object.name),
                  QueryOperators.all.contains(member.property.name) else { return nil }
            return member.property.name
        default:
            return nil
        }
    }

    /// This scope with a relational-query callback's parameters bound: `(table, { eq, desc })` or `(table, ops)`.
    func binding(_ parameters: [FunctionParameter], to table: Table) -> QueryScope {
        var scope = self
        if let first = parameters.first, case .identifier(let name) = first.pattern {
            scope.tables[name.name] = table
        }
        if parameters.count > 1 {
            switch parameters[1].pattern {
            case .identifier(let name):
                scope.operatorObjects.insert(name.name)
            case .object(let pattern):
                for property in pattern.properties {
                    guard let name = property.key.staticName, QueryOperators.all.contains(name),
                          case .identifier(let local) = property.value else { continue }
                    scope.operators[local.name] = name
                }
            default:
                break
            }
        }
        return scope
    }
}

/// Drizzle's condition and ordering helpers (`drizzle-orm`'s exports and the relational callbacks' operators).
enum QueryOperators {
    static let filters: Set<String> = [
        "eq", "ne", "gt", "gte", "lt", "lte", "inArray", "notInArray", "isNull", "isNotNull", "like", "ilike",
        "notLike", "notIlike", "between", "notBetween", "arrayContains", "arrayContained", "arrayOverlaps",
    ]
    static let sorts: Set<String> = ["asc", "desc"]
    static let all = filters.union(sorts)
}
