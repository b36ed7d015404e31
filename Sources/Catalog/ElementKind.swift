/// The kinds of catalog elements, as schema differences and "some could not be read" markers name them.
public enum ElementKind: String, Sendable, Hashable {
    case table, column, index, foreignKey = "foreign key", primaryKey = "composite primary key"
    case uniqueConstraint = "unique constraint", checkConstraint = "check constraint", policy, `enum`, schema
}
