import Core
import Drizzle
import TypeScript
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which columns application code writes when it updates rows of a table.
public struct TableUpdates: Sendable, Hashable {
    /// Table key (`public.users`) → SQL names of the columns that some update names explicitly.
    public var setColumns: [String: Set<String>]

    public init(setColumns: [String: Set<String>] = [:]) {
        self.setColumns = setColumns
    }

    /// Whether some update of the table sets this column (by SQL name).
    public func sets(_ column: String, ofTable key: String) -> Bool {
        setColumns[key]?.contains(column) ?? false
    }
}

/// Finds `db.update(<table>).set({ …, updatedAt: … })` and upserts
/// (`db.insert(<table>).values(…).onConflictDoUpdate({ set: { updatedAt: … } })`) in application code. Only keys
/// written in the object literal count: a spread (`{ ...data }`) or a variable says nothing about which columns it
/// holds. Tables are recognised as the query reader recognises them: by the schema's exported identifiers.
public struct UpdateReader: Sendable {
    let schema: QuerySchema

    public init(models: [SchemaModel]) {
        schema = QuerySchema(models: models)
    }

    /// Cheap test on a file's bytes before parsing it: no update call, no `.set(` and no upsert means nothing to find.
    public static func mayUpdate(_ bytes: [UInt8]) -> Bool {
        (contains(bytes, ".set(") && contains(bytes, "update")) || contains(bytes, "onConflictDoUpdate")
    }

    /// Scans the files `parse` hands back (nil for a file to skip), in parallel, one file in memory per core.
    public func read(_ paths: [String], parse: @Sendable (String) -> QuerySourceFile?) -> TableUpdates {
        var result = TableUpdates()
        let perFile = paths.concurrentMap { path in parse(path).map { UpdateFileScan(schema: schema, file: $0).setColumns() } ?? [:] }
        for found in perFile {
            for (table, columns) in found { result.setColumns[table, default: []].formUnion(columns) }
        }
        return result
    }

    /// Whether `needle` occurs in `bytes`: `memchr` jumps to each candidate first byte.
    private static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        let wanted = UnsafeBufferPointer(start: needle.utf8Start, count: count)
        return bytes.withUnsafeBufferPointer { haystack in
            guard let base = haystack.baseAddress, count > 0 else { return false }
            var offset = 0
            while offset + count <= haystack.count {
                guard let hit = memchr(base + offset, Int32(wanted[0]), haystack.count - offset - count + 1) else { return false }
                let start = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + start, wanted.baseAddress!, count) == 0 { return true }
                offset = start + 1
            }
            return false
        }
    }
}

/// One file's updates.
struct UpdateFileScan {
    let schema: QuerySchema
    let file: QuerySourceFile

    func setColumns() -> [String: Set<String>] {
        let scope = QueryScope(file: file, schema: schema)
        var found: [String: Set<String>] = [:]
        func record(_ table: Table, _ keys: [String]) {
            for key in keys {
                if let column = QuerySchema.column(key, of: table) { found[table.key, default: []].insert(column.name) }
            }
        }
        // `.set(changes)`: the keys of `const changes = { … }` and of `changes.key = …` in the same file.
        var byVariable: [(table: Table, variable: String)] = []
        var assignedKeys: [String: Set<String>] = [:]
        file.syntax.forEachExpression { expression in
            switch expression {
            case .assignment(let assignment):
                if case .member(let member) = assignment.target.unwrapped, case .identifier(let object) = member.object.unwrapped {
                    assignedKeys[object.name, default: []].insert(member.property.name)
                }
            case .call(let call):
                guard let (table, changes) = Self.update(call, scope: scope, schema: schema) else { return }
                switch changes.unwrapped {
                case .object(let literal): record(table, Self.writtenKeys(literal))
                case .identifier(let name): byVariable.append((table, name.name))
                default: return
                }
            default:
                return
            }
        }
        guard !byVariable.isEmpty else { return found }
        var literalKeys: [String: [String]] = [:]
        file.syntax.forEachStatement { statement in
            guard case .variable(let declaration) = statement else { return }
            for declarator in declaration.declarators {
                guard case .identifier(let name) = declarator.pattern, case .object(let literal)? = declarator.initializer?.unwrapped
                else { continue }
                literalKeys[name.name, default: []].append(contentsOf: Self.writtenKeys(literal))
            }
        }
        for (table, variable) in byVariable {
            record(table, (literalKeys[variable] ?? []) + Array(assignedKeys[variable] ?? []))
        }
        return found
    }

    /// The table and the changes of `….update(table).set(changes)` or `….insert(table)….onConflictDoUpdate({ set: changes })`.
    private static func update(_ call: CallExpression, scope: QueryScope, schema: QuerySchema) -> (Table, ExpressionSyntax)? {
        guard case .member(let callee) = call.callee.unwrapped, let argument = call.arguments.first else { return nil }
        switch callee.property.name {
        case "set":
            return table(calledWith: "update", in: callee.object, scope: scope, schema: schema).map { ($0, argument) }
        case "onConflictDoUpdate":
            guard case .object(let options) = argument.unwrapped, let changes = property("set", of: options) else { return nil }
            return table(calledWith: "insert", in: callee.object, scope: scope, schema: schema).map { ($0, changes) }
        default:
            return nil
        }
    }

    /// The table of the nearest `.update(t)` / `.insert(t)` call down a method chain (`db.insert(t).values(v)`).
    private static func table(calledWith method: String, in chain: ExpressionSyntax, scope: QueryScope, schema: QuerySchema) -> Table? {
        var current = chain.unwrapped
        while case .call(let call) = current, case .member(let member) = call.callee.unwrapped {
            if member.property.name == method {
                return call.arguments.first.flatMap { scope.table($0, schema: schema) }
            }
            current = member.object.unwrapped
        }
        return nil
    }

    /// Keys written out in an object literal (`updatedAt: …`, `{ updatedAt }`); spreads and methods are not.
    private static func writtenKeys(_ object: ObjectLiteral) -> [String] {
        object.members.compactMap { member in
            switch member {
            case .property(let property): property.key.staticName
            case .shorthand(let property): property.name.name
            default: nil
            }
        }
    }

    private static func property(_ name: String, of object: ObjectLiteral) -> ExpressionSyntax? {
        for case .property(let property) in object.members where property.key.staticName == name { return property.value }
        return nil
    }
}
