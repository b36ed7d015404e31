/// The kinds of tokens the lexer produces. Keywords are `.identifier` tokens with `Token.keyword` set, because most
/// TypeScript keywords are contextual and the parser decides what they mean.
enum TokenKind: UInt8, Sendable {
    case endOfFile
    case identifier
    /// `#name`
    case privateName
    case string
    case number
    case bigint
    case regex
    /// `` `text` `` with no substitutions.
    case template
    /// `` `text${ ``
    case templateHead
    /// `}text${`
    case templateMiddle
    /// `` }text` ``
    case templateTail

    case openBrace, closeBrace, openParen, closeParen, openBracket, closeBracket
    case dot, dotDotDot, semicolon, comma, colon, at
    case question, questionDot, questionQuestion, questionQuestionEqual
    case arrow
    case less, lessEqual, lessLess, lessLessEqual
    /// Always a single `>`: the parser joins `>>`, `>=`… in expressions (see `Lexer.rescanGreater`) so that
    /// `Array<Array<T>>` closes two type-argument lists.
    case greater
    case greaterEqual, greaterGreater, greaterGreaterEqual, greaterGreaterGreater, greaterGreaterGreaterEqual
    case equal, equalEqual, equalEqualEqual, bangEqual, bangEqualEqual
    case plus, minus, star, starStar, slash, percent, plusPlus, minusMinus
    case plusEqual, minusEqual, starEqual, starStarEqual, slashEqual, percentEqual
    case ampersand, ampersandAmpersand, ampersandEqual, ampersandAmpersandEqual
    case bar, barBar, barEqual, barBarEqual
    case caret, caretEqual
    case bang, tilde
    /// Text between JSX tags (produced only by `Lexer.scanJSXChild`).
    case jsxText
    /// A byte that starts no token.
    case unknown
}

/// One token: its kind and byte range. Text is materialised only when the parser needs it.
struct Token: Sendable {
    var kind: TokenKind
    var start: Int
    var end: Int
    /// A line break sits between the previous token and this one (drives ASI and restricted productions).
    var hasLineBreakBefore: Bool
    /// For identifiers spelled like a keyword (without escapes).
    var keyword: Keyword?
    /// An identifier or string that contains a backslash escape, so its text must be decoded.
    var hasEscape: Bool

    var range: Range<Int> { start..<end }

    static let endOfFile = Token(kind: .endOfFile, start: 0, end: 0, hasLineBreakBefore: false, keyword: nil, hasEscape: false)
}

/// Reserved and contextual words of JavaScript and TypeScript.
enum Keyword: UInt8, Sendable {
    // Reserved words: never identifiers in expressions.
    case `break`, `case`, `catch`, `class`, `const`, `continue`, `debugger`, `default`, `delete`, `do`, `else`
    case `enum`, `export`, `extends`, `false`, `finally`, `for`, `function`, `if`, `import`, `in`, `instanceof`
    case `new`, `null`, `return`, `super`, `switch`, `this`, `throw`, `true`, `try`, `typeof`, `var`, `void`
    case `while`, `with`
    // Contextual words: identifiers unless the grammar gives them a meaning at that spot.
    case abstract, accessor, `as`, asserts, async, await, declare, from, get, global, implements, infer, interface
    case `is`, keyof, `let`, module, namespace, of, override, package, `private`, protected, `public`, readonly
    case require, satisfies, set, `static`, type, unique, using, yield, constructor, out, assert

    /// Words that can never name a binding or be an identifier reference.
    var isReserved: Bool { rawValue <= Keyword.with.rawValue }

    /// Looks a word up from its bytes without building a String.
    static func lookup(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Keyword? {
        let length = end - start
        guard length >= 2, length <= 11 else { return nil }
        let first = bytes[start]
        guard first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return nil }
        for candidate in table[Int(first - UInt8(ascii: "a"))] where candidate.spelling.count == length {
            var index = 1
            let spelling = candidate.spelling
            while index < length, spelling[index] == bytes[start + index] { index += 1 }
            if index == length { return candidate.keyword }
        }
        return nil
    }

    private static let spellings: [(String, Keyword)] = [
        ("break", .break), ("case", .case), ("catch", .catch), ("class", .class), ("const", .const),
        ("continue", .continue), ("debugger", .debugger), ("default", .default), ("delete", .delete), ("do", .do),
        ("else", .else), ("enum", .enum), ("export", .export), ("extends", .extends), ("false", .false),
        ("finally", .finally), ("for", .for), ("function", .function), ("if", .if), ("import", .import), ("in", .in),
        ("instanceof", .instanceof), ("new", .new), ("null", .null), ("return", .return), ("super", .super),
        ("switch", .switch), ("this", .this), ("throw", .throw), ("true", .true), ("try", .try),
        ("typeof", .typeof), ("var", .var), ("void", .void), ("while", .while), ("with", .with),
        ("abstract", .abstract), ("accessor", .accessor), ("as", .as), ("asserts", .asserts), ("async", .async),
        ("await", .await), ("declare", .declare), ("from", .from), ("get", .get), ("global", .global),
        ("implements", .implements), ("infer", .infer), ("interface", .interface), ("is", .is), ("keyof", .keyof),
        ("let", .let), ("module", .module), ("namespace", .namespace), ("of", .of), ("override", .override),
        ("package", .package), ("private", .private), ("protected", .protected), ("public", .public),
        ("readonly", .readonly), ("require", .require), ("satisfies", .satisfies), ("set", .set),
        ("static", .static), ("type", .type), ("unique", .unique), ("using", .using), ("yield", .yield),
        ("constructor", .constructor), ("out", .out), ("assert", .assert),
    ]

    /// Spellings bucketed by first letter.
    private static let table: [[(spelling: [UInt8], keyword: Keyword)]] = {
        var buckets = [[(spelling: [UInt8], keyword: Keyword)]](repeating: [], count: 26)
        for (spelling, keyword) in spellings {
            let bytes = Array(spelling.utf8)
            buckets[Int(bytes[0] - UInt8(ascii: "a"))].append((bytes, keyword))
        }
        return buckets
    }()
}
