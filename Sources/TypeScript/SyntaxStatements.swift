/// A statement or declaration.
public indirect enum StatementSyntax: Sendable {
    case variable(VariableDeclaration)
    case function(FunctionSyntax)
    case `class`(ClassSyntax)
    case `import`(ImportDeclaration)
    case export(ExportDeclaration)
    case expression(ExpressionStatement)
    case block(BlockStatement)
    case `return`(ReturnStatement)
    case `if`(IfStatement)
    case `for`(ForStatement)
    /// `for (x in y)`, `for (x of y)`, `for await (x of y)`
    case forInOf(ForInOfStatement)
    case `while`(WhileStatement)
    case doWhile(DoWhileStatement)
    case `try`(TryStatement)
    case `throw`(ThrowStatement)
    case `switch`(SwitchStatement)
    case `break`(JumpStatement)
    case `continue`(JumpStatement)
    case labeled(LabeledStatement)
    case empty(Range<Int>)
    case debugger(Range<Int>)
    case `enum`(EnumDeclaration)
    /// `namespace X { … }` / `module X { … }` (not `declare`d: those are `.typeOnly`).
    case namespace(NamespaceDeclaration)
    /// Declarations that only exist for the type checker and were skipped: `type`, `interface`, `declare …`,
    /// `import x = require(…)`. (Function overload signatures are `.function` with no body.)
    case typeOnly(TypeOnlyDeclaration)
    /// A statement that could not be read; a diagnostic was reported and reading resumed after it.
    case invalid(Range<Int>)
}

public struct VariableDeclaration: Sendable {
    public enum Kind: String, Sendable, Hashable {
        case `const`, `let`, `var`, using
        case awaitUsing = "await using"
    }
    public var kind: Kind
    public var declarators: [VariableDeclarator]
    public var range: Range<Int>
}

public struct VariableDeclarator: Sendable {
    public var pattern: BindingPattern
    /// `let x!: T`
    public var isDefinite: Bool
    public var typeAnnotation: Range<Int>?
    public var initializer: ExpressionSyntax?
    public var range: Range<Int>
}

public struct ExpressionStatement: Sendable {
    public var expression: ExpressionSyntax
    public var range: Range<Int>
}

public struct BlockStatement: Sendable {
    public var statements: [StatementSyntax]
    public var range: Range<Int>
}

public struct ReturnStatement: Sendable {
    public var argument: ExpressionSyntax?
    public var range: Range<Int>
}

public struct IfStatement: Sendable {
    public var test: ExpressionSyntax
    public var consequent: StatementSyntax
    public var alternate: StatementSyntax?
    public var range: Range<Int>
}

/// The first clause of a `for` head.
public enum ForInitializer: Sendable {
    case variable(VariableDeclaration)
    case expression(ExpressionSyntax)
}

public struct ForStatement: Sendable {
    public var initializer: ForInitializer?
    public var test: ExpressionSyntax?
    public var update: ExpressionSyntax?
    public var body: StatementSyntax
    public var range: Range<Int>
}

public struct ForInOfStatement: Sendable {
    public enum Kind: Sendable, Hashable { case `in`, of }
    public var kind: Kind
    /// `for await (… of …)`
    public var isAwait: Bool
    public var left: ForInitializer
    public var right: ExpressionSyntax
    public var body: StatementSyntax
    public var range: Range<Int>
}

public struct WhileStatement: Sendable {
    public var test: ExpressionSyntax
    public var body: StatementSyntax
    public var range: Range<Int>
}

public struct DoWhileStatement: Sendable {
    public var body: StatementSyntax
    public var test: ExpressionSyntax
    public var range: Range<Int>
}

public struct TryStatement: Sendable {
    public var block: BlockStatement
    public var handler: CatchClause?
    public var finalizer: BlockStatement?
    public var range: Range<Int>
}

public struct CatchClause: Sendable {
    /// `nil` for `catch { … }`.
    public var parameter: BindingPattern?
    public var body: BlockStatement
    public var range: Range<Int>
}

public struct ThrowStatement: Sendable {
    public var argument: ExpressionSyntax
    public var range: Range<Int>
}

public struct SwitchStatement: Sendable {
    public var discriminant: ExpressionSyntax
    public var cases: [SwitchCase]
    public var range: Range<Int>
}

public struct SwitchCase: Sendable {
    /// `nil` for `default:`.
    public var test: ExpressionSyntax?
    public var consequent: [StatementSyntax]
    public var range: Range<Int>
}

/// `break` / `continue`.
public struct JumpStatement: Sendable {
    public var label: Identifier?
    public var range: Range<Int>
}

public struct LabeledStatement: Sendable {
    public var label: Identifier
    public var body: StatementSyntax
    public var range: Range<Int>
}

public struct EnumDeclaration: Sendable {
    public var name: Identifier
    public var isConst: Bool
    public var members: [EnumMember]
    public var range: Range<Int>
}

public struct EnumMember: Sendable {
    /// The member name (a string-literal name is cooked).
    public var name: Identifier
    public var initializer: ExpressionSyntax?
    public var range: Range<Int>
}

public struct NamespaceDeclaration: Sendable {
    /// `a.b.c` for `namespace a.b.c { }`.
    public var name: [Identifier]
    public var body: [StatementSyntax]
    public var range: Range<Int>
}

public struct TypeOnlyDeclaration: Sendable {
    public enum Kind: Sendable, Hashable {
        /// `type X = …`
        case typeAlias
        case interface
        /// `declare …` (any ambient declaration, including `declare module` / `declare global`)
        case ambient
        /// `import x = require('…')`, `import x = a.b`
        case importEquals
    }
    public var kind: Kind
    /// The declared name when there is one.
    public var name: Identifier?
    public var range: Range<Int>
}
