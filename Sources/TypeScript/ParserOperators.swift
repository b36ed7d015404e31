// Operator tables and the token classes the expression parser asks about.

extension Parser {
    /// Precedence of `<`, `>`, `instanceof` and `in`; `as` and `satisfies` bind like them.
    static let relationalPrecedence = 8

    /// The binary operator a token spells and its precedence (higher binds tighter); nil for other tokens.
    func binaryOperator(_ token: Token) -> (BinaryOperator, Int)? {
        switch token.kind {
        case .questionQuestion: (.nullishCoalescing, 1)
        case .barBar: (.logicalOr, 2)
        case .ampersandAmpersand: (.logicalAnd, 3)
        case .bar: (.bitwiseOr, 4)
        case .caret: (.bitwiseXor, 5)
        case .ampersand: (.bitwiseAnd, 6)
        case .equalEqual: (.equal, 7)
        case .bangEqual: (.notEqual, 7)
        case .equalEqualEqual: (.strictEqual, 7)
        case .bangEqualEqual: (.strictNotEqual, 7)
        case .less: (.less, 8)
        case .greater: (.greater, 8)
        case .lessEqual: (.lessEqual, 8)
        case .greaterEqual: (.greaterEqual, 8)
        case .identifier where token.keyword == .instanceof && !token.hasEscape: (.instanceof, 8)
        case .identifier where token.keyword == .in && !token.hasEscape: (.in, 8)
        case .lessLess: (.leftShift, 9)
        case .greaterGreater: (.rightShift, 9)
        case .greaterGreaterGreater: (.unsignedRightShift, 9)
        case .plus: (.plus, 10)
        case .minus: (.minus, 10)
        case .star: (.multiply, 11)
        case .slash: (.divide, 11)
        case .percent: (.remainder, 11)
        case .starStar: (.exponent, 12)
        default: nil
        }
    }

    /// The assignment operator a token spells, if any.
    func assignmentOperator(_ kind: TokenKind) -> AssignmentOperator? {
        switch kind {
        case .equal: .assign
        case .plusEqual: .plusAssign
        case .minusEqual: .minusAssign
        case .starEqual: .multiplyAssign
        case .slashEqual: .divideAssign
        case .percentEqual: .remainderAssign
        case .starStarEqual: .exponentAssign
        case .lessLessEqual: .leftShiftAssign
        case .greaterGreaterEqual: .rightShiftAssign
        case .greaterGreaterGreaterEqual: .unsignedRightShiftAssign
        case .barEqual: .bitwiseOrAssign
        case .caretEqual: .bitwiseXorAssign
        case .ampersandEqual: .bitwiseAndAssign
        case .ampersandAmpersandEqual: .logicalAndAssign
        case .barBarEqual: .logicalOrAssign
        case .questionQuestionEqual: .nullishAssign
        default: nil
        }
    }

    /// Whether `token` can begin an expression.
    func canStartExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier:
            guard let keyword = token.keyword, !token.hasEscape, keyword.isReserved else { return true }
            switch keyword {
            case .this, .super, .null, .true, .false, .function, .class, .new, .typeof, .void, .delete, .import:
                return true
            default:
                return false
            }
        case .privateName, .string, .number, .bigint, .regex, .template, .templateHead, .openParen, .openBracket,
            .openBrace, .bang, .tilde, .plus, .minus, .plusPlus, .minusMinus, .less, .slash, .slashEqual, .at:
            return true
        default:
            return false
        }
    }
}
