/// A trigger on a table (pg_trigger), as migrations create it: what it runs and whether it can rewrite the row an
/// `UPDATE` writes (a row-level `BEFORE UPDATE` trigger), which is how a database maintains a column itself.
public struct Trigger: Sendable, Hashable {
    public var name: String
    /// The function it executes, as written (looked up by name among the catalog's routines).
    public var function: QualifiedName
    /// The literal arguments (`moddatetime(updated_at)` → `["updated_at"]`).
    public var arguments: [String]
    /// Row-level, `BEFORE`, fires on `UPDATE`: the function's `NEW.<column>` assignments change the stored row.
    public var rewritesUpdatedRows: Bool
    public var location: SourceLocation

    public init(name: String, function: QualifiedName, arguments: [String] = [], rewritesUpdatedRows: Bool,
                location: SourceLocation = .none) {
        self.name = name
        self.function = function
        self.arguments = arguments
        self.rewritesUpdatedRows = rewritesUpdatedRows
        self.location = location
    }
}

/// A function or procedure (pg_proc), as far as triggers and row-level security need it: the columns of the
/// written row its body assigns, and whose rights it runs with.
public struct Routine: Sendable, Hashable {
    /// As the defining statement wrote it.
    public var name: QualifiedName
    /// `NEW.<column>` assignments of its PL/pgSQL body, as PostgreSQL folds the names.
    public var assignedNewColumns: [String]
    /// `SECURITY DEFINER`: it runs with its owner's rights.
    public var isSecurityDefiner: Bool
    /// It has its own `search_path` setting (`SET search_path …`, proconfig).
    public var setsSearchPath: Bool
    /// The `CREATE [OR REPLACE]` that defined the current body.
    public var location: SourceLocation
    /// A statement the reader could not read came after it (it may have replaced or altered the function).
    public var hasUnreadableChanges = false

    public init(name: QualifiedName, assignedNewColumns: [String] = [], isSecurityDefiner: Bool = false,
                setsSearchPath: Bool = false, location: SourceLocation = .none) {
        self.name = name
        self.assignedNewColumns = assignedNewColumns
        self.isSecurityDefiner = isSecurityDefiner
        self.setsSearchPath = setsSearchPath
        self.location = location
    }
}

extension SchemaModel {
    /// The columns of `table` that its triggers set on every update: `moddatetime(column)` (the contrib module's
    /// function), or the `NEW.` columns the trigger's function assigns, by the function's latest definition
    /// (PostgreSQL runs whatever body the function has now).
    public func triggerMaintainedColumns(of table: Table) -> Set<String> {
        var columns: Set<String> = []
        for trigger in table.triggers where trigger.rewritesUpdatedRows {
            let function = trigger.function.name.lowercased()
            if function == "moddatetime" {
                columns.formUnion(trigger.arguments)
            } else if let routine = routines.last(where: { $0.name.name.lowercased() == function }) {
                columns.formUnion(routine.assignedNewColumns)
            }
        }
        return columns
    }
}
