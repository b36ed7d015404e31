import Catalog
import Testing

@Suite struct CatalogDiffTests {
    private func catalog(index: Index, columnType: String = "uuid",
                         location: Catalog.SourceLocation = .none) -> SchemaModel {
        SchemaModel(tables: [Table(name: "orders", columns: [Column(name: "buyer_id", type: columnType, location: location)],
                                   indexes: [index])])
    }

    @Test func differencesAreLocatedOnBothSides() {
        let left = catalog(index: Index(name: "i", columns: [IndexColumn(expression: "buyer_id")]),
                           location: Catalog.SourceLocation(path: "schema.ts", range: 10..<20))
        let right = catalog(index: Index(name: "i", columns: [IndexColumn(expression: "buyer_id")]), columnType: "text",
                            location: Catalog.SourceLocation(path: "0001_snapshot.json", range: 5..<9))
        let differences = CatalogDiff.compare(left, right)
        #expect(differences.map(\.description) == ["column public.orders.buyer_id: type is uuid on the left but text on the right"])
        #expect(differences.first?.leftLocation?.path == "schema.ts")
        #expect(differences.first?.rightLocation?.path == "0001_snapshot.json")
    }

    @Test func derivedNamesAreComparedAsWrittenWithoutAReadersConventions() {
        // drizzle-kit's `preserveEntityNames` is the Drizzle side's normalisation (DrizzleKitDiff), not the diff's.
        let left = catalog(index: Index(name: "orders_buyer_idx", columns: [IndexColumn(expression: "buyer_id")],
                                        isNameExplicit: false))
        let right = catalog(index: Index(name: "orders_customer_idx", columns: [IndexColumn(expression: "buyer_id")],
                                         isNameExplicit: false))
        #expect(CatalogDiff.compare(left, right).map(\.change) == [.added, .removed])
    }
}
