import Testing
import JSON

/// `migration/edited-after-merge` compares merged drizzle-kit snapshots as JSON text.
@Suite struct JSONTextDifferenceTests {
    private func difference(_ old: String, _ new: String) -> Int? {
        JSONTextDifference.first(Array(old.utf8), Array(new.utf8))
    }

    @Test func aReflowIsNotAnEdit() {
        #expect(difference("{\n  \"a\": [\n    \"x\",\n    \"y\"\n  ]\n}", "{ \"a\": [\"x\", \"y\"] }\n") == nil)
    }

    @Test func whitespaceInsideStringsIsAnEdit() {
        #expect(difference("{\"a\": \"x y\"}", "{\"a\": \"x  y\"}") == 9)
    }

    @Test func anEscapedQuoteDoesNotEndTheString() {
        // After `\"` the string goes on, so the space that follows is inside it and counts.
        #expect(difference(#"["a\" b"]"#, #"["a\"  b"]"#) == 6)
        #expect(difference(#"["a\\" , 1]"#, #"["a\\", 1]"#) == nil)
    }

    @Test func changedValuesAreLocatedInTheNewText() {
        #expect(difference("[1, 2]", "[1, 3]") == 4)
        #expect(difference("[1]", "[1] 2") == 4)
        #expect(difference("[1] 2", "[1]") == 2)
    }
}
