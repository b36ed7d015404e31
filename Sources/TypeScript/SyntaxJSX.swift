/// A JSX element or fragment (only in the `.tsx` dialect).
public struct JSXElement: Sendable {
    /// The tag name as written (`div`, `Foo.Bar`, `svg:path`); nil for a fragment `<>…</>`.
    public var name: Identifier?
    public var attributes: [JSXAttribute]
    public var children: [JSXChild]
    /// `<x />`
    public var isSelfClosing: Bool
    public var range: Range<Int>
}

public enum JSXAttribute: Sendable {
    /// `name`, `name="text"`, `name={expression}`, `name=<element />`; `value` is nil for a bare name.
    case attribute(name: Identifier, value: ExpressionSyntax?, range: Range<Int>)
    /// `{...props}`
    case spread(SpreadElement)
}

public enum JSXChild: Sendable {
    /// Literal text between tags (entities are not decoded).
    case text(Range<Int>)
    /// `{expression}`; nil for `{}` or `{/* comment */}`.
    case expression(ExpressionSyntax?, range: Range<Int>)
    case element(JSXElement)
}

/// Which grammar to read: TypeScript (`.ts`, `.mts`, `.cts`, `.js`, `.mjs`, `.cjs`), or TypeScript with JSX
/// (`.tsx`, `.jsx`), where `<` in an expression starts an element instead of a type assertion.
public enum SourceDialect: Sendable, Hashable {
    case typeScript
    case tsx

    /// The dialect for a file name's extension (`tsx` and `jsx` read JSX; anything else does not).
    public init(path: String) {
        self = path.hasSuffix(".tsx") || path.hasSuffix(".jsx") ? .tsx : .typeScript
    }
}
