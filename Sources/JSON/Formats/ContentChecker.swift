/// Draft-07 content assertions: `contentEncoding: base64` and `contentMediaType: application/json`.
/// Other encodings and media types are not checked.
enum ContentChecker {
    /// A message describing why the content is invalid, or nil when it is valid (or not checkable).
    static func problem(_ text: String, encoding: String?, mediaType: String?) -> String? {
        var content = Array(text.utf8)
        if encoding?.lowercased() == "base64" {
            guard let decoded = decodeBase64(content) else { return "string is not valid base64" }
            content = decoded
        }
        if mediaType?.lowercased() == "application/json", case .failure = JSONReader.parse(content) {
            return "content is not valid JSON (`contentMediaType` application/json)"
        }
        return nil
    }

    /// RFC 4648 base64 with padding; nil when a character is outside the alphabet or the length is wrong.
    static func decodeBase64(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        var padding = 0
        for byte in bytes {
            let value: UInt32
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - 65)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - 97 + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - 48 + 52)
            case UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="): padding += 1; continue
            default: return nil
            }
            guard padding == 0 else { return nil }
            buffer = buffer << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return padding <= 2 ? output : nil
    }
}
