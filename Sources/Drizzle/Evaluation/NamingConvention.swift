/// Which drizzle-kit generation named the unnamed constraints and rendered the defaults: 0.x (snapshot
/// versions 5–7, the journal layout) or 1.x (version 8, one folder per migration). TypeScript is evaluated under
/// the convention of the drizzle-kit that writes the config's migrations, so drift compares like with like; the
/// workspace loader decides it (DrizzleKit knows the layouts, this module only renders).
public enum NamingConvention: String, Sendable, Hashable {
    /// drizzle-kit 0.x: `${t}_${cols}_${t2}_${cols2}_fk`, `${t}_${cols}_unique`, `${t}_${cols}_pk`.
    case kit0
    /// drizzle-kit 1.x: `…_fkey`, `${t}_${col}_key` for column `.unique()`, `${t}_pkey`; string defaults.
    case kit1
}
