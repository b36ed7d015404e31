import Testing
@testable import TypeScript

@Suite("lexer")
struct LexerTests {
    private func kinds(_ source: String) -> [TokenKind] {
        var lexer = Lexer(bytes: Array(source.utf8))
        var kinds: [TokenKind] = []
        lexer.next()
        while lexer.token.kind != .endOfFile {
            kinds.append(lexer.token.kind)
            lexer.next()
        }
        return kinds
    }

    @Test("`/` is guessed from the previous token")
    func slashGuess() {
        #expect(kinds("a / b / c") == [.identifier, .slash, .identifier, .slash, .identifier])
        #expect(kinds("x = /a/g") == [.identifier, .equal, .regex])
        #expect(kinds("return /a/") == [.identifier, .regex])
        #expect(kinds("f(a) / 2") == [.identifier, .openParen, .identifier, .closeParen, .slash, .number])
        // An unterminated guess falls back to division instead of swallowing the line.
        #expect(kinds("x! / y") == [.identifier, .bang, .slash, .identifier])
    }

    @Test("the parser corrects the guess where the grammar knows better")
    func slashCorrections() {
        let file = parseClean("if (x) /a+/.test(s)\n{}\n/b/.exec(t)")
        var regexes: [String] = []
        file.forEachExpression { if case .regex(let regex) = $0 { regexes.append(regex.pattern) } }
        #expect(regexes == ["a+", "b"])
    }

    @Test("templates track nested braces and substitutions")
    func templates() {
        #expect(kinds("`a${ {b: 1} }c${d}e`") == [
            .templateHead, .openBrace, .identifier, .colon, .number, .closeBrace, .templateMiddle, .identifier, .templateTail,
        ])
        #expect(kinds("`x${`y${z}`}`") == [.templateHead, .templateHead, .identifier, .templateTail, .templateTail])
        // A `//` inside template text is not a comment.
        var lexer = Lexer(bytes: Array("`${a}https://x` // real".utf8))
        repeat { lexer.next() } while lexer.token.kind != .endOfFile
        #expect(lexer.comments.map(\.text) == [" real"])
    }

    @Test("`>` stays single so nested type arguments close; expressions join it")
    func greater() {
        #expect(kinds("a>>=b") == [.identifier, .greater, .greater, .equal, .identifier])
        #expect(sexpr(parseExpression("a >>>= b")) == "(>>>= a b)")
        #expect(parseClean("let x: Map<string, Array<number>>= new Map()").statements.count == 1)
    }

    @Test("punctuators, optional chaining and numbers")
    func punctuators() {
        #expect(kinds("a?.b ?? c ??= d") == [.identifier, .questionDot, .identifier, .questionQuestion, .identifier, .questionQuestionEqual, .identifier])
        // `?.5` is a conditional with a number, not optional chaining.
        #expect(kinds("a?.5:b") == [.identifier, .question, .number, .colon, .identifier])
        #expect(kinds("1.5e-3 .5 0xFFn 1_000") == [.number, .number, .bigint, .number])
        #expect(kinds("... => === !== **= &&= ||=") == [.dotDotDot, .arrow, .equalEqualEqual, .bangEqualEqual, .starStarEqual, .ampersandAmpersandEqual, .barBarEqual])
    }

    @Test("keywords are recognised from bytes, escaped identifiers are not keywords")
    func keywords() {
        var lexer = Lexer(bytes: Array("constructor instanceof \\u0069f ifx".utf8))
        var keywords: [Keyword?] = []
        lexer.next()
        while lexer.token.kind != .endOfFile {
            keywords.append(lexer.token.keyword)
            lexer.next()
        }
        #expect(keywords == [.constructor, .instanceof, nil, nil])
        #expect(sexpr(parseExpression("\\u0061bc")) == "abc")
    }

    @Test("unicode whitespace and line separators are trivia")
    func unicodeTrivia() {
        let file = parseClean("const\u{00A0}a = 1\u{2028}const b = 2\u{FEFF}")
        #expect(file.statements.count == 2)
    }
}
