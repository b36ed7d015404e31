import Catalog

/// drizzle-kit's defaults for sequence and identity options: increment 1, cache 1, no cycle; ascending
/// sequences run from 1 to the type's maximum, descending ones from the type's minimum to -1, starting at the
/// end they count from.
enum SequenceDefaults {
    static func options(_ given: ObjectValue?, minimumByType: String, maximumByType: String) -> SequenceOptions {
        func option(_ key: String) -> String? {
            switch given?[key] {
            case .number(let value)?: JavaScriptText.number(value)
            case .string(let text)?: text
            case .bigint(let digits)?: digits
            default: nil
            }
        }
        let increment = option("increment") ?? "1"
        let descending = (Double(increment) ?? 1) < 0
        let minValue = option("minValue") ?? (descending ? minimumByType : "1")
        let maxValue = option("maxValue") ?? (descending ? "-1" : maximumByType)
        return SequenceOptions(increment: increment, startWith: option("startWith") ?? (descending ? maxValue : minValue),
                               minValue: minValue, maxValue: maxValue, cache: option("cache") ?? "1",
                               cycle: given?["cycle"]?.boolValue ?? false)
    }
}
