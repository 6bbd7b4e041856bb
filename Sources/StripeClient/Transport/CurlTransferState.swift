import CCurl
import Whitespace

/// What one transfer collects through libcurl's callbacks: headers, body, whether the request went out,
/// and whether to stop.
///
/// Used only on the thread running the transfer; the callbacks find it through their context pointer.
final class CurlTransferState {
    /// The final response's headers; a new status line (after `100 Continue`) starts them again.
    private(set) var headers: [(name: String, value: String)] = []
    /// The body received so far.
    private(set) var body: [UInt8] = []
    /// Whether a connection was made and the request handed to it.
    private(set) var requestSent = false
    private let cancellation: CancellationFlag

    init(cancellation: CancellationFlag) {
        self.cancellation = cancellation
    }

    /// An opaque pointer to this state for libcurl's `…DATA` options; valid while the state lives.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    private static func from(_ context: UnsafeMutableRawPointer?) -> CurlTransferState? {
        context.map { Unmanaged<CurlTransferState>.fromOpaque($0).takeUnretainedValue() }
    }

    /// `CURLOPT_WRITEFUNCTION`: appends body bytes.
    static let write: payment_ops_curl_data_callback = { data, size, count, context in
        guard let state = from(context) else { return 0 }
        let length = size * count
        if let data, length > 0 {
            data.withMemoryRebound(to: UInt8.self, capacity: length) {
                state.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
            }
        }
        return length
    }

    /// `CURLOPT_HEADERFUNCTION`: called once per header line, CRLF included.
    static let header: payment_ops_curl_data_callback = { data, size, count, context in
        guard let state = from(context) else { return 0 }
        let length = size * count
        guard let data, length > 0 else { return length }
        let line = data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            state.headers = []
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingWhitespace()
            state.headers.append((name, value))
        }
        return length
    }

    /// `CURLOPT_XFERINFOFUNCTION`: a non-zero answer aborts the transfer with `CURLE_ABORTED_BY_CALLBACK`.
    static let progress: payment_ops_curl_progress_callback = { context, _, _, _, _ in
        guard let state = from(context) else { return 1 }
        return state.cancellation.isCancelled ? 1 : 0
    }

    /// `CURLOPT_PREREQFUNCTION`: the connection is up and the request is about to be sent.
    static let prerequest: payment_ops_curl_prereq_callback = { context, _, _, _, _ in
        from(context)?.requestSent = true
        return Int32(CURL_PREREQFUNC_OK)
    }
}
