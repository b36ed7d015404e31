/// An expression. Types are not modelled: where the source has a type, the node keeps only its byte range.
public indirect enum ExpressionSyntax: Sendable {
    case identifier(Identifier)
    case this(Range<Int>)
    case `super`(Range<Int>)
    case string(StringLiteral)
    case number(NumberLiteral)
    case bigint(BigIntLiteral)
    case boolean(BooleanLiteral)
    case null(Range<Int>)
    case regex(RegexLiteral)
    case template(TemplateLiteral)
    /// sql`now()`
    case taggedTemplate(TaggedTemplateExpression)
    case array(ArrayLiteral)
    case object(ObjectLiteral)
    /// `a.b`, `a?.b`, `a.#b`
    case member(MemberExpression)
    /// `a[b]`, `a?.[b]`
    case element(ElementAccessExpression)
    case call(CallExpression)
    case new(NewExpression)
    /// `import(x)`
    case importCall(ImportCallExpression)
    /// `new.target`, `import.meta`
    case metaProperty(MetaProperty)
    case arrow(ArrowFunction)
    case function(FunctionSyntax)
    case `class`(ClassSyntax)
    case unary(UnaryExpression)
    case update(UpdateExpression)
    /// Binary and logical (`&&`, `||`, `??`) operations.
    case binary(BinaryExpression)
    case assignment(AssignmentExpression)
    case conditional(ConditionalExpression)
    /// `a, b`
    case sequence(SequenceExpression)
    /// `x as T`, `x as const`, `x satisfies T`, `<T>x`
    case typeAssertion(TypeAssertionExpression)
    /// `x!`
    case nonNull(NonNullExpression)
    case parenthesized(ParenthesizedExpression)
    case await(AwaitExpression)
    case yield(YieldExpression)
    /// `...x` in array literals and argument lists.
    case spread(SpreadElement)
    /// A placeholder where an expression was expected but could not be read (a diagnostic was reported).
    case missing(Range<Int>)
    /// `<div a={b}>…</div>` and `<>…</>` (only in the `.tsx` dialect).
    case jsx(JSXElement)
}

public struct MemberExpression: Sendable {
    public var object: ExpressionSyntax
    public var property: Identifier
    /// `a?.b`
    public var isOptional: Bool
    /// `a.#b` (`property.name` is `b`).
    public var isPrivateName: Bool
    public var range: Range<Int>
}

public struct ElementAccessExpression: Sendable {
    public var object: ExpressionSyntax
    public var index: ExpressionSyntax
    /// `a?.[b]`
    public var isOptional: Bool
    public var range: Range<Int>
}

public struct CallExpression: Sendable {
    public var callee: ExpressionSyntax
    /// The range of `<...>` when the call has type arguments (`f<T>(x)`), which are skipped.
    public var typeArguments: Range<Int>?
    /// The arguments; a spread argument is `.spread`.
    public var arguments: [ExpressionSyntax]
    /// `f?.(x)`
    public var isOptional: Bool
    public var range: Range<Int>
}

public struct NewExpression: Sendable {
    public var callee: ExpressionSyntax
    public var typeArguments: Range<Int>?
    /// `nil` for `new X` without parentheses.
    public var arguments: [ExpressionSyntax]?
    public var range: Range<Int>
}

public struct ImportCallExpression: Sendable {
    public var arguments: [ExpressionSyntax]
    public var range: Range<Int>
}

public struct MetaProperty: Sendable {
    /// `new` or `import`.
    public var meta: Identifier
    /// `target` or `meta`.
    public var property: Identifier
    public var range: Range<Int>
}

public struct UnaryExpression: Sendable {
    public var `operator`: UnaryOperator
    public var operand: ExpressionSyntax
    public var range: Range<Int>
}

public struct UpdateExpression: Sendable {
    public var `operator`: UpdateOperator
    /// `++x` (prefix) or `x++` (postfix).
    public var isPrefix: Bool
    public var operand: ExpressionSyntax
    public var range: Range<Int>
}

public struct BinaryExpression: Sendable {
    public var `operator`: BinaryOperator
    public var left: ExpressionSyntax
    public var right: ExpressionSyntax
    /// The operator token.
    public var operatorRange: Range<Int>
    public var range: Range<Int>
}

public struct AssignmentExpression: Sendable {
    public var `operator`: AssignmentOperator
    /// The assigned-to expression as written (an array or object literal for destructuring assignments).
    public var target: ExpressionSyntax
    public var value: ExpressionSyntax
    public var range: Range<Int>
}

public struct ConditionalExpression: Sendable {
    public var test: ExpressionSyntax
    public var consequent: ExpressionSyntax
    public var alternate: ExpressionSyntax
    public var range: Range<Int>
}

public struct SequenceExpression: Sendable {
    public var expressions: [ExpressionSyntax]
    public var range: Range<Int>
}

public struct TypeAssertionExpression: Sendable {
    public enum Kind: Sendable, Hashable {
        /// `x as T`
        case `as`
        /// `x as const`
        case asConst
        /// `x satisfies T`
        case satisfies
        /// `<T>x`
        case angleBracket
    }
    public var kind: Kind
    public var expression: ExpressionSyntax
    /// The skipped type (`const` for `as const`).
    public var type: Range<Int>
    public var range: Range<Int>
}

public struct NonNullExpression: Sendable {
    public var expression: ExpressionSyntax
    public var range: Range<Int>
}

public struct ParenthesizedExpression: Sendable {
    public var expression: ExpressionSyntax
    public var range: Range<Int>
}

public struct AwaitExpression: Sendable {
    public var argument: ExpressionSyntax
    public var range: Range<Int>
}

public struct YieldExpression: Sendable {
    public var argument: ExpressionSyntax?
    /// `yield* x`
    public var isDelegate: Bool
    public var range: Range<Int>
}

public struct SpreadElement: Sendable {
    public var argument: ExpressionSyntax
    public var range: Range<Int>
}
