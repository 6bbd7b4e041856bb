import CCurl

/// Owns a `curl_slist` of header lines, freed when the list is.
final class CurlHeaderList {
    /// The list's head, `nil` while empty.
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    /// Builds the list from `Name: value` lines.
    ///
    /// - Throws: `TransportFailure` with `CURLE_OUT_OF_MEMORY` when libcurl cannot allocate a node.
    init(_ lines: [String]) throws(TransportFailure) {
        for line in lines {
            guard let appended = curl_slist_append(pointer, line) else {
                throw TransportFailure(code: CURLE_OUT_OF_MEMORY, requestSent: false)
            }
            pointer = appended
        }
    }

    deinit {
        curl_slist_free_all(pointer)
    }
}
