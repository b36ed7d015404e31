import Testing
@testable import TypeScript

@Suite("error recovery")
struct RecoveryTests {
    /// The statements' first lines, to see what survived.
    private func heads(_ file: SourceFileSyntax, _ source: String) -> [String] {
        file.statements.map { statement in
            String(slice(source, statement.range).prefix { $0 != "\n" })
        }
    }

    @Test("a broken statement in the middle leaves the statements after it intact")
    func brokenMiddleStatement() {
        let source = """
            const a = 1;
            const b = foo(1, 2;
            const c = pgTable('c', {});
            export const d = 4;
            """
        let file = TypeScriptParser.parse(source)
        #expect(file.diagnostics.count == 1)
        let diagnostic = file.diagnostics[0]
        #expect(slice(source, diagnostic.range) == ";")
        #expect(diagnostic.message == "expected `)` to close the argument list opened at line 2, column 14, found `;`")
        #expect(heads(file, source).suffix(2) == ["const c = pgTable('c', {});", "export const d = 4;"])
    }

    @Test("a statement reports its first syntax error, not what the parser trips over after it; each statement its own")
    func oneErrorPerStatement() {
        let source = """
            export const notes = pgTable("notes", {
              title: text("title") ) });
            export const tags = pgTable("tags", { name: text("name") + });
            export const ok = 1;
            """
        let file = TypeScriptParser.parse(source)
        #expect(file.diagnostics.map(\.message) == [
            "expected `}` to close the object literal opened at line 1, column 39, found `)`",
            "expected an expression, found `}`",
        ])
        #expect(file.diagnostics.map { slice(source, $0.range) } == [")", "}"])
        #expect(heads(file, source).last == "export const ok = 1;")
    }

    @Test("garbage tokens are skipped up to the next declaration")
    func garbage() {
        let source = "const a = 1\n) ] const x = = 3 ?? ; )\nconst b = 2\nfunction f() { return 1 }\n"
        let file = TypeScriptParser.parse(source)
        #expect(!file.diagnostics.isEmpty)
        #expect(slice(source, file.diagnostics[0].range) == ")")
        #expect(heads(file, source).filter { $0.hasPrefix("const b") || $0.hasPrefix("function f") }.count == 2)
    }

    @Test("an error inside a function body does not lose the rest of the body or the file")
    func errorInsideBody() {
        let source = """
            export function handler() {
              const x = ;
              return db.select().from(users);
            }
            export const after = 1;
            """
        let file = TypeScriptParser.parse(source)
        #expect(file.diagnostics.count == 1)
        #expect(file.diagnostics.first?.message == "expected an expression, found `;`")
        #expect(file.diagnostics.first.map { slice(source, $0.range) } == ";")
        #expect(file.statements.count == 2)
        var calls: [String] = []
        file.forEachExpression { expression in
            if case .call(let call) = expression, case .member(let member) = call.callee { calls.append(member.property.name) }
        }
        #expect(calls == ["from", "select"])
    }

    @Test("a missing comma in an object literal is reported and the rest of the object is read")
    func missingComma() {
        let source = "const t = { a: 1 b: 2, c: 3 };\nconst u = 1;"
        let file = TypeScriptParser.parse(source)
        #expect(file.diagnostics.count == 1)
        #expect(file.diagnostics.first.map { slice(source, $0.range) } == "b")
        guard case .variable(let declaration) = file.statements[0], case .object(let object)? = declaration.declarators[0].initializer else {
            Issue.record("not an object")
            return
        }
        #expect(object.members.count == 3)
        #expect(file.statements.count == 2)
    }

    @Test("an unclosed block is reported at the end of the file")
    func unclosedBlock() {
        let source = "function f() {\n  if (x) {\n    g()\n"
        let file = TypeScriptParser.parse(source)
        #expect(file.diagnostics.count == 1)
        #expect(file.diagnostics.first?.message.hasPrefix("expected `}` to close the block opened at line 2, column 10") == true)
        #expect(file.diagnostics.first?.range == source.utf8.count..<source.utf8.count)
    }

    @Test("lexical errors are located")
    func lexicalErrors() {
        let cases: [(String, String, String)] = [
            ("const s = 'abc\nconst t = 1", "unterminated string literal", "'abc"),
            ("const s = `abc", "unterminated template literal: expected a closing backtick", "`abc"),
            ("/* never closed", "unterminated comment: expected `*/`", "/*"),
            ("const x = 1\u{1}", "unexpected character", "\u{1}"),
            ("const n = 3in", "an identifier cannot directly follow a number", "in"),
        ]
        for (source, message, text) in cases {
            let file = TypeScriptParser.parse(source)
            #expect(file.diagnostics.first?.message == message, "\(source)")
            #expect(file.diagnostics.first.map { slice(source, $0.range) } == text, "\(source)")
        }
    }

    @Test("a missing `=>` body, a bad parameter and a stray keyword each give one diagnostic")
    func variousErrors() {
        let cases = [
            "const f = (a, b) => ;\nconst ok = 1",
            "function f(1) {}\nconst ok = 1",
            "const x = class;\nconst ok = 1",
            "if (a { b() }\nconst ok = 1",
            "import { a from './a'\nconst ok = 1",
        ]
        for source in cases {
            let file = TypeScriptParser.parse(source)
            #expect(!file.diagnostics.isEmpty, "\(source)")
            #expect(file.diagnostics.count <= 2, "\(source): \(file.diagnostics)")
            let last = file.statements.last.map { slice(source, $0.range) }
            #expect(last == "const ok = 1", "\(source)")
        }
    }

    @Test("invalid UTF-8 is reported and the rest is still read")
    func invalidUTF8() {
        var bytes = Array("const a = 'x".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("';\nconst b = 2;".utf8)
        let file = TypeScriptParser.parse(bytes)
        #expect(file.diagnostics.count == 1)
        #expect(file.diagnostics.first?.range == 12..<13)
        #expect(file.statements.count == 2)
    }
}
