import Core
import TypeScript

/// A column of a Prisma model, as the code that writes it names it: the model and field for Prisma Client, the
/// table and column (SQL names) for raw SQL. With a `schema`, raw SQL must name the table in it (`auth.sessions`
/// is not `public.sessions`; an unqualified name is taken as `public`); without one, any qualifier matches.
public struct PrismaColumn: Sendable, Hashable {
    public var model: String
    public var field: String
    public var table: String
    public var column: String
    public var schema: String?

    public init(model: String, field: String, table: String, column: String, schema: String? = nil) {
        self.model = model
        self.field = field
        self.table = table
        self.column = column
        self.schema = schema
    }

    /// Whether raw SQL's target (`schema` as written before the name, if any) is this column's table.
    func isTable(_ name: String, schema qualifier: String?) -> Bool {
        guard table.lowercased() == name else { return false }
        guard let schema else { return true }
        return (qualifier ?? "public") == schema.lowercased()
    }
}

extension RepositoryUpdates {
    /// Which of `wanted` application code sets when it updates rows, over every TypeScript file of the repository:
    /// - Prisma Client: `<client>.<model>.update|updateMany|updateManyAndReturn({ data: { field } })` and
    ///   `.upsert({ update: { field } })` (the model by its accessor, `passkey` for `Passkey`, on any client or
    ///   transaction object); `data` may be a `const` object of the same file;
    /// - raw SQL in a string or template (`$executeRaw`, `sql`): a statement that updates the table
    ///   (`UPDATE "Table"`, or `INSERT INTO "Table" … DO UPDATE`) and has `"column" =` after its `SET`.
    /// Only keys written out count, as for Drizzle's `.set(…)`. A file is parsed only if its bytes may hold such a
    /// write of one of the columns (`WriteTest`).
    public func prismaWrites(_ wanted: [PrismaColumn]) -> Set<PrismaColumn> {
        writes(wanted, mayUpdate: []).columns
    }

    /// `prismaWrites(wanted)`, and which of `tables` some file may update (`UpdateMentions`), in one pass over the
    /// files: both read the files that spell a write, and a monorepo has thousands.
    public func writes(_ wanted: [PrismaColumn], mayUpdate tables: [UpdatedTableNames])
        -> (columns: Set<PrismaColumn>, tables: Set<UpdatedTableNames>) {
        guard !wanted.isEmpty || !tables.isEmpty else { return ([], []) }
        let test = WriteTest(wanted)
        let parsed = self.parsed
        // Files known to hold no write at all (remembered from an earlier run, or read by this run's search for
        // Drizzle updates) are passed over unread.
        let searched = unknownOr(.mayWrite, paths)
        let perFile = searched.concurrentMap { path -> (columns: Set<PrismaColumn>, tables: [UpdatedTableNames]) in
            let bytes: [UInt8]
            var syntax: SourceFileSyntax?
            if let entry = parsed[path] {
                (bytes, syntax) = (entry.bytes, entry.syntax)
            } else {
                guard let (read, facts) = self.readWithFacts(path), facts.contains(.mayWrite) else { return ([], []) }
                bytes = read
            }
            let mentions = tables.isEmpty ? nil : UpdateMentions(bytes)
            let updated = mentions.map { mentions in tables.filter(mentions.mayUpdate) } ?? []
            guard !wanted.isEmpty, test.mayWrite(bytes) else { return ([], updated) }
            return (PrismaWriteScan(wanted: wanted, syntax: syntax ?? TypeScriptParser.parse(bytes)).written(), updated)
        }
        return perFile.reduce(into: ([], [])) { result, file in
            result.columns.formUnion(file.columns)
            result.tables.formUnion(file.tables)
        }
    }

    /// The byte test before parsing: for some column, the file spells its field or column name, and either a
    /// Prisma Client update of its model (`.passkey.update`, `.passkey.upsert`) or its table's name (raw SQL names
    /// it). Each distinct string is searched for once per file (a dozen `updatedAt` columns share one search).
    private struct WriteTest: Sendable {
        /// Distinct strings, and per column the indices of its names and of its writers among them.
        let needles: [[UInt8]]
        let columns: [(names: [Int], writers: [Int])]

        init(_ wanted: [PrismaColumn]) {
            var needles: [[UInt8]] = []
            var positions: [String: Int] = [:]
            func index(_ text: String) -> Int {
                if let known = positions[text] { return known }
                positions[text] = needles.count
                needles.append(Array(text.utf8))
                return needles.count - 1
            }
            columns = wanted.map { column in
                let accessor = PrismaWriteScan.accessor(column.model)
                return ([index(column.field), index(column.column)],
                        [index(".\(accessor).update"), index(".\(accessor).upsert"), index(column.table)])
            }
            self.needles = needles
        }

        func mayWrite(_ bytes: [UInt8]) -> Bool {
            var found: [Bool?] = Array(repeating: nil, count: needles.count)
            func has(_ index: Int) -> Bool {
                if let known = found[index] { return known }
                let result = RepositoryUpdates.contains(bytes, needles[index])
                found[index] = result
                return result
            }
            return columns.contains { $0.names.contains(where: has) && $0.writers.contains(where: has) }
        }
    }
}

/// One file's Prisma Client updates and raw SQL updates.
struct PrismaWriteScan {
    let wanted: [PrismaColumn]
    let syntax: SourceFileSyntax

    static let updateMethods: Set<String> = ["update", "updateMany", "updateManyAndReturn", "upsert"]

    func written() -> Set<PrismaColumn> {
        let byAccessor = Dictionary(grouping: wanted) { Self.accessor($0.model) }
        var found = Set<PrismaColumn>()
        var byVariable: [(model: String, variable: String)] = []
        var assignedKeys: [String: Set<String>] = [:]
        func record(_ model: String, _ keys: [String]) {
            for key in keys {
                for column in byAccessor[Self.accessor(model)] ?? [] where column.field == key { found.insert(column) }
            }
        }
        func scanSQL(_ text: String) {
            for (schema, table, column) in SQLWrites.setColumns(in: text) {
                for wanted in wanted where wanted.isTable(table, schema: schema) && wanted.column.lowercased() == column {
                    found.insert(wanted)
                }
            }
        }
        syntax.forEachExpression { expression in
            switch expression {
            case .assignment(let assignment):
                if case .member(let member) = assignment.target.unwrapped, case .identifier(let object) = member.object.unwrapped {
                    assignedKeys[object.name, default: []].insert(member.property.name)
                }
            case .call(let call):
                guard case .member(let method) = call.callee.unwrapped, Self.updateMethods.contains(method.property.name),
                      case .member(let model) = method.object.unwrapped, let rows = byAccessor[model.property.name],
                      case .object(let options)? = call.arguments.first?.unwrapped,
                      let changes = UpdateFileScan.property(method.property.name == "upsert" ? "update" : "data", of: options)
                else { return }
                switch changes.unwrapped {
                case .object(let literal): record(rows[0].model, UpdateFileScan.writtenKeys(literal))
                case .identifier(let name): byVariable.append((rows[0].model, name.name))
                default: return
                }
            case .template(let template):
                scanSQL(Self.text(template))
            case .taggedTemplate(let tagged):
                scanSQL(Self.text(tagged.template))
            case .string(let string):
                scanSQL(string.value)
            default:
                return
            }
        }
        guard !byVariable.isEmpty else { return found }
        let literalKeys = UpdateFileScan.literalKeysByVariable(in: syntax)
        for (model, variable) in byVariable {
            record(model, (literalKeys[variable] ?? []) + Array(assignedKeys[variable] ?? []))
        }
        return found
    }

    /// Prisma Client's property for a model: the name with its first letter lowercased (`APIKey` → `aPIKey`).
    static func accessor(_ model: String) -> String {
        guard let first = model.first else { return model }
        return first.lowercased() + model.dropFirst()
    }

    /// A template's text, each `${…}` standing as a placeholder.
    static func text(_ template: TemplateLiteral) -> String {
        template.quasis.map { $0.cooked ?? "" }.joined(separator: " $1 ")
    }
}

/// The columns raw SQL sets when it updates a table, read from its words: enough to tell that some statement
/// maintains a column, not a parse. A word after `UPDATE` (not `SET`) or `INSERT INTO` names a target (the last
/// part of a qualified name, with the part before it as its schema); every `"column" =` after a `SET` of the same
/// statement is set on each target.
enum SQLWrites {
    static func setColumns(in text: String) -> [(schema: String?, table: String, column: String)] {
        guard text.utf8.count >= 10 else { return [] }
        let words = self.words(text.lowercased())
        var result: [(String?, String, String)] = []
        var targets: [(schema: String?, table: String)] = []
        var afterSet = false
        var index = 0
        while index < words.count {
            let word = words[index]
            switch word {
            case ";":
                targets = []
                afterSet = false
            case "update" where index + 1 < words.count && words[index + 1] != "set",
                 "into" where index > 0 && words[index - 1] == "insert":
                var next = index + 1
                if next < words.count && words[next] == "only" { next += 1 }
                // `schema.table`: the last part, and the one before it.
                var schema: String?
                while next + 2 < words.count && words[next + 1] == "." {
                    schema = words[next]
                    next += 2
                }
                if next < words.count { targets.append((schema, words[next])) }
            case "set":
                afterSet = true
            case "=" where afterSet && index > 0:
                for target in targets { result.append((target.schema, target.table, words[index - 1])) }
            default:
                break
            }
            index += 1
        }
        return result
    }

    /// Identifiers (quotes removed), and `;`, `.`, `=` as words of their own; other punctuation separates.
    /// Comments (`-- …`, `/* … */`) and string constants (`'…'`) are passed over: a `;` in them ends nothing.
    static func words(_ text: String) -> [String] {
        let characters = Array(text)
        var words: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty { words.append(current); current = "" }
        }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "-" where next == "-":
                flush()
                while index < characters.count && characters[index] != "\n" { index += 1 }
                continue
            case "/" where next == "*":
                flush()
                index += 2
                while index + 1 < characters.count && !(characters[index] == "*" && characters[index + 1] == "/") { index += 1 }
                index += 2
                continue
            case "'", "\"":
                flush()
                index += 1
                var quoted = ""
                while index < characters.count && characters[index] != character { quoted.append(characters[index]); index += 1 }
                if character == "\"" { words.append(quoted) }
            // `<=`, `>=`, `!=` compare; `:=` assigns a variable.
            case "=" where index > 0 && "<>!:".contains(characters[index - 1]):
                flush()
            case ";", ".", "=":
                flush()
                words.append(String(character))
            case _ where character.isLetter || character.isNumber || character == "_" || character == "$":
                current.append(character)
            default:
                flush()
            }
            index += 1
        }
        flush()
        return words
    }
}
