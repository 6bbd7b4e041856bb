import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// libpq's entry points, loaded with `dlopen` the first time a PostgreSQL URL is used.
///
/// Linking libpq would make the dynamic loader map it and its TLS, Kerberos and LDAP dependencies at every start
/// of the server, although most installations use SQLite. Loading it on first use moves that cost to the first
/// PostgreSQL connection, as `LibCurl` does for the first Stripe call.
///
/// `@unchecked Sendable` because `@convention(c)` function types are not `Sendable` to the checker. Safe: every
/// member is an immutable address of code in a library that is never unloaded.
struct LibPQ: @unchecked Sendable {
    /// The library's file name, as the system's loader finds it.
    #if canImport(Darwin)
        static let fileName = "libpq.5.dylib"
    #else
        static let fileName = "libpq.so.5"
    #endif

    /// The loaded library, or `nil` when it is missing or lacks a function; loaded once, on first use, by
    /// Swift's thread-safe lazy initialisation of globals.
    static let shared: LibPQ? = LibPQ(fileName: fileName)

    /// The loaded library, or the error that says how to install it.
    static func load() throws(PostgresError) -> LibPQ {
        guard let shared else { throw PostgresError.libraryMissing(fileName: fileName) }
        return shared
    }

    typealias Connection = OpaquePointer
    typealias Result = OpaquePointer

    typealias ConninfoParseFunction =
        @convention(c) (UnsafePointer<CChar>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) ->
        UnsafeMutablePointer<PQconninfoOption>?
    typealias ConninfoFreeFunction = @convention(c) (UnsafeMutablePointer<PQconninfoOption>?) -> Void
    typealias FreememFunction = @convention(c) (UnsafeMutableRawPointer?) -> Void
    typealias ConnectdbParamsFunction =
        @convention(c) (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<UnsafePointer<CChar>?>?, Int32) ->
        Connection?
    typealias FinishFunction = @convention(c) (Connection?) -> Void
    typealias StatusFunction = @convention(c) (Connection?) -> ConnStatusType
    typealias TransactionStatusFunction = @convention(c) (Connection?) -> PGTransactionStatusType
    typealias ErrorMessageFunction = @convention(c) (Connection?) -> UnsafeMutablePointer<CChar>?
    typealias ServerVersionFunction = @convention(c) (Connection?) -> Int32
    typealias SslInUseFunction = @convention(c) (Connection?) -> Int32
    typealias BackendPIDFunction = @convention(c) (Connection?) -> Int32
    typealias SetNoticeProcessorFunction =
        @convention(c) (Connection?, PQnoticeProcessor?, UnsafeMutableRawPointer?) -> PQnoticeProcessor?
    typealias ExecFunction = @convention(c) (Connection?, UnsafePointer<CChar>?) -> Result?
    typealias PrepareFunction =
        @convention(c) (Connection?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, Int32, UnsafePointer<Oid>?) ->
        Result?
    typealias ExecPreparedFunction =
        @convention(c) (
            Connection?, UnsafePointer<CChar>?, Int32, UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?,
            UnsafePointer<Int32>?, Int32
        ) -> Result?
    typealias ResultStatusFunction = @convention(c) (Result?) -> ExecStatusType
    typealias ResultErrorFieldFunction = @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    typealias ClearFunction = @convention(c) (Result?) -> Void
    typealias NtuplesFunction = @convention(c) (Result?) -> Int32
    typealias NfieldsFunction = @convention(c) (Result?) -> Int32
    typealias FnameFunction = @convention(c) (Result?, Int32) -> UnsafeMutablePointer<CChar>?
    typealias GetvalueFunction = @convention(c) (Result?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    typealias GetlengthFunction = @convention(c) (Result?, Int32, Int32) -> Int32
    typealias GetisnullFunction = @convention(c) (Result?, Int32, Int32) -> Int32
    typealias CmdTuplesFunction = @convention(c) (Result?) -> UnsafeMutablePointer<CChar>?

    let conninfoParse: ConninfoParseFunction
    let conninfoFree: ConninfoFreeFunction
    let freemem: FreememFunction
    let connectdbParams: ConnectdbParamsFunction
    let finish: FinishFunction
    let status: StatusFunction
    let transactionStatus: TransactionStatusFunction
    let errorMessage: ErrorMessageFunction
    let serverVersion: ServerVersionFunction
    let sslInUse: SslInUseFunction
    let backendPID: BackendPIDFunction
    let setNoticeProcessor: SetNoticeProcessorFunction
    let exec: ExecFunction
    let prepare: PrepareFunction
    let execPrepared: ExecPreparedFunction
    let resultStatus: ResultStatusFunction
    let resultErrorField: ResultErrorFieldFunction
    let clear: ClearFunction
    let ntuples: NtuplesFunction
    let nfields: NfieldsFunction
    let fname: FnameFunction
    let getvalue: GetvalueFunction
    let getlength: GetlengthFunction
    let getisnull: GetisnullFunction
    let cmdTuples: CmdTuplesFunction

    /// Loads the library and looks up every function; `nil` when any is missing. The library stays loaded for
    /// the life of the process, as a linked one would.
    private init?(fileName: String) {
        guard let library = dlopen(fileName, RTLD_NOW | RTLD_LOCAL) else { return nil }
        func function<Function>(_ name: String) -> Function? {
            dlsym(library, name).map { unsafeBitCast($0, to: Function.self) }
        }
        guard let conninfoParse: ConninfoParseFunction = function("PQconninfoParse"),
            let conninfoFree: ConninfoFreeFunction = function("PQconninfoFree"),
            let freemem: FreememFunction = function("PQfreemem"),
            let connectdbParams: ConnectdbParamsFunction = function("PQconnectdbParams"),
            let finish: FinishFunction = function("PQfinish"),
            let status: StatusFunction = function("PQstatus"),
            let transactionStatus: TransactionStatusFunction = function("PQtransactionStatus"),
            let errorMessage: ErrorMessageFunction = function("PQerrorMessage"),
            let serverVersion: ServerVersionFunction = function("PQserverVersion"),
            let sslInUse: SslInUseFunction = function("PQsslInUse"),
            let backendPID: BackendPIDFunction = function("PQbackendPID"),
            let setNoticeProcessor: SetNoticeProcessorFunction = function("PQsetNoticeProcessor"),
            let exec: ExecFunction = function("PQexec"),
            let prepare: PrepareFunction = function("PQprepare"),
            let execPrepared: ExecPreparedFunction = function("PQexecPrepared"),
            let resultStatus: ResultStatusFunction = function("PQresultStatus"),
            let resultErrorField: ResultErrorFieldFunction = function("PQresultErrorField"),
            let clear: ClearFunction = function("PQclear"),
            let ntuples: NtuplesFunction = function("PQntuples"),
            let nfields: NfieldsFunction = function("PQnfields"),
            let fname: FnameFunction = function("PQfname"),
            let getvalue: GetvalueFunction = function("PQgetvalue"),
            let getlength: GetlengthFunction = function("PQgetlength"),
            let getisnull: GetisnullFunction = function("PQgetisnull"),
            let cmdTuples: CmdTuplesFunction = function("PQcmdTuples")
        else { return nil }
        self.conninfoParse = conninfoParse
        self.conninfoFree = conninfoFree
        self.freemem = freemem
        self.connectdbParams = connectdbParams
        self.finish = finish
        self.status = status
        self.transactionStatus = transactionStatus
        self.errorMessage = errorMessage
        self.serverVersion = serverVersion
        self.sslInUse = sslInUse
        self.backendPID = backendPID
        self.setNoticeProcessor = setNoticeProcessor
        self.exec = exec
        self.prepare = prepare
        self.execPrepared = execPrepared
        self.resultStatus = resultStatus
        self.resultErrorField = resultErrorField
        self.clear = clear
        self.ntuples = ntuples
        self.nfields = nfields
        self.fname = fname
        self.getvalue = getvalue
        self.getlength = getlength
        self.getisnull = getisnull
        self.cmdTuples = cmdTuples
    }
}
