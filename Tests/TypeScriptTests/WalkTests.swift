import Testing
@testable import TypeScript

@Suite("walking the tree")
struct WalkTests {
    @Test("forEachExpression reaches expressions inside functions, classes, defaults and templates")
    func reachesEverywhere() {
        let source = """
            export async function load(id = defaultId()) {
              const rows = await db.query.subscriptions.findFirst({ where: (t, { eq }) => eq(t.userId, id) });
              class Repo { items = db.select().from(items); method() { return `x${db.insert(a)}` } }
              for (const r of list) { if (r) { db.delete(b) } }
              return rows;
            }
            """
        let file = parseClean(source)
        var callees: [String] = []
        file.forEachExpression { expression in
            if case .call(let call) = expression { callees.append(slice(source, call.callee.range)) }
        }
        #expect(callees == [
            "defaultId", "db.query.subscriptions.findFirst", "eq", "db.select().from", "db.select", "db.insert", "db.delete",
        ])
    }

    @Test("forEachExpression visits outer expressions before inner ones")
    func preOrder() {
        var visited: [String] = []
        parseExpression("a + f(b)").forEachExpression { visited.append(sexpr($0)) }
        #expect(visited == ["(+ a (call f b))", "a", "(call f b)", "f", "b"])
    }

    @Test("forEachStatement reaches nested statements")
    func statements() {
        let file = parseClean("function f() { if (a) { return 1 } else { throw e } }\nconst g = () => { while (x) {} }")
        var returns = 0
        var throwsCount = 0
        var whiles = 0
        file.forEachStatement { statement in
            switch statement {
            case .return: returns += 1
            case .throw: throwsCount += 1
            case .while: whiles += 1
            default: break
            }
        }
        // Statements inside expressions (the arrow function's `while`) are reached too.
        #expect((returns, throwsCount, whiles) == (1, 1, 1))
        var arrowBlocks = 0
        file.forEachExpression { if case .arrow(let arrow) = $0, case .block = arrow.body { arrowBlocks += 1 } }
        #expect(arrowBlocks == 1)
    }

    @Test("unwrapped strips parentheses, assertions and non-null")
    func unwrapped() {
        #expect(sexpr(parseExpression("((x as any)!) satisfies T").unwrapped) == "x")
    }
}
