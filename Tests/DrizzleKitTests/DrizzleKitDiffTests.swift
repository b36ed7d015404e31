import Catalog
import DrizzleKit
import Testing

@Suite struct DrizzleKitDiffTests {
    private func model(_ indexes: [Index]) -> SchemaModel {
        SchemaModel(tables: [Table(name: "orders", columns: [Column(name: "buyer_id", type: "uuid")], indexes: indexes)])
    }

    @Test func aDerivedSnapshotNameIsLentToTheOneSourceIndexWithTheSameDefinition() {
        // The column was renamed after the index got its derived name: drizzle-kit keeps the old name.
        let source = model([Index(name: "orders_buyer_id_index", columns: [IndexColumn(expression: "buyer_id")],
                                  isNameExplicit: false)])
        let snapshot = model([Index(name: "orders_customer_id_index", columns: [IndexColumn(expression: "buyer_id")],
                                    isNameExplicit: false)])
        #expect(DrizzleKitDiff.compare(source, snapshot).isEmpty)
        #expect(CatalogDiff.compare(source, snapshot).count == 2, "the plain catalog diff compares names as written")
    }

    @Test func anExplicitNameIsNeverReplaced() {
        let source = model([Index(name: "by_buyer", columns: [IndexColumn(expression: "buyer_id")])])
        let snapshot = model([Index(name: "orders_buyer_id_index", columns: [IndexColumn(expression: "buyer_id")],
                                    isNameExplicit: false)])
        #expect(DrizzleKitDiff.compare(source, snapshot).map(\.change) == [.added, .removed])
    }
}
