/// Prefix operators (`typeof`, `void`, `delete` included; `await` has its own node).
public enum UnaryOperator: String, Sendable, Hashable {
    case minus = "-", plus = "+", logicalNot = "!", bitwiseNot = "~"
    case typeof = "typeof", void = "void", delete = "delete"
}

/// `++` and `--`.
public enum UpdateOperator: String, Sendable, Hashable {
    case increment = "++", decrement = "--"
}

/// Binary and logical operators (`&&`, `||`, `??` included).
public enum BinaryOperator: String, Sendable, Hashable {
    case equal = "==", notEqual = "!=", strictEqual = "===", strictNotEqual = "!=="
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case leftShift = "<<", rightShift = ">>", unsignedRightShift = ">>>"
    case plus = "+", minus = "-", multiply = "*", divide = "/", remainder = "%", exponent = "**"
    case bitwiseOr = "|", bitwiseXor = "^", bitwiseAnd = "&"
    case `in` = "in", instanceof = "instanceof"
    case logicalAnd = "&&", logicalOr = "||", nullishCoalescing = "??"

    /// `&&`, `||` and `??`.
    public var isLogical: Bool { self == .logicalAnd || self == .logicalOr || self == .nullishCoalescing }
}

/// `=` and the compound assignments.
public enum AssignmentOperator: String, Sendable, Hashable {
    case assign = "="
    case plusAssign = "+=", minusAssign = "-=", multiplyAssign = "*=", divideAssign = "/=", remainderAssign = "%="
    case exponentAssign = "**=", leftShiftAssign = "<<=", rightShiftAssign = ">>=", unsignedRightShiftAssign = ">>>="
    case bitwiseOrAssign = "|=", bitwiseXorAssign = "^=", bitwiseAndAssign = "&="
    case logicalAndAssign = "&&=", logicalOrAssign = "||=", nullishAssign = "??="
}
