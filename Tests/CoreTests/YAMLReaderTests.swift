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

/// `.schemalint.yml` comes with pull requests: refused early and loudly rather than slowly or silently.
@Suite struct HostileYAMLTests {
    @Test func deepNestingStopsAtTheLimitAsItArrives() {
        let start = ContinuousClock.now
        do {
            _ = try YAMLReader.parse(Array(("ignore: " + String(repeating: "[", count: 100_000)).utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.message == "nesting deeper than 200 levels")
            #expect(error.line == 1 && error.column == 208)
        }
        #expect(ContinuousClock.now - start < .seconds(1), "the document loader took 27 s here")
    }

    @Test func aKeyGivenTwiceIsAnError() {
        do {
            _ = try YAMLReader.parse(Array("rules:\n  gist/secret: off\n  gist/secret: error\n".utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.message.hasPrefix("duplicate key `gist/secret` (first given on line 2)"))
            #expect((error.line, error.column) == (3, 3))
        }
    }

    @Test func aSecondDocumentIsAnError() {
        #expect(throws: YAMLError.self) { try YAMLReader.parse(Array("rules: {}\n---\nbaseline: x\n".utf8)) }
        #expect(throws: Never.self) { try YAMLReader.parse(Array("---\nrules: {}\n...\n".utf8)) }
    }

    @Test func anchorsAndAliasesStillRead() throws {
        let root = try #require(try YAMLReader.parse(Array("a: &x [1, 2]\nb: *x\n".utf8)))
        #expect(root["b"]?.sequence?.map(\.scalar) == ["1", "2"])
    }
}
