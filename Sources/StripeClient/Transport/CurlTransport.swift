import Synchronization

/// Sends requests over a small pool of curl connections.
///
/// A call takes the most recently returned idle connection, so calls made one after another all go over one
/// TCP/TLS connection; calls made at the same time each get their own. At most `maxIdle` connections are kept.
final class CurlTransport: Sendable {
    private let idle = Mutex<[CurlConnection]>([])
    private let maxIdle: Int

    /// Creates an empty pool.
    init(maxIdle: Int = 4) {
        self.maxIdle = maxIdle
    }

    /// Sends one request and returns the answer or why there was none.
    func send(_ request: HTTPRequest) async -> Result<HTTPResponse, TransportFailure> {
        let connection: CurlConnection
        if let reused = idle.withLock({ $0.popLast() }) {
            connection = reused
        } else {
            do throws(TransportFailure) {
                connection = try CurlConnection()
            } catch {
                return .failure(error)
            }
        }
        let result = await connection.send(request)
        idle.withLock { connections in
            if connections.count < maxIdle { connections.append(connection) }
        }
        return result
    }
}
