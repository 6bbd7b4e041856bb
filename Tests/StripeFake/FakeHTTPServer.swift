import Glibc
import Synchronization

/// A minimal HTTP/1.1 server on 127.0.0.1: keep-alive connections, `Content-Length` bodies, one thread per
/// connection. It counts the TCP connections it accepts and hands each request to `handler`.
final class FakeHTTPServer: Sendable {
    /// The port the kernel chose.
    let port: Int
    private let listener: Int32
    private let handler: @Sendable (FakeRequest) -> FakeReply
    private let hangUp: @Sendable (ClosedRange<ContinuousClock.Instant>) -> Void
    private let accepted = Atomic<Int>(0)
    /// Open connection sockets, so that `stop` can unblock their threads; a thread removes its socket before
    /// closing it, under this lock, so `stop` never touches a reused descriptor.
    private let open = Mutex<(stopped: Bool, sockets: Set<Int32>)>((false, []))

    /// Binds to `port` (0: a free one), listens and starts accepting. `hangUp` hears of every client that hung
    /// up on a request left unanswered (`.hang`): from when the request arrived to when the client hung up.
    init(
        port: UInt16 = 0, handler: @escaping @Sendable (FakeRequest) -> FakeReply,
        hangUp: @escaping @Sendable (ClosedRange<ContinuousClock.Instant>) -> Void
    ) throws(FakeServerError) {
        self.handler = handler
        self.hangUp = hangUp
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw FakeServerError(operation: "socket", code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = in_addr_t(UInt32(0x7F00_0001).bigEndian)
        address.sin_port = port.bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 64) == 0
                    && getsockname(listener, $0, &length) == 0
            }
        }
        guard bound else {
            let code = errno
            close(listener)
            throw FakeServerError(operation: "bind", code: code)
        }
        self.listener = listener
        self.port = Int(UInt16(bigEndian: address.sin_port))
        try FakeThread.detach { [self] in acceptLoop() }
    }

    /// How many TCP connections were accepted so far.
    var connectionCount: Int { accepted.load(ordering: .sequentiallyConsistent) }

    /// Stops accepting and closes every connection; later calls do nothing.
    func stop() {
        // `shutdown` wakes a thread blocked in `accept` or `recv`; the owning thread then closes the socket.
        // Done under the lock, so that no descriptor is touched after its owner closed it (and the number was
        // perhaps reused by another socket of the test process).
        open.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for socket in state.sockets {
                shutdown(socket, Int32(SHUT_RDWR))
            }
        }
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            let registered = open.withLock { state in
                guard !state.stopped else { return false }
                state.sockets.insert(connection)
                return true
            }
            guard registered else {
                close(connection)
                return
            }
            let number = accepted.add(1, ordering: .sequentiallyConsistent).newValue
            var noDelay: Int32 = 1
            setsockopt(connection, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            do {
                try FakeThread.detach { [self] in serve(connection, number: number) }
            } catch {
                closeConnection(connection)
            }
        }
    }

    private func closeConnection(_ connection: Int32) {
        open.withLock { _ = $0.sockets.remove(connection) }
        close(connection)
    }

    private func serve(_ connection: Int32, number: Int) {
        defer { closeConnection(connection) }
        var reader = FakeRequestReader()
        var unansweredSince: ContinuousClock.Instant?
        while true {
            while let request = reader.nextRequest(connectionNumber: number) {
                switch handler(request) {
                case .respond(let status, let headers, let body):
                    guard write(connection, response(status: status, headers: headers, body: body)) else { return }
                    if request.header("Connection")?.lowercased() == "close" { return }
                case .hang:
                    unansweredSince = .now
                case .dropConnection:
                    return
                }
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else {
                // Timed here, on the connection's own thread: a busy test process may take seconds to resume
                // the task that waits for the client, which would blur any timing taken there.
                let hungUp = ContinuousClock.now
                if count == 0, let unansweredSince, !open.withLock({ $0.stopped }) { hangUp(unansweredSince...hungUp) }
                return
            }
            reader.append(chunk[..<count])
            guard reader.looksLikeHTTP else { return }
        }
    }

    private func response(status: Int, headers: [(name: String, value: String)], body: String) -> String {
        let names = Set(headers.map { $0.name.lowercased() })
        var lines = ["HTTP/1.1 \(status) \(Self.reason(status))"]
        if !names.contains("content-type") { lines.append("Content-Type: application/json") }
        if !names.contains("request-id") {
            lines.append("Request-Id: \(FakeRequestID.next())")
        }
        lines += headers.map { "\($0.name): \($0.value)" }
        lines.append("Content-Length: \(body.utf8.count)")
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    private func write(_ connection: Int32, _ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            // MSG_NOSIGNAL: a client that hung up must not kill the test process with SIGPIPE.
            let sent = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { return false }
            bytes = bytes.dropFirst(sent)
        }
        return true
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
