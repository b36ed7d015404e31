import Testing
@testable import TypeScript

@Suite("robustness")
struct RobustnessTests {
    @Test("empty and whitespace-only input")
    func empty() {
        for source in ["", " ", "\n\n", "// only a comment", "/**/", ";", "\u{FEFF}"] {
            let file = TypeScriptParser.parse(source)
            #expect(file.diagnostics.isEmpty, "\(source.debugDescription)")
            #expect(file.length == source.utf8.count)
        }
    }

    @Test("random bytes never crash or hang, and every range lies inside the input")
    func randomBytes() {
        var generator = SplitMix64(seed: 0x5EED)
        for round in 0..<200 {
            let count = Int(generator.next() % 2_000)
            var bytes = [UInt8](repeating: 0, count: count)
            // Half the rounds use bytes from TypeScript's alphabet, which reach deeper into the parser.
            let alphabet = Array("(){}[]<>=>;:,.?!+-*/%&|^~`'\"$#@\\ \n\tabcxyz0123 const let function class if for import export type as =>".utf8)
            for index in 0..<count {
                let random = generator.next()
                bytes[index] = round % 2 == 0 ? UInt8(truncatingIfNeeded: random) : alphabet[Int(random % UInt64(alphabet.count))]
            }
            let file = TypeScriptParser.parse(bytes)
            for diagnostic in file.diagnostics {
                #expect(diagnostic.range.lowerBound >= 0 && diagnostic.range.upperBound <= count)
            }
            for statement in file.statements {
                #expect(statement.range.upperBound <= count)
            }
            file.forEachExpression { expression in
                #expect(expression.range.lowerBound >= 0 && expression.range.upperBound <= count)
            }
        }
    }

    /// One diagnostic (`{` and `if` are not expressions; the rest nest too deep): the closers the abandoned rest of
    /// the file lacks are the consequence of giving up, not further errors.
    @Test("deeply nested brackets give one diagnostic, not a stack overflow", arguments: ["(", "[", "{", "a(", "x => ", "-", "`${", "f<", "if (x) "])
    func deepNesting(opener: String) {
        let source = "const x = " + String(repeating: opener, count: 5_000) + "1"
        let file = TypeScriptParser.parse(source)
        #expect(file.diagnostics.count == 1, "\(file.diagnostics.map(\.message))")
    }

    @Test("long chains up to the limit are walked and freed safely; longer ones are reported", arguments: [".b", " + b", "()", "!", "[0]"])
    func longChains(link: String) {
        let withinLimit = "a" + String(repeating: link, count: Parser.maximumChainLinks / 2)
        let file = parseClean(withinLimit)
        var count = 0
        file.forEachExpression { _ in count += 1 }
        #expect(count >= Parser.maximumChainLinks / 2)
        let tooLong = TypeScriptParser.parse("a" + String(repeating: link, count: Parser.maximumChainLinks + 1))
        #expect(tooLong.diagnostics.count == 1)
        #expect(tooLong.diagnostics.first?.message.hasPrefix("a statement chains too many") == true)
    }

    @Test("chains nested inside each other share one budget, so no tree gets deeper than the limits")
    func nestedChains() {
        // Each level wraps a long chain around the previous one: the tree is as deep as all chains together.
        var source = "x"
        for _ in 0..<100 { source = "f(" + source + ")" + String(repeating: ".b", count: 1_000) }
        let file = TypeScriptParser.parse(source)
        #expect(file.diagnostics.first?.message.hasPrefix("a statement chains too many") == true)
        // Separate statements each get the full budget.
        let statements = String(repeating: "a" + String(repeating: ".b", count: 1_000) + ";\n", count: 100)
        #expect(TypeScriptParser.parse(statements).diagnostics.isEmpty)
    }

    @Test("nesting within the limit parses cleanly")
    func moderateNesting() {
        let depth = 100
        let source = "const x = " + String(repeating: "f(", count: depth) + "1" + String(repeating: ")", count: depth) + ";"
        let file = parseClean(source)
        var calls = 0
        file.forEachExpression { if case .call = $0 { calls += 1 } }
        #expect(calls == depth)
    }

    @Test("deeply nested types are bounded too")
    func deepTypes() {
        let source = "type T = " + String(repeating: "Array<", count: 5_000) + "x" + String(repeating: ">", count: 5_000)
        #expect(!TypeScriptParser.parse(source).diagnostics.isEmpty)
    }

    @Test("a 5 MB generated file parses without errors")
    func largeFile() {
        var source = "import { pgTable, uuid, text, timestamp, index } from 'drizzle-orm/pg-core';\n"
        var index = 0
        while source.utf8.count < 5_000_000 {
            source += """
                export const table\(index) = pgTable('table_\(index)', {
                  id: uuid('id').defaultRandom().primaryKey(),
                  name: text('name').notNull(),
                  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow(),
                  ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
                }, (t) => [index('table_\(index)_owner_idx').on(t.ownerId)]);

                """
            index += 1
        }
        let file = TypeScriptParser.parse(source)
        #expect(file.diagnostics.isEmpty)
        #expect(file.statements.count == index + 1)
    }

    @Test("many errors stop at a bounded number of diagnostics")
    func diagnosticCap() {
        let source = String(repeating: "const = ;\n", count: 10_000)
        let file = TypeScriptParser.parse(source)
        #expect(file.diagnostics.count <= Parser.maximumDiagnostics + 1)
        #expect(file.diagnostics.last?.message == "too many syntax errors: the rest of the file was not read")
    }

    @Test("parsing is safe from several threads at once")
    func concurrent() async {
        let source = "export const users = pgTable('users', { id: uuid('id').primaryKey() }, (t) => [index('i').on(t.id)]);"
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var total = 0
                    for _ in 0..<50 { total += TypeScriptParser.parse(source).statements.count }
                    return total
                }
            }
            var counts: [Int] = []
            for await count in group { counts.append(count) }
            return counts
        }
        #expect(counts == Array(repeating: 50, count: 8))
    }
}

/// A small deterministic generator, so the random-input test is reproducible.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
