/// `import …` declarations (including side-effect `import './x'`).
public struct ImportDeclaration: Sendable {
    /// `import type { … } from`
    public var isTypeOnly: Bool
    /// `import x from`
    public var defaultBinding: Identifier?
    /// `import * as ns from`
    public var namespaceBinding: Identifier?
    /// `import { a, b as c } from`; empty for side-effect imports and `import {} from`.
    public var namedBindings: [ImportSpecifier]
    /// The module specifier.
    public var source: StringLiteral
    /// The skipped `with { … }` / `assert { … }` attributes.
    public var attributes: Range<Int>?
    public var range: Range<Int>

    /// `import './x'`: no bindings at all.
    public var isSideEffectOnly: Bool {
        defaultBinding == nil && namespaceBinding == nil && namedBindings.isEmpty && !hasBraces
    }
    /// Whether the import had a `{ … }` list (possibly empty).
    public var hasBraces: Bool
}

public struct ImportSpecifier: Sendable {
    /// The exported name in the other module (`a` in `{ a as b }`).
    public var imported: Identifier
    /// The local binding (`b` in `{ a as b }`; same as `imported` without `as`).
    public var local: Identifier
    /// `{ type A }`
    public var isTypeOnly: Bool
    public var range: Range<Int>
}

public struct ExportSpecifier: Sendable {
    /// The local name (`a` in `{ a as b }`), or the name in the other module for re-exports.
    public var local: Identifier
    /// The name exported (`b` in `{ a as b }`; same as `local` without `as`).
    public var exported: Identifier
    public var isTypeOnly: Bool
    public var range: Range<Int>
}

public struct ExportDeclaration: Sendable {
    public enum Kind: Sendable {
        /// `export const …`, `export function …`, `export class …`, `export enum …`, `export type …`
        case declaration(StatementSyntax)
        /// `export default function …` / `export default class …` (name optional)
        case defaultDeclaration(StatementSyntax)
        /// `export default <expression>`
        case defaultExpression(ExpressionSyntax)
        /// `export { a, b as c }` and `export { a } from './x'`
        case named([ExportSpecifier], source: StringLiteral?)
        /// `export * from './x'` and `export * as ns from './x'`
        case all(alias: Identifier?, source: StringLiteral)
        /// `export = x`
        case assignment(ExpressionSyntax)
    }
    public var kind: Kind
    /// `export type { … }`, `export type * from`
    public var isTypeOnly: Bool
    public var range: Range<Int>
}
