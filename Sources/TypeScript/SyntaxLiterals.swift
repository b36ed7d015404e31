public struct StringLiteral: Sendable, Hashable {
    /// The cooked value (escapes decoded).
    public var value: String
    /// Quotes included.
    public var range: Range<Int>
}

public struct NumberLiteral: Sendable, Hashable {
    /// The literal as written (`1_000`, `0x1F`, `1e3`).
    public var text: String
    /// The value (`nan` when the text is malformed, which also gets a diagnostic).
    public var value: Double
    public var range: Range<Int>
}

public struct BigIntLiteral: Sendable, Hashable {
    /// As written, with the trailing `n`.
    public var text: String
    public var range: Range<Int>
}

public struct BooleanLiteral: Sendable, Hashable {
    public var value: Bool
    public var range: Range<Int>
}

public struct RegexLiteral: Sendable, Hashable {
    public var pattern: String
    public var flags: String
    public var range: Range<Int>
}

/// A piece of literal text in a template, between `` ` ``/`}` and `${`/`` ` ``.
public struct TemplateElement: Sendable, Hashable {
    /// The cooked text; `nil` when it holds an invalid escape (legal only in tagged templates).
    public var cooked: String?
    /// The raw text, delimiters excluded.
    public var range: Range<Int>
}

public struct TemplateLiteral: Sendable {
    /// One more than `expressions`: `quasis[0] ${expressions[0]} quasis[1] …`.
    public var quasis: [TemplateElement]
    public var expressions: [ExpressionSyntax]
    public var range: Range<Int>
}

public struct TaggedTemplateExpression: Sendable {
    public var tag: ExpressionSyntax
    public var typeArguments: Range<Int>?
    public var template: TemplateLiteral
    public var range: Range<Int>
}

public struct ArrayLiteral: Sendable {
    /// `nil` for a hole (`[a, , b]`); spread elements are `.spread`.
    public var elements: [ExpressionSyntax?]
    public var range: Range<Int>
}

public struct ObjectLiteral: Sendable {
    public var members: [ObjectMember]
    public var range: Range<Int>
}

public enum ObjectMember: Sendable {
    /// `key: value`
    case property(ObjectProperty)
    /// `{ a }`, or `{ a = 1 }` in a destructuring-assignment target.
    case shorthand(ShorthandProperty)
    /// `...x`
    case spread(SpreadElement)
    /// `m() {}`, `get x() {}`, `set x(v) {}`, `async *m() {}`
    case method(MethodSyntax)
}

public struct ObjectProperty: Sendable {
    public var key: PropertyKey
    public var value: ExpressionSyntax
    public var range: Range<Int>
}

public struct ShorthandProperty: Sendable {
    public var name: Identifier
    /// `{ a = 1 } = obj` (only valid as an assignment target).
    public var defaultValue: ExpressionSyntax?
    public var range: Range<Int>
}

/// The key of an object member, class member or destructuring property.
public enum PropertyKey: Sendable {
    case identifier(Identifier)
    case string(StringLiteral)
    case number(NumberLiteral)
    case bigint(BigIntLiteral)
    /// `[expr]`; the range covers the brackets.
    case computed(ExpressionSyntax, range: Range<Int>)
    /// `#x` in classes (name without `#`).
    case privateName(Identifier)
}
