import Catalog
import Core
import Drizzle
import Synchronization
import TypeScript

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

/// What an earlier run learned about files, by content (`RepositoryUpdates.FileFacts`): whether a file's bytes may hold
/// a Drizzle update at all, and whether they may hold any other write (Prisma Client, raw SQL), so the searches need
/// not read it again.
public protocol UpdateScanMemory: Sendable {
    /// For each path, its facts; nil when the file's content is not known. Asked once for every file of a search
    /// (20,000 in a large monorepo), so the memory answers them in one go.
    func facts(_ paths: [String]) -> [RepositoryUpdates.FileFacts?]
    func remember(_ path: String, _ facts: RepositoryUpdates.FileFacts)
}

/// Which columns application code sets when it updates a table, over every TypeScript file of the repository,
/// worked out when a rule first asks (most runs never need it: every `updatedAt` has `$onUpdate`) and kept.
///
/// Finds `db.update(<table>).set({ …, updatedAt: … })` and upserts
/// (`db.insert(<table>).values(…).onConflictDoUpdate({ set: { updatedAt: … } })`). Only keys written in the code
/// count: a spread (`{ ...data }`) says nothing about which columns it holds. Tables are recognised as the query
/// reader recognises them: by the schema's exported identifiers.
public final class RepositoryUpdates: Sendable {
    /// A file the loader has parsed already.
    public struct ParsedFile: Sendable {
        public var bytes: [UInt8]
        public var syntax: SourceFileSyntax

        public init(bytes: [UInt8], syntax: SourceFileSyntax) {
            self.bytes = bytes
            self.syntax = syntax
        }
    }

    let paths: [String]
    private let schema: QuerySchema?
    let parsed: [String: ParsedFile]
    let read: @Sendable (String) -> [UInt8]?
    private let memory: (any UpdateScanMemory)?
    private let answers = Mutex<[Set<String>: TableUpdates]>([:])
    /// The facts of the files a search read this run: the next search passes over those that cannot hold what it
    /// looks for without reading them again (a plain run has no `memory`, and reads 20,000 files of a monorepo).
    private let readThisRun = Mutex<[String: FileFacts]>([:])

    /// `paths`: the TypeScript files to search; `read` reads one that `parsed` does not hold.
    /// `memory`, when given, skips files an earlier run found to hold no update and learns about the others.
    public init(paths: [String], schemas: [(model: SchemaModel, declarations: SchemaDeclarations)], parsed: [String: ParsedFile], read: @escaping @Sendable (String) -> [UInt8]?,
                memory: (any UpdateScanMemory)? = nil) {
        self.paths = paths
        self.schema = QuerySchema(schemas: schemas)
        self.parsed = parsed
        self.read = read
        self.memory = memory
    }

    /// No code to search.
    public init() {
        paths = []
        schema = nil
        parsed = [:]
        read = { _ in nil }
        memory = nil
    }

    /// The columns set on update, among those whose TypeScript key (or SQL name when it has none) is in `keys`. A
    /// file is parsed only if its bytes hold `.update(` and `.set(` (or `onConflictDoUpdate`) and one of `keys`:
    /// code that sets `updatedAt` has to spell it. Files are read and parsed in parallel, each once.
    public func updates(naming keys: Set<String>) -> TableUpdates {
        guard let schema, !keys.isEmpty else { return TableUpdates() }
        if let known = answers.withLock({ $0[keys] }) { return known }
        let needles = keys.map { Array($0.utf8) }
        let parsed = self.parsed
        // Files known to hold no update (remembered from an earlier run, or read by an earlier search of this run)
        // are passed over before the parallel search: a parsed file's bytes are the ones the memory's content id
        // names, so the answer holds for it too.
        let searched = unknownOr(.mayUpdate, paths)
        let perFile = searched.concurrentMap { path -> (facts: FileFacts?, found: [String: Set<String>]) in
            let syntax: SourceFileSyntax, facts: FileFacts?
            if let entry = parsed[path] {
                guard Self.mayUpdate(entry.bytes, naming: needles) else { return (nil, [:]) }
                (syntax, facts) = (entry.syntax, nil)
            } else {
                guard let (bytes, read) = self.readWithFacts(path) else { return (nil, [:]) }
                guard read.contains(.mayUpdate), Self.names(bytes, needles) else { return (read, [:]) }
                (syntax, facts) = (TypeScriptParser.parse(bytes), read)
            }
            return (facts, UpdateFileScan(schema: schema, file: QuerySourceFile(path: path, syntax: syntax)).setColumns())
        }
        var result = TableUpdates()
        var learned: [String: FileFacts] = [:]
        for (path, (facts, found)) in zip(searched, perFile) {
            if let facts { learned[path] = facts }
            for (table, columns) in found { result.setColumns[table, default: []].formUnion(columns) }
        }
        readThisRun.withLock { $0.merge(learned) { $1 } }
        answers.withLock { $0[keys] = result }
        return result
    }

    static let updateCall = Array(".update(".utf8), setCall = Array(".set(".utf8), upsert = Array("onConflictDoUpdate".utf8)

    /// What the searches test of a file's bytes before they parse it, whichever columns they are asked about: kept
    /// from one run to the next by `UpdateScanMemory`.
    public struct FileFacts: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        /// A Drizzle update may be there (`mayUpdateAnyTable`).
        public static let mayUpdate = FileFacts(rawValue: 1)
        /// Some write may be there: `update` in any case (Prisma Client's `update…` methods, raw SQL's `UPDATE` and
        /// `DO UPDATE`) or `upsert`. A file without it holds none of `prismaWrites`' writes.
        public static let mayWrite = FileFacts(rawValue: 2)

        public init(_ bytes: [UInt8]) {
            var facts: FileFacts = []
            if RepositoryUpdates.mayUpdateAnyTable(bytes) { facts.insert(.mayUpdate) }
            if RepositoryUpdates.containsIgnoringCase(bytes, RepositoryUpdates.updateWord) || RepositoryUpdates.contains(bytes, RepositoryUpdates.upsertWord) {
                facts.insert(.mayWrite)
            }
            self = facts
        }
    }

    static let updateWord = Array("update".utf8), upsertWord = Array("upsert".utf8)

    /// A file's bytes and facts, the facts remembered for later runs; nil when it cannot be read.
    func readWithFacts(_ path: String) -> (bytes: [UInt8], facts: FileFacts)? {
        guard let bytes = read(path) else { return nil }
        let facts = FileFacts(bytes)
        memory?.remember(path, facts)
        return (bytes, facts)
    }

    /// The paths whose facts are not known (to the memory, or from a search of this run), or known to hold `fact`.
    func unknownOr(_ fact: FileFacts, _ paths: [String]) -> [String] {
        let remembered = memory?.facts(paths)
        return readThisRun.withLock { read in
            paths.indices.compactMap { index in
                let facts = remembered?[index] ?? read[paths[index]]
                return facts.map { $0.contains(fact) } == false ? nil : paths[index]
            }
        }
    }

    /// Whether `word` (lowercase ASCII letters) occurs in `bytes` in any case: each byte that may start it is
    /// compared with the ASCII case folded.
    static func containsIgnoringCase(_ bytes: [UInt8], _ word: [UInt8]) -> Bool {
        guard let first = word.first, bytes.count >= word.count else { return false }
        return bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            let last = bytes.count - word.count
            while index <= last {
                if bytes[index] | 0x20 == first {
                    var offset = 1
                    while offset < word.count, bytes[index + offset] | 0x20 == word[offset] { offset += 1 }
                    if offset == word.count { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// The byte test before parsing.
    public static func mayUpdate(_ bytes: [UInt8], naming keys: [[UInt8]]) -> Bool {
        mayUpdateAnyTable(bytes) && names(bytes, keys)
    }

    /// The part of the test that does not depend on the columns asked about: what `UpdateScanMemory` keeps.
    public static func mayUpdateAnyTable(_ bytes: [UInt8]) -> Bool {
        (contains(bytes, updateCall) && contains(bytes, setCall)) || contains(bytes, upsert)
    }

    private static func names(_ bytes: [UInt8], _ keys: [[UInt8]]) -> Bool {
        keys.contains { contains(bytes, $0) }
    }

    /// Whether `needle` occurs in `bytes` (`ByteSearch`: jumping with `memchr` to each `.` of `.update(` stopped at
    /// every member access of 30 MB of TypeScript).
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        ByteSearch.firstIndex(of: needle, in: bytes) != nil
    }
}

/// One file's updates.
struct UpdateFileScan {
    let schema: QuerySchema
    let file: QuerySourceFile

    func setColumns() -> [String: Set<String>] {
        let scope = QueryScope(file: file, schema: schema)
        var found: [String: Set<String>] = [:]
        func record(_ table: DeclaredTable, _ keys: [String]) {
            for key in keys {
                if let column = QuerySchema.column(key, of: table) { found[table.key, default: []].insert(column.name) }
            }
        }
        // `.set(changes)`: the keys of `const changes = { … }` and of `changes.key = …` in the same file.
        var byVariable: [(table: DeclaredTable, variable: String)] = []
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
        let literalKeys = Self.literalKeysByVariable(in: file.syntax)
        for (table, variable) in byVariable {
            record(table, (literalKeys[variable] ?? []) + Array(assignedKeys[variable] ?? []))
        }
        return found
    }

    /// The table and the changes of `….update(table).set(changes)` or `….insert(table)….onConflictDoUpdate({ set: changes })`.
    private static func update(_ call: CallExpression, scope: QueryScope, schema: QuerySchema) -> (DeclaredTable, ExpressionSyntax)? {
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
    private static func table(calledWith method: String, in chain: ExpressionSyntax, scope: QueryScope, schema: QuerySchema) -> DeclaredTable? {
        var current = chain.unwrapped
        while case .call(let call) = current, case .member(let member) = call.callee.unwrapped {
            if member.property.name == method {
                return call.arguments.first.flatMap { scope.table($0, schema: schema) }
            }
            current = member.object.unwrapped
        }
        return nil
    }

    /// The keys each `const name = { … }` of the file writes out, by variable name: what an update passed `name`
    /// (`.set(changes)`, `data: changes`) writes, beside the `name.key = …` assignments its caller collects.
    static func literalKeysByVariable(in syntax: SourceFileSyntax) -> [String: [String]] {
        var literalKeys: [String: [String]] = [:]
        syntax.forEachStatement { statement in
            guard case .variable(let declaration) = statement else { return }
            for declarator in declaration.declarators {
                guard case .identifier(let name) = declarator.pattern, case .object(let literal)? = declarator.initializer?.unwrapped
                else { continue }
                literalKeys[name.name, default: []].append(contentsOf: writtenKeys(literal))
            }
        }
        return literalKeys
    }

    /// Keys written out in an object literal (`updatedAt: …`, `{ updatedAt }`); spreads and methods are not.
    static func writtenKeys(_ object: ObjectLiteral) -> [String] {
        object.members.compactMap { member in
            switch member {
            case .property(let property): property.key.staticName
            case .shorthand(let property): property.name.name
            default: nil
            }
        }
    }

    static func property(_ name: String, of object: ObjectLiteral) -> ExpressionSyntax? {
        for case .property(let property) in object.members where property.key.staticName == name { return property.value }
        return nil
    }
}

