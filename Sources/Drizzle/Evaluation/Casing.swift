/// drizzle's `casing` option: how a column named only by its property key is turned into an SQL name.
public enum Casing: String, Sendable, Hashable {
    case snakeCase = "snake_case"
    case camelCase = "camelCase"

    /// Splits like drizzle: runs of digits/lower-case letters, upper-case acronyms not followed by a lower-case
    /// letter, and capitalised words; apostrophes are dropped and every other character separates words.
    static func words(_ input: String) -> [String] {
        let scalars = Array(input.unicodeScalars.filter { $0 != "'" && $0 != "\u{2019}" })
        func isLower(_ s: Unicode.Scalar) -> Bool { s.value >= 97 && s.value <= 122 }
        func isUpper(_ s: Unicode.Scalar) -> Bool { s.value >= 65 && s.value <= 90 }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
        var words: [String] = []
        var position = 0
        while position < scalars.count {
            let scalar = scalars[position]
            var end = position
            if isDigit(scalar) || isLower(scalar) {
                while end < scalars.count, isDigit(scalars[end]) || isLower(scalars[end]) { end += 1 }
            } else if isUpper(scalar) {
                var upperEnd = position
                while upperEnd < scalars.count, isUpper(scalars[upperEnd]) { upperEnd += 1 }
                let followedByLower = upperEnd < scalars.count && isLower(scalars[upperEnd])
                if !followedByLower {
                    end = upperEnd                      // `[A-Z]+(?![a-z])`: the whole acronym
                } else if upperEnd - position > 1 {
                    end = upperEnd - 1                  // the acronym backs off its last letter
                } else {
                    end = upperEnd                      // `[A-Z][\da-z]+`: a capitalised word
                    while end < scalars.count, isDigit(scalars[end]) || isLower(scalars[end]) { end += 1 }
                }
            } else {
                position += 1
                continue
            }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[position..<end])
            words.append(String(word))
            position = end
        }
        return words
    }

    public func convert(_ input: String) -> String {
        let parts = Self.words(input)
        switch self {
        case .snakeCase:
            return parts.map { $0.lowercased() }.joined(separator: "_")
        case .camelCase:
            return parts.enumerated().map { index, word in
                index == 0 ? word.lowercased() : word.prefix(1).uppercased() + word.dropFirst()
            }.joined()
        }
    }
}
