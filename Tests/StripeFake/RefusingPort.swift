import Glibc

/// A loopback port that refuses every connection: bound, never listening.
///
/// Tests of refused connections must not stop a fake and reuse its port: tests run in parallel, and a
/// fake started by another test may take the freed port and answer. A bound port is never handed out again.
public final class RefusingPort {
    /// `http://127.0.0.1:<port>`, for a client that should fail to connect.
    public let baseURL: String
    private let descriptor: Int32

    /// Binds a free loopback port without listening on it.
    public init() throws(FakeServerError) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw FakeServerError(operation: "socket", code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else {
            let code = errno
            close(descriptor)
            throw FakeServerError(operation: "bind", code: code)
        }
        self.descriptor = descriptor
        baseURL = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
    }

    deinit { close(descriptor) }
}
