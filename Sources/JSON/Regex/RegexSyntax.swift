/// The parsed form of an ECMA-262 pattern (unicode mode: the pattern and the input are code points).
indirect enum RegexNode: Sendable {
    case empty
    case scalar(Unicode.Scalar)
    /// `.`: any code point except line terminators.
    case any
    case characterClass(CharacterClass)
    case lineStart
    case lineEnd
    case wordBoundary(negated: Bool)
    case group(RegexNode, capture: Int?)
    case lookaround(RegexNode, behind: Bool, negated: Bool)
    case backreference(Int)
    case namedBackreference(String)
    case concatenation([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?, greedy: Bool)
}

/// A syntax error in a pattern, with the offset (in code points) where it was found.
public struct RegexSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var offset: Int
}

/// Membership tests for `[...]`, `\d`, `\w`, `\s`, `\p{…}` and their negations.
struct CharacterClass: Sendable {
    enum Item: Sendable {
        case range(UInt32, UInt32)
        case digit(negated: Bool)
        case word(negated: Bool)
        case space(negated: Bool)
        case property(UnicodePropertyMatcher, negated: Bool)
    }

    var items: [Item]
    var negated: Bool

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var found = false
        for item in items {
            switch item {
            case .range(let low, let high): found = low <= value && value <= high
            case .digit(let negated): found = isECMADigit(value) != negated
            case .word(let negated): found = isECMAWord(value) != negated
            case .space(let negated): found = isECMASpace(value) != negated
            case .property(let matcher, let negated): found = matcher.matches(scalar) != negated
            }
            if found { break }
        }
        return found != negated
    }
}

/// `\d`: ASCII digits only (ECMA-262), unlike ICU's Unicode digits.
func isECMADigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }

/// `\w`: `[A-Za-z0-9_]` only.
func isECMAWord(_ value: UInt32) -> Bool {
    isECMADigit(value) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || value == 0x5F
}

/// `\s`: ECMA-262 WhiteSpace and LineTerminator.
func isECMASpace(_ value: UInt32) -> Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
    default: false
    }
}

func isLineTerminator(_ value: UInt32) -> Bool {
    value == 0x0A || value == 0x0D || value == 0x2028 || value == 0x2029
}

/// `\p{…}`: General_Category values (long and short names) and a few binary properties. Scripts are not
/// available from the Swift standard library and are rejected as unknown.
enum UnicodePropertyMatcher: Sendable {
    case categories(Set<Unicode.GeneralCategory>)
    case any
    case ascii
    case alphabetic
    case whiteSpace
    case uppercase
    case lowercase
    case emoji

    init?(name: String) {
        let key = name.hasPrefix("General_Category=") ? String(name.dropFirst(17))
            : name.hasPrefix("gc=") ? String(name.dropFirst(3)) : name
        if let categories = Self.generalCategories[key] {
            self = .categories(categories)
            return
        }
        switch name {
        case "Any": self = .any
        case "ASCII": self = .ascii
        case "Alphabetic", "Alpha": self = .alphabetic
        case "White_Space", "space": self = .whiteSpace
        case "Uppercase", "Upper": self = .uppercase
        case "Lowercase", "Lower": self = .lowercase
        case "Emoji": self = .emoji
        default: return nil
        }
    }

    func matches(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .categories(let set): set.contains(scalar.properties.generalCategory)
        case .any: true
        case .ascii: scalar.isASCII
        case .alphabetic: scalar.properties.isAlphabetic
        case .whiteSpace: scalar.properties.isWhitespace
        case .uppercase: scalar.properties.isUppercase
        case .lowercase: scalar.properties.isLowercase
        case .emoji: scalar.properties.isEmoji
        }
    }

    private static let generalCategories: [String: Set<Unicode.GeneralCategory>] = {
        typealias C = Unicode.GeneralCategory
        let groups: [([String], [C])] = [
            (["L", "Letter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]),
            (["LC", "Cased_Letter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]),
            (["Lu", "Uppercase_Letter"], [.uppercaseLetter]),
            (["Ll", "Lowercase_Letter"], [.lowercaseLetter]),
            (["Lt", "Titlecase_Letter"], [.titlecaseLetter]),
            (["Lm", "Modifier_Letter"], [.modifierLetter]),
            (["Lo", "Other_Letter"], [.otherLetter]),
            (["M", "Mark", "Combining_Mark"], [.nonspacingMark, .spacingMark, .enclosingMark]),
            (["Mn", "Nonspacing_Mark"], [.nonspacingMark]),
            (["Mc", "Spacing_Mark"], [.spacingMark]),
            (["Me", "Enclosing_Mark"], [.enclosingMark]),
            (["N", "Number"], [.decimalNumber, .letterNumber, .otherNumber]),
            (["Nd", "Decimal_Number", "digit"], [.decimalNumber]),
            (["Nl", "Letter_Number"], [.letterNumber]),
            (["No", "Other_Number"], [.otherNumber]),
            (["P", "Punctuation", "punct"], [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                                             .initialPunctuation, .finalPunctuation, .otherPunctuation]),
            (["Pc", "Connector_Punctuation"], [.connectorPunctuation]),
            (["Pd", "Dash_Punctuation"], [.dashPunctuation]),
            (["Ps", "Open_Punctuation"], [.openPunctuation]),
            (["Pe", "Close_Punctuation"], [.closePunctuation]),
            (["Pi", "Initial_Punctuation"], [.initialPunctuation]),
            (["Pf", "Final_Punctuation"], [.finalPunctuation]),
            (["Po", "Other_Punctuation"], [.otherPunctuation]),
            (["S", "Symbol"], [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]),
            (["Sm", "Math_Symbol"], [.mathSymbol]),
            (["Sc", "Currency_Symbol"], [.currencySymbol]),
            (["Sk", "Modifier_Symbol"], [.modifierSymbol]),
            (["So", "Other_Symbol"], [.otherSymbol]),
            (["Z", "Separator"], [.spaceSeparator, .lineSeparator, .paragraphSeparator]),
            (["Zs", "Space_Separator"], [.spaceSeparator]),
            (["Zl", "Line_Separator"], [.lineSeparator]),
            (["Zp", "Paragraph_Separator"], [.paragraphSeparator]),
            (["C", "Other"], [.control, .format, .surrogate, .privateUse, .unassigned]),
            (["Cc", "Control", "cntrl"], [.control]),
            (["Cf", "Format"], [.format]),
            (["Cs", "Surrogate"], [.surrogate]),
            (["Co", "Private_Use"], [.privateUse]),
            (["Cn", "Unassigned"], [.unassigned]),
        ]
        var table: [String: Set<C>] = [:]
        for (names, categories) in groups { for name in names { table[name] = Set(categories) } }
        return table
    }()
}
