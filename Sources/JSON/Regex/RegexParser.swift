/// Recursive-descent parser for ECMA-262 patterns in unicode mode (JSON Schema's regex dialect).
/// Lenient where Annex B is: a `{` that does not start a quantifier and `]` outside a class are literals.
struct RegexParser {
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private(set) var captureCount = 0
    private(set) var captureNames: [String: Int] = [:]
    private var depth = 0

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        let node = try parseAlternation()
        if position < scalars.count { throw error("unmatched `)`") }
        return node
    }

    private func error(_ message: String) -> RegexSyntaxError { RegexSyntaxError(message: message, offset: position) }

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard current == scalar else { return false }
        position += 1
        return true
    }

    private mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        depth += 1
        defer { depth -= 1 }
        if depth > 200 { throw error("pattern nests too deeply") }
        var branches = [try parseSequence()]
        while take("|") { branches.append(try parseSequence()) }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            let atomStart = position
            var atom = try parseAtom()
            if let quantifier = try parseQuantifier() {
                switch atom {
                case .lineStart, .lineEnd, .wordBoundary, .lookaround(_, behind: true, _):
                    position = atomStart
                    throw error("nothing to repeat")
                default:
                    atom = .repetition(atom, min: quantifier.min, max: quantifier.max, greedy: quantifier.greedy)
                }
            }
            items.append(atom)
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .concatenation(items)
        }
    }

    private mutating func parseQuantifier() throws(RegexSyntaxError) -> (min: Int, max: Int?, greedy: Bool)? {
        guard let scalar = current else { return nil }
        var bounds: (Int, Int?)
        switch scalar {
        case "*": position += 1; bounds = (0, nil)
        case "+": position += 1; bounds = (1, nil)
        case "?": position += 1; bounds = (0, 1)
        case "{":
            let saved = position
            position += 1
            guard let low = parseDecimal() else { position = saved; return nil }
            var high: Int? = low
            if take(",") { high = parseDecimal() }
            guard take("}") else { position = saved; return nil }
            if let high, high < low { throw error("numbers out of order in `{}` quantifier") }
            bounds = (low, high)
        default:
            return nil
        }
        let greedy = !take("?")
        if let next = current, next == "*" || next == "+" || next == "?" { throw error("nothing to repeat") }
        return (bounds.0, bounds.1, greedy)
    }

    private mutating func parseDecimal() -> Int? {
        var value: Int?
        while let scalar = current, ("0"..."9").contains(scalar) {
            value = min((value ?? 0) * 10 + Int(scalar.value - 48), 100_000)
            position += 1
        }
        return value
    }

    private mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode {
        guard let scalar = current else { throw error("unexpected end of pattern") }
        position += 1
        switch scalar {
        case "^": return .lineStart
        case "$": return .lineEnd
        case ".": return .any
        case "(": return try parseGroup()
        case "[": return .characterClass(try parseClass())
        case "\\": return try parseAtomEscape()
        case "*", "+", "?": throw error("nothing to repeat")
        case "{":
            position -= 1
            if (try? parseQuantifierProbe()) == true { throw error("nothing to repeat") }
            position += 1
            return .scalar("{")
        default: return .scalar(scalar)
        }
    }

    /// True when a `{n,m}` quantifier starts here (then a preceding atom is missing).
    private mutating func parseQuantifierProbe() throws(RegexSyntaxError) -> Bool {
        let saved = position
        defer { position = saved }
        return try parseQuantifier() != nil
    }

    private mutating func parseGroup() throws(RegexSyntaxError) -> RegexNode {
        if take("?") {
            if take(":") { return try finishGroup(capture: nil) }
            if take("=") { return .lookaround(try finishGroup(capture: nil), behind: false, negated: false) }
            if take("!") { return .lookaround(try finishGroup(capture: nil), behind: false, negated: true) }
            if take("<") {
                if take("=") { return .lookaround(try finishGroup(capture: nil), behind: true, negated: false) }
                if take("!") { return .lookaround(try finishGroup(capture: nil), behind: true, negated: true) }
                let name = try parseGroupName()
                captureCount += 1
                if captureNames[name] != nil { throw error("duplicate group name `\(name)`") }
                captureNames[name] = captureCount
                return try finishGroup(capture: captureCount)
            }
            throw error("invalid group")
        }
        captureCount += 1
        return try finishGroup(capture: captureCount)
    }

    private mutating func finishGroup(capture: Int?) throws(RegexSyntaxError) -> RegexNode {
        let body = try parseAlternation()
        guard take(")") else { throw error("missing `)`") }
        return .group(body, capture: capture)
    }

    private mutating func parseGroupName() throws(RegexSyntaxError) -> String {
        var name = ""
        while let scalar = current, scalar != ">" {
            guard scalar.properties.isIDContinue || scalar == "$" else { throw error("invalid group name") }
            name.unicodeScalars.append(scalar)
            position += 1
        }
        guard take(">"), !name.isEmpty else { throw error("invalid group name") }
        return name
    }

    private mutating func parseAtomEscape() throws(RegexSyntaxError) -> RegexNode {
        guard let scalar = current else { throw error("`\\` at end of pattern") }
        switch scalar {
        case "b": position += 1; return .wordBoundary(negated: false)
        case "B": position += 1; return .wordBoundary(negated: true)
        case "1"..."9":
            let number = parseDecimal() ?? 0
            return .backreference(number)
        case "k":
            position += 1
            guard take("<") else { throw error("invalid named reference") }
            return .namedBackreference(try parseGroupName())
        default:
            if let item = try parseClassEscape() { return .characterClass(CharacterClass(items: [item], negated: false)) }
            return .scalar(try parseCharacterEscape())
        }
    }

    /// `\d \D \w \W \s \S \p{…} \P{…}`, or nil when the escape is something else.
    private mutating func parseClassEscape() throws(RegexSyntaxError) -> CharacterClass.Item? {
        guard let scalar = current else { return nil }
        switch scalar {
        case "d", "D": position += 1; return .digit(negated: scalar == "D")
        case "w", "W": position += 1; return .word(negated: scalar == "W")
        case "s", "S": position += 1; return .space(negated: scalar == "S")
        case "p", "P":
            position += 1
            guard take("{") else { throw error("invalid property escape") }
            var name = ""
            while let next = current, next != "}" { name.unicodeScalars.append(next); position += 1 }
            guard take("}"), let matcher = UnicodePropertyMatcher(name: name) else {
                throw error("unknown Unicode property `\(name)`")
            }
            return .property(matcher, negated: scalar == "P")
        default:
            return nil
        }
    }

    /// A character escape after `\`: control, hex, unicode, `\0`, `\cX`, or an identity escape.
    private mutating func parseCharacterEscape() throws(RegexSyntaxError) -> Unicode.Scalar {
        guard let scalar = current else { throw error("`\\` at end of pattern") }
        position += 1
        switch scalar {
        case "t": return "\t"
        case "n": return "\n"
        case "v": return "\u{0B}"
        case "f": return "\u{0C}"
        case "r": return "\r"
        case "0":
            if let next = current, ("0"..."9").contains(next) { throw error("invalid decimal escape") }
            return "\u{00}"
        case "c":
            guard let letter = current, ("a"..."z").contains(letter) || ("A"..."Z").contains(letter) else {
                throw error("invalid control escape")
            }
            position += 1
            return Unicode.Scalar(letter.value % 32) ?? "\u{00}"
        case "x":
            guard let value = parseHex(count: 2) else { throw error("invalid `\\x` escape") }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        case "u":
            return try parseUnicodeEscape()
        default:
            // Unicode mode allows identity escapes of syntax characters and `/` only; `-` is allowed in classes.
            if "^$\\.*+?()[]{}|/-".unicodeScalars.contains(scalar) { return scalar }
            throw error("invalid escape `\\\(Character(scalar))`")
        }
    }

    private mutating func parseUnicodeEscape() throws(RegexSyntaxError) -> Unicode.Scalar {
        if take("{") {
            var value: UInt32 = 0
            var digits = 0
            while let next = current, let digit = hexDigitValue(UInt8(truncatingIfNeeded: next.value)), next.isASCII {
                value = value &* 16 &+ UInt32(digit)
                digits += 1
                position += 1
                if value > 0x10FFFF { throw error("code point out of range") }
            }
            guard digits > 0, take("}"), let scalar = Unicode.Scalar(value) else { throw error("invalid `\\u{}` escape") }
            return scalar
        }
        guard let high = parseHex(count: 4) else { throw error("invalid `\\u` escape") }
        if (0xD800...0xDBFF).contains(high), current == "\\", position + 1 < scalars.count, scalars[position + 1] == "u" {
            let saved = position
            position += 2
            if let low = parseHex(count: 4), (0xDC00...0xDFFF).contains(low),
               let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                return scalar
            }
            position = saved
        }
        return Unicode.Scalar(high) ?? "\u{FFFD}"
    }

    private mutating func parseHex(count: Int) -> UInt32? {
        guard position + count <= scalars.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<count {
            let scalar = scalars[position + offset]
            guard scalar.isASCII, let digit = hexDigitValue(UInt8(scalar.value)) else { return nil }
            value = value * 16 + UInt32(digit)
        }
        position += count
        return value
    }

    // MARK: Classes

    private mutating func parseClass() throws(RegexSyntaxError) -> CharacterClass {
        let negated = take("^")
        var items: [CharacterClass.Item] = []
        while true {
            guard let scalar = current else { throw error("missing `]`") }
            if scalar == "]" { position += 1; break }
            let low = try parseClassAtom()
            if current == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                let high = try parseClassAtom()
                guard case .range(let lowValue, _) = low, case .range(let highValue, _) = high else {
                    throw error("invalid character class range")
                }
                guard lowValue <= highValue else { throw error("range out of order in character class") }
                items.append(.range(lowValue, highValue))
            } else {
                items.append(low)
            }
        }
        return CharacterClass(items: items, negated: negated)
    }

    private mutating func parseClassAtom() throws(RegexSyntaxError) -> CharacterClass.Item {
        guard let scalar = current else { throw error("missing `]`") }
        position += 1
        guard scalar == "\\" else { return .range(scalar.value, scalar.value) }
        if let item = try parseClassEscape() { return item }
        if take("b") { return .range(8, 8) }
        let escaped = try parseCharacterEscape()
        return .range(escaped.value, escaped.value)
    }
}
