import JSON

/// Lower and upper bounds of one schema object that no value can satisfy together (`minimum` 100 with
/// `maximum` 0), reported at the lower bound.
enum SchemaBounds {
    /// lower keyword, upper keyword, and whether equal bounds contradict too (an exclusive bound is involved).
    static let pairs: [(String, String, Bool)] = [
        ("minimum", "maximum", false),
        ("exclusiveMinimum", "exclusiveMaximum", true),
        ("minimum", "exclusiveMaximum", true),
        ("exclusiveMinimum", "maximum", true),
        ("minLength", "maxLength", false),
        ("minItems", "maxItems", false),
        ("minProperties", "maxProperties", false),
        ("minContains", "maxContains", false),
    ]

    static func check(_ schema: JSONNode, _ report: (Range<Int>, String, String) -> Void) {
        for (lowerKey, upperKey, strict) in pairs {
            guard let lower = schema.member(named: lowerKey), let upper = schema.member(named: upperKey),
                  let low = lower.value.numberValue, let high = upper.value.numberValue else { continue }
            let contradicts = strict ? !(low < high) : high < low
            guard contradicts else { continue }
            report(lower.keyRange.lowerBound..<lower.value.range.upperBound,
                   "`\(lowerKey)` \(low.literal) is \(high < low ? "greater than" : "equal to") `\(upperKey)` \(high.literal), so no value can satisfy the schema",
                   "correct the bounds (are `\(lowerKey)` and `\(upperKey)` swapped?)")
        }
    }
}
