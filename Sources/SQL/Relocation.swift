/// Moving a statement parsed from text that is not in the file (an `EXECUTE '…'` string with escapes) to one
/// place in the file: every range becomes `range`.
extension SQLStatement {
    func relocated(to range: Range<Int>) -> SQLStatement {
        SQLStatement(kind: kind.relocated(to: range), range: range, nested: nested.map { $0.relocated(to: range) })
    }
}

extension StatementKind {
    func relocated(to range: Range<Int>) -> StatementKind {
        switch self {
        case .createTable(var table):
            for index in table.columns.indices { table.columns[index].range = range }
            for index in table.constraints.indices { table.constraints[index].range = range }
            return .createTable(table)
        case .alterTable(var alter):
            for index in alter.actions.indices {
                alter.actions[index].range = range
                switch alter.actions[index].kind {
                case .addColumn(var column, let ifNotExists):
                    column.range = range
                    alter.actions[index].kind = .addColumn(column, ifNotExists: ifNotExists)
                case .addConstraint(var constraint):
                    constraint.range = range
                    alter.actions[index].kind = .addConstraint(constraint)
                default:
                    break
                }
            }
            return .alterTable(alter)
        case .doBlock(var block):
            block.bodyRange = nil
            return .doBlock(block)
        default:
            return self
        }
    }
}
