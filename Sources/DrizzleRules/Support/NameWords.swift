/// Splits identifiers into lower-case words so that `taxAmount`, `tax_amount` and `TaxAmount` compare alike.
enum NameWords {
    /// `userId` → `[user, id]`, `amount_cents` → `[amount, cents]`, `HTTPStatus` → `[http, status]`.
    static func split(_ name: String) -> [String] {
        let bytes = Array(name.utf8)
        var words: [String] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for (offset, byte) in bytes.enumerated() {
            let isUpper = byte >= 65 && byte <= 90
            let isLower = byte >= 97 && byte <= 122
            let isDigit = byte >= 48 && byte <= 57
            guard isUpper || isLower || isDigit else { flush(); continue }
            if isUpper, !current.isEmpty {
                let previous = bytes[offset - 1]
                let previousIsUpper = previous >= 65 && previous <= 90
                let nextIsLower = offset + 1 < bytes.count && bytes[offset + 1] >= 97 && bytes[offset + 1] <= 122
                // A new word starts at `aB` and at the last capital of an acronym followed by lower case (`HTTPStatus`).
                if !previousIsUpper || nextIsLower { flush() }
            }
            current.append(isUpper ? byte + 32 : byte)
        }
        flush()
        return words
    }

    /// The words of a column's SQL name and of its TypeScript key (they may differ: `uid: text('user_id')`).
    static func of(column name: String, key: String?) -> [[String]] {
        let fromName = split(name)
        guard let key else { return [fromName] }
        let fromKey = split(key)
        return fromKey == fromName ? [fromName] : [fromName, fromKey]
    }

    /// English singular of a plural table-name word: `users` → `user`, `categories` → `category`,
    /// `addresses` → `address`; words that are not plural come back unchanged (`status`, `history`).
    static func singular(_ word: String) -> String {
        let irregular = ["people": "person", "children": "child", "men": "man", "women": "woman", "data": "datum"]
        if let known = irregular[word] { return known }
        guard word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is")
        else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        for suffix in ["sses", "xes", "ches", "shes", "zes"] where word.hasSuffix(suffix) {
            return String(word.dropLast(2))
        }
        return String(word.dropLast())
    }
}
