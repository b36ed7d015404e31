import Catalog
import Drizzle
import TypeScript

/// What names mean at one point of a query file: which identifiers are schema tables (imports, declarations,
/// callback parameters), which are namespace imports of the schema, and which call Drizzle's filter and sort
/// operators (imported, renamed, or destructured from a callback's second parameter).
struct QueryScope {
    var tables: [String: DeclaredTable] = [:]
    var namespaces: Set<String> = []
    /// Local name → operator name (`{ eq: equals }` binds `equals` to `eq`).
    var operators: [String: String] = [:]
    /// Identifiers holding the operator object of a callback (`(t, ops) => ops.eq(...)`).
    var operatorObjects: Set<String> = []

    /// The table and column a `table.column` expression names, if `table` is a schema table here.
    func column(_ expression: ExpressionSyntax, schema: QuerySchema) -> (DeclaredTable, DeclaredColumn, Range<Int>)? {
        guard case .member(let member) = expression.unwrapped, let table = table(member.object, schema: schema),
              let column = QuerySchema.column(member.property.name, of: table) else { return nil }
        return (table, column, member.range)
    }

    /// The schema table an expression names: `users` (imported or declared here) or `schema.users` (namespace import).
    func table(_ expression: ExpressionSyntax, schema: QuerySchema) -> DeclaredTable? {
        switch expression.unwrapped {
        case .identifier(let name):
            return tables[name.name]
        case .member(let inner):
            guard case .identifier(let namespace) = inner.object.unwrapped, namespaces.contains(namespace.name) else { return nil }
            return schema.tablesByVariable[inner.property.name]
        default:
            return nil
        }
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
    func binding(_ parameters: [FunctionParameter], to table: DeclaredTable) -> QueryScope {
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

extension QueryScope {
    /// Tables imported from schema files (by their exported names), namespace imports and operator imports. Other
    /// named imports may be the schema re-exported as a namespace by a package's entry file, which is not followed.
    init(file: QuerySourceFile, schema: QuerySchema) {
        var scope = QueryScope()
        for statement in file.syntax.statements {
            switch statement {
            case .import(let declaration) where !declaration.isTypeOnly:
                let isDrizzle = declaration.source.value.hasPrefix("drizzle-orm")
                for binding in declaration.namedBindings where !binding.isTypeOnly {
                    if isDrizzle {
                        if QueryOperators.all.contains(binding.imported.name) { scope.operators[binding.local.name] = binding.imported.name }
                    } else if let table = schema.tablesByVariable[binding.imported.name] {
                        scope.tables[binding.local.name] = table
                    } else {
                        // `import { schema } from '@acme/db'`, a package whose entry re-exports the schema module
                        // as a namespace (`import * as schema from './schema'; export { schema }`): `schema.users`
                        // then names a table. Only a member that is a schema table's exported name resolves.
                        scope.namespaces.insert(binding.local.name)
                    }
                }
                if !isDrizzle, let namespace = declaration.namespaceBinding { scope.namespaces.insert(namespace.name) }
            default:
                // A query in the schema file itself names its tables directly.
                for name in Self.declaredNames(statement) {
                    if let table = schema.tablesByVariable[name], table.location.path == file.path { scope.tables[name] = table }
                }
            }
        }
        self = scope
    }

    private static func declaredNames(_ statement: StatementSyntax) -> [String] {
        switch statement {
        case .variable(let declaration):
            return declaration.declarators.compactMap {
                if case .identifier(let name) = $0.pattern { name.name } else { nil }
            }
        case .export(let export):
            if case .declaration(let inner) = export.kind { return declaredNames(inner) }
            return []
        default:
            return []
        }
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
