/// `ON DELETE` / `ON UPDATE` behaviour of a foreign key; the raw values are how drizzle-kit writes them.
public enum ForeignKeyAction: String, Sendable, Hashable {
    case noAction = "no action"
    case restrict
    case cascade
    case setNull = "set null"
    case setDefault = "set default"
}

extension ForeignKeyAction {
    /// The action as SQL, drizzle-orm or a snapshot spells it (`cascade`, `SET NULL`); nil for anything else.
    public init?(keyword: String) { self.init(rawValue: keyword.lowercased()) }

    /// PostgreSQL's one-letter code (`pg_constraint.confdeltype`, libpg_query's `fk_del_action`): `a` no action,
    /// `r`, `c`, `n`, `d`.
    public init(code: String?) {
        switch code {
        case "r": self = .restrict
        case "c": self = .cascade
        case "n": self = .setNull
        case "d": self = .setDefault
        default: self = .noAction
        }
    }
}
