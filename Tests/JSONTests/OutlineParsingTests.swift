import JSON
import Testing

@Suite struct OutlineParsingTests {
    @Test func containersBelowTheDepthComeBackEmptyWithTheirRanges() throws {
        let text = #"{"id": "a", "tables": {"public.users": {"name": "users", "columns": {"id": {"type": "uuid"}}}}}"#
        let root = try JSONReader.parse(Array(text.utf8), materializingDepth: 3).get()
        let users = try #require(root["tables"]?["public.users"])
        #expect(users["name"]?.stringValue == "users")
        let columns = try #require(users["columns"])
        #expect(columns.objectMembers?.isEmpty == true)
        #expect(Array(Array(text.utf8)[columns.range]) == Array(#"{"id": {"type": "uuid"}}"#.utf8))
    }

    @Test func syntaxErrorsBelowTheDepthAreStillReported() {
        let text = #"{"tables": {"t": {"columns": {"id": [1, 2,]}}}}"#
        guard case .failure(let error) = JSONReader.parse(Array(text.utf8), materializingDepth: 2) else {
            Issue.record("a trailing comma four levels down must still fail")
            return
        }
        #expect(error.message.contains("trailing comma"))
    }
}
