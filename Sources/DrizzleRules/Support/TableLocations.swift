import Drizzle

extension Table {
    /// Where to point for findings about the whole table: its declaration.
    var nameLocation: SourceLocation { location }
}
