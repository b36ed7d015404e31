import Catalog
import TypeScript

/// What an expression of a schema file evaluates to, as far as the reader can tell statically. JavaScript
/// values are modelled as far as schemas use them; drizzle's builders have their own cases.
indirect enum Value {
    case undefined
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    /// A BigInt literal's digits.
    case bigint(String)
    case array([Value])
    case object(ObjectValue)
    case function(Closure)
    /// A function or namespace of a library the reader knows (drizzle-orm), e.g. `pgTable`, `sql`.
    case library(LibraryFunction)
    /// A method looked up on a value and not yet called (`builder.notNull`).
    case method(receiver: Value, name: String)
    case column(ColumnBuilder)
    /// A table of the registry.
    case table(Int)
    /// `table.column`, possibly with index options (`.desc()`, `.op(...)`).
    case tableColumn(TableColumnReference)
    case pgEnum(EnumReference)
    case pgSchema(String)
    case sequence(Sequence)
    /// `pgTableCreator(fn)`: calls create tables whose name is `fn(name)`.
    case tableCreator(Closure)
    case sql(SQLFragment)
    case constraint(ConstraintBuilder)
    /// `pgRole(name)` (or a role of `drizzle-orm/supabase`): what a policy's `to` names.
    case role(String)
    /// `one(...)` / `many(...)` inside `relations()`.
    case relation(RelationSpec)
    /// The result of `relations(table, ...)`.
    case relations([Relation])
    /// `import * as ns from './x'`: the exports of a file of the repository.
    case module(String)
    /// Something the reader cannot know (an import from a package it does not model, a runtime value).
    case unknown(String)

    /// `undefined` or `null`: what `?.` short-circuits on.
    var isNullish: Bool {
        switch self {
        case .undefined, .null: true
        default: false
        }
    }

    var isUnknown: Bool { if case .unknown = self { true } else { false } }

    var isTen: Bool { if case .number(10) = self { true } else { false } }

    var stringValue: String? { if case .string(let value) = self { value } else { nil } }

    var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }

    var objectValue: ObjectValue? { if case .object(let value) = self { value } else { nil } }

    /// JavaScript truthiness where it is known.
    var truthiness: Bool? {
        switch self {
        case .undefined, .null: false
        case .bool(let value): value
        case .number(let value): value != 0 && !value.isNaN
        case .string(let value): !value.isEmpty
        case .bigint(let digits): digits.removingCharacters(in: "0n") != ""
        case .unknown: nil
        default: true
        }
    }

    /// `String(value)` for primitives; nil for values whose text the reader does not know.
    var javaScriptString: String? {
        switch self {
        case .string(let text): text
        case .number(let number): JavaScriptText.number(number)
        case .bigint(let digits): digits
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        case .undefined: "undefined"
        default: nil
        }
    }

    /// A property read (`value.name`) on plain values.
    func property(_ name: String) -> Value? {
        switch self {
        case .object(let object): object[name]
        case .array(let elements):
            if name == "length" { .number(Double(elements.count)) }
            else if let index = Int(name), elements.indices.contains(index) { elements[index] }
            else { nil }
        case .string(let text): name == "length" ? .number(Double(text.utf16.count)) : nil
        default: nil
        }
    }
}

extension String {
    func removingCharacters(in set: String) -> String { String(filter { !set.contains($0) }) }
}

/// An object literal's properties in insertion order, each with where it was written.
struct ObjectValue {
    struct Property {
        var key: String
        var value: Value
        var location: SourceLocation
        /// How many unknown spreads preceded the write.
        var spreadsBefore = 0
    }

    var properties: [Property] = []
    /// Spreads of values the reader could not evaluate (`...schema.shape`), with why and where: any key may come
    /// from them, so a key not written here is unknown rather than absent. Reported only if a schema needs it.
    var unknownSpreads: [(reason: String, location: SourceLocation)] = []

    /// Every key is known (no spread of an unknown value).
    var isComplete: Bool { unknownSpreads.isEmpty }

    subscript(key: String) -> Value? {
        // A key written before an unknown spread may have been overwritten by it.
        if let property = properties.last(where: { $0.key == key }), property.spreadsBefore == unknownSpreads.count {
            return property.value
        }
        return unknownSpreads.last.map { .unknown($0.reason) }
    }

    mutating func set(_ key: String, _ value: Value, location: SourceLocation) {
        if let index = properties.firstIndex(where: { $0.key == key }) {
            // JavaScript keeps the first insertion position and the last value.
            properties[index].value = value
            properties[index].location = location
            properties[index].spreadsBefore = unknownSpreads.count
        } else {
            properties.append(Property(key: key, value: value, location: location, spreadsBefore: unknownSpreads.count))
        }
    }
}

/// A function written in the sources, with the scope it closes over.
struct Closure {
    enum Body {
        case expression(ExpressionSyntax)
        case block(BlockStatement)
    }

    var parameters: [FunctionParameter]
    var body: Body
    var scope: Scope
    var range: Range<Int>
}

/// A lexical scope: local bindings, then the enclosing scope, ending at a module's top level.
final class Scope {
    let module: String
    let parent: Scope?
    private(set) var bindings: [String: Value] = [:]

    init(module: String, parent: Scope?) {
        self.module = module
        self.parent = parent
    }

    func define(_ name: String, _ value: Value) { bindings[name] = value }

    /// The local binding, searching enclosing function scopes; nil means "look at the module level".
    func lookup(_ name: String) -> Value? {
        if let value = bindings[name] { return value }
        return parent?.lookup(name)
    }
}

/// `users.id`, with the options an index may add.
struct TableColumnReference {
    var table: Int
    var key: String
    var order: String?
    var nulls: String?
    var opclass: String?
    var location: SourceLocation
}

struct EnumReference {
    var name: String
    /// nil for the public schema.
    var schema: String?
    var values: [String]
    var location: SourceLocation
    var areValuesUnreadable = false
}

/// `one(table, { fields, references, relationName })` / `many(table, { relationName })`.
struct RelationSpec {
    var kind: Relation.Kind
    var table: Int
    var fields: [TableColumnReference]
    var references: [TableColumnReference]
    var relationName: String?
    var location: SourceLocation
}
