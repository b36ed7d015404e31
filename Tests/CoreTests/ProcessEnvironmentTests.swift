import Core
import Foundation
import Testing

/// The check runner reads the environment from the C library instead of through Foundation: it must see what
/// Foundation sees.
@Suite struct ProcessEnvironmentTests {
    @Test func everyVariableIsWhatFoundationReads() {
        let foundation = ProcessInfo.processInfo.environment
        let read = ProcessEnvironment.all()
        #expect(read == foundation)
        #expect(!read.isEmpty)
    }

    @Test func oneVariableIsWhatFoundationReads() {
        for name in ["PATH", "HOME", "SCHEMALINT_SURELY_UNSET_VARIABLE"] {
            #expect(ProcessEnvironment.value(name) == ProcessInfo.processInfo.environment[name])
        }
    }
}
