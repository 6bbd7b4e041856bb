enum LogLevel: String { case debug, info, warning, error }
