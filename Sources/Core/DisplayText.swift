/// Text from inputs (file names, JSON keys and values, source lines) made safe for a terminal or a CI log:
/// control characters become visible escapes, so a file named `a\n::error file=x::…` cannot inject a GitHub
/// workflow command and `\e[2J` cannot clear the screen of whoever reads the report.
public enum DisplayText {
    /// `text` with C0 and C1 controls, DEL, line and paragraph separators and bidirectional overrides written as
    /// `\n`, `\t`, `\r` or `\u{…}`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var output = ""
        for scalar in text.unicodeScalars { output += escaped(scalar) }
        return output
    }

    /// One scalar as shown: itself, or its escape.
    public static func escaped(_ scalar: Unicode.Scalar) -> String {
        guard needsEscape(scalar) else { return String(scalar) }
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }

    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
