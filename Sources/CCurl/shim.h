#ifndef PAYMENT_OPS_CCURL_SHIM_H
#define PAYMENT_OPS_CCURL_SHIM_H

#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call.
// These typed wrappers pin the argument type for each kind of option.

static inline CURLcode payment_ops_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode payment_ops_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode payment_ops_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode payment_ops_curl_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*payment_ops_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode payment_ops_curl_setopt_data_callback(
    CURL *handle, CURLoption option, payment_ops_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

typedef int (*payment_ops_curl_progress_callback)(
    void *context, curl_off_t download_total, curl_off_t downloaded, curl_off_t upload_total, curl_off_t uploaded);

static inline CURLcode payment_ops_curl_setopt_progress_callback(
    CURL *handle, payment_ops_curl_progress_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}

typedef int (*payment_ops_curl_prereq_callback)(
    void *context, char *primary_ip, char *local_ip, int primary_port, int local_port);

static inline CURLcode payment_ops_curl_setopt_prereq_callback(
    CURL *handle, payment_ops_curl_prereq_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_PREREQFUNCTION, callback);
}

static inline CURLcode payment_ops_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode payment_ops_curl_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
