/// Splits identifiers into lower-case words so that `taxAmount`, `tax_amount` and `TaxAmount` compare alike.
enum NameWords {
    /// `userId` → `[user, id]`, `amount_cents` → `[amount, cents]`, `HTTPStatus` → `[http, status]`.
    /// Each word is lower-cased straight from the name's bytes: rules split every column name of a 112-table
    /// schema several times, and a byte array per name and per word was most of their time.
    static func split(_ name: String) -> [String] {
        var name = name
        return name.withUTF8 { bytes in
            var words: [String] = []
            var start = -1  // where the current word began; -1 between words
            func flush(_ end: Int) {
                guard start >= 0 else { return }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                words.append(String(unsafeUninitializedCapacity: word.count) { buffer in
                    for (index, byte) in word.enumerated() { buffer[index] = byte >= 65 && byte <= 90 ? byte + 32 : byte }
                    return word.count
                })
                start = -1
            }
            for offset in 0..<bytes.count {
                let byte = bytes[offset]
                let isUpper = byte >= 65 && byte <= 90
                let isLower = byte >= 97 && byte <= 122
                let isDigit = byte >= 48 && byte <= 57
                guard isUpper || isLower || isDigit else { flush(offset); continue }
                if isUpper, start >= 0 {
                    let previous = bytes[offset - 1]
                    let previousIsUpper = previous >= 65 && previous <= 90
                    let nextIsLower = offset + 1 < bytes.count && bytes[offset + 1] >= 97 && bytes[offset + 1] <= 122
                    // A new word starts at `aB` and at the last capital of an acronym followed by lower case (`HTTPStatus`).
                    if !previousIsUpper || nextIsLower { flush(offset) }
                }
                if start < 0 { start = offset }
            }
            flush(bytes.count)
            return words
        }
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
