// Comma-separated lists in brackets: arguments, array and object literals, parameters, patterns, imports.

extension Parser {
    /// A comma-separated list up to `closing`, tolerant of a missing comma between elements. The opener has been
    /// consumed; the closer is consumed here (or reported, pointing back at the opener).
    mutating func parseDelimitedList<Element>(
        closing: TokenKind, opener: Token, listName: String, startsElement: (Parser) -> Bool,
        element: (inout Parser) -> Element
    ) -> [Element] {
        var elements: [Element] = []
        while !at(closing), !at(.endOfFile), !isAbandoned {
            let before = token.start
            elements.append(element(&self))
            if eat(.comma) { continue }
            if at(closing) { break }
            if token.start != before, startsElement(self), !token.hasLineBreakBefore || closing != .closeParen {
                error("expected `,` between the elements of the \(listName), found \(describe(token))", at: token)
                continue
            }
            break
        }
        if !eat(closing) {
            let closer = closing == .closeParen ? ")" : closing == .closeBracket ? "]" : "}"
            error("expected `\(closer)` to close the \(listName) opened at \(position(of: opener.start)), found \(describe(token))", at: token)
        }
        return elements
    }
}
