import Testing
import YAML

@Suite struct YAMLReaderTests {
    @Test func keepsOneBasedMarksOfEveryNode() throws {
        let root = try #require(try YAMLReader.parse(Array("rules:\n  gist/secret: off\n".utf8)))
        let value = try #require(root["rules"]?["gist/secret"])
        #expect(value.scalar == "off")
        #expect((value.line, value.column) == (2, 16))
    }

    @Test func quotedScalarsAreNotNull() throws {
        let root = try #require(try YAMLReader.parse(Array("a: ~\nb: \"~\"\n".utf8)))
        #expect(root["a"]?.isNull == true)
        #expect(root["b"]?.isNull == false)
    }

    @Test func syntaxErrorsAreLocated() {
        #expect(throws: YAMLError.self) { try YAMLReader.parse(Array("a: [1, 2\nb: 3\n".utf8)) }
    }

    @Test func aliasExpansionIsBounded() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        #expect(throws: YAMLError.self) { try YAMLReader.parse(Array(yaml.utf8)) }
    }

    @Test func emptyDocumentIsNil() throws {
        #expect(try YAMLReader.parse([]) == nil)
    }
}
