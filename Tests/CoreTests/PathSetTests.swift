import Core
import Testing

/// `PathSet` replaces `Set<String>` for a tree's paths: it must answer `contains` as a set of the same paths does,
/// in or out of byte order, with repeats, and byte for byte as git compares paths.
@Suite struct PathSetTests {
    static let paths = ["apps/web/src/a.ts", "apps/web-2/b.ts", "apps/web/README.md", "package.json", "données/schéma.ts",
                        "apps/web/src/a.tsx", "Z.md", "a", "apps/web/src/a.ts"]

    @Test func answersAsASetOfTheSamePaths() {
        let inGitOrder = Array(Set(Self.paths)).sorted { $0.byteOrder($1) < 0 }
        for listed in [Self.paths, inGitOrder, inGitOrder.reversed()] {
            let set = PathSet(listed)
            #expect(set.sorted == inGitOrder)
            for path in Self.paths + ["apps/web/src", "apps/web/src/a", "apps", "", "zzz", "données/schema.ts"] {
                #expect(set.contains(path) == Set(Self.paths).contains(path), "\(path)")
            }
        }
        #expect(!PathSet([]).contains("a"))
    }

    /// Many paths at once, in byte order (one walk) or not (by halves): the same answers as one by one.
    @Test func findsManyPathsAsOneByOne() {
        let set = PathSet(Self.paths)
        let asked = ["", "Z.md", "apps/web-2/b.ts", "apps/web/src/a", "apps/web/src/a.ts", "apps/web/src/a.tsx", "b", "données/schéma.ts", "zzz"]
        for wanted in [asked, Array(asked.reversed()), ["apps/web/src/a.ts", "apps/web/src/a.ts"], []] {
            #expect(set.indices(of: wanted) == wanted.map(set.index(of:)), "\(wanted)")
        }
        #expect(set.indices(of: asked).compactMap { $0 }.map { set.sorted[$0] } == asked.filter(set.contains))
    }

    /// Git's order: `-` (0x2D) before `/` (0x2F), upper case before lower case, bytes of UTF-8 not scalars.
    @Test func byteOrderIsGits() {
        #expect("apps/web-2/b.ts".byteOrder("apps/web/README.md") < 0)
        #expect("Z.md".byteOrder("a") < 0)
        #expect("a".byteOrder("a") == 0)
        #expect("a".byteOrder("ab") < 0)
        // A decomposed `é` is another path than a composed one, though `==` on strings calls them equal.
        let decomposed = "caf\u{65}\u{301}.ts", composed = "caf\u{e9}.ts"
        #expect(decomposed == composed)
        #expect(decomposed.byteOrder(composed) != 0)
        #expect(!PathSet([composed]).contains(decomposed))
    }
}
