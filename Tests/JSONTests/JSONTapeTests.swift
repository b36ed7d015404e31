import Foundation
import Testing
import TestSupport
@testable import JSON

/// The tape must read exactly what the tree reader reads: same accept/reject verdict, same values, same ranges.
@Suite struct JSONTapeTests {
    /// A tape value rebuilt as a tree node, to compare with `JSONReader`'s result.
    private func tree(_ value: JSONTapeValue) -> JSONNode {
        switch value.kind {
        case .null: return JSONNode(value: .null, range: value.range)
        case .bool: return JSONNode(value: .bool(value.boolValue!), range: value.range)
        case .string: return JSONNode(value: .string(value.stringValue!), range: value.range)
        case .number:
            let literal = String(decoding: Array(value.tape.bytes[value.range]), as: UTF8.self)
            return JSONNode(value: .number(JSONNumber(literal: literal)!), range: value.range)
        case .array: return JSONNode(value: .array(value.elements.map(tree)), range: value.range)
        case .object:
            var members: [JSONMember] = []
            value.forEachMember { key, member in
                let entry = value.tape.entries[key.index]
                members.append(JSONMember(key: key.string, keyRange: Int(entry.start)..<Int(entry.end), value: tree(member)))
            }
            return JSONNode(value: .object(members), range: value.range)
        }
    }

    private func expectSameReading(_ bytes: [UInt8], _ label: String) {
        let expected = try? JSONReader.parse(bytes).get()
        let tape = JSONTape.parse(bytes)
        #expect((tape == nil) == (expected == nil), "verdict differs on \(label)")
        if let expected, let tape { #expect(tree(tape) == expected, "reading differs on \(label)") }
    }

    @Test(arguments: [
        #"{"a": 1, "b": [true, null, "x"], "c": -2.5e1}"#, #"[]"#, #"{}"#, #"[[], {}, [[]]]"#, #" "s\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00" "#,
        #"{"k": 1, "k": 2}"#, "\u{FEFF}[1]", #"0"#, #"-0.5E+3"#, #""\u00""#, #"[1,]"#, #"{"a" 1}"#, #"{"a":1,}"#, #"[01]"#,
        #"[1 2]"#, #"{,}"#, #"[tru]"#, #"nul"#, #"[1] x"#, "\"a\tb\"", #"{"a":{"b":[{"c":"d"}]}}"#, #""#, #"  "#, #"[-]"#,
        #"[1.]"#, #"[1e]"#, #"{"\u0041": 2}"#, #""\x""#, #"[{"a":[]},{"b":{}}]"#,
    ])
    func readsLikeTheTreeReader(_ text: String) {
        expectSameReading(Array(text.utf8), text)
    }

    @Test func looksUpKeysLikeTheTreeReader() throws {
        let root = try #require(JSONTape.parse(Array(#"{"k": 1, "A": {"x": "y"}, "k": 2, "\u0042": 3}"#.utf8)))
        #expect(root["k"]?.intValue == 2)
        #expect(root["A"]?["x"]?.stringValue == "y")
        #expect(root["B"]?.intValue == 3)
        #expect(root["missing"] == nil)
        #expect(root["A"]?.singleMember?.key.string == "x")
        #expect(root.singleMember == nil)
    }

    @Test func firstMemberStopsAtTheFirstOfAName() throws {
        let root = try #require(JSONTape.parse(Array(#"{"k": 1, "A": {"x": "y"}, "k": 2, "\u0042": 3}"#.utf8)))
        withExtendedLifetime(root) {
            let cursor = root.cursor
            #expect(cursor.firstMember(named: "k").int == 1)
            #expect(cursor["k"].int == 2)
            #expect(cursor.firstMember(named: "A").firstMember(named: "x").string == "y")
            #expect(cursor.firstMember(named: "B").int == 3)
            #expect(!cursor.firstMember(named: "missing").exists)
            #expect(!cursor.firstMember(named: "k").firstMember(named: "k").exists)
        }
    }

    @Test func refusesNestingBeyondTheLimit() {
        let deep = Array(String(repeating: "[", count: 600).utf8) + Array(String(repeating: "]", count: 600).utf8)
        #expect(JSONTape.parse(deep) == nil)
        #expect(JSONTape.parse(deep, maximumDepth: 600) != nil)
    }

    /// Every file of the official JSON-Schema-Test-Suite, and truncated and byte-flipped copies of a few of them.
    @Test func readsTheSchemaTestSuiteLikeTheTreeReader() throws {
        guard let root = SharedFolder.path("corpus/json-schema-test-suite") else {
            print(SharedFolder.missingReason)
            return
        }
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") } ?? []
        #expect(files.count > 100)
        for (number, file) in files.enumerated() {
            let bytes = Array(FileManager.default.contents(atPath: root + "/" + file) ?? Data())
            expectSameReading(bytes, file)
            guard number % 40 == 0, bytes.count > 10 else { continue }
            expectSameReading(Array(bytes[..<(bytes.count / 2)]), file + " (truncated)")
            for offset in stride(from: 0, to: bytes.count, by: max(bytes.count / 25, 1)) {
                var mutated = bytes
                mutated[offset] = [UInt8(ascii: "\""), UInt8(ascii: ","), UInt8(ascii: "}"), 0x01, UInt8(ascii: "\\")][offset % 5]
                expectSameReading(mutated, "\(file) with byte \(offset) replaced")
            }
        }
    }
}

@Suite struct JSONTapeWrapperTests {
    @Test func findsOneMemberWrappersOutermostFirst() throws {
        let text = #"{"A": {"A": 1}, "b": [{"A": 2}, {"A": 3, "c": 4}, {"x": {"A": "s"}}], "A2": {"A": 5}}"#
        let root = try #require(JSONTape.parse(Array(text.utf8)))
        var found: [String] = []
        root.forEachWrapped("A") { found.append(String(decoding: Array($0.tape.bytes[$0.range]), as: UTF8.self)) }
        // The root has three members and `{"A": 3, "c": 4}` two: neither is a wrapper.
        #expect(found == ["1", "2", #""s""#, "5"])
        let nested = try #require(JSONTape.parse(Array(#"{"A": {"A": 7}}"#.utf8)))
        var inner: [Range<Int>] = []
        nested.forEachWrapped("A") { inner.append($0.range) }
        #expect(inner == [6..<14]) // the outer match's value; the wrapper inside it is not looked into
    }
}
