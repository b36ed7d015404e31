/// The shortcuts of issue 10 — old snapshots read by their first bytes, clean work-tree files read instead of
/// inflating their git blobs, one replay of the judged migrations kept for every rule — can be turned off with
/// `SCHEMALINT_NO_FAST_PATHS=1`, so tests (and a user who suspects them) can compare a run with and without them:
/// the findings must be the same.
public enum FastPaths {
    public static let enabled: Bool = ProcessEnvironment.value("SCHEMALINT_NO_FAST_PATHS").map { $0.isEmpty } ?? true
}
