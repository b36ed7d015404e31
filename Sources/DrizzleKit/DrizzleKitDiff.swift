import Catalog

/// The schema read from the sources against a snapshot as drizzle-kit compares them: drizzle-kit's naming
/// conventions applied to the sources, then the catalog difference.
public enum DrizzleKitDiff {
    public static func compare(_ source: SchemaModel, _ snapshot: SchemaModel) -> [CatalogDifference] {
        CatalogDiff.compare(preservingEntityNames(source, from: snapshot), snapshot)
    }

    /// drizzle-kit 1's `preserveEntityNames`: a snapshot constraint with a derived name (`nameExplicit: false`)
    /// lends it to the one source constraint of its table with a derived name and the same definition, e.g. an
    /// index named after a column that was later renamed; drizzle-kit generates no rename for it.
    public static func preservingEntityNames(_ source: SchemaModel, from snapshot: SchemaModel) -> SchemaModel {
        let recorded = Dictionary(snapshot.tables.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var model = source
        for index in model.tables.indices {
            guard let old = recorded[model.tables[index].key] else { continue }
            model.tables[index].indexes = preservingNames(model.tables[index].indexes, old.indexes)
            model.tables[index].foreignKeys = preservingNames(model.tables[index].foreignKeys, old.foreignKeys)
            model.tables[index].compositePrimaryKeys = preservingNames(model.tables[index].compositePrimaryKeys,
                                                                       old.compositePrimaryKeys)
            model.tables[index].uniqueConstraints = preservingNames(model.tables[index].uniqueConstraints,
                                                                    old.uniqueConstraints)
        }
        return model
    }

    private static func preservingNames<Element: DerivableName>(_ sourceElements: [Element],
                                                               _ snapshotElements: [Element]) -> [Element] {
        var result = sourceElements
        func signature(_ element: Element) -> [String] { element.comparedProperties.map { "\($0.0)=\($0.1)" } }
        for old in snapshotElements where !old.isNameExplicit {
            let candidates = result.indices.filter { !result[$0].isNameExplicit && signature(result[$0]) == signature(old) }
            guard candidates.count == 1, let index = candidates.first, result[index].name != old.name else { continue }
            result[index].name = old.name
        }
        return result
    }
}

/// Constraints whose names drizzle-kit may derive, with what a catalog diff compares of them.
protocol DerivableName {
    var name: String { get set }
    var isNameExplicit: Bool { get }
    var comparedProperties: [(String, String)] { get }
}

extension Index: DerivableName {
    var comparedProperties: [(String, String)] { CatalogDiff.properties(self) }
}

extension ForeignKey: DerivableName {
    var comparedProperties: [(String, String)] { CatalogDiff.properties(self) }
}

extension PrimaryKeyConstraint: DerivableName {
    var comparedProperties: [(String, String)] { CatalogDiff.properties(self) }
}

extension UniqueConstraint: DerivableName {
    var comparedProperties: [(String, String)] { CatalogDiff.properties(self) }
}
