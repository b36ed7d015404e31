import Testing
@testable import TypeScript

@Suite("JSX (tsx dialect)")
struct JSXTests {
    private func parseTSX(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> SourceFileSyntax {
        let file = TypeScriptParser.parse(source, dialect: .tsx)
        for diagnostic in file.diagnostics {
            Issue.record("unexpected diagnostic \(diagnostic) in: \(source)", sourceLocation: sourceLocation)
        }
        return file
    }

    private func initializer(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let file = parseTSX(source, sourceLocation: sourceLocation)
        guard case .variable(let declaration)? = file.statements.first, let value = declaration.declarators.first?.initializer else {
            Issue.record("no initializer in \(source)", sourceLocation: sourceLocation)
            return ""
        }
        return sexpr(value)
    }

    @Test("elements, attributes, children and fragments", arguments: [
        ("const a = <div />", "(jsx div)"),
        ("const a = <div className=\"x\" data-id={id} hidden {...props}></div>", "(jsx div className=\"x\" data-id=id hidden=true {...props})"),
        ("const a = <Foo.Bar>text {value} <b>bold</b></Foo.Bar>", "(jsx Foo.Bar text {value} text (jsx b text))"),
        ("const a = <>{items.map((i) => <li key={i.id}>{i.name}</li>)}</>", "(jsx <> {(call (. items map) (=> (params i) (jsx li key=(. i id) {(. i name)})))})"),
        ("const a = <p>// not a comment {/* a comment */}</p>", "(jsx p text {})"),
        ("const a = <Select<Option> value={v} />", "(jsx Select value=v)"),
        ("const a = <a href=\"/x\">go</a>", "(jsx a href=\"/x\" text)"),
        ("const a = <path d=\"M1,0\n\t\tL2,3\" title='C:\\dir' />", "(jsx path d=\"M1,0\n\t\tL2,3\" title=\"C:\\dir\")"),
        ("const a = cond ? <A /> : <B></B>", "(?: cond (jsx A) (jsx B))"),
        ("const a = <T,>(x: T) => x", "(=> (params x:T) x)"),
        ("const a = <div>{`t ${x}`}</div>", "(jsx div {(template \"t \" x \"\")})"),
    ])
    func elements(source: String, expected: String) {
        #expect(initializer(source) == expected)
    }

    @Test("query code in a server component is found by the walk")
    func queryInComponent() {
        let source = """
            export default async function Page({ params }: Props) {
              const rows = await db.select().from(users).where(eq(users.id, params.id));
              return <main className="p-4">{rows.map((r) => <Row key={r.id} row={r} />)}</main>;
            }
            """
        let file = parseTSX(source)
        var callees: [String] = []
        file.forEachExpression { if case .call(let call) = $0 { callees.append(slice(source, call.callee.range)) } }
        #expect(callees.contains("db.select().from(users).where"))
        #expect(callees.contains("rows.map"))
        let comments = file.comments
        #expect(comments.isEmpty)
    }

    @Test("mismatched and unclosed tags are reported")
    func errors() {
        let mismatched = TypeScriptParser.parse("const a = <div></span>;\nconst b = 1;", dialect: .tsx)
        #expect(mismatched.diagnostics.first?.message == "expected `</div>` to close the element opened at line 1, column 11")
        #expect(mismatched.statements.count == 2)
        let unclosed = TypeScriptParser.parse("const a = <div>", dialect: .tsx)
        #expect(unclosed.diagnostics.count == 1)
    }

    @Test("the dialect follows the file extension; .ts keeps `<T>x` assertions")
    func dialects() {
        #expect(SourceDialect(path: "app/page.tsx") == .tsx)
        #expect(SourceDialect(path: "a.jsx") == .tsx)
        #expect(SourceDialect(path: "schema.ts") == .typeScript)
        #expect(sexpr(parseExpression("<T>x")) == "(<> x)")
    }
}
