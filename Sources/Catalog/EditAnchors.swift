/// Where the parts of a call are in its file, so that rules can offer fixes (add an option, an argument, an index)
/// from the model alone. Offsets are UTF-8 bytes of `path`, like `SourceLocation`.
public struct CallLayout: Sendable, Hashable {
    public var path: String
    /// The offset of the closing `)`.
    public var closeParen: Int
    public var arguments: [ArgumentLayout]

    public init(path: String, closeParen: Int, arguments: [ArgumentLayout]) {
        self.path = path
        self.closeParen = closeParen
        self.arguments = arguments
    }
}

/// One argument as written: its range, and its shape when it is a literal a fix can edit.
public struct ArgumentLayout: Sendable, Hashable {
    public var range: Range<Int>
    /// Set when the argument is an object literal (`{ withTimezone: true }`).
    public var object: ObjectLayout?
    /// Set when the argument is an arrow function (a table's third argument).
    public var arrow: ArrowLayout?

    public init(range: Range<Int>, object: ObjectLayout? = nil, arrow: ArrowLayout? = nil) {
        self.range = range
        self.object = object
        self.arrow = arrow
    }
}

/// An object literal: its braces and its `key: value` properties (spreads and methods make `isPlain` false).
public struct ObjectLayout: Sendable, Hashable {
    public var range: Range<Int>
    public var properties: [PropertyLayout]
    /// Only `key: value` and shorthand properties: a fix may add a key without a spread overriding it.
    public var isPlain: Bool
    /// The leading whitespace of the lines its properties start on, when they start lines (a multi-line literal).
    public var propertyIndent: String?

    public init(range: Range<Int>, properties: [PropertyLayout], isPlain: Bool, propertyIndent: String? = nil) {
        self.range = range
        self.properties = properties
        self.isPlain = isPlain
        self.propertyIndent = propertyIndent
    }
}

public struct PropertyLayout: Sendable, Hashable {
    /// Nil for computed keys.
    public var key: String?
    public var range: Range<Int>
    public var valueRange: Range<Int>
    /// The value when it is a string literal (`mode: 'string'`).
    public var stringValue: String?

    public init(key: String?, range: Range<Int>, valueRange: Range<Int>, stringValue: String? = nil) {
        self.key = key
        self.range = range
        self.valueRange = valueRange
        self.stringValue = stringValue
    }
}

/// `(t) => [ … ]` or `(t) => ({ … })`.
public struct ArrowLayout: Sendable, Hashable {
    /// The first parameter's name when it is a plain identifier.
    public var parameter: String?
    public var body: Body

    public enum Body: Sendable, Hashable {
        case array(ArrayLayout)
        /// A parenthesized object literal.
        case object(ObjectLayout)
        /// A block or another expression: not edited.
        case other
    }

    public init(parameter: String?, body: Body) {
        self.parameter = parameter
        self.body = body
    }
}

public struct ArrayLayout: Sendable, Hashable {
    public var range: Range<Int>
    public var elements: [Range<Int>]
    /// The leading whitespace of the lines its elements start on, when they start lines.
    public var elementIndent: String?

    public init(range: Range<Int>, elements: [Range<Int>], elementIndent: String? = nil) {
        self.range = range
        self.elements = elements
        self.elementIndent = elementIndent
    }
}

/// How a table's file is written, for fixes that add code to it.
public struct TableFileStyle: Sendable, Hashable {
    /// `'` or `"`: the quote of the table's name.
    public var quote: String
    /// One level of indentation (`  `, `    `, a tab), from the columns object.
    public var indentUnit: String
    /// The leading whitespace of the line the table call ends on.
    public var baseIndent: String
    /// The local name of drizzle-orm/pg-core's `index` in the file, when imported.
    public var indexFunction: String?
    /// Where `, index` goes to import it: after the last named import of drizzle-orm/pg-core.
    public var pgCoreImportEnd: Int?

    public init(quote: String, indentUnit: String, baseIndent: String, indexFunction: String?, pgCoreImportEnd: Int?) {
        self.quote = quote
        self.indentUnit = indentUnit
        self.baseIndent = baseIndent
        self.indexFunction = indexFunction
        self.pgCoreImportEnd = pgCoreImportEnd
    }
}
