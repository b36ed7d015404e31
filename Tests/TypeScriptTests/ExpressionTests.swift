import Testing
@testable import TypeScript

@Suite("expressions")
struct ExpressionTests {
    @Test("operator precedence and associativity", arguments: [
        ("a + b * c", "(+ a (* b c))"),
        ("a * b + c", "(+ (* a b) c)"),
        ("a - b - c", "(- (- a b) c)"),
        ("a ** b ** c", "(** a (** b c))"),
        ("a || b && c", "(|| a (&& b c))"),
        ("a ?? b", "(?? a b)"),
        ("a = b = c", "(= a (= b c))"),
        ("a += 1", "(+= a 1)"),
        ("a >>= 2", "(>>= a 2)"),
        ("a >>> b", "(>>> a b)"),
        ("a >= b", "(>= a b)"),
        ("a ? b : c ? d : e", "(?: a b (?: c d e))"),
        ("a, b", "(, a b)"),
        ("!a instanceof B", "(instanceof (! a) B)"),
        ("'x' in obj", "(in \"x\" obj)"),
        ("typeof x === 'string'", "(=== (typeof x) \"string\")"),
        ("void 0", "(void 0)"),
        ("delete a.b", "(delete (. a b))"),
        ("-x ** 2", "(** (- x) 2)"),
        ("++i", "(++ i)"),
        ("i--", "(i --)"),
        ("a ||= b", "(||= a b)"),
        ("a ??= b", "(??= a b)"),
    ])
    func precedence(source: String, expected: String) {
        #expect(sexpr(parseExpression(source)) == expected)
    }

    @Test("member access, calls and optional chaining", arguments: [
        ("a.b.c", "(. (. a b) c)"),
        ("a?.b", "(?. a b)"),
        ("a?.[0]", "(?.[] a 0)"),
        ("a?.(1)", "(?.call a 1)"),
        ("a[b][c]", "([] ([] a b) c)"),
        ("f(a, ...b)", "(call f a (... b))"),
        ("f()()", "(call (call f))"),
        ("a.b().c", "(. (call (. a b)) c)"),
        ("this.#x", "(. this #x)"),
        ("a.default.if", "(. (. a default) if)"),
        ("a!.b", "(. (non-null a) b)"),
        ("a!", "(non-null a)"),
        ("new Foo", "(new-no-args Foo)"),
        ("new Foo(1).bar()", "(call (. (new Foo 1) bar))"),
        ("new a.b.C()", "(new (. (. a b) C))"),
        ("new Map<string, number>()", "(new Map)"),
        ("new.target", "new.target"),
        ("import.meta.url", "(. import.meta url)"),
        ("import('./x')", "(import \"./x\")"),
        ("super.x()", "(call (. super x))"),
    ])
    func memberAndCall(source: String, expected: String) {
        #expect(sexpr(parseExpression(source)) == expected)
    }

    @Test("type arguments on calls versus comparisons", arguments: [
        ("f<T>(x)", "(call<> f x)"),
        ("f<Array<T>>(x)", "(call<> f x)"),
        ("f<{ a: string }, [number]>()", "(call<> f)"),
        ("a < b", "(< a b)"),
        ("a < b > c", "(> (< a b) c)"),
        ("a < b >= c", "(>= (< a b) c)"),
        // As in TypeScript, `a < b, c > (d)` is a call with type arguments, not two comparisons.
        ("(a < b, c > (d))", "(paren (call<> a d))"),
        ("(a < b, c > d)", "(paren (, (< a b) (> c d)))"),
        ("x = a < b && c > d", "(= x (&& (< a b) (> c d)))"),
        ("db.select<User>().from(users)", "(call (. (call<> (. db select)) from) users)"),
        ("obj.m?.<T>(1)", "(?.call<> (. obj m) 1)"),
        ("sql<number>`count(*)`", "(tagged sql (template \"count(*)\"))"),
    ])
    func typeArguments(source: String, expected: String) {
        #expect(sexpr(parseExpression(source)) == expected)
    }

    @Test("arrow functions", arguments: [
        ("x => x", "(=> (params x) x)"),
        ("() => 1", "(=> (params) 1)"),
        ("(a, b) => a", "(=> (params a b) a)"),
        ("(a: string, b?: number): void => {}", "(=> (params a:T b?:T) {0})"),
        ("async x => await x", "(async=> (params x) (await x))"),
        ("async (x) => x", "(async=> (params x) x)"),
        ("async () => {}", "(async=> (params) {0})"),
        ("<T,>(x: T) => x", "(=> (params x:T) x)"),
        ("<T extends object>(x: T): T => x", "(=> (params x:T) x)"),
        ("({ a, b: [c] = [] }, ...rest) => a", "(=> (params {a, b: [c] = (array)} ...rest) a)"),
        ("([a, , b = 2]) => a", "(=> (params [a, _, b = 2]) a)"),
        ("(x = 1, { y } = {}) => y", "(=> (params x=1 {y}=(object)) y)"),
        ("(t, { eq }) => eq(t.col, x)", "(=> (params t {eq}) (call eq (. t col) x))"),
        ("(x): x is string => true", "(=> (params x) true)"),
        ("(a) => (b) => a + b", "(=> (params a) (=> (params b) (+ a b)))"),
        ("() => ({ a: 1 })", "(=> (params) (paren (object (prop a 1))))"),
        ("(f: string | ((c: X) => string)): string | ((c: X) => string) => f", "(=> (params f:T) f)"),
        ("(cb: (a: A) => void, [x]: T) => cb", "(=> (params cb:T [x]:T) cb)"),
        ("async(x)", "(call async x)"),
        ("(a)", "(paren a)"),
        ("(a, b)", "(paren (, a b))"),
        ("(a) + b", "(+ (paren a) b)"),
        ("c ? (a) : b", "(?: c (paren a) b)"),
        ("c ? (a): b => a : d", "(?: c (=> (params a) a) d)"),
    ])
    func arrows(source: String, expected: String) {
        #expect(sexpr(parseExpression(source)) == expected)
    }

    @Test("arrow functions inside call arguments, like Drizzle's third pgTable argument")
    func arrowInArguments() {
        let source = "pgTable('t', { id: uuid('id') }, (t) => [index('x').on(t.a)])"
        #expect(sexpr(parseExpression(source)) == "(call pgTable \"t\" (object (prop id (call uuid \"id\"))) (=> (params t) (array (call (. (call index \"x\") on) (. t a)))))")
        let objectForm = "pgTable('t', {}, (t) => ({ pk: primaryKey({ columns: [t.a, t.b] }) }))"
        #expect(sexpr(parseExpression(objectForm)) == "(call pgTable \"t\" (object) (=> (params t) (paren (object (prop pk (call primaryKey (object (prop columns (array (. t a) (. t b))))))))))")
    }

    @Test("type assertions, satisfies, as const, non-null", arguments: [
        ("x as string", "(as x)"),
        ("x as unknown as T[]", "(as (as x))"),
        ("[1, 2] as const", "(as-const (array 1 2))"),
        ("({ a: 1 }) satisfies Config", "(satisfies (paren (object (prop a 1))))"),
        ("<T>x", "(<> x)"),
        ("<any>window.foo", "(<> (. window foo))"),
        ("a as any + 1", "(+ (as a) 1)"),
        ("x! + y", "(+ (non-null x) y)"),
        ("x! / 2", "(/ (non-null x) 2)"),
    ])
    func assertions(source: String, expected: String) {
        #expect(sexpr(parseExpression(source)) == expected)
    }

    @Test("object literals", arguments: [
        ("({ a: 1, 'b-c': 2, 3: x, [k]: v })", "(paren (object (prop a 1) (prop 'b-c' 2) (prop 3 x) (prop [k] v)))"),
        ("({ a, ...rest })", "(paren (object (short a) (... rest)))"),
        ("({ m() {}, get x() { return 1 }, set x(v) {}, async f() {}, *g() {} })", "(paren (object (method m) (getter x) (setter x) (method f) (method g)))"),
        ("({ get: 1, set: 2, async: 3, static: 4 })", "(paren (object (prop get 1) (prop set 2) (prop async 3) (prop static 4)))"),
        ("({ get, async })", "(paren (object (short get) (short async)))"),
        ("({ default: 1, if: 2, })", "(paren (object (prop default 1) (prop if 2)))"),
        ("({ a = 1 } = b)", "(paren (= (object (short a = 1)) b))"),
    ])
    func objects(source: String, expected: String) {
        #expect(sexpr(parseExpression(source)) == expected)
    }

    @Test("literals", arguments: [
        ("'a\\nb'", "\"a\nb\""),
        ("\"\\u{1F600}\\x41\\u0042\"", "\"😀AB\""),
        ("'it\\'s'", "\"it's\""),
        ("0x1F", "0x1F"),
        ("1_000n", "1_000n"),
        ("[1, , 2,]", "(array 1 _ 2)"),
        ("`a${b}c${d}`", "(template \"a\" b \"c\" d \"\")"),
        ("`${`inner ${x}`}`", "(template \"\" (template \"inner \" x \"\") \"\")"),
        ("`a${ { b: 1 }.b }c`", "(template \"a\" (. (object (prop b 1)) b) \"c\")"),
        ("sql`now()`", "(tagged sql (template \"now()\"))"),
        ("sql`${a} + ${b}`", "(tagged sql (template \"\" a \" + \" b \"\"))"),
        ("/ab+c/gi", "/ab+c/gi"),
        ("/[/]/.test(s)", "(call (. /[/]/ test) s)"),
        ("a / b / c", "(/ (/ a b) c)"),
        ("x = /=/", "(= x /=/)"),
        ("!/x/.test(s)", "(! (call (. /x/ test) s))"),
        ("true && null", "(&& true null)"),
    ])
    func literals(source: String, expected: String) {
        #expect(sexpr(parseExpression(source)) == expected)
    }

    @Test("number values")
    func numberValues() {
        let cases: [(String, Double)] = [("42", 42), ("0x1F", 31), ("0o17", 15), ("0b101", 5), ("1_000", 1000), ("1e3", 1000), (".5", 0.5), ("017", 15), ("019", 19)]
        for (source, value) in cases {
            guard case .number(let literal) = parseExpression(source) else {
                Issue.record("not a number: \(source)")
                continue
            }
            #expect(literal.value == value, "\(source)")
            #expect(literal.text == source)
        }
    }

    @Test("function and class expressions, await and yield")
    func functionsAndClasses() {
        #expect(sexpr(parseExpression("(function named(a, b) { return a })")) == "(paren (function named (params a b) {1}))")
        #expect(sexpr(parseExpression("(async function () {})")) == "(paren (async-function _ (params) {0}))")
        #expect(sexpr(parseExpression("(class extends Base {})")) == "(paren (class _))")
        let generator = parseClean("function* g() { const x = yield 1; yield* other(); yield }")
        var yields: [String] = []
        generator.forEachExpression { expression in
            if case .yield = expression { yields.append(sexpr(expression)) }
        }
        #expect(yields == ["(yield 1)", "(yield* (call other))", "(yield)"])
        #expect(sexpr(parseExpression("await db.query.users.findFirst()")) == "(await (call (. (. (. db query) users) findFirst)))")
        #expect(sexpr(parseExpression("await(x)")) == "(await (paren x))")
    }

    @Test("ranges cover exactly the node's text")
    func ranges() {
        let source = "  db.query.subscriptions.findFirst({ where: and(eq(subscriptions.userId, x)) }) ;"
        guard case .call(let call) = parseExpression(source) else {
            Issue.record("not a call")
            return
        }
        #expect(slice(source, call.range) == "db.query.subscriptions.findFirst({ where: and(eq(subscriptions.userId, x)) })")
        #expect(slice(source, call.callee.range) == "db.query.subscriptions.findFirst")
        guard case .object(let options) = call.arguments.first, case .property(let whereProperty) = options.members.first else {
            Issue.record("no options object")
            return
        }
        #expect(slice(source, options.range) == "{ where: and(eq(subscriptions.userId, x)) }")
        #expect(slice(source, whereProperty.range) == "where: and(eq(subscriptions.userId, x))")
        #expect(slice(source, whereProperty.value.range) == "and(eq(subscriptions.userId, x))")
        #expect(whereProperty.key.staticName == "where")
    }

    @Test("ranges of literals, templates and arrows with multi-byte text")
    func multiByteRanges() {
        let source = "const s = 'héllo' + `ü${x}ß` + ((é) => é)"
        guard case .binary(let outer) = parseInitializer(source), case .binary(let inner) = outer.left else {
            Issue.record("unexpected shape")
            return
        }
        #expect(slice(source, inner.left.range) == "'héllo'")
        #expect(slice(source, inner.right.range) == "`ü${x}ß`")
        #expect(slice(source, outer.right.range) == "((é) => é)")
        if case .template(let template) = inner.right {
            #expect(template.quasis.map { slice(source, $0.range) } == ["ü", "ß"])
        } else {
            Issue.record("not a template literal")
        }
    }
}
