/// What the keywords of a schema evaluated at one instance location, as far as `unevaluatedProperties` and
/// `unevaluatedItems` need to know. Only collected when such a keyword may read them.
struct Annotations {
    var allProperties = false
    var properties: Set<String> = []
    var allItems = false
    /// Items `0..<itemPrefix` were evaluated (`prefixItems`, array-form `items`).
    var itemPrefix = 0
    /// Single items evaluated by `contains` (2020-12).
    var items: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        allProperties = allProperties || other.allProperties
        properties.formUnion(other.properties)
        allItems = allItems || other.allItems
        itemPrefix = max(itemPrefix, other.itemPrefix)
        items.formUnion(other.items)
    }

    func isEvaluated(property name: String) -> Bool { allProperties || properties.contains(name) }

    func isEvaluated(item index: Int) -> Bool { allItems || index < itemPrefix || items.contains(index) }
}
