extension KeyWords {
    /// `split` with a fast path for ASCII keys (nearly all JSON keys), on bytes instead of `Character`s: the
    /// billing and personal-data rules split every key of every Gist file. Same result as `split`.
    static func words(_ key: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        for byte in key.utf8 {
            if byte >= 0x80 { return split(key) }
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: " ") {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previousWasLower = false
                continue
            }
            let isUpper = byte >= 0x41 && byte <= 0x5A
            if isUpper && previousWasLower {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
            current.append(isUpper ? byte + 0x20 : byte)
            previousWasLower = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}
