/// `CREATE FUNCTION` bodies and `CREATE TRIGGER`: what a trigger does to the rows of its table.
extension StatementDecoder {
    /// The `NEW.<column>` assignments of a `CREATE FUNCTION … LANGUAGE plpgsql` body.
    func newRowAssignments(_ node: ParseNode) -> [String] {
        var language = ""
        var body: String?
        for option in node["options"].array {
            guard let element = option.unwrap("DefElem") else { continue }
            switch element["defname"].string {
            case "language": language = element["arg"].unwrap("String")?["sval"].string?.lowercased() ?? language
            case "as":
                // `AS 'body'` is a one-string list; C functions give `AS 'file', 'symbol'`.
                let parts = element["arg"].unwrap("List")?["items"].stringList ?? []
                if parts.count == 1 { body = parts[0] }
            default: break
            }
        }
        guard language == "plpgsql", let body else { return [] }
        return NewRowAssignments.columns(in: body)
    }

    func createTrigger(_ node: ParseNode) -> CreateTrigger {
        // pg_trigger's bit masks (TRIGGER_TYPE_BEFORE, TRIGGER_TYPE_INSTEAD, TRIGGER_TYPE_UPDATE).
        let timingBits = node["timing"].int
        let timing: CreateTrigger.Timing = timingBits & 64 != 0 ? .insteadOf : (timingBits & 2 != 0 ? .before : .after)
        return CreateTrigger(
            name: node["trigname"].string ?? "", table: node["relation"].rangeVarName, timing: timing,
            firesOnUpdate: node["events"].int & 16 != 0, forEachRow: node["row"].bool,
            function: ParseNode.qualifiedName(parts: node["funcname"].stringList), arguments: node["args"].stringList)
    }
}
