import Catalog

/// One way in which the schema read from the sources differs from a snapshot.
public struct Difference: Sendable, Hashable, CustomStringConvertible {
    public enum Change: String, Sendable, Hashable {
        /// In the sources, not in the snapshot.
        case added
        /// In the snapshot, not in the sources.
        case removed
        /// In both, with a different property.
        case changed
    }

    public var change: Change
    public var element: ElementKind
    /// The table's snapshot key (`public.users`) for elements of a table.
    public var table: String?
    /// The element's name (the table key for tables).
    public var name: String
    /// The property that differs, for `changed` (`type`, `notNull`, `default`, `columns`, …).
    public var property: String?
    /// The property's value in the sources and in the snapshot (for `changed`).
    public var sourceValue: String?
    public var snapshotValue: String?
    /// Where the element is in the sources / in the snapshot, when it is there.
    public var sourceLocation: SourceLocation?
    public var snapshotLocation: SourceLocation?

    public init(change: Change, element: ElementKind, table: String?, name: String, property: String? = nil,
                sourceValue: String? = nil, snapshotValue: String? = nil, sourceLocation: SourceLocation? = nil,
                snapshotLocation: SourceLocation? = nil) {
        self.change = change
        self.element = element
        self.table = table
        self.name = name
        self.property = property
        self.sourceValue = sourceValue
        self.snapshotValue = snapshotValue
        self.sourceLocation = sourceLocation
        self.snapshotLocation = snapshotLocation
    }

    public var description: String {
        let owner = table.map { "\($0)." } ?? ""
        switch change {
        case .added: return "\(element.rawValue) \(owner)\(name) is in the sources but not in the snapshot"
        case .removed: return "\(element.rawValue) \(owner)\(name) is in the snapshot but not in the sources"
        case .changed:
            return "\(element.rawValue) \(owner)\(name): \(property ?? "?") is \(sourceValue ?? "none") in the sources"
                + " but \(snapshotValue ?? "none") in the snapshot"
        }
    }
}
