import Core
import Testing

/// A check run reads the catalog with its examples cut off at build time: everything but the examples must be
/// what the whole files say.
@Suite struct CatalogWithoutExamplesTests {
    @Test func everyEntrySaysTheSameWithoutItsExamples() throws {
        let whole = try RuleCatalog.builtIn.get()
        let cut = try RuleCatalog.builtInWithoutExamples.get()
        #expect(whole.ids == cut.ids)
        #expect(whole.aliases == cut.aliases)
        #expect(whole.ids.filter { !(whole[$0]?.invalidExamples.isEmpty ?? true) }.count > 40, "the whole entries keep their examples")
        for id in whole.ids {
            let full = try #require(whole[id])
            let short = try #require(cut[id])
            #expect(short.summary == full.summary && short.description == full.description, "\(id)")
            #expect(short.severity == full.severity && short.scope == full.scope && short.file == full.file, "\(id)")
            #expect(short.options.map(\.name) == full.options.map(\.name), "\(id)")
            #expect(short.options.map(\.defaultValue) == full.options.map(\.defaultValue), "\(id)")
            #expect(short.validExamples.isEmpty && short.invalidExamples.isEmpty, "\(id)")
        }
    }
}
