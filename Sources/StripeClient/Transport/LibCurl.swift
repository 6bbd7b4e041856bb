import CCurl

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libcurl's entry points, loaded with `dlopen` the first time a transfer needs them.
///
/// Linking libcurl made the dynamic loader map and relocate some thirty libraries (TLS, Kerberos, LDAP, …) at
/// every start of the server, about two thirds of its start-up time, although many sessions never call Stripe.
/// Loading it on first use moves that cost to the first Stripe call.
///
/// `@unchecked Sendable` because Swift imports the variadic function pointers as `OpaquePointer`, which is not
/// `Sendable`. Safe: every member is an immutable address of code in a library that is never unloaded.
struct LibCurl: @unchecked Sendable {
    /// The library's file name, as the system's loader finds it.
    #if canImport(Darwin)
        static let fileName = "libcurl.4.dylib"
    #else
        static let fileName = "libcurl.so.4"
    #endif

    /// The loaded library, or `nil` when it is missing or lacks a function; loaded once, on first use, by
    /// Swift's thread-safe lazy initialisation of globals.
    static let shared: LibCurl? = LibCurl(fileName: fileName)

    /// Runs libcurl's one-time global set-up (TLS library included), once, before the first handle exists.
    static let globalInitResult: CURLcode = shared.map { $0.globalInit(Int(CURL_GLOBAL_ALL)) } ?? CURLE_FAILED_INIT

    let globalInit: @convention(c) (Int) -> CURLcode
    let easyInit: @convention(c) () -> UnsafeMutableRawPointer?
    let easyCleanup: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let easyReset: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let easyPerform: @convention(c) (UnsafeMutableRawPointer?) -> CURLcode
    let easyStrerror: @convention(c) (CURLcode) -> UnsafePointer<CChar>?
    let slistAppend:
        @convention(c) (UnsafeMutablePointer<curl_slist>?, UnsafePointer<CChar>?) -> UnsafeMutablePointer<curl_slist>?
    let slistFreeAll: @convention(c) (UnsafeMutablePointer<curl_slist>?) -> Void
    /// Variadic: called only through the shim's typed wrappers.
    let setopt: payment_ops_curl_setopt_function
    /// Variadic: called only through the shim's typed wrappers.
    let getinfo: payment_ops_curl_getinfo_function

    /// Loads the library and looks up every function; `nil` when any is missing. The library stays loaded for
    /// the life of the process, as a linked one would.
    private init?(fileName: String) {
        guard let library = dlopen(fileName, RTLD_NOW | RTLD_LOCAL) else { return nil }
        func function<Function>(_ name: String, as type: Function.Type) -> Function? {
            dlsym(library, name).map { unsafeBitCast($0, to: type) }
        }
        guard let globalInit = function("curl_global_init", as: (@convention(c) (Int) -> CURLcode).self),
            let easyInit = function("curl_easy_init", as: (@convention(c) () -> UnsafeMutableRawPointer?).self),
            let easyCleanup = function(
                "curl_easy_cleanup", as: (@convention(c) (UnsafeMutableRawPointer?) -> Void).self),
            let easyReset = function("curl_easy_reset", as: (@convention(c) (UnsafeMutableRawPointer?) -> Void).self),
            let easyPerform = function(
                "curl_easy_perform", as: (@convention(c) (UnsafeMutableRawPointer?) -> CURLcode).self),
            let easyStrerror = function(
                "curl_easy_strerror", as: (@convention(c) (CURLcode) -> UnsafePointer<CChar>?).self),
            let slistAppend = function(
                "curl_slist_append",
                as: (@convention(c) (UnsafeMutablePointer<curl_slist>?, UnsafePointer<CChar>?)
                    -> UnsafeMutablePointer<curl_slist>?).self),
            let slistFreeAll = function(
                "curl_slist_free_all", as: (@convention(c) (UnsafeMutablePointer<curl_slist>?) -> Void).self),
            let setopt = function("curl_easy_setopt", as: payment_ops_curl_setopt_function.self),
            let getinfo = function("curl_easy_getinfo", as: payment_ops_curl_getinfo_function.self)
        else { return nil }
        self.globalInit = globalInit
        self.easyInit = easyInit
        self.easyCleanup = easyCleanup
        self.easyReset = easyReset
        self.easyPerform = easyPerform
        self.easyStrerror = easyStrerror
        self.slistAppend = slistAppend
        self.slistFreeAll = slistFreeAll
        self.setopt = setopt
        self.getinfo = getinfo
    }
}
