/// A function declaration or expression (also the function part of a method).
public struct FunctionSyntax: Sendable {
    public var name: Identifier?
    public var isAsync: Bool
    public var isGenerator: Bool
    /// The skipped `<T, …>` list.
    public var typeParameters: Range<Int>?
    public var parameters: [FunctionParameter]
    /// The skipped return type (after `:`).
    public var returnType: Range<Int>?
    /// `nil` for an overload signature, an abstract method or an ambient declaration.
    public var body: BlockStatement?
    public var range: Range<Int>
}

public struct FunctionParameter: Sendable {
    public var pattern: BindingPattern
    /// `...rest`
    public var isRest: Bool
    /// `x?: T`
    public var isOptional: Bool
    /// The skipped type annotation (after `:`).
    public var typeAnnotation: Range<Int>?
    public var defaultValue: ExpressionSyntax?
    /// Whether the parameter has a TypeScript parameter-property modifier
    /// (`public`, `private`, `protected`, `readonly`, `override`) in a constructor.
    public var isParameterProperty: Bool
    public var range: Range<Int>
}

/// What a declaration or parameter binds: a name or a destructuring pattern.
public indirect enum BindingPattern: Sendable {
    case identifier(Identifier)
    case object(ObjectPattern)
    case array(ArrayPattern)
    /// Could not be read (a diagnostic was reported).
    case missing(Range<Int>)
}

public struct ObjectPattern: Sendable {
    public var properties: [ObjectPatternProperty]
    /// `{ a, ...rest }`
    public var rest: BindingPattern?
    public var range: Range<Int>
}

public struct ObjectPatternProperty: Sendable {
    public var key: PropertyKey
    /// For the shorthand `{ a }` the value is `.identifier(a)`.
    public var value: BindingPattern
    public var isShorthand: Bool
    public var defaultValue: ExpressionSyntax?
    public var range: Range<Int>
}

public struct ArrayPattern: Sendable {
    /// `nil` for a hole (`[, b]`).
    public var elements: [BindingElement?]
    public var rest: BindingPattern?
    public var range: Range<Int>
}

public struct BindingElement: Sendable {
    public var pattern: BindingPattern
    public var defaultValue: ExpressionSyntax?
    public var range: Range<Int>
}

public struct ArrowFunction: Sendable {
    public enum Body: Sendable {
        case expression(ExpressionSyntax)
        case block(BlockStatement)
    }
    public var isAsync: Bool
    public var typeParameters: Range<Int>?
    public var parameters: [FunctionParameter]
    public var returnType: Range<Int>?
    public var body: Body
    public var range: Range<Int>
}

/// A class declaration or expression. Decorators are skipped.
public struct ClassSyntax: Sendable {
    public var name: Identifier?
    public var isAbstract: Bool
    public var typeParameters: Range<Int>?
    /// The `extends` expression.
    public var superClass: ExpressionSyntax?
    /// The skipped `implements …` list.
    public var implements: Range<Int>?
    public var members: [ClassMember]
    public var range: Range<Int>
}

public enum ClassMember: Sendable {
    /// Methods, accessors and the constructor (`kind == .constructor`).
    case method(MethodSyntax)
    case property(ClassProperty)
    /// `static { … }`
    case staticBlock(BlockStatement)
    /// An index signature `[key: string]: T`, skipped.
    case indexSignature(Range<Int>)
}

/// A method of a class or object literal.
public struct MethodSyntax: Sendable {
    public enum Kind: Sendable, Hashable { case method, getter, setter, constructor }
    public var kind: Kind
    public var key: PropertyKey
    public var isStatic: Bool
    /// `m?() {}`
    public var isOptional: Bool
    /// Parameters, body and flags; its `name` is nil.
    public var function: FunctionSyntax
    public var range: Range<Int>
}

public struct ClassProperty: Sendable {
    public var key: PropertyKey
    public var isStatic: Bool
    public var isOptional: Bool
    public var typeAnnotation: Range<Int>?
    public var value: ExpressionSyntax?
    public var range: Range<Int>
}
