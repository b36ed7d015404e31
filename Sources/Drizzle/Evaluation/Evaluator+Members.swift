import Catalog
import TypeScript

extension Evaluator {
    /// `value.name`.
    func member(_ value: Value, _ name: String) -> Value {
        switch value {
        case .module(let path):
            return exportedValue(path, name) ?? .unknown("`\(path)` has no export `\(name)`")
        case .library(.namespace):
            return .library(LibraryFunction.named(name))
        case .library(.sql):
            switch name {
            case "raw": return .library(.sqlRaw)
            case "identifier": return .library(.sqlIdentifier)
            case "join": return .library(.sqlJoin)
            default: return .unknown("`sql.\(name)`")
            }
        case .library(.objectNamespace):
            return .library(.objectFunction(name))
        case .library(.mathNamespace):
            return .library(.math(name))
        case .library(.zod):
            return .library(name == "enum" ? .zodEnum : .zodFunction(name))
        case .library(.zodFunction(let name)):
            return .unknown("zod's `\(name)`")
        case .table(let index):
            if tables.indices.contains(index), tables[index].columns.contains(where: { $0.key == name }) {
                return .tableColumn(TableColumnReference(table: index, key: name, location: tables[index].location))
            }
            return .method(receiver: value, name: name)
        case .pgEnum(let reference):
            if name == "enumValues" { return .array(reference.values.map(Value.string)) }
            if name == "enumName" { return .string(reference.name) }
            return .method(receiver: value, name: name)
        case .object, .array, .string:
            if let property = value.property(name) { return property }
            if case .object = value { return .undefined }
            return .method(receiver: value, name: name)
        case .unknown:
            return value
        case .undefined, .null:
            return .unknown("a property of undefined or null")
        default:
            return .method(receiver: value, name: name)
        }
    }

    func call(_ call: CallExpression, _ scope: Scope) -> Value {
        let callee = evaluate(call.callee, scope)
        var arguments: [Value] = []
        for argument in call.arguments {
            if case .spread(let spread) = argument {
                guard case .array(let values) = evaluate(spread.argument, scope) else {
                    return .unknown("a call with a spread known only at run time")
                }
                arguments += values
            } else {
                arguments.append(evaluate(argument, scope))
            }
        }
        let site = CallSite(arguments: arguments, syntax: call.arguments, location: location(call.range, in: scope),
                            scope: scope)
        return apply(callee, site)
    }

    func apply(_ callee: Value, _ site: CallSite) -> Value {
        switch callee {
        case .function(let closure): return invoke(closure, site.arguments)
        case .library(let function): return callLibrary(function, site)
        case .method(let receiver, let name): return callMethod(receiver, name, site)
        case .pgEnum(let reference):
            return .column(ColumnBuilder(builder: "enum", explicitName: site.string(0), baseType: reference.name,
                                         enumReference: reference, notNull: false, options: nil,
                                         location: site.location))
        case .tableCreator(let closure):
            return makeTable(site, schema: nil, nameTransform: closure)
        case .unknown(let reason): return .unknown(reason)
        default: return .unknown("a call of something that is not a function")
        }
    }

    func taggedTemplate(_ tagged: TaggedTemplateExpression, _ scope: Scope) -> Value {
        let tag = evaluate(tagged.tag, scope)
        guard case .library(.sql) = tag else {
            return .unknown("a tagged template other than drizzle's sql")
        }
        var chunks: [SQLFragment.Chunk] = []
        let template = tagged.template
        for (index, quasi) in template.quasis.enumerated() {
            if let text = quasi.cooked, !text.isEmpty { chunks.append(.text(text)) }
            guard index < template.expressions.count else { continue }
            guard let chunk = sqlChunk(evaluate(template.expressions[index], scope)) else {
                return .unknown("an sql template with a value the reader cannot evaluate")
            }
            chunks.append(chunk)
        }
        return .sql(SQLFragment(chunks))
    }

    /// How drizzle embeds a value in an `sql` template.
    func sqlChunk(_ value: Value) -> SQLFragment.Chunk? {
        switch value {
        case .tableColumn(let reference): return .column(reference)
        case .table(let index): return .table(index)
        case .sql(let fragment): return .fragment(fragment)
        case .pgEnum(let reference):
            return .fragment(SQLFragment((reference.schema.map { [.name($0), .text(".")] } ?? []) + [.name(reference.name)]))
        case .string, .number, .bool, .null, .bigint: return .parameter(value)
        case .array(let elements):
            var chunks: [SQLFragment.Chunk] = [.text("(")]
            for (index, element) in elements.enumerated() {
                guard let chunk = sqlChunk(element) else { return nil }
                if index > 0 { chunks.append(.text(", ")) }
                chunks.append(chunk)
            }
            chunks.append(.text(")"))
            return .fragment(SQLFragment(chunks))
        default: return nil
        }
    }
}

/// The evaluated arguments of a call, with their syntax (for locations) and the call's location.
struct CallSite {
    var arguments: [Value]
    var syntax: [ExpressionSyntax]
    var location: SourceLocation
    var scope: Scope

    func argument(_ index: Int) -> Value { index < arguments.count ? arguments[index] : .undefined }
    func string(_ index: Int) -> String? { argument(index).stringValue }
    func object(_ index: Int) -> ObjectValue? { argument(index).objectValue }

    /// The location of an argument (the call's when the argument is missing or spread).
    func location(of index: Int) -> SourceLocation {
        guard index < syntax.count else { return location }
        return SourceLocation(path: location.path, range: syntax[index].range)
    }
}
