import Testing
@testable import Core

@Suite struct LineIndexTests {
    @Test func countsLinesForLFCRLFAndLoneCR() {
        let bytes = Array("a\nb\r\nc\rd".utf8)
        let index = LineIndex(bytes)
        #expect(index.lineStarts == [0, 2, 5, 7])
        #expect(index.position(of: 5, in: bytes) == SourcePosition(line: 3, column: 1))
        #expect(index.position(of: 8, in: bytes) == SourcePosition(line: 4, column: 2))
    }

    @Test func columnsCountUnicodeScalarsNotBytes() {
        let bytes = Array("é€😀x".utf8)
        let offsetOfX = bytes.firstIndex(of: UInt8(ascii: "x"))!
        #expect(LineIndex(bytes).position(of: offsetOfX, in: bytes) == SourcePosition(line: 1, column: 4))
    }

    @Test func lineRangeDropsTheTerminator() {
        let bytes = Array("one\r\ntwo".utf8)
        let index = LineIndex(bytes)
        #expect(Array(bytes[index.lineRange(0, in: bytes)]) == Array("one".utf8))
        #expect(Array(bytes[index.lineRange(1, in: bytes)]) == Array("two".utf8))
    }

    @Test func emptyInputHasOneLine() {
        let index = LineIndex([])
        #expect(index.lineCount == 1)
        #expect(index.position(of: 0, in: []) == SourcePosition(line: 1, column: 1))
    }
}
