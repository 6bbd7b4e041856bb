import CCurl

/// Owns a `curl_slist` of header lines, freed when the list is.
final class CurlHeaderList {
    private let curl: LibCurl
    /// The list's head, `nil` while empty.
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    /// Builds the list from `Name: value` lines with the loaded library.
    ///
    /// - Throws: `TransportFailure` with `CURLE_OUT_OF_MEMORY` when libcurl cannot allocate a node.
    init(_ lines: [String], curl: LibCurl) throws(TransportFailure) {
        self.curl = curl
        for line in lines {
            guard let appended = curl.slistAppend(pointer, line) else {
                throw TransportFailure(code: CURLE_OUT_OF_MEMORY, requestSent: false)
            }
            pointer = appended
        }
    }

    deinit {
        curl.slistFreeAll(pointer)
    }
}
