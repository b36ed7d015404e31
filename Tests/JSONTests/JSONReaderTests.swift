import Testing
@testable import JSON

private func parse(_ text: String) -> JSONNode? {
    try? JSONReader.parse(Array(text.utf8)).get()
}

private func failure(_ text: String) -> JSONSyntaxError? {
    if case .failure(let error) = JSONReader.parse(Array(text.utf8)) { return error }
    return nil
}

@Suite struct JSONReaderTests {
    @Test func readsScalarsWithRanges() throws {
        let root = try #require(parse(#" {"a": 1, "b": [true, null, "x"], "c": -2.5e1} "#))
        #expect(root.range == 1..<46)
        let a = try #require(root["a"])
        #expect(a.numberValue == JSONNumber(1))
        #expect(a.range == 7..<8)
        let b = try #require(root["b"]?.arrayValue)
        #expect(b.map(\.value) == [.bool(true), .null, .string("x")])
        #expect(b[2].range == 28..<31)
        #expect(root.objectMembers?.map(\.key) == ["a", "b", "c"])
        #expect(root.objectMembers?[1].keyRange == 10..<13)
        #expect(root["c"]?.numberValue?.double == -25)
        #expect(root["c"]?.numberValue?.isInteger == true)
    }

    @Test func keepsDuplicateMembersAndLastWins() throws {
        let root = try #require(parse(#"{"k": 1, "k": 2}"#))
        #expect(root.objectMembers?.count == 2)
        #expect(root["k"]?.numberValue == JSONNumber(2))
    }

    @Test func integersAreMathematical() throws {
        let cases: [(String, Bool)] = [("1", true), ("1.0", true), ("1e2", true), ("1.5", false), ("15e-1", false),
                                       ("10e-1", true), ("0.0", true), ("-0", true), ("1.50e1", true), ("1e-400", false)]
        for (literal, expected) in cases {
            #expect(parse(literal)?.numberValue?.isInteger == expected, "\(literal)")
        }
        #expect(parse("1")?.value != parse("true")?.value)
        #expect(parse("1.0")?.numberValue == parse("1")?.numberValue)
        #expect(parse("1.0")?.value.typeName == "integer")
    }

    @Test func decodesEscapesAndUnicode() throws {
        #expect(parse(#""a\"b\\c\/\n\u00e9\ud83d\ude00""#)?.stringValue == "a\"b\\c/\né😀")
        #expect(parse("\"héllo\"")?.stringValue == "héllo")
        #expect(parse(#""\ud800""#)?.stringValue == "\u{FFFD}")
    }

    @Test func toleratesByteOrderMark() throws {
        let root = try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)).get()
        #expect(root.range == 3..<6)
    }

    @Test(arguments: [
        (#"{"a": 1 "b": 2}"#, "expected `,` or `}` after object member", 8..<11),
        (#"[1 2]"#, "expected `,` or `]` after array element", 3..<4),
        (#"{"a": "x"#, "unterminated string", 6..<8),
        (#"["\q"]"#, #"invalid escape `\q`"#, 2..<4),
        (#"{"a": "#, "unexpected end of input", 6..<6),
        (#"[1,]"#, "trailing comma before `]`", 2..<3),
        (#"{"a":1,}"#, "trailing comma before `}`", 6..<7),
        ("// c\n1", "comments are not allowed in JSON", 0..<2),
        ("{a: 1}", "object keys must be double-quoted strings", 1..<2),
        ("tru", "unexpected token `tru`", 0..<3),
        ("NaN", "unexpected token `NaN`", 0..<3),
        ("01", "invalid number `01`: leading zeros are not allowed", 0..<2),
        ("1.", "invalid number: expected a digit after `.`", 0..<2),
        ("[1] 2", "unexpected content after the JSON value", 4..<5),
        ("", "unexpected end of input", 0..<0),
        ("{\"a\" 1}", "expected `:` after object key", 5..<6),
        ("\"a\nb\"", "unterminated string (line break inside string)", 0..<2),
    ])
    func reportsLocatedErrors(input: String, message: String, range: Range<Int>) throws {
        let error = try #require(failure(input))
        #expect(error.message == message)
        #expect(error.range == range)
    }

    @Test func rejectsInvalidUTF8() throws {
        guard case .failure(let error) = JSONReader.parse([0x22, 0x61, 0xFF, 0x22]) else {
            Issue.record("expected failure"); return
        }
        #expect(error.message == "invalid UTF-8 byte 0xFF")
        #expect(error.range == 2..<3)
        guard case .failure(let overlong) = JSONReader.parse([0x22, 0xC0, 0x80, 0x22]) else {
            Issue.record("expected failure"); return
        }
        #expect(overlong.range == 1..<2)
    }

    @Test func limitsNestingWithoutCrashing() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try #require(failure(deep))
        #expect(error.message == "nesting deeper than 512 levels")
        #expect(error.range == 512..<513)
        let fine = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(parse(fine) != nil)
    }

    @Test func resolvesPointers() throws {
        let root = try #require(parse(#"{"a/b": {"m~n": [10, 20]}, "": 0}"#))
        #expect(root.node(at: "/a~1b/m~0n/1")?.numberValue == JSONNumber(20))
        #expect(root.node(at: "")?.range == root.range)
        #expect(root.node(at: "/")?.numberValue == JSONNumber(0))
        #expect(root.node(at: "/a~1b/m~0n/01") == nil)
        #expect(root.node(at: "/a~2b") == nil)
        #expect(root.node(at: "a") == nil)
        #expect(JSONPointer.escape("a/b~c") == "a~1b~0c")
        #expect(JSONPointer.tokens(of: "/a~1b~0c/") == ["a/b~c", ""])
    }

    @Test func numbersCompareAndDivideExactly() throws {
        func number(_ literal: String) throws -> JSONNumber { try #require(JSONNumber(literal: literal)) }
        #expect(try number("0.0075").isMultiple(of: number("0.0001")))
        #expect(try !number("0.00751").isMultiple(of: number("0.0001")))
        #expect(try !number("1e308").isMultiple(of: number("0.123456789")))
        #expect(try number("12391239123").isMultiple(of: number("1e-8")))
        #expect(try number("4.5").isMultiple(of: number("1.5")))
        #expect(try !number("35").isMultiple(of: number("1.5")))
        #expect(try number("123456789012345678901234567890").isMultiple(of: number("10")))
        #expect(try number("246913578024691357802469135780").isMultiple(of: number("123456789012345678901234567890")))
        #expect(try !number("246913578024691357802469135781").isMultiple(of: number("123456789012345678901234567890")))
        #expect(try number("1e400") > number("1e399"))
        #expect(try number("-1e400") < number("-1e399"))
        #expect(try number("1.0") == number("1"))
        #expect(JSONNumber(literal: "01") == nil)
        #expect(try number("1e400").double == .infinity)
    }
}
