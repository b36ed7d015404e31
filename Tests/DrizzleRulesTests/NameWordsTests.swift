@testable import DrizzleRules
import Testing

@Suite struct NameWordsTests {
    @Test(arguments: [
        ("userId", ["user", "id"]), ("user_id", ["user", "id"]), ("userID", ["user", "id"]),
        ("HTTPStatus", ["http", "status"]), ("amount_cents", ["amount", "cents"]), ("TaxAmount", ["tax", "amount"]),
        ("v2Key", ["v2", "key"]), ("", []),
        // Separators at either end and in a row, a one-letter word, an acronym at the end, bytes outside ASCII
        // (they separate words, as any byte that is not a letter or digit does).
        ("__Created__At__", ["created", "at"]), ("aB", ["a", "b"]), ("userURL", ["user", "url"]),
        ("naïveStatus", ["na", "ve", "status"]), ("ABC", ["abc"]), ("X", ["x"]), ("ZIP_code", ["zip", "code"]),
    ])
    func splitsIdentifiersIntoWords(_ name: String, _ words: [String]) {
        #expect(NameWords.split(name) == words)
    }

    @Test(arguments: [
        ("users", "user"), ("categories", "category"), ("addresses", "address"), ("status", "status"),
        ("boxes", "box"), ("history", "history"), ("people", "person"), ("analysis", "analysis"), ("bus", "bus"),
    ])
    func singularizesTableWords(_ plural: String, _ singular: String) {
        #expect(NameWords.singular(plural) == singular)
    }
}
