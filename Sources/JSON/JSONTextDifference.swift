/// Where two JSON texts first differ in what a JSON reader sees: whitespace between tokens (a formatter's reflow
/// of `[\n "a"\n]` into `["a"]`, a final newline) is not a difference; everything inside strings is.
public enum JSONTextDifference {
    /// The offset in `new` of the first significant byte that differs from `old`'s, or nil when the texts differ
    /// only in whitespace between tokens.
    public static func first(_ old: [UInt8], _ new: [UInt8]) -> Int? {
        if old == new { return nil }
        var i = 0
        var j = 0
        var inString = false
        var escaped = false
        while true {
            if !inString {
                while i < old.count, isWhitespace(old[i]) { i += 1 }
                while j < new.count, isWhitespace(new[j]) { j += 1 }
            }
            if i == old.count, j == new.count { return nil }
            guard i < old.count, j < new.count, old[i] == new[j] else { return min(j, max(new.count - 1, 0)) }
            let byte = new[j]
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\"") {
                inString.toggle()
            } else if inString, byte == UInt8(ascii: "\\") {
                escaped = true
            }
            i += 1
            j += 1
        }
    }

    /// JSON's insignificant whitespace (RFC 8259 §2): space, tab, line feed, carriage return.
    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
