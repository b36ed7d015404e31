import Testing
@testable import TypeScript

@Suite("statements and declarations")
struct StatementTests {
    @Test("import declarations")
    func imports() throws {
        let source = """
            import 'side-effect';
            import def from './a';
            import def2, { a, b as c, type D, "e-f" as e } from "./b";
            import * as ns from './c';
            import def3, * as ns2 from './d';
            import type { T } from './types';
            import type X from './x';
            import type from './type';
            import { type } from './y';
            import data from './data.json' with { type: 'json' };
            import fs = require('fs');
            """
        let file = parseClean(source)
        #expect(file.statements.count == 11)
        var imports: [ImportDeclaration] = []
        for statement in file.statements { if case .import(let declaration) = statement { imports.append(declaration) } }
        #expect(imports.count == 10)
        #expect(imports[0].isSideEffectOnly && imports[0].source.value == "side-effect")
        #expect(imports[1].defaultBinding?.name == "def" && imports[1].source.value == "./a")
        let named = imports[2].namedBindings
        #expect(imports[2].defaultBinding?.name == "def2")
        #expect(named.map(\.imported.name) == ["a", "b", "D", "e-f"])
        #expect(named.map(\.local.name) == ["a", "c", "D", "e"])
        #expect(named.map(\.isTypeOnly) == [false, false, true, false])
        #expect(slice(source, named[1].range) == "b as c")
        #expect(imports[3].namespaceBinding?.name == "ns")
        #expect(imports[4].defaultBinding?.name == "def3" && imports[4].namespaceBinding?.name == "ns2")
        #expect(imports[5].isTypeOnly && imports[5].namedBindings.map(\.local.name) == ["T"])
        #expect(imports[6].isTypeOnly && imports[6].defaultBinding?.name == "X")
        #expect(!imports[7].isTypeOnly && imports[7].defaultBinding?.name == "type")
        #expect(imports[8].namedBindings.map(\.local.name) == ["type"] && !imports[8].namedBindings[0].isTypeOnly)
        #expect(imports[9].attributes.map { slice(source, $0) } == "with { type: 'json' }")
        #expect(slice(source, imports[9].range) == "import data from './data.json' with { type: 'json' };")
        guard case .typeOnly(let importEquals) = file.statements[10] else {
            Issue.record("import = require is not type-only")
            return
        }
        #expect(importEquals.kind == .importEquals && importEquals.name?.name == "fs")
    }

    @Test("export declarations")
    func exports() {
        let source = """
            export const a = 1, b = 2;
            export function f() {}
            export async function g() {}
            export class C {}
            export default pgTable('x', {});
            export { a as aa, b };
            export { x, y as default } from './x';
            export * from './all';
            export * as ns from './ns';
            export type { T } from './t';
            export type U = string;
            export interface I { a: string }
            export enum E { A, B }
            export default function () {}
            export = foo;
            """
        let file = parseClean(source)
        let kinds = file.statements.map { statement -> String in
            guard case .export(let export) = statement else { return "not-export" }
            switch export.kind {
            case .declaration(let inner):
                switch inner {
                case .variable: return "var"
                case .function(let function): return "function \(function.name?.name ?? "_")\(function.isAsync ? " async" : "")"
                case .class(let classSyntax): return "class \(classSyntax.name?.name ?? "_")"
                case .typeOnly(let declaration): return "type-only \(declaration.kind) \(declaration.name?.name ?? "_")"
                case .enum(let enumeration): return "enum \(enumeration.name.name) \(enumeration.members.map(\.name.name))"
                default: return "other declaration"
                }
            case .defaultDeclaration(let inner):
                if case .function(let function) = inner { return "default function \(function.name?.name ?? "_")" }
                return "default declaration"
            case .defaultExpression(let expression): return "default \(sexpr(expression))"
            case .named(let specifiers, let source):
                let names = specifiers.map { $0.local.name == $0.exported.name ? $0.local.name : "\($0.local.name) as \($0.exported.name)" }
                return "named\(export.isTypeOnly ? " type" : "") \(names)\(source.map { " from \($0.value)" } ?? "")"
            case .all(let alias, let source): return "all \(alias?.name ?? "_") from \(source.value)"
            case .assignment(let expression): return "= \(sexpr(expression))"
            }
        }
        #expect(kinds == [
            "var", "function f", "function g async", "class C", "default (call pgTable \"x\" (object))",
            "named [\"a as aa\", \"b\"]", "named [\"x\", \"y as default\"] from ./x", "all _ from ./all", "all ns from ./ns",
            "named type [\"T\"] from ./t", "type-only typeAlias U", "type-only interface I", "enum E [\"A\", \"B\"]",
            "default function _", "= foo",
        ])
        #expect(slice(source, file.statements[0].range) == "export const a = 1, b = 2;")
    }

    @Test("variable declarations with patterns, types and definite assignment")
    func variables() {
        let source = "let x!: number; const { a, b: [c], ...d }: T = obj, [e = 1, , ...f] = arr; var g; using h = r(); await using i = r();"
        let file = parseClean(source)
        guard case .variable(let first) = file.statements[0], case .variable(let second) = file.statements[1] else {
            Issue.record("not variables")
            return
        }
        #expect(first.kind == .let && first.declarators[0].isDefinite)
        #expect(first.declarators[0].typeAnnotation.map { slice(source, $0) } == "number")
        #expect(second.declarators.map { pattern($0.pattern) } == ["{a, b: [c], ...d}", "[e = 1, _, ...f]"])
        #expect(slice(source, second.declarators[0].range) == "{ a, b: [c], ...d }: T = obj")
        let kinds = file.statements.compactMap { statement -> VariableDeclaration.Kind? in
            if case .variable(let declaration) = statement { declaration.kind } else { nil }
        }
        #expect(kinds == [.let, .const, .var, .using, .awaitUsing])
    }

    @Test("functions: async, generators, overloads, type parameters, this parameter")
    func functions() {
        let source = """
            function overload(a: string): string;
            function overload(a: number): number;
            function overload(a: any) { return a }
            async function* gen<T extends object = {}>(this: Window, x?: T, ...rest: T[]): AsyncGenerator<T> { yield x }
            function guard(x: unknown): asserts x is string {}
            """
        let file = parseClean(source)
        let functions = file.statements.compactMap { statement -> FunctionSyntax? in
            if case .function(let function) = statement { function } else { nil }
        }
        #expect(functions.count == 5)
        #expect(functions[0].body == nil && functions[1].body == nil && functions[2].body != nil)
        #expect(slice(source, functions[0].range) == "function overload(a: string): string")
        #expect(functions[3].isAsync && functions[3].isGenerator)
        #expect(functions[3].parameters.map(parameter) == ["this:T", "x?:T", "...rest:T"])
        #expect(functions[3].returnType.map { slice(source, $0) } == "AsyncGenerator<T>")
        #expect(functions[3].typeParameters.map { slice(source, $0) } == "<T extends object = {}>")
        #expect(functions[4].returnType.map { slice(source, $0) } == "asserts x is string")
    }

    @Test("classes: members, modifiers, decorators, index signatures, accessors")
    func classes() {
        let source = """
            @Entity()
            export abstract class Repo<T> extends Base<T> implements IRepo<T>, Other {
              @Column() private readonly name: string = 'x';
              static count = 0;
              declare foo: number;
              [key: string]: unknown;
              #secret?: string;
              constructor(private db: Db, public readonly x = 1) { super(); }
              get value(): T { return this.v }
              set value(v: T) {}
              static async *items() {}
              abstract find(id: string): Promise<T>;
              override toString() { return '' }
              static { init(); }
              get = 1;
              static() {}
              async
              method() {}
            }
            """
        let file = parseClean(source)
        guard case .export(let export) = file.statements.first, case .declaration(.class(let classSyntax)) = export.kind else {
            Issue.record("not an exported class")
            return
        }
        #expect(classSyntax.name?.name == "Repo" && classSyntax.isAbstract)
        #expect(classSyntax.superClass.map(sexpr) == "Base")
        #expect(classSyntax.implements.map { slice(source, $0) } == "implements IRepo<T>, Other")
        let members = classSyntax.members.map { member -> String in
            switch member {
            case .method(let method): "\(method.isStatic ? "static " : "")\(method.kind) \(key(method.key))\(method.function.body == nil ? " no-body" : "")"
            case .property(let property): "\(property.isStatic ? "static " : "")property \(key(property.key))\(property.value.map { " = \(sexpr($0))" } ?? "")"
            case .staticBlock: "static block"
            case .indexSignature: "index"
            }
        }
        #expect(members == [
            "property name = \"x\"", "static property count = 0", "property foo", "index", "property #secret",
            "constructor constructor", "getter value", "setter value", "static method items",
            "method find no-body", "method toString", "static block", "property get = 1", "method static",
            "property async", "method method",
        ])
        if case .method(let constructor) = classSyntax.members[5] {
            #expect(constructor.function.parameters.map(\.isParameterProperty) == [true, true])
        } else {
            Issue.record("member 5 is not the constructor")
        }
    }

    @Test("control flow statements")
    func controlFlow() {
        let source = """
            outer: for (let i = 0; i < n; i++) { if (a) continue outer; else break }
            for (const [k, v] of Object.entries(o)) {}
            for await (const x of stream) {}
            for (const k in obj) {}
            for (;;) break;
            while (x) x--;
            do { x++ } while (x < 10)
            try { risky() } catch (e: unknown) { handle(e) } finally { done() }
            try {} catch { }
            switch (x) { case 1: case 2: f(); break; default: g() }
            throw new Error('x');
            debugger;
            ;
            """
        let file = parseClean(source)
        let kinds = file.statements.map { statement -> String in
            switch statement {
            case .labeled(let labeled): "labeled \(labeled.label.name)"
            case .forInOf(let loop): "for-\(loop.kind)\(loop.isAwait ? "-await" : "")"
            case .for: "for"
            case .while: "while"
            case .doWhile: "do-while"
            case .try(let node): "try \(node.handler?.parameter.map(pattern) ?? "_") \(node.finalizer != nil)"
            case .switch(let node): "switch \(node.cases.map { $0.test.map(sexpr) ?? "default" })"
            case .throw: "throw"
            case .debugger: "debugger"
            case .empty: "empty"
            default: "other"
            }
        }
        #expect(kinds == [
            "labeled outer", "for-of", "for-of-await", "for-in", "for", "while", "do-while", "try e true",
            "try _ false", "switch [\"1\", \"2\", \"default\"]", "throw", "debugger", "empty",
        ])
    }

    @Test("automatic semicolon insertion and restricted productions")
    func asi() {
        let file = parseClean("function f() {\n  return\n  x\n}\nlet a = 1\nlet b = a\n++b\nconst c = d\n(e)")
        guard case .function(let function) = file.statements[0], let body = function.body else {
            Issue.record("not a function")
            return
        }
        // `return` followed by a line break returns nothing; `x` is a separate statement.
        #expect(body.statements.count == 2)
        if case .return(let returnStatement) = body.statements[0] { #expect(returnStatement.argument == nil) } else { Issue.record("no return") }
        // `++` after a line break is a prefix operator on the next line.
        #expect(file.statements.count == 5)
        if case .expression(let statement) = file.statements[3] { #expect(sexpr(statement.expression) == "(++ b)") } else { Issue.record("statement 3 is not `++b`") }
        // No ASI before `(`: `d\n(e)` is a call.
        if case .variable(let declaration) = file.statements[4] {
            #expect(declaration.declarators[0].initializer.map(sexpr) == "(call d e)")
        } else {
            Issue.record("statement 4 is not `const c`")
        }
    }

    @Test("type-only declarations are skipped exactly", arguments: [
        "type A = string | number;",
        "type Fn = (a: string, b?: number) => void;",
        "type Ctor = new (...args: any[]) => object;",
        "type Abs = abstract new () => void;",
        "type C<T> = T extends string ? 'a' : T extends number ? 'b' : never;",
        "type I<T> = T extends Array<infer U extends string> ? U : never;",
        "type J<T> = T extends [infer H, ...infer R] ? H : never;",
        "type K = keyof typeof obj;",
        "type L = readonly string[];",
        "type M = { readonly [K in keyof T]?: T[K] };",
        "type N = `prefix-${string}-${number}`;",
        "type O = typeof import('./x');",
        "type P = import('./x').Y<Z>;",
        "type Q = unique symbol;",
        "type R = A['b']['c'][number];",
        "type S = [a: string, b?: number, ...rest: boolean[]];",
        "type T2 = -1 | 1n | 'x' | true | null | undefined | void;",
        "type U = Array<Array<Map<string, Set<number>>>>;",
        "type V<in out T, const U> = T;",
        "type W = { (x: number): string; new (x: string): W; method?(): void };",
        "type X = | A | B;",
        "type Y = ((a: string) => void)[];",
        "type Z = typeof users.$inferSelect;",
        "interface A<T> extends B<T>, C { a: string; b(): void; [k: string]: any }",
        "declare const x: number;",
        "declare function f(a: string): void;",
        "declare module 'foo' { export const x: number }",
        "declare global { interface Window { a: string } }",
        "declare namespace NS { const a: number }",
        "export declare class Q { a: string }",
        "type AA<T> = T extends (infer U extends string) ? U : never;",
        "type BB = A extends B ? C extends D ? 1 : 2 : 3;",
    ])
    func typeOnly(source: String) {
        let file = parseClean(source + "\nconst after = 1;")
        #expect(file.statements.count == 2, "\(source)")
        if let first = file.statements.first {
            let text = slice(source + "\n", first.range)
            #expect(text == source || text + ";" == source, "range of \(source)")
        }
        if case .variable(let declaration)? = file.statements.last {
            #expect(pattern(declaration.declarators[0].pattern) == "after")
        } else {
            Issue.record("`const after` is not the last statement after \(source)")
        }
    }

    @Test("type annotations in expressions are skipped exactly")
    func annotations() {
        let source = "const f = (x: { a: Array<string>; b: () => void }, y: [number, string?] = [1]): Promise<void> => g(x, y);"
        let expression = parseInitializer(source)
        #expect(sexpr(expression) == "(=> (params x:T y:T=(array 1)) (call g x y))")
        if case .arrow(let arrow) = expression {
            #expect(arrow.parameters[0].typeAnnotation.map { slice(source, $0) } == "{ a: Array<string>; b: () => void }")
            #expect(arrow.returnType.map { slice(source, $0) } == "Promise<void>")
        } else {
            Issue.record("not an arrow function")
        }
    }

    @Test("enums and namespaces")
    func enumsAndNamespaces() {
        let file = parseClean("const enum Color { Red = 'RED', Green = 'GREEN', 'Blue' }\nnamespace A.B { export const x = f(); }\nmodule M {}")
        guard case .enum(let enumeration) = file.statements[0], case .namespace(let namespace) = file.statements[1] else {
            Issue.record("unexpected statements")
            return
        }
        #expect(enumeration.isConst && enumeration.members.map(\.name.name) == ["Red", "Green", "Blue"])
        #expect(enumeration.members[0].initializer.map(sexpr) == "\"RED\"")
        #expect(namespace.name.map(\.name) == ["A", "B"] && namespace.body.count == 1)
        #expect(file.statements.count == 3)
    }

    @Test("contextual keywords used as names")
    func contextualKeywords() {
        let file = parseClean("""
            const type = 1; let async = 2; var of = 3, get = 4, set = 5, from = 6, as = 7, declare = 8;
            type = 2; async(); declare; module.exports = {}; namespace.x; abstract; interface
            let let2 = { type, async, from }
            """)
        #expect(file.statements.count == 11)
    }

    @Test("comments are collected with their text and ranges")
    func comments() {
        let source = "// schemalint: high-frequency\nconst a = 1; /* block\n comment */ // trailing\n/** doc */ function f() {}"
        let file = parseClean(source)
        #expect(file.comments.map(\.text) == [" schemalint: high-frequency", " block\n comment ", " trailing", "* doc "])
        #expect(file.comments.map(\.kind) == [.line, .block, .line, .block])
        #expect(file.comments.map { slice(source, $0.range) } == ["// schemalint: high-frequency", "/* block\n comment */", "// trailing", "/** doc */"])
        // `// trailing` follows a multi-line block comment, so a line break separates it from the last token.
        #expect(file.comments.map(\.startsLine) == [true, false, true, true])
        #expect(file.statements.count == 2)
    }

    @Test("comments are recorded once even when the parser backtracks over them")
    func commentsAfterBacktracking() {
        let file = parseClean("const f = (a /* one */, b // two\n) => a;\nconst g = (a /* three */) + 1;\nx = a < /* four */ b;")
        #expect(file.comments.map(\.text) == [" one ", " two", " three ", " four "])
    }

    @Test("a hashbang line is a comment")
    func hashbang() {
        let file = parseClean("#!/usr/bin/env node\nconsole.log(1)")
        #expect(file.comments.first?.text == "/usr/bin/env node")
        #expect(file.statements.count == 1)
    }
}
