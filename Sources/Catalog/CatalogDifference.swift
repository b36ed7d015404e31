/// One way in which one catalog (the left: the schema read from the sources, a database, a model built from
/// migrations) differs from another (the right: a snapshot, the migrations), located in both.
public struct CatalogDifference: Sendable, Hashable, CustomStringConvertible {
    public enum Change: String, Sendable, Hashable {
        /// On the left, not on the right.
        case added
        /// On the right, not on the left.
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
    /// The property's value on the left and on the right (for `changed`).
    public var leftValue: String?
    public var rightValue: String?
    /// Where the element is on the left / on the right, when it is there.
    public var leftLocation: SourceLocation?
    public var rightLocation: SourceLocation?

    public init(change: Change, element: ElementKind, table: String?, name: String, property: String? = nil,
                leftValue: String? = nil, rightValue: String? = nil, leftLocation: SourceLocation? = nil,
                rightLocation: SourceLocation? = nil) {
        self.change = change
        self.element = element
        self.table = table
        self.name = name
        self.property = property
        self.leftValue = leftValue
        self.rightValue = rightValue
        self.leftLocation = leftLocation
        self.rightLocation = rightLocation
    }

    public var description: String {
        let owner = table.map { "\($0)." } ?? ""
        switch change {
        case .added: return "\(element.rawValue) \(owner)\(name) is on the left only"
        case .removed: return "\(element.rawValue) \(owner)\(name) is on the right only"
        case .changed:
            return "\(element.rawValue) \(owner)\(name): \(property ?? "?") is \(leftValue ?? "none") on the left"
                + " but \(rightValue ?? "none") on the right"
        }
    }
}
